//! A table of text cells as read from any file format, before validation.
//!
//! Cells are byte ranges: into the decoded file text where a cell could be
//! taken as written, or into a side buffer for cells that needed rewriting
//! (CSV quote escapes, spreadsheet and JSON values). A delimited line
//! without a quote keeps only where it starts and how long it is: its cells
//! are found when it is read ([`Grid::row`] once a row for validation). A
//! million-row CSV thus costs one decoded string and one small record per
//! row, not millions of small strings, and no cell positions at all.

use std::sync::Arc;

use crate::record::SharedStr;
use crate::schema::{ColumnMap, Kind, recognise};
use crate::text::header_key;

/// Marks a span that points into the side buffer.
const OWNED: u32 = 1 << 31;

/// Marks `RowSpan::first` of a row kept as a whole line of the text.
const LINE: u32 = 1 << 31;

/// How many cells of a line [`GridRow`] finds at once; any further cells
/// are found again from there when read.
const FOUND: usize = 32;

/// A row: its 1-based number in the file, and either its cells (the index
/// of the first in `Body::cells` and how many) or, marked [`LINE`], the
/// line of text it is (its start and length in bytes).
#[derive(Debug, Clone, Copy)]
struct RowSpan {
    number: u32,
    first: u32,
    len: u32,
    start: u32,
}

/// The cells and rows of a grid, written while its text is borrowed.
#[derive(Debug, Default)]
pub(crate) struct Body {
    /// Shared with the records once the rows are read, like the text.
    owned: Arc<String>,
    cells: Vec<(u32, u32)>,
    rows: Vec<RowSpan>,
    row_start: u32,
    /// What separates the cells of a [`LINE`] row.
    delimiter: u8,
}

impl Body {
    /// Reserves room for about `rows` rows.
    pub(crate) fn reserve(&mut self, rows: usize) {
        self.rows.reserve(rows);
    }

    /// Adds a cell that is a range of the source text.
    pub(crate) fn push_span(&mut self, start: usize, end: usize) {
        self.cells.push((start as u32, end as u32));
    }

    /// Adds a cell with its own text.
    pub(crate) fn push_owned(&mut self, value: &str) {
        let owned = Arc::make_mut(&mut self.owned);
        let start = owned.len() as u32;
        owned.push_str(value);
        self.cells.push((start | OWNED, owned.len() as u32));
    }

    /// Ends the current row, numbering it `number`.
    pub(crate) fn end_row(&mut self, number: u32) {
        let first = self.row_start;
        let len = self.cells.len() as u32 - first;
        self.rows.push(RowSpan {
            number,
            first,
            len,
            start: 0,
        });
        self.row_start = self.cells.len() as u32;
    }

    /// Adds row `number`, the text from `start` to `end`: a line without a
    /// quote, whose cells are separated by one `delimiter` each.
    pub(crate) fn push_line(&mut self, number: u32, start: usize, end: usize, delimiter: u8) {
        self.delimiter = delimiter;
        self.rows.push(RowSpan {
            number,
            first: LINE,
            len: (end - start) as u32,
            start: start as u32,
        });
    }
}

/// Rows of text cells.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    /// Shared with the records made from the grid ([`Grid::share`]).
    text: Arc<String>,
    body: Body,
}

impl Grid {
    /// A grid over `text`, whose cells `fill` writes while reading the text.
    pub(crate) fn build<R>(text: String, fill: impl FnOnce(&str, &mut Body) -> R) -> (Grid, R) {
        let mut body = Body::default();
        let result = fill(&text, &mut body);
        let text = Arc::new(text);
        (Grid { text, body }, result)
    }

    /// Lets `fill` write more cells while reading the grid's own text.
    pub(crate) fn fill<R>(&mut self, fill: impl FnOnce(&str, &mut Body) -> R) -> R {
        fill(&self.text, &mut self.body)
    }

    /// Gives every blank cell the text `value(row number, column)` returns,
    /// in place: the cells of a spreadsheet that show a value without
    /// holding one (merged regions, formulas without a saved result). The
    /// rest of the grid stays as built. Returns how many cells it filled.
    pub(crate) fn fill_gaps(
        &mut self,
        mut value: impl FnMut(u32, usize) -> Option<String>,
    ) -> usize {
        let mut filled = 0;
        for i in 0..self.len() {
            let row = self.body.rows[i];
            debug_assert!(row.first & LINE == 0, "spreadsheets keep every cell");
            if row.first & LINE != 0 {
                continue;
            }
            for c in 0..row.len as usize {
                if !self.cell(i, c).trim().is_empty() {
                    continue;
                }
                let Some(text) = value(row.number, c).filter(|t| !t.is_empty()) else {
                    continue;
                };
                let owned = Arc::make_mut(&mut self.body.owned);
                let start = owned.len() as u32;
                owned.push_str(&text);
                self.body.cells[row.first as usize + c] = (start | OWNED, owned.len() as u32);
                filled += 1;
            }
        }
        filled
    }

    /// `value`, a cell of this grid or a part of one, as text that shares
    /// the grid's buffers instead of copying them.
    pub(crate) fn share(&self, value: &str) -> SharedStr {
        let text = self.text.as_ptr() as usize;
        let in_text = (text..=text + self.text.len()).contains(&(value.as_ptr() as usize));
        let buf = if in_text {
            &self.text
        } else {
            &self.body.owned
        };
        SharedStr::within(buf, value)
    }

    /// Length of the grid's own text, in bytes.
    pub(crate) fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Number of rows.
    pub(crate) fn len(&self) -> usize {
        self.body.rows.len()
    }

    /// 1-based row number of row `i` as a spreadsheet shows it.
    pub(crate) fn number(&self, i: usize) -> u32 {
        self.body.rows[i].number
    }

    /// Number of cells in row `i`.
    pub(crate) fn width(&self, i: usize) -> usize {
        match self.line(i) {
            Some(line) => memchr::memchr_iter(self.body.delimiter, line.as_bytes()).count() + 1,
            None => self.body.rows[i].len as usize,
        }
    }

    /// The text of row `i` when it is kept as a line.
    fn line(&self, i: usize) -> Option<&str> {
        let row = self.body.rows[i];
        let start = row.start as usize;
        (row.first & LINE != 0).then(|| &self.text[start..start + row.len as usize])
    }

    /// Row `i`, its cells found once for reading several of them.
    pub(crate) fn row(&self, i: usize) -> GridRow<'_> {
        let mut row = GridRow {
            grid: self,
            i,
            line: self.line(i),
            found: 0,
            ends: [0; FOUND],
        };
        if let Some(line) = row.line {
            for end in memchr::memchr_iter(self.body.delimiter, line.as_bytes()).take(FOUND) {
                row.ends[row.found] = end as u32;
                row.found += 1;
            }
        }
        row
    }

    /// Cell `col` of row `i`, untrimmed; empty past the end of the row.
    pub(crate) fn cell(&self, i: usize, col: usize) -> &str {
        if let Some(line) = self.line(i) {
            return nth_cell(line, self.body.delimiter, col);
        }
        let row = self.body.rows[i];
        if col >= row.len as usize {
            return "";
        }
        let (start, end) = self.body.cells[(row.first as usize) + col];
        if start & OWNED == 0 {
            &self.text[start as usize..end as usize]
        } else {
            &self.body.owned[(start & !OWNED) as usize..end as usize]
        }
    }

    /// True when every cell of row `i` is blank.
    pub(crate) fn is_blank(&self, i: usize) -> bool {
        self.row(i).is_blank()
    }

    /// The header of the table: the first of the first 10 non-blank rows
    /// that names every required column of a kind (of `wanted`, when given).
    /// Blank rows are not counted among the 10 (RULES §1.1: blank rows are
    /// skipped anywhere).
    pub(crate) fn find_header(&self, wanted: Option<Kind>) -> Option<Header> {
        let candidates: Vec<usize> = (0..self.len())
            .filter(|&i| !self.is_blank(i))
            .take(10)
            .collect();
        candidates.into_iter().find_map(|i| {
            let row = self.row(i);
            let keys: Vec<String> = row.cells().map(header_key).collect();
            recognise(&keys, wanted).map(|map| Header {
                index: i,
                names: row.cells().map(|c| c.trim().to_owned()).collect(),
                map,
            })
        })
    }
}

/// A recognised header row.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// Index of the header row in the grid.
    pub index: usize,
    /// The header cells as written (trimmed).
    pub names: Vec<String>,
    /// Which column holds which key.
    pub map: ColumnMap,
}

/// Cell `col` of `line`, whose cells are separated by one `delimiter` each;
/// empty past its last cell.
fn nth_cell(line: &str, delimiter: u8, col: usize) -> &str {
    LineCells::new(line, delimiter).nth(col).unwrap_or("")
}

/// The cells of a line, separated by one delimiter each, in order.
#[derive(Debug)]
struct LineCells<'g> {
    line: &'g str,
    delimiter: u8,
    /// Where the next cell starts; past the line's end once its last cell
    /// is given.
    at: usize,
}

impl<'g> LineCells<'g> {
    fn new(line: &'g str, delimiter: u8) -> LineCells<'g> {
        LineCells {
            line,
            delimiter,
            at: 0,
        }
    }
}

impl<'g> Iterator for LineCells<'g> {
    type Item = &'g str;

    fn next(&mut self) -> Option<&'g str> {
        let rest = self.line.get(self.at..)?;
        let end = memchr::memchr(self.delimiter, rest.as_bytes()).unwrap_or(rest.len());
        self.at += end + 1;
        Some(&rest[..end])
    }
}

/// One row of a [`Grid`], with the cells of a line found once: validation
/// reads most cells of every row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GridRow<'g> {
    grid: &'g Grid,
    i: usize,
    /// The row's text when it is kept as a line.
    line: Option<&'g str>,
    /// How many of `ends` are found: the line's first delimiters.
    found: usize,
    ends: [u32; FOUND],
}

impl<'g> GridRow<'g> {
    /// Cell `col`, untrimmed; empty past the end of the row.
    pub(crate) fn cell(&self, col: usize) -> &'g str {
        let Some(line) = self.line else {
            return self.grid.cell(self.i, col);
        };
        if col < self.found {
            let start = if col == 0 {
                0
            } else {
                self.ends[col - 1] as usize + 1
            };
            return &line[start..self.ends[col] as usize];
        }
        // The cells after the last delimiter found.
        let rest = match self.found {
            0 => line,
            n => &line[self.ends[n - 1] as usize + 1..],
        };
        match self.found < FOUND {
            true if col == self.found => rest,
            true => "",
            false => nth_cell(rest, self.grid.body.delimiter, col - FOUND),
        }
    }

    /// Every cell, in order.
    pub(crate) fn cells(&self) -> Cells<'g> {
        Cells {
            grid: self.grid,
            i: self.i,
            line: self
                .line
                .map(|l| LineCells::new(l, self.grid.body.delimiter)),
            col: 0,
            width: if self.line.is_some() { 0 } else { self.width() },
        }
    }

    /// The cells of the columns `cols`, which strictly ascend, in one
    /// pass; empty past the end of the row.
    pub(crate) fn pick(&self, cols: &[usize], mut f: impl FnMut(&'g str)) {
        debug_assert!(cols.windows(2).all(|w| w[0] < w[1]), "{cols:?}");
        let mut cells = self.cells();
        let mut next = 0;
        for &col in cols {
            f(cells.nth(col - next).unwrap_or(""));
            next = col + 1;
        }
    }

    /// Number of cells.
    pub(crate) fn width(&self) -> usize {
        match self.line {
            Some(_) if self.found < FOUND => self.found + 1,
            _ => self.grid.width(self.i),
        }
    }

    /// True when every cell is blank. A line is when each of its
    /// characters is white space or the delimiter.
    pub(crate) fn is_blank(&self) -> bool {
        match self.line {
            Some(line) => {
                let delimiter = char::from(self.grid.body.delimiter);
                line.chars().all(|c| c == delimiter || c.is_whitespace())
            }
            None => (0..self.width()).all(|c| self.cell(c).chars().all(char::is_whitespace)),
        }
    }
}

/// The cells of a [`GridRow`] in order.
#[derive(Debug)]
pub(crate) struct Cells<'g> {
    grid: &'g Grid,
    i: usize,
    /// The cells of a row kept as a line; `None` for a row that keeps its
    /// cells (`col` is the next of its `width`).
    line: Option<LineCells<'g>>,
    col: usize,
    width: usize,
}

impl<'g> Iterator for Cells<'g> {
    type Item = &'g str;

    fn next(&mut self) -> Option<&'g str> {
        if let Some(line) = &mut self.line {
            return line.next();
        }
        let col = self.col;
        self.col += 1;
        (col < self.width).then(|| self.grid.cell(self.i, col))
    }
}
