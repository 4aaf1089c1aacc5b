//! XLSX: the workbook part names the sheets, the relationships part finds
//! their files, the styles part says which cell formats show dates, and the
//! shared strings part holds the texts most cells point at.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::sync::Arc;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::formula::SharedFormula;
use super::zip::{Archive, Member};
use super::{BookError, Cell, Merge, NumberFormats, Sheet, Value, column_number, number};

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Sheet>, BookError> {
    let archive = Archive::new(bytes)?;
    let open =
        |name: &str, part: &'static str| -> Result<Option<Part<BufReader<Member>>>, BookError> {
            Ok(archive
                .open(name)?
                .map(|m| Part::new(BufReader::with_capacity(1 << 16, m), part)))
        };
    let Some(workbook) = open("xl/workbook.xml", "xl/workbook.xml")? else {
        return Err(BookError::NoWorkbookPart);
    };
    let relationships = match open("xl/_rels/workbook.xml.rels", "xl/_rels/workbook.xml.rels")? {
        Some(rels) => relationships(rels)?,
        None => Vec::new(),
    };
    let (entries, is_1904) = sheet_entries(workbook)?;
    let formats = match open("xl/styles.xml", "xl/styles.xml")? {
        Some(styles) => date_styles(styles)?,
        None => Vec::new(),
    };
    let strings_part = relationships
        .iter()
        .find(|r| r.kind.ends_with("/sharedStrings"))
        .map_or_else(
            || "xl/sharedStrings.xml".to_owned(),
            |r| part_path(&r.target),
        );
    let strings: Arc<[String]> = match open(&strings_part, "xl/sharedStrings.xml")? {
        Some(xml) => shared_strings(xml)?.into(),
        None => Arc::default(),
    };
    let styles = Styles { formats, is_1904 };
    let mut sheets = Vec::new();
    for (name, id) in entries {
        let Some(rel) = relationships.iter().find(|r| r.id == id) else {
            continue;
        };
        // A chart or dialog sheet has no cells to read.
        if !rel.kind.ends_with("/worksheet") {
            continue;
        }
        let Some(xml) = open(&part_path(&rel.target), "worksheet")? else {
            continue;
        };
        let mut sheet = worksheet(xml, &strings, &styles)?;
        sheet.name = name;
        sheet.strings = Arc::clone(&strings);
        sheets.push(sheet);
    }
    Ok(sheets)
}

fn damaged(part: &str, what: impl std::fmt::Display) -> BookError {
    BookError::Damaged(format!("{part}: {what}"))
}

/// An XML part being read, event by event (empty elements come as a start
/// and an end).
struct Part<R> {
    reader: Reader<R>,
    buf: Vec<u8>,
    /// The part's name in messages.
    name: &'static str,
}

impl<R: BufRead> Part<R> {
    fn new(input: R, name: &'static str) -> Part<R> {
        let mut reader = Reader::from_reader(input);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.expand_empty_elements = true;
        Part {
            reader,
            buf: Vec::new(),
            name,
        }
    }

    fn next(&mut self) -> Result<Event<'_>, BookError> {
        self.buf.clear();
        let name = self.name;
        self.reader
            .read_event_into(&mut self.buf)
            .map_err(|e| damaged(name, e))
    }

    fn damaged(&self, what: impl std::fmt::Display) -> BookError {
        damaged(self.name, what)
    }

    /// The text up to the end of the element just started (its own and
    /// its children's, entities resolved, line ends as `\n`).
    fn text(&mut self) -> Result<String, BookError> {
        let name = self.name;
        let mut text = String::new();
        let mut depth = 0u32;
        loop {
            match self.next()? {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(text),
                Event::End(_) => depth -= 1,
                Event::Text(t) => text.push_str(&t.xml10_content().map_err(|e| damaged(name, e))?),
                Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
                Event::GeneralRef(r) => {
                    let entity = r.decode().map_err(|e| damaged(name, e))?;
                    match entity.as_ref() {
                        "amp" => text.push('&'),
                        "lt" => text.push('<'),
                        "gt" => text.push('>'),
                        "quot" => text.push('"'),
                        "apos" => text.push('\''),
                        _ => match r.resolve_char_ref().map_err(|e| damaged(name, e))? {
                            Some(c) => text.push(c),
                            None => {
                                return Err(damaged(name, format!("unknown entity &{entity};")));
                            }
                        },
                    }
                }
                Event::Eof => return Err(damaged(name, "ends inside an element")),
                _ => {}
            }
        }
    }

    /// Skips to the end of the element just started.
    fn skip(&mut self) -> Result<(), BookError> {
        let mut depth = 0u32;
        loop {
            match self.next()? {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(()),
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.damaged("ends inside an element")),
                _ => {}
            }
        }
    }

    /// The text of a string item (`<si>`, `<is>`) just started: its `<t>`
    /// elements, outside phonetic runs (`<rPh>`), with `_xHHHH_` escapes of
    /// control characters resolved.
    fn rich_text(&mut self) -> Result<String, BookError> {
        let mut out = String::new();
        let mut depth = 0u32;
        let mut phonetic = 0u32;
        loop {
            match self.next()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"t" if phonetic == 0 => out.push_str(&unescape_control(&self.text()?)),
                    b"rPh" => {
                        phonetic += 1;
                        depth += 1;
                    }
                    _ => depth += 1,
                },
                Event::End(_) if depth == 0 => return Ok(out),
                Event::End(e) => {
                    depth -= 1;
                    if e.local_name().as_ref() == b"rPh" {
                        phonetic = phonetic.saturating_sub(1);
                    }
                }
                Event::Eof => return Err(self.damaged("ends inside a string")),
                _ => {}
            }
        }
    }
}

/// The value of attribute `name` (its local name), unescaped.
fn attribute<'a>(e: &'a BytesStart<'a>, name: &[u8]) -> Option<Cow<'a, str>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.decode_and_unescape_value(e.decoder()).ok())
}

/// One relationship of the workbook part.
#[derive(Debug)]
struct Relationship {
    id: String,
    target: String,
    kind: String,
}

fn relationships<R: BufRead>(mut part: Part<R>) -> Result<Vec<Relationship>, BookError> {
    let mut out = Vec::new();
    loop {
        match part.next()? {
            Event::Start(e) if e.local_name().as_ref() == b"Relationship" => {
                let get = |n: &[u8]| attribute(&e, n).unwrap_or_default().into_owned();
                out.push(Relationship {
                    id: get(b"Id"),
                    target: get(b"Target"),
                    kind: get(b"Type"),
                });
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// A relationship's target as a path in the archive: absolute targets
/// from the root, others from `xl/`.
fn part_path(target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The sheets the workbook lists (name, relationship id), and whether its
/// dates count from 1904.
fn sheet_entries<R: BufRead>(
    mut part: Part<R>,
) -> Result<(Vec<(String, String)>, bool), BookError> {
    let mut sheets = Vec::new();
    let mut is_1904 = false;
    loop {
        match part.next()? {
            Event::Start(e) if e.local_name().as_ref() == b"sheet" => {
                let name = attribute(&e, b"name").unwrap_or_default().into_owned();
                let id = attribute(&e, b"id").unwrap_or_default().into_owned();
                sheets.push((name, id));
            }
            Event::Start(e) if e.local_name().as_ref() == b"workbookPr" => {
                is_1904 = attribute(&e, b"date1904").is_some_and(|v| v == "1" || v == "true");
            }
            Event::Eof => return Ok((sheets, is_1904)),
            _ => {}
        }
    }
}

/// For each cell format (`cellXfs`), whether it shows a date.
fn date_styles<R: BufRead>(mut part: Part<R>) -> Result<Vec<bool>, BookError> {
    let mut defined = NumberFormats::default();
    let mut formats = Vec::new();
    let mut in_cell_xfs = false;
    loop {
        match part.next()? {
            Event::Start(e) if e.local_name().as_ref() == b"numFmt" => {
                if let Some(id) = attribute(&e, b"numFmtId").and_then(|v| v.parse().ok()) {
                    defined.define(id, &attribute(&e, b"formatCode").unwrap_or_default());
                }
            }
            Event::Start(e) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = true,
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
            Event::Start(e) if in_cell_xfs && e.local_name().as_ref() == b"xf" => {
                let id: Option<u32> = attribute(&e, b"numFmtId").and_then(|v| v.parse().ok());
                formats.push(id.is_some_and(|id| defined.shows_date(id)));
            }
            Event::Eof => return Ok(formats),
            _ => {}
        }
    }
}

/// The shared strings: each `<si>`'s text runs, without phonetic guides.
fn shared_strings<R: BufRead>(mut part: Part<R>) -> Result<Vec<String>, BookError> {
    let mut strings = Vec::new();
    loop {
        match part.next()? {
            Event::Start(e) if e.local_name().as_ref() == b"si" => {
                strings.push(part.rich_text()?);
            }
            Event::Eof => return Ok(strings),
            _ => {}
        }
    }
}

/// `_x000D_` and the like, as OOXML writes characters XML cannot hold.
fn unescape_control(text: &str) -> Cow<'_, str> {
    if !text.contains("_x00") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x00") {
        let escape = rest.get(at..at + 7).filter(|e| e.ends_with('_'));
        if let Some(byte) = escape.and_then(|e| u8::from_str_radix(&e[4..6], 16).ok()) {
            out.push_str(&rest[..at]);
            out.push(char::from(byte));
            rest = &rest[at + 7..];
        } else {
            out.push_str(&rest[..at + 4]);
            rest = &rest[at + 4..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

struct Styles {
    /// Per cell format: shows a date.
    formats: Vec<bool>,
    is_1904: bool,
}

/// A cell reference such as `B12` as zero-based (row, column).
fn cell_ref(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 || letters == r.len() {
        return None;
    }
    let col = column_number(&r[..letters]);
    let row: u32 = std::str::from_utf8(&r[letters..]).ok()?.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// A range such as `A1:C3` (or one cell) as its first and last cells.
fn range_ref(r: &str) -> Option<Merge> {
    let (first, last) = r.split_once(':').unwrap_or((r, r));
    Some(Merge {
        first: cell_ref(first.as_bytes())?,
        last: cell_ref(last.as_bytes())?,
    })
}

/// One worksheet part.
fn worksheet<R: BufRead>(
    mut part: Part<R>,
    strings: &[String],
    styles: &Styles,
) -> Result<Sheet, BookError> {
    let mut sheet = Sheet::default();
    let mut shared: HashMap<usize, SharedFormula> = HashMap::new();
    let (mut row, mut col) = (0u32, 0u32);
    loop {
        match part.next()? {
            Event::Start(e) if e.local_name().as_ref() == b"row" => {
                if let Some(r) = attribute(&e, b"r").and_then(|r| r.parse::<u32>().ok()) {
                    row = r.saturating_sub(1);
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"row" => {
                row = row.saturating_add(1);
                col = 0;
            }
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                let at = attribute(&e, b"r")
                    .and_then(|r| cell_ref(r.as_bytes()))
                    .unwrap_or((row, col));
                col = at.1.saturating_add(1);
                let kind = attribute(&e, b"t").map(Cow::into_owned);
                let date = attribute(&e, b"s")
                    .and_then(|s| s.parse::<usize>().ok())
                    .and_then(|s| styles.formats.get(s).copied())
                    .unwrap_or(false);
                let (value, formula) = cell(
                    &mut part,
                    at,
                    kind.as_deref(),
                    date,
                    strings,
                    styles,
                    &mut shared,
                )?;
                match value {
                    Some(value) => sheet.cells.push(Cell {
                        row: at.0,
                        col: at.1,
                        value,
                    }),
                    None => {
                        if let Some(f) = formula.filter(|f| !f.is_empty()) {
                            sheet.formulas.push((at.0, at.1, f));
                        }
                    }
                }
            }
            Event::Start(e) if e.local_name().as_ref() == b"mergeCell" => {
                if let Some(m) = attribute(&e, b"ref").and_then(|r| range_ref(&r)) {
                    sheet.merged.push(m);
                }
            }
            Event::Eof => return Ok(sheet),
            _ => {}
        }
    }
}

/// The children of a cell (`<c>`) just started at `at`: its value and
/// its formula.
fn cell<R: BufRead>(
    part: &mut Part<R>,
    at: (u32, u32),
    kind: Option<&str>,
    date: bool,
    strings: &[String],
    styles: &Styles,
    shared: &mut HashMap<usize, SharedFormula>,
) -> Result<(Option<Value>, Option<String>), BookError> {
    let mut value = None;
    let mut formula = None;
    loop {
        match part.next()? {
            Event::Start(child) => match child.local_name().as_ref() {
                b"v" => {
                    let v = part.text()?;
                    value = cell_value(v, kind, date, strings, styles)?;
                }
                b"is" => value = Some(Value::Text(part.rich_text()?)),
                b"f" => {
                    let shared_index = attribute(&child, b"si")
                        .filter(|_| attribute(&child, b"t").as_deref() == Some("shared"))
                        .and_then(|si| si.parse::<usize>().ok());
                    let covers = attribute(&child, b"ref").and_then(|r| range_ref(&r));
                    let f = part.text()?;
                    formula = match (shared_index, covers) {
                        (Some(si), Some(covers)) => {
                            let text = f.clone();
                            shared.insert(si, SharedFormula::new(text, at, covers));
                            Some(f)
                        }
                        (Some(si), None) if f.is_empty() => {
                            shared.get(&si).and_then(|s| s.shifted_to(at))
                        }
                        _ => Some(f),
                    };
                }
                _ => part.skip()?,
            },
            Event::End(_) => return Ok((value, formula)),
            Event::Eof => return Err(part.damaged("ends inside a cell")),
            _ => {}
        }
    }
}

/// The value of a `<v>` under the cell's type (`t`) and format; `None`
/// for an empty number.
fn cell_value(
    v: String,
    kind: Option<&str>,
    date: bool,
    strings: &[String],
    styles: &Styles,
) -> Result<Option<Value>, BookError> {
    let as_number = |v: &str| {
        v.trim()
            .parse::<f64>()
            .ok()
            .map(|n| number(n, date, styles.is_1904))
    };
    Ok(Some(match kind {
        Some("s") => {
            let index = v
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|&i| (i as usize) < strings.len())
                .ok_or_else(|| damaged("worksheet", format!("shared string {v} is missing")))?;
            Value::Shared(index)
        }
        Some("b") => Value::Bool(v.trim() != "0"),
        Some("e") => Value::Error(v),
        Some("n") if v.trim().is_empty() => return Ok(None),
        Some("n") | None => as_number(&v).unwrap_or(Value::Text(v)),
        // `str` (a formula's text), `d` (an ISO date), `inlineStr`.
        Some(_) => Value::Text(v),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_paths() {
        assert_eq!(cell_ref(b"A1"), Some((0, 0)));
        assert_eq!(cell_ref(b"AB12"), Some((11, 27)));
        assert_eq!(cell_ref(b"A0"), None);
        assert_eq!(cell_ref(b"12"), None);
        assert_eq!(
            part_path("worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            part_path("/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(part_path("../xl/x.xml"), "xl/x.xml");
    }

    #[test]
    fn control_characters_are_unescaped() {
        assert_eq!(unescape_control("a_x000D_b_x00ZZ_"), "a\rb_x00ZZ_");
    }
}
