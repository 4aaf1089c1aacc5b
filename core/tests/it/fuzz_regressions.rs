//! Replays the inputs kept in `core/tests/fuzz-regressions/` through the
//! pipeline of the fuzz target that found them (see `docs/ROBUSTNESS.md`,
//! "Fuzzing"): import, score with the inferred window, self-check and
//! export must not panic, and every row must be accounted for.
//!
//! A file is named `<target>-<what>`; the target decides how its bytes are
//! fed (`csv_utf8`, `csv_encodings`, `xlsx`, `json`, `dates`, `rules`).
//! Dropping a new file there is enough for [`every_saved_input_replays`] to
//! cover it; the tests below add what each finding must give.

use std::path::Path;

use openness_core::calendar::Calendar;
use openness_core::date::{Date, DateTime};
use openness_core::export::{
    findings_csv, findings_sheet, scorecard_csv, scorecard_json, scorecard_sheet,
};
use openness_core::import::{Import, InputFile, import};
use openness_core::rules::Rules;
use openness_core::schema::Kind;
use openness_core::score::{Scorecard, Window, score};
use openness_core::selfcheck::findings;
use openness_core::sheet::{ExportMeta, Lang};
use openness_core::value::{parse_count, parse_date, parse_datetime, parse_yes_no};
use openness_core::xlsx::workbook;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");

/// The separator line of the `csv_utf8` target: one input, several files.
const SEPARATOR: &[u8] = b"\n----8<----\n";

/// Asserts that every file is a table or an error and every row of every
/// table was accepted or rejected.
fn check_report(imported: &Import, paths: &[String]) {
    let report = &imported.report;
    for path in paths {
        let sheet = format!("{path}#");
        let named = |p: &str| p == path || p.starts_with(&sheet);
        assert!(
            report.files.iter().any(|f| named(&f.path))
                || report.errors.iter().any(|e| named(&e.path)),
            "{path} is neither a table nor an error"
        );
    }
    let mut records = 0;
    for f in &report.files {
        assert_eq!(f.accepted + f.rejected, f.rows, "{}", f.path);
        // Hints (a reply before its request …) are listed beside the
        // counted rejections and warnings.
        assert!(
            f.issues.len() as u32 <= f.rejected + f.warnings + f.hints,
            "{}: {} issues",
            f.path,
            f.issues.len()
        );
        if f.kind != Kind::Department {
            records += f.accepted as usize;
        }
    }
    let held = imported.data.records();
    assert_eq!(held, records, "records held != rows accepted");
}

/// Scores with the inferred window (calendar 2019 when nothing is dated),
/// runs self-check and the exports, and checks every score is sane.
fn score_and_check(imported: &Import, rules: &Rules) -> Option<Scorecard> {
    if imported.data.departments.is_empty() {
        return None;
    }
    let window = Window::infer(&imported.data, rules, None, None, None).unwrap_or(Window {
        from: parse_date("2019-01-01")?,
        to: parse_date("2019-12-31")?,
        as_of: parse_date("2019-12-31")?,
    });
    let card = score(&imported.data, rules, window);
    assert_eq!(card.departments.len(), imported.data.departments.len());
    for d in &card.departments {
        if let Some(s) = d.score {
            assert!(
                s.is_finite() && (0.0..=100.0).contains(&s),
                "{}: {s}",
                d.dept
            );
            let c = d.contribution.unwrap_or(f64::NAN);
            assert!(c.is_finite() && c >= 0.0, "{}: contribution {c}", d.dept);
        }
        assert_eq!(d.score.is_some(), d.rank.is_some(), "{}", d.dept);
    }
    let found = findings(imported, rules, window, &card, None);
    assert!(scorecard_json(&card, &imported.report).is_object());
    let _ = (
        scorecard_csv(&card, rules, Lang::Zh),
        findings_csv(&found, window, Lang::En),
    );
    let meta = ExportMeta::default();
    let _ = workbook(&[
        scorecard_sheet(&card, rules, &meta),
        findings_sheet(&found, window, "", &meta),
    ]);
    Some(card)
}

fn import_and_score(files: Vec<InputFile>) -> Import {
    let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let imported = import(files);
    check_report(&imported, &paths);
    score_and_check(&imported, &Rules::default());
    imported
}

fn csv_utf8(bytes: &[u8]) -> Import {
    let mut parts = Vec::new();
    let mut rest = bytes;
    while parts.len() < 3 {
        let Some(at) = rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) else {
            break;
        };
        parts.push(&rest[..at]);
        rest = &rest[at + SEPARATOR.len()..];
    }
    parts.push(rest);
    import_and_score(
        parts
            .into_iter()
            .enumerate()
            .map(|(i, b)| InputFile::new(format!("fuzz{i}.csv"), b.to_vec()))
            .collect(),
    )
}

fn csv_encodings(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let utf16 = |le: bool, bom: &[u8]| -> Vec<u8> {
        let mut out = bom.to_vec();
        out.extend(
            text.encode_utf16()
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }),
        );
        out
    };
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
    utf8_bom.extend_from_slice(text.as_bytes());
    for (name, bytes) in [
        ("utf8", text.as_bytes().to_vec()),
        ("utf8bom", utf8_bom),
        ("gb18030", gb.into_owned()),
        ("utf16le", utf16(true, b"")),
        ("utf16be", utf16(false, b"")),
        ("utf16lebom", utf16(true, b"\xFF\xFE")),
        ("utf16bebom", utf16(false, b"\xFE\xFF")),
    ] {
        import_and_score(vec![InputFile::new(format!("{name}.csv"), bytes)]);
    }
}

fn dates(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let dt = parse_datetime(&text);
    if let Some(dt) = dt {
        assert_eq!(parse_datetime(&dt.to_string()), Some(dt));
    }
    assert_eq!(parse_date(&text), dt.map(|d| d.date));
    let _ = (parse_yes_no(&text), parse_count(&text));
    let word = |i: usize| {
        let mut w = [0u8; 4];
        for (k, b) in w.iter_mut().enumerate() {
            *b = bytes.get(i * 4 + k).copied().unwrap_or(0);
        }
        w
    };
    let day = i32::from_le_bytes(word(0));
    let offset = i32::from_le_bytes(word(1));
    let serial = i64::from(i32::from_le_bytes(word(2))) * i64::from(offset);
    let n = u32::from_le_bytes(word(3));
    let cal = Calendar::official();
    let candidates = [
        dt.map(|d| d.date),
        Date::from_excel_serial(serial),
        Date::from_excel_serial(i64::from(day)),
    ];
    for d in candidates.into_iter().flatten() {
        let (y, m, dd) = d.ymd();
        assert_eq!(Date::from_ymd(y, m, dd), Some(d));
        let _ = (d.add_months(offset % 2400), d.add_days(offset % 3_000_000));
        let _ = DateTime::midnight(d).add_hours(i64::from(n)).to_string();
        let due = cal.add_workdays(d, n);
        assert!(due >= d);
        if due < Date::from_day_number(i32::MAX) {
            assert_eq!(cal.workdays_between(d, due), n, "{d} + {n} = {due}");
        }
    }
}

/// The sample county of `data/sample`, as the `rules` target scores it.
fn sample_county() -> Import {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("data/sample is there") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if openness_core::import::is_importable_name(name) {
            let bytes = std::fs::read(&path).expect("a sample file reads");
            files.push(InputFile::new(name, bytes));
        }
    }
    import(files)
}

fn rules(bytes: &[u8], sample: &Import) -> Option<Scorecard> {
    let loaded = Rules::try_from_toml(&String::from_utf8_lossy(bytes)).ok()?;
    let back = Rules::try_from_toml(&loaded.rules.to_toml()).expect("exported rules load");
    assert_eq!(back.rules, loaded.rules);
    score_and_check(sample, &loaded.rules)
}

/// Feeds `bytes` the way the fuzz target `target` does.
fn replay(target: &str, bytes: &[u8], sample: &Import) {
    match target {
        "csv_utf8" => {
            csv_utf8(bytes);
        }
        "csv_encodings" => csv_encodings(bytes),
        "xlsx" => {
            import_and_score(vec![InputFile::new("fuzz.xlsx", bytes.to_vec())]);
        }
        "json" => {
            import_and_score(vec![InputFile::new("fuzz.json", bytes.to_vec())]);
        }
        "dates" => dates(bytes),
        "rules" => {
            rules(bytes, sample);
        }
        "annual_tables" => {
            let text = String::from_utf8_lossy(bytes);
            let files = text
                .split("\n----8<----\n")
                .take(4)
                .enumerate()
                .map(|(i, part)| InputFile::new(format!("ledger{i}.csv"), part.as_bytes().to_vec()))
                .collect();
            let imported = import_and_score(files);
            let tables = openness_core::annual::annual(&imported.data, 2019);
            for u in &tables.units {
                assert!(
                    u.checks()
                        .iter()
                        .filter(|c| c.rule == openness_core::annual::Rule::Balance)
                        .all(openness_core::annual::Check::ok)
                );
            }
        }
        "annual_check" => {
            let tables = openness_core::annual::annual(&sample.data, 2019);
            let _ = openness_core::annual::compare_workbook(&tables, bytes);
        }
        other => panic!("no fuzz target {other:?}: name files <target>-<what>"),
    }
}

const TARGETS: [&str; 8] = [
    "annual_check",
    "annual_tables",
    "csv_encodings",
    "csv_utf8",
    "xlsx",
    "json",
    "dates",
    "rules",
];

#[test]
fn every_saved_input_replays() {
    let sample = sample_county();
    let mut names: Vec<String> = std::fs::read_dir(DIR)
        .expect("core/tests/fuzz-regressions is there")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let target = TARGETS
            .iter()
            .find(|t| name.starts_with(&format!("{t}-")))
            .unwrap_or_else(|| panic!("{name}: name it <target>-<what>"));
        let bytes = std::fs::read(Path::new(DIR).join(&name)).expect("a saved input reads");
        eprintln!("replaying {name}");
        replay(target, &bytes, &sample);
    }
}

/// `dates`: 4 billion working days after a date used to be counted one day
/// at a time (a fuzz timeout); the calendar now answers in closed form and
/// saturates at the last representable day.
#[test]
fn dates_a_huge_working_day_count_is_computed_not_stepped() {
    let input = include_bytes!("../fuzz-regressions/dates-workday-count-timeout");
    dates(input);
    let cal = Calendar::official();
    let day = parse_date("2019-08-23").expect("a date");
    let far = cal.add_workdays(day, 1_000_000_000);
    assert_eq!(cal.workdays_between(day, far), 1_000_000_000);
    assert_eq!(
        cal.add_workdays(day, u32::MAX),
        Date::from_day_number(i32::MAX)
    );
}

/// `rules`: deadlines, hours and months of 4294967295 in a rules file used
/// to hang scoring (a fuzz timeout); they now score the sample county, and
/// the years without an official calendar are one warning, not millions.
#[test]
fn rules_with_four_billion_day_deadlines_score_at_once() {
    let input = include_bytes!("../fuzz-regressions/rules-huge-deadlines");
    let card = rules(input, &sample_county()).expect("the rules load and the sample scores");
    assert!(card.departments.iter().any(|d| d.score.is_some()));
    assert!(card.warnings.len() <= 3, "{:?}", card.warnings);
    assert!(
        card.warnings
            .iter()
            .any(|w| w.to_string().contains(" have no official")),
        "{:?}",
        card.warnings
    );
}

/// `csv_utf8`: 不计入工作日 = 4294967295 on an extended request used to
/// overflow `20 + 20 + 4294967295` working days in scoring (a panic in
/// debug builds, a wrong deadline in release); the deadline now saturates
/// at the last representable day, so the unanswered request is pending.
#[test]
fn csv_a_huge_excluded_workday_count_does_not_overflow_the_deadline() {
    let input = include_bytes!("../fuzz-regressions/csv_utf8-excluded-workdays-overflow");
    let imported = csv_utf8(input);
    let f = &imported.report.files[0];
    assert_eq!((f.kind, f.rows, f.accepted), (Kind::Request, 1, 1));
    assert_eq!(imported.data.requests[0].excluded_workdays, u32::MAX);
    let window =
        Window::infer(&imported.data, &Rules::default(), None, None, None).expect("a dated record");
    let card = score(&imported.data, &Rules::default(), window);
    let dept = &card.departments[0];
    assert_eq!(dept.score, None, "the only request is still pending");
}

/// `xlsx`: date-formatted cells far outside Excel's dates (2147000000,
/// ±1e10, ±1e300) used to overflow the day arithmetic; they are now not
/// dates, so their rows are rejected with the value shown, and the real
/// dates beside them still load.
#[test]
fn xlsx_date_cells_beyond_excel_dates_are_rejected_not_panicking() {
    let input = include_bytes!("../fuzz-regressions/xlsx-date-serial-overflow");
    let imported = import_and_score(vec![InputFile::new("fuzz.xlsx", input.to_vec())]);
    let f = &imported.report.files[0];
    assert_eq!(f.kind, Kind::Enforcement);
    assert!(f.accepted >= 1, "9999-12-31 is a date: {:?}", f.issues);
    assert!(f.rejected >= 5, "{:?}", f.issues);
    assert!(
        f.issues
            .iter()
            .any(|i| i.rejected && i.value.contains("2147000000")),
        "{:?}",
        f.issues
    );
}

/// `rules` (the target's finite-score check, on a hand-written input): points
/// of 1e308, finite each, made the sums infinite, so scores came out as
/// `inf`; a total of 1e308 points did the same to the 4% contribution.
/// Both are now named errors of the rules file.
#[test]
fn rules_with_points_too_large_to_add_are_named_errors() {
    for (input, key) in [
        (
            &include_bytes!("../fuzz-regressions/rules-points-overflow-score")[..],
            "indicators.disclosure_timeliness.points",
        ),
        (
            &include_bytes!("../fuzz-regressions/rules-total-points-overflow-contribution")[..],
            "total_points",
        ),
    ] {
        let err = Rules::try_from_toml(&String::from_utf8_lossy(input))
            .expect_err("points that overflow are rejected");
        assert!(err.to_string().contains(key), "{err}");
        assert!(err.to_string().contains("at most 1000000"), "{err}");
    }
}

/// `csv_utf8` (the fuzz harness's first smoke run): a reply dated before
/// its request is listed as a hint, beside the counted rejections and
/// warnings; the harness counted only those two and stopped. The request
/// still counts in the annual tables, with its findings.
#[test]
fn csv_utf8_a_hint_is_listed_beside_the_counts() {
    let input = include_bytes!("../fuzz-regressions/csv_utf8-hint-beside-counts");
    let imported = import(vec![InputFile::new("r.csv", input.to_vec())]);
    let f = &imported.report.files[0];
    assert_eq!(
        (f.rejected, f.warnings, f.hints, f.issues.len()),
        (0, 0, 1, 1)
    );
    let tables = openness_core::annual::annual(&imported.data, 2019);
    let problems: Vec<&str> = tables.units[0]
        .findings
        .iter()
        .map(|x| x.problem.key())
        .collect();
    assert_eq!(
        problems,
        ["replied before received", "type unknown", "outcome unknown"]
    );
}
