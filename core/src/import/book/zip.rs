//! The ZIP container of an XLSX workbook: its central directory, and each
//! member stored or deflated. No ZIP writer, encryption or multi-disk
//! archive: Excel and office suites write none of these into a workbook.

use std::io::Read;

use miniz_oxide::inflate::stream::{InflateState, inflate};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

use super::le::{u16_at, u32_at, u64_at};
use super::{BookError, ZIP_MAGIC};

/// One member of the archive, as the central directory lists it.
#[derive(Debug)]
struct Entry {
    name: String,
    method: u16,
    compressed: u64,
    size: u64,
    local_header: u64,
}

/// An archive read from bytes in memory.
#[derive(Debug)]
pub(super) struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

/// An offset the archive states, when it lies within it: offsets past the
/// end (which ZIP64 can state up to 2^64) are damage, not arithmetic.
fn offset_in(bytes: &[u8], offset: u64) -> Option<usize> {
    usize::try_from(offset).ok().filter(|&at| at <= bytes.len())
}

fn damaged(what: &str) -> BookError {
    BookError::Damaged(format!("ZIP: {what}"))
}

impl<'a> Archive<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Result<Archive<'a>, BookError> {
        // The end-of-directory record is within the last 64 KiB + 22 bytes
        // (its comment is at most 65,535 bytes).
        let from = bytes.len().saturating_sub(65_557);
        let end = memchr::memmem::rfind(&bytes[from..], b"PK\x05\x06")
            .map(|i| from + i)
            .ok_or(BookError::Truncated)?;
        let mut count = u64::from(u16_at(bytes, end + 10).ok_or(BookError::Truncated)?);
        let mut offset = u64::from(u32_at(bytes, end + 16).ok_or(BookError::Truncated)?);
        if (count == 0xFFFF || offset == 0xFFFF_FFFF) && end >= 20 {
            // ZIP64: a locator just before the record points at the real one.
            let locator = end - 20;
            if bytes.get(locator..locator + 4) == Some(b"PK\x06\x07") {
                let at = u64_at(bytes, locator + 8)
                    .and_then(|at| offset_in(bytes, at))
                    .ok_or_else(|| damaged("ZIP64 locator"))?;
                if bytes.get(at..at + 4) != Some(b"PK\x06\x06") {
                    return Err(damaged("ZIP64 end of directory missing"));
                }
                count = u64_at(bytes, at + 32).ok_or_else(|| damaged("ZIP64 directory"))?;
                offset = u64_at(bytes, at + 48).ok_or_else(|| damaged("ZIP64 directory"))?;
            }
        }
        let mut at = offset_in(bytes, offset).ok_or_else(|| damaged("directory offset"))?;
        let mut entries = Vec::new();
        for _ in 0..count {
            if bytes.get(at..at + 4) != Some(b"PK\x01\x02") {
                return Err(damaged("central directory entry missing"));
            }
            let field =
                |o: usize| u16_at(bytes, at + o).ok_or_else(|| damaged("directory entry cut off"));
            let word =
                |o: usize| u32_at(bytes, at + o).ok_or_else(|| damaged("directory entry cut off"));
            let method = field(10)?;
            let mut compressed = u64::from(word(20)?);
            let mut size = u64::from(word(24)?);
            let name_len = usize::from(field(28)?);
            let extra_len = usize::from(field(30)?);
            let comment_len = usize::from(field(32)?);
            let mut local_header = u64::from(word(42)?);
            let name = bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or_else(|| damaged("directory entry cut off"))?;
            let extra = bytes
                .get(at + 46 + name_len..at + 46 + name_len + extra_len)
                .ok_or_else(|| damaged("directory entry cut off"))?;
            // ZIP64 sizes and offset, in this order, for the fields that say
            // 0xFFFFFFFF.
            let mut e = 0;
            while e + 4 <= extra.len() {
                let id = u16_at(extra, e).unwrap_or(0);
                let len = usize::from(u16_at(extra, e + 2).unwrap_or(0));
                if id == 1 {
                    let mut values = extra[e + 4..(e + 4 + len).min(extra.len())]
                        .chunks_exact(8)
                        .filter_map(|c| u64_at(c, 0));
                    for slot in [&mut size, &mut compressed, &mut local_header] {
                        if *slot == 0xFFFF_FFFF {
                            *slot = values.next().ok_or_else(|| damaged("ZIP64 sizes"))?;
                        }
                    }
                }
                e += 4 + len;
            }
            entries.push(Entry {
                name: String::from_utf8_lossy(name).replace('\\', "/"),
                method,
                compressed,
                size,
                local_header,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    fn find(&self, name: &str) -> Option<&Entry> {
        let name = name.trim_start_matches('/');
        self.entries.iter().find(|e| e.name == name).or_else(|| {
            self.entries
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(name))
        })
    }

    /// Member `name` as it inflates, a piece at a time (a worksheet's XML
    /// can be ten times its compressed size: it is never held whole);
    /// `Ok(None)` when there is none.
    pub(super) fn open(&self, name: &str) -> Result<Option<Member<'a>>, BookError> {
        let Some(entry) = self.find(name) else {
            return Ok(None);
        };
        let cut = || damaged(&format!("{} is cut off", entry.name));
        let at = offset_in(self.bytes, entry.local_header).ok_or_else(cut)?;
        if self.bytes.get(at..at + 4) != Some(ZIP_MAGIC) {
            return Err(damaged(&format!("{}: local header missing", entry.name)));
        }
        let name_len = usize::from(u16_at(self.bytes, at + 26).ok_or_else(cut)?);
        let extra_len = usize::from(u16_at(self.bytes, at + 28).ok_or_else(cut)?);
        let start = at + 30 + name_len + extra_len;
        let len = usize::try_from(entry.compressed).map_err(|_| cut())?;
        let data = self
            .bytes
            .get(start..start.saturating_add(len))
            .ok_or_else(cut)?;
        let source = match entry.method {
            0 => Source::Stored(data),
            8 => Source::Deflated {
                state: InflateState::new_boxed(DataFormat::Raw),
                input: data,
                done: false,
            },
            m => {
                return Err(BookError::Damaged(format!(
                    "ZIP: {} uses compression method {m}, which office suites do not write",
                    entry.name
                )));
            }
        };
        Ok(Some(Member {
            source,
            left: entry.size,
        }))
    }
}

/// The bytes of one member, as [`Archive::open`] gives them.
pub(super) struct Member<'a> {
    source: Source<'a>,
    /// Bytes the directory says are still to come: never more are given
    /// (a damaged or hostile member cannot grow without bound).
    left: u64,
}

enum Source<'a> {
    Stored(&'a [u8]),
    Deflated {
        state: Box<InflateState>,
        input: &'a [u8],
        done: bool,
    },
}

impl std::fmt::Debug for Member<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Member")
            .field("left", &self.left)
            .finish_non_exhaustive()
    }
}

impl Read for Member<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let broken = |what: &str| std::io::Error::other(format!("ZIP: {what}"));
        let room = out
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let out = &mut out[..room];
        let n = match &mut self.source {
            Source::Stored(data) => data.read(out)?,
            Source::Deflated { state, input, done } => loop {
                if *done || out.is_empty() {
                    break 0;
                }
                let r = inflate(state, input, out, MZFlush::None);
                *input = &input[r.bytes_consumed..];
                match r.status {
                    Ok(MZStatus::StreamEnd) => {
                        *done = true;
                        break r.bytes_written;
                    }
                    _ if r.bytes_written > 0 => break r.bytes_written,
                    Ok(_) | Err(MZError::Buf) if r.bytes_consumed > 0 => {}
                    Ok(_) | Err(MZError::Buf) => {
                        return Err(broken("a compressed member is cut off"));
                    }
                    Err(e) => {
                        return Err(broken(&format!("a compressed member is damaged ({e:?})")));
                    }
                }
            },
        };
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::{Archive, BookError};

    #[test]
    fn a_zip64_directory_offset_past_the_end_is_damage() {
        // A ZIP64 end of directory whose directory starts near 2^64, its
        // locator, and the classic record that defers to them.
        let mut bytes = b"PK\x06\x06".to_vec();
        bytes.resize(56, 0);
        bytes[32..40].copy_from_slice(&1u64.to_le_bytes());
        bytes[48..56].copy_from_slice(&(u64::MAX - 1).to_le_bytes());
        bytes.extend_from_slice(b"PK\x06\x07\0\0\0\0");
        bytes.extend_from_slice(&0u64.to_le_bytes());
        bytes.extend_from_slice(&[1, 0, 0, 0]);
        bytes.extend_from_slice(b"PK\x05\x06\0\0\0\0\xFF\xFF\xFF\xFF\0\0\0\0\xFF\xFF\xFF\xFF\0\0");
        assert!(matches!(
            Archive::new(&bytes),
            Err(BookError::Damaged(words)) if words.contains("directory offset")
        ));
    }
}
