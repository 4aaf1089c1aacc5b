//! Delimited text: CSV, TSV and semicolon-separated exports.
//!
//! A small RFC 4180 reader tuned for the exports government systems make:
//! `"` quotes with `""` escapes, embedded newlines, CRLF/LF/CR line ends,
//! and text after a closing quote kept rather than lost. The delimiter is
//! the one of tab, semicolon and comma under which one of the first 10 rows
//! names a table kind (RULES §1.1).

use super::grid::{Body, Grid, Header};
use crate::schema::Kind;

/// Lines read to choose the delimiter: the header is among the first 10
/// non-blank rows, and exports rarely hold many blank lines above it.
const PROBE_LINES: usize = 200;

/// Delimiters in the order they are tried.
const DELIMITERS: [u8; 3] = [b'\t', b';', b','];

/// A parsed delimited file.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub grid: Grid,
    pub header: Header,
    /// Row number of a quoted field that never closed, if any.
    pub unclosed_quote_row: Option<u32>,
}

/// A delimited file being read a slice of rows at a time, so that a large
/// file never blocks the browser for long (see [`super::Importer`]).
#[derive(Debug)]
pub(crate) struct Reader {
    grid: Grid,
    delimiter: u8,
    wanted: Option<Kind>,
    at: usize,
    row: u32,
    unclosed: Option<u32>,
}

impl Reader {
    /// Chooses the delimiter from the first lines; `None` when no delimiter
    /// makes one of the first 10 rows a header.
    pub(crate) fn start(text: String, wanted: Option<Kind>) -> Option<Reader> {
        let head = &text[..nth_line_end(text.as_bytes(), PROBE_LINES)];
        let (delimiter, probe) = DELIMITERS.into_iter().find_map(|d| {
            let (probe, _) = Grid::build(head.to_owned(), |t, body| {
                read(t.as_bytes(), (0, 0), d, Some(PROBE_LINES), body)
            });
            probe.find_header(wanted).is_some().then_some((d, probe))
        })?;
        // Size the rows from the probe so a large file never re-grows them.
        let rows_estimate = text.len() / (head.len() / probe.len().max(1)).max(1) + 16;
        let (grid, ()) = Grid::build(text, |_, body| {
            body.reserve(rows_estimate + rows_estimate / 8);
        });
        Some(Reader {
            grid,
            delimiter,
            wanted,
            at: 0,
            row: 0,
            unclosed: None,
        })
    }

    /// Reads up to `rows` more rows; true when the whole text is read.
    pub(crate) fn advance(&mut self, rows: usize) -> bool {
        let (from, delimiter) = ((self.at, self.row), self.delimiter);
        let (at, row, unclosed) = self.grid.fill(|t, body| {
            let limit = (from.1 as usize).saturating_add(rows);
            read(t.as_bytes(), from, delimiter, Some(limit), body)
        });
        (self.at, self.row) = (at, row);
        self.unclosed = self.unclosed.or(unclosed);
        self.at >= self.grid.text_len()
    }

    /// Length of the text, in bytes.
    pub(crate) fn len(&self) -> usize {
        self.grid.text_len()
    }

    /// Bytes read so far.
    pub(crate) fn position(&self) -> usize {
        self.at
    }

    /// The grid and its header, once every row is read.
    pub(crate) fn finish(self) -> Option<Parsed> {
        let header = self.grid.find_header(self.wanted)?;
        Some(Parsed {
            grid: self.grid,
            header,
            unclosed_quote_row: self.unclosed,
        })
    }
}

/// Byte offset just past the `n`-th line end outside quotes (or the end).
fn nth_line_end(bytes: &[u8], n: usize) -> usize {
    let mut quoted = false;
    let mut lines = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines += 1;
                if lines == n {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

/// Reads records from `bytes` into `grid` (whose source text is `bytes`),
/// starting at byte `at` after row `row`, until row `limit`. Returns where
/// it stopped, the last row number and the row of an unclosed quote, if any.
fn read(
    bytes: &[u8],
    (at, row): (usize, u32),
    delimiter: u8,
    limit: Option<usize>,
    grid: &mut Body,
) -> (usize, u32, Option<u32>) {
    let n = bytes.len();
    let mut i = at;
    let mut row = row;
    let mut unclosed = None;
    while i < n {
        if limit.is_some_and(|l| row as usize >= l) {
            break;
        }
        row += 1;
        // A line without a quote is kept whole; its cells are found when
        // it is read.
        let end = memchr::memchr3(b'"', b'\n', b'\r', &bytes[i..]).map_or(n, |p| i + p);
        if end == n || bytes[end] != b'"' {
            grid.push_line(row, i, end, delimiter);
            i = end;
        } else {
            loop {
                if i < n && bytes[i] == b'"' {
                    i = quoted_field(bytes, i + 1, delimiter, grid, &mut unclosed, row);
                } else {
                    let start = i;
                    i = memchr::memchr3(delimiter, b'\n', b'\r', &bytes[i..]).map_or(n, |p| i + p);
                    grid.push_span(start, i);
                }
                if i < n && bytes[i] == delimiter {
                    i += 1;
                    continue;
                }
                break;
            }
            grid.end_row(row);
        }
        if i < n && bytes[i] == b'\r' {
            i += 1;
        }
        if i < n && bytes[i] == b'\n' {
            i += 1;
        }
    }
    (i, row, unclosed)
}

/// Reads a quoted field whose content starts at `start`; returns the index
/// of the byte after the field.
fn quoted_field(
    bytes: &[u8],
    start: usize,
    delimiter: u8,
    grid: &mut Body,
    unclosed: &mut Option<u32>,
    row: u32,
) -> usize {
    let n = bytes.len();
    let mut i = start;
    let mut escaped = false;
    let end = loop {
        match memchr::memchr(b'"', &bytes[i..]) {
            None => {
                unclosed.get_or_insert(row);
                i = n;
                break n;
            }
            Some(p) => {
                let q = i + p;
                if q + 1 < n && bytes[q + 1] == b'"' {
                    escaped = true;
                    i = q + 2;
                } else {
                    i = q + 1;
                    break q;
                }
            }
        }
    };
    let tail_start = i;
    while i < n && bytes[i] != delimiter && bytes[i] != b'\n' && bytes[i] != b'\r' {
        i += 1;
    }
    if !escaped && tail_start == i {
        grid.push_span(start, end);
    } else {
        let content = String::from_utf8_lossy(&bytes[start..end]).replace("\"\"", "\"");
        let tail = String::from_utf8_lossy(&bytes[tail_start..i]);
        grid.push_owned(&(content + &tail));
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cell of every row, read in the order given by `cols` per row.
    fn cells(grid: &Grid, cols: &[usize]) -> Vec<Vec<String>> {
        (0..grid.len())
            .map(|i| {
                let mut row = vec![String::new(); grid.width(i)];
                for &c in cols.iter().filter(|&&c| c < grid.width(i)) {
                    row[c] = grid.cell(i, c).to_owned();
                }
                row
            })
            .collect()
    }

    #[test]
    fn lines_without_quotes_kept_whole_read_the_cells_as_written() {
        let text = "部门,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\r\n\n,,\r\"引号,内\",\"a\"\"b\",c\n尾,\"x\"y,\n末行,无换行,z";
        let (grid, (at, rows, unclosed)) = Grid::build(text.to_owned(), |t, body| {
            read(t.as_bytes(), (0, 0), b',', None, body)
        });
        assert_eq!((at, rows, unclosed), (text.len(), 7, None));
        let expected: Vec<Vec<&str>> = vec![
            vec!["部门", "成文日期", "发布日期"],
            vec!["旗教育局", "2019-08-23", "2019-08-30"],
            vec![""],
            vec!["", "", ""],
            vec!["引号,内", "a\"b", "c"],
            vec!["尾", "xy", ""],
            vec!["末行", "无换行", "z"],
        ];
        // In order, backwards, and one cell alone.
        for cols in [vec![0, 1, 2], vec![2, 1, 0], vec![1]] {
            let got = cells(&grid, &cols);
            for (i, want) in expected.iter().enumerate() {
                assert_eq!(got[i].len(), want.len(), "row {i}");
                for &c in cols.iter().filter(|&&c| c < want.len()) {
                    assert_eq!(got[i][c], want[c], "row {i} cell {c} ({cols:?})");
                }
            }
        }
        assert_eq!(grid.cell(1, 2), "2019-08-30");
        assert_eq!(grid.cell(0, 0), "部门");
        assert_eq!(grid.cell(1, 0), "旗教育局");
        assert_eq!(grid.cell(1, 9), "");
        assert_eq!((grid.number(0), grid.number(6)), (1, 7));
    }

    #[test]
    fn a_row_read_once_gives_every_cell_of_a_wide_line() {
        // 40 cells: past the 32 that a row finds at once.
        let wide: Vec<String> = (0..40).map(|c| format!("c{c}")).collect();
        let text = format!("{}\n \t,\u{3000},\n,x\n", wide.join(";").replace(';', ","));
        let (grid, _) = Grid::build(text, |t, body| read(t.as_bytes(), (0, 0), b',', None, body));
        let row = grid.row(0);
        assert_eq!(row.width(), 40);
        for c in 0..42 {
            let want = wide.get(c).map_or("", String::as_str);
            assert_eq!((row.cell(c), grid.cell(0, c)), (want, want), "cell {c}");
        }
        assert_eq!(row.cells().collect::<Vec<_>>(), wide);
        let mut picked = Vec::new();
        row.pick(&[1, 31, 32, 39, 40], |c| picked.push(c));
        assert_eq!(picked, ["c1", "c31", "c32", "c39", ""]);
        // White space and delimiters only is blank; one letter is not.
        assert!(grid.row(1).is_blank() && grid.is_blank(1));
        assert!(!grid.row(2).is_blank());
        assert_eq!(
            (grid.row(2).cell(0), grid.row(2).cell(1), grid.width(2)),
            ("", "x", 2)
        );
    }
}
