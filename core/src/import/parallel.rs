//! The rows of a large table validated on two cores (natively; the browser
//! has one thread and validates a slice at a time).
//!
//! Reading a row ([`read_row`]: its cells, dates, ids, the warnings it
//! would give) needs nothing but the row and the department tables, so
//! chunks of rows are read on both threads. Keeping rows
//! ([`Builder::commit`]: a new department's id, the duplicate rule, the
//! record) needs the builder, and happens on the calling thread in row
//! order, chunk after chunk. The result is the sequential one by
//! construction: every row goes through the same two steps in the same
//! order of commits; only where the reading happens differs.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use rustc_hash::FxHashMap;

use crate::record::{Departments, DeptId};
use crate::schema::{Key, Kind};

use super::Table;
use super::kinds::{Dept, Read, Values, read_row};
use super::report::{FileReport, Problem, RowIssue};
use super::validate::{Builder, DeptName, Row, TableCursor, resolve_dept};

/// Rows read as one piece of work.
const CHUNK: usize = 8_192;

/// Tables with fewer rows are validated on one thread: for them, starting
/// a thread costs more than it saves.
pub(super) const MIN_ROWS: usize = 4 * CHUNK;

/// A row read, waiting to be kept.
struct Pending<'a> {
    row: Row<'a>,
    read: Result<Read<'a>, RowIssue>,
    /// Its values in the chunk's list.
    values: Range<usize>,
    /// How many of the chunk's warnings are its own.
    warnings: usize,
}

/// The rows of one chunk, read.
struct Chunk<'a> {
    rows: Vec<Pending<'a>>,
    values: Values<'a>,
    warnings: Vec<RowIssue>,
}

/// How departments resolve while rows are read: the builder's state when
/// the table started (departments registered later come back as
/// [`Dept::New`], and [`Builder::commit`] finds their id), and the
/// outcome for each department cell already seen in a chunk.
struct Resolver {
    cache: FxHashMap<String, DeptId>,
    departments: Departments,
}

impl Resolver {
    fn resolve<'a>(
        &self,
        row: &Row<'a>,
        seen: &mut FxHashMap<&'a str, Result<Dept, Problem>>,
    ) -> Result<Dept, RowIssue> {
        let raw = row.text(Key::Dept);
        let outcome = if let Some(outcome) = seen.get(raw) {
            outcome.clone()
        } else {
            let outcome = resolve_dept(&self.cache, &self.departments, row)
                .map(DeptName::dept)
                .map_err(|issue| issue.problem);
            seen.insert(raw, outcome.clone());
            outcome
        };
        // Every rejection of a department cell is of the cell itself.
        outcome.map_err(|problem| row.issue(Key::Dept, true, problem))
    }
}

fn read_chunk<'a>(
    table: &'a Table,
    file: u32,
    rows: Range<usize>,
    resolver: &Resolver,
) -> Chunk<'a> {
    let kind = table.header.map.kind;
    let mut chunk = Chunk {
        rows: Vec::with_capacity(rows.len()),
        values: Values::default(),
        warnings: Vec::new(),
    };
    let mut seen = FxHashMap::default();
    for i in rows {
        let Some(row) = table.row(file, i) else {
            continue;
        };
        let (from, warned) = (chunk.values.len(), chunk.warnings.len());
        let read = read_row(
            |row| resolver.resolve(row, &mut seen),
            kind,
            &row,
            &mut chunk.values,
            &mut chunk.warnings,
        );
        chunk.rows.push(Pending {
            row,
            read,
            values: from..chunk.values.len(),
            warnings: chunk.warnings.len() - warned,
        });
    }
    chunk
}

impl Builder {
    /// Keeps the rows of a chunk, in order.
    fn keep_chunk(
        &mut self,
        table: &Table,
        cursor: &mut TableCursor,
        chunk: Chunk<'_>,
        report: &mut FileReport,
    ) {
        let kind = table.header.map.kind;
        let mut warnings = chunk.warnings.into_iter();
        for p in chunk.rows {
            report.rows += 1;
            let values = chunk.values.view(p.values.start, p.values.end);
            let own = warnings.by_ref().take(p.warnings);
            if self.keep(kind, &p.row, p.read, values, own, report) {
                cursor.accept(table, &p.row);
            }
        }
    }
}

/// Validates rows `cursor.next..stop` of `table` (not a department table),
/// reading them on two threads and keeping them on this one.
pub(super) fn rows(
    builder: &mut Builder,
    table: &Table,
    cursor: &mut TableCursor,
    stop: usize,
    report: &mut FileReport,
) {
    debug_assert_ne!(table.header.map.kind, Kind::Department);
    let file = cursor.file;
    let start = cursor.next;
    let chunks = (stop - start).div_ceil(CHUNK);
    let range = |k: usize| start + k * CHUNK..(start + (k + 1) * CHUNK).min(stop);
    let resolver = Resolver {
        cache: builder.dept_cache.clone(),
        departments: builder.data.departments.clone(),
    };
    let claimed = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        // At most two chunks wait in the channel: the helper never runs
        // far ahead of what is kept.
        let (done, finished) = mpsc::sync_channel(2);
        scope.spawn(|| {
            loop {
                let k = claimed.fetch_add(1, Ordering::Relaxed);
                if k >= chunks
                    || done
                        .send((k, read_chunk(table, file, range(k), &resolver)))
                        .is_err()
                {
                    break;
                }
            }
            drop(done);
        });
        let mut ready: BTreeMap<usize, Chunk<'_>> = BTreeMap::new();
        let mut due = 0;
        while due < chunks {
            if let Some(chunk) = ready.remove(&due) {
                builder.keep_chunk(table, cursor, chunk, report);
                due += 1;
                continue;
            }
            if let Ok((k, chunk)) = finished.try_recv() {
                ready.insert(k, chunk);
                continue;
            }
            // Nothing to keep yet: read a chunk here too, or wait.
            let k = claimed.fetch_add(1, Ordering::Relaxed);
            let (k, chunk) = if k < chunks {
                (k, read_chunk(table, file, range(k), &resolver))
            } else {
                finished
                    .recv()
                    .expect("every chunk not read here is sent by the helper")
            };
            ready.insert(k, chunk);
        }
    });
    cursor.next = cursor.next.max(stop);
}
