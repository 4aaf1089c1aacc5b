//! Typed tables for the exports: what a spreadsheet user expects.
//!
//! A [`Sheet`] has a title line (source, window, as-of date, weight,
//! generated on), a header row in one language, and rows of typed
//! [`Cell`]s: numbers stay numbers and dates stay dates, so Excel and WPS
//! can sort, sum and filter them. Only text can carry a formula, so only
//! text cells go through [`formula_safe`]. The same sheet is written as
//! CSV ([`Sheet::csv`]: plain numbers, ISO dates, UTF-8 with BOM, no title
//! line so that it stays a table) or as XLSX ([`crate::xlsx::workbook`]).

use std::fmt::Write as _;

use crate::date::{Date, DateTime};
use crate::export::formula_safe;
pub use crate::lang::Lang;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text (formula-safe when written).
    Text(String),
    /// A whole number (ranks, rows, working days).
    Int(i64),
    /// A decimal shown with two decimals (scores, points, contributions).
    Fixed2(f64),
    /// A decimal shown as it is (hours).
    Number(f64),
    /// A calendar date, `yyyy-mm-dd`.
    Date(Date),
    /// A date and time of day, `yyyy-mm-dd hh:mm`.
    DateTime(DateTime),
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// `f(v)`, or an empty cell for `None`.
    pub fn opt<T>(v: Option<T>, f: impl FnOnce(T) -> Cell) -> Cell {
        v.map_or(Cell::Empty, f)
    }

    /// The cell as plain text: numbers without grouping (two decimals for
    /// [`Cell::Fixed2`]), ISO dates, formula-safe text.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(s) => formula_safe(s).into_owned(),
            Cell::Int(n) => n.to_string(),
            Cell::Fixed2(x) if x.is_finite() => format!("{x:.2}"),
            Cell::Number(x) if x.is_finite() => {
                let mut s = format!("{x:.4}");
                while s.ends_with('0') {
                    s.pop();
                }
                if s.ends_with('.') {
                    s.pop();
                }
                s
            }
            // Empty, and numbers that are not finite.
            Cell::Empty | Cell::Fixed2(_) | Cell::Number(_) => String::new(),
            Cell::Date(d) => d.to_string(),
            Cell::DateTime(t) => t.to_string(),
        }
    }
}

/// A table with its title line and header, for CSV and XLSX.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The worksheet's name (Excel keeps at most 31 characters).
    pub name: String,
    /// The title line above the header in XLSX: what, from which data,
    /// which window, as of when, at what weight, generated on.
    pub title: String,
    /// Column headers, in one language.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The sheet as CSV: UTF-8 with BOM (so Excel reads it as UTF-8), the
    /// header then the rows, CRLF line ends, formula-safe text.
    pub fn csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        let header: Vec<Cell> = self.header.iter().map(Cell::text).collect();
        for row in std::iter::once(&header).chain(&self.rows) {
            let line: Vec<String> = row.iter().map(|c| quote(&c.plain())).collect();
            let _ = write!(out, "{}\r\n", line.join(","));
        }
        out
    }
}

/// A CSV field, quoted when it holds a delimiter, quote or line break.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// What an export's title line says besides the window: the data's name
/// and the day it was generated (the caller's clock; the core has none).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportMeta {
    /// The data source shown to the user (file names or the sample's name).
    pub source: String,
    /// The day the export was made.
    pub generated_on: Option<Date>,
    /// The title and headers' language.
    pub lang: Lang,
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::date::ymd as d;

    #[test]
    fn csv_writes_numbers_plain_dates_iso_and_text_formula_safe() {
        let sheet = Sheet {
            name: "t".into(),
            title: "title".into(),
            header: vec![
                "排名".into(),
                "得分".into(),
                "日期".into(),
                "名称".into(),
                "小时".into(),
            ],
            rows: vec![vec![
                Cell::Int(10),
                Cell::Fixed2(98.2),
                Cell::Date(d(2019, 9, 25)),
                Cell::text("=1+1, \"x\""),
                Cell::Number(2.5),
            ]],
        };
        assert_eq!(
            sheet.csv(),
            "\u{feff}排名,得分,日期,名称,小时\r\n10,98.20,2019-09-25,\"'=1+1, \"\"x\"\"\",2.5\r\n"
        );
    }

    #[test]
    fn formula_cells_are_neutralised() {
        let field = |text: &str| quote(&Cell::text(text).plain());
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("+86 123"), "'+86 123");
        assert_eq!(field("-2"), "'-2");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(
            field("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("旗教育局"), "旗教育局");
        assert_eq!(field("a,b"), "\"a,b\"");
    }

    #[test]
    fn plain_numbers_drop_trailing_zeros_and_non_finite_values() {
        assert_eq!(Cell::Number(3.0).plain(), "3");
        assert_eq!(Cell::Number(0.125).plain(), "0.125");
        assert_eq!(Cell::Fixed2(f64::NAN).plain(), "");
        assert_eq!(Cell::Empty.plain(), "");
    }
}
