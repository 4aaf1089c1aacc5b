//! The bad-input catalogue: every file of `testdata/bad/` (see its
//! README.md, written by `testdata/make_bad.py`) and a few huge inputs
//! generated here, each imported in one call together with a known-good
//! three-row disclosure table. For each case the test asserts
//!
//! - the lines `openness check` prints for it (notes, rejected rows and
//!   warnings, or the one error of a file that cannot be read), exactly
//!   those and no others;
//! - how many of its rows are accepted and rejected;
//! - that the good file beside it is read whole (nothing is lost next to a
//!   bad file), that nothing panics, and that scoring, self-check and the
//!   exports still run on the result.
//!
//! Cases whose behaviour is still wrong in parts of the importer being
//! reworked are marked `pending`: the main test holds them to the
//! invariants only, and the ignored test [`pending_cases_behave_as_they_should`]
//! states the behaviour they should have.
//!
//! `cargo test -p openness-core --test it catalogue`

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};

use openness_core::export::{
    findings_csv, findings_sheet, formula_safe, scorecard_csv, scorecard_json, scorecard_sheet,
};
use openness_core::import::{Import, ImportReport, InputFile, Limits, import_with};
use openness_core::rules::Rules;
use openness_core::schema::Kind;
use openness_core::score::{Indicator, Window, score};
use openness_core::selfcheck::findings;
use openness_core::sheet::{ExportMeta, Lang};
use openness_core::xlsx::workbook;

use crate::support::{dept, indicator, y2019};

/// The catalogue's folder.
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/bad");

/// The known-good file imported beside every case.
const GOOD_NAME: &str = "good-disclosure.csv";
const GOOD: &str = "索引号,发布机构,成文日期,发布日期,标题
GOOD-1,旗统计局,2019-03-01,2019-03-05,统计公报
GOOD-2,旗统计局,2019-04-01,2019-04-08,统计月报
GOOD-3,旗统计局,2019-05-06,2019-05-10,统计年鉴
";
const GOOD_DEPT: &str = "旗统计局";

/// One bad input and what importing it must give.
#[derive(Clone, Copy)]
struct Case {
    /// File name in `testdata/bad/`, or the name of a generated input.
    name: &'static str,
    /// Makes the bytes of a generated input (huge ones are not committed).
    generate: Option<fn() -> Vec<u8>>,
    /// Import limits.
    limits: Limits,
    /// The lines `openness check` prints for this input, each matched
    /// whole; `…` in a line stands for any text (the long hints). A last
    /// entry of just `…` allows more lines than listed.
    lines: &'static [&'static str],
    /// Rows accepted and rejected across the input's tables.
    accepted: u32,
    rejected: u32,
    /// The encoding reported, when it matters.
    encoding: Option<&'static str>,
    /// The departments its accepted rows name, when it matters.
    depts: Option<&'static [&'static str]>,
    /// Where the fix is pending, for cases whose behaviour is still wrong.
    pending: Option<&'static str>,
}

const CASE: Case = Case {
    name: "",
    generate: None,
    limits: Limits::BROWSER,
    lines: &[],
    accepted: 0,
    rejected: 0,
    encoding: None,
    depts: None,
    pending: None,
};

const EDU: Option<&[&str]> = Some(&["旗教育局"]);

#[rustfmt::skip]
const CASES: &[Case] = &[
    Case { name: "01-empty.csv", lines: &["✗ 01-empty.csv: the file is empty"], ..CASE },
    Case { name: "02-whitespace-only.csv", lines: &["✗ 02-whitespace-only.csv: the file is empty"], ..CASE },
    Case { name: "03-header-only.csv", ..CASE },
    Case {
        name: "04-bom-only-utf8.csv",
        lines: &["✗ 04-bom-only-utf8.csv: the file is empty…"],
        ..CASE
    },
    Case {
        name: "05-bom-only-utf16le.csv",
        lines: &["✗ 05-bom-only-utf16le.csv: the file is empty…"],
        ..CASE
    },
    Case {
        name: "06-bom-only-utf16be.csv",
        lines: &["✗ 06-bom-only-utf16be.csv: the file is empty…"],
        ..CASE
    },
    Case { name: "07-gbk-after-utf8-bom.csv", accepted: 3, encoding: Some("GB18030"), depts: EDU, ..CASE },
    Case { name: "08-utf16le-no-bom.csv", accepted: 3, encoding: Some("UTF-16LE"), depts: EDU, ..CASE },
    Case { name: "09-utf16be-no-bom.csv", accepted: 3, encoding: Some("UTF-16BE"), depts: EDU, ..CASE },
    Case {
        name: "10-utf8-stray-byte.csv",
        lines: &["10-utf8-stray-byte.csv: some bytes are not valid UTF-8; they were replaced by \u{fffd}"],
        accepted: 3, encoding: Some("UTF-8"), depts: EDU, ..CASE
    },
    Case {
        name: "11-gbk-cut-off-character.csv",
        lines: &["11-gbk-cut-off-character.csv: some bytes are not valid GB18030; they were replaced by \u{fffd}"],
        accepted: 3, encoding: Some("GB18030"), depts: EDU, ..CASE
    },
    Case {
        name: "12-mixed-delimiters.csv",
        lines: &[
            "12-mixed-delimiters.csv: row 3: rejected: 发布机构 is empty",
            "12-mixed-delimiters.csv: row 4: rejected: 发布机构 is empty",
        ],
        accepted: 2, rejected: 2, ..CASE
    },
    Case {
        name: "13-unbalanced-quote.csv",
        lines: &["13-unbalanced-quote.csv: row 3 opens a quoted value that never closes; the rest of the file was read as that value"],
        accepted: 2, ..CASE
    },
    Case { name: "14-quote-inside-cell.csv", accepted: 3, ..CASE },
    Case {
        name: "15-embedded-newlines.csv",
        lines: &["15-embedded-newlines.csv: row 5: rejected: 发布日期 \"坏日期\" is not a valid date. Hint: …"],
        accepted: 3, rejected: 1, ..CASE
    },
    Case {
        name: "16-duplicate-headers.csv",
        lines: &["16-duplicate-headers.csv: …发布日期…"],
        accepted: 3,
        ..CASE
    },
    Case { name: "17-merged-cells.xlsx", accepted: 3, encoding: Some("XLSX"), depts: EDU, ..CASE },
    Case {
        name: "18-formula-cells.xlsx",
        lines: &["18-formula-cells.xlsx: row 3: rejected: 发布日期 \"=C3+5\" is not a valid date. Hint: …"],
        accepted: 2, rejected: 1, ..CASE
    },
    Case { name: "19-formula-injection.csv", accepted: 5, depts: Some(&["旗教育局", "=cmd|'/Ccalc'!A0"]), ..CASE },
    Case {
        name: "20-html-payload.csv", accepted: 3,
        depts: Some(&["<script>alert(1)</script>", "<imgsrc=xonerror=alert(1)>", "旗教育局"]),
        ..CASE
    },
    Case {
        name: "21-date-before-1900.csv",
        lines: &[
            "21-date-before-1900.csv: row 2: rejected: 成文日期 \"1899-12-31\" is not a valid date. Hint: …",
            "21-date-before-1900.csv: row 3: rejected: 成文日期 \"0001-01-01\" is not a valid date. Hint: …",
            "21-date-before-1900.csv: row 4: rejected: 成文日期 \"1066年10月14日\" is not a valid date. Hint: …",
        ],
        accepted: 2, rejected: 3, ..CASE
    },
    Case { name: "22-date-after-2100.csv", accepted: 4, ..CASE },
    Case {
        name: "23-excel-1900-leap-bug.xlsx",
        lines: &[
            "23-excel-1900-leap-bug.xlsx: row 2: rejected: 成文日期 \"1900-01-00\" is not a valid date. Hint: …",
            "23-excel-1900-leap-bug.xlsx: row 5: rejected: 成文日期 \"1900-02-29\" is not a valid date. Hint: …",
        ],
        accepted: 4, rejected: 2, ..CASE
    },
    Case {
        name: "24-excel-serials-in-csv.csv",
        lines: &[
            "24-excel-serials-in-csv.csv: row 4: rejected: 成文日期 \"60\" is not a valid date. Hint: …",
            "24-excel-serials-in-csv.csv: row 5: rejected: 成文日期 \"19999\" is not a valid date. Hint: …",
            "24-excel-serials-in-csv.csv: row 6: rejected: 成文日期 \"80001\" is not a valid date. Hint: …",
            "24-excel-serials-in-csv.csv: row 7: rejected: 成文日期 \"4.3525E+04\" is not a valid date. Hint: …",
        ],
        accepted: 2, rejected: 4, ..CASE
    },
    Case {
        name: "25-published-before-formed.csv",
        lines: &[
            "25-published-before-formed.csv: row 3: warning: 发布日期 \"2019-02-01\"…",
            "25-published-before-formed.csv: row 4: warning: 发布日期 \"1900-01-01\"…",
        ],
        accepted: 3,
        ..CASE
    },
    Case {
        name: "26-reply-before-request.csv",
        lines: &["26-reply-before-request.csv: row 3: warning: 答复日期 \"2019-06-01\"…"],
        accepted: 2,
        ..CASE
    },
    Case {
        name: "27-unknown-table.csv",
        lines: &["✗ 27-unknown-table.csv: none of the first 10 rows is a header naming every required column of a table kind. Hint: disclosure 主动公开: 发布机构, 成文日期, 发布日期; …"],
        ..CASE
    },
    Case {
        name: "28-header-below-row-10.csv",
        lines: &["✗ 28-header-below-row-10.csv: none of the first 10 rows is a header naming every required column of a table kind. Hint: …"],
        ..CASE
    },
    Case {
        name: "29-zip-renamed.xlsx",
        lines: &["✗ 29-zip-renamed.xlsx: cannot be read as an XLSX workbook (it is a ZIP archive without an Excel workbook inside, no xl/workbook.xml: a .zip or .docx file renamed .xlsx?). Hint: save it again from Excel or WPS, or export it as CSV"],
        ..CASE
    },
    Case {
        name: "30-truncated.xlsx",
        lines: &["✗ 30-truncated.xlsx: cannot be read as an XLSX workbook (the ZIP container is cut off, its directory at the end is missing: the file was truncated, as by an interrupted download or copy). Hint: …"],
        ..CASE
    },
    Case {
        name: "31-ole-garbage.xls",
        lines: &["✗ 31-ole-garbage.xls: cannot be read as an XLS workbook (the XLS container is damaged: …). Hint: …"],
        ..CASE
    },
    Case {
        name: "32-png-renamed.csv",
        lines: &["✗ 32-png-renamed.csv: …PNG…"],
        pending: Some("import/open.rs open_file: recognise binary files by their signature (PNG, JPEG, PDF, ZIP) and say what they are instead of \"no header\""),
        ..CASE
    },
    Case {
        name: "33-json-object.json",
        lines: &["✗ 33-json-object.json: JSON must be an array of objects, one object per row"],
        ..CASE
    },
    Case {
        name: "34-json-nested-null-numbers.json",
        lines: &[
            "34-json-nested-null-numbers.json: row 3: rejected: 发布机构 is empty",
            "34-json-nested-null-numbers.json: row 4: rejected: 成文日期 \"{\\\"y\\\":2019}\" is not a valid date. Hint: …",
            "34-json-nested-null-numbers.json: row 5: rejected: 发布日期 \"true\" is not a valid date. Hint: …",
        ],
        accepted: 3, rejected: 3, depts: Some(&["旗教育局", "12345"]), ..CASE
    },
    Case {
        name: "35-json-invalid.json",
        lines: &["✗ 35-json-invalid.json: not valid JSON: EOF while parsing a value at line 2 column 0"],
        ..CASE
    },
    Case {
        name: "36-json-array-of-arrays.json",
        lines: &["✗ 36-json-array-of-arrays.json: JSON must be an array of objects, one object per row"],
        ..CASE
    },
    Case {
        name: "37-json-empty-array.json",
        lines: &["✗ 37-json-empty-array.json: the JSON array is empty: it holds no rows and names no table kind"],
        ..CASE
    },
    Case { name: "38-json-utf16-bom.json", accepted: 2, encoding: Some("UTF-16LE"), depts: EDU, ..CASE },
    Case { name: "39-nul-bytes.csv", accepted: 3, depts: EDU, ..CASE },
    Case { name: "40-crlf.csv", accepted: 3, depts: EDU, ..CASE },
    Case { name: "41-cr-only.csv", accepted: 3, depts: EDU, ..CASE },
    Case {
        name: "42-mixed-line-ends.csv",
        lines: &["42-mixed-line-ends.csv: row 4: rejected: 发布日期 \"不是日期\" is not a valid date. Hint: …"],
        accepted: 3, rejected: 1, ..CASE
    },
    Case { name: "43-trailing-delimiter.csv", accepted: 3, depts: EDU, ..CASE },
    Case {
        name: "44-more-cells-than-header.csv",
        lines: &["44-more-cells-than-header.csv: row 3: warning: …\"B的通知\"…"],
        accepted: 3,
        ..CASE
    },
    Case {
        name: "45-fewer-cells-than-header.csv",
        lines: &["45-fewer-cells-than-header.csv: row 3: rejected: 发布日期 is empty"],
        accepted: 2, rejected: 1, ..CASE
    },
    Case {
        name: "46-summary-rows.csv",
        lines: &[
            "46-summary-rows.csv: row 4: rejected: 发布机构 \"合计\" is a summary line (合计/总计/小计), not a record",
            "46-summary-rows.csv: row 5: rejected: 发布机构 \"总计\" is a summary line (合计/总计/小计), not a record",
            "46-summary-rows.csv: row 6: rejected: 发布机构 \"小 计\" is a summary line (合计/总计/小计), not a record",
        ],
        accepted: 2, rejected: 3, depts: EDU, ..CASE
    },
    Case {
        name: "47-duplicate-ids.csv",
        lines: &[
            "47-duplicate-ids.csv: row 3: rejected: 索引号 \"C47-1\" duplicates row 2 of 47-duplicate-ids.csv (same kind, department and id); the first is kept",
            "47-duplicate-ids.csv: row 5: rejected: 索引号 \"Ｃ４７－１\" duplicates row 2 of 47-duplicate-ids.csv (same kind, department and id); the first is kept",
        ],
        accepted: 3, rejected: 2, depts: Some(&["旗教育局", "旗卫健委"]), ..CASE
    },
    Case {
        name: "48-fullwidth-digits.csv",
        lines: &["48-fullwidth-digits.csv: row 5: rejected: 发布日期 \"２０１９-０３-３２\" is not a valid date. Hint: …"],
        accepted: 3, rejected: 1, ..CASE
    },
    Case { name: "49-invisible-characters.csv", accepted: 5, depts: EDU, ..CASE },
    Case { name: "50-double-bom.csv", accepted: 3, encoding: Some("UTF-8"), depts: EDU, ..CASE },
    Case {
        name: "51-concatenated-exports.csv",
        lines: &[
            "51-concatenated-exports.csv: row 5: rejected: 发布机构 is empty",
            "51-concatenated-exports.csv: row 6: rejected: 成文日期 \"成文日期\" is not a valid date. Hint: …",
        ],
        accepted: 4, rejected: 2, ..CASE
    },
    Case { name: "52-delimiter-only-rows.csv", accepted: 3, ..CASE },
    Case {
        name: "53-excel-error-text.csv",
        lines: &[
            "53-excel-error-text.csv: row 3: rejected: 成文日期 \"#N/A\" is not a valid date. Hint: …",
            "53-excel-error-text.csv: row 4: rejected: 发布日期 \"#VALUE!\" is not a valid date. Hint: …",
            "53-excel-error-text.csv: row 5: rejected: 发布机构 is empty",
        ],
        accepted: 1, rejected: 3, depts: EDU, ..CASE
    },
    Case {
        name: "54-xlsx-error-cells.xlsx",
        lines: &[
            "54-xlsx-error-cells.xlsx: row 3: rejected: 成文日期 \"#N/A\" is not a valid date. Hint: …",
            "54-xlsx-error-cells.xlsx: row 4: rejected: 发布日期 \"#DIV/0!\" is not a valid date. Hint: …",
        ],
        accepted: 1, rejected: 2, ..CASE
    },
    Case {
        name: "55-xlsx-no-table.xlsx",
        lines: &["✗ 55-xlsx-no-table.xlsx: no sheet of this workbook has a table header. none of the first 10 rows is a header naming every required column of a table kind. Hint: …"],
        ..CASE
    },
    Case {
        name: "56-huge-counts.csv",
        lines: &[
            "56-huge-counts.csv: row 3: warning: 不计入工作日 \"99999999999999999999\" is not a non-negative whole number; treated as 0",
            "56-huge-counts.csv: row 4: warning: 是否延期 \"也许\" is not a yes/no value (是/否, Y/N, yes/no, true/false, 1/0, √/×); treated as unknown",
            "56-huge-counts.csv: row 4: warning: 不计入工作日 \"-3\" is not a non-negative whole number; treated as 0",
        ],
        accepted: 3, ..CASE
    },
    Case {
        name: "57-bad-times.csv",
        lines: &[
            "57-bad-times.csv: row 3: rejected: 发现时间 \"2019-03-05 24:00\" is not a valid date-time. Hint: use YYYY-MM-DD HH:MM[:SS]",
            "57-bad-times.csv: row 4: rejected: 发现时间 \"2019-03-05 12:60\" is not a valid date-time. Hint: use YYYY-MM-DD HH:MM[:SS]",
            "57-bad-times.csv: row 5: warning: 首次回应时间 \"明天上午\" is not a valid date-time. Hint: use YYYY-MM-DD HH:MM[:SS]",
        ],
        accepted: 2, rejected: 2, depts: Some(&["旗应急局"]), ..CASE
    },
    Case {
        name: "58-over-row-limit.csv",
        limits: Limits { max_rows: 5, ..Limits::BROWSER },
        lines: &["✗ 58-over-row-limit.csv: the table has 6 data rows, over the limit of 5 rows for one table; none of its rows were imported. Hint: …"],
        ..CASE
    },
    Case { name: "59-personal-data.csv", accepted: 2, depts: Some(&["旗政府办"]), ..CASE },
    Case { name: "60-quoted-header-semicolons.csv", accepted: 2, depts: EDU, ..CASE },
    Case {
        name: "61-csv-renamed.xlsx",
        lines: &["✗ 61-csv-renamed.xlsx: cannot be read as an XLSX workbook (it is not a workbook but text: a CSV or TXT file renamed .xlsx or .xls? Give it its real extension). Hint: …"],
        ..CASE
    },
    // Generated here: too large to commit.
    Case { name: "g01-10000-columns.csv", generate: Some(ten_thousand_columns), accepted: 2, depts: EDU, ..CASE },
    Case {
        name: "g02-1mb-cells.csv",
        generate: Some(megabyte_cells),
        lines: &["g02-1mb-cells.csv: row 3: rejected: 发布日期 \"9999…9999\" is not a valid date. Hint: …"],
        accepted: 1, rejected: 1, ..CASE
    },
    Case {
        name: "g03-1gb.csv",
        generate: Some(gigabyte),
        lines: &["✗ g03-1gb.csv: the file is 1 GB (1073741824 bytes), over the limit of 512 MB for one file; it was not read. Hint: …"],
        ..CASE
    },
    Case {
        name: "g04-20000-bad-rows.csv",
        generate: Some(twenty_thousand_bad_rows),
        lines: &[
            "g04-20000-bad-rows.csv: row 2: rejected: 成文日期 \"坏\" is not a valid date. Hint: …",
            "g04-20000-bad-rows.csv: row 10001: rejected: 成文日期 \"坏\" is not a valid date. Hint: …",
            "g04-20000-bad-rows.csv: … and 10000 more not listed",
            "…",
        ],
        accepted: 1, rejected: 20_000, ..CASE
    },
    Case {
        name: "g05-deep-json.json",
        generate: Some(deep_json),
        lines: &["✗ g05-deep-json.json: not valid JSON: recursion limit exceeded at line 1 column …"],
        ..CASE
    },
    Case {
        name: "g06-million-blank-lines.csv",
        generate: Some(million_blank_lines),
        lines: &["g06-million-blank-lines.csv: row 1000003: rejected: 发布日期 \"末尾\" is not a valid date. Hint: …"],
        accepted: 1, rejected: 1, ..CASE
    },
];

/// 10,000 columns: the four a disclosure needs and 9,996 more.
fn ten_thousand_columns() -> Vec<u8> {
    let mut text = "索引号,发布机构,成文日期,发布日期".to_owned();
    for c in 5..=10_000 {
        text.push_str(&format!(",c{c}"));
    }
    text.push('\n');
    for r in 1..=2 {
        text.push_str(&format!("G01-{r},旗教育局,2019-03-01,2019-03-05"));
        text.push_str(&",x".repeat(9_996));
        text.push('\n');
    }
    text.into_bytes()
}

/// A 1 MB title (kept) and a 1 MB date (rejected, named in the message).
fn megabyte_cells() -> Vec<u8> {
    let title = "长".repeat((1 << 20) / 3);
    let date = "9".repeat(1 << 20);
    format!(
        "索引号,发布机构,成文日期,发布日期,标题\nG02-1,旗教育局,2019-03-01,2019-03-05,{title}\nG02-2,旗教育局,2019-03-01,{date},坏\n"
    )
    .into_bytes()
}

/// 1 GiB of zero bytes: over the default (browser) limit, never read.
fn gigabyte() -> Vec<u8> {
    vec![0u8; 1 << 30]
}

/// 20,000 rejected rows and one good one: the list stops at 10,000, the
/// counts stay exact.
fn twenty_thousand_bad_rows() -> Vec<u8> {
    let mut text = "索引号,发布机构,成文日期,发布日期\n".to_owned();
    for r in 1..=20_000 {
        text.push_str(&format!("G04-{r},旗教育局,坏,2019-03-05\n"));
    }
    text.push_str("G04-ok,旗教育局,2019-03-01,2019-03-05\n");
    text.into_bytes()
}

/// JSON nested 100,000 deep (a recursive parser without a limit overflows
/// its stack).
fn deep_json() -> Vec<u8> {
    let depth = 100_000;
    format!(
        "[{{\"发布机构\": {}{}, \"成文日期\": \"2019-03-01\", \"发布日期\": \"2019-03-05\"}}]",
        "[".repeat(depth),
        "]".repeat(depth)
    )
    .into_bytes()
}

/// A million blank lines between a good row and a bad one: not counted as
/// rows, but counted in the row number a spreadsheet shows.
fn million_blank_lines() -> Vec<u8> {
    let mut text =
        "索引号,发布机构,成文日期,发布日期\nG06-1,旗教育局,2019-03-01,2019-03-05\n".to_owned();
    text.push_str(&"\n".repeat(1_000_000));
    text.push_str("G06-2,旗教育局,2019-03-01,末尾\n");
    text.into_bytes()
}

fn bytes_of(case: &Case) -> Vec<u8> {
    match case.generate {
        Some(make) => make(),
        None => std::fs::read(format!("{DIR}/{}", case.name))
            .unwrap_or_else(|e| panic!("{}: {e}", case.name)),
    }
}

/// The lines `openness check` prints below its table (cli/src/table.rs):
/// per table its notes, issues and the count of unlisted issues, then the
/// files that could not be read.
fn check_lines(report: &ImportReport) -> Vec<String> {
    let mut lines = Vec::new();
    for f in &report.files {
        lines.extend(f.notes.iter().map(|n| format!("{}: {n}", f.path)));
        lines.extend(f.issues.iter().map(|i| format!("{}: {i}", f.path)));
        let unlisted = f.unlisted_issues();
        if unlisted > 0 {
            lines.push(format!("{}: … and {unlisted} more not listed", f.path));
        }
    }
    lines.extend(report.errors.iter().map(|e| format!("✗ {e}")));
    lines
}

/// True when `line` is `pattern`, where each `…` of the pattern stands for
/// any text.
fn matches(line: &str, pattern: &str) -> bool {
    let parts: Vec<&str> = pattern.split('…').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if parts.len() == 1 {
        return line == pattern;
    }
    if line.len() < first.len() + last.len() || !line.starts_with(first) || !line.ends_with(last) {
        return false;
    }
    let mut rest = &line[first.len()..line.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// True for a report path or error path that belongs to the input `name`.
fn belongs(path: &str, name: &str) -> bool {
    path == name || path.starts_with(&format!("{name}#"))
}

/// A line shortened for a failure message (a 1 MB value would drown it).
fn short(line: &str) -> String {
    if line.chars().count() <= 300 {
        line.to_owned()
    } else {
        format!("{}…", line.chars().take(300).collect::<String>())
    }
}

/// Imports the case beside the good file, without panicking.
fn import_case(case: &Case) -> Import {
    let files = vec![
        InputFile::new(case.name, bytes_of(case)),
        InputFile::new(GOOD_NAME, GOOD.as_bytes().to_vec()),
    ];
    let limits = case.limits;
    catch_unwind(AssertUnwindSafe(|| import_with(files, &limits)))
        .unwrap_or_else(|_| panic!("{}: the import panicked", case.name))
}

/// What must hold for every case, pending or not: the good file is read
/// whole, every row is accounted for, and scoring, self-check and the
/// exports run.
fn check_invariants(case: &Case, imported: &Import) {
    let name = case.name;
    let report = &imported.report;
    let good: Vec<_> = report
        .files
        .iter()
        .filter(|f| f.path == GOOD_NAME)
        .collect();
    assert_eq!(
        good.len(),
        1,
        "{name}: the good file is missing from the report"
    );
    let g = good[0];
    assert_eq!(
        (g.kind, g.rows, g.accepted, g.rejected, g.warnings),
        (Kind::Disclosure, 3, 3, 0, 0),
        "{name}: the good file beside it lost rows: {:?}",
        g.issues
    );
    assert!(
        !report.errors.iter().any(|e| e.path == GOOD_NAME),
        "{name}: the good file became an error"
    );
    let good_ids: Vec<&str> = imported
        .data
        .disclosures
        .iter()
        .filter(|d| imported.data.departments.name(d.dept) == GOOD_DEPT)
        .filter_map(|d| d.id.as_deref())
        .collect();
    assert_eq!(
        good_ids,
        ["GOOD-1", "GOOD-2", "GOOD-3"],
        "{name}: good records"
    );
    for f in &report.files {
        assert_eq!(f.accepted + f.rejected, f.rows, "{name}: {} rows", f.path);
    }
    let data = &imported.data;
    let held = data.disclosures.len()
        + data.interpretations.len()
        + data.requests.len()
        + data.messages.len()
        + data.opinions.len()
        + data.enforcements.len()
        + data.columns.len();
    let accepted: u64 = report
        .files
        .iter()
        .filter(|f| f.kind != Kind::Department)
        .map(|f| u64::from(f.accepted))
        .sum();
    assert_eq!(
        held as u64, accepted,
        "{name}: records held != rows accepted"
    );

    let rules = Rules::default();
    let scored = catch_unwind(AssertUnwindSafe(|| {
        let card = score(&imported.data, &rules, y2019());
        let list = findings(imported, &rules, y2019(), &card, None);
        let _ = (
            scorecard_csv(&card, &rules, Lang::Zh),
            findings_csv(&list, y2019(), Lang::En),
            workbook(&[
                scorecard_sheet(&card, &rules, &ExportMeta::default()),
                findings_sheet(&list, y2019(), "", &ExportMeta::default()),
            ]),
            scorecard_json(&card, report),
        );
        if let Ok(window) = Window::infer(&imported.data, &rules, None, None, None) {
            let _ = score(&imported.data, &rules, window);
        }
        card
    }))
    .unwrap_or_else(|_| panic!("{name}: scoring panicked"));
    assert_eq!(
        dept(&scored, GOOD_DEPT).score,
        Some(100.0),
        "{name}: the good department's score"
    );
    assert!(
        indicator(&scored, GOOD_DEPT, Indicator::DisclosureTimeliness)
            .is_some_and(|s| s.counted == 3),
        "{name}: the good department's disclosures are counted"
    );
}

/// The lines, counts, encoding and departments a case must give.
fn check_expected(case: &Case, imported: &Import) {
    let name = case.name;
    let report = &imported.report;
    let mine: Vec<String> = check_lines(report)
        .into_iter()
        .filter(|l| {
            let path = l.strip_prefix("✗ ").unwrap_or(l);
            path.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(':') || rest.starts_with('#'))
        })
        .collect();
    let listed: Vec<String> = mine.iter().map(|l| short(l)).collect();
    let more = case.lines.last() == Some(&"…");
    let patterns = if more {
        &case.lines[..case.lines.len() - 1]
    } else {
        case.lines
    };
    for pattern in patterns {
        assert!(
            mine.iter().any(|l| matches(l, pattern)),
            "{name}: no line matches {pattern:?}; the lines are {listed:#?}"
        );
    }
    if !more {
        assert_eq!(
            mine.len(),
            case.lines.len(),
            "{name}: other lines than expected: {listed:#?}"
        );
    }
    let tables: Vec<_> = report
        .files
        .iter()
        .filter(|f| belongs(&f.path, name))
        .collect();
    let accepted: u32 = tables.iter().map(|f| f.accepted).sum();
    let rejected: u32 = tables.iter().map(|f| f.rejected).sum();
    assert_eq!(
        (accepted, rejected),
        (case.accepted, case.rejected),
        "{name}: rows accepted, rejected; lines {listed:#?}"
    );
    if let Some(encoding) = case.encoding {
        let got: Vec<&str> = tables.iter().map(|f| f.encoding.as_str()).collect();
        assert_eq!(got, [encoding], "{name}: encoding");
    }
    if let Some(expected) = case.depts {
        let departments = &imported.data.departments;
        let got: BTreeSet<&str> = departments
            .ids_unsorted()
            .map(|id| departments.name(id))
            .filter(|&n| n != GOOD_DEPT)
            .collect();
        let expected: BTreeSet<&str> = expected.iter().copied().collect();
        assert_eq!(got, expected, "{name}: departments");
    }
}

#[test]
fn every_bad_input_is_reported_and_nothing_beside_it_is_lost() {
    for case in CASES {
        let imported = import_case(case);
        check_invariants(case, &imported);
        if case.pending.is_none() {
            check_expected(case, &imported);
        }
    }
}

/// Holds cases marked `pending` to their expected behaviour (none are
/// pending now: every case passes the main test exactly).
#[test]
fn pending_cases_behave_as_they_should() {
    let mut failures = Vec::new();
    for case in CASES.iter().filter(|c| c.pending.is_some()) {
        let imported = import_case(case);
        if let Err(e) = catch_unwind(AssertUnwindSafe(|| check_expected(case, &imported))) {
            let why = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!("{}: {why}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_catalogue_has_at_least_40_cases_and_every_file_is_tested_and_described() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    let mut names = BTreeSet::new();
    for case in CASES {
        assert!(names.insert(case.name), "{} is listed twice", case.name);
    }
    let on_disk: BTreeSet<String> = std::fs::read_dir(DIR)
        .expect("testdata/bad")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .collect();
    let files: BTreeSet<String> = CASES
        .iter()
        .filter(|c| c.generate.is_none())
        .map(|c| c.name.to_owned())
        .collect();
    assert_eq!(
        on_disk, files,
        "every file of testdata/bad/ is a case of CASES, and every case without a generator is a file"
    );
    let readme = std::fs::read_to_string(format!("{DIR}/README.md")).expect("README.md");
    for case in CASES {
        assert!(
            readme.contains(&format!("`{}`", case.name)),
            "{} is not described in testdata/bad/README.md",
            case.name
        );
    }
    assert!(
        CASES.iter().filter(|c| c.pending.is_none()).count() >= 40,
        "at least 40 cases behave as they should"
    );
}

#[test]
fn hostile_text_is_kept_as_written_and_neutralised_in_exports() {
    let imported = import_case(&CASES[index("19-formula-injection.csv")]);
    let titles: Vec<&str> = imported
        .data
        .disclosures
        .iter()
        .filter_map(|d| d.title.as_deref())
        .filter(|t| t.starts_with(['=', '+', '-', '@']))
        .collect();
    assert_eq!(
        titles,
        [
            "=HYPERLINK(\"http://evil.example\",\"点击\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)"
        ]
    );
    for t in &titles {
        assert_eq!(formula_safe(t), format!("'{t}"), "{t}");
    }
    let card = score(&imported.data, &Rules::default(), y2019());
    let csv = scorecard_csv(&card, &Rules::default(), Lang::Zh);
    assert!(csv.contains("'=cmd|'/Ccalc'!A0"), "{csv}");
    assert!(
        !csv.lines()
            .any(|l| l.split(',').any(|c| c.starts_with('='))),
        "no exported cell starts with =: {csv}"
    );

    let imported = import_case(&CASES[index("20-html-payload.csv")]);
    let departments = &imported.data.departments;
    assert!(departments.get("<script>alert(1)</script>").is_some());
    let iframe = imported
        .data
        .disclosures
        .iter()
        .find(|d| d.id.as_deref() == Some("C20-3"))
        .and_then(|d| d.title.as_deref());
    assert_eq!(
        iframe,
        Some("<iframe src=\"javascript:alert(1)\"></iframe>")
    );
}

#[test]
fn cells_are_kept_whole_and_as_the_sheet_shows_them() {
    let imported = import_case(&CASES[index("g02-1mb-cells.csv")]);
    let title = imported
        .data
        .disclosures
        .iter()
        .find(|d| d.id.as_deref() == Some("G02-1"))
        .and_then(|d| d.title.as_deref())
        .expect("the 1 MB title");
    assert_eq!(title.chars().count(), (1 << 20) / 3);

    let imported = import_case(&CASES[index("18-formula-cells.xlsx")]);
    let title = imported
        .data
        .disclosures
        .iter()
        .find(|d| d.id.as_deref() == Some("C18-3"))
        .and_then(|d| d.title.as_deref());
    assert_eq!(title, Some("简章"), "a formula's saved result is its value");

    let imported = import_case(&CASES[index("39-nul-bytes.csv")]);
    let ids: Vec<&str> = imported
        .data
        .disclosures
        .iter()
        .filter_map(|d| d.id.as_deref())
        .filter(|id| id.starts_with("C39"))
        .collect();
    assert_eq!(ids, ["C39-1", "C39-2", "C39-3"]);

    let imported = import_case(&CASES[index("59-personal-data.csv")]);
    let f = &imported.report.files[0];
    assert_eq!(f.dropped_columns, ["申请人姓名", "联系电话", "身份证号"]);
    assert!(imported.extras.iter().all(|e| e.headers.is_empty()));
}

fn index(name: &str) -> usize {
    CASES
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"))
}
