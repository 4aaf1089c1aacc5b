//! RULES §4: vetoes after the raw score (a message unanswered 3 calendar
//! months; 5+ stale columns) cap the score at 59; the score is `round2`
//! (half up, after removing float noise); grade, contribution and ranks
//! use the rounded score; ranks share on ties and skip (1, 2, 2, 4) and
//! ties are listed by name; a weight below 4% loads with a warning.

use openness_core::export::scorecard_json;
use openness_core::rules::Rules;
use openness_core::score::{Grade, Veto, round2, score};

use crate::support::{assert_close, dept, import_clean, names, scored, window, y2019};

const DISCLOSURE: &str = "索引号,发布机构,成文日期,发布日期";

/// Disclosure rows for `name`: `passes` on time out of `total`.
fn disclosures(name: &str, passes: usize, total: usize) -> String {
    let mut rows = String::new();
    for i in 0..total {
        let published = if i < passes {
            "2019-10-23"
        } else {
            "2019-10-24"
        };
        rows.push_str(&format!("{name}-{i},{name},2019-09-20,{published}\n"));
    }
    rows
}

fn disclosure_table(depts: &[(&str, usize, usize)]) -> String {
    let mut text = format!("{DISCLOSURE}\n");
    for (name, passes, total) in depts {
        text.push_str(&disclosures(name, *passes, *total));
    }
    text
}

#[test]
fn a_message_unanswered_3_calendar_months_vetoes() {
    // The department also has one on-time disclosure, so its raw score is
    // 100 × 20 / 30 = 66.67 (the message itself is late or overdue).
    // (what, 留言时间, 答复时间, as_of, vetoed)
    #[rustfmt::skip]
    let cases = [
        ("unanswered, 3 months (09-03) before as_of", "2019-06-03", "", "2019-12-31", true),
        ("answered the day after the 3-month date", "2019-06-03", "2019-09-04", "2019-12-31", true),
        ("answered on the 3-month date", "2019-06-03", "2019-09-03", "2019-12-31", false),
        ("unanswered, 3-month date (12-31) = as_of", "2019-10-01", "", "2019-12-31", false),
        ("unanswered, 3-month date (12-30) the day before as_of", "2019-09-30", "", "2019-12-31", true),
        ("answered after as_of counts as unanswered", "2019-06-03", "2020-01-10", "2019-12-31", true),
        ("clamped: 11-30 + 3 months = 2020-02-29, answered then", "2019-11-30", "2020-02-29", "2020-03-31", false),
        ("clamped: answered 2020-03-01", "2019-11-30", "2020-03-01", "2020-03-31", true),
        ("a message outside the window never vetoes", "2018-06-03", "", "2019-12-31", false),
    ];
    for (what, received, replied, as_of, vetoed) in cases {
        let docs = format!("{DISCLOSURE}\nZC-1,旗信访局,2019-09-20,2019-10-23\n");
        let msgs = format!("编号,办理单位,留言时间,答复时间\nM-1,旗信访局,{received},{replied}\n");
        let (_, card) = scored(
            &[("d.csv", &docs), ("m.csv", &msgs)],
            window("2019-01-01", "2019-12-31", as_of),
        );
        let got = dept(&card, "旗信访局");
        if vetoed {
            assert_eq!(got.vetoes, [Veto::Message], "{what}");
            assert_eq!(got.score, Some(59.0), "{what}");
        } else {
            assert!(got.vetoes.is_empty(), "{what}: {:?}", got.vetoes);
            assert_ne!(got.score, Some(59.0), "{what}");
        }
    }
}

#[test]
fn five_or_more_stale_columns_veto() {
    // (stale, fresh, vetoed, score)
    let cases = [
        (4, 10, false, 71.43), // 100 × 10 / 14 = 71.428…
        (5, 10, true, 59.0),   // raw 66.67, capped
        (6, 0, true, 0.0),     // raw 0 stays 0
        (5, 0, true, 0.0),
    ];
    for (stale, fresh, vetoed, expected) in cases {
        let mut text = "主办单位,栏目名称,栏目类型,最近更新\n".to_owned();
        for i in 0..stale {
            text.push_str(&format!("旗教育局,旧栏目{i},通知公告,2019-01-01\n"));
        }
        for i in 0..fresh {
            text.push_str(&format!("旗教育局,新栏目{i},通知公告,2019-12-01\n"));
        }
        let (_, card) = scored(&[("c.csv", &text)], y2019());
        let got = dept(&card, "旗教育局");
        let what = format!("{stale} stale, {fresh} fresh");
        assert_eq!(got.vetoes.contains(&Veto::Columns), vetoed, "{what}");
        assert_eq!(got.score, Some(expected), "{what}");
    }
}

#[test]
fn a_vetoed_score_is_the_raw_score_when_already_below_59() {
    // 1 of 4 disclosures on time (earned 5 of 20) plus an unanswered
    // message (0 of 10): raw 100 × 5 / 30 = 16.67, vetoed but not raised.
    let docs = disclosure_table(&[("旗信访局", 1, 4)]);
    let msgs = "编号,办理单位,留言时间\nM-1,旗信访局,2019-06-03\n";
    let (_, card) = scored(&[("d.csv", &docs), ("m.csv", msgs)], y2019());
    let got = dept(&card, "旗信访局");
    assert_eq!(got.vetoes, [Veto::Message]);
    assert_eq!(got.score, Some(16.67));
    assert_eq!(got.grade, Some(Grade::Fail));
}

#[test]
fn both_vetoes_are_listed_message_then_columns() {
    let docs = disclosure_table(&[("旗教育局", 10, 10)]);
    let msgs = "编号,办理单位,留言时间\nM-1,旗教育局,2019-06-03\n";
    let mut cols = "主办单位,栏目名称,栏目类型,最近更新\n".to_owned();
    for i in 0..5 {
        cols.push_str(&format!("旗教育局,栏目{i},工作动态,\n"));
    }
    // File names put columns first: the order must not depend on them.
    let (imported, card) = scored(
        &[
            ("a_columns.csv", &cols),
            ("b_d.csv", &docs),
            ("c_m.csv", msgs),
        ],
        y2019(),
    );
    let got = dept(&card, "旗教育局");
    assert_eq!(got.vetoes, [Veto::Message, Veto::Columns]);
    assert_eq!(got.score, Some(44.44)); // 100 × 20 / 45, below the cap
    let json = scorecard_json(&card, &imported.report);
    assert_eq!(
        json["departments"][0]["vetoes"],
        serde_json::json!(["message", "columns"])
    );
}

#[test]
fn a_veto_applies_when_the_vetoing_indicator_is_the_only_one() {
    let msgs = "编号,办理单位,留言时间\nM-1,旗信访局,2019-06-03\n";
    let (_, card) = scored(&[("m.csv", msgs)], y2019());
    let got = dept(&card, "旗信访局");
    assert_eq!(
        (got.score, got.vetoes.as_slice(), got.rank),
        (Some(0.0), &[Veto::Message][..], Some(1))
    );
}

#[test]
fn round2_is_half_up_after_removing_float_noise() {
    // (x, round2(x))
    #[rustfmt::skip]
    let cases = [
        (2.675, 2.68),
        (0.125, 0.13),
        (8.125, 8.13),
        (46.874_999_999_999_986, 46.88),
        (71.425, 71.43),
        (87.345, 87.35),
        (1.004_999, 1.0),
        (12.344_999_9, 12.34),
        (0.0, 0.0),
        (59.0, 59.0),
        (100.0, 100.0),
        (66.666_666_666_666_67, 66.67),
        (99.995, 100.0),
    ];
    for (x, expected) in cases {
        assert_eq!(round2(x), expected, "round2({x})");
    }
}

/// RULES §4 defines round2 by its IEEE double formula, which the independent
/// implementation follows too: where `r × 100` lands just below a half
/// (1.005 × 100 = 100.49999999999999) the formula rounds down. This guards
/// the formula against a well-meant "fix" (see docs/RULES.md).
#[test]
fn round2_follows_the_spec_ieee_formula_where_decimal_halves_are_not_exact() {
    let cases = [(1.005, 1.0), (1.015, 1.01), (0.285, 0.28), (1.275, 1.27)];
    for (x, expected) in cases {
        assert_eq!(round2(x), expected, "round2({x})");
    }
}

#[test]
fn a_contribution_of_decimal_x_xx5_follows_the_ieee_formula() {
    let rules = Rules::try_from_toml("weight_pct = 6")
        .expect("rules load")
        .rules;
    let imported = import_clean(&[("d.csv", &disclosure_table(&[("旗教育局", 17, 80)]))]);
    let card = score(&imported.data, &rules, y2019());
    let got = dept(&card, "旗教育局");
    assert_eq!(got.score, Some(21.25));
    // 21.25 × 100 × 6 / 10000 is the double 1.27499999999999991…: RULES §4's
    // round2 gives 1.27.
    assert_eq!(got.contribution, Some(1.27));
}

#[test]
fn a_score_of_exactly_x_xx5_rounds_up() {
    // 13 of 160 on time: 100 × 13 / 160 = 8.125 exactly → 8.13 (a
    // round-half-even or `{:.2}` formatting would give 8.12).
    let (_, card) = scored(
        &[("d.csv", &disclosure_table(&[("旗教育局", 13, 160)]))],
        y2019(),
    );
    let got = dept(&card, "旗教育局");
    assert_eq!(got.score, Some(8.13));
    assert_eq!(got.contribution, Some(0.33)); // round2(8.13 × 0.04 = 0.3252)
}

#[test]
fn a_half_reached_through_float_sums_still_rounds_up() {
    // disclosure 3/7 (20 × 3/7), opinion 7/8 (8.75), message 1/7 (10/7):
    // exactly 100 × 18.75 / 40 = 46.875, but the float sum gives
    // 46.874999999999986; RULES §4's round2 must still give 46.88.
    let docs = disclosure_table(&[("旗教育局", 3, 7)]);
    let mut ops = "舆情编号,涉事部门,发现时间,事件等级,首次回应时间\n".to_owned();
    for i in 0..8 {
        let responded = if i < 7 {
            "2019-09-20 12:00"
        } else {
            "2019-09-23 12:00"
        };
        ops.push_str(&format!(
            "O{i},旗教育局,2019-09-20 10:00,一般,{responded}\n"
        ));
    }
    let mut msgs = "编号,办理单位,留言时间,答复时间\n".to_owned();
    for i in 0..7 {
        let replied = if i < 1 { "2019-09-27" } else { "2019-10-08" };
        msgs.push_str(&format!("M{i},旗教育局,2019-09-20,{replied}\n"));
    }
    let (_, card) = scored(
        &[("d.csv", &docs), ("o.csv", &ops), ("m.csv", &msgs)],
        y2019(),
    );
    let got = dept(&card, "旗教育局");
    assert_eq!(got.score, Some(46.88));
    assert_eq!(got.contribution, Some(1.88)); // round2(46.88 × 0.04 = 1.8752)
    assert_eq!(got.grade, Some(Grade::Fail));
}

#[test]
fn contribution_is_round2_of_score_times_total_points_times_weight_over_10000() {
    // (rules, passes of 8, score, contribution)
    let cases = [
        ("", 1, 12.5, 0.5),
        ("weight_pct = 5", 1, 12.5, 0.63), // 0.625 rounds up
        ("weight_pct = 5", 8, 100.0, 5.0),
        ("weight_pct = 4\ntotal_points = 120", 7, 87.5, 4.2),
        ("", 7, 87.5, 3.5),
    ];
    for (toml, passes, expected_score, contribution) in cases {
        let rules = Rules::try_from_toml(toml).expect("rules load").rules;
        let imported = import_clean(&[("d.csv", &disclosure_table(&[("旗教育局", passes, 8)]))]);
        let card = score(&imported.data, &rules, y2019());
        let got = dept(&card, "旗教育局");
        assert_eq!(
            (got.score, got.contribution),
            (Some(expected_score), Some(contribution)),
            "{toml:?}"
        );
    }
}

#[test]
fn a_weight_below_4_percent_loads_with_a_warning_everywhere_it_is_shown() {
    let loaded = Rules::try_from_toml("weight_pct = 3").expect("a weight below 4 still loads");
    assert!(!loaded.warnings.is_empty());
    let imported = import_clean(&[("d.csv", &disclosure_table(&[("旗教育局", 1, 1)]))]);
    let card = score(&imported.data, &loaded.rules, y2019());
    // A typed warning (the page tells it apart without matching words),
    // in both languages.
    assert_eq!(
        card.warnings,
        [openness_core::score::ScoreWarning::WeightBelowMinimum { weight_pct: 3.0 }]
    );
    assert_eq!(
        card.warnings[0].message(openness_core::lang::Lang::Zh),
        "权重 3% 低于工作要点要求的 4%（分值权重不低于4%）"
    );
    assert_eq!(dept(&card, "旗教育局").contribution, Some(3.0));
    let json = scorecard_json(&card, &imported.report);
    assert_eq!(json["weight"]["weight_pct"], 3.0);
    assert!(
        json["warnings"].as_array().is_some_and(|w| !w.is_empty()),
        "{json}"
    );
    // At 4% there is nothing to warn about.
    let loaded = Rules::try_from_toml("weight_pct = 4").expect("loads");
    assert!(loaded.warnings.is_empty());
    assert!(
        score(&imported.data, &loaded.rules, y2019())
            .warnings
            .is_empty()
    );
}

#[test]
fn grades_follow_the_rounded_score() {
    // (passes of 10, grade)
    #[rustfmt::skip]
    let cases = [
        (10, Grade::Excellent),
        (9, Grade::Excellent),
        (8, Grade::Good),
        (6, Grade::Pass),
        (5, Grade::Fail),
    ];
    for (passes, grade) in cases {
        let (_, card) = scored(
            &[("d.csv", &disclosure_table(&[("旗教育局", passes, 10)]))],
            y2019(),
        );
        assert_eq!(dept(&card, "旗教育局").grade, Some(grade), "{passes} of 10");
    }
    let rules = Rules::default();
    // (score, grade): the thresholds are inclusive.
    for (s, grade) in [
        (90.0, Grade::Excellent),
        (89.99, Grade::Good),
        (80.0, Grade::Good),
        (79.99, Grade::Pass),
        (60.0, Grade::Pass),
        (59.99, Grade::Fail),
    ] {
        assert_eq!(Grade::of(s, &rules), grade, "{s}");
    }
}

#[test]
fn equal_scores_share_a_rank_and_the_next_rank_skips() {
    let docs = disclosure_table(&[
        ("丁局", 7, 10),
        ("丙局", 8, 10),
        ("乙局", 8, 10),
        ("甲局", 9, 10),
    ]);
    let (_, card) = scored(&[("d.csv", &docs)], y2019());
    let ranks = score_and_rank(&card);
    // 丙 U+4E19 < 乙 U+4E59: ties are listed by name in Unicode order.
    assert_eq!(
        ranks,
        [
            ("甲局", Some(90.0), Some(1)),
            ("丙局", Some(80.0), Some(2)),
            ("乙局", Some(80.0), Some(2)),
            ("丁局", Some(70.0), Some(4)),
        ]
    );
}

#[test]
fn group_rank_ranks_within_the_group_with_the_same_tie_rule() {
    let docs = disclosure_table(&[
        ("旗教育局", 9, 10),
        ("甲局", 8, 10),
        ("乙局", 8, 10),
        ("城川镇", 8, 10),
        ("旗财政局", 7, 10),
        ("乌兰镇", 6, 10),
        ("昂素苏木", 9, 10),
    ]);
    let (_, card) = scored(&[("d.csv", &docs)], y2019());
    // Names in Unicode order within each score: 旗 U+65D7 < 昂 U+6602;
    // 乙 U+4E59 < 城 U+57CE < 甲 U+7532.
    let table: Vec<(&str, &str, Option<u32>, Option<u32>)> = card
        .departments
        .iter()
        .map(|got| {
            (
                got.dept.as_str(),
                got.group.as_str(),
                got.rank,
                got.group_rank,
            )
        })
        .collect();
    assert_eq!(
        table,
        [
            ("旗教育局", "旗直部门", Some(1), Some(1)),
            ("昂素苏木", "镇（苏木）", Some(1), Some(1)),
            ("乙局", "旗直部门", Some(3), Some(2)),
            ("城川镇", "镇（苏木）", Some(3), Some(2)),
            ("甲局", "旗直部门", Some(3), Some(2)),
            ("旗财政局", "旗直部门", Some(6), Some(4)),
            ("乌兰镇", "镇（苏木）", Some(7), Some(3)),
        ]
    );
}

#[test]
fn ranks_use_the_capped_score() {
    // Raw 100 and raw 66.67 both vetoed to 59 share rank 1; 50 is rank 3.
    let docs = disclosure_table(&[("甲局", 10, 10), ("乙局", 2, 3), ("丙局", 1, 2)]);
    let mut msgs = "编号,办理单位,留言时间,答复时间\n".to_owned();
    for name in ["甲局", "乙局"] {
        msgs.push_str(&format!("{name}-M,{name},2019-06-03,\n"));
    }
    let reqs = "申请编号,受理机关,收到申请日期,答复日期\nR1,丙局,2019-06-03,2019-06-04\n";
    let (_, card) = scored(
        &[("d.csv", &docs), ("m.csv", &msgs), ("r.csv", reqs)],
        y2019(),
    );
    // 甲: 20 of 30 → 66.67 → 59; 乙: 13.33 of 30 → 44.44 (below the cap);
    // 丙: (10 + 15) of 35 → 71.43.
    let got = score_and_rank(&card);
    assert_eq!(
        got,
        [
            ("丙局", Some(71.43), Some(1)),
            ("甲局", Some(59.0), Some(2)),
            ("乙局", Some(44.44), Some(3))
        ]
    );
    // And two departments capped to the same 59 tie.
    let docs = disclosure_table(&[("甲局", 10, 10), ("乙局", 9, 10)]);
    let (_, card) = scored(&[("d.csv", &docs), ("m.csv", &msgs)], y2019());
    assert_eq!(names(&card), ["乙局", "甲局"]);
    assert!(
        card.departments
            .iter()
            .all(|got| got.score == Some(59.0) && got.rank == Some(1))
    );
    assert_close(
        card.departments[0].raw.expect("raw"),
        100.0 * 18.0 / 30.0,
        "乙局 raw before the cap",
    );
}

#[test]
fn veto_labels_and_grade_floors_follow_the_rules() {
    use openness_core::sheet::Lang;
    let mut rules = Rules::default();
    assert_eq!(Veto::Message.label(&rules, Lang::Zh), "留言超3个月未答复");
    assert_eq!(
        Veto::Columns.label(&rules, Lang::Zh),
        "5个以上栏目未按时更新"
    );
    rules.vetoes.message_months = 2;
    rules.vetoes.stale_columns = 3;
    assert_eq!(Veto::Message.label(&rules, Lang::Zh), "留言超2个月未答复");
    assert_eq!(
        Veto::Columns.label(&rules, Lang::En),
        "3 or more stale columns"
    );
    rules.grades.pass = 70.0;
    assert_eq!(Grade::Pass.floor(&rules), 70.0);
    assert_eq!(Grade::of(65.0, &rules), Grade::Fail);
    assert_eq!(Grade::Fail.name(Lang::En), "Fail");
}

#[test]
fn rates_pool_passes_over_indicators_and_departments() {
    use openness_core::score::Indicator;
    let imported = import_clean(&[(
        "d.csv",
        &disclosure_table(&[("旗教育局", 3, 4), ("旗财政局", 1, 4)]),
    )]);
    let card = score(&imported.data, &Rules::default(), y2019());
    let timely = [Indicator::DisclosureTimeliness];
    assert_eq!(card.rate_pct(&timely), Some(50.0), "4 of 8");
    assert_eq!(dept(&card, "旗教育局").rate_pct(&timely), Some(75.0));
    assert_eq!(
        dept(&card, "旗教育局").rate_pct(&[Indicator::MessageResponse]),
        None
    );
}

/// Each department's name, score and rank, in scorecard order.
fn score_and_rank(card: &openness_core::score::Scorecard) -> Vec<(&str, Option<f64>, Option<u32>)> {
    card.departments
        .iter()
        .map(|d| (d.dept.as_str(), d.score, d.rank))
        .collect()
}
