//! A table of text cells as read from any file format, before validation.
//!
//! Cells are byte ranges: into the decoded file text where a cell could be
//! taken as written, or into a side buffer for cells that needed rewriting
//! (CSV quote escapes, spreadsheet and JSON values). A delimited row without
//! a quoted field keeps no cells at all: only where it starts and ends, its
//! cells being exactly its text split at the delimiter, which [`Grid::cell`]
//! does when the row is read (and keeps for the next cell of the same row).
//! A million-row CSV thus costs one decoded string and one small record per
//! row, not millions of small strings or ten million cell ranges.

use std::cell::RefCell;

use crate::schema::{ColumnMap, Kind, recognise};
use crate::text::header_key;

/// Marks a span that points into the side buffer.
const OWNED: u32 = 1 << 31;

/// `RowSpan::first` of a row whose cells are its text split at the delimiter.
const SPLIT: u32 = u32::MAX;

/// A row: its 1-based number in the file, its number of cells, and either
/// the index of its first cell in `Body::cells` or [`SPLIT`], with the
/// text range `start..end` the cells are split from.
#[derive(Debug, Clone, Copy)]
struct RowSpan {
    number: u32,
    first: u32,
    len: u32,
    start: u32,
    end: u32,
}

/// The cells and rows of a grid, written while its text is borrowed.
#[derive(Debug, Default)]
pub(crate) struct Body {
    owned: String,
    cells: Vec<(u32, u32)>,
    rows: Vec<RowSpan>,
    row_start: u32,
    /// The delimiter of split rows.
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
        let start = self.owned.len() as u32;
        self.owned.push_str(value);
        self.cells.push((start | OWNED, self.owned.len() as u32));
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
            end: 0,
        });
        self.row_start = self.cells.len() as u32;
    }

    /// Ends the current row, numbering it `number`, when every cell of it
    /// is a range of the source text and the cells are separated by exactly
    /// one `delimiter` each (no quoted field): the row keeps only its range,
    /// and its cells are given back to the vector.
    pub(crate) fn end_split_row(&mut self, number: u32, delimiter: u8) {
        let first = self.row_start as usize;
        let (Some(&(start, _)), Some(&(_, end))) = (self.cells.get(first), self.cells.last())
        else {
            return self.end_row(number);
        };
        let len = (self.cells.len() - first) as u32;
        self.cells.truncate(first);
        self.delimiter = delimiter;
        self.rows.push(RowSpan {
            number,
            first: SPLIT,
            len,
            start,
            end,
        });
    }
}

/// The cell ranges of the split row read last, as far as it is split.
#[derive(Debug, Default)]
struct SplitCache {
    row: Option<usize>,
    cells: Vec<(u32, u32)>,
    /// Where the next cell starts.
    next: u32,
}

/// Rows of text cells.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    text: String,
    body: Body,
    split: RefCell<SplitCache>,
}

impl Grid {
    /// A grid over `text`, whose cells `fill` writes while reading the text.
    pub(crate) fn build<R>(text: String, fill: impl FnOnce(&str, &mut Body) -> R) -> (Grid, R) {
        let mut body = Body::default();
        let result = fill(&text, &mut body);
        let grid = Grid {
            text,
            body,
            split: RefCell::default(),
        };
        (grid, result)
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
            debug_assert!(row.first != SPLIT, "spreadsheets keep every cell");
            if row.first == SPLIT {
                continue;
            }
            for c in 0..row.len as usize {
                if !self.cell(i, c).trim().is_empty() {
                    continue;
                }
                let Some(text) = value(row.number, c).filter(|t| !t.is_empty()) else {
                    continue;
                };
                let start = self.body.owned.len() as u32;
                self.body.owned.push_str(&text);
                self.body.cells[row.first as usize + c] =
                    (start | OWNED, self.body.owned.len() as u32);
                filled += 1;
            }
        }
        filled
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
        if row.first == SPLIT {
            let (start, end) = self.split_cell(i, row, col);
            return &self.text[start as usize..end as usize];
        }
        let (start, end) = self.body.cells[(row.first as usize) + col];
        if start & OWNED == 0 {
            &self.text[start as usize..end as usize]
        } else {
            &self.body.owned[(start & !OWNED) as usize..end as usize]
        }
    }

    /// The range of cell `col` of the split row `i`. The row is split only
    /// as far as the cells asked for, and the ranges are kept for the next
    /// cell of the same row.
    fn split_cell(&self, i: usize, row: RowSpan, col: usize) -> (u32, u32) {
        let mut cache = self.split.borrow_mut();
        if cache.row != Some(i) {
            cache.row = Some(i);
            cache.cells.clear();
            cache.next = row.start;
        }
        let text = self.text.as_bytes();
        while cache.cells.len() <= col {
            let from = cache.next;
            let rest = &text[from as usize..row.end as usize];
            let end =
                memchr::memchr(self.body.delimiter, rest).map_or(row.end, |p| from + p as u32);
            cache.cells.push((from, end));
            cache.next = end + 1;
        }
        cache.cells[col]
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
