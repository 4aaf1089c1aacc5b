//! The OLE compound file ("CFB") an XLS workbook lives in: a small file
//! system of sectors chained through an allocation table. Only what finds
//! and reads the workbook stream.

use super::{BookError, le};

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;

fn damaged(what: impl std::fmt::Display) -> BookError {
    BookError::Damaged(format!("compound file: {what}"))
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, BookError> {
    le::u16_at(b, at).ok_or_else(|| damaged("cut off"))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, BookError> {
    le::u32_at(b, at).ok_or_else(|| damaged("cut off"))
}

/// An allocation table's entries: little-endian sector numbers.
fn words(table: &[u8]) -> impl Iterator<Item = u32> + '_ {
    table.chunks_exact(4).filter_map(|w| le::u32_at(w, 0))
}

struct File<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
}

impl File<'_> {
    fn sector(&self, id: u32) -> Result<&[u8], BookError> {
        let start = (id as usize + 1)
            .checked_mul(self.sector)
            .ok_or_else(|| damaged("sector out of range"))?;
        // The last sector of a file may be short.
        let end = (start + self.sector).min(self.bytes.len());
        self.bytes
            .get(start..end)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| damaged(format!("sector {id} lies beyond the end of the file")))
    }

    /// The sectors of the chain from `start` through `table`, in order,
    /// as one buffer; an error once it would outgrow `limit` bytes (no
    /// stream is larger than what holds it, so a chain that does loops).
    fn chain<'d>(
        start: u32,
        table: &[u32],
        limit: usize,
        data: &dyn Fn(u32) -> Result<&'d [u8], BookError>,
    ) -> Result<Vec<u8>, BookError> {
        let mut out = Vec::new();
        let mut id = start;
        let mut steps = 0;
        while id != END_OF_CHAIN {
            if id == FREE || steps > table.len() || out.len() > limit {
                return Err(damaged("a sector chain is broken or loops"));
            }
            out.extend_from_slice(data(id)?);
            id = *table
                .get(id as usize)
                .ok_or_else(|| damaged("a sector chain leaves the table"))?;
            steps += 1;
        }
        Ok(out)
    }

    fn big_chain(&self, start: u32) -> Result<Vec<u8>, BookError> {
        Self::chain(start, &self.fat, self.bytes.len(), &|id| self.sector(id))
    }
}

/// The header's checks, and the file with its allocation table.
fn open(bytes: &[u8]) -> Result<File<'_>, BookError> {
    if bytes.len() < 512 {
        return Err(damaged("shorter than its header"));
    }
    let shift = u16_at(bytes, 0x1E)?;
    if shift != 9 && shift != 12 {
        return Err(damaged(format!(
            "invalid header (sector size field {shift})"
        )));
    }
    let mini_shift = u16_at(bytes, 0x20)?;
    if mini_shift != 6 {
        return Err(damaged(format!(
            "invalid header (mini sector size field {mini_shift})"
        )));
    }
    let mut file = File {
        bytes,
        sector: 1usize << shift,
        fat: Vec::new(),
    };
    // The allocation table's sectors: 109 in the header, more in a chain
    // of DIFAT sectors (each ends with the next one's number).
    let mut fat_sectors: Vec<u32> = (0..109)
        .map(|i| u32_at(bytes, 0x4C + i * 4))
        .collect::<Result<_, _>>()?;
    let mut difat_sector = u32_at(bytes, 0x44)?;
    let difat_count = u32_at(bytes, 0x48)?;
    let per_sector = file.sector / 4;
    for _ in 0..difat_count.min((bytes.len() / file.sector) as u32) {
        if difat_sector == END_OF_CHAIN || difat_sector == FREE {
            break;
        }
        let s = file.sector(difat_sector)?;
        for i in 0..per_sector - 1 {
            fat_sectors.push(u32_at(s, i * 4)?);
        }
        difat_sector = u32_at(s, (per_sector - 1) * 4)?;
    }
    let mut fat = Vec::new();
    for &id in fat_sectors
        .iter()
        .filter(|&&id| id != FREE && id != END_OF_CHAIN)
    {
        let s = file.sector(id)?;
        fat.extend(words(s));
    }
    file.fat = fat;
    Ok(file)
}

/// The bytes of the workbook stream (`Workbook`, or `Book` in Excel 95 files).
pub(super) fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, BookError> {
    let file = open(bytes)?;
    let directory_start = u32_at(bytes, 0x30)?;
    let cutoff = u32_at(bytes, 0x38)? as usize;
    let mini_fat_start = u32_at(bytes, 0x3C)?;
    let directory = file.big_chain(directory_start)?;
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let root = entries.first().ok_or_else(|| damaged("no directory"))?;
    let name = |e: &[u8]| -> String {
        let len = usize::from(le::u16_at(e, 64).unwrap_or(0)).min(64);
        let units: Vec<u16> = e[..len]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .take_while(|&u| u != 0)
            .collect();
        String::from_utf16_lossy(&units)
    };
    let stream = ["Workbook", "Book"]
        .iter()
        .find_map(|wanted| {
            entries
                .iter()
                .find(|e| e[66] == 2 && name(e).eq_ignore_ascii_case(wanted))
        })
        .ok_or_else(|| {
            // An XLSX with a password to open is a compound file holding
            // the encrypted package.
            if entries
                .iter()
                .any(|e| e[66] == 2 && name(e) == "EncryptedPackage")
            {
                BookError::Encrypted
            } else {
                damaged("no Workbook stream: not an Excel file")
            }
        })?;
    let start = u32_at(stream, 116)?;
    let size = u32_at(stream, 120)? as usize;
    let mut data = if size < cutoff {
        // Small streams live in the mini stream, 64-byte sectors chained
        // through the mini allocation table.
        let mini_stream = file.big_chain(u32_at(root, 116)?)?;
        let mini_fat: Vec<u32> = words(&file.big_chain(mini_fat_start)?).collect();
        File::chain(start, &mini_fat, mini_stream.len(), &|id| {
            let at = id as usize * 64;
            mini_stream
                .get(at..at + 64)
                .ok_or_else(|| damaged("a mini sector lies beyond the mini stream"))
        })?
    } else {
        file.big_chain(start)?
    };
    if data.len() < size {
        return Err(damaged("the workbook stream is cut off"));
    }
    data.truncate(size);
    Ok(data)
}
