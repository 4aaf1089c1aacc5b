//! End-to-end tests of the `openness` binary on the embedded sample county
//! (data/sample) and on small broken inputs: output shapes, exit codes, and
//! a snapshot of the sample ranking that guards every scoring rule at once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// `openness annual` (RULES §7).
#[path = "cli/annual.rs"]
mod annual;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn openness(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_openness"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the openness binary runs")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

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

#[test]
fn sample_json_lists_every_department_with_all_nine_indicator_keys() {
    let out = openness(&["score", "data/sample", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    let keys: Vec<&str> = doc
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["window", "weight", "departments", "import"]);
    assert_eq!(doc["window"]["from"], "2019-01-01");
    assert_eq!(doc["window"]["to"], "2019-12-31");
    assert_eq!(doc["window"]["as_of"], "2019-12-31");
    assert_eq!(doc["weight"]["weight_pct"], 4.0);
    let departments = doc["departments"].as_array().expect("array");
    // 4 towns, 30 county departments and one department found only in the data.
    assert_eq!(departments.len(), 35);
    for d in departments {
        let ind = d["indicators"].as_object().expect("indicators");
        let names: Vec<&str> = ind.keys().map(String::as_str).collect();
        assert_eq!(names, INDICATORS, "{}", d["dept"]);
        let dept_keys: Vec<&str> = d
            .as_object()
            .expect("dept")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            dept_keys,
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
            ]
        );
    }
    let files = doc["import"]["files"].as_array().expect("files");
    assert_eq!(files.len(), 10);
    let request = files
        .iter()
        .find(|f| f["kind"] == "request")
        .expect("request file");
    assert_eq!(request["encoding"], "GB18030");
    assert_eq!(
        request["dropped_columns"],
        serde_json::json!(["申请人姓名", "联系电话"])
    );
    let message = files
        .iter()
        .find(|f| f["kind"] == "message")
        .expect("message file");
    assert_eq!(message["encoding"], "UTF-16LE");
}

#[test]
fn sample_unscored_department_comes_last_with_nulls() {
    let doc = json(&openness(&["score", "data/sample", "--format", "json"]));
    let last = doc["departments"]
        .as_array()
        .and_then(|d| d.last())
        .expect("a department");
    assert_eq!(last["dept"], "旗科学技术局");
    for key in ["score", "grade", "rank", "group_rank", "contribution"] {
        assert!(last[key].is_null(), "{key}");
    }
}

#[test]
fn sample_vetoes_cap_at_59_and_tie() {
    let doc = json(&openness(&["score", "data/sample", "--format", "json"]));
    let find = |name: &str| {
        doc["departments"]
            .as_array()
            .and_then(|d| d.iter().find(|x| x["dept"] == name))
            .cloned()
            .expect("department present")
    };
    let energy = find("旗能源局");
    assert_eq!(energy["vetoes"], serde_json::json!(["columns"]));
    assert_eq!(energy["score"], 59.0);
    let town = find("昂素镇");
    assert_eq!(town["vetoes"], serde_json::json!(["message"]));
    assert_eq!(energy["rank"], town["rank"], "equal scores share a rank");
}

#[test]
fn sample_ranking_snapshot() {
    let out = openness(&["score", "data/sample"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn csv_output_has_a_row_per_department() {
    let out = openness(&["score", "data/sample", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with('\u{feff}'), "BOM for Excel");
    assert_eq!(text.lines().count(), 36);
    // One language, plain numbers: each indicator its own column of points.
    let header = text.lines().next().unwrap_or_default();
    assert_eq!(
        header,
        "\u{feff}排名,组内排名,部门,分组,得分,等级,折算分（权重4%）,单项否决,主动公开及时率（20分）,政策解读率（10分）,解读同步率（5分）,多样化解读（5分）,舆情回应及时率（10分）,留言按时答复率（10分）,依申请按期答复率（15分）,执法公示及时率（10分）,栏目更新率（15分）"
    );
    let doc = json(&openness(&["score", "data/sample", "--format", "json"]));
    let first: Vec<&str> = text.lines().nth(1).unwrap_or_default().split(',').collect();
    let top = &doc["departments"][0];
    assert_eq!(first[0], top["rank"].to_string());
    assert_eq!(first[2], top["dept"].as_str().unwrap_or_default());
    assert_eq!(first[4].parse::<f64>().ok(), top["score"].as_f64());
    assert_eq!(first[6].parse::<f64>().ok(), top["contribution"].as_f64());
    let earned = top["indicators"]["disclosure_timeliness"]["earned"]
        .as_f64()
        .unwrap_or_default();
    assert_eq!(first[8], format!("{earned:.2}"));
    let english = openness(&["score", "data/sample", "--format", "csv", "--lang", "en"]);
    let english = String::from_utf8(english.stdout).expect("utf-8");
    assert!(
        english.starts_with("\u{feff}Rank,Group rank,Department,Group,Score,Grade,Contribution (4% weight),Vetoes,Disclosure timeliness (20 pts)"),
        "{english:.300}"
    );
    assert!(english.contains(",Excellent,"), "grades in English");
}

#[test]
fn an_unreadable_input_exits_2_but_the_rest_is_scored() {
    let out = openness(&[
        "score",
        "data/sample",
        "no/such/file.csv",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no/such/file.csv"), "{stderr}");
    assert_eq!(json(&out)["departments"].as_array().map(Vec::len), Some(35));
}

#[test]
fn a_file_without_a_header_is_one_named_error() {
    let dir = std::env::temp_dir().join(format!("openness-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("notes.csv");
    std::fs::write(&bad, "just,some,words\n1,2,3\n").expect("write");
    let out = openness(&[
        "score",
        bad.to_str().expect("utf-8 path"),
        "data/sample",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out);
    let errors = doc["import"]["errors"].as_array().expect("errors listed");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("Hint"))
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_file_over_the_size_limit_is_named_and_never_read() {
    let dir = std::env::temp_dir().join(format!("openness-cli-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let big = dir.join("year-export.csv");
    // A sparse 5 GiB file: no disk is used, and reading it would take
    // minutes and 5 GiB of memory, so a prompt answer shows it was not read.
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(5 << 30))
        .expect("sparse file");
    let out = openness(&[
        "score",
        big.to_str().expect("utf-8 path"),
        "data/sample",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out);
    let errors = doc["import"]["errors"].as_array().expect("errors listed");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("5 GB") && message.contains("4 GB"),
        "{message}"
    );
    assert!(
        errors[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("year-export.csv"))
    );
    assert_eq!(doc["departments"].as_array().map(Vec::len), Some(35));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(openness(&["score"]).status.code(), Some(2));
    assert_eq!(
        openness(&["score", "--from", "2019-02-30", "data/sample"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        openness(&["score", "--format", "xml", "data/sample"])
            .status
            .code(),
        Some(2)
    );
    let reversed = openness(&[
        "score",
        "--from",
        "2019-12-01",
        "--to",
        "2019-01-01",
        "data/sample",
    ]);
    assert_eq!(reversed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&reversed.stderr).contains("after it ends"));
}

#[test]
fn window_options_are_honoured() {
    let doc = json(&openness(&[
        "score",
        "--from",
        "2019-07-01",
        "--to",
        "2019-09-30",
        "--as-of",
        "2019-10-15",
        "data/sample",
        "--format",
        "json",
    ]));
    assert_eq!(
        doc["window"],
        serde_json::json!({"from": "2019-07-01", "to": "2019-09-30", "as_of": "2019-10-15"})
    );
}

#[test]
fn a_rules_file_below_4_percent_warns_and_changes_the_contribution() {
    let dir = std::env::temp_dir().join(format!("openness-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let rules = dir.join("rules.toml");
    std::fs::write(&rules, "weight_pct = 3.0\n").expect("write");
    let out = openness(&[
        "score",
        "--rules",
        rules.to_str().expect("path"),
        "data/sample",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("4%"));
    let doc = json(&out);
    assert_eq!(doc["weight"]["weight_pct"], 3.0);
    let first = &doc["departments"][0];
    let score = first["score"].as_f64().expect("score");
    let expected = ((score * 100.0 * 3.0 / 10_000.0) * 100.0 + 0.5).floor() / 100.0;
    assert_eq!(first["contribution"].as_f64(), Some(expected));
    std::fs::write(&rules, "weight_pc = 3.0\n").expect("write");
    let bad = openness(&[
        "score",
        "--rules",
        rules.to_str().expect("path"),
        "data/sample",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("weight_pc"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn check_lists_rejections_with_row_column_and_value() {
    let out = openness(&["check", "data/sample"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("row 126: rejected: 成文日期 \"2019-02-30\" is not a valid date"),
        "{text}"
    );
    assert!(text.contains("申请人姓名、联系电话"));
}

#[test]
fn selfcheck_lists_a_departments_failing_records() {
    let out = openness(&[
        "selfcheck",
        "data/sample",
        "--dept",
        "旗能源局",
        "--format",
        "csv",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.lines().count() > 6);
    assert!(text.lines().skip(1).all(|l| l.starts_with("旗能源局,")));
    assert!(text.contains("栏目更新率"));
    assert!(
        text.starts_with("\u{feff}部门,指标,编号,标题/名称,来源文件,行号,起算,截止,完成,超期工作日,超期小时,说明\r\n"),
        "{text:.200}"
    );
    // Dates are ISO dates, not date-times at midnight.
    assert!(!text.contains(" 00:00"), "{text}");
    let unknown = openness(&["selfcheck", "data/sample", "--dept", "不存在局"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn xlsx_output_is_a_workbook_written_with_out() {
    let refused = openness(&["score", "data/sample", "--format", "xlsx"]);
    assert_eq!(refused.status.code(), Some(2), "a workbook needs --out");
    let dir = std::env::temp_dir().join(format!("openness-cli-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("排名.xlsx");
    let out = openness(&[
        "score",
        "data/sample",
        "--format",
        "xlsx",
        "--out",
        path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "the workbook went to the file");
    let bytes = std::fs::read(&path).expect("the workbook");
    assert_eq!(&bytes[..2], b"PK", "a zip archive");
    std::fs::remove_dir_all(dir).ok();
}
