//! The import report: rejected rows and warnings (RowIssue, Problem), per
//! table (FileReport) and for the whole import (ImportReport, Import).

use std::fmt;

use serde::Serialize;

use crate::record::{Dataset, SharedStr, Source};
use crate::schema::Kind;

use super::file_error::FileError;
use super::open::file_name;

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
    /// A required amount that is not a non-negative number.
    InvalidAmount,
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
            Problem::InvalidAmount => "不是非负金额（万元，如 12.5）".to_owned(),
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
            Problem::InvalidAmount => {
                f.write_str("is not a non-negative amount in 万元 (e.g. 12.5)")
            }
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

/// Characters of a value quoted in an issue; a longer value (a 1 MB cell)
/// is cut there and its full length stated.
pub const QUOTED_CHARS: usize = 200;

/// A value as an issue quotes it: whole when short, else its first
/// [`QUOTED_CHARS`] characters and its length.
pub fn quoted(value: &str) -> String {
    let mut chars = value.char_indices();
    match chars.nth(QUOTED_CHARS) {
        None => value.to_owned(),
        Some((cut, _)) => {
            let count = value.chars().count();
            format!(
                "{}…（共 {count} 字符 / {count} characters in all）",
                &value[..cut]
            )
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
    /// 1-based row number of the header; `None` for JSON, whose keys name
    /// the columns (its n-th object is row n).
    pub header_row: Option<u32>,
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
    pub(super) fn record(&mut self, issue: RowIssue) {
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
    pub(super) rows: Vec<u32>,
    pub(super) values: Vec<SharedStr>,
}

impl ExtraColumns {
    /// The extra values of a row, in header order.
    pub fn values(&self, row: u32) -> Option<&[SharedStr]> {
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
