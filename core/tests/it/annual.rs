//! RULES §7: the 年报 tables on a hand-computed ledger, row by row and
//! check by check; the findings; the form's round trip.

use openness_core::annual::table3::{ROWS, TOTAL_COLUMN};
use openness_core::annual::{COUNTY, Problem, Rule, annual, annual_layouts, compare_workbook};
use openness_core::xlsx::layout_workbook;

use crate::support::import_texts;

/// Property tests on generated ledgers.
mod properties;

const DISCLOSURES: &str = "dept,formed_on,published_on,category,repealed_on,id
旗教育局,2025-02-01,2025-02-03,规范性文件,,D1
旗教育局,2023-05-01,2023-05-04,规范性文件,2025-06-30,D2
旗教育局,2022-01-01,2022-01-05,行政规范性文件,2026-03-01,D3
旗教育局,2024-01-01,2024-01-03,政府规章,,D4
旗教育局,2026-01-05,2026-01-06,规范性文件,,D5
旗教育局,2025-03-03,2025-03-04,通知公告,,D6
";

const ENFORCEMENTS: &str = "dept,decided_on,kind,id
旗教育局,2025-03-01,行政许可,E1
旗教育局,2025-04-01,行政处罚,E2
旗教育局,2025-05-01,行政强制措施,E3
旗教育局,2024-12-31,行政处罚,E4
旗教育局,2025-06-01,行政检查,E5
";

const FEES: &str = "收费单位,收费日期,收费金额（万元）
旗教育局,2025-03-01,1.5
旗教育局,,2.25
旗教育局,2024-12-01,9
";

const REVIEWS: &str = "案号,被申请机关,案件类型,收案日期,审理结果,审结日期
R1,旗教育局,行政复议,2025-02-01,维持,2025-03-20
R2,旗教育局,行政复议,2025-03-01,撤销,2025-04-20
R3,旗教育局,行政诉讼,2025-04-01,驳回诉讼请求,2026-01-10
R4,旗教育局,行政诉讼（复议后起诉）,2025-05-01,调解撤诉,2025-08-01
R5,旗教育局,信访,2025-06-01,维持,2025-07-01
R6,旗教育局,行政复议,2024-06-01,维持,2024-07-01
";

const REQUESTS: &str = "申请编号,部门,收到申请日期,答复日期,办理结果,申请人类型
Q1,旗教育局,2025-03-01,2025-03-10,予以公开,自然人
Q2,旗教育局,2025-04-01,2025-04-20,不予公开：1.属于国家秘密,商业企业
Q3,旗教育局,2024-12-20,2025-01-10,部分公开,律所
Q4,旗教育局,2024-12-22,,,公民
Q5,旗教育局,2025-12-28,2026-01-05,予以公开,科研机构
Q6,旗教育局,2024-11-01,2024-12-01,予以公开,自然人
Q7,旗教育局,2026-01-02,,,自然人
Q8,旗教育局,2025-05-01,2025-05-10,其他处理：3.其他,其他组织
Q9,城川镇,2025-06-01,2025-05-20,信息不存在,
Q10,城川镇,2025-07-01,2025-07-05,不予公开,社会组织
";

fn fixture() -> openness_core::import::Import {
    let imported = import_texts(&[
        ("disclosure.csv", DISCLOSURES),
        ("enforcement.csv", ENFORCEMENTS),
        ("fee.csv", FEES),
        ("review.csv", REVIEWS),
        ("request.csv", REQUESTS),
    ]);
    for f in &imported.report.files {
        assert_eq!(
            (f.rejected, f.warnings),
            (0, 0),
            "{}: {:?}",
            f.path,
            f.issues
        );
    }
    imported
}

fn row(key: &str) -> usize {
    ROWS.iter()
        .position(|r| r.key == key)
        .unwrap_or_else(|| panic!("no row {key}"))
}

#[test]
fn table_2_counts_documents_decisions_and_fees_of_the_year() {
    let tables = annual(&fixture().data, 2025);
    let edu = tables.unit("旗教育局").expect("unit");
    let t2 = edu.table2;
    assert_eq!(
        (t2.rules.made, t2.rules.repealed, t2.rules.in_force),
        (0, 0, 1)
    );
    let n = t2.normative_documents;
    // D1 made; D2 repealed in 2025; D1 and D3 (repealed only in 2026) in force.
    assert_eq!((n.made, n.repealed, n.in_force), (1, 1, 2));
    assert_eq!((t2.licensing, t2.penalty, t2.coercion), (1, 1, 1));
    // 1.5 in 2025, 2.25 undated, 9 of 2024 left out.
    assert_eq!(t2.fees, Some(3_750_000));
    let town = tables.unit("城川镇").expect("unit");
    assert_eq!(town.table2.fees, None, "no fee row: empty, not 0");
    assert_eq!(tables.county.table2.fees, Some(3_750_000));
}

#[test]
fn table_3_places_each_request_by_year_type_and_outcome() {
    let tables = annual(&fixture().data, 2025);
    let edu = tables.unit("旗教育局").expect("unit");
    let t = &edu.table3;
    let expect = [
        ("new", [1, 1, 1, 0, 0, 1, 4]),
        ("carried_in", [1, 0, 0, 0, 1, 0, 2]),
        ("granted", [1, 0, 0, 0, 0, 0, 1]),
        ("partly_granted", [0, 0, 0, 0, 1, 0, 1]),
        ("denied.state_secret", [0, 1, 0, 0, 0, 0, 1]),
        ("other.other", [0, 0, 0, 0, 0, 1, 1]),
        ("total", [1, 1, 0, 0, 1, 1, 4]),
        ("carried_out", [1, 0, 1, 0, 0, 0, 2]),
    ];
    for (key, counts) in expect {
        assert_eq!(t[row(key)], counts, "{key}");
    }
    let listed: usize = expect.len();
    let zero_rows = ROWS.len() - listed;
    assert_eq!(
        t.iter().filter(|r| r.iter().all(|&n| n == 0)).count(),
        zero_rows
    );
    assert!(
        edu.checks().iter().all(openness_core::annual::Check::ok),
        "{:?}",
        edu.checks()
    );
    assert!(
        edu.findings
            .iter()
            .all(|f| f.problem == Problem::ReviewKindUnknown)
    );
}

#[test]
fn unknown_types_and_outcomes_count_in_the_totals_only_and_fail_visibly() {
    let imported = fixture();
    let tables = annual(&imported.data, 2025);
    let town = tables.unit("城川镇").expect("unit");
    let t = &town.table3;
    assert_eq!(t[row("new")], [0, 0, 0, 1, 0, 0, 2]);
    assert_eq!(t[row("unable.not_held")], [0, 0, 0, 0, 0, 0, 1]);
    assert_eq!(t[row("total")], [0, 0, 0, 1, 0, 0, 2]);
    let failed: Vec<(Rule, &str, u64, u64)> = town
        .checks()
        .iter()
        .filter(|c| !c.ok())
        .map(|c| (c.rule, c.line.field().1, c.left, c.right))
        .collect();
    assert_eq!(
        failed,
        [
            (Rule::RowTotal, "new", 2, 1),
            (Rule::RowTotal, "unable.not_held", 1, 0),
            (Rule::RowTotal, "total", 2, 1),
            (Rule::Outcomes, "社会公益组织", 1, 0),
            (Rule::Outcomes, "总计", 2, 1),
        ]
    );
    // The form's own balance holds whatever is unknown.
    assert!(
        town.checks()
            .iter()
            .filter(|c| c.rule == Rule::Balance)
            .all(openness_core::annual::Check::ok)
    );
    let findings: Vec<(u32, &str, Problem, &str)> = town
        .findings
        .iter()
        .map(|f| {
            (
                f.source.row,
                f.id.as_deref().unwrap_or(""),
                f.problem,
                f.value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        [
            (10, "Q9", Problem::TypeUnknown, ""),
            (10, "Q9", Problem::RepliedBeforeReceived, "2025-05-20"),
            (11, "Q10", Problem::OutcomeUnknown, "不予公开"),
        ]
    );
    let path = &imported.report.files[town.findings[0].source.file as usize].path;
    assert_eq!(path, "request.csv");
    assert_eq!(t[row("new")][TOTAL_COLUMN], 2);
}

#[test]
fn table_4_sorts_reviews_by_kind_and_result_at_year_end() {
    let tables = annual(&fixture().data, 2025);
    let edu = tables.unit("旗教育局").expect("unit");
    assert_eq!(
        edu.table4,
        [[1, 1, 0, 0, 2], [0, 0, 0, 1, 1], [0, 0, 1, 0, 1]],
        "R3 concluded in 2026: 尚未审结; R4 调解撤诉: 其他结果; R6 of 2024 left out"
    );
    let unknown: Vec<_> = edu
        .findings
        .iter()
        .map(|f| (f.id.as_deref(), f.problem, f.value.as_str()))
        .collect();
    assert_eq!(unknown, [(Some("R5"), Problem::ReviewKindUnknown, "信访")]);
}

#[test]
fn units_follow_the_department_table_then_names_and_the_county_is_last() {
    let dept_table = "部门,分组\n旗教育局,旗直部门\n旗财政局,旗直部门\n";
    let imported = import_texts(&[
        ("a.csv", REQUESTS),
        ("部门.csv", dept_table),
        ("fee.csv", "收费单位,收费金额（万元）\n旗审计局,1\n"),
    ]);
    let tables = annual(&imported.data, 2025);
    let names: Vec<&str> = tables.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["旗教育局", "旗财政局", "城川镇", "旗审计局"]);
    assert_eq!(tables.county.name, COUNTY);
}

#[test]
fn the_written_form_reads_back_equal_and_an_edited_number_is_named() {
    let data = fixture().data;
    let tables = annual(&data, 2025);
    let book = layout_workbook(&annual_layouts(&tables, None));
    let same = compare_workbook(&tables, &book).expect("readable");
    assert_eq!(same.sheets.len(), 3);
    assert!(same.differences.is_empty(), "{:?}", same.differences);
    // The town's own numbers do not cross-foot: listed as failed checks.
    assert!(
        same.failed_checks
            .iter()
            .all(|(sheet, _)| sheet == "城川镇" || sheet == COUNTY)
    );
    assert!(!same.agrees());

    let mut edited = tables.clone();
    let edu = edited.unit_mut("旗教育局").expect("unit");
    edu.table3[row("granted")][0] += 1;
    edu.table2.fees = Some(3_760_000);
    let book = layout_workbook(&annual_layouts(&edited, Some("旗教育局")));
    let cmp = compare_workbook(&tables, &book).expect("readable");
    assert_eq!(cmp.sheets, ["旗教育局"]);
    let cells: Vec<(&str, &str, &str)> = cmp
        .differences
        .iter()
        .map(|d| (d.cell.as_str(), d.ledger.as_str(), d.filled.as_str()))
        .collect();
    assert_eq!(cells, [("D17", "3.75", "3.76"), ("D25", "1", "2")]);
    assert!(
        cmp.failed_checks
            .iter()
            .any(|(_, c)| c.rule == Rule::RowTotal)
    );
    assert!(
        compare_workbook(&tables, b"not a workbook").is_err(),
        "an unreadable workbook is an error"
    );
}
