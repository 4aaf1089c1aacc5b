//! Validating rows into typed records (RULES §1.2–§1.3): departments and
//! aliases first, then each kind's rows, each rejected with file, row,
//! column, value and reason, or accepted with warnings.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::date::{Date, DateTime};
use crate::record::{Dataset, Departments, DeptId, SharedStr, Source, Text};
use crate::schema::{Key, Kind};
use crate::text::{department_name, header_key, id_key_cow, is_personal_data_header};
use crate::value::{parse_amount, parse_count, parse_date, parse_datetime, parse_yes_no};
use rustc_hash::FxHashMap;

use super::Table;
use super::duplicates::Repeats;
use super::grid::GridRow;
use super::kinds::{Dept, Read, Values, View, read_row};
use super::report::{ExtraColumns, FileReport, Problem, RowIssue, quoted};

impl Table {
    /// Row `i` of the grid as a data row of file `file`; `None` when blank.
    pub(super) fn row(&self, file: u32, i: usize) -> Option<Row<'_>> {
        let cells = self.grid.row(i);
        (!cells.is_blank()).then(|| Row {
            table: self,
            source: Source {
                file,
                row: self.grid.number(i),
            },
            cells,
        })
    }

    pub(super) fn blank_report(&self) -> FileReport {
        let map = &self.header.map;
        let mapped: HashSet<usize> = map.index.iter().flatten().copied().collect();
        let mut dropped = Vec::new();
        let mut extra = Vec::new();
        for (col, name) in self.header.names.iter().enumerate() {
            if is_personal_data_header(name) {
                dropped.push(name.clone());
            } else if !mapped.contains(&col) && !name.is_empty() {
                extra.push(name.clone());
            }
        }
        let mut notes = self.notes.clone();
        notes.extend(self.duplicate_columns());
        FileReport {
            path: self.path.clone(),
            kind: map.kind,
            encoding: self.encoding.clone(),
            // A JSON grid numbers its key row 0: it has no header row.
            header_row: Some(self.grid.number(self.header.index)).filter(|&n| n > 0),
            rows: 0,
            accepted: 0,
            rejected: 0,
            warnings: 0,
            hints: 0,
            dropped_columns: dropped,
            extra_columns: extra,
            notes,
            issues: Vec::new(),
        }
    }

    /// A note per recognised column that the header names twice: the
    /// first is used, the others are kept for display only.
    pub(super) fn duplicate_columns(&self) -> Vec<String> {
        let map = &self.header.map;
        let keys: Vec<String> = self.header.names.iter().map(|n| header_key(n)).collect();
        let mut notes = Vec::new();
        for spec in map.kind.columns() {
            let Some(used) = map.get(spec.key) else {
                continue;
            };
            let names_it = |h: &String| {
                !h.is_empty()
                    && (spec.key.as_str() == h || spec.aliases.iter().any(|a| header_key(a) == *h))
            };
            let others: Vec<usize> = keys
                .iter()
                .enumerate()
                .filter(|&(c, h)| c != used && names_it(h))
                .map(|(c, _)| c)
                .collect();
            if !others.is_empty() {
                notes.push(format!(
                    "the header names {} more than once (columns {}); column {} \"{}\" is used, the others are kept for display only",
                    spec.key.as_str(),
                    std::iter::once(used)
                        .chain(others.iter().copied())
                        .map(|c| (c + 1).to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    used + 1,
                    self.header.names[used]
                ));
            }
        }
        notes
    }

    pub(super) fn extra_indices(&self) -> Vec<usize> {
        let mapped: HashSet<usize> = self.header.map.index.iter().flatten().copied().collect();
        self.header
            .names
            .iter()
            .enumerate()
            .filter(|(col, name)| {
                !mapped.contains(col) && !name.is_empty() && !is_personal_data_header(name)
            })
            .map(|(col, _)| col)
            .collect()
    }
}

pub(super) const SUMMARY_NAMES: [&str; 3] = ["合计", "总计", "小计"];

/// Accumulates records across tables.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) data: Dataset,
    pub(super) extras: Vec<ExtraColumns>,
    /// Raw department cell → id, for names already interned.
    pub(super) dept_cache: FxHashMap<String, DeptId>,
    /// The ids kept so far, for rejecting duplicates.
    pub(super) duplicates: Duplicates,
}

/// What the duplicate rule (RULES §1.3) needs to remember.
#[derive(Debug, Default)]
pub(super) struct Duplicates {
    /// Per kind: hash of (dept, id) → index of the kept record. Small
    /// entries keep a million-row table in cache; hits are verified.
    pub(super) seen: FxHashMap<(Kind, u64), u32>,
    /// Exact ids for the (astronomically rare) hash collisions.
    pub(super) seen_exact: FxHashMap<(Kind, DeptId, String), Source>,
    /// Per kind: which ids may occur more than once (see [`Repeats`]).
    pub(super) repeats: FxHashMap<Kind, Repeats>,
    /// Path of each table, for duplicate messages.
    pub(super) paths: Vec<String>,
}

/// Reads the cells of one row, recording problems in the file report.
pub(super) struct Row<'a> {
    pub(super) table: &'a Table,
    pub(super) source: Source,
    /// The row's cells, found once.
    pub(super) cells: GridRow<'a>,
}

impl<'a> Row<'a> {
    pub(super) fn text(&self, key: Key) -> &'a str {
        self.table
            .header
            .map
            .get(key)
            .map_or("", |c| trim_cell(self.cells.cell(c)))
    }

    pub(super) fn column(&self, key: Key) -> String {
        self.table
            .header
            .map
            .get(key)
            .and_then(|c| self.table.header.names.get(c))
            .cloned()
            .unwrap_or_else(|| key.as_str().to_owned())
    }

    pub(super) fn issue(&self, key: Key, rejected: bool, problem: Problem) -> RowIssue {
        RowIssue {
            row: self.source.row,
            column: self.column(key),
            value: quoted(self.text(key)),
            rejected,
            problem,
        }
    }

    pub(super) fn required(&self, key: Key) -> Result<&'a str, RowIssue> {
        let v = self.text(key);
        if v.is_empty() {
            Err(self.issue(key, true, Problem::MissingValue))
        } else {
            Ok(v)
        }
    }

    pub(super) fn required_date(&self, key: Key) -> Result<Date, RowIssue> {
        parse_date(self.required(key)?).ok_or_else(|| self.issue(key, true, Problem::InvalidDate))
    }

    pub(super) fn required_datetime(&self, key: Key) -> Result<DateTime, RowIssue> {
        parse_datetime(self.required(key)?)
            .ok_or_else(|| self.issue(key, true, Problem::InvalidDateTime))
    }

    pub(super) fn required_amount(&self, key: Key) -> Result<i64, RowIssue> {
        parse_amount(self.required(key)?)
            .ok_or_else(|| self.issue(key, true, Problem::InvalidAmount))
    }

    /// `value`, read from this row, as text that shares the file's text.
    pub(super) fn share(&self, value: &str) -> SharedStr {
        self.table.grid.share(value)
    }

    pub(super) fn optional_text(&self, key: Key) -> Text {
        let v = self.text(key);
        (!v.is_empty()).then(|| self.share(v))
    }

    /// The id in column `key` as compared for duplicates and links
    /// ([`crate::text::id_key`]), shared with the file's text when the
    /// cell holds it as written.
    pub(super) fn id(&self, key: Key) -> SharedStr {
        self.id_of(self.text(key))
    }

    /// [`Row::id`] of a cell's text already read.
    fn id_of(&self, cell: &str) -> SharedStr {
        self.share_id(id_key_cow(cell))
    }

    /// The id in column `key` as compared for duplicates, `None` when it
    /// is empty; [`Row::share_id`] makes it a record's.
    pub(super) fn optional_id_key(&self, key: Key) -> Option<Cow<'a, str>> {
        let v = self.text(key);
        if v.is_empty() {
            return None;
        }
        let id = id_key_cow(v);
        (!id.is_empty()).then_some(id)
    }

    /// An id from [`Row::optional_id_key`], shared with the file's text
    /// when the cell holds it as written.
    pub(super) fn share_id(&self, id: Cow<'_, str>) -> SharedStr {
        match id {
            Cow::Borrowed(id) => self.share(id),
            Cow::Owned(id) => SharedStr::from(id),
        }
    }

    /// An optional value read by `parse`: empty for a blank cell, and
    /// empty with a `problem` warning for one that does not parse.
    fn optional<T>(
        &self,
        key: Key,
        warnings: &mut Vec<RowIssue>,
        parse: impl FnOnce(&str) -> Option<T>,
        problem: Problem,
    ) -> Option<T> {
        let v = self.text(key);
        if v.is_empty() {
            return None;
        }
        let parsed = parse(v);
        if parsed.is_none() {
            warnings.push(self.issue(key, false, problem));
        }
        parsed
    }

    pub(super) fn optional_date(&self, key: Key, warnings: &mut Vec<RowIssue>) -> Option<Date> {
        self.optional(key, warnings, parse_date, Problem::InvalidDate)
    }

    pub(super) fn optional_datetime(
        &self,
        key: Key,
        warnings: &mut Vec<RowIssue>,
    ) -> Option<DateTime> {
        self.optional(key, warnings, parse_datetime, Problem::InvalidDateTime)
    }

    pub(super) fn optional_yes_no(&self, key: Key, warnings: &mut Vec<RowIssue>) -> Option<bool> {
        self.optional(key, warnings, parse_yes_no, Problem::InvalidYesNo)
    }

    /// Warns when `done` (in column `key`) is before `start` (in `start_key`).
    pub(super) fn warn_before<T: PartialOrd + Copy>(
        &self,
        key: Key,
        done: Option<T>,
        start_key: Key,
        start: T,
        warnings: &mut Vec<RowIssue>,
    ) {
        if done.is_some_and(|d| d < start) {
            warnings.push(self.issue(
                key,
                false,
                Problem::BeforeStart {
                    start: self.column(start_key),
                },
            ));
        }
    }

    /// Warns about non-blank cells past the header's last column.
    pub(super) fn cells_beyond_header(&self, warnings: &mut Vec<RowIssue>) {
        let width = self.table.header.names.len();
        if self.cells.width() <= width {
            return;
        }
        let beyond: Vec<&str> = (self.cells.cells().skip(width))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        if !beyond.is_empty() {
            warnings.push(RowIssue {
                row: self.source.row,
                column: format!("column {}+", width + 1),
                value: quoted(&beyond.join(",")),
                rejected: false,
                problem: Problem::CellsBeyondHeader,
            });
        }
    }

    pub(super) fn optional_count(&self, key: Key, warnings: &mut Vec<RowIssue>) -> u32 {
        self.optional(key, warnings, parse_count, Problem::InvalidCount)
            .unwrap_or(0)
    }
}

/// The names of a 别名 cell, separated by 、 , ; or | (and their full-width forms).
pub(super) fn split_aliases(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(['、', ',', '，', ';', '；', '|'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
}

/// Trims a cell, returning it untouched (without scanning) when neither end
/// is whitespace, which is nearly always.
pub(super) fn trim_cell(s: &str) -> &str {
    // Dates, ids and numbers: visible ASCII at both ends.
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7f);
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        return s;
    }
    let mut chars = s.chars();
    match (chars.next(), chars.next_back()) {
        (Some(a), Some(b)) if !a.is_whitespace() && !b.is_whitespace() => s,
        (Some(a), None) if !a.is_whitespace() => s,
        _ => s.trim(),
    }
}

/// A department cell, resolved but not yet registered.
pub(super) enum DeptName {
    Known(DeptId),
    New(String),
}

/// A row's department: an id from `cache` (raw cell → id) or a name the
/// department tables make canonical; rejected when empty or a summary row.
pub(super) fn resolve_dept(
    cache: &FxHashMap<String, DeptId>,
    departments: &Departments,
    row: &Row<'_>,
) -> Result<DeptName, RowIssue> {
    let raw = row.required(Key::Dept)?;
    if let Some(&id) = cache.get(raw) {
        return Ok(DeptName::Known(id));
    }
    let plain = department_name(raw);
    let name = departments.canonical(raw);
    if name.is_empty() {
        return Err(row.issue(Key::Dept, true, Problem::MissingValue));
    }
    if SUMMARY_NAMES.contains(&plain.as_str()) || SUMMARY_NAMES.contains(&name.as_str()) {
        return Err(row.issue(Key::Dept, true, Problem::SummaryRow));
    }
    Ok(DeptName::New(name))
}

impl DeptName {
    /// What [`read_row`] needs of it.
    pub(super) fn dept(self) -> Dept {
        match self {
            DeptName::Known(id) => Dept::Known(id),
            DeptName::New(_) => Dept::New,
        }
    }
}

/// Where the validation of one table has got.
pub(super) struct TableCursor {
    pub(super) file: u32,
    /// Next row index of the grid.
    pub(super) next: usize,
    pub(super) extra_cols: Vec<usize>,
    pub(super) extras: ExtraColumns,
}

impl TableCursor {
    /// Keeps the extra columns of a row that became a record.
    pub(super) fn accept(&mut self, table: &Table, row: &Row<'_>) {
        if !self.extra_cols.is_empty() {
            self.extras.rows.push(row.source.row);
            let values = &mut self.extras.values;
            row.cells.pick(&self.extra_cols, |v| {
                values.push(table.grid.share(v.trim()));
            });
        }
    }
}

impl Builder {
    pub(super) fn start_table(&mut self, file: u32, table: &Table) -> TableCursor {
        let kind = table.header.map.kind;
        let extra_cols = table.extra_indices();
        let extras = ExtraColumns {
            file,
            headers: extra_cols
                .iter()
                .map(|&c| table.header.names[c].clone())
                .collect(),
            ..ExtraColumns::default()
        };
        let rows = table.grid.len();
        match kind {
            Kind::Disclosure => self.data.disclosures.reserve(rows),
            Kind::Interpretation => self.data.interpretations.reserve(rows),
            Kind::Request => self.data.requests.reserve(rows),
            Kind::Message => self.data.messages.reserve(rows),
            Kind::Opinion => self.data.opinions.reserve(rows),
            Kind::Enforcement => self.data.enforcements.reserve(rows),
            Kind::Column => self.data.columns.reserve(rows),
            Kind::Review => self.data.reviews.reserve(rows),
            Kind::Fee => self.data.fees.reserve(rows),
            Kind::Department => {}
        }
        TableCursor {
            file,
            next: table.header.index + 1,
            extra_cols,
            extras,
        }
    }

    /// Validates the rows of `table` from the cursor up to `stop`.
    pub(super) fn rows(
        &mut self,
        table: &Table,
        cursor: &mut TableCursor,
        stop: usize,
        report: &mut FileReport,
    ) {
        let kind = table.header.map.kind;
        // Natively, a large table is read on both cores (same result).
        #[cfg(not(target_arch = "wasm32"))]
        if kind != Kind::Department && stop.saturating_sub(cursor.next) >= super::parallel::MIN_ROWS
        {
            super::parallel::rows(self, table, cursor, stop, report);
            return;
        }
        let mut values = Values::default();
        let mut warnings = Vec::new();
        for i in cursor.next..stop {
            let Some(row) = table.row(cursor.file, i) else {
                continue;
            };
            report.rows += 1;
            let accepted = if kind == Kind::Department {
                self.department(&row, report)
            } else {
                values.clear();
                let read = read_row(
                    |row| self.resolve_dept(row).map(DeptName::dept),
                    kind,
                    &row,
                    &mut values,
                    &mut warnings,
                );
                self.keep(
                    kind,
                    &row,
                    read,
                    values.view(0, values.len()),
                    warnings.drain(..),
                    report,
                )
            };
            if accepted {
                cursor.accept(table, &row);
            }
        }
        cursor.next = cursor.next.max(stop);
    }

    /// Commits a row [`read_row`] read, recording its rejection or, once
    /// it is kept, its `warnings`; true when it is kept.
    pub(super) fn keep<'a>(
        &mut self,
        kind: Kind,
        row: &Row<'a>,
        read: Result<Read<'a>, RowIssue>,
        values: View<'_, 'a>,
        warnings: impl Iterator<Item = RowIssue>,
        report: &mut FileReport,
    ) -> bool {
        match read.and_then(|read| self.commit(kind, row, read, values)) {
            Ok(()) => {
                for w in warnings {
                    report.record(w);
                }
                report.accepted += 1;
                true
            }
            Err(issue) => {
                warnings.for_each(drop);
                report.record(issue);
                false
            }
        }
    }

    pub(super) fn end_table(&mut self, cursor: TableCursor) {
        if !cursor.extras.headers.is_empty() {
            self.extras.push(cursor.extras);
        }
    }
}

impl Builder {
    /// Declares the aliases of every row of a department table.
    pub(super) fn declare_aliases(&mut self, table: &Table) {
        let (Some(dept_col), Some(alias_col)) = (
            table.header.map.get(Key::Dept),
            table.header.map.get(Key::Aliases),
        ) else {
            return;
        };
        for i in table.header.index + 1..table.grid.len() {
            let name = table.grid.cell(i, dept_col).trim();
            if name.is_empty() {
                continue;
            }
            for alias in split_aliases(table.grid.cell(i, alias_col)) {
                self.data.departments.add_alias(alias, name);
            }
        }
    }

    /// A department-table row: registers the name, its group and aliases.
    pub(super) fn department(&mut self, row: &Row<'_>, report: &mut FileReport) -> bool {
        let dept = match self.resolve_dept(row) {
            Ok(d) => d,
            Err(issue) => {
                report.record(issue);
                return false;
            }
        };
        report.accepted += 1;
        let id = self.register(row, dept);
        self.data.departments.mark_listed(id);
        let group = row.text(Key::Group);
        if !group.is_empty() {
            self.data.departments.set_group(id, group);
        }
        let canonical = self.data.departments.name(id).to_owned();
        for alias in split_aliases(row.text(Key::Aliases)) {
            self.data.departments.add_alias(alias, &canonical);
        }
        true
    }

    pub(super) fn resolve_dept(&self, row: &Row<'_>) -> Result<DeptName, RowIssue> {
        resolve_dept(&self.dept_cache, &self.data.departments, row)
    }

    pub(super) fn register(&mut self, row: &Row<'_>, dept: DeptName) -> DeptId {
        match dept {
            DeptName::Known(id) => id,
            DeptName::New(name) => {
                let id = self.data.departments.intern(&name);
                self.dept_cache.insert(row.text(Key::Dept).to_owned(), id);
                id
            }
        }
    }
}
