//! Workbooks, read by our own small readers: XLSX (XML in a ZIP container)
//! and legacy XLS (BIFF8 records in an OLE compound file).
//!
//! Our own rather than a library's so that the dashboard links one
//! character set (GB18030, for old XLS files) instead of every East Asian
//! one, and so that a workbook is read in one pass: cell values, merged
//! regions and formulas without a saved result together. The readers were
//! written against calamine's results, and `book/compare.rs` (a test)
//! still compares the two on every workbook the project has.

use std::sync::Arc;

mod cfb;
#[cfg(test)]
mod compare;
mod formula;
mod xls;
mod xlsx;
mod zip;

/// Little-endian numbers at a byte offset of the binary containers,
/// `None` past the end.
mod le {
    fn take<const N: usize>(b: &[u8], at: usize) -> Option<[u8; N]> {
        b.get(at..at.checked_add(N)?)?.try_into().ok()
    }

    pub(super) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
        take(b, at).map(u16::from_le_bytes)
    }

    pub(super) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
        take(b, at).map(u32::from_le_bytes)
    }

    pub(super) fn u64_at(b: &[u8], at: usize) -> Option<u64> {
        take(b, at).map(u64::from_le_bytes)
    }

    pub(super) fn f64_at(b: &[u8], at: usize) -> Option<f64> {
        take(b, at).map(f64::from_le_bytes)
    }
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    /// A text of the workbook's shared strings, by its index (checked by
    /// the reader): many cells, one copy.
    Shared(u32),
    Number(f64),
    /// A number shown as a date or time: the serial day counted in Excel's
    /// 1900 system (a 1904-system workbook's serials are moved to it).
    Date(f64),
    Bool(bool),
    /// An error the sheet shows, as it shows it (`#N/A`).
    Error(String),
}

/// A cell with a value, zero-based row and column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    pub row: u32,
    pub col: u32,
    pub value: Value,
}

/// A merged region, zero-based, first and last cells included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merge {
    pub first: (u32, u32),
    pub last: (u32, u32),
}

/// One worksheet.
#[derive(Debug, Default)]
pub(crate) struct Sheet {
    pub name: String,
    /// The cells that hold a value, in the order the file gives them.
    pub cells: Vec<Cell>,
    pub merged: Vec<Merge>,
    /// Formulas of cells without a saved value (zero-based row, column),
    /// without the leading `=`.
    pub formulas: Vec<(u32, u32, String)>,
    /// The workbook's shared strings, which [`Value::Shared`] points into.
    pub strings: Arc<[String]>,
}

impl Sheet {
    /// The shared string `index` points to.
    pub(crate) fn shared(&self, index: u32) -> &str {
        self.strings.get(index as usize).map_or("", String::as_str)
    }
}

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BookError {
    /// Neither an OLE compound file nor a ZIP archive.
    NotAWorkbook,
    /// A ZIP archive without its directory at the end.
    Truncated,
    /// A ZIP archive without `xl/workbook.xml`.
    NoWorkbookPart,
    /// The workbook is encrypted with a password to open it.
    Encrypted,
    /// The container or its content is damaged; the words say where.
    Damaged(String),
}

/// How an XLS workbook's container (an OLE compound file) starts.
pub(crate) const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// How an XLSX workbook's container (a ZIP archive) starts: its first
/// member's local header.
pub(crate) const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Every worksheet of the workbook in `bytes`, in the workbook's order.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Sheet>, BookError> {
    if bytes.starts_with(OLE_MAGIC) {
        let stream = cfb::workbook_stream(bytes)?;
        xls::read(&stream)
    } else if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(b"PK\x05\x06") {
        xlsx::read(bytes)
    } else {
        Err(BookError::NotAWorkbook)
    }
}

/// True when number format `code` shows a date or a time. The first
/// section decides; quoted and escaped text, and colours or locales in
/// brackets, are skipped; `[h]`, `[mm]` and `[ss]` are durations.
pub(crate) fn is_date_format(code: &str) -> bool {
    let mut escaped = false;
    let mut quoted = false;
    let mut brackets = 0u8;
    let mut previous = ' ';
    let mut duration = false;
    let mut am_pm = false;
    for c in code.chars() {
        if escaped {
            escaped = false;
        } else if c == '_' || c == '\\' {
            // Escapes count inside quotes too (as Excel reads them).
            escaped = true;
        } else if quoted {
            quoted = c != '"';
        } else {
            match c {
                '"' => quoted = true,
                ';' => return false,
                '[' => brackets += 1,
                ']' if brackets == 1 && duration => return true,
                ']' => brackets = brackets.saturating_sub(1),
                'a' | 'A' if !am_pm && brackets == 0 => am_pm = true,
                'p' | 'm' | '/' | 'P' | 'M' if am_pm && brackets == 0 => return true,
                'd' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S'
                    if !am_pm && brackets == 0 =>
                {
                    return true;
                }
                _ => {
                    if !(duration && c.eq_ignore_ascii_case(&previous)) {
                        duration =
                            previous == '[' && matches!(c, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                    }
                }
            }
        }
        previous = c;
    }
    false
}

/// True for the built-in number formats that show a date or a time
/// (14–22: dates and times; 45–47: minutes and seconds, `[h]:mm:ss`).
pub(crate) fn is_date_format_id(id: u32) -> bool {
    matches!(id, 14..=22 | 45..=47)
}

/// The number formats a workbook defines (XLSX `numFmt`, XLS FORMAT),
/// as whether each shows a date; the built-in ones need no definition.
#[derive(Debug, Default)]
pub(crate) struct NumberFormats(Vec<(u32, bool)>);

impl NumberFormats {
    /// Format `id` is `code`; an empty code defines nothing.
    pub(crate) fn define(&mut self, id: u32, code: &str) {
        if !code.is_empty() {
            self.0.push((id, is_date_format(code)));
        }
    }

    /// True when format `id` shows a date: its last definition decides,
    /// or else the built-in format of that number.
    pub(crate) fn shows_date(&self, id: u32) -> bool {
        self.0
            .iter()
            .rev()
            .find(|(defined, _)| *defined == id)
            .map_or_else(|| is_date_format_id(id), |&(_, date)| date)
    }
}

/// The column of letters such as `AB`, from 1 (`A`); the caller checks
/// they are one to three ASCII letters.
pub(crate) fn column_number(letters: &[u8]) -> u32 {
    letters.iter().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    })
}

/// Days from 1900-01-00 to 1904-01-01 in Excel's counting: a 1904-system
/// serial plus this is the 1900-system serial of the same day.
const DAYS_1904: f64 = 1462.0;

/// The value of a number cell under its format.
pub(crate) fn number(value: f64, date: bool, is_1904: bool) -> Value {
    match (date, is_1904) {
        (false, _) => Value::Number(value),
        (true, false) => Value::Date(value),
        (true, true) => Value::Date(value + DAYS_1904),
    }
}

#[cfg(test)]
mod tests {
    use super::is_date_format;

    #[test]
    fn date_formats_are_told_from_number_formats() {
        for date in [
            "yyyy-mm-dd",
            "yyyy\"年\"m\"月\"d\"日\"",
            "DD/MM/YY",
            "H:MM:SS;@",
            "m\"M\"d\"D\";@",
            "[h]:mm:ss",
            "[$-804]yyyy/m/d",
            "h:mm AM/PM",
        ] {
            assert!(is_date_format(date), "{date}");
        }
        for other in [
            "0.00",
            "#,##0",
            "@",
            "General",
            "\"$\"#,##0_);[Red](\"$\"#,##0)",
            "#,##0\\ [$\\u20bd-46D]",
            "\"Y: \"0.00\"m\";\"Y: \"-0.00\"m\";\"Y: <num>m\";@",
            "0\"天\"",
        ] {
            assert!(!is_date_format(other), "{other}");
        }
    }
}
