//! XLS (BIFF8, Excel 97–2003, and BIFF5, Excel 95): a stream of records.
//! The workbook's globals come first (formats, sheet list, shared
//! strings), then each sheet's records from where its entry points.

use std::sync::Arc;

use super::le::{f64_at, u16_at, u32_at};
use super::{BookError, Cell, Merge, NumberFormats, Sheet, Value, number};
use crate::import::decode::utf16;
use crate::import::gb18030;

fn damaged(what: impl std::fmt::Display) -> BookError {
    BookError::Damaged(format!("XLS: {what}"))
}

/// A record and the CONTINUE records after it.
struct Record<'a> {
    kind: u16,
    parts: Vec<&'a [u8]>,
}

impl<'a> Record<'a> {
    fn data(&self) -> &'a [u8] {
        self.parts[0]
    }
}

/// The next record's type and data, the rest of the stream after it.
fn next<'a>(rest: &mut &'a [u8]) -> Option<(u16, &'a [u8])> {
    let kind = u16_at(rest, 0)?;
    let len = usize::from(u16_at(rest, 2)?);
    let data = rest.get(4..4 + len)?;
    *rest = &rest[4 + len..];
    Some((kind, data))
}

/// The records of `stream` from its start, up to and including EOF.
fn records(stream: &[u8]) -> impl Iterator<Item = Result<Record<'_>, BookError>> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        if rest.len() < 4 {
            return (!rest.is_empty()).then(|| Err(damaged("a record header is cut off")));
        }
        let Some((kind, data)) = next(&mut rest) else {
            rest = &[];
            return Some(Err(damaged("a record is cut off")));
        };
        let mut parts = vec![data];
        while u16_at(rest, 0) == Some(0x003C) {
            let Some((_, more)) = next(&mut rest) else {
                rest = &[];
                return Some(Err(damaged("a record is cut off")));
            };
            parts.push(more);
        }
        Some(Ok(Record { kind, parts }))
    })
}

/// How the workbook writes 8-bit text.
#[derive(Clone, Copy)]
enum Text {
    /// BIFF8: strings say whether they are UTF-16 or Latin-1.
    Unicode,
    /// BIFF5: bytes in the workbook's code page; 936 is GBK.
    CodePage(u16),
}

impl Text {
    fn bytes(self, b: &[u8]) -> String {
        match self {
            Text::CodePage(936 | 54_936) => gb18030::decode(b).0,
            // Latin-1 for any other code page: ASCII is right in all of them.
            Text::CodePage(_) | Text::Unicode => b.iter().map(|&c| char::from(c)).collect(),
        }
    }
}

/// Reads characters across a record's CONTINUE parts, where a string's
/// characters go on after a new option byte.
struct Reader<'a, 'r> {
    parts: &'r [&'a [u8]],
    part: usize,
    at: usize,
}

impl Reader<'_, '_> {
    fn done(&self) -> bool {
        self.part + 1 >= self.parts.len() && self.at >= self.parts[self.part].len()
    }

    fn current(&mut self) -> Result<&[u8], BookError> {
        while self.at >= self.parts[self.part].len() {
            if self.part + 1 >= self.parts.len() {
                return Err(damaged("the shared strings are cut off"));
            }
            self.part += 1;
            self.at = 0;
        }
        Ok(&self.parts[self.part][self.at..])
    }

    fn take(&mut self, n: usize) -> Result<Vec<u8>, BookError> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let here = self.current()?;
            let k = (n - out.len()).min(here.len());
            out.extend_from_slice(&here[..k]);
            self.at += k;
        }
        Ok(out)
    }

    fn skip(&mut self, mut n: usize) -> Result<(), BookError> {
        while n > 0 {
            let k = n.min(self.current()?.len());
            self.at += k;
            n -= k;
        }
        Ok(())
    }

    /// A rich extended string (the shared strings' entries).
    fn string(&mut self) -> Result<String, BookError> {
        let cut = || damaged("a shared string is cut off");
        let head = self.take(3)?;
        let count = usize::from(u16_at(&head, 0).ok_or_else(cut)?);
        let flags = head[2];
        let runs = if flags & 0x08 != 0 {
            usize::from(u16_at(&self.take(2)?, 0).ok_or_else(cut)?)
        } else {
            0
        };
        let extra = if flags & 0x04 != 0 {
            u32_at(&self.take(4)?, 0).ok_or_else(cut)? as usize
        } else {
            0
        };
        let mut wide = flags & 0x01 != 0;
        let mut text = String::with_capacity(count);
        let mut left = count;
        loop {
            let here = self.parts[self.part].len() - self.at.min(self.parts[self.part].len());
            let fit = if wide { here / 2 } else { here }.min(left);
            let bytes = self.take(if wide { fit * 2 } else { fit })?;
            push_chars(&mut text, &bytes, wide);
            left -= fit;
            if left == 0 {
                break;
            }
            // The characters go on in the next part, after an option byte.
            if self.part + 1 >= self.parts.len() {
                return Err(damaged("a shared string is cut off"));
            }
            self.part += 1;
            self.at = 1;
            wide = self.parts[self.part].first().is_some_and(|f| f & 0x01 != 0);
        }
        self.skip(runs * 4)?;
        self.skip(extra)?;
        Ok(text)
    }
}

fn push_chars(text: &mut String, bytes: &[u8], wide: bool) {
    if wide {
        text.push_str(&utf16(bytes, true).0);
    } else {
        text.extend(bytes.iter().map(|&b| char::from(b)));
    }
}

/// A string with a 16-bit (`long`) or 8-bit character count, then in BIFF8
/// an option byte; the string and the bytes it took.
fn string(b: &[u8], long: bool, text: Text) -> Option<(String, usize)> {
    let (count, mut at) = if long {
        (usize::from(u16_at(b, 0)?), 2)
    } else {
        (usize::from(*b.first()?), 1)
    };
    match text {
        Text::Unicode => {
            let wide = b.get(at)? & 0x01 != 0;
            at += 1;
            let len = if wide { count * 2 } else { count };
            let bytes = b.get(at..(at + len).min(b.len()))?;
            let mut s = String::with_capacity(count);
            push_chars(&mut s, bytes, wide);
            Some((s, at + len))
        }
        Text::CodePage(_) => {
            let bytes = b.get(at..(at + count).min(b.len()))?;
            Some((text.bytes(bytes), at + count))
        }
    }
}

/// The text an error code shows.
fn error_text(code: u8) -> String {
    match code {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        _ => "#DATA!",
    }
    .to_owned()
}

struct Globals {
    /// Per cell format (XF): shows a date.
    dates: Vec<bool>,
    is_1904: bool,
}

impl Globals {
    fn number(&self, value: f64, xf: u16) -> Value {
        let date = self.dates.get(usize::from(xf)).copied().unwrap_or(false);
        number(value, date, self.is_1904)
    }

    /// An RK number: 30 bits of an integer or of a double's high half, maybe
    /// divided by 100.
    fn rk(&self, rk: u32, xf: u16) -> Value {
        let hundredths = rk & 1 != 0;
        let value = if rk & 2 != 0 {
            f64::from((rk as i32) >> 2)
        } else {
            f64::from_bits(u64::from(rk & 0xFFFF_FFFC) << 32)
        };
        self.number(if hundredths { value / 100.0 } else { value }, xf)
    }
}

pub(super) fn read(stream: &[u8]) -> Result<Vec<Sheet>, BookError> {
    let mut text = Text::Unicode;
    let mut defined = NumberFormats::default();
    let mut xf_formats: Vec<u16> = Vec::new();
    let mut entries: Vec<(usize, String)> = Vec::new();
    let mut strings: Vec<String> = Vec::new();
    let mut is_1904 = false;
    let mut biff8 = true;
    for record in records(stream) {
        let record = record?;
        let d = record.data();
        match record.kind {
            0x0809 => {
                biff8 = u16_at(d, 0) == Some(0x0600);
                if !biff8 {
                    text = Text::CodePage(1252);
                }
            }
            0x002F if u16_at(d, 0) != Some(0) => {
                return Err(BookError::Encrypted);
            }
            0x0042 if !biff8 => text = Text::CodePage(u16_at(d, 0).unwrap_or(1252)),
            0x0022 => is_1904 = u16_at(d, 0) == Some(1),
            0x041E => {
                let id = u16_at(d, 0).ok_or_else(|| damaged("a FORMAT record is cut off"))?;
                if let Some((code, _)) = string(&d[2..], biff8, text) {
                    defined.define(id.into(), &code);
                }
            }
            0x00E0 => {
                xf_formats.push(u16_at(d, 2).ok_or_else(|| damaged("an XF record is cut off"))?);
            }
            0x0085 => {
                let at = u32_at(d, 0).ok_or_else(|| damaged("a sheet entry is cut off"))?;
                let (name, _) = string(d.get(6..).unwrap_or_default(), false, text)
                    .ok_or_else(|| damaged("a sheet name is cut off"))?;
                entries.push((at as usize, name));
            }
            0x00FC => {
                let mut r = Reader {
                    parts: &record.parts,
                    part: 0,
                    at: 8,
                };
                while !r.done() {
                    strings.push(r.string()?);
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    let dates = xf_formats
        .iter()
        .map(|&f| defined.shows_date(f.into()))
        .collect();
    let globals = Globals { dates, is_1904 };
    let strings: Arc<[String]> = strings.into();
    entries
        .into_iter()
        .map(|(at, name)| {
            let records = stream
                .get(at..)
                .ok_or_else(|| damaged(format!("sheet {name} lies beyond the stream")))?;
            let mut sheet = sheet(records, &globals, &strings, text)?;
            sheet.name = name;
            sheet.strings = Arc::clone(&strings);
            Ok(sheet)
        })
        .collect()
}

fn sheet(
    stream: &[u8],
    globals: &Globals,
    strings: &[String],
    text: Text,
) -> Result<Sheet, BookError> {
    let mut sheet = Sheet::default();
    let cells = Cells {
        globals,
        strings,
        text,
    };
    let mut formula_at = None;
    for (i, record) in records(stream).enumerate() {
        let record = record?;
        match record.kind {
            // A second BOF is the next sheet's (a sheet without its EOF).
            0x0809 if i > 0 => break,
            0x000A => break,
            0x00E5 => sheet.merged.extend(merged_regions(record.data())),
            kind => {
                cells
                    .record(kind, record.data(), &mut formula_at, &mut sheet.cells)
                    .ok_or_else(|| damaged(format!("a record of type {kind:#06X} is cut off")))?;
            }
        }
    }
    Ok(sheet)
}

/// The regions of a MERGECELLS record.
fn merged_regions(data: &[u8]) -> impl Iterator<Item = Merge> + '_ {
    let count = usize::from(u16_at(data, 0).unwrap_or(0));
    data.get(2..)
        .unwrap_or_default()
        .chunks_exact(8)
        .take(count)
        .map(|m| {
            let v = |k| u32::from(u16_at(m, k).unwrap_or(0));
            Merge {
                first: (v(0), v(4)),
                last: (v(2), v(6)),
            }
        })
}

fn cell(row: u16, col: u32, value: Value) -> Cell {
    Cell {
        row: row.into(),
        col,
        value,
    }
}

/// What reading a sheet's cells needs of the workbook.
struct Cells<'g> {
    globals: &'g Globals,
    strings: &'g [String],
    text: Text,
}

impl Cells<'_> {
    /// Adds the cells of one record of a sheet to `cells` (none for records
    /// without values); `None` when the record is cut off. A formula with
    /// a text result leaves its cell in `formula_at` for the STRING record
    /// that follows.
    fn record(
        &self,
        kind: u16,
        data: &[u8],
        formula_at: &mut Option<(u16, u16)>,
        cells: &mut Vec<Cell>,
    ) -> Option<()> {
        let position = || Some((u16_at(data, 0)?, u16_at(data, 2)?, u16_at(data, 4)?));
        let mut one = |value: Value| {
            let (row, col, _) = position()?;
            cells.push(cell(row, col.into(), value));
            Some(())
        };
        let globals = self.globals;
        match kind {
            0x0203 => one(globals.number(f64_at(data, 6)?, position()?.2)),
            0x027E => one(globals.rk(u32_at(data, 6)?, position()?.2)),
            0x00BD => {
                let (row, first, _) = position()?;
                let rks = data.get(4..data.len().checked_sub(2)?)?;
                for (rk, col) in rks.chunks_exact(6).zip(u32::from(first)..) {
                    let value = globals.rk(u32_at(rk, 2).unwrap_or(0), u16_at(rk, 0).unwrap_or(0));
                    cells.push(cell(row, col, value));
                }
                Some(())
            }
            0x00FD => {
                let index = u32_at(data, 6)?;
                match self.strings.get(index as usize) {
                    Some(s) if !s.is_empty() => one(Value::Shared(index)),
                    _ => Some(()),
                }
            }
            0x0204 | 0x00D6 => one(Value::Text(string(data.get(6..)?, true, self.text)?.0)),
            0x0205 => {
                let value = *data.get(6)?;
                one(if data.get(7) == Some(&1) {
                    Value::Error(error_text(value))
                } else {
                    Value::Bool(value != 0)
                })
            }
            0x0006 => {
                let result = data.get(6..14)?;
                *formula_at = None;
                if result[6..] != [0xFF, 0xFF] {
                    return one(globals.number(f64_at(result, 0)?, position()?.2));
                }
                match result[0] {
                    // The text follows in a STRING record.
                    0 => {
                        let (row, col, _) = position()?;
                        *formula_at = Some((row, col));
                        Some(())
                    }
                    1 => one(Value::Bool(result[2] != 0)),
                    2 => one(Value::Error(error_text(result[2]))),
                    _ => one(Value::Text(String::new())),
                }
            }
            0x0207 => {
                if let Some((row, col)) = formula_at.take() {
                    let value = Value::Text(string(data, true, self.text)?.0);
                    cells.push(cell(row, col.into(), value));
                }
                Some(())
            }
            _ => Some(()),
        }
    }
}
