//! A small XLSX writer for the exports: typed cells, a title row, a
//! frozen header with an autofilter, one or more sheets.
//!
//! The dashboard used to link a full XLSX library for this, which was a
//! third of its download. A workbook needs only a few short XML parts in a
//! zip archive; they are stored uncompressed (the archive stays valid for
//! Excel, WPS and LibreOffice, and readers' inflate code is not needed to
//! write). Each [`Sheet`] becomes a worksheet:
//! - row 1: the title line, bold, merged across the columns;
//! - row 2: the header, bold, frozen, with an autofilter over the rows;
//! - numbers as numeric cells (two decimals for scores and points), dates
//!   as date cells `yyyy-mm-dd`, date-times as `yyyy-mm-dd hh:mm`, text as
//!   text through [`formula_safe`], so nothing
//!   in a department name or title runs as a formula;
//! - column widths that fit Chinese text (a CJK character counts twice);
//! - printed A4 landscape, one page wide.
//!
//! Characters XML cannot hold are dropped so a stray control byte never
//! corrupts the file.

use std::fmt::Write as _;

use crate::export::formula_safe;
use crate::sheet::{Cell, Sheet};

/// Cell styles, as indexes into `cellXfs` of [`STYLES`].
const TITLE: u8 = 1;
const HEADER: u8 = 2;
const INT: u8 = 3;
const FIXED2: u8 = 4;
const DATE: u8 = 5;
const DATETIME: u8 = 6;
const NUMBER: u8 = 7;

mod layout;
mod package;

pub use layout::{Layout, Placed, Style, layout_workbook};
use package::Part;

/// A workbook with one worksheet per sheet, in order.
pub fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let names = sheet_names(sheets.iter().map(|s| s.name.as_str()));
    let parts: Vec<Part> = sheets
        .iter()
        .zip(names)
        .map(|(sheet, name)| {
            // Excel keeps an autofilter's range under this hidden name.
            let filter = filter_end(sheet).map(|(last_col, last_row)| {
                format!(
                    "'{}'!$A${HEADER_ROW}:${}${last_row}",
                    escape(&name.replace('\'', "''")),
                    column_name(last_col)
                )
            });
            Part {
                name,
                xml: worksheet(sheet),
                filter,
            }
        })
        .collect();
    package::package(&parts)
}

/// The row of the header (the title is row 1).
const HEADER_ROW: usize = 2;

/// Sheet names Excel accepts and that differ from each other, in order.
pub fn sheet_names<'a>(wanted: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, wanted) in wanted.enumerate() {
        let mut name = sheet_title(wanted);
        if names.contains(&name) {
            let suffix = format!(" ({})", i + 1);
            name = name
                .chars()
                .take(31 - suffix.chars().count())
                .collect::<String>()
                + &suffix;
        }
        names.push(name);
    }
    names
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_title(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if cleaned.is_empty() {
        "Sheet1".to_owned()
    } else {
        cleaned
    }
}

/// The last column (from 0) and row (from 1) of the autofilter, or `None`
/// for a sheet without columns.
fn filter_end(sheet: &Sheet) -> Option<(usize, usize)> {
    let columns = sheet.header.len();
    (columns > 0).then(|| (columns - 1, HEADER_ROW + sheet.rows.len()))
}

fn worksheet(sheet: &Sheet) -> String {
    let columns = sheet.header.len();
    // Headers wrap onto two lines (their row is two lines high), so a long
    // header needs only half its width; the data sets the rest.
    let mut widths: Vec<usize> = sheet
        .header
        .iter()
        .map(|h| display_width(h).div_ceil(2))
        .collect();
    for row in &sheet.rows {
        for (c, cell) in row.iter().enumerate().take(columns) {
            widths[c] = widths[c].max(cell_width(cell));
        }
    }
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="{HEADER_ROW}" topLeftCell="A{}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#,
        HEADER_ROW + 1
    );
    if columns > 0 {
        xml.push_str("<cols>");
        for (c, w) in widths.iter().enumerate() {
            let _ = write!(
                xml,
                r#"<col min="{n}" max="{n}" width="{}" customWidth="1"/>"#,
                (*w).clamp(6, 60) + 2,
                n = c + 1
            );
        }
        xml.push_str("</cols>");
    }
    xml.push_str("<sheetData>");
    let _ = write!(xml, r#"<row r="1" ht="24" customHeight="1">"#);
    text_cell(&mut xml, "A1", &sheet.title, TITLE);
    xml.push_str("</row>");
    let _ = write!(xml, r#"<row r="{HEADER_ROW}" ht="32" customHeight="1">"#);
    for (c, h) in sheet.header.iter().enumerate() {
        text_cell(
            &mut xml,
            &format!("{}{HEADER_ROW}", column_name(c)),
            h,
            HEADER,
        );
    }
    xml.push_str("</row>");
    for (r, row) in sheet.rows.iter().enumerate() {
        let n = HEADER_ROW + 1 + r;
        let _ = write!(xml, r#"<row r="{n}">"#);
        for (c, cell) in row.iter().enumerate() {
            cell_xml(&mut xml, &format!("{}{n}", column_name(c)), cell, None);
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData>");
    if let Some((last_col, last_row)) = filter_end(sheet) {
        let last = column_name(last_col);
        let _ = write!(
            xml,
            r#"<autoFilter ref="A{HEADER_ROW}:{last}{last_row}"/><mergeCells count="1"><mergeCell ref="A1:{last}1"/></mergeCells>"#
        );
    }
    // Printed on A4 landscape, one page wide, as many pages long as needed.
    xml.push_str(r#"<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>"#);
    xml
}

fn text_cell(xml: &mut String, at: &str, text: &str, style: u8) {
    let _ = write!(
        xml,
        r#"<c r="{at}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
        escape(&formula_safe(text))
    );
}

/// A typed cell; `boxed` replaces the style of numbers (a layout's box).
fn cell_xml(xml: &mut String, at: &str, cell: &Cell, boxed: Option<u8>) {
    let number = |xml: &mut String, value: f64, style: u8| {
        let style = boxed.unwrap_or(style);
        if value.is_finite() {
            let _ = write!(xml, r#"<c r="{at}" s="{style}"><v>{value}</v></c>"#);
        }
    };
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => text_cell(xml, at, s, 0),
        Cell::Int(n) => {
            let style = boxed.unwrap_or(INT);
            let _ = write!(xml, r#"<c r="{at}" s="{style}"><v>{n}</v></c>"#);
        }
        Cell::Fixed2(x) => number(xml, *x, FIXED2),
        Cell::Number(x) => number(xml, *x, NUMBER),
        Cell::Date(d) => {
            let _ = write!(
                xml,
                r#"<c r="{at}" s="{DATE}"><v>{}</v></c>"#,
                d.excel_serial()
            );
        }
        Cell::DateTime(t) => number(
            xml,
            t.date.excel_serial() as f64 + f64::from(t.secs) / 86_400.0,
            DATETIME,
        ),
    }
}

/// Columns a cell needs, a CJK character counting twice.
fn cell_width(cell: &Cell) -> usize {
    match cell {
        Cell::Date(_) => 10,
        Cell::DateTime(_) => 16,
        other => display_width(&other.plain()),
    }
}

fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The letters of column `c`, from 0 (`A`).
pub(crate) fn column_name(mut c: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// XML text: the five special characters escaped, characters XML 1.0
/// cannot hold (control characters but tab and line ends) dropped.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{Date, DateTime};

    #[test]
    fn columns_are_named_like_a_spreadsheet() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(column_name)
            .collect();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn text_is_escaped_and_unstorable_characters_dropped() {
        assert_eq!(
            escape("<script>&\"'\u{1}ok\t"),
            "&lt;script&gt;&amp;&quot;&apos;ok\t"
        );
        assert_eq!(sheet_title("a/b[c]:d*e?f\\g"), "abcdefg");
        assert_eq!(sheet_title("///"), "Sheet1");
    }

    fn sample_sheet(name: &str) -> Sheet {
        let d = Date::from_ymd(2019, 9, 25).expect("date");
        Sheet {
            name: name.to_owned(),
            title: "考评排名 · 2019-01-01 至 2019-12-31".to_owned(),
            header: ["部门", "排名", "得分", "日期", "发现时间", "小时", "标题"]
                .map(str::to_owned)
                .to_vec(),
            rows: vec![
                vec![
                    Cell::text("旗教育局"),
                    Cell::Int(10),
                    Cell::Fixed2(98.23),
                    Cell::Date(d),
                    Cell::DateTime(DateTime {
                        date: d,
                        secs: 14 * 3600 + 30 * 60,
                    }),
                    Cell::Number(2.5),
                    Cell::text("<img src=x onerror=alert(1)>"),
                ],
                vec![
                    Cell::text("=1+2"),
                    Cell::Int(9),
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Number(f64::NAN),
                    Cell::text("a & b \u{7} c"),
                ],
            ],
        }
    }

    #[test]
    fn a_workbook_reads_back_with_numbers_as_numbers_and_dates_as_dates() {
        use calamine::{Data, Reader, Xlsx};
        let bytes = workbook(&[sample_sheet("自查清单"), sample_sheet("自查清单")]);
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("opens as XLSX");
        assert_eq!(book.sheet_names(), ["自查清单", "自查清单 (2)"]);
        let range = book.worksheet_range("自查清单").expect("sheet reads");
        let rows: Vec<&[Data]> = range.rows().collect();
        assert_eq!(
            rows[0][0],
            Data::String("考评排名 · 2019-01-01 至 2019-12-31".into())
        );
        assert_eq!(rows[1][0], Data::String("部门".into()));
        let row = rows[2];
        assert_eq!(row[0], Data::String("旗教育局".into()));
        assert!(
            matches!(row[1], Data::Float(x) if x == 10.0) || row[1] == Data::Int(10),
            "{:?}",
            row[1]
        );
        assert_eq!(row[2], Data::Float(98.23));
        let Data::DateTime(date) = &row[3] else {
            panic!("a date cell: {:?}", row[3]);
        };
        assert_eq!(date.as_f64(), 43_733.0, "2019-09-25 is serial 43733");
        let Data::DateTime(at) = &row[4] else {
            panic!("a date-time cell: {:?}", row[4]);
        };
        assert!((at.as_f64() - (43_733.0 + 14.5 / 24.0)).abs() < 1e-9);
        assert_eq!(row[5], Data::Float(2.5));
        assert_eq!(row[6], Data::String("<img src=x onerror=alert(1)>".into()));
        let next = rows[3];
        assert_eq!(
            next[0],
            Data::String("'=1+2".into()),
            "text is formula-safe"
        );
        assert_eq!(next[2], Data::Empty);
        assert_eq!(next[5], Data::Empty, "NaN is left empty");
        assert_eq!(next[6], Data::String("a & b  c".into()));
    }

    #[test]
    fn the_sheet_has_a_merged_title_a_frozen_header_and_an_autofilter() {
        let xml = worksheet(&sample_sheet("s"));
        assert!(xml.contains(
            r#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#
        ));
        assert!(xml.contains(r#"<autoFilter ref="A2:G4"/>"#));
        assert!(xml.contains(r#"<mergeCell ref="A1:G1"/>"#));
        // 旗教育局 is 8 columns wide; the header 发现时间 as wide; dates 10.
        assert!(
            xml.contains(r#"<col min="1" max="1" width="10" customWidth="1"/>"#),
            "{xml}"
        );
    }
}
