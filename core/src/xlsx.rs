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

/// A workbook with one worksheet per sheet, in order.
pub fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let names = sheet_names(sheets);
    let mut zip = Zip::default();
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    );
    let mut book = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    let mut filters = String::new();
    for (i, (sheet, name)) in sheets.iter().zip(&names).enumerate() {
        let n = i + 1;
        let _ = write!(
            types,
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        );
        let _ = write!(
            book,
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            escape(name)
        );
        let _ = write!(
            rels,
            r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        );
        if let Some((last_col, last_row)) = filter_end(sheet) {
            // Excel keeps an autofilter's range under this hidden name.
            let _ = write!(
                filters,
                r#"<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'{}'!$A${HEADER_ROW}:${}${last_row}</definedName>"#,
                escape(&name.replace('\'', "''")),
                column_name(last_col)
            );
        }
    }
    types.push_str("</Types>");
    book.push_str("</sheets>");
    if !filters.is_empty() {
        let _ = write!(book, "<definedNames>{filters}</definedNames>");
    }
    book.push_str("</workbook>");
    let _ = write!(
        rels,
        r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
        sheets.len() + 1
    );
    zip.add("[Content_Types].xml", types.as_bytes());
    zip.add("_rels/.rels", ROOT_RELS.as_bytes());
    zip.add("xl/workbook.xml", book.as_bytes());
    zip.add("xl/_rels/workbook.xml.rels", rels.as_bytes());
    zip.add("xl/styles.xml", STYLES.as_bytes());
    for (i, sheet) in sheets.iter().enumerate() {
        zip.add(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            worksheet(sheet).as_bytes(),
        );
    }
    zip.finish()
}

/// The row of the header (the title is row 1).
const HEADER_ROW: usize = 2;

/// Sheet names Excel accepts and that differ from each other.
fn sheet_names(sheets: &[Sheet]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(sheets.len());
    for (i, sheet) in sheets.iter().enumerate() {
        let mut name = sheet_title(&sheet.name);
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
            cell_xml(&mut xml, &format!("{}{n}", column_name(c)), cell);
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

fn cell_xml(xml: &mut String, at: &str, cell: &Cell) {
    let number = |xml: &mut String, value: f64, style: u8| {
        if value.is_finite() {
            let _ = write!(xml, r#"<c r="{at}" s="{style}"><v>{value}</v></c>"#);
        }
    };
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => text_cell(xml, at, s, 0),
        Cell::Int(n) => {
            let _ = write!(xml, r#"<c r="{at}" s="{INT}"><v>{n}</v></c>"#);
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

fn column_name(mut c: usize) -> String {
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
fn escape(s: &str) -> String {
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

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

/// Styles: [`TITLE`], [`HEADER`] (bold on grey), [`INT`] `0`, [`FIXED2`]
/// `0.00`, [`DATE`] `yyyy-mm-dd`, [`DATETIME`] `yyyy-mm-dd hh:mm`,
/// [`NUMBER`] General.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="0.00"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="3"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font><font><b/><sz val="14"/><name val="等线"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8ECF0"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

#[derive(Default)]
struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

/// 1980-01-01 00:00 in DOS form: the archive does not depend on the clock.
const DOS_DATE: u16 = (1 << 5) | 1;

impl Zip {
    fn add(&mut self, name: &str, data: &[u8]) {
        let offset = self.out.len() as u32;
        let crc = crc32fast::hash(data);
        let size = data.len() as u32;
        let name_len = name.len() as u16;
        // Local file header.
        put32(&mut self.out, 0x0403_4b50);
        put16(&mut self.out, 20); // version needed
        put16(&mut self.out, 0x0800); // UTF-8 names
        put16(&mut self.out, 0); // stored
        put16(&mut self.out, 0);
        put16(&mut self.out, DOS_DATE);
        put32(&mut self.out, crc);
        put32(&mut self.out, size);
        put32(&mut self.out, size);
        put16(&mut self.out, name_len);
        put16(&mut self.out, 0);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);
        // Central directory entry.
        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        put16(c, 20); // version made by
        put16(c, 20);
        put16(c, 0x0800);
        put16(c, 0);
        put16(c, 0);
        put16(c, DOS_DATE);
        put32(c, crc);
        put32(c, size);
        put32(c, size);
        put16(c, name_len);
        put16(c, 0); // extra
        put16(c, 0); // comment
        put16(c, 0); // disk
        put16(c, 0); // internal attributes
        put32(c, 0); // external attributes
        put32(c, offset);
        c.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let start = self.out.len() as u32;
        let size = self.central.len() as u32;
        self.out.append(&mut self.central);
        put32(&mut self.out, 0x0605_4b50);
        put16(&mut self.out, 0);
        put16(&mut self.out, 0);
        put16(&mut self.out, self.entries);
        put16(&mut self.out, self.entries);
        put32(&mut self.out, size);
        put32(&mut self.out, start);
        put16(&mut self.out, 0);
        self.out
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
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
