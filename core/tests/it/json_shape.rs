//! RULES §6: the JSON document of `export::scorecard_json`: its keys and
//! their order (window, weight, departments, import), every one of the 9
//! indicator keys present (null when not applicable), unscored departments
//! last with nulls, value types, a reviewed snapshot of a small county, and
//! determinism whatever order the files are given in.

use openness_core::export::scorecard_json;
use openness_core::import::{Importer, InputFile, Limits, import};
use serde_json::Value;

use crate::support::{file, score_default, y2019};

const INDICATORS: [&str; 9] = [
    "disclosure_timeliness",
    "interpretation_coverage",
    "interpretation_sync",
    "interpretation_forms",
    "opinion_response",
    "message_response",
    "request_timeliness",
    "enforcement_timeliness",
    "platform_freshness",
];

/// A small county: a department table with a group and aliases, every
/// kind of table, a personal-data column, a rejected row, a vetoed
/// department and an unscored one.
fn county() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "部门名单.csv",
            "部门,分组,别名\n旗教育局,旗直部门,教育局、教体局\n乌兰镇,,\n旗档案局,旗直部门,\n",
        ),
        (
            "主动公开.csv",
            "鄂托克前旗2019年主动公开目录\n\
             索引号,标题,发布机构,成文日期,发布日期,主题分类\n\
             ZC-1,关于印发《办法》的通知,教育局,2019-09-20,2019-10-23,规范性文件\n\
             ZC-2,工作动态,旗教育局,2019-09-20,2019-10-24,工作动态\n\
             ZC-3,乡村振兴,乌兰镇,2019-01-31,2019-03-05,工作动态\n\
             ,合计,,\n",
        ),
        (
            "政策解读.csv",
            "标题,发布机构,关联文件索引号,发布日期,解读形式\n《办法》图解,旗教育局,ZC-1,2019-10-25,图解\n",
        ),
        (
            "依申请.csv",
            "申请编号,申请人姓名,联系电话,受理机关,收到申请日期,是否延期,答复日期\n\
             YSQ-1,张三,13800138000,教体局,2019-09-20,是,2019-11-20\n",
        ),
        (
            "留言.csv",
            "编号,办理单位,留言时间,答复时间\nLY-1,乌兰镇,2019-06-03,\nLY-2,乌兰镇,2019-09-20,2019-09-27\n",
        ),
        (
            "舆情.csv",
            "舆情编号,涉事部门,发现时间,事件等级,首次回应时间\nYQ-1,乌兰镇,2019-09-20 10:00,重大,2019-09-20 15:00\n",
        ),
        (
            "执法.csv",
            "决定书文号,执法机关,作出决定日期,执法类别,公示日期\nZF-1,旗教育局,2024-04-30,行政许可,2019-09-30\n",
        ),
        (
            "栏目.csv",
            "主办单位,栏目名称,栏目类型,最近更新\n旗教育局,教育动态,工作动态,2019-12-20\n旗教育局,通知公告,通知公告,2019-05-01\n",
        ),
    ]
}

fn county_json(files: &[(&str, &str)]) -> Value {
    let imported = import(
        files
            .iter()
            .map(|(p, t)| file(p, t))
            .collect::<Vec<InputFile>>(),
    );
    let card = score_default(&imported, y2019());
    scorecard_json(&card, &imported.report)
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn top_level_keys_are_window_weight_departments_import_in_order() {
    let doc = county_json(&county());
    assert_eq!(keys(&doc), ["window", "weight", "departments", "import"]);
    assert_eq!(keys(&doc["window"]), ["from", "to", "as_of"]);
    assert_eq!(
        doc["window"],
        serde_json::json!({"from": "2019-01-01", "to": "2019-12-31", "as_of": "2019-12-31"})
    );
    assert_eq!(keys(&doc["weight"]), ["weight_pct", "total_points"]);
    assert!(doc["weight"]["weight_pct"].is_f64() && doc["weight"]["total_points"].is_f64());
    assert_eq!(doc["weight"]["weight_pct"], 4.0);
    assert_eq!(doc["weight"]["total_points"], 100.0);
    assert_eq!(keys(&doc["import"]), ["files"]);
}

#[test]
fn every_department_has_the_spec_keys_and_all_nine_indicators() {
    let doc = county_json(&county());
    let departments = doc["departments"]
        .as_array()
        .expect("departments is an array");
    assert_eq!(departments.len(), 3);
    for d in departments {
        assert_eq!(
            keys(d),
            [
                "dept",
                "group",
                "score",
                "grade",
                "rank",
                "group_rank",
                "contribution",
                "vetoes",
                "indicators"
            ],
            "{}",
            d["dept"]
        );
        assert_eq!(keys(&d["indicators"]), INDICATORS, "{}", d["dept"]);
        assert!(d["vetoes"].is_array());
        for key in INDICATORS {
            let ind = &d["indicators"][key];
            if ind.is_null() {
                continue;
            }
            assert_eq!(
                keys(ind),
                ["points", "earned", "passed", "counted", "pending"],
                "{key}"
            );
            assert!(
                ind["points"].is_f64() && ind["earned"].is_f64() && ind["passed"].is_f64(),
                "{key}: {ind}"
            );
            assert!(
                ind["counted"].is_u64() && ind["pending"].is_u64(),
                "{key}: {ind}"
            );
        }
    }
}

#[test]
fn departments_are_by_rank_then_name_with_unscored_last_and_null() {
    let doc = county_json(&county());
    let d = doc["departments"].as_array().expect("array");
    let listed: Vec<(&str, &Value, &Value)> = d
        .iter()
        .map(|x| (x["dept"].as_str().expect("dept"), &x["score"], &x["rank"]))
        .collect();
    // 旗教育局: disclosure 1/2 (10 of 20), coverage 1/1 (10), sync 0.5 (2.5
    // of 5), forms 1/1 (5), request 1/1 (15), freshness 1/2 (7.5 of 15);
    // its enforcement of 2024 is outside the window: 50 of 70 = 71.43.
    // 乌兰镇: disclosure 20, opinion 10, messages 1/2 (5 of 10): 35 of 40 =
    // 87.5, vetoed to 59 by LY-1. 旗档案局 has no record: unscored.
    assert_eq!(
        listed,
        [
            ("旗教育局", &Value::from(71.43), &Value::from(1)),
            ("乌兰镇", &Value::from(59.0), &Value::from(2)),
            ("旗档案局", &Value::Null, &Value::Null),
        ]
    );
    let unscored = &d[2];
    for key in ["score", "grade", "rank", "group_rank", "contribution"] {
        assert!(unscored[key].is_null(), "{key}: {unscored}");
    }
    assert!(
        INDICATORS
            .iter()
            .all(|k| unscored["indicators"][k].is_null())
    );
    assert_eq!(d[0]["grade"], "合格");
    assert_eq!(d[1]["vetoes"], serde_json::json!(["message"]));
    assert_eq!(d[1]["group"], "镇（苏木）");
    assert_eq!(d[0]["indicators"]["interpretation_sync"]["passed"], 0.5);
    assert!(d[0]["indicators"]["opinion_response"].is_null());
    assert!(d[0]["indicators"]["enforcement_timeliness"].is_null());
}

#[test]
fn import_files_report_kind_encoding_counts_and_dropped_columns_in_order() {
    let doc = county_json(&county());
    let files = doc["import"]["files"].as_array().expect("array");
    for f in files {
        assert_eq!(
            keys(f),
            [
                "path",
                "kind",
                "encoding",
                "rows",
                "accepted",
                "rejected",
                "warnings",
                "dropped_columns"
            ]
        );
    }
    let request = files
        .iter()
        .find(|f| f["kind"] == "request")
        .expect("request file");
    assert_eq!(
        request["dropped_columns"],
        serde_json::json!(["申请人姓名", "联系电话"])
    );
    let disclosure = files
        .iter()
        .find(|f| f["kind"] == "disclosure")
        .expect("disclosure file");
    assert_eq!(
        (
            &disclosure["rows"],
            &disclosure["accepted"],
            &disclosure["rejected"],
            &disclosure["encoding"]
        ),
        (
            &Value::from(4),
            &Value::from(3),
            &Value::from(1),
            &Value::from("UTF-8")
        )
    );
}

#[test]
fn an_unreadable_file_adds_import_errors_without_changing_the_other_keys() {
    let mut files = county();
    files.push(("坏.csv", "没有表头\n"));
    let doc = county_json(&files);
    assert_eq!(keys(&doc), ["window", "weight", "departments", "import"]);
    assert_eq!(doc["import"]["errors"][0]["path"], "坏.csv");
}

#[test]
fn county_scorecard_json_snapshot() {
    let doc = county_json(&county());
    let pretty = serde_json::to_string_pretty(&doc).expect("serialises");
    insta::assert_snapshot!(pretty);
}

#[test]
fn the_same_files_in_any_order_give_identical_json() {
    let files = county();
    let expected = serde_json::to_string(&county_json(&files)).expect("serialises");
    let n = files.len();
    // Reversed, rotated, and interleaved orders.
    let mut orders: Vec<Vec<usize>> = vec![(0..n).rev().collect()];
    for k in 1..n {
        orders.push((0..n).map(|i| (i + k) % n).collect());
    }
    orders.push((0..n).step_by(2).chain((1..n).step_by(2)).collect());
    for order in orders {
        let shuffled: Vec<(&str, &str)> = order.iter().map(|&i| files[i]).collect();
        let got = serde_json::to_string(&county_json(&shuffled)).expect("serialises");
        assert_eq!(got, expected, "order {order:?}");
    }
}

#[test]
fn an_import_done_a_few_rows_at_a_time_gives_identical_json() {
    let files = county();
    let expected = serde_json::to_string(&county_json(&files)).expect("serialises");
    for slice in [1, 2, 3, 7, 50] {
        let mut stepper = Importer::new(
            files.iter().map(|(p, t)| file(p, t)).collect(),
            &Limits::default(),
        );
        let mut last = 0.0;
        while !stepper.step(slice) {
            let now = stepper.progress().fraction();
            assert!((last..=1.0).contains(&now), "progress {last} → {now}");
            last = now;
        }
        assert_eq!(stepper.progress().fraction(), 1.0);
        let imported = stepper.finish();
        let card = score_default(&imported, y2019());
        let got =
            serde_json::to_string(&scorecard_json(&card, &imported.report)).expect("serialises");
        assert_eq!(got, expected, "slices of {slice} rows");
    }
}
