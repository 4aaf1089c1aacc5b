//! Spreadsheets: XLSX and legacy XLS workbooks, through calamine.
//!
//! Every sheet whose header names a table kind becomes a table. Date cells
//! are written as ISO date-times so they parse exactly like text dates;
//! whole numbers lose their `.0` so ids such as 索引号 read as typed.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek};

use super::Workbook;
use calamine::{Data, Range, Reader, Xls, Xlsx, open_workbook_from_rs};

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
#[allow(
    clippy::needless_pass_by_value,
    reason = "the caller hands the file's bytes over; the workbook reads them in place"
)]
pub(crate) fn read(bytes: Vec<u8>, wanted: Option<Kind>) -> Result<Vec<Sheet>, Workbook> {
    let mut workbook = open(Cursor::new(&bytes[..])).map_err(|e| unreadable(&bytes, &e))?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let Some(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let mut grid = build(&range);
        let Some(mut header) = grid.find_header(wanted) else {
            continue;
        };
        // A value that reads as empty may be shown in the sheet all the same:
        // a merged cell shows its top-left value in every cell it covers, and
        // a formula whose result was never saved shows once Excel recomputes
        // it. Reading those costs another look at the workbook, so only when
        // a recognised column has a gap; the grid is then filled in place,
        // not built again.
        // Merged regions first; formulas (another parse of the sheet) only
        // for gaps the regions leave.
        let mut filled = 0;
        let steps: [fn(&mut Book<_>, &str) -> Fill; 2] = [Fill::merged, Fill::formulas];
        for step in steps {
            if !has_gap(&grid, &header) {
                break;
            }
            let fill = step(&mut workbook, &name);
            if !fill.is_empty() {
                filled += grid.fill_gaps(|number, col| {
                    let text = fill.text(&range, (number - 1, col as u32));
                    (!text.is_empty()).then_some(text)
                });
            }
        }
        if filled > 0
            && let Some(h) = grid.find_header(wanted)
        {
            header = h;
        }
        sheets.push(Sheet { name, grid, header });
    }
    Ok(sheets)
}

/// A sheet's name and its rows of cell texts.
pub type SheetCells = (String, Vec<Vec<String>>);

/// Every sheet of a workbook, by name, as rows of what its cells show
/// (row and column from 0 as on the sheet; a number without a spurious
/// `.0`): for reading back a form a person filled in.
pub fn workbook_cells(bytes: &[u8]) -> Result<Vec<SheetCells>, Workbook> {
    let mut workbook = open(Cursor::new(bytes)).map_err(|e| unreadable(bytes, &e))?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let Some(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let mut rows = vec![Vec::new(); first_row as usize];
        for cells in range.rows() {
            let mut row = vec![String::new(); first_col as usize];
            row.extend(cells.iter().map(cell_text));
            rows.push(row);
        }
        sheets.push((name, rows));
    }
    Ok(sheets)
}

/// An XLS or XLSX workbook. calamine's own `Sheets` also covers XLSB and
/// ODS, which no government system exports and whose readers cost the
/// dashboard's download 15 KiB.
enum Book<RS: Read + Seek> {
    Xls(Xls<RS>),
    Xlsx(Xlsx<RS>),
}

impl<RS: Read + Seek> Book<RS> {
    fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Xls(x) => x.sheet_names(),
            Book::Xlsx(x) => x.sheet_names(),
        }
    }

    fn worksheet_range(&mut self, name: &str) -> Option<Range<Data>> {
        match self {
            Book::Xls(x) => x.worksheet_range(name).ok(),
            Book::Xlsx(x) => x.worksheet_range(name).ok(),
        }
    }
}

/// Opens a workbook the way calamine's `open_workbook_auto_from_rs` does
/// (XLS first, then XLSX, one message when neither reads).
fn open<RS: Read + Seek + Clone>(data: RS) -> Result<Book<RS>, calamine::Error> {
    if let Ok(xls) = open_workbook_from_rs::<Xls<RS>, RS>(data.clone()) {
        Ok(Book::Xls(xls))
    } else if let Ok(xlsx) = open_workbook_from_rs::<Xlsx<RS>, RS>(data) {
        Ok(Book::Xlsx(xlsx))
    } else {
        Err(calamine::Error::Msg("Cannot detect file format"))
    }
}

/// The cells of a sheet as a grid.
fn build(range: &Range<Data>) -> Grid {
    let first_row = range.start().map_or(0, |(r, _)| r);
    let first_col = range.start().map_or(0, |(_, c)| c);
    let (grid, ()) = Grid::build(String::new(), |_, body| {
        for (i, cells) in range.rows().enumerate() {
            let row = first_row + i as u32;
            for _ in 0..first_col {
                body.push_owned("");
            }
            for cell in cells {
                body.push_owned(&cell_text(cell));
            }
            body.end_row(row + 1);
        }
    });
    grid
}

/// True when a data row has an empty cell in a recognised column.
fn has_gap(grid: &Grid, header: &Header) -> bool {
    let cols: Vec<usize> = header.map.index.iter().flatten().copied().collect();
    (header.index + 1..grid.len())
        .any(|i| !grid.is_blank(i) && cols.iter().any(|&c| grid.cell(i, c).trim().is_empty()))
}

/// What the sheet shows in cells that hold no value: merged regions and
/// formulas without a saved result.
#[derive(Default)]
struct Fill {
    /// Merged regions by row.
    merged: BTreeMap<u32, Vec<Span>>,
    formulas: Range<String>,
}

impl Fill {
    /// The formulas of sheet `name` (their cells show a value once Excel
    /// recomputes them). XLS files always hold formula results; XLSX files
    /// written by programs often do not.
    fn formulas<RS: Read + Seek>(workbook: &mut Book<RS>, name: &str) -> Fill {
        let formulas = match workbook {
            Book::Xlsx(x) => x.worksheet_formula(name).unwrap_or_default(),
            Book::Xls(_) => Range::default(),
        };
        Fill {
            merged: BTreeMap::new(),
            formulas,
        }
    }

    /// The merged regions of sheet `name`.
    fn merged<RS: Read + Seek>(workbook: &mut Book<RS>, name: &str) -> Fill {
        let regions = match workbook {
            Book::Xlsx(x) => x
                .worksheet_merge_cells(name)
                .and_then(Result::ok)
                .unwrap_or_default(),
            Book::Xls(x) => x.worksheet_merge_cells(name).unwrap_or_default(),
        };
        let mut merged: BTreeMap<u32, Vec<Span>> = BTreeMap::new();
        for d in regions {
            // A region's own rows only: a hostile sheet cannot make this
            // larger than the sheet's rows times its regions.
            for row in d.start.0..=d.end.0.min(d.start.0.saturating_add(MAX_MERGED_ROWS)) {
                merged.entry(row).or_default().push(Span {
                    first_col: d.start.1,
                    last_col: d.end.1,
                    top_left: d.start,
                });
            }
        }
        Fill {
            merged,
            formulas: Range::default(),
        }
    }

    fn is_empty(&self) -> bool {
        self.merged.is_empty() && self.formulas.is_empty()
    }

    /// The text shown in the empty cell at `at` (absolute row and column).
    fn text(&self, range: &Range<Data>, at: (u32, u32)) -> String {
        if let Some(f) = self.formulas.get_value(at).filter(|f| !f.is_empty()) {
            return format!("={f}");
        }
        self.merged
            .get(&at.0)
            .and_then(|regions| {
                regions
                    .iter()
                    .find(|s| s.first_col <= at.1 && at.1 <= s.last_col && s.top_left != at)
            })
            .and_then(|s| range.get_value(s.top_left))
            .map(cell_text)
            .unwrap_or_default()
    }
}

/// The part of a merged region on one row.
struct Span {
    first_col: u32,
    last_col: u32,
    /// Absolute row and column of the cell that holds the region's value.
    top_left: (u32, u32),
}

/// Rows of one merged region that are filled; beyond them the cells stay
/// empty (a region as tall as the sheet is a layout device, not a value).
const MAX_MERGED_ROWS: u32 = 100_000;

/// Why a workbook cannot be opened, in words a user can act on.
fn unreadable(bytes: &[u8], error: &calamine::Error) -> Workbook {
    let has = |needle: &[u8]| memchr::memmem::find(bytes, needle).is_some();
    if bytes.starts_with(b"PK\x03\x04") {
        if !has(b"PK\x05\x06") {
            return Workbook::Truncated;
        }
        if !has(b"xl/workbook.xml") && !has(b"xl/workbook.bin") {
            return Workbook::NotAWorkbookZip;
        }
        return Workbook::DamagedZip(error.to_string());
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Workbook::DamagedXls(error.to_string());
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = std::str::from_utf8(head).is_ok_and(|t| !t.contains('\0'));
    if text {
        Workbook::Text
    } else {
        Workbook::Unknown
    }
}

/// The text of a cell as it would read in the sheet.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        // What the sheet shows (`#N/A`), so that a message names it.
        Data::Error(e) => e.to_string(),
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
    // Excel counts 1900 as a leap year (Lotus 1-2-3's bug): serial 60 shows
    // the day that never was, 1900-02-29, and serial 0 shows 1900-01-00.
    // Both are written as shown, so the message names what the user sees.
    let date = match days as i64 {
        0 => return "1900-01-00".to_owned(),
        60 => return "1900-02-29".to_owned(),
        n @ 1..=59 => Date::from_ymd(1900, 1, 1).map(|d| d.add_days(n as i32 - 1)),
        n => Date::from_excel_serial(n),
    };
    let Some(date) = date else {
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
