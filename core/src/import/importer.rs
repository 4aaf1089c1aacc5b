//! The import as a state machine a slice at a time (so the browser never
//! freezes): open each file, read delimited text a slice of rows at a
//! time, then validate every table.

use std::fmt;

use crate::schema::Kind;

use super::duplicates::Repeats;
use super::file_error::FileError;
use super::limits::Limits;
use super::open::{Opened, file_name, finish_delimited, open_file};
use super::report::{FileReport, Import, ImportReport};
use super::validate::{Builder, Duplicates, TableCursor};
use super::{InputFile, Table, delimited};

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
pub(super) struct Reading {
    pub(super) path: String,
    pub(super) encoding: String,
    pub(super) notes: Vec<String>,
    pub(super) reader: Box<delimited::Reader>,
    pub(super) kind: Option<Kind>,
    pub(super) bytes: u64,
    pub(super) counted: u64,
}

/// The validation of the tables read.
pub(super) struct Building {
    pub(super) builder: Builder,
    pub(super) reports: Vec<FileReport>,
    /// Table indices: department tables first.
    pub(super) order: Vec<usize>,
    /// Position in `order`.
    pub(super) at: usize,
    /// The table being validated, from its next row.
    pub(super) table: Option<TableCursor>,
}

impl Importer {
    /// Starts importing `files` (sorted by name, then path).
    pub fn new(mut files: Vec<InputFile>, limits: &Limits) -> Importer {
        files.sort_by(|a, b| {
            file_name(&a.path)
                .cmp(file_name(&b.path))
                .then_with(|| a.path.cmp(&b.path))
        });
        let bytes_total = files.iter().map(|f| f.len() as u64).sum();
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
                    match finish_delimited(r.path.clone(), r.encoding, r.notes, *r.reader, r.kind) {
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

    pub(super) fn open(&mut self, file: InputFile) {
        let path = file.path.clone();
        let bytes = file.len() as u64;
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

    pub(super) fn add_table(&mut self, table: Table) {
        match self.limits.check_rows(&table) {
            Ok(()) => self.tables.push(table),
            Err(e) => self.errors.push(e),
        }
    }

    pub(super) fn start_building(&mut self) {
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
            Kind::Review,
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
    pub(super) fn step(
        &mut self,
        tables: &[Table],
        budget: &mut usize,
        progress: &mut Progress,
    ) -> bool {
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
