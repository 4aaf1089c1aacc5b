//! RULES §1.3 "bad input never disappears": a row missing a required value,
//! with an unparseable required date, a summary line or a duplicate id is
//! rejected with file, row (as a spreadsheet shows it), column and value;
//! an optional value that does not parse becomes empty with a warning and
//! the row is kept; a file that cannot be read is one error while the
//! other files still load.

use openness_core::import::{FileReport, InputFile, Problem, RowIssue, import};
use openness_core::lang::Lang;
use openness_core::score::Indicator;
use rust_xlsxwriter::Workbook;

use crate::support::{d, file, import_texts, indicator, score_default, y2019};

/// Asserts a file's (rows, accepted, rejected, warnings) and its one
/// issue's (row, column, value, rejected, problem).
fn assert_counts_and_issue(
    f: &FileReport,
    counts: (u32, u32, u32, u32),
    issue: (u32, &str, &str, bool, &Problem),
    what: &str,
) {
    assert_eq!(
        (f.rows, f.accepted, f.rejected, f.warnings),
        counts,
        "{what}"
    );
    let got = only_issue(f);
    assert_eq!(
        (
            got.row,
            got.column.as_str(),
            got.value.as_str(),
            got.rejected,
            &got.problem
        ),
        issue,
        "{what}"
    );
}

/// The only issue of a file report.
#[track_caller]
fn only_issue(f: &FileReport) -> &RowIssue {
    assert_eq!(f.issues.len(), 1, "{}: {:?}", f.path, f.issues);
    &f.issues[0]
}

#[test]
fn each_rejection_reason_names_row_column_and_value_and_keeps_the_good_rows() {
    // Each table has a title (row 1), a blank row (2), the header (3), a
    // good row (4), the bad row (5) and another good row (6).
    // Per kind: (header, good row, cases), and per case
    // (what, bad row, column, value, problem).
    type Cases<'a> = &'a [(&'a str, &'a str, &'a str, &'a str, Problem)];
    #[rustfmt::skip]
    let disclosure: Cases = &[
        ("missing required date", "ZC-9,旗教育局,2019-08-23,", "发布日期", "", Problem::MissingValue),
        ("missing department", "ZC-9,,2019-08-23,2019-08-30", "发布机构", "", Problem::MissingValue),
        ("department of spaces only", "ZC-9,\u{3000} ,2019-08-23,2019-08-30", "发布机构", "", Problem::MissingValue),
        ("impossible date", "ZC-9,旗教育局,2019-02-30,2019-08-30", "成文日期", "2019-02-30", Problem::InvalidDate),
        ("words instead of a date", "ZC-9,旗教育局,2019-08-23,待定", "发布日期", "待定", Problem::InvalidDate),
        ("American date order", "ZC-9,旗教育局,8/23/2019,2019-08-30", "成文日期", "8/23/2019", Problem::InvalidDate),
        ("summary 合计", ",合计,,", "发布机构", "合计", Problem::SummaryRow),
        ("summary 总计", ",总计,2019-08-23,2019-08-30", "发布机构", "总计", Problem::SummaryRow),
        ("summary with a space inside", ",合 计,,", "发布机构", "合 计", Problem::SummaryRow),
    ];
    #[rustfmt::skip]
    let opinion: Cases = &[
        ("impossible time in a required date-time", "O-9,旗应急局,2019-08-23 25:00,一般", "发现时间", "2019-08-23 25:00", Problem::InvalidDateTime),
        ("missing level", "O-9,旗应急局,2019-08-23 10:00,", "事件等级", "", Problem::MissingValue),
        ("summary 小计", ",小计,,", "涉事部门", "小计", Problem::SummaryRow),
    ];
    let kinds = [
        (
            "索引号,发布机构,成文日期,发布日期",
            "ZC-{n},旗教育局,2019-08-23,2019-08-30",
            disclosure,
        ),
        (
            "舆情编号,涉事部门,发现时间,事件等级",
            "O-{n},旗应急局,2019-08-23 10:00,一般",
            opinion,
        ),
    ];
    for (header, good, cases) in kinds {
        for &(what, bad, column, value, ref problem) in cases {
            let text = format!(
                "2019年导出\n\n{header}\n{}\n{bad}\n{}\n",
                good.replace("{n}", "1"),
                good.replace("{n}", "2")
            );
            let imported = import_texts(&[("t.csv", &text)]);
            let f = &imported.report.files[0];
            assert_counts_and_issue(f, (3, 2, 1, 0), (5, column, value, true, problem), what);
            // One kind per file, so the other list is empty.
            let data = &imported.data;
            let sources: Vec<u32> = (data.disclosures.iter().map(|r| r.source.row))
                .chain(data.opinions.iter().map(|r| r.source.row))
                .collect();
            assert_eq!(
                sources,
                [4, 6],
                "{what}: the good rows beside the bad one are kept"
            );
            assert!(
                imported.data.departments.get("合计").is_none()
                    && imported.data.departments.get("总计").is_none()
                    && imported.data.departments.get("小计").is_none(),
                "{what}: a summary line names no department"
            );
        }
    }
}

#[test]
fn row_numbers_count_records_not_physical_lines() {
    // Row 2 holds a title with a line break inside quotes: a spreadsheet
    // shows it as one row, so the bad record is row 3, not line 4.
    let text = "标题,发布机构,成文日期,发布日期\n\"第一行\n第二行\",旗教育局,2019-08-23,2019-08-30\n坏,旗教育局,2019-08-23,bad\n";
    let imported = import_texts(&[("t.csv", text)]);
    let issue = only_issue(&imported.report.files[0]);
    assert_eq!((issue.row, issue.value.as_str()), (3, "bad"));
    assert_eq!(
        imported.data.disclosures[0].title.as_deref(),
        Some("第一行\n第二行")
    );
}

#[test]
fn xlsx_and_json_rows_are_numbered_as_their_tools_show_them() {
    let mut workbook = Workbook::new();
    let ws = workbook.add_worksheet();
    let rows = [
        ["2019年导出", "", ""],
        ["发布机构", "成文日期", "发布日期"],
        ["旗教育局", "2019-08-23", "2019-08-30"],
        ["旗教育局", "2019-08-23", "never"],
    ];
    for (row_index, row) in rows.iter().enumerate() {
        for (col, value) in row.iter().enumerate() {
            if !value.is_empty() {
                ws.write_string(row_index as u32, col as u16, *value)
                    .expect("cell");
            }
        }
    }
    let xlsx = workbook.save_to_buffer().expect("workbook");
    let json = r#"[{"发布机构":"旗教育局","成文日期":"2019-08-23","发布日期":"2019-08-30"},
                   {"发布机构":"旗教育局","成文日期":"2019-08-23","发布日期":"never"}]"#;
    let imported = import(vec![InputFile::new("a.xlsx", xlsx), file("b.json", json)]);
    let rows: Vec<(&str, u32)> = imported
        .report
        .files
        .iter()
        .map(|f| (f.path.as_str(), only_issue(f).row))
        .collect();
    assert_eq!(rows, [("a.xlsx", 4), ("b.json", 2)]);
}

#[test]
fn optional_values_that_do_not_parse_become_warnings_and_the_row_is_kept() {
    // (what, header, row, column, value, problem)
    let request = "申请编号,受理机关,收到申请日期,收到补正日期,是否延期,不计入工作日,答复日期";
    #[rustfmt::skip]
    let cases = [
        ("reply date", request, "R1,旗政府办,2019-06-03,,,,尽快", "答复日期", "尽快", Problem::InvalidDate),
        ("correction date", request, "R1,旗政府办,2019-06-03,2019-06-31,,,", "收到补正日期", "2019-06-31", Problem::InvalidDate),
        ("yes/no", request, "R1,旗政府办,2019-06-03,,可能,,", "是否延期", "可能", Problem::InvalidYesNo),
        ("count in words", request, "R1,旗政府办,2019-06-03,,,两天,", "不计入工作日", "两天", Problem::InvalidCount),
        ("negative count", request, "R1,旗政府办,2019-06-03,,,-1,", "不计入工作日", "-1", Problem::InvalidCount),
        ("fractional count", request, "R1,旗政府办,2019-06-03,,,2.5,", "不计入工作日", "2.5", Problem::InvalidCount),
        ("needs interpretation", "索引号,发布机构,成文日期,发布日期,是否需解读", "ZC-1,旗教育局,2019-08-23,2019-08-30,待定", "是否需解读", "待定", Problem::InvalidYesNo),
        ("response time", "涉事部门,发现时间,事件等级,首次回应时间", "旗应急局,2019-08-23 10:00,一般,2019-08-23 24:30", "首次回应时间", "2019-08-23 24:30", Problem::InvalidDateTime),
        ("enforcement publication", "执法机关,作出决定日期,执法类别,公示日期", "旗市场监管局,2019-08-23,行政许可,2019-13-01", "公示日期", "2019-13-01", Problem::InvalidDate),
        ("column update", "主办单位,栏目名称,栏目类型,最近更新", "旗教育局,动态,工作动态,很久以前", "最近更新", "很久以前", Problem::InvalidDate),
        ("message reply", "办理单位,留言时间,答复时间", "旗信访局,2019-06-03,已回复", "答复时间", "已回复", Problem::InvalidDate),
    ];
    for (what, header, row, column, value, problem) in cases {
        let text = format!("{header}\n{row}\n");
        let imported = import_texts(&[("t.csv", &text)]);
        let f = &imported.report.files[0];
        assert_counts_and_issue(f, (1, 1, 0, 1), (2, column, value, false, &problem), what);
    }
}

#[test]
fn an_unparsed_optional_value_is_empty_for_scoring() {
    // The reply date "尽快" is empty: the request is overdue, not on time;
    // the bad excluded-days count is 0, not ignored by rejecting the row.
    let text = "申请编号,受理机关,收到申请日期,不计入工作日,答复日期\nR1,旗政府办,2019-09-20,两天,2019-10-23\nR2,旗政府办,2019-09-20,,尽快\n";
    let imported = import_texts(&[("r.csv", text)]);
    assert_eq!(imported.data.requests[0].excluded_workdays, 0);
    assert_eq!(imported.data.requests[1].replied_on, None);
    let card = score_default(&imported, y2019());
    let s = indicator(&card, "旗政府办", Indicator::RequestTimeliness).expect("applicable");
    assert_eq!((s.counted, s.passed), (2, 1.0));
}

#[test]
fn a_second_row_with_the_same_kind_department_and_id_is_a_duplicate() {
    // (what, files in the order given, expected (file, row, kept path, kept row))
    let d_header = "索引号,发布机构,成文日期,发布日期";
    #[rustfmt::skip]
    let cases: [(&str, Vec<(&str, String)>, (&str, u32, &str, u32)); 5] = [
        ("same file", vec![( "d.csv", format!( "{d_header}\nZC-1,旗教育局,2019-08-23,2019-08-30\nZC-1,旗教育局,2019-09-23,2019-09-30\n" ), )], ("d.csv", 3, "d.csv", 2)),
        ("across files: the first in name order wins, whatever the order given", vec![ ( "b.csv", format!("{d_header}\nZC-1,旗教育局,2019-09-23,2019-09-30\n"), ), ( "a.csv", format!("说明\n{d_header}\nZC-1,旗教育局,2019-08-23,2019-08-30\n"), ), ], ("b.csv", 2, "a.csv", 3)),
        ("ids compared after NFKC and trimming", vec![( "d.csv", format!( "{d_header}\nＺＣ－１,旗教育局,2019-08-23,2019-08-30\n ZC-1 ,旗教育局,2019-09-23,2019-09-30\n" ), )], ("d.csv", 3, "d.csv", 2)),
        ("department compared after normalisation", vec![( "d.csv", format!( "{d_header}\nZC-1,旗 教育局,2019-08-23,2019-08-30\nZC-1,旗教育局\u{3000},2019-09-23,2019-09-30\n" ), )], ("d.csv", 3, "d.csv", 2)),
        ("department compared through an alias from the department table", vec![ ( "a.csv", format!("{d_header}\nZC-1,旗教育局,2019-08-23,2019-08-30\n"), ), ( "b.csv", format!("{d_header}\nZC-1,教体局,2019-09-23,2019-09-30\n"), ), ("z_depts.csv", "部门,别名\n旗教育局,教体局\n".to_owned()), ], ("b.csv", 2, "a.csv", 2)),
    ];
    for (what, files, (path, row, kept_path, kept_row)) in cases {
        let inputs: Vec<InputFile> = files.iter().map(|(p, t)| file(p, t)).collect();
        let imported = import(inputs);
        assert_eq!(imported.data.disclosures.len(), 1, "{what}");
        let kept = &imported.data.disclosures[0];
        assert_eq!(
            kept.formed_on,
            d("2019-08-23"),
            "{what}: the first row is kept"
        );
        let rejected: Vec<(&str, &RowIssue)> = imported
            .report
            .files
            .iter()
            .flat_map(|f| f.issues.iter().map(move |i| (f.path.as_str(), i)))
            .collect();
        assert_eq!(rejected.len(), 1, "{what}: {rejected:?}");
        let (p, issue) = rejected[0];
        assert_eq!(
            (p, issue.row, issue.rejected, issue.column.as_str()),
            (path, row, true, "索引号"),
            "{what}"
        );
        assert_eq!(
            issue.problem,
            Problem::Duplicate {
                path: kept_path.to_owned(),
                row: kept_row
            },
            "{what}"
        );
    }
}

#[test]
fn a_rejected_row_does_not_make_a_later_good_row_a_duplicate() {
    let text = "索引号,发布机构,成文日期,发布日期\nZC-1,旗教育局,2019-02-30,2019-08-30\nZC-1,旗教育局,2019-08-23,2019-08-30\n";
    let imported = import_texts(&[("d.csv", text)]);
    let f = &imported.report.files[0];
    assert_eq!((f.accepted, f.rejected), (1, 1));
    assert_eq!(only_issue(f).problem, Problem::InvalidDate);
    assert_eq!(imported.data.disclosures[0].source.row, 3);
}

#[test]
fn rows_differing_in_kind_department_or_id_or_without_id_are_not_duplicates() {
    let disclosures = "索引号,发布机构,成文日期,发布日期\n\
                       ZC-1,旗教育局,2019-08-23,2019-08-30\n\
                       ZC-1,旗财政局,2019-08-23,2019-08-30\n\
                       ZC-2,旗教育局,2019-08-23,2019-08-30\n\
                       ,旗教育局,2019-08-23,2019-08-30\n\
                       ,旗教育局,2019-08-23,2019-08-30\n";
    let requests = "申请编号,受理机关,收到申请日期\nZC-1,旗教育局,2019-08-23\n";
    let messages = "编号,办理单位,留言时间\nZC-1,旗教育局,2019-08-23\n";
    let imported = import_texts(&[
        ("d.csv", disclosures),
        ("r.csv", requests),
        ("m.csv", messages),
    ]);
    assert_eq!(imported.report.rejected(), 0, "{:?}", imported.report.files);
    assert_eq!(
        (
            imported.data.disclosures.len(),
            imported.data.requests.len(),
            imported.data.messages.len()
        ),
        (5, 1, 1)
    );
}

#[test]
fn an_unreadable_file_is_one_error_naming_it_and_the_others_still_load() {
    let good = "发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n";
    let random: Vec<u8> = (0u32..2048)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    // (what, file)
    #[rustfmt::skip]
    let cases = [
        ("random bytes named .xlsx", InputFile::new("坏文件.xlsx", random.clone())),
        ("random bytes named .xls", InputFile::new("old.xls", random.clone())),
        ("a CSV with no recognisable header", file("notes.csv", "这是一份说明\n没有表头\n1,2,3\n")),
        ("an empty file", file("empty.csv", "")),
        ("JSON that is not an array of objects", file("x.json", r#"{"发布机构":"旗教育局"}"#)),
        ("JSON whose keys name no kind", file("y.json", r#"[{"a":1}]"#)),
    ];
    for (what, bad) in cases {
        let path = bad.path.clone();
        let imported = import(vec![bad, file("good.csv", good)]);
        let errors = &imported.report.errors;
        assert_eq!(errors.len(), 1, "{what}: {errors:?}");
        assert_eq!(errors[0].path, path, "{what}");
        assert!(
            errors[0].to_string().contains(&path),
            "{what}: {}",
            errors[0]
        );
        assert!(!errors[0].message(Lang::En).is_empty(), "{what}");
        // And in Chinese, for the page: Chinese words, not the English ones.
        let zh = errors[0].message(Lang::Zh);
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && zh != errors[0].message(Lang::En),
            "{what}: {zh}"
        );
        assert_eq!(imported.report.files.len(), 1, "{what}");
        assert_eq!(imported.report.files[0].path, "good.csv", "{what}");
        assert_eq!(imported.data.disclosures.len(), 1, "{what}");
    }
}

#[test]
fn among_many_unique_ids_exactly_the_planted_duplicates_are_rejected() {
    // The importer skips the duplicate check for ids that occur once; with
    // 60,000 ids some share a filter bit by chance and take the exact
    // check, the planted ones must all be caught, and nothing else.
    let header = "索引号,发布机构,成文日期,发布日期\n";
    let mut a = String::from(header);
    let mut b = String::from(header);
    for i in 0..30_000 {
        a.push_str(&format!("A-{i},旗教育局,2019-08-23,2019-08-30\n"));
        b.push_str(&format!("B-{i},旗教育局,2019-08-23,2019-08-30\n"));
    }
    // (row in b.csv, id written, the kept row's file and row)
    let planted = [
        (30_002, "A-17".to_owned(), ("a.csv", 19)),
        (30_003, "Ａ－２９９９９".to_owned(), ("a.csv", 30_001)),
        (30_004, " B-5 ".to_owned(), ("b.csv", 7)),
        (30_005, "B-29999".to_owned(), ("b.csv", 30_001)),
        (30_006, "B-29999".to_owned(), ("b.csv", 30_001)),
    ];
    for (_, id, _) in &planted {
        b.push_str(&format!("{id},旗教育局,2019-09-23,2019-09-30\n"));
    }
    // The same ids under another department are not duplicates.
    b.push_str("A-17,旗财政局,2019-09-23,2019-09-30\n");
    let imported = import_texts(&[("a.csv", &a), ("b.csv", &b)]);
    assert_eq!(imported.data.disclosures.len(), 60_001);
    let issues: Vec<(&str, u32, Problem)> = imported
        .report
        .files
        .iter()
        .flat_map(|f| {
            f.issues
                .iter()
                .map(move |i| (f.path.as_str(), i.row, i.problem.clone()))
        })
        .collect();
    let expected: Vec<(&str, u32, Problem)> = planted
        .iter()
        .map(|(row, _, (path, kept))| {
            (
                "b.csv",
                *row,
                Problem::Duplicate {
                    path: (*path).to_owned(),
                    row: *kept,
                },
            )
        })
        .collect();
    assert_eq!(issues, expected);
}

/// A huge bad cell is quoted by its first 200 characters and its length,
/// not copied whole into every message (docs/ROBUSTNESS.md).
#[test]
fn a_huge_bad_value_is_quoted_short_with_its_length() {
    let huge = "9".repeat(300_000);
    let text = format!(
        "发布机构,成文日期,发布日期\n旗教育局,2019-08-23,{huge}\n旗教育局,2019-08-23,2019-08-30\n"
    );
    let imported = import_texts(&[("d.csv", &text)]);
    let f = &imported.report.files[0];
    assert_eq!((f.accepted, f.rejected), (1, 1));
    let issue = only_issue(f);
    assert!(issue.value.starts_with(&"9".repeat(200)));
    assert!(issue.value.chars().count() < 260, "{}", issue.value.len());
    assert!(issue.value.contains("300000 characters"), "{}", issue.value);
    assert!(issue.to_string().len() < 500);
}
