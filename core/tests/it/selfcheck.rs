//! RULES §5: every point lost is traceable. `selfcheck::findings` lists each
//! failing record with its id/title, file and row, clock start, deadline,
//! completion and working days late (or overdue / no interpretation /
//! stale since); records that lost nothing are not listed; the CSV export
//! neutralises formula-like cells.

use openness_core::date::DateTime;
use openness_core::export::findings_csv;
use openness_core::import::Import;
use openness_core::rules::Rules;
use openness_core::score::{Indicator, Scorecard, Status, score};
use openness_core::selfcheck::{Finding, findings};
use openness_core::sheet::Lang;

use crate::support::{import_clean, scored, y2019};

fn all_findings(imported: &Import, card: &Scorecard) -> Vec<Finding> {
    findings(imported, &Rules::default(), y2019(), card, None)
}

/// The one finding of a clean file scored for 2019.
#[track_caller]
fn the_finding(path: &str, text: &str) -> Finding {
    let (imported, card) = scored(&[(path, text)], y2019());
    let mut f = all_findings(&imported, &card);
    assert_eq!(f.len(), 1, "{f:?}");
    f.remove(0)
}

fn shown(t: Option<DateTime>) -> Option<String> {
    t.as_ref().map(ToString::to_string)
}

#[test]
fn a_late_item_shows_start_deadline_done_and_working_days_late() {
    // Deadline over 春节 2019 is 03-05; published 03-07: 2 working days late.
    let text = "索引号,标题,发布机构,成文日期,发布日期\n\
                ZC-1,按时,旗教育局,2019-01-31,2019-03-05\n\
                ZC-2,迟发,旗教育局,2019-01-31,2019-03-07\n";
    let f = [the_finding("d.csv", text)];
    let f = &f[0];
    assert_eq!(
        (
            f.dept.as_str(),
            f.indicator,
            f.file.as_str(),
            f.row,
            f.id.as_deref(),
            f.title.as_deref(),
            f.status
        ),
        (
            "旗教育局",
            Indicator::DisclosureTimeliness,
            "d.csv",
            3,
            Some("ZC-2"),
            Some("迟发"),
            Status::Late
        )
    );
    assert_eq!(
        (
            shown(f.start),
            shown(f.deadline),
            shown(f.done),
            f.late_workdays
        ),
        (
            Some("2019-01-31 00:00".to_owned()),
            Some("2019-03-05 00:00".to_owned()),
            Some("2019-03-07 00:00".to_owned()),
            Some(2)
        )
    );
    assert!(f.reason_zh.contains('2'), "{}", f.reason_zh);
}

#[test]
fn an_overdue_message_that_vetoes_says_so() {
    // Deadline: 5 working days after Mon 06-03 over 端午 (06-07) is 06-11.
    let text = "编号,办理单位,留言时间,答复时间\nM-1,旗信访局,2019-06-03,\n";
    let f = [the_finding("m.csv", text)];
    assert_eq!(
        (f[0].status, f[0].done, f[0].late_workdays, f[0].vetoes),
        (Status::Overdue, None, None, true)
    );
    assert_eq!(shown(f[0].deadline).as_deref(), Some("2019-06-11 00:00"));
    assert!(!f[0].reason_zh.is_empty() && !f[0].reason_en.is_empty());
}

#[test]
fn the_veto_reason_names_the_months_of_the_rules() {
    // Received 10-08, unanswered at 12-31: under three months, over two.
    let text = "编号,办理单位,留言时间,答复时间\nM-1,旗信访局,2019-10-08,\n";
    let imported = import_clean(&[("m.csv", text)]);
    let mut rules = Rules::default();
    let card = score(&imported.data, &rules, y2019());
    let f = findings(&imported, &rules, y2019(), &card, None);
    assert!(!f[0].vetoes && !f[0].reason_zh.contains("个月"), "{f:?}");
    rules.vetoes.message_months = 2;
    let card = score(&imported.data, &rules, y2019());
    let f = findings(&imported, &rules, y2019(), &card, None);
    assert!(f[0].vetoes, "{f:?}");
    assert_eq!(f[0].reason_zh, "逾期未完成；超过2个月未答复（单项否决）");
    assert_eq!(
        f[0].reason_en,
        "overdue; unanswered 2 months after receipt (veto)"
    );
}

#[test]
fn a_late_opinion_response_shows_hours_late() {
    let text = "舆情编号,涉事部门,发现时间,事件等级,首次回应时间\nO-1,旗应急局,2019-09-20 10:00,重大,2019-09-20 16:30\n";
    let f = [the_finding("o.csv", text)];
    assert_eq!(f[0].late_hours, Some(1.5));
    assert_eq!(shown(f[0].deadline).as_deref(), Some("2019-09-20 15:00"));
}

#[test]
fn stale_columns_and_uninterpreted_documents_are_listed() {
    let columns = "主办单位,栏目名称,栏目类型,最近更新\n旗教育局,工作动态,动态,2019-11-01\n旗教育局,通知公告,通知,\n旗教育局,政策文件,文件,2019-12-01\n";
    let docs = "索引号,标题,发布机构,成文日期,发布日期,主题分类\nP-1,办法,旗教育局,2019-06-05,2019-06-05,规范性文件\n";
    let (imported, card) = scored(&[("c.csv", columns), ("d.csv", docs)], y2019());
    let f = all_findings(&imported, &card);
    let got: Vec<(Indicator, Option<&str>, u32)> = f
        .iter()
        .map(|x| (x.indicator, x.title.as_deref(), x.row))
        .collect();
    assert_eq!(
        got,
        [
            (Indicator::InterpretationCoverage, Some("办法"), 2),
            (Indicator::InterpretationSync, Some("办法"), 2),
            (Indicator::PlatformFreshness, Some("工作动态"), 2),
            (Indicator::PlatformFreshness, Some("通知公告"), 3),
        ]
    );
    assert!(f[2].reason_en.contains("2019-11-01"), "{}", f[2].reason_en);
}

#[test]
fn every_lost_point_has_a_finding_and_nothing_else_does() {
    // Mixed outcomes for two departments: for every rate indicator, the
    // number of findings is counted − passed, and pending items have none.
    let disclosures = "索引号,发布机构,成文日期,发布日期\nD1,甲局,2019-09-20,2019-10-23\nD2,甲局,2019-09-20,2019-10-24\nD3,乙局,2019-12-20,2019-12-20\nD4,乙局,2019-12-20,2020-01-02\n";
    let messages = "编号,办理单位,留言时间,答复时间\nM1,甲局,2019-12-20,\nM2,甲局,2019-12-27,\nM3,乙局,2019-09-20,2019-09-29\nM4,乙局,2019-09-20,2019-09-27\n";
    let requests = "申请编号,受理机关,收到申请日期,是否延期,答复日期\nR1,甲局,2019-09-20,是,2019-11-20\nR2,乙局,2019-09-20,否,2019-11-20\n";
    let enforcements = "决定书文号,执法机关,作出决定日期,执法类别,公示日期\nE1,甲局,2019-09-20,行政处罚,2019-10-08\nE2,乙局,2019-09-20,行政检查,2019-10-08\n";
    let (imported, card) = scored(
        &[
            ("d.csv", disclosures),
            ("m.csv", messages),
            ("r.csv", requests),
            ("e.csv", enforcements),
        ],
        y2019(),
    );
    let listed_all = all_findings(&imported, &card);
    let mut checked = 0;
    for department in &card.departments {
        for ind in [
            Indicator::DisclosureTimeliness,
            Indicator::MessageResponse,
            Indicator::RequestTimeliness,
            Indicator::EnforcementTimeliness,
        ] {
            let Some(tally) = department.indicators[ind.index()] else {
                continue;
            };
            let listed = listed_all
                .iter()
                .filter(|finding| finding.dept == department.dept && finding.indicator == ind)
                .count();
            assert_eq!(
                listed as f64,
                f64::from(tally.counted) - tally.passed,
                "{} {}",
                department.dept,
                ind.key()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 8);
    // Only one department's list when asked for one.
    let jia = imported.data.departments.get("甲局").expect("甲局");
    let only = findings(&imported, &Rules::default(), y2019(), &card, Some(jia));
    assert!(!only.is_empty() && only.iter().all(|finding| finding.dept == "甲局"));
}

#[test]
fn the_findings_csv_neutralises_formula_cells() {
    let text = "索引号,标题,发布机构,成文日期,发布日期\n\
                =1+1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",旗教育局,2019-09-20,2019-10-24\n\
                +86,-1,旗教育局,2019-09-20,2019-10-24\n\
                @SUM(A1),正常,旗教育局,2019-09-20,2019-10-24\n";
    let (imported, card) = scored(&[("d.csv", text)], y2019());
    let csv = findings_csv(&all_findings(&imported, &card), y2019(), Lang::Zh);
    assert!(csv.contains("'=1+1"), "{csv}");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    for cell in ["'+86", "'-1", "'@SUM(A1)"] {
        assert!(csv.contains(cell), "{cell} in {csv}");
    }
    assert!(!csv.contains(",=1+1"), "{csv}");
    assert!(
        !csv.lines()
            .any(|l| l.split(',').any(|c| c.starts_with('='))),
        "{csv}"
    );
}
