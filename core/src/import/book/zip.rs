//! The ZIP container of an XLSX workbook: its central directory, and each
//! member stored or deflated. No ZIP writer, encryption or multi-disk
//! archive: Excel and office suites write none of these into a workbook.

use super::BookError;

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

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
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
                let at = u64_at(bytes, locator + 8).ok_or_else(|| damaged("ZIP64 locator"))?;
                let at = usize::try_from(at).map_err(|_| damaged("ZIP64 locator"))?;
                if bytes.get(at..at + 4) != Some(b"PK\x06\x06") {
                    return Err(damaged("ZIP64 end of directory missing"));
                }
                count = u64_at(bytes, at + 32).ok_or_else(|| damaged("ZIP64 directory"))?;
                offset = u64_at(bytes, at + 48).ok_or_else(|| damaged("ZIP64 directory"))?;
            }
        }
        let mut at = usize::try_from(offset).map_err(|_| damaged("directory offset"))?;
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
                    for field in [&mut size, &mut compressed, &mut local_header] {
                        if *field == 0xFFFF_FFFF {
                            *field = values.next().ok_or_else(|| damaged("ZIP64 sizes"))?;
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

    /// The bytes of member `name`; `Ok(None)` when there is none.
    pub(super) fn read(&self, name: &str) -> Result<Option<Vec<u8>>, BookError> {
        let Some(entry) = self.find(name) else {
            return Ok(None);
        };
        let cut = || damaged(&format!("{} is cut off", entry.name));
        let at = usize::try_from(entry.local_header).map_err(|_| cut())?;
        if self.bytes.get(at..at + 4) != Some(b"PK\x03\x04") {
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
        let size = usize::try_from(entry.size).map_err(|_| cut())?;
        match entry.method {
            0 => Ok(Some(data.to_vec())),
            8 => {
                // Never more than the directory declared: a damaged or
                // hostile member cannot grow without bound.
                let out = miniz_oxide::inflate::decompress_to_vec_with_limit(data, size)
                    .map_err(|e| damaged(&format!("{}: {:?}", entry.name, e.status)))?;
                if out.len() == size {
                    Ok(Some(out))
                } else {
                    Err(damaged(&format!(
                        "{}: size differs from the directory's",
                        entry.name
                    )))
                }
            }
            m => Err(BookError::Damaged(format!(
                "ZIP: {} uses compression method {m}, which office suites do not write",
                entry.name
            ))),
        }
    }
}
