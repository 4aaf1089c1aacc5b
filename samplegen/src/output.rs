//! Writing a [`Sheet`] the way real exports look: delimited text in
//! UTF-8 (with or without BOM), GBK or UTF-16 LE, XLSX with real date
//! cells, or a JSON array of objects.
//!
//! Every writer is deterministic: the XLSX creation time is fixed and the
//! JSON keys keep the header order.

use anyhow::{Result, bail};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use crate::sample::{Cell, Sheet};

/// How the table is laid out in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// Delimited text with this delimiter.
    Delimited(char),
    /// An XLSX workbook.
    Xlsx,
    /// A JSON array of objects.
    Json,
}

/// Text encoding of a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8 without BOM.
    Utf8,
    /// UTF-8 with BOM (Excel's "CSV UTF-8").
    Utf8Bom,
    /// GBK (Excel's CSV on Chinese Windows).
    Gbk,
    /// UTF-16 little-endian with BOM (Excel's "Unicode text").
    Utf16LeBom,
}

/// File name and format of one export.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileSpec {
    /// File name.
    pub name: &'static str,
    /// Layout.
    pub layout: Layout,
    /// Encoding (text layouts only).
    pub encoding: Encoding,
    /// Line end (delimited layouts only).
    pub newline: &'static str,
}

impl FileSpec {
    /// A file spec.
    pub(crate) const fn new(
        name: &'static str,
        layout: Layout,
        encoding: Encoding,
        newline: &'static str,
    ) -> Self {
        Self {
            name,
            layout,
            encoding,
            newline,
        }
    }

    /// Encoding as the README names it.
    pub(crate) const fn encoding_label(&self) -> &'static str {
        match (self.layout, self.encoding) {
            (Layout::Xlsx, _) => "XLSX (binary)",
            (_, Encoding::Utf8) => "UTF-8",
            (_, Encoding::Utf8Bom) => "UTF-8 with BOM",
            (_, Encoding::Gbk) => "GBK",
            (_, Encoding::Utf16LeBom) => "UTF-16 LE with BOM",
        }
    }

    /// Delimiter and line end as the README names them.
    pub(crate) fn layout_label(&self) -> String {
        let newline = if self.newline == "\r\n" { "CRLF" } else { "LF" };
        match self.layout {
            Layout::Delimited('\t') => format!("tab, {newline}"),
            Layout::Delimited(c) => format!("`{c}`, {newline}"),
            Layout::Xlsx => "sheet 政策解读 (+ a notes sheet)".to_owned(),
            Layout::Json => "array of objects, one per line".to_owned(),
        }
    }
}

/// The bytes of `sheet` written as `spec` says.
pub(crate) fn render(spec: &FileSpec, sheet: &Sheet) -> Result<Vec<u8>> {
    match spec.layout {
        Layout::Delimited(delimiter) => {
            encode(&delimited(sheet, delimiter, spec.newline), spec.encoding)
        }
        Layout::Json => encode(&json(sheet)?, spec.encoding),
        Layout::Xlsx => xlsx(sheet),
    }
}

/// One field, quoted when it holds the delimiter, a quote or a line break.
pub(crate) fn field(value: &str, delimiter: char, out: &mut String) {
    if value.contains([delimiter, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// The sheet as delimited text.
fn delimited(sheet: &Sheet, delimiter: char, newline: &str) -> String {
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = String>| {
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                out.push(delimiter);
            }
            field(&cell, delimiter, &mut out);
        }
        out.push_str(newline);
    };
    for row in &sheet.preamble {
        line(&mut row.iter().map(Cell::to_text));
    }
    line(&mut sheet.header.iter().map(|h| (*h).to_owned()));
    for row in &sheet.rows {
        line(&mut row.iter().map(Cell::to_text));
    }
    out
}

/// The sheet as a JSON array, one object per line, keys in header order.
fn json(sheet: &Sheet) -> Result<String> {
    let mut out = String::from("[\n");
    for (i, row) in sheet.rows.iter().enumerate() {
        out.push_str("  {");
        for (j, (key, cell)) in sheet.header.iter().zip(row).enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            out.push_str(&serde_json::to_string(key)?);
            out.push_str(": ");
            match cell {
                Cell::Empty => out.push_str("null"),
                Cell::Number(n) => out.push_str(&n.to_string()),
                other => out.push_str(&serde_json::to_string(&other.to_text())?),
            }
        }
        out.push('}');
        if i + 1 < sheet.rows.len() {
            out.push(',');
        }
        out.push('\n');
    }
    out.push_str("]\n");
    Ok(out)
}

/// `text` in `encoding`; fails if a character has no GBK code.
fn encode(text: &str, encoding: Encoding) -> Result<Vec<u8>> {
    Ok(match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => {
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend_from_slice(text.as_bytes());
            bytes
        }
        Encoding::Gbk => {
            let (bytes, _, had_errors) = encoding_rs::GBK.encode(text);
            if had_errors {
                bail!("a character has no GBK code");
            }
            bytes.into_owned()
        }
        Encoding::Utf16LeBom => {
            let mut bytes = vec![0xFF, 0xFE];
            for unit in text.encode_utf16() {
                bytes.extend_from_slice(&unit.to_le_bytes());
            }
            bytes
        }
    })
}

/// The sheet as an XLSX workbook: the first preamble row becomes a merged
/// title, dates become date cells, and a second sheet holds notes.
fn xlsx(sheet: &Sheet) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_author("鄂托克前旗政务公开办")
            .set_title("政策解读发布情况")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2020, 1, 6)?),
    );
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let title = Format::new().set_bold().set_font_size(14);
    let last_col = (sheet.header.len() - 1) as u16;
    let ws = workbook.add_worksheet();
    ws.set_name("政策解读")?;
    for (r, row) in sheet.preamble.iter().enumerate() {
        let text = row.first().map(Cell::to_text).unwrap_or_default();
        if r == 0 && !text.is_empty() {
            ws.merge_range(0, 0, 0, last_col, &text, &title)?;
        } else if !text.is_empty() {
            ws.write_string(r as u32, 0, &text)?;
        }
    }
    let header_row = sheet.preamble.len() as u32;
    for (c, h) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, *h, &bold)?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let row_num = header_row + 1 + i as u32;
        for (col, cell) in row.iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Text(text) if text.is_empty() => {}
                Cell::Text(text) => {
                    ws.write_string(row_num, col, text)?;
                }
                Cell::Date(day) => {
                    let (year, month, dom) = day.ymd();
                    let value = ExcelDateTime::from_ymd(year as u16, month as u8, dom as u8)?;
                    ws.write_datetime_with_format(row_num, col, &value, &date)?;
                }
                Cell::Number(value) => {
                    ws.write_number(row_num, col, *value)?;
                }
                Cell::Empty => {}
            }
        }
    }
    for (c, width) in [60.0, 34.0, 34.0, 12.0, 12.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, width)?;
    }
    ws.set_freeze_panes(header_row + 1, 0)?;
    let notes = workbook.add_worksheet();
    notes.set_name("填报说明")?;
    for (r, line) in [
        "1. 关联文件索引号填写被解读政策文件的索引号。",
        "2. 解读形式包括文字解读、图解、视频、问答、发布会、动漫等。",
        "3. 发布日期为解读材料在政府网站上线日期。",
    ]
    .into_iter()
    .enumerate()
    {
        notes.write_string(r as u32, 0, line)?;
    }
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::{Encoding, encode, field};

    #[test]
    fn quotes_only_when_needed() {
        let mut out = String::new();
        field("a,b", ',', &mut out);
        field("say \"hi\"", ';', &mut out);
        field("plain", ',', &mut out);
        assert_eq!(out, "\"a,b\"\"say \"\"hi\"\"\"plain");
    }

    #[test]
    fn utf16_has_bom() {
        let bytes = encode("编", Encoding::Utf16LeBom).unwrap_or_default();
        assert_eq!(bytes, vec![0xFF, 0xFE, 0x16, 0x7F]);
    }

    #[test]
    fn gbk_encodes_chinese() {
        let bytes = encode("鄂托克前旗", Encoding::Gbk).unwrap_or_default();
        assert_eq!(bytes.len(), 10);
    }
}
