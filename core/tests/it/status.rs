//! RULES §2 status and window: an item not done whose deadline is before
//! `as_of` is overdue (a failure); one whose deadline is on or after
//! `as_of` is pending and left out of `counted`; a completion after
//! `as_of` counts as not done. Records count when their window date is in
//! `from..=to`. RULES §3: an indicator with nothing counted is not
//! applicable (null) and a department with none applicable is unscored.

use openness_core::rules::Rules;
use openness_core::score::{Indicator, IndicatorScore, Window, WindowError, busiest_year};

use crate::support::{
    d, dept, import_clean, indicator, names, score_default, scored, window, y2019,
};

/// What an indicator holding one on-time companion row plus the row under
/// test should show.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    /// Counted and failed: counted 2, passed 1, pending 0.
    Overdue,
    /// Left out: counted 1, passed 1, pending 1.
    Pending,
}

#[track_caller]
fn assert_outcome(got: Option<IndicatorScore>, outcome: Outcome, what: &str) {
    let s = got.unwrap_or_else(|| panic!("{what}: not applicable"));
    let expected = match outcome {
        Outcome::Overdue => (2, 1.0, 0),
        Outcome::Pending => (1, 1.0, 1),
    };
    assert_eq!(
        (s.counted, s.passed, s.pending),
        expected,
        "{what}: (counted, passed, pending)"
    );
}

/// A table kind's header and an on-time companion row.
/// A table's header, and an on-time row of its department.
type Table = [&'static str; 2];

#[rustfmt::skip]
const MESSAGE: Table = ["编号,办理单位,留言时间,答复时间", "M0,旗信访局,2019-06-03,2019-06-04"];
#[rustfmt::skip]
const DISCLOSURE: Table = ["索引号,发布机构,成文日期,发布日期", "D0,旗教育局,2019-06-03,2019-06-04"];
#[rustfmt::skip]
const REQUEST: Table = ["申请编号,受理机关,收到申请日期,答复日期", "R0,旗政府办,2019-06-03,2019-06-04"];
#[rustfmt::skip]
const ENFORCEMENT: Table = ["决定书文号,执法机关,作出决定日期,执法类别,公示日期", "E0,旗市场监管局,2019-06-03,行政许可,2019-06-04"];
#[rustfmt::skip]
const OPINION: Table = ["舆情编号,涉事部门,发现时间,事件等级,首次回应时间", "O0,旗应急局,2019-06-03 10:00,重大,2019-06-03 11:00"];

#[test]
fn not_done_is_overdue_before_as_of_and_pending_on_or_after_it() {
    use Indicator as I;
    use Outcome::{Overdue, Pending};
    // as_of = 2019-12-31; each table has an on-time companion row first.
    // (what, table, row under test, indicator, outcome)
    #[rustfmt::skip]
    let cases = [
        ("message: deadline 12-27 before as_of", &MESSAGE, "M1,旗信访局,2019-12-20,", I::MessageResponse, Overdue),
        ("message: deadline 12-31 = as_of", &MESSAGE, "M1,旗信访局,2019-12-24,", I::MessageResponse, Pending),
        ("message: deadline 2020-01-06 after as_of", &MESSAGE, "M1,旗信访局,2019-12-27,", I::MessageResponse, Pending),
        ("message: replied after as_of, deadline before it", &MESSAGE, "M1,旗信访局,2019-12-20,2020-01-02", I::MessageResponse, Overdue),
        ("message: replied (on time) after as_of, deadline after it", &MESSAGE, "M1,旗信访局,2019-12-27,2020-01-03", I::MessageResponse, Pending),
        ("disclosure: published after as_of, deadline 2020-01-19", &DISCLOSURE, "D1,旗教育局,2019-12-20,2020-01-10", I::DisclosureTimeliness, Pending),
        ("disclosure: published after as_of, deadline 11-29", &DISCLOSURE, "D1,旗教育局,2019-11-01,2020-01-05", I::DisclosureTimeliness, Overdue),
        ("request: deadline 12-30 before as_of", &REQUEST, "R1,旗政府办,2019-12-02,", I::RequestTimeliness, Overdue),
        ("request: deadline 12-31 = as_of", &REQUEST, "R1,旗政府办,2019-12-03,", I::RequestTimeliness, Pending),
        ("enforcement 许可: deadline 12-30 before as_of", &ENFORCEMENT, "E1,旗市场监管局,2019-12-19,行政许可,", I::EnforcementTimeliness, Overdue),
        ("enforcement 许可: deadline 12-31 = as_of", &ENFORCEMENT, "E1,旗市场监管局,2019-12-20,行政许可,", I::EnforcementTimeliness, Pending),
        ("opinion 一般: deadline 12-30 10:00", &OPINION, "O1,旗应急局,2019-12-28 10:00,一般,", I::OpinionResponse, Overdue),
        ("opinion 一般: deadline 12-31 10:00, date = as_of", &OPINION, "O1,旗应急局,2019-12-29 10:00,一般,", I::OpinionResponse, Pending),
        ("opinion 重大: deadline 12-30 23:00", &OPINION, "O1,旗应急局,2019-12-30 18:00,重大,", I::OpinionResponse, Overdue),
        ("opinion 重大: deadline 12-31 01:00, dates compared", &OPINION, "O1,旗应急局,2019-12-30 20:00,重大,", I::OpinionResponse, Pending),
        ("opinion: responded after as_of is not done", &OPINION, "O1,旗应急局,2019-12-28 10:00,一般,2020-01-01 09:00", I::OpinionResponse, Overdue),
    ];
    for (what, table, row, ind, outcome) in cases {
        let [header, companion] = table;
        let text = format!("{header}\n{companion}\n{row}\n");
        let (_, card) = scored(&[("t.csv", &text)], y2019());
        assert_eq!(card.departments.len(), 1, "{what}");
        assert_outcome(card.departments[0].indicators[ind.index()], outcome, what);
    }
}

#[test]
fn an_on_time_reply_after_as_of_is_not_done_yet() {
    // Received 06-03, replied on time 06-04, but as_of is 06-03: pending.
    let text = "编号,办理单位,留言时间,答复时间\nM0,旗信访局,2019-05-06,2019-05-07\nM1,旗信访局,2019-06-03,2019-06-04\n";
    let (_, card) = scored(
        &[("m.csv", text)],
        window("2019-01-01", "2019-12-31", "2019-06-03"),
    );
    let s = indicator(&card, "旗信访局", Indicator::MessageResponse).expect("applicable");
    assert_eq!((s.counted, s.pending), (1, 1));
}

#[test]
fn records_count_only_when_their_window_date_is_in_from_to_inclusive() {
    // (成文日期, counted in 2019)
    #[rustfmt::skip]
    let cases = [
        ("2018-12-31", false),
        ("2019-01-01", true),
        ("2019-12-31", true),
        ("2020-01-01", false),
    ];
    for (formed, counted) in cases {
        let text = format!(
            "索引号,发布机构,成文日期,发布日期\nD0,旗教育局,2019-06-03,2019-06-04\nD1,旗教育局,{formed},{formed}\n"
        );
        let (_, card) = scored(
            &[("d.csv", &text)],
            window("2019-01-01", "2019-12-31", "2020-12-31"),
        );
        let s = indicator(&card, "旗教育局", Indicator::DisclosureTimeliness).expect("applicable");
        assert_eq!(s.counted, if counted { 2 } else { 1 }, "成文日期 {formed}");
    }
}

#[test]
fn a_policy_document_is_in_the_window_by_its_published_on_not_formed_on() {
    // Formed in 2018, published in 2019: not a 2019 disclosure-timeliness
    // item, but a 2019 policy document for coverage.
    let text = "索引号,发布机构,成文日期,发布日期,主题分类\nP-1,旗教育局,2018-12-20,2019-01-10,规范性文件\n";
    let (_, card) = scored(&[("d.csv", text)], y2019());
    assert!(indicator(&card, "旗教育局", Indicator::DisclosureTimeliness).is_none());
    assert!(indicator(&card, "旗教育局", Indicator::InterpretationCoverage).is_some());
    assert!(indicator(&card, "旗教育局", Indicator::InterpretationSync).is_some());
}

#[test]
fn indicators_with_nothing_counted_are_not_applicable() {
    let text = "编号,办理单位,留言时间,答复时间\nM1,旗信访局,2019-06-03,2019-06-04\n";
    let (_, card) = scored(&[("m.csv", text)], y2019());
    let d = dept(&card, "旗信访局");
    for ind in Indicator::ALL {
        assert_eq!(
            d.indicators[ind.index()].is_some(),
            ind == Indicator::MessageResponse,
            "{}",
            ind.key()
        );
    }
    // Only message_response applies, so the raw score is its rate alone.
    assert_eq!(d.score, Some(100.0));
}

#[test]
fn a_department_with_no_applicable_indicator_is_unscored_and_listed_last() {
    // 旗信访局 has only a pending message; 旗档案局 is only in the department
    // table; 旗农牧局 only has records outside the window. All three are
    // listed, unscored, after the scored departments, by name.
    let depts = "部门,分组\n旗档案局,旗直部门\n";
    let messages = "编号,办理单位,留言时间,答复时间\nM1,旗信访局,2019-12-27,\nM2,旗教育局,2019-06-03,2019-06-04\nM3,旗农牧局,2018-06-03,2018-06-04\n";
    let imported = import_clean(&[("depts.csv", depts), ("m.csv", messages)]);
    let card = score_default(&imported, y2019());
    // Unicode order of the second character: 信 U+4FE1 < 农 U+519C < 档 U+6863.
    assert_eq!(
        names(&card),
        ["旗教育局", "旗信访局", "旗农牧局", "旗档案局"]
    );
    for name in ["旗信访局", "旗档案局", "旗农牧局"] {
        let d = dept(&card, name);
        assert_eq!(
            (d.score, d.grade, d.rank, d.group_rank, d.contribution),
            (None, None, None, None, None),
            "{name}"
        );
        assert!(d.indicators.iter().all(Option::is_none), "{name}");
        assert!(d.vetoes.is_empty(), "{name}");
    }
    let d = dept(&card, "旗教育局");
    assert_eq!((d.score, d.rank), (Some(100.0), Some(1)));
}

#[test]
fn the_default_window_is_the_year_with_the_most_window_dates() {
    // An export taken in January 2020: three 2019 records, two of 2020
    // (one disclosure formed in 2020, one message received in 2020).
    let disclosures = "索引号,发布机构,成文日期,发布日期\nD1,旗教育局,2019-03-01,2019-03-05\nD2,旗教育局,2019-11-20,2019-11-25\nD3,旗教育局,2020-01-06,2020-01-08\n";
    let messages = "编号,办理单位,留言时间,答复时间\nM1,旗教育局,2019-12-30,2020-01-03\nM2,旗教育局,2020-01-07,\n";
    let imported = import_clean(&[("d.csv", disclosures), ("m.csv", messages)]);
    let rules = Rules::default();
    assert_eq!(busiest_year(&imported.data, &rules), Some(2019));
    assert_eq!(
        Window::infer(&imported.data, &rules, None, None, None),
        Ok(window("2019-01-01", "2019-12-31", "2019-12-31"))
    );
    // A tie goes to the later year.
    let tie = "索引号,发布机构,成文日期,发布日期\nD1,旗教育局,2019-03-01,2019-03-05\nD2,旗教育局,2020-01-06,2020-01-08\n";
    let imported = import_clean(&[("d.csv", tie)]);
    assert_eq!(busiest_year(&imported.data, &rules), Some(2020));
    assert_eq!(
        Window::infer(&imported.data, &rules, None, None, None),
        Ok(window("2020-01-01", "2020-12-31", "2020-12-31"))
    );
    // A policy document counts its published_on too: formed in 2019 and
    // published in 2020, beside a 2019 disclosure and a 2020 interpretation,
    // it makes two dates a year (without it 2019 would lead), and the tie
    // goes to 2020.
    let policy = "索引号,发布机构,成文日期,发布日期,是否需解读\nP1,旗教育局,2019-12-20,2020-01-06,是\nD1,旗教育局,2019-03-01,2019-03-05,否\n";
    let interpretation = "关联文件索引号,发布机构,发布日期\nP1,旗教育局,2020-01-08\n";
    let imported = import_clean(&[("p.csv", policy), ("i.csv", interpretation)]);
    assert_eq!(busiest_year(&imported.data, &rules), Some(2020));
}

#[test]
fn the_default_window_is_a_whole_year_judged_at_its_end() {
    let text = "索引号,发布机构,成文日期,发布日期\nD1,旗教育局,2019-03-01,2019-03-05\nD2,旗教育局,2019-08-23,2020-01-10\n";
    let imported = import_clean(&[("d.csv", text)]);
    let rules = Rules::default();
    let infer = |from: Option<&str>, to: Option<&str>, as_of: Option<&str>| {
        Window::infer(&imported.data, &rules, from.map(d), to.map(d), as_of.map(d))
    };
    // (from, to, as_of given) → window
    assert_eq!(
        infer(None, None, None),
        Ok(window("2019-01-01", "2019-12-31", "2019-12-31"))
    );
    assert_eq!(
        infer(None, None, Some("2019-10-31")),
        Ok(window("2019-01-01", "2019-12-31", "2019-10-31"))
    );
    assert_eq!(
        infer(None, Some("2019-06-30"), None),
        Ok(window("2019-01-01", "2019-06-30", "2019-06-30"))
    );
    assert_eq!(
        infer(Some("2019-07-01"), None, None),
        Ok(window("2019-07-01", "2019-12-31", "2019-12-31"))
    );
    assert!(matches!(
        infer(Some("2020-01-01"), Some("2019-12-31"), None),
        Err(WindowError::Reversed { .. })
    ));
    let empty = import_clean(&[]);
    assert_eq!(
        Window::infer(&empty.data, &rules, None, None, None),
        Err(WindowError::NoData)
    );
}

#[test]
fn a_request_is_in_the_window_by_received_on_even_when_corrected_later() {
    // Received 2018-12-28, corrected 2019-01-03: a 2018 request, not counted
    // in 2019 although its clock starts in 2019.
    let text = "申请编号,受理机关,收到申请日期,收到补正日期,答复日期\n\
                R0,旗政府办,2019-06-03,,2019-06-04\n\
                R1,旗政府办,2018-12-28,2019-01-03,2019-03-29\n";
    let (_, card) = scored(&[("r.csv", text)], y2019());
    let s = indicator(&card, "旗政府办", Indicator::RequestTimeliness).expect("applicable");
    assert_eq!((s.counted, s.pending), (1, 0));
}

#[test]
fn the_year_picker_offers_every_year_with_a_window_date_latest_first() {
    use openness_core::period::data_years;
    let text = "索引号,发布机构,成文日期,发布日期\nD1,旗教育局,2017-03-01,2017-03-05\nD2,旗教育局,2019-08-23,2019-08-30\n";
    let interpretations = "关联文件索引号,发布机构,发布日期\nX,旗教育局,2020-01-08\n";
    let imported = import_clean(&[("d.csv", text), ("i.csv", interpretations)]);
    assert_eq!(
        data_years(&imported.data, &Rules::default()),
        [2020, 2019, 2018, 2017]
    );
    assert!(data_years(&import_clean(&[]).data, &Rules::default()).is_empty());
}

#[test]
fn a_window_that_cannot_be_chosen_is_explained_for_the_page_in_both_languages() {
    use openness_core::lang::Lang;
    let empty = import_clean(&[]);
    let err =
        Window::infer(&empty.data, &Rules::default(), None, None, None).expect_err("nothing dated");
    assert!(
        err.to_string().contains("--from"),
        "the CLI names its flags"
    );
    assert!(
        err.message(Lang::Zh).contains("窗口与规则"),
        "{}",
        err.message(Lang::Zh)
    );
    assert!(!err.message(Lang::En).contains("--from"));
}
