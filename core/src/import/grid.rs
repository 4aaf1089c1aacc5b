//! A table of text cells as read from any file format, before validation.
//!
//! Cells are byte ranges: into the decoded file text where a cell could be
//! taken as written, or into a side buffer for cells that needed rewriting
//! (CSV quote escapes, spreadsheet and JSON values). A delimited row without
//! a quoted field, its cells separated by one delimiter each, keeps only
//! where it starts and where each cell ends, in 16 bits from the start. A
//! million-row CSV thus costs one decoded string, one small record per row
//! and two bytes per cell, not millions of small strings.

use std::sync::Arc;

use crate::record::SharedStr;
use crate::schema::{ColumnMap, Kind, recognise};
use crate::text::header_key;

/// Marks a span that points into the side buffer.
const OWNED: u32 = 1 << 31;

/// Marks `RowSpan::first` of a row whose cells are kept in `Body::ends`.
const COMPACT: u32 = 1 << 31;

/// A row: its 1-based number in the file, its number of cells, and the
/// index of its first cell in `Body::cells`, or (marked [`COMPACT`]) in
/// `Body::ends`, counted from the row's text at `start`.
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
    /// Where each cell of a compact row ends, from the row's start.
    ends: Vec<u16>,
}

impl Body {
    /// Reserves room for about `rows` rows of `cells_per_row` cells.
    pub(crate) fn reserve(&mut self, rows: usize, cells_per_row: usize) {
        self.rows.reserve(rows);
        self.ends.reserve(rows * cells_per_row);
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

    /// Ends the current row, numbering it `number`, when its cells are
    /// ranges of the source text separated by one delimiter each (no quoted
    /// field): the row keeps where it starts and where each cell ends, and
    /// gives its cells back to the vector. A row longer than 64 KiB keeps
    /// its cells.
    pub(crate) fn end_compact_row(&mut self, number: u32) {
        let first = self.row_start as usize;
        let cells = &self.cells[first..];
        let (Some(&(start, _)), Some(&(_, end))) = (cells.first(), cells.last()) else {
            return self.end_row(number);
        };
        let index = self.ends.len();
        if end - start > u32::from(u16::MAX) || index >= COMPACT as usize {
            return self.end_row(number);
        }
        self.ends
            .extend(cells.iter().map(|&(_, cell_end)| (cell_end - start) as u16));
        let len = cells.len() as u32;
        self.cells.truncate(first);
        self.rows.push(RowSpan {
            number,
            first: COMPACT | index as u32,
            len,
            start,
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
            debug_assert!(row.first & COMPACT == 0, "spreadsheets keep every cell");
            if row.first & COMPACT != 0 {
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
        self.body.rows[i].len as usize
    }

    /// Cell `col` of row `i`, untrimmed; empty past the end of the row.
    pub(crate) fn cell(&self, i: usize, col: usize) -> &str {
        let row = self.body.rows[i];
        if col >= row.len as usize {
            return "";
        }
        if row.first & COMPACT != 0 {
            let at = (row.first & !COMPACT) as usize + col;
            let ends = &self.body.ends;
            let start = if col == 0 {
                row.start
            } else {
                row.start + u32::from(ends[at - 1]) + 1
            };
            let end = row.start + u32::from(ends[at]);
            return &self.text[start as usize..end as usize];
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
        (0..self.width(i)).all(|c| self.cell(i, c).chars().all(char::is_whitespace))
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
            let keys: Vec<String> = (0..self.width(i))
                .map(|c| header_key(self.cell(i, c)))
                .collect();
            recognise(&keys, wanted).map(|map| Header {
                index: i,
                names: (0..self.width(i))
                    .map(|c| self.cell(i, c).trim().to_owned())
                    .collect(),
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
