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
//!
//! The files, by concern: `open` (sniffing and opening), `intake`
//! (UTF-8 files read a piece at a time), `decode`,
//! `delimited`, `sheet`, `json` and `grid` (reading), `importer` (the step
//! state machine), `limits`, `report` and `file_error` (what the user is
//! told), `validate` (departments, rows, cells) and `kinds` (one validator
//! per record kind), `duplicates` (the duplicate rule).

mod book;
mod decode;
mod delimited;
mod duplicates;
mod file_error;
mod gb18030;
mod grid;
mod importer;
mod intake;
mod json;
mod kinds;
mod limits;
mod open;
#[cfg(not(target_arch = "wasm32"))]
mod parallel;
mod report;
mod sheet;
mod validate;

use crate::schema::Kind;
pub use file_error::{FileError, FileProblem, Workbook};
use grid::{Grid, Header};

pub use importer::{Importer, Progress, import, import_with};
pub use intake::{HEAD_BYTES, TextIntake};
pub use limits::Limits;
pub use report::{
    ExtraColumns, FileReport, Import, ImportReport, MAX_LISTED_ISSUES, Problem, RowIssue,
};
pub use sheet::{SheetCells, workbook_cells};

/// One file to import: its path or name (for messages), its bytes, and
/// optionally the table kind the user says it holds.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Path or name, as shown in messages.
    pub path: String,
    content: Content,
    /// The kind named by the user, if any.
    pub kind: Option<Kind>,
}

/// What an [`InputFile`] holds.
#[derive(Debug, Clone)]
enum Content {
    /// The file's bytes, still to be sniffed and decoded.
    Bytes(Vec<u8>),
    /// The file's bytes as the text they are: UTF-8, byte-order mark and
    /// all, from a file [`open`] would decode as UTF-8 ([`TextIntake`]).
    Utf8(String),
}

impl InputFile {
    /// A file whose kind is recognised from its header.
    pub fn new(path: impl Into<String>, bytes: Vec<u8>) -> InputFile {
        InputFile {
            path: path.into(),
            content: Content::Bytes(bytes),
            kind: None,
        }
    }

    /// A file already read into its text by a [`TextIntake`].
    fn utf8(path: String, text: String) -> InputFile {
        InputFile {
            path,
            content: Content::Utf8(text),
            kind: None,
        }
    }

    /// Names the kind explicitly.
    #[must_use]
    pub fn with_kind(mut self, kind: Option<Kind>) -> InputFile {
        self.kind = kind;
        self
    }

    /// The file's bytes, as read.
    pub fn bytes(&self) -> &[u8] {
        match &self.content {
            Content::Bytes(bytes) => bytes,
            Content::Utf8(text) => text.as_bytes(),
        }
    }

    /// The file's size in bytes.
    pub fn len(&self) -> usize {
        self.bytes().len()
    }

    /// True for a file of no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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

/// A table read from a file, before validation.
#[derive(Debug)]
struct Table {
    path: String,
    encoding: String,
    grid: Grid,
    header: Header,
    notes: Vec<String>,
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
