//! The cases of the bad-input catalogue (`testdata/bad/`): what each file
//! is, and what `openness check` must print for it; the generated ones.

use openness_core::import::Limits;

/// One bad input and what importing it must give.
#[derive(Clone, Copy)]
pub(super) struct Case {
    /// File name in `testdata/bad/`, or the name of a generated input.
    pub(super) name: &'static str,
    /// Makes the bytes of a generated input (huge ones are not committed).
    pub(super) generate: Option<fn() -> Vec<u8>>,
    /// Import limits.
    pub(super) limits: Limits,
    /// The lines `openness check` prints for this input, each matched
    /// whole; `…` in a line stands for any text (the long hints). A last
    /// entry of just `…` allows more lines than listed.
    pub(super) lines: &'static [&'static str],
    /// Rows accepted and rejected across the input's tables.
    pub(super) accepted: u32,
    pub(super) rejected: u32,
    /// The encoding reported, when it matters.
    pub(super) encoding: Option<&'static str>,
    /// The departments its accepted rows name, when it matters.
    pub(super) depts: Option<&'static [&'static str]>,
    /// Where the fix is pending, for cases whose behaviour is still wrong.
    pub(super) pending: Option<&'static str>,
}

pub(super) const CASE: Case = Case {
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

pub(super) const EDU: Option<&[&str]> = Some(&["旗教育局"]);

#[rustfmt::skip]
pub(super) const CASES: &[Case] = &[
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
        lines: &["g02-1mb-cells.csv: row 3: rejected: 发布日期 \"9999…（共 1048576 字符 / 1048576 characters in all）\" is not a valid date. Hint: …"],
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
