//! Spreadsheets: XLSX and legacy XLS workbooks, through calamine.
//!
//! Every sheet whose header names a table kind becomes a table. Date cells
//! are written as ISO date-times so they parse exactly like text dates;
//! whole numbers lose their `.0` so ids such as 索引号 read as typed.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::grid::{Grid, Header};
use crate::date::{Date, DateTime};
use crate::schema::Kind;

/// One sheet that holds a table.
#[derive(Debug)]
pub(crate) struct Sheet {
    pub name: String,
    pub grid: Grid,
    pub header: Header,
}

/// Reads every sheet of a workbook that names a table kind.
pub(crate) fn read(bytes: Vec<u8>, wanted: Option<Kind>) -> Result<Vec<Sheet>, String> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let Ok(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let first_row = range.start().map_or(0, |(r, _)| r);
        let first_col = range.start().map_or(0, |(_, c)| c) as usize;
        let (grid, ()) = Grid::build(String::new(), |_, body| {
            for (i, cells) in range.rows().enumerate() {
                for _ in 0..first_col {
                    body.push_owned("");
                }
                for cell in cells {
                    body.push_owned(&cell_text(cell));
                }
                body.end_row(first_row + i as u32 + 1);
            }
        });
        if let Some(header) = grid.find_header(wanted) {
            sheets.push(Sheet { name, grid, header });
        }
    }
    Ok(sheets)
}

/// The text of a cell as it would read in the sheet.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::DateTime(dt) => serial_text(dt.as_f64()),
    }
}

/// A number without a spurious `.0`.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// An Excel date serial as `YYYY-MM-DD HH:MM:SS`.
fn serial_text(serial: f64) -> String {
    let days = serial.floor();
    let Some(date) = Date::from_excel_serial(days as i64) else {
        return number_text(serial);
    };
    let secs = ((serial - days) * 86_400.0).round() as i64;
    let dt = DateTime::from_timestamp(DateTime::midnight(date).timestamp() + secs);
    let s = dt.secs;
    format!(
        "{} {:02}:{:02}:{:02}",
        dt.date,
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}
