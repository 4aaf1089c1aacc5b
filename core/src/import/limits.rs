//! How much one file may hold (RULES §1.3: over a limit, one error naming it).

use super::Table;
use super::file_error::{FileError, FileProblem};

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

    pub(super) fn check_rows(&self, table: &Table) -> Result<(), FileError> {
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
