//! Spreadsheets: XLSX and legacy XLS workbooks, through our own readers
//! ([`super::book`]).
//!
//! Every sheet whose header names a table kind becomes a table. Date cells
//! are written as ISO date-times so they parse exactly like text dates;
//! whole numbers lose their `.0` so ids such as 索引号 read as typed.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::Workbook;
use super::book::{self, BookError, Value};

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
    let book = book::read(&bytes).map_err(|e| unreadable(&bytes, e))?;
    let mut sheets = Vec::new();
    for sheet in book {
        let cells = Cells::of(&sheet).map_err(|e| unreadable(&bytes, e))?;
        let mut grid = build(&cells);
        let Some(mut header) = grid.find_header(wanted) else {
            continue;
        };
        // A value that reads as empty may be shown in the sheet all the same:
        // a merged cell shows its top-left value in every cell it covers, and
        // a formula whose result was never saved shows once Excel recomputes
        // it. Only when a recognised column has a gap is the grid filled, in
        // place: merged regions first, then formulas for gaps the regions
        // leave.
        let mut filled = 0;
        let steps: [fn(&book::Sheet, &Cells) -> Fill; 2] = [Fill::merged, Fill::formulas];
        for step in steps {
            if !has_gap(&grid, &header) {
                break;
            }
            let fill = step(&sheet, &cells);
            if !fill.is_empty() {
                filled += grid.fill_gaps(|number, col| {
                    let text = fill.text((number - 1, col as u32));
                    (!text.is_empty()).then_some(text)
                });
            }
        }
        if filled > 0
            && let Some(h) = grid.find_header(wanted)
        {
            header = h;
        }
        sheets.push(Sheet {
            name: sheet.name,
            grid,
            header,
        });
    }
    Ok(sheets)
}

/// A sheet's name and its rows of cell texts.
pub type SheetCells = (String, Vec<Vec<String>>);

/// Every sheet of a workbook, by name, as rows of what its cells show
/// (row and column from 0 as on the sheet; a number without a spurious
/// `.0`): for reading back a form a person filled in.
pub fn workbook_cells(bytes: &[u8]) -> Result<Vec<SheetCells>, Workbook> {
    let book = book::read(bytes).map_err(|e| unreadable(bytes, e))?;
    book.iter()
        .map(|sheet| {
            let cells = Cells::of(sheet).map_err(|e| unreadable(bytes, e))?;
            let mut rows = vec![Vec::new(); cells.first.0 as usize];
            cells.rows(|_, row| {
                rows.push(
                    row.map(|v| {
                        v.map(|v| cell_text(v, sheet).into_owned())
                            .unwrap_or_default()
                    })
                    .collect(),
                );
            });
            Ok((sheet.name.clone(), rows))
        })
        .collect()
}

/// The cells of a sheet with a value, in row and column order, and the
/// rectangle they span (as the sheet's used range: its first row and
/// column, and its last).
struct Cells<'a> {
    sheet: &'a book::Sheet,
    sorted: Vec<&'a book::Cell>,
    first: (u32, u32),
    last: (u32, u32),
}

impl<'a> Cells<'a> {
    /// The cells of `sheet`; an error when their rectangle holds more than
    /// [`MAX_SHEET_CELLS`] (a stray value in cell XFD1048576 would make a
    /// table of seventeen billion empty cells).
    fn of(sheet: &'a book::Sheet) -> Result<Cells<'a>, BookError> {
        let mut sorted: Vec<&book::Cell> = sheet.cells.iter().collect();
        if !sorted.is_sorted_by_key(|c| (c.row, c.col)) {
            // Stable: of two values for one cell the later one stays last.
            sorted.sort_by_key(|c| (c.row, c.col));
        }
        let first_col = sorted.iter().map(|c| c.col).min().unwrap_or(0);
        let last_col = sorted.iter().map(|c| c.col).max().unwrap_or(0);
        let first = (sorted.first().map_or(0, |c| c.row), first_col);
        let last = (sorted.last().map_or(0, |c| c.row), last_col);
        let span = u64::from(last.0 - first.0 + 1) * u64::from(last.1 + 1);
        if !sorted.is_empty() && span > MAX_SHEET_CELLS {
            return Err(BookError::Damaged(format!(
                "sheet {} spans rows {} to {} and columns 1 to {}: too large to be a table; delete the stray cells far from the data",
                sheet.name,
                first.0 + 1,
                last.0 + 1,
                last.1 + 1
            )));
        }
        Ok(Cells {
            sheet,
            sorted,
            first,
            last,
        })
    }

    /// Calls `each` with every row of the used range (its sheet row, from
    /// 0) and the values of its columns from the sheet's first one.
    fn rows(&self, mut each: impl FnMut(u32, &mut dyn Iterator<Item = Option<&Value>>)) {
        if self.sorted.is_empty() {
            return;
        }
        let mut at = 0;
        for row in self.first.0..=self.last.0 {
            let start = at;
            while at < self.sorted.len() && self.sorted[at].row == row {
                at += 1;
            }
            let mut cells = self.sorted[start..at].iter().peekable();
            let mut values = (0..=self.last.1).map(|col| {
                let mut value = None;
                while let Some(c) = cells.next_if(|c| c.col <= col) {
                    if c.col == col {
                        value = Some(&c.value);
                    }
                }
                value.filter(|_| col >= self.first.1)
            });
            each(row, &mut values);
        }
    }
}

/// Most cells (empty ones included) in the rectangle a sheet's values span:
/// 5 million rows of 12 columns.
pub(crate) const MAX_SHEET_CELLS: u64 = 60_000_000;

/// The cells of a sheet as a grid.
fn build(cells: &Cells) -> Grid {
    let (grid, ()) = Grid::build(String::new(), |_, body| {
        cells.rows(|row, values| {
            for value in values {
                match value {
                    Some(v) => body.push_owned(&cell_text(v, cells.sheet)),
                    None => body.push_owned(""),
                }
            }
            body.end_row(row + 1);
        });
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
    /// Formulas by cell (absolute row and column).
    formulas: HashMap<(u32, u32), String>,
}

impl Fill {
    /// The formulas without a saved result (XLS files always hold formula
    /// results; XLSX files written by programs often do not).
    fn formulas(sheet: &book::Sheet, _: &Cells) -> Fill {
        Fill {
            merged: BTreeMap::new(),
            formulas: sheet
                .formulas
                .iter()
                .map(|(r, c, f)| ((*r, *c), f.clone()))
                .collect(),
        }
    }

    /// The merged regions, each with the text of its top-left cell.
    fn merged(sheet: &book::Sheet, cells: &Cells) -> Fill {
        let corners: HashMap<(u32, u32), String> = {
            let wanted: std::collections::HashSet<(u32, u32)> =
                sheet.merged.iter().map(|m| m.first).collect();
            cells
                .sorted
                .iter()
                .filter(|c| wanted.contains(&(c.row, c.col)))
                .map(|c| ((c.row, c.col), cell_text(&c.value, sheet).into_owned()))
                .collect()
        };
        let mut merged: BTreeMap<u32, Vec<Span>> = BTreeMap::new();
        for m in &sheet.merged {
            let Some(text) = corners.get(&m.first) else {
                continue;
            };
            // A region's own rows only: a hostile sheet cannot make this
            // larger than the sheet's rows times its regions.
            for row in m.first.0..=m.last.0.min(m.first.0.saturating_add(MAX_MERGED_ROWS)) {
                merged.entry(row).or_default().push(Span {
                    first_col: m.first.1,
                    last_col: m.last.1,
                    top_left: m.first,
                    text: text.clone(),
                });
            }
        }
        Fill {
            merged,
            formulas: HashMap::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.merged.is_empty() && self.formulas.is_empty()
    }

    /// The text shown in the empty cell at `at` (absolute row and column).
    fn text(&self, at: (u32, u32)) -> String {
        if let Some(f) = self.formulas.get(&at).filter(|f| !f.is_empty()) {
            return format!("={f}");
        }
        self.merged
            .get(&at.0)
            .and_then(|regions| {
                regions
                    .iter()
                    .find(|s| s.first_col <= at.1 && at.1 <= s.last_col && s.top_left != at)
            })
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }
}

/// The part of a merged region on one row.
struct Span {
    first_col: u32,
    last_col: u32,
    /// Absolute row and column of the cell that holds the region's value.
    top_left: (u32, u32),
    /// What that cell shows.
    text: String,
}

/// Rows of one merged region that are filled; beyond them the cells stay
/// empty (a region as tall as the sheet is a layout device, not a value).
const MAX_MERGED_ROWS: u32 = 100_000;

/// Why a workbook cannot be opened, in words a user can act on.
#[allow(
    clippy::needless_pass_by_value,
    reason = "the error is consumed into the message"
)]
fn unreadable(bytes: &[u8], error: BookError) -> Workbook {
    let words = |e: &BookError| match e {
        BookError::Damaged(words) => words.clone(),
        other => format!("{other:?}"),
    };
    if error == BookError::Encrypted {
        return Workbook::Encrypted;
    }
    if bytes.starts_with(book::ZIP_MAGIC) {
        return match error {
            BookError::Truncated => Workbook::Truncated,
            BookError::NoWorkbookPart => Workbook::NotAWorkbookZip,
            e => Workbook::DamagedZip(words(&e)),
        };
    }
    if bytes.starts_with(book::OLE_MAGIC) {
        return Workbook::DamagedXls(words(&error));
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
fn cell_text<'s>(cell: &'s Value, sheet: &'s book::Sheet) -> Cow<'s, str> {
    match cell {
        // What the sheet shows (`#N/A`), so that a message names it.
        Value::Text(s) | Value::Error(s) => Cow::Borrowed(s),
        Value::Shared(i) => Cow::Borrowed(sheet.shared(*i)),
        Value::Bool(b) => Cow::Owned(b.to_string()),
        Value::Number(f) => Cow::Owned(number_text(*f)),
        Value::Date(serial) => Cow::Owned(serial_text(*serial)),
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
