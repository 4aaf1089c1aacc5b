//! Why a whole file could not be read, as a typed value with its message
//! in Chinese and English (RULES §1.3: a file that cannot be read is one
//! error naming the file, with a hint). The page shows the message in its
//! language; the CLI and the JSON report print the English one.

use serde::Serialize;

use crate::lang::Lang;
use crate::schema::Kind;

/// A file that could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {}", problem.message(Lang::En))]
pub struct FileError {
    /// The file.
    pub path: String,
    /// What went wrong.
    pub problem: FileProblem,
}

impl FileError {
    /// What went wrong, with a hint, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }
}

impl Serialize for FileError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut st = s.serialize_struct("FileError", 2)?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("message", &self.message(Lang::En))?;
        st.end()
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileProblem {
    /// Nothing but blanks.
    Empty,
    /// Only a byte-order mark or blanks.
    OnlyByteOrderMark {
        /// The encoding the mark names.
        encoding: String,
    },
    /// A workbook that does not open.
    Workbook {
        /// `XLSX` or `XLS`.
        format: &'static str,
        /// Why.
        why: Workbook,
    },
    /// A workbook none of whose sheets has a header.
    NoSheetHeader {
        /// The kind the user named, if any.
        wanted: Option<Kind>,
    },
    /// An image, PDF or archive, named by what its first bytes say it is.
    NotATable {
        /// What it is, in English and Chinese.
        what: (&'static str, &'static str),
    },
    /// JSON that does not parse.
    JsonSyntax {
        /// The parser's words.
        detail: String,
    },
    /// JSON that is not an array of objects.
    JsonNotRows,
    /// An empty JSON array.
    JsonEmpty,
    /// JSON keys that name no table kind.
    JsonNoHeader,
    /// No header in the first 10 rows.
    NoHeader {
        /// The kind the user named, if any.
        wanted: Option<Kind>,
    },
    /// Over the size limit for one file.
    TooLarge {
        /// The file's size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Over the row limit for one table.
    TooManyRows {
        /// Data rows.
        rows: usize,
        /// The limit.
        limit: u32,
    },
}

/// Why a workbook does not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Workbook {
    /// A ZIP whose directory at the end is missing.
    Truncated,
    /// A ZIP with no workbook inside.
    NotAWorkbookZip,
    /// A damaged workbook in a ZIP container (the reader's words).
    DamagedZip(String),
    /// A damaged XLS container (the reader's words).
    DamagedXls(String),
    /// A workbook with a password to open it (its content is encrypted).
    Encrypted,
    /// Text with a workbook's extension.
    Text,
    /// Neither container.
    Unknown,
}

impl Workbook {
    /// Why the workbook cannot be opened, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Workbook::Truncated, Lang::En) => "the ZIP container is cut off, its directory at the end is missing: the file was truncated, as by an interrupted download or copy".to_owned(),
            (Workbook::Truncated, Lang::Zh) => "压缩包结构不完整，末尾目录缺失：文件被截断了（例如下载或复制中断）".to_owned(),
            (Workbook::NotAWorkbookZip, Lang::En) => "it is a ZIP archive without an Excel workbook inside, no xl/workbook.xml: a .zip or .docx file renamed .xlsx?".to_owned(),
            (Workbook::NotAWorkbookZip, Lang::Zh) => "这是一个不含 Excel 工作簿的压缩包（没有 xl/workbook.xml）：是否把 .zip 或 .docx 文件改名成了 .xlsx？".to_owned(),
            (Workbook::DamagedZip(e), Lang::En) => format!("the workbook inside the ZIP container is damaged: {e}"),
            (Workbook::DamagedZip(e), Lang::Zh) => format!("工作簿已损坏：{e}"),
            (Workbook::DamagedXls(e), Lang::En) => format!("the XLS container is damaged: {e}"),
            (Workbook::DamagedXls(e), Lang::Zh) => format!("XLS 文件已损坏：{e}"),
            (Workbook::Encrypted, Lang::En) => "the workbook has a password to open it, so its content is encrypted: remove the password in Excel or WPS (File, Info, Protect Workbook) before loading it".to_owned(),
            (Workbook::Encrypted, Lang::Zh) => "工作簿设置了打开密码，内容已加密：请先在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿）再载入".to_owned(),
            (Workbook::Text, Lang::En) => "it is not a workbook but text: a CSV or TXT file renamed .xlsx or .xls? Give it its real extension".to_owned(),
            (Workbook::Text, Lang::Zh) => "这不是工作簿而是文本：是否把 CSV 或 TXT 文件改名成了 .xlsx 或 .xls？请改回原来的扩展名".to_owned(),
            (Workbook::Unknown, Lang::En) => "it is neither an XLSX workbook (a ZIP container) nor an XLS workbook (an OLE container)".to_owned(),
            (Workbook::Unknown, Lang::Zh) => "既不是 XLSX 工作簿，也不是 XLS 工作簿".to_owned(),
        }
    }
}

/// `1.5 GB`, `512 MB`, `12 KB` (binary multiples, as file managers show).
pub(crate) fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = "bytes";
    for u in UNITS {
        if value < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = u;
    }
    if unit == "bytes" {
        format!("{bytes} bytes")
    } else if value.fract() == 0.0 {
        format!("{value:.0} {unit}")
    } else {
        format!("{value:.1} {unit}")
    }
}

/// Lists the required columns of every kind, for "no header" messages.
fn header_hint(lang: Lang) -> String {
    Kind::ALL
        .iter()
        .map(|k| {
            let cols: Vec<&str> = k
                .columns()
                .iter()
                .filter(|c| c.required)
                .map(|c| c.aliases.first().copied().unwrap_or(c.key.as_str()))
                .collect();
            match lang {
                Lang::En => format!("{} {}: {}", k.key(), k.name_zh(), cols.join(", ")),
                Lang::Zh => format!("{}：{}", k.name_zh(), cols.join("、")),
            }
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

fn no_header(wanted: Option<Kind>, lang: Lang) -> String {
    match (wanted, lang) {
        (Some(k), Lang::En) => format!(
            "none of the first 10 rows names every required column of {} {}. Hint: {}",
            k.key(),
            k.name_zh(),
            header_hint(lang)
        ),
        (Some(k), Lang::Zh) => format!(
            "前 10 行中没有一行列出「{}」的全部必填列。提示：{}",
            k.name_zh(),
            header_hint(lang)
        ),
        (None, Lang::En) => format!(
            "none of the first 10 rows is a header naming every required column of a table kind. Hint: {}",
            header_hint(lang)
        ),
        (None, Lang::Zh) => format!(
            "前 10 行中没有表头列出任何一类表格的全部必填列。提示：各类表格的必填列为 {}",
            header_hint(lang)
        ),
    }
}

impl FileProblem {
    /// What went wrong, with a hint, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use FileProblem as P;
        match (self, lang) {
            (P::Empty, Lang::En) => "the file is empty".to_owned(),
            (P::Empty, Lang::Zh) => "文件是空的".to_owned(),
            (P::OnlyByteOrderMark { encoding }, Lang::En) => {
                format!("the file is empty (it holds only a {encoding} byte-order mark or blanks)")
            }
            (P::OnlyByteOrderMark { encoding }, Lang::Zh) => {
                format!("文件是空的（只有 {encoding} 字节顺序标记或空白）")
            }
            (P::Workbook { format, why }, Lang::En) => format!(
                "cannot be read as an {format} workbook ({}). Hint: save it again from Excel or WPS, or export it as CSV",
                why.message(lang)
            ),
            (P::Workbook { format, why }, Lang::Zh) => format!(
                "无法作为 {format} 工作簿读取（{}）。提示：用 Excel 或 WPS 重新保存，或导出为 CSV",
                why.message(lang)
            ),
            (P::NoSheetHeader { wanted }, Lang::En) => format!(
                "no sheet of this workbook has a table header. {}",
                no_header(*wanted, lang)
            ),
            (P::NoSheetHeader { wanted }, Lang::Zh) => {
                format!("工作簿的各个工作表都没有表头。{}", no_header(*wanted, lang))
            }
            (P::NotATable { what }, Lang::En) => format!(
                "is {}, not a table export. Hint: export the table as CSV or Excel from the system it comes from",
                what.0
            ),
            (P::NotATable { what }, Lang::Zh) => format!(
                "这是 {}，不是表格。提示：请从原系统把表格导出为 CSV 或 Excel",
                what.1
            ),
            (P::JsonSyntax { detail }, Lang::En) => format!("not valid JSON: {detail}"),
            (P::JsonSyntax { detail }, Lang::Zh) => format!("不是有效的 JSON：{detail}"),
            (P::JsonNotRows, Lang::En) => {
                "JSON must be an array of objects, one object per row".to_owned()
            }
            (P::JsonNotRows, Lang::Zh) => "JSON 须为对象数组，每个对象一行".to_owned(),
            (P::JsonEmpty, Lang::En) => {
                "the JSON array is empty: it holds no rows and names no table kind".to_owned()
            }
            (P::JsonEmpty, Lang::Zh) => {
                "JSON 数组是空的：没有数据行，也看不出是哪类表格".to_owned()
            }
            (P::JsonNoHeader, Lang::En) => {
                "the JSON keys do not name every required column of any table kind".to_owned()
            }
            (P::JsonNoHeader, Lang::Zh) => "JSON 的键没有列出任何一类表格的全部必填列".to_owned(),
            (P::NoHeader { wanted }, _) => no_header(*wanted, lang),
            (P::TooLarge { size, limit }, Lang::En) => format!(
                "the file is {} ({size} bytes), over the limit of {} for one file; it was not read. \
                 Hint: export a shorter period or fewer departments per file",
                human_size(*size),
                human_size(*limit)
            ),
            (P::TooLarge { size, limit }, Lang::Zh) => format!(
                "文件大小 {}（{size} 字节），超过单个文件 {} 的上限，未读取。提示：按较短的时段或较少的部门分别导出",
                human_size(*size),
                human_size(*limit)
            ),
            (P::TooManyRows { rows, limit }, Lang::En) => format!(
                "the table has {rows} data rows, over the limit of {limit} rows for one table; \
                 none of its rows were imported. Hint: export a shorter period or fewer departments per file"
            ),
            (P::TooManyRows { rows, limit }, Lang::Zh) => format!(
                "表格有 {rows} 行数据，超过单表 {limit} 行的上限，未导入任何一行。提示：按较短的时段或较少的部门分别导出"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_reads_in_both_languages() {
        let problems = [
            FileProblem::Empty,
            FileProblem::Workbook {
                format: "XLSX",
                why: Workbook::Text,
            },
            FileProblem::NoHeader { wanted: None },
            FileProblem::NotATable {
                what: ("a PDF document", "PDF 文档"),
            },
            FileProblem::TooLarge {
                size: 2_000_000_000,
                limit: 1_000_000_000,
            },
        ];
        for p in &problems {
            let zh = p.message(Lang::Zh);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(p.message(Lang::En).is_ascii() || p.message(Lang::En).contains("主动公开"));
        }
        let e = FileError {
            path: "a.pdf".into(),
            problem: problems[3].clone(),
        };
        assert_eq!(
            e.to_string(),
            "a.pdf: is a PDF document, not a table export. Hint: export the table as CSV or Excel from the system it comes from"
        );
        assert_eq!(
            e.message(Lang::Zh),
            "这是 PDF 文档，不是表格。提示：请从原系统把表格导出为 CSV 或 Excel"
        );
    }
}
