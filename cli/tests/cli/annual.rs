//! `openness annual` on the sample county: the 全县 tables (snapshot), the
//! JSON shape of RULES §7, and the XLSX round trip of `--check`.

use serde_json::Value;

use super::openness;

fn sample_json() -> Value {
    let out = openness(&["annual", "data/sample", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

const TABLE3_KEYS: [&str; 25] = [
    "new",
    "carried_in",
    "granted",
    "partly_granted",
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.three_safeties",
    "denied.third_party",
    "denied.internal_affairs",
    "denied.process_info",
    "denied.enforcement_file",
    "denied.query_matter",
    "unable.not_held",
    "unable.needs_creation",
    "unable.still_unclear",
    "not_processed.petition",
    "not_processed.repeated",
    "not_processed.publication",
    "not_processed.mass_repeated",
    "not_processed.confirmation",
    "other.no_correction",
    "other.no_fee",
    "other.other",
    "total",
    "carried_out",
];

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn the_json_has_the_shape_of_rules_section_7() {
    let doc = sample_json();
    assert_eq!(keys(&doc), ["year", "units", "county"]);
    assert_eq!(doc["year"], 2019, "the default year is score's");
    let units = doc["units"].as_array().expect("units");
    assert_eq!(units.len(), 35, "every department of the sample");
    assert_eq!(
        units[0]["dept"], "旗人民政府办公室",
        "the department table's order"
    );
    for unit in units.iter().chain(std::iter::once(&doc["county"])) {
        let t2 = &unit["table2"];
        assert_eq!(
            keys(t2),
            [
                "rules",
                "normative_documents",
                "licensing",
                "penalty",
                "coercion",
                "fees_wan"
            ]
        );
        assert_eq!(keys(&t2["rules"]), ["made", "repealed", "in_force"]);
        assert_eq!(keys(&unit["table3"]), TABLE3_KEYS);
        for (_, row) in unit["table3"].as_object().expect("table3") {
            assert_eq!(row.as_array().expect("a row").len(), 7);
        }
        assert_eq!(
            keys(&unit["table4"]),
            [
                "reconsideration",
                "litigation_direct",
                "litigation_after_reconsideration"
            ]
        );
        for (_, block) in unit["table4"].as_object().expect("table4") {
            assert_eq!(block.as_array().expect("a block").len(), 5);
        }
        let checks = unit["checks"].as_array().expect("checks");
        assert_eq!(checks.len(), 7 + 25 + 7);
        let check_keys = keys(&checks[0]);
        assert_eq!(check_keys, ["rule", "column", "left", "right", "ok"]);
    }
    let unit_keys = keys(&units[0]);
    assert_eq!(
        unit_keys,
        [
            "dept", "group", "table2", "table3", "table4", "checks", "findings"
        ]
    );
    assert_eq!(
        keys(&doc["county"]),
        ["table2", "table3", "table4", "checks"]
    );
    // A unit without a fee ledger has no amount; one with fees has a number.
    let find = |name: &str| {
        units
            .iter()
            .find(|u| u["dept"] == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert!(find("旗教育体育局")["table2"]["fees_wan"].is_null());
    assert!(find("旗公安局")["table2"]["fees_wan"].is_f64());
    // Every finding kind the sample plants, with its file and row.
    let findings: Vec<&Value> = units
        .iter()
        .flat_map(|u| u["findings"].as_array().expect("findings"))
        .collect();
    for problem in [
        "type unknown",
        "outcome unknown",
        "review kind unknown",
        "replied before received",
    ] {
        let f = findings
            .iter()
            .find(|f| f["problem"] == problem)
            .unwrap_or_else(|| panic!("no {problem} finding"));
        assert_eq!(keys(f), ["path", "row", "id", "problem", "value"]);
        assert!(f["row"].as_u64().expect("row") > 1);
    }
}

#[test]
fn the_county_tables_of_the_sample() {
    let doc = sample_json();
    insta::assert_json_snapshot!(doc["county"]);
}

#[test]
fn the_county_is_the_sum_of_the_units() {
    let doc = sample_json();
    let units = doc["units"].as_array().expect("units");
    for key in TABLE3_KEYS {
        for c in 0..7 {
            let sum: u64 = units
                .iter()
                .map(|u| u["table3"][key][c].as_u64().expect("count"))
                .sum();
            assert_eq!(
                doc["county"]["table3"][key][c].as_u64(),
                Some(sum),
                "{key}[{c}]"
            );
        }
    }
}

/// A fresh folder for one test's workbooks.
fn temp_dir(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("openness-annual-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A workbook with the cells of `sheets` (what calamine read back), numbers
/// as numbers, one cell replaced: what a person's own workbook holds after
/// typing the form over.
fn retyped(sheets: &[(String, Vec<Vec<String>>)], edit: Option<(&str, u32, u16, f64)>) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("a valid name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if let Some((.., v)) = edit.filter(|e| e.0 == name && (e.1, e.2) == (r, c)) {
                    sheet.write_number(r, c, v).expect("write");
                } else if let Ok(n) = cell.parse::<f64>() {
                    sheet.write_number(r, c, n).expect("write");
                } else if !cell.is_empty() {
                    sheet.write_string(r, c, cell).expect("write");
                }
            }
        }
    }
    book.save_to_buffer().expect("a workbook")
}

#[test]
fn a_written_form_checks_clean_and_an_edited_cell_is_named() {
    let dir = temp_dir("round-trip");
    let form = dir.join("年报.xlsx");
    let form_s = form.to_str().expect("utf-8 path");
    let out = openness(&["annual", "data/sample", "--format", "xlsx", "--out", form_s]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The form as written agrees with the ledgers. Its checks may fail
    // where the ledgers' own do (the sample plants unknown types); those are
    // listed, and so the exit code is 1 for the sample: check one clean unit.
    let out = openness(&[
        "annual",
        "data/sample",
        "--check",
        form_s,
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        report["differences"].as_array().map(Vec::len),
        Some(0),
        "{report}"
    );
    assert_eq!(report["sheets"].as_array().map(Vec::len), Some(36));

    let bytes = std::fs::read(&form).expect("the form");
    let sheets = openness_core::import::workbook_cells(&bytes).expect("readable");
    let clean: Vec<(String, Vec<Vec<String>>)> = sheets
        .into_iter()
        .filter(|(name, _)| name == "旗教育体育局")
        .collect();
    assert_eq!(clean.len(), 1);
    let typed = dir.join("typed.xlsx");
    std::fs::write(&typed, retyped(&clean, None)).expect("write");
    let out = openness(&[
        "annual",
        "data/sample",
        "--check",
        typed.to_str().expect("path"),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("所有数字与台账一致"), "{text}");

    // D23 is 一、本年新收 / 自然人: one more than the ledgers give.
    let ledger = clean[0].1[22][3].parse::<f64>().expect("a number");
    let edited = dir.join("edited.xlsx");
    std::fs::write(
        &edited,
        retyped(&clean, Some(("旗教育体育局", 22, 3, ledger + 1.0))),
    )
    .expect("write");
    let out = openness(&[
        "annual",
        "data/sample",
        "--check",
        edited.to_str().expect("path"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "a differing cell exits 1");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let diffs = report["differences"].as_array().expect("differences");
    assert_eq!(diffs.len(), 1, "{report}");
    assert_eq!(diffs[0]["sheet"], "旗教育体育局");
    assert_eq!(diffs[0]["cell"], "D23");
    assert_eq!(diffs[0]["ledger"], format!("{ledger}"));
    assert_eq!(diffs[0]["filled"], format!("{}", ledger + 1.0));
    // The edited column no longer balances, nor does the row's 总计.
    let failed = report["failed_checks"].as_array().expect("failed checks");
    assert!(
        failed
            .iter()
            .any(|c| c["rule"] == "new+carried_in=total+carried_out" && c["column"] == "自然人")
    );
    assert!(
        failed
            .iter()
            .any(|c| c["rule"] == "row_total=sum_of_types" && c["row"] == "new")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_workbook_without_a_unit_sheet_is_a_usage_error() {
    let dir = temp_dir("no-unit");
    let other = dir.join("other.xlsx");
    std::fs::write(
        &other,
        retyped(&[("Sheet1".to_owned(), vec![vec!["1".to_owned()]])], None),
    )
    .expect("write");
    let out = openness(&[
        "annual",
        "data/sample",
        "--check",
        other.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no sheet is named after a unit"));
    let _ = std::fs::remove_dir_all(&dir);
}
