//! Import: exported files in, validated records and an import report out.
//!
//! Reading happens in three steps so that no bad row is lost and no good
//! row beside it is dropped:
//!
//! 1. each file is decoded (UTF-8, GB18030, UTF-16; XLSX/XLS; JSON) into a
//!    grid of text cells and its header row is recognised (RULES §1.1);
//!    personal-data columns are dropped here (§1.9). A file that cannot be
//!    read at all becomes one [`FileError`]; the other files still load;
//! 2. department tables are read first, so that aliases and groups apply to
//!    every other file whatever the order;
//! 3. every other row is validated into a typed record, or rejected with its
//!    file, row, column, value and reason (§1.3). Optional values that do
//!    not parse become empty with a warning.

mod decode;
mod delimited;
mod file_error;
mod grid;
mod json;
mod sheet;

use std::collections::HashSet;
use std::collections::hash_map::Entry;
use std::fmt;

use serde::Serialize;

use crate::date::{Date, DateTime};
use crate::record::{
    Column, Dataset, DeptId, Disclosure, Enforcement, Interpretation, Message, Opinion, Request,
    Source, Text,
};
use crate::schema::{Key, Kind};
use crate::text::{department_name, header_key, id_key, id_key_cow, is_personal_data_header};
use crate::value::{parse_count, parse_date, parse_datetime, parse_yes_no};
pub use file_error::{FileError, FileProblem, Workbook};
use grid::{Grid, Header};
use rustc_hash::FxHashMap;

/// One file to import: its path or name (for messages), its bytes, and
/// optionally the table kind the user says it holds.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Path or name, as shown in messages.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The kind named by the user, if any.
    pub kind: Option<Kind>,
}

impl InputFile {
    /// A file whose kind is recognised from its header.
    pub fn new(path: impl Into<String>, bytes: Vec<u8>) -> InputFile {
        InputFile {
            path: path.into(),
            bytes,
            kind: None,
        }
    }

    /// Names the kind explicitly.
    #[must_use]
    pub fn with_kind(mut self, kind: Option<Kind>) -> InputFile {
        self.kind = kind;
        self
    }
}

/// True for the file names a folder import takes (RULES §1.1): .csv, .tsv,
/// .txt, .xlsx, .xls and .json, in any case.
pub fn is_importable_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".csv", ".tsv", ".txt", ".xlsx", ".xls", ".json"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Why a row was rejected or a value ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Problem {
    /// A required value is empty.
    MissingValue,
    /// A date that does not parse.
    InvalidDate,
    /// A date-time that does not parse.
    InvalidDateTime,
    /// The row is a 合计/总计/小计 summary line.
    SummaryRow,
    /// Same kind, department and id as an earlier row.
    Duplicate {
        /// File of the row that was kept.
        path: String,
        /// Row number of the row that was kept.
        row: u32,
    },
    /// A yes/no value that is neither.
    InvalidYesNo,
    /// A count that is not a non-negative whole number.
    InvalidCount,
    /// A completion date before the date it follows (published before
    /// formed, replied before received): kept and judged as written.
    BeforeStart {
        /// The column it precedes, as the header names it.
        start: String,
    },
    /// Non-blank cells past the header's last column (often an unquoted
    /// delimiter inside a value): not read.
    CellsBeyondHeader,
}

impl Problem {
    /// True for a value that is kept as written but looks wrong (a reply
    /// before its request …). RULES §1.3's warnings are values that did not
    /// parse; these are listed beside them but not counted among them, so
    /// the §6 JSON counts stay as RULES §6 says.
    pub fn is_hint(&self) -> bool {
        matches!(
            self,
            Problem::BeforeStart { .. } | Problem::CellsBeyondHeader
        )
    }

    /// The explanation in Simplified Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            Problem::MissingValue => "必填项为空".to_owned(),
            Problem::InvalidDate => {
                "不是有效日期（可用 2019-08-23、2019/8/23、2019年8月23日、20190823 或 Excel 日期）"
                    .to_owned()
            }
            Problem::InvalidDateTime => "不是有效时间（可用 2019-08-23 14:30 等格式）".to_owned(),
            Problem::SummaryRow => "汇总行（合计/总计/小计），不是记录".to_owned(),
            Problem::Duplicate { path, row } => {
                format!("重复记录：与 {path} 第 {row} 行的部门和编号相同，保留先出现的一行")
            }
            Problem::InvalidYesNo => "无法识别的是/否值，按未知处理".to_owned(),
            Problem::InvalidCount => "不是非负整数，按 0 处理".to_owned(),
            Problem::BeforeStart { start } => {
                format!("早于{start}，请核对；该行保留并按原值计算")
            }
            Problem::CellsBeyondHeader => {
                "表头以外的列有内容（可能是值中含未加引号的分隔符），未读取".to_owned()
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::MissingValue => f.write_str("a required value is empty"),
            Problem::InvalidDate => f.write_str(
                "is not a valid date. Hint: use YYYY-MM-DD, 2019/8/23, 2019年8月23日, 20190823 or an Excel date",
            ),
            Problem::InvalidDateTime => {
                f.write_str("is not a valid date-time. Hint: use YYYY-MM-DD HH:MM[:SS]")
            }
            Problem::SummaryRow => f.write_str("is a summary line (合计/总计/小计), not a record"),
            Problem::Duplicate { path, row } => write!(
                f,
                "duplicates row {row} of {path} (same kind, department and id); the first is kept"
            ),
            Problem::InvalidYesNo => {
                f.write_str("is not a yes/no value (是/否, Y/N, yes/no, true/false, 1/0, √/×); treated as unknown")
            }
            Problem::InvalidCount => f.write_str("is not a non-negative whole number; treated as 0"),
            Problem::BeforeStart { start } => write!(
                f,
                "is before {start}; check it: the row is kept and judged as written"
            ),
            Problem::CellsBeyondHeader => f.write_str(
                "is in cells past the header's last column (an unquoted delimiter inside a value?); not read",
            ),
        }
    }
}

/// One rejected row or ignored value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowIssue {
    /// 1-based row number as a spreadsheet shows it.
    pub row: u32,
    /// The column header as written in the file.
    pub column: String,
    /// The offending value as written (empty for a missing value).
    pub value: String,
    /// True when the whole row was rejected; false for a warning.
    pub rejected: bool,
    /// What is wrong.
    pub problem: Problem,
}

impl fmt::Display for RowIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.rejected { "rejected" } else { "warning" };
        match self.problem {
            Problem::MissingValue => {
                write!(f, "row {}: {what}: {} is empty", self.row, self.column)
            }
            _ => write!(
                f,
                "row {}: {what}: {} {:?} {}",
                self.row, self.column, self.value, self.problem
            ),
        }
    }
}

/// Most issues listed per file; the counts stay exact beyond it.
pub const MAX_LISTED_ISSUES: usize = 10_000;

/// What happened to one table (a file, or one sheet of a workbook).
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// Path of the file (with `#sheet` when a workbook has several tables).
    pub path: String,
    /// The recognised kind.
    pub kind: Kind,
    /// The encoding or format read.
    pub encoding: String,
    /// 1-based row number of the header.
    pub header_row: u32,
    /// Data rows read (blank rows are not counted).
    pub rows: u32,
    /// Rows that became records.
    pub accepted: u32,
    /// Rows rejected.
    pub rejected: u32,
    /// Values ignored with a warning (RULES §1.3; the `warnings` of §6).
    pub warnings: u32,
    /// Values kept but worth checking ([`Problem::is_hint`]): listed with
    /// the issues, not counted as warnings.
    pub hints: u32,
    /// Personal-data columns dropped at import.
    pub dropped_columns: Vec<String>,
    /// Columns kept for display only.
    pub extra_columns: Vec<String>,
    /// File-level notes (unclosed quote, undecodable bytes …).
    pub notes: Vec<String>,
    /// Rejections and warnings, at most [`MAX_LISTED_ISSUES`].
    pub issues: Vec<RowIssue>,
}

impl FileReport {
    fn record(&mut self, issue: RowIssue) {
        if issue.rejected {
            self.rejected += 1;
        } else if issue.problem.is_hint() {
            self.hints += 1;
        } else {
            self.warnings += 1;
        }
        if self.issues.len() < MAX_LISTED_ISSUES {
            self.issues.push(issue);
        }
    }

    /// Issues counted but not listed.
    pub fn unlisted_issues(&self) -> u32 {
        (self.rejected + self.warnings + self.hints).saturating_sub(self.issues.len() as u32)
    }
}

/// The import report: one entry per table, and the files that failed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// Tables read, in file-name order.
    pub files: Vec<FileReport>,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
}

impl ImportReport {
    /// Rows accepted across all files.
    pub fn accepted(&self) -> u64 {
        self.files.iter().map(|f| u64::from(f.accepted)).sum()
    }

    /// Rows rejected across all files.
    pub fn rejected(&self) -> u64 {
        self.files.iter().map(|f| u64::from(f.rejected)).sum()
    }

    /// Adds an error found outside the import (a file over the size limit
    /// that was never read), keeping the errors in file-name order.
    pub fn add_error(&mut self, error: FileError) {
        let key = |e: &FileError| (file_name(&e.path).to_owned(), e.path.clone());
        let at = self.errors.partition_point(|e| key(e) <= key(&error));
        self.errors.insert(at, error);
    }
}

/// Unknown columns of one table, kept for display.
#[derive(Debug, Clone, Default)]
pub struct ExtraColumns {
    /// Index of the table in the report.
    pub file: u32,
    /// Header names.
    pub headers: Vec<String>,
    rows: Vec<u32>,
    values: Vec<Box<str>>,
}

impl ExtraColumns {
    /// The extra values of a row, in header order.
    pub fn values(&self, row: u32) -> Option<&[Box<str>]> {
        let i = self.rows.binary_search(&row).ok()?;
        let n = self.headers.len();
        Some(&self.values[i * n..(i + 1) * n])
    }
}

/// The result of an import.
#[derive(Debug, Clone, Default)]
pub struct Import {
    /// Validated records.
    pub data: Dataset,
    /// What happened to each file.
    pub report: ImportReport,
    /// Unknown columns kept for display, per table that has any.
    pub extras: Vec<ExtraColumns>,
}

impl Import {
    /// The extra (display-only) columns of a record's source row.
    pub fn extra_values(&self, source: Source) -> Vec<(&str, &str)> {
        self.extras
            .iter()
            .find(|e| e.file == source.file)
            .and_then(|e| e.values(source.row).map(|v| (e, v)))
            .map(|(e, v)| {
                e.headers
                    .iter()
                    .map(String::as_str)
                    .zip(v.iter().map(AsRef::as_ref))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A table read from a file, before validation.
#[derive(Debug)]
struct Table {
    path: String,
    encoding: String,
    grid: Grid,
    header: Header,
    notes: Vec<String>,
}

/// How much one file may hold. A file over a limit is one [`FileError`]
/// naming the limit; the other files still load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file, in bytes.
    pub max_file_bytes: u64,
    /// Most data rows (after the header) in one table.
    pub max_rows: u32,
}

impl Limits {
    /// For the dashboard: a browser tab has at most 4 GiB of wasm memory and
    /// the import needs about three times the file size.
    pub const BROWSER: Limits = Limits {
        max_file_bytes: 512 << 20,
        max_rows: 5_000_000,
    };

    /// For the command line, which has the machine's memory.
    pub const NATIVE: Limits = Limits {
        max_file_bytes: 4 << 30,
        max_rows: 50_000_000,
    };

    /// The error for a file of `size` bytes, when that is over the limit.
    /// Callers that know a file's size before reading it (the CLI, the
    /// browser's `File.size`) check here first and never read it.
    pub fn check_size(&self, path: &str, size: u64) -> Result<(), FileError> {
        if size <= self.max_file_bytes {
            return Ok(());
        }
        Err(FileError {
            path: path.to_owned(),
            problem: FileProblem::TooLarge {
                size,
                limit: self.max_file_bytes,
            },
        })
    }

    fn check_rows(&self, table: &Table) -> Result<(), FileError> {
        let rows = table.grid.len().saturating_sub(table.header.index + 1);
        if rows <= self.max_rows as usize {
            return Ok(());
        }
        Err(FileError {
            path: table.path.clone(),
            problem: FileProblem::TooManyRows {
                rows,
                limit: self.max_rows,
            },
        })
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::BROWSER
    }
}

/// Imports files with the default ([`Limits::BROWSER`]) limits.
pub fn import(files: Vec<InputFile>) -> Import {
    import_with(files, &Limits::default())
}

/// Imports files: sorts them by name, reads each, and validates every row.
pub fn import_with(files: Vec<InputFile>, limits: &Limits) -> Import {
    let mut importer = Importer::new(files, limits);
    while !importer.step(usize::MAX) {}
    importer.finish()
}

/// How far an [`Importer`] has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes of the files read so far.
    pub bytes_read: u64,
    /// Bytes of all files.
    pub bytes_total: u64,
    /// Data rows validated so far.
    pub rows_checked: u64,
    /// Data rows to validate (known once every file is read).
    pub rows_total: u64,
}

impl Progress {
    /// The share done, 0..=1: reading counts for a third, validating for the rest.
    pub fn fraction(&self) -> f64 {
        let part = |done: u64, total: u64| {
            if total == 0 {
                1.0
            } else {
                done as f64 / total as f64
            }
        };
        if self.rows_total == 0 {
            part(self.bytes_read, self.bytes_total) / 3.0
        } else {
            1.0 / 3.0 + 2.0 / 3.0 * part(self.rows_checked, self.rows_total)
        }
    }
}

/// An import done a slice at a time, so a caller on a browser's main
/// thread can paint progress and answer the user between slices:
/// `while !importer.step(50_000) { /* yield */ }` then [`Importer::finish`].
/// The result is the same as [`import_with`]'s.
pub struct Importer {
    limits: Limits,
    files: std::vec::IntoIter<InputFile>,
    reading: Option<Reading>,
    tables: Vec<Table>,
    errors: Vec<FileError>,
    building: Option<Building>,
    progress: Progress,
}

impl fmt::Debug for Importer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Importer")
            .field("progress", &self.progress)
            .finish_non_exhaustive()
    }
}

/// A delimited file being read.
struct Reading {
    path: String,
    encoding: String,
    notes: Vec<String>,
    reader: delimited::Reader,
    kind: Option<Kind>,
    bytes: u64,
    counted: u64,
}

/// The validation of the tables read.
struct Building {
    builder: Builder,
    reports: Vec<FileReport>,
    /// Table indices: department tables first.
    order: Vec<usize>,
    /// Position in `order`.
    at: usize,
    /// The table being validated, from its next row.
    table: Option<TableCursor>,
}

impl Importer {
    /// Starts importing `files` (sorted by name, then path).
    pub fn new(mut files: Vec<InputFile>, limits: &Limits) -> Importer {
        files.sort_by(|a, b| {
            file_name(&a.path)
                .cmp(file_name(&b.path))
                .then_with(|| a.path.cmp(&b.path))
        });
        let bytes_total = files.iter().map(|f| f.bytes.len() as u64).sum();
        Importer {
            limits: *limits,
            files: files.into_iter(),
            reading: None,
            tables: Vec::new(),
            errors: Vec::new(),
            building: None,
            progress: Progress {
                bytes_read: 0,
                bytes_total,
                rows_checked: 0,
                rows_total: 0,
            },
        }
    }

    /// How far the import has got.
    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// Does about `work` rows of reading or validating; true when done.
    pub fn step(&mut self, work: usize) -> bool {
        let mut budget = work.max(1);
        while budget > 0 {
            if let Some(building) = &mut self.building {
                let done = building.step(&self.tables, &mut budget, &mut self.progress);
                if done {
                    return true;
                }
                continue;
            }
            if let Some(reading) = &mut self.reading {
                let before = reading.reader.position();
                let done = reading.reader.advance(budget);
                let read = reading.reader.position() - before;
                // Rows are what the budget counts; a row is ~100 bytes.
                budget = budget.saturating_sub((read / 100).max(1));
                // Progress is in file bytes; the decoded text may be longer.
                let text_len = reading.reader.len().max(1) as u64;
                let counted = reading.reader.position() as u64 * reading.bytes / text_len;
                self.progress.bytes_read += counted.saturating_sub(reading.counted);
                reading.counted = counted;
                if done {
                    let Some(r) = self.reading.take() else {
                        continue;
                    };
                    self.progress.bytes_read += r.bytes.saturating_sub(r.counted);
                    match finish_delimited(r.path.clone(), r.encoding, r.notes, r.reader, r.kind) {
                        Ok(table) => self.add_table(table),
                        Err(problem) => self.errors.push(FileError {
                            path: r.path,
                            problem,
                        }),
                    }
                }
                continue;
            }
            match self.files.next() {
                Some(file) => {
                    self.open(file);
                    budget = budget.saturating_sub(1);
                }
                None => self.start_building(),
            }
        }
        false
    }

    fn open(&mut self, file: InputFile) {
        let path = file.path.clone();
        let bytes = file.bytes.len() as u64;
        if let Err(e) = self.limits.check_size(&path, bytes) {
            self.errors.push(e);
            self.progress.bytes_read += bytes;
            return;
        }
        match open_file(file) {
            Ok(Opened::Tables(tables)) => {
                self.progress.bytes_read += bytes;
                for table in tables {
                    self.add_table(table);
                }
            }
            Ok(Opened::Delimited {
                path,
                encoding,
                notes,
                reader,
                kind,
            }) => {
                self.reading = Some(Reading {
                    path,
                    encoding,
                    notes,
                    reader,
                    kind,
                    bytes,
                    counted: 0,
                });
            }
            Err(problem) => {
                self.progress.bytes_read += bytes;
                self.errors.push(FileError { path, problem });
            }
        }
    }

    fn add_table(&mut self, table: Table) {
        match self.limits.check_rows(&table) {
            Ok(()) => self.tables.push(table),
            Err(e) => self.errors.push(e),
        }
    }

    fn start_building(&mut self) {
        let mut builder = Builder {
            duplicates: Duplicates {
                paths: self.tables.iter().map(|t| t.path.clone()).collect(),
                ..Duplicates::default()
            },
            ..Builder::default()
        };
        let reports: Vec<FileReport> = self.tables.iter().map(Table::blank_report).collect();
        // Every alias is known before any name is registered, so that a name
        // listed as its own row above the row that declares it an alias still
        // maps to the canonical department.
        for table in self
            .tables
            .iter()
            .filter(|t| t.header.map.kind == Kind::Department)
        {
            builder.declare_aliases(table);
        }
        for kind in [
            Kind::Disclosure,
            Kind::Request,
            Kind::Message,
            Kind::Opinion,
            Kind::Enforcement,
        ] {
            if let Some(repeats) = Repeats::of(&self.tables, kind) {
                builder.duplicates.repeats.insert(kind, repeats);
            }
        }
        let is_dept = |t: &Table| t.header.map.kind == Kind::Department;
        let order = (0..self.tables.len())
            .filter(|&i| is_dept(&self.tables[i]))
            .chain((0..self.tables.len()).filter(|&i| !is_dept(&self.tables[i])))
            .collect();
        self.progress.rows_total = self
            .tables
            .iter()
            .map(|t| t.grid.len().saturating_sub(t.header.index + 1) as u64)
            .sum::<u64>()
            .max(1);
        self.building = Some(Building {
            builder,
            reports,
            order,
            at: 0,
            table: None,
        });
    }

    /// The import, once [`Importer::step`] has returned true (finishing
    /// any remaining work first).
    pub fn finish(mut self) -> Import {
        while !self.step(usize::MAX) {}
        let Some(building) = self.building else {
            return Import::default();
        };
        Import {
            data: building.builder.data,
            report: ImportReport {
                files: building.reports,
                errors: self.errors,
            },
            extras: building.builder.extras,
        }
    }
}

impl Building {
    /// Validates rows within `budget`; true when every table is done.
    fn step(&mut self, tables: &[Table], budget: &mut usize, progress: &mut Progress) -> bool {
        loop {
            if self.table.is_none() {
                let Some(&i) = self.order.get(self.at) else {
                    progress.rows_checked = progress.rows_total;
                    return true;
                };
                self.table = Some(self.builder.start_table(i as u32, &tables[i]));
            }
            let Some(cursor) = &mut self.table else {
                continue;
            };
            let table = &tables[cursor.file as usize];
            let end = table.grid.len();
            let stop = cursor.next.saturating_add(*budget).min(end);
            let done = (stop - cursor.next) as u64;
            let report = &mut self.reports[cursor.file as usize];
            self.builder.rows(table, cursor, stop, report);
            progress.rows_checked += done;
            *budget = budget.saturating_sub(done as usize);
            if cursor.next >= end {
                if let Some(c) = self.table.take() {
                    self.builder.end_table(c);
                }
                self.at += 1;
            }
            if *budget == 0 {
                return false;
            }
        }
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// A file opened for reading: whole tables (workbooks, JSON), or a
/// delimited text still to be read a slice of rows at a time.
enum Opened {
    Tables(Vec<Table>),
    Delimited {
        path: String,
        encoding: String,
        notes: Vec<String>,
        reader: delimited::Reader,
        kind: Option<Kind>,
    },
}

#[allow(
    clippy::case_sensitive_file_extension_comparisons,
    reason = "`lower` is the lower-cased path"
)]
fn open_file(file: InputFile) -> Result<Opened, FileProblem> {
    let InputFile { path, bytes, kind } = file;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileProblem::Empty);
    }
    let lower = path.to_lowercase();
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_ole = bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    if is_zip || is_ole || lower.ends_with(".xlsx") || lower.ends_with(".xls") {
        let format = if is_ole || (!is_zip && lower.ends_with(".xls")) {
            "XLS"
        } else {
            "XLSX"
        };
        let sheets =
            sheet::read(bytes, kind).map_err(|why| FileProblem::Workbook { format, why })?;
        if sheets.is_empty() {
            return Err(FileProblem::NoSheetHeader { wanted: kind });
        }
        let several = sheets.len() > 1;
        return Ok(Opened::Tables(
            sheets
                .into_iter()
                .map(|s| Table {
                    path: if several {
                        format!("{path}#{}", s.name)
                    } else {
                        path.clone()
                    },
                    encoding: format.to_owned(),
                    grid: s.grid,
                    header: s.header,
                    notes: Vec::new(),
                })
                .collect(),
        ));
    }
    if let Some(what) = binary_kind(&bytes) {
        return Err(FileProblem::NotATable { what });
    }
    let decoded = decode::decode(&bytes);
    if decoded
        .text
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}' || c == '\0')
    {
        return Err(FileProblem::OnlyByteOrderMark {
            encoding: decoded.encoding.to_owned(),
        });
    }
    let mut notes = Vec::new();
    if decoded.lossy {
        notes.push(format!(
            "some bytes are not valid {}; they were replaced by \u{fffd}",
            decoded.encoding
        ));
    }
    // JSON by extension, or by content when it parses as JSON: a CSV whose
    // title line starts with `[` is still a CSV.
    let is_json_name = lower.ends_with(".json");
    if is_json_name || decoded.text.trim_start().starts_with('[') {
        match json::read(&decoded.text, kind) {
            Ok((grid, header)) => {
                return Ok(Opened::Tables(vec![Table {
                    path,
                    encoding: decoded.encoding.to_owned(),
                    grid,
                    header,
                    notes,
                }]));
            }
            Err(e) if is_json_name => return Err(e),
            Err(_) => {}
        }
    }
    let reader = delimited::Reader::start(decoded.text, kind)
        .ok_or(FileProblem::NoHeader { wanted: kind })?;
    Ok(Opened::Delimited {
        path,
        encoding: decoded.encoding.to_owned(),
        notes,
        reader,
        kind,
    })
}

/// What a file that is no text or workbook is, by its first bytes (in
/// English and Chinese).
fn binary_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    type Signature = (&'static [u8], (&'static str, &'static str));
    const SIGNATURES: [Signature; 8] = [
        (b"\x89PNG\r\n\x1a\n", ("a PNG image", "PNG 图片")),
        (b"\xFF\xD8\xFF", ("a JPEG image", "JPEG 图片")),
        (b"GIF87a", ("a GIF image", "GIF 图片")),
        (b"GIF89a", ("a GIF image", "GIF 图片")),
        (b"%PDF-", ("a PDF document", "PDF 文档")),
        (b"Rar!\x1a\x07", ("a RAR archive", "RAR 压缩包")),
        (b"7z\xBC\xAF\x27\x1C", ("a 7-Zip archive", "7-Zip 压缩包")),
        (b"\x1f\x8b", ("a gzip archive", "gzip 压缩包")),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// The table of a delimited file once all of it is read.
fn finish_delimited(
    path: String,
    encoding: String,
    mut notes: Vec<String>,
    reader: delimited::Reader,
    kind: Option<Kind>,
) -> Result<Table, FileProblem> {
    let parsed = reader
        .finish()
        .ok_or(FileProblem::NoHeader { wanted: kind })?;
    if let Some(row) = parsed.unclosed_quote_row {
        notes.push(format!(
            "row {row} opens a quoted value that never closes; the rest of the file was read as that value"
        ));
    }
    Ok(Table {
        path,
        encoding,
        grid: parsed.grid,
        header: parsed.header,
        notes,
    })
}

impl Table {
    fn blank_report(&self) -> FileReport {
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
            header_row: self.grid.number(self.header.index),
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
    fn duplicate_columns(&self) -> Vec<String> {
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

    fn extra_indices(&self) -> Vec<usize> {
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

const SUMMARY_NAMES: [&str; 3] = ["合计", "总计", "小计"];

/// Accumulates records across tables.
#[derive(Default)]
struct Builder {
    data: Dataset,
    extras: Vec<ExtraColumns>,
    /// Raw department cell → id, for names already interned.
    dept_cache: FxHashMap<String, DeptId>,
    /// The ids kept so far, for rejecting duplicates.
    duplicates: Duplicates,
}

/// What the duplicate rule (RULES §1.3) needs to remember.
#[derive(Debug, Default)]
struct Duplicates {
    /// Per kind: hash of (dept, id) → index of the kept record. Small
    /// entries keep a million-row table in cache; hits are verified.
    seen: FxHashMap<(Kind, u64), u32>,
    /// Exact ids for the (astronomically rare) hash collisions.
    seen_exact: FxHashMap<(Kind, DeptId, String), Source>,
    /// Per kind: which ids may occur more than once (see [`Repeats`]).
    repeats: FxHashMap<Kind, Repeats>,
    /// Path of each table, for duplicate messages.
    paths: Vec<String>,
}

/// Reads the cells of one row, recording problems in the file report.
struct Row<'a> {
    table: &'a Table,
    i: usize,
    source: Source,
}

impl<'a> Row<'a> {
    fn text(&self, key: Key) -> &'a str {
        self.table
            .header
            .map
            .get(key)
            .map_or("", |c| trim_cell(self.table.grid.cell(self.i, c)))
    }

    fn column(&self, key: Key) -> String {
        self.table
            .header
            .map
            .get(key)
            .and_then(|c| self.table.header.names.get(c))
            .cloned()
            .unwrap_or_else(|| key.as_str().to_owned())
    }

    fn issue(&self, key: Key, rejected: bool, problem: Problem) -> RowIssue {
        RowIssue {
            row: self.source.row,
            column: self.column(key),
            value: self.text(key).to_owned(),
            rejected,
            problem,
        }
    }

    fn required(&self, key: Key) -> Result<&'a str, RowIssue> {
        let v = self.text(key);
        if v.is_empty() {
            Err(self.issue(key, true, Problem::MissingValue))
        } else {
            Ok(v)
        }
    }

    fn required_date(&self, key: Key) -> Result<Date, RowIssue> {
        parse_date(self.required(key)?).ok_or_else(|| self.issue(key, true, Problem::InvalidDate))
    }

    fn required_datetime(&self, key: Key) -> Result<DateTime, RowIssue> {
        parse_datetime(self.required(key)?)
            .ok_or_else(|| self.issue(key, true, Problem::InvalidDateTime))
    }

    fn optional_text(&self, key: Key) -> Text {
        let v = self.text(key);
        (!v.is_empty()).then(|| v.into())
    }

    fn optional_id(&self, key: Key) -> Text {
        let v = self.text(key);
        if v.is_empty() {
            return None;
        }
        let id = id_key_cow(v);
        (!id.is_empty()).then(|| id.as_ref().into())
    }

    fn optional_date(&self, key: Key, report: &mut FileReport) -> Option<Date> {
        let v = self.text(key);
        if v.is_empty() {
            return None;
        }
        let parsed = parse_date(v);
        if parsed.is_none() {
            report.record(self.issue(key, false, Problem::InvalidDate));
        }
        parsed
    }

    fn optional_datetime(&self, key: Key, report: &mut FileReport) -> Option<DateTime> {
        let v = self.text(key);
        if v.is_empty() {
            return None;
        }
        let parsed = parse_datetime(v);
        if parsed.is_none() {
            report.record(self.issue(key, false, Problem::InvalidDateTime));
        }
        parsed
    }

    fn optional_yes_no(&self, key: Key, report: &mut FileReport) -> Option<bool> {
        let v = self.text(key);
        if v.is_empty() {
            return None;
        }
        let parsed = parse_yes_no(v);
        if parsed.is_none() {
            report.record(self.issue(key, false, Problem::InvalidYesNo));
        }
        parsed
    }

    /// Warns when `done` (in column `key`) is before `start` (in `start_key`).
    fn warn_before<T: PartialOrd + Copy>(
        &self,
        key: Key,
        done: Option<T>,
        start_key: Key,
        start: T,
        report: &mut FileReport,
    ) {
        if done.is_some_and(|d| d < start) {
            report.record(self.issue(
                key,
                false,
                Problem::BeforeStart {
                    start: self.column(start_key),
                },
            ));
        }
    }

    /// Warns about non-blank cells past the header's last column.
    fn cells_beyond_header(&self, report: &mut FileReport) {
        let grid = &self.table.grid;
        let width = self.table.header.names.len();
        let beyond: Vec<&str> = (width..grid.width(self.i))
            .map(|c| grid.cell(self.i, c).trim())
            .filter(|v| !v.is_empty())
            .collect();
        if !beyond.is_empty() {
            report.record(RowIssue {
                row: self.source.row,
                column: format!("column {}+", width + 1),
                value: beyond.join(","),
                rejected: false,
                problem: Problem::CellsBeyondHeader,
            });
        }
    }

    fn optional_count(&self, key: Key, report: &mut FileReport) -> u32 {
        let v = self.text(key);
        if v.is_empty() {
            return 0;
        }
        parse_count(v).unwrap_or_else(|| {
            report.record(self.issue(key, false, Problem::InvalidCount));
            0
        })
    }
}

/// The names of a 别名 cell, separated by 、 , ; or | (and their full-width forms).
fn split_aliases(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(['、', ',', '，', ';', '；', '|'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
}

/// Trims a cell, returning it untouched (without scanning) when neither end
/// is whitespace, which is nearly always.
fn trim_cell(s: &str) -> &str {
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
enum DeptName {
    Known(DeptId),
    New(String),
}

/// Where the validation of one table has got.
struct TableCursor {
    file: u32,
    /// Next row index of the grid.
    next: usize,
    extra_cols: Vec<usize>,
    extras: ExtraColumns,
}

impl Builder {
    fn start_table(&mut self, file: u32, table: &Table) -> TableCursor {
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
    fn rows(
        &mut self,
        table: &Table,
        cursor: &mut TableCursor,
        stop: usize,
        report: &mut FileReport,
    ) {
        let kind = table.header.map.kind;
        let file = cursor.file;
        for i in cursor.next..stop {
            if table.grid.is_blank(i) {
                continue;
            }
            report.rows += 1;
            let row = Row {
                table,
                i,
                source: Source {
                    file,
                    row: table.grid.number(i),
                },
            };
            let accepted = match kind {
                Kind::Department => self.department(&row, report),
                _ => self.record(kind, &row, report),
            };
            if accepted {
                report.accepted += 1;
                if !cursor.extra_cols.is_empty() {
                    cursor.extras.rows.push(row.source.row);
                    cursor.extras.values.extend(
                        cursor
                            .extra_cols
                            .iter()
                            .map(|&c| Box::from(table.grid.cell(i, c).trim())),
                    );
                }
            }
        }
        cursor.next = cursor.next.max(stop);
    }

    fn end_table(&mut self, cursor: TableCursor) {
        if !cursor.extras.headers.is_empty() {
            self.extras.push(cursor.extras);
        }
    }
}

impl Builder {
    /// Declares the aliases of every row of a department table.
    fn declare_aliases(&mut self, table: &Table) {
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
    fn department(&mut self, row: &Row<'_>, report: &mut FileReport) -> bool {
        let dept = match self.resolve_dept(row) {
            Ok(d) => d,
            Err(issue) => {
                report.record(issue);
                return false;
            }
        };
        let id = self.register(row, dept);
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

    fn record(&mut self, kind: Kind, row: &Row<'_>, report: &mut FileReport) -> bool {
        let result = match kind {
            Kind::Disclosure => self.disclosure(row, report),
            Kind::Interpretation => self.interpretation(row, report),
            Kind::Request => self.request(row, report),
            Kind::Message => self.message(row, report),
            Kind::Opinion => self.opinion(row, report),
            Kind::Enforcement => self.enforcement(row, report),
            Kind::Column => self.column(row, report),
            Kind::Department => Ok(()),
        };
        match result {
            Ok(()) => {
                row.cells_beyond_header(report);
                true
            }
            Err(issue) => {
                report.record(issue);
                false
            }
        }
    }

    fn resolve_dept(&self, row: &Row<'_>) -> Result<DeptName, RowIssue> {
        let raw = row.required(Key::Dept)?;
        if let Some(&id) = self.dept_cache.get(raw) {
            return Ok(DeptName::Known(id));
        }
        let plain = department_name(raw);
        let name = self.data.departments.canonical(raw);
        if name.is_empty() {
            return Err(row.issue(Key::Dept, true, Problem::MissingValue));
        }
        if SUMMARY_NAMES.contains(&plain.as_str()) || SUMMARY_NAMES.contains(&name.as_str()) {
            return Err(row.issue(Key::Dept, true, Problem::SummaryRow));
        }
        Ok(DeptName::New(name))
    }

    fn register(&mut self, row: &Row<'_>, dept: DeptName) -> DeptId {
        match dept {
            DeptName::Known(id) => id,
            DeptName::New(name) => {
                let id = self.data.departments.intern(&name);
                self.dept_cache.insert(row.text(Key::Dept).to_owned(), id);
                id
            }
        }
    }

    fn disclosure(&mut self, row: &Row<'_>, report: &mut FileReport) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let formed_on = row.required_date(Key::FormedOn)?;
        let published_on = row.required_date(Key::PublishedOn)?;
        let id = row.optional_id(Key::Id);
        let dept = self.register(row, dept);
        self.duplicates.check(
            (Kind::Disclosure, dept),
            id.as_deref(),
            row,
            &self.data.disclosures,
        )?;
        let needs_interpretation = row.optional_yes_no(Key::NeedsInterpretation, report);
        row.warn_before(
            Key::PublishedOn,
            Some(published_on),
            Key::FormedOn,
            formed_on,
            report,
        );
        self.data.disclosures.push(Disclosure {
            source: row.source,
            dept,
            id,
            title: row.optional_text(Key::Title),
            doc_no: row.optional_text(Key::DocNo),
            category: row.optional_text(Key::Category),
            needs_interpretation,
            formed_on,
            published_on,
        });
        Ok(())
    }

    fn interpretation(&mut self, row: &Row<'_>, _report: &mut FileReport) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let policy_id = row.required(Key::PolicyId)?;
        let published_on = row.required_date(Key::PublishedOn)?;
        let dept = self.register(row, dept);
        self.data.interpretations.push(Interpretation {
            source: row.source,
            dept,
            policy_id: id_key(policy_id).into(),
            published_on,
            title: row.optional_text(Key::Title),
            form: row.optional_text(Key::Form),
        });
        Ok(())
    }

    fn request(&mut self, row: &Row<'_>, report: &mut FileReport) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let received_on = row.required_date(Key::ReceivedOn)?;
        let id = row.optional_id(Key::Id);
        let dept = self.register(row, dept);
        self.duplicates.check(
            (Kind::Request, dept),
            id.as_deref(),
            row,
            &self.data.requests,
        )?;
        let corrected_on = row.optional_date(Key::CorrectedOn, report);
        let extended = row.optional_yes_no(Key::Extended, report);
        let excluded_workdays = row.optional_count(Key::ExcludedWorkdays, report);
        let replied_on = row.optional_date(Key::RepliedOn, report);
        row.warn_before(
            Key::RepliedOn,
            replied_on,
            Key::ReceivedOn,
            received_on,
            report,
        );
        self.data.requests.push(Request {
            source: row.source,
            dept,
            id,
            received_on,
            corrected_on,
            extended,
            excluded_workdays,
            replied_on,
            outcome: row.optional_text(Key::Outcome),
        });
        Ok(())
    }

    fn message(&mut self, row: &Row<'_>, report: &mut FileReport) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let received_on = row.required_date(Key::ReceivedOn)?;
        let id = row.optional_id(Key::Id);
        let dept = self.register(row, dept);
        self.duplicates.check(
            (Kind::Message, dept),
            id.as_deref(),
            row,
            &self.data.messages,
        )?;
        let replied_on = row.optional_date(Key::RepliedOn, report);
        row.warn_before(
            Key::RepliedOn,
            replied_on,
            Key::ReceivedOn,
            received_on,
            report,
        );
        self.data.messages.push(Message {
            source: row.source,
            dept,
            id,
            received_on,
            replied_on,
            kind: row.optional_text(Key::Kind),
        });
        Ok(())
    }

    fn opinion(&mut self, row: &Row<'_>, report: &mut FileReport) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let found_at = row.required_datetime(Key::FoundAt)?;
        let level = row.required(Key::Level)?;
        let id = row.optional_id(Key::Id);
        let dept = self.register(row, dept);
        self.duplicates.check(
            (Kind::Opinion, dept),
            id.as_deref(),
            row,
            &self.data.opinions,
        )?;
        let responded_at = row.optional_datetime(Key::RespondedAt, report);
        row.warn_before(
            Key::RespondedAt,
            responded_at,
            Key::FoundAt,
            found_at,
            report,
        );
        self.data.opinions.push(Opinion {
            source: row.source,
            dept,
            id,
            found_at,
            level: level.into(),
            responded_at,
            title: row.optional_text(Key::Title),
        });
        Ok(())
    }

    fn enforcement(&mut self, row: &Row<'_>, report: &mut FileReport) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let decided_on = row.required_date(Key::DecidedOn)?;
        let kind = row.required(Key::Kind)?;
        let id = row.optional_id(Key::Id);
        let dept = self.register(row, dept);
        self.duplicates.check(
            (Kind::Enforcement, dept),
            id.as_deref(),
            row,
            &self.data.enforcements,
        )?;
        let published_on = row.optional_date(Key::PublishedOn, report);
        row.warn_before(
            Key::PublishedOn,
            published_on,
            Key::DecidedOn,
            decided_on,
            report,
        );
        self.data.enforcements.push(Enforcement {
            source: row.source,
            dept,
            id,
            decided_on,
            kind: kind.into(),
            published_on,
        });
        Ok(())
    }

    fn column(&mut self, row: &Row<'_>, report: &mut FileReport) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let name = row.required(Key::Name)?;
        let kind = row.required(Key::Kind)?;
        let dept = self.register(row, dept);
        let last_updated_on = row.optional_date(Key::LastUpdatedOn, report);
        self.data.columns.push(Column {
            source: row.source,
            dept,
            name: name.into(),
            kind: kind.into(),
            last_updated_on,
        });
        Ok(())
    }
}

/// The hash of an id, for [`Repeats`] and the duplicate table (rustc's
/// Fx hash: ids are local data, no flooding to resist).
fn hash_str(s: &str) -> u64 {
    use std::hash::Hasher as _;
    let mut h = rustc_hash::FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

/// Which ids may occur more than once among all rows of a kind, from a
/// pass over the id column of every table before validation.
///
/// A duplicate check against a table of a million ids costs a cache miss
/// or two per row, a sixth of the import. The ids that occur once (nearly
/// all of them) can skip it: two bitmaps of their hashes, "seen" and "seen
/// again", say which may repeat. A hash collision only sends a row through
/// the exact check; a repeated id is never missed, since every row with it
/// sets the same bits.
#[derive(Debug)]
struct Repeats {
    seen: Vec<u64>,
    again: Vec<u64>,
    /// Bits per map, minus one.
    mask: u64,
}

impl Repeats {
    /// The ids of every table of `kind`, if any has an id column.
    fn of(tables: &[Table], kind: Kind) -> Option<Repeats> {
        let tables: Vec<(&Table, usize)> = tables
            .iter()
            .filter(|t| t.header.map.kind == kind)
            .filter_map(|t| Some((t, t.header.map.get(Key::Id)?)))
            .collect();
        let rows: usize = tables.iter().map(|(t, _)| t.grid.len()).sum();
        if rows == 0 {
            return None;
        }
        // 16 bits per row (at most 64 MiB a map): one id in 16 shares a bit
        // with another by chance.
        let bits = (rows * 16).next_power_of_two().clamp(1 << 10, 1 << 29);
        let mut repeats = Repeats {
            seen: vec![0; bits / 64],
            again: vec![0; bits / 64],
            mask: bits as u64 - 1,
        };
        for (table, col) in tables {
            for i in table.header.index + 1..table.grid.len() {
                let id = id_key_cow(trim_cell(table.grid.cell(i, col)));
                if !id.is_empty() {
                    repeats.add(hash_str(&id));
                }
            }
        }
        Some(repeats)
    }

    fn add(&mut self, hash: u64) {
        let bit = hash & self.mask;
        let (word, flag) = ((bit / 64) as usize, 1u64 << (bit % 64));
        if self.seen[word] & flag == 0 {
            self.seen[word] |= flag;
        } else {
            self.again[word] |= flag;
        }
    }

    fn may_repeat(&self, hash: u64) -> bool {
        let bit = hash & self.mask;
        self.again[(bit / 64) as usize] & (1u64 << (bit % 64)) != 0
    }
}

/// A record that duplicates are judged by: its department, id and origin.
trait Identified {
    fn identity(&self) -> (DeptId, &str, Source);
}

macro_rules! identified {
    ($($t:ty),*) => {$(
        impl Identified for $t {
            fn identity(&self) -> (DeptId, &str, Source) {
                (self.dept, self.id.as_deref().unwrap_or_default(), self.source)
            }
        }
    )*};
}

identified!(Disclosure, Request, Message, Opinion, Enforcement);

impl Duplicates {
    /// Rejects a row whose kind, department and non-empty id match an
    /// earlier kept record of `items`; otherwise remembers it as the next one.
    fn check<T: Identified>(
        &mut self,
        (kind, dept): (Kind, DeptId),
        id: Option<&str>,
        row: &Row<'_>,
        items: &[T],
    ) -> Result<(), RowIssue> {
        let index = items.len() as u32;
        let Some(id) = id else { return Ok(()) };
        let id_hash = hash_str(id);
        // An id that no other row of this kind has cannot be a duplicate, nor
        // be duplicated later: it need not be remembered.
        if self
            .repeats
            .get(&kind)
            .is_some_and(|r| !r.may_repeat(id_hash))
        {
            return Ok(());
        }
        let duplicate_of = |first: Source| {
            row.issue(
                Key::Id,
                true,
                Problem::Duplicate {
                    path: self
                        .paths
                        .get(first.file as usize)
                        .cloned()
                        .unwrap_or_default(),
                    row: first.row,
                },
            )
        };
        let key = id_hash ^ u64::from(dept.0).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        match self.seen.entry((kind, key)) {
            Entry::Vacant(v) => {
                v.insert(index);
                Ok(())
            }
            Entry::Occupied(o) => {
                let (first_dept, first_id, first) = items[*o.get() as usize].identity();
                if first_dept == dept && first_id == id {
                    return Err(duplicate_of(first));
                }
                match self.seen_exact.entry((kind, dept, id.to_owned())) {
                    Entry::Occupied(o) => Err(duplicate_of(*o.get())),
                    Entry::Vacant(v) => {
                        v.insert(row.source);
                        Ok(())
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::file_error::human_size;
    use super::*;

    #[test]
    fn sizes_read_as_file_managers_show_them() {
        assert_eq!(human_size(900), "900 bytes");
        assert_eq!(human_size(12 * 1024), "12 KB");
        assert_eq!(human_size(512 << 20), "512 MB");
        assert_eq!(human_size(3 << 29), "1.5 GB");
    }

    #[test]
    fn a_file_over_the_limit_is_one_error_and_the_others_load() {
        let good = "发布机构,成文日期,发布日期\n旗教育局,2019-03-01,2019-03-05\n";
        let limits = Limits {
            max_file_bytes: 1000,
            max_rows: 3,
        };
        let big = format!("{good}{}", "旗教育局,2019-03-01,2019-03-05\n".repeat(40));
        let many = format!("{good}{}", "旗教育局,2019-03-01,2019-03-05\n".repeat(3));
        let imported = import_with(
            vec![
                InputFile::new("a-big.csv", big.into_bytes()),
                InputFile::new("b-good.csv", good.as_bytes().to_vec()),
                InputFile::new("c-many.csv", many.into_bytes()),
            ],
            &limits,
        );
        assert_eq!(imported.report.accepted(), 1);
        let errors: Vec<String> = imported
            .report
            .errors
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("a-big.csv: the file is 1.4 KB"),
            "{errors:?}"
        );
        assert!(errors[0].contains("limit of 1000 bytes"), "{errors:?}");
        assert!(
            errors[1].starts_with("c-many.csv: the table has 4 data rows, over the limit of 3"),
            "{errors:?}"
        );
    }
}
