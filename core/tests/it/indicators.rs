//! RULES §3: each indicator's pass/fail edge. A completion exactly on the
//! deadline passes and one working day (or one minute, or one day of
//! freshness) later fails, on the official calendar of RULES §2: 春节 2019
//! (2019-02-04..10 off, Sat 02-02 and Sun 02-03 working), 国庆 2019 (Sun
//! 09-29 and Sat 10-12 working), 端午 2019 (06-07 off), 劳动节 2019 and 2024
//! (Sun 2019-04-28, 05-05; Sat 2024-05-11 working). Expected dates were
//! counted by hand from `data/cn-holidays.csv`, not by the code under test.

use openness_core::rules::Rules;
use openness_core::score::{Indicator, score};

use crate::support::{
    Verdict, assert_close, assert_verdict, import_clean, indicator, one_table, scored, window,
    y2019, year,
};

const DISCLOSURE: &str = "索引号,标题,发布机构,成文日期,发布日期";

#[test]
fn disclosure_is_on_time_on_the_20th_working_day_and_late_on_the_next() {
    // (what, 成文日期, 发布日期, verdict)
    #[rustfmt::skip]
    let cases = [
        ("RULES §2 example over 国庆 and two 调休 days", "2019-09-20", "2019-10-23", Verdict::Pass),
        ("one working day after the RULES §2 example", "2019-09-20", "2019-10-24", Verdict::Fail),
        ("RULES §2 example over 春节 2020", "2020-01-20", "2020-02-25", Verdict::Pass),
        ("one working day after, 2020", "2020-01-20", "2020-02-26", Verdict::Fail),
        ("RULES §2 example over 春节 2026", "2026-02-09", "2026-03-13", Verdict::Pass),
        ("next working day after a Friday deadline, 2026", "2026-02-09", "2026-03-16", Verdict::Fail),
        ("over 春节 2019 with Sat 02-02 and Sun 02-03 working", "2019-01-31", "2019-03-05", Verdict::Pass),
        ("one working day after, 春节 2019", "2019-01-31", "2019-03-06", Verdict::Fail),
        ("published on the day it was formed", "2019-05-06", "2019-05-06", Verdict::Pass),
        ("published before it was formed (typo-like, still on time)", "2019-05-06", "2019-05-01", Verdict::Pass),
    ];
    for (what, formed, published, verdict) in cases {
        let row = format!("D1,通知,旗教育局,{formed},{published}");
        let w = year(formed[..4].parse().expect("year"));
        let got = one_table(DISCLOSURE, &[&row], w, Indicator::DisclosureTimeliness);
        assert_verdict(got, verdict, what);
    }
}

const MESSAGE: &str = "编号,办理单位,留言时间,答复时间";

#[test]
fn message_reply_is_on_time_within_5_working_days() {
    // (what, 留言时间, 答复时间, verdict)
    #[rustfmt::skip]
    let cases = [
        ("5th working day", "2019-09-20", "2019-09-27", Verdict::Pass),
        ("the 调休 Sunday 09-29 is the 6th working day", "2019-09-20", "2019-09-29", Verdict::Fail),
        ("over 春节 2019: Sat 02-02 and Sun 02-03 count", "2019-01-30", "2019-02-11", Verdict::Pass),
        ("one working day after, 春节 2019", "2019-01-30", "2019-02-12", Verdict::Fail),
        ("over 劳动节 2019 with Sun 04-28 and Sun 05-05 working", "2019-04-26", "2019-05-06", Verdict::Pass),
        ("one working day after, 劳动节 2019", "2019-04-26", "2019-05-07", Verdict::Fail),
        ("a time of day uses its date part", "2019-09-20 23:59", "2019-09-27 23:59", Verdict::Pass),
    ];
    for (what, received, replied, verdict) in cases {
        let row = format!("M1,旗信访局,{received},{replied}");
        assert_verdict(
            one_table(MESSAGE, &[&row], y2019(), Indicator::MessageResponse),
            verdict,
            what,
        );
    }
}

const REQUEST: &str = "申请编号,受理机关,收到申请日期,收到补正日期,是否延期,不计入工作日,答复日期";

#[test]
fn request_deadline_counts_from_correction_adds_extension_and_excluded_days() {
    // (what, 收到申请日期, 收到补正日期, 是否延期, 不计入工作日, 答复日期, verdict)
    #[rustfmt::skip]
    let cases = [
        ("20 working days", "2019-09-20", "", "", "", "2019-10-23", Verdict::Pass),
        ("one working day late", "2019-09-20", "", "", "", "2019-10-24", Verdict::Fail),
        ("extended = 否 changes nothing", "2019-09-20", "", "否", "", "2019-10-24", Verdict::Fail),
        ("补正 restarts the clock", "2019-09-20", "2019-09-27", "", "", "2019-10-30", Verdict::Pass),
        ("补正: one working day late", "2019-09-20", "2019-09-27", "", "", "2019-10-31", Verdict::Fail),
        ("extended: +20 working days", "2019-09-20", "", "是", "", "2019-11-20", Verdict::Pass),
        ("extended: one working day late", "2019-09-20", "", "是", "", "2019-11-21", Verdict::Fail),
        ("extended written Y", "2019-09-20", "", "Y", "", "2019-11-20", Verdict::Pass),
        ("extended written √", "2019-09-20", "", "√", "", "2019-11-20", Verdict::Pass),
        ("3 excluded working days", "2019-09-20", "", "", "3", "2019-10-28", Verdict::Pass),
        ("3 excluded: one working day late", "2019-09-20", "", "", "3", "2019-10-29", Verdict::Fail),
        ("补正 + extension + 3 excluded = 43", "2019-09-20", "2019-09-27", "是", "3", "2019-12-02", Verdict::Pass),
        ("补正 + extension + 3 excluded: late", "2019-09-20", "2019-09-27", "是", "3", "2019-12-03", Verdict::Fail),
    ];
    for (what, received, corrected, extended, excluded, replied, verdict) in cases {
        let row = format!("R1,旗政府办,{received},{corrected},{extended},{excluded},{replied}");
        assert_verdict(
            one_table(REQUEST, &[&row], y2019(), Indicator::RequestTimeliness),
            verdict,
            what,
        );
    }
}

const ENFORCEMENT: &str = "决定书文号,执法机关,作出决定日期,执法类别,公示日期";

#[test]
fn enforcement_licences_and_penalties_get_7_working_days_others_20() {
    // (what, 作出决定日期, 执法类别, 公示日期, verdict)
    #[rustfmt::skip]
    let cases = [
        ("许可: RULES §2 example over 劳动节 2024 and Sat 05-11", "2024-04-30", "行政许可", "2024-05-13", Verdict::Pass),
        ("许可: one working day late", "2024-04-30", "行政许可", "2024-05-14", Verdict::Fail),
        ("处罚: 7th working day is Mon 09-30", "2019-09-20", "行政处罚", "2019-09-30", Verdict::Pass),
        ("处罚: next working day is after 国庆", "2019-09-20", "行政处罚", "2019-10-08", Verdict::Fail),
        ("许可: deadline on the 调休 Sunday 2019-02-03", "2019-01-25", "行政许可", "2019-02-03", Verdict::Pass),
        ("许可: published on a 春节 holiday is late", "2019-01-25", "行政许可", "2019-02-04", Verdict::Fail),
        ("other kind: 20 working days", "2019-09-20", "行政检查", "2019-10-23", Verdict::Pass),
        ("other kind: one working day late", "2019-09-20", "行政检查", "2019-10-24", Verdict::Fail),
        ("other kind is not held to 7 days", "2019-09-20", "行政强制", "2019-10-08", Verdict::Pass),
    ];
    for (what, decided, kind, published, verdict) in cases {
        let row = format!("E1,旗市场监管局,{decided},{kind},{published}");
        let w = year(decided[..4].parse().expect("year"));
        assert_verdict(
            one_table(ENFORCEMENT, &[&row], w, Indicator::EnforcementTimeliness),
            verdict,
            what,
        );
    }
}

const OPINION: &str = "舆情编号,涉事部门,发现时间,事件等级,首次回应时间";

#[test]
fn opinion_response_is_5_hours_for_major_events_and_48_otherwise_to_the_minute() {
    // (what, 发现时间, 事件等级, 首次回应时间, verdict)
    #[rustfmt::skip]
    let cases = [
        ("重大: exactly 5 hours", "2019-09-20 10:00", "重大", "2019-09-20 15:00", Verdict::Pass),
        ("重大: 5 hours and a minute", "2019-09-20 10:00", "重大", "2019-09-20 15:01", Verdict::Fail),
        ("重大: 5 hours and a second", "2019-09-20 10:00", "重大", "2019-09-20 15:00:01", Verdict::Fail),
        ("特别重大 contains 重大", "2019-09-20 10:00", "特别重大", "2019-09-20 15:00", Verdict::Pass),
        ("特别重大: a minute late", "2019-09-20 10:00", "特别重大", "2019-09-20 15:01", Verdict::Fail),
        ("重大 across midnight", "2019-09-20 22:30", "重大", "2019-09-21 03:30", Verdict::Pass),
        ("重大 across midnight: a minute late", "2019-09-20 22:30", "重大", "2019-09-21 03:31", Verdict::Fail),
        ("一般: exactly 48 hours (calendar hours, over a weekend)", "2019-09-20 10:00", "一般", "2019-09-22 10:00", Verdict::Pass),
        ("一般: 48 hours and a minute", "2019-09-20 10:00", "一般", "2019-09-22 10:01", Verdict::Fail),
        ("一般 is not held to 5 hours", "2019-09-20 10:00", "一般", "2019-09-20 15:01", Verdict::Pass),
        ("a date alone means 00:00", "2019-09-20", "较大", "2019-09-22", Verdict::Pass),
        ("a date alone means 00:00: a minute late", "2019-09-20", "较大", "2019-09-22 00:01", Verdict::Fail),
    ];
    for (what, found, level, responded, verdict) in cases {
        let row = format!("O1,旗应急局,{found},{level},{responded}");
        assert_verdict(
            one_table(OPINION, &[&row], y2019(), Indicator::OpinionResponse),
            verdict,
            what,
        );
    }
}

const POLICY: &str = "索引号,标题,发布机构,成文日期,发布日期,主题分类";
const INTERPRETATION: &str = "标题,发布机构,关联文件索引号,发布日期,解读形式";

#[test]
fn interpretation_coverage_and_sync_credit_1_half_or_0() {
    // (what, document 成文日期, 发布日期, interpretation dates, as_of,
    //  coverage verdict, sync verdict). Grace for a document of Wed
    //  2019-06-05 ends Tue 06-11 (端午 06-07 is off).
    #[rustfmt::skip]
    let cases: [(&str, &str, &str, &[&str], &str, Verdict, Verdict); 9] = [
        ("same day (三同步)", "2019-06-05", "2019-06-05", &["2019-06-05"], "2019-12-31", Verdict::Pass, Verdict::Pass),
        ("before the document", "2019-06-05", "2019-06-05", &["2019-06-01"], "2019-12-31", Verdict::Pass, Verdict::Pass),
        ("3rd working day after, over 端午", "2019-06-05", "2019-06-05", &["2019-06-11"], "2019-12-31", Verdict::Pass, Verdict::Half),
        ("1st working day after", "2019-06-05", "2019-06-05", &["2019-06-06"], "2019-12-31", Verdict::Pass, Verdict::Half),
        ("4th working day after", "2019-06-05", "2019-06-05", &["2019-06-12"], "2019-12-31", Verdict::Pass, Verdict::Fail),
        ("no interpretation", "2019-06-05", "2019-06-05", &[], "2019-12-31", Verdict::Fail, Verdict::Fail),
        ("the earliest of several counts", "2019-06-05", "2019-06-05", &["2019-07-01", "2019-06-05"], "2019-12-31", Verdict::Pass, Verdict::Pass),
        ("published after as_of is ignored even within grace", "2019-12-30", "2019-12-30", &["2020-01-02"], "2019-12-31", Verdict::Fail, Verdict::Fail),
        ("dated before the window still covers", "2018-12-20", "2019-01-10", &["2018-12-28"], "2019-12-31", Verdict::Pass, Verdict::Pass),
    ];
    for (what, formed, published, interpretations, as_of, coverage, sync) in cases {
        let doc = format!("{POLICY}\nP-1,办法,旗教育局,{formed},{published},规范性文件\n");
        let mut interp = format!("{INTERPRETATION}\n");
        for date in interpretations {
            interp.push_str(&format!("解读,旗教育局,P-1,{date},文字\n"));
        }
        let (_, card) = scored(
            &[("a_docs.csv", &doc), ("b_interpretations.csv", &interp)],
            window("2019-01-01", "2019-12-31", as_of),
        );
        assert_verdict(
            indicator(&card, "旗教育局", Indicator::InterpretationCoverage),
            coverage,
            &format!("coverage: {what}"),
        );
        assert_verdict(
            indicator(&card, "旗教育局", Indicator::InterpretationSync),
            sync,
            &format!("sync: {what}"),
        );
    }
}

#[test]
fn interpretation_sync_passed_sums_half_credits_and_earned_follows() {
    // Three documents: interpreted the same day (1), 3 working days later
    // (0.5), never (0): passed 1.5 of 3, earned 5 × 1.5 / 3 = 2.5.
    let docs = format!(
        "{POLICY}\nP-1,甲,旗教育局,2019-06-05,2019-06-05,规范性文件\n\
         P-2,乙,旗教育局,2019-06-05,2019-06-05,规范性文件\n\
         P-3,丙,旗教育局,2019-06-05,2019-06-05,规范性文件\n"
    );
    let interp = format!(
        "{INTERPRETATION}\n解读,旗教育局,P-1,2019-06-05,文字\n解读,旗教育局,P-2,2019-06-11,文字\n"
    );
    let (_, card) = scored(&[("docs.csv", &docs), ("interp.csv", &interp)], y2019());
    let sync = indicator(&card, "旗教育局", Indicator::InterpretationSync).expect("applicable");
    assert_eq!(sync.counted, 3);
    assert_close(sync.passed, 1.5, "passed");
    assert_close(sync.earned, 2.5, "earned");
    let coverage =
        indicator(&card, "旗教育局", Indicator::InterpretationCoverage).expect("applicable");
    assert_close(coverage.passed, 2.0, "coverage passed");
    assert_close(coverage.earned, 10.0 * 2.0 / 3.0, "coverage earned");
}

#[test]
fn a_policy_document_is_covered_by_any_department_and_counts_for_its_drafter() {
    // 谁起草谁解读: the document counts for 旗教育局 even though 旗政府办
    // published the interpretation; the interpretation's form counts for
    // 旗政府办. Ids are compared after NFKC and trimming.
    let docs = format!("{POLICY}\nＰ-１,办法,旗教育局,2019-06-05,2019-06-05,规范性文件\n");
    let interp = format!("{INTERPRETATION}\n解读, 旗政府办 , P-1 ,2019-06-05,图解\n");
    let (_, card) = scored(&[("docs.csv", &docs), ("interp.csv", &interp)], y2019());
    assert_verdict(
        indicator(&card, "旗教育局", Indicator::InterpretationCoverage),
        Verdict::Pass,
        "coverage of the drafter",
    );
    assert!(indicator(&card, "旗教育局", Indicator::InterpretationForms).is_none());
    assert!(indicator(&card, "旗政府办", Indicator::InterpretationCoverage).is_none());
    assert_verdict(
        indicator(&card, "旗政府办", Indicator::InterpretationForms),
        Verdict::Pass,
        "forms of the interpreter",
    );
}

#[test]
fn a_policy_document_is_needs_interpretation_yes_else_a_policy_category() {
    // (what, 主题分类, 是否需解读, is a policy document)
    #[rustfmt::skip]
    let cases = [
        ("needs = 是", "工作动态", "是", true),
        ("needs = yes, any case", "通知", "YES", true),
        ("needs = 否 overrides a policy category", "规范性文件", "否", false),
        ("empty needs, category 规范性文件", "其他规范性文件", "", true),
        ("empty needs, category 规章", "政府规章", "", true),
        ("empty needs, category 政策文件", "政策文件", "", true),
        ("empty needs, other category", "工作动态", "", false),
        ("empty needs, empty category", "", "", false),
    ];
    for (what, category, needs, policy) in cases {
        let text = format!(
            "索引号,发布机构,成文日期,发布日期,主题分类,是否需解读\nP-1,旗教育局,2019-06-05,2019-06-05,{category},{needs}\n"
        );
        let (_, card) = scored(&[("docs.csv", &text)], y2019());
        let coverage = indicator(&card, "旗教育局", Indicator::InterpretationCoverage);
        assert_eq!(coverage.is_some(), policy, "{what}");
        if policy {
            assert_verdict(coverage, Verdict::Fail, what);
        }
    }
    // Without the 是否需解读 column at all, the category decides.
    let text = format!("{POLICY}\nP-1,办法,旗教育局,2019-06-05,2019-06-05,规范性文件\n");
    let (_, card) = scored(&[("docs.csv", &text)], y2019());
    assert!(indicator(&card, "旗教育局", Indicator::InterpretationCoverage).is_some());
}

#[test]
fn interpretation_forms_earn_points_times_share_over_30_percent_capped_at_1() {
    // (rich, plain, passed, earned = 5 × min(1, share / 0.30))
    #[rustfmt::skip]
    let cases = [
        (1, 9, 1.0, 5.0 * (0.1 / 0.3)),
        (3, 7, 3.0, 5.0),
        (1, 1, 1.0, 5.0),
        (2, 8, 2.0, 5.0 * (0.2 / 0.3)),
        (0, 4, 0.0, 0.0),
        (4, 0, 4.0, 5.0),
    ];
    for (rich, plain, passed, earned) in cases {
        let mut text = format!("{INTERPRETATION}\n");
        for i in 0..rich {
            text.push_str(&format!("解读{i},旗教育局,P-{i},2019-06-05,视频解读\n"));
        }
        for i in 0..plain {
            text.push_str(&format!("解读{i},旗教育局,Q-{i},2019-06-05,文字解读\n"));
        }
        let (_, card) = scored(&[("interp.csv", &text)], y2019());
        let what = format!("{rich} rich of {}", rich + plain);
        let forms =
            indicator(&card, "旗教育局", Indicator::InterpretationForms).expect("applicable");
        assert_eq!(forms.counted, rich + plain, "{what}");
        assert_close(forms.passed, passed, &what);
        assert_close(forms.earned, earned, &what);
    }
}

#[test]
fn every_rich_form_word_passes_and_plain_or_empty_forms_fail() {
    #[rustfmt::skip]
    let cases = [
        ("政策图解", Verdict::Pass),
        ("图片解读", Verdict::Pass),
        ("音频", Verdict::Pass),
        ("视频", Verdict::Pass),
        ("动漫", Verdict::Pass),
        ("卡通", Verdict::Pass),
        ("问答", Verdict::Pass),
        ("新闻发布会", Verdict::Pass),
        ("在线访谈", Verdict::Pass),
        ("文字解读", Verdict::Fail),
        ("", Verdict::Fail),
    ];
    for (form, verdict) in cases {
        let row = format!("解读,旗教育局,P-1,2019-06-05,{form}");
        assert_verdict(
            one_table(
                INTERPRETATION,
                &[&row],
                y2019(),
                Indicator::InterpretationForms,
            ),
            verdict,
            &format!("form {form:?}"),
        );
    }
}

#[test]
fn interpretation_forms_count_interpretations_published_in_the_window_only() {
    let text = format!(
        "{INTERPRETATION}\n解读,旗教育局,P-1,2018-12-31,文字\n解读,旗教育局,P-2,2019-01-01,视频\n解读,旗教育局,P-3,2020-01-01,文字\n"
    );
    let (_, card) = scored(&[("interp.csv", &text)], y2019());
    assert_verdict(
        indicator(&card, "旗教育局", Indicator::InterpretationForms),
        Verdict::Pass,
        "only the 2019 interpretation is counted",
    );
}

const COLUMN: &str = "主办单位,栏目名称,栏目类型,最近更新";

#[test]
fn platform_freshness_is_14_days_for_news_and_6_calendar_months_otherwise() {
    // (what, 栏目类型, 最近更新, as_of, verdict)
    #[rustfmt::skip]
    let cases = [
        ("动态: exactly 14 days", "工作动态", "2019-12-17", "2019-12-31", Verdict::Pass),
        ("动态: 15 days", "工作动态", "2019-12-16", "2019-12-31", Verdict::Fail),
        ("要闻: exactly 14 days", "要闻", "2019-12-17", "2019-12-31", Verdict::Pass),
        ("要闻: 15 days", "要闻", "2019-12-16", "2019-12-31", Verdict::Fail),
        ("other: exactly 6 months (12-31 − 6 = 06-30)", "通知公告", "2019-06-30", "2019-12-31", Verdict::Pass),
        ("other: a day more", "通知公告", "2019-06-29", "2019-12-31", Verdict::Fail),
        ("other: 6 months clamp (08-31 − 6 = 02-28)", "政策文件", "2019-02-28", "2019-08-31", Verdict::Pass),
        ("other: clamped, a day more", "政策文件", "2019-02-27", "2019-08-31", Verdict::Fail),
        ("other kinds are not held to 14 days", "通知公告", "2019-12-01", "2019-12-31", Verdict::Pass),
        ("empty 最近更新 is never fresh", "通知公告", "", "2019-12-31", Verdict::Fail),
        ("judged at as_of, not at to", "工作动态", "2019-12-17", "2019-12-17", Verdict::Pass),
    ];
    for (what, kind, updated, as_of, verdict) in cases {
        let row = format!("旗教育局,栏目,{kind},{updated}");
        assert_verdict(
            one_table(
                COLUMN,
                &[&row],
                window("2019-01-01", "2019-12-31", as_of),
                Indicator::PlatformFreshness,
            ),
            verdict,
            what,
        );
    }
}

#[test]
fn a_rate_indicator_earns_points_times_passes_over_counted() {
    // 3 of 4 disclosures on time: 20 × 3 / 4 = 15.
    let text = format!(
        "{DISCLOSURE}\nD1,a,旗教育局,2019-09-20,2019-10-23\nD2,b,旗教育局,2019-09-20,2019-10-23\n\
         D3,c,旗教育局,2019-09-20,2019-10-23\nD4,d,旗教育局,2019-09-20,2019-10-24\n"
    );
    let (_, card) = scored(&[("d.csv", &text)], y2019());
    let s = indicator(&card, "旗教育局", Indicator::DisclosureTimeliness).expect("applicable");
    assert_eq!((s.counted, s.pending), (4, 0));
    assert_close(s.points, 20.0, "points");
    assert_close(s.passed, 3.0, "passed");
    assert_close(s.earned, 15.0, "earned");
    assert_close(card.departments[0].score.expect("scored"), 75.0, "score");
}

#[test]
fn local_days_from_the_rules_file_move_working_day_deadlines() {
    // 2019-09-20 + 20 working days is 10-23; with a local day off on 10-15
    // it is 10-24, and with Sat 10-19 also worked it is 10-23 again.
    let text = format!("{DISCLOSURE}\nD1,通知,旗教育局,2019-09-20,2019-10-24\n");
    let imported = import_clean(&[("d.csv", &text)]);
    // (rules, verdict)
    #[rustfmt::skip]
    let cases = [
        ("", Verdict::Fail),
        ("[calendar]\noff_days = [\"2019-10-15\"]\n", Verdict::Pass),
        ("[calendar]\noff_days = [\"2019-10-15\"]\nwork_days = [\"2019-10-19\"]\n", Verdict::Fail),
    ];
    for (toml, verdict) in cases {
        let rules = Rules::try_from_toml(toml).expect("rules load").rules;
        let card = score(&imported.data, &rules, y2019());
        assert_verdict(
            card.departments[0].indicators[Indicator::DisclosureTimeliness.index()],
            verdict,
            toml,
        );
    }
}

#[test]
fn each_timeliness_indicator_names_its_own_deadlines() {
    use openness_core::lang::Lang;
    let mut rules = Rules::default();
    let days = |i: Indicator, rules: &Rules| -> Vec<u32> {
        i.deadlines(rules, Lang::Zh)
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    };
    assert_eq!(days(Indicator::DisclosureTimeliness, &rules), [20]);
    assert_eq!(days(Indicator::MessageResponse, &rules), [5]);
    assert_eq!(days(Indicator::RequestTimeliness, &rules), [20, 40]);
    assert_eq!(days(Indicator::EnforcementTimeliness, &rules), [7, 20]);
    assert_eq!(
        Indicator::EnforcementTimeliness.deadlines(&rules, Lang::Zh)[0].1,
        "许可、处罚"
    );
    // Opinions are judged in hours: no working-day deadline to draw.
    assert!(days(Indicator::OpinionResponse, &rules).is_empty());
    rules.indicators.enforcement_timeliness.fast_workdays = 5;
    rules.indicators.message_response.deadline_workdays = 3;
    assert_eq!(days(Indicator::EnforcementTimeliness, &rules), [5, 20]);
    assert_eq!(days(Indicator::MessageResponse, &rules), [3]);
}
