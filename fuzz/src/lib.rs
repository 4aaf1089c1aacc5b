//! Shared harness of the `openness-core` fuzz targets.
//!
//! Every target that feeds files runs the whole pipeline the CLI and the
//! dashboard run — import, window inference, scoring, self-check and the
//! exports — so that a panic anywhere downstream of a hostile file surfaces,
//! not only one in the reader. Beyond "does not panic", the harness checks
//! the bookkeeping RULES §1.3 promises ("bad input never disappears"):
//!
//! * every input file is either a table in the report or a named error;
//! * every table's rows are accepted or rejected: `accepted + rejected == rows`;
//! * every accepted non-department row is exactly one record;
//! * every score is a finite number in 0..=100, ranked iff scored;
//! * the annual tables (RULES §7) of the data's year: the county equals
//!   the sum of its units, the form's own balance holds, and the JSON, the
//!   HTML and the form's workbook are written and read back equal.

use std::sync::OnceLock;

use openness_core::annual::{
    Annual, Rule, annual, annual_csv, annual_json, annual_layouts, compare_workbook, default_year,
    form_html,
};
use openness_core::calendar::Calendar;
use openness_core::date::Date;
use openness_core::export::{
    findings_csv, findings_sheet, scorecard_csv, scorecard_json, scorecard_sheet,
};
use openness_core::import::{HEAD_BYTES, Import, InputFile, MAX_LISTED_ISSUES, TextIntake, import};
use openness_core::record::Dataset;
use openness_core::rules::Rules;
use openness_core::schema::Kind;
use openness_core::score::{Scorecard, Window, score};
use openness_core::selfcheck::findings;
use openness_core::sheet::{ExportMeta, Lang};
use openness_core::xlsx::{layout_workbook, workbook};

/// Imports `files`, checks the report's bookkeeping, then scores the result
/// with the default rules (and runs self-check and the exports).
pub fn import_and_score(files: Vec<InputFile>) -> Import {
    // Writing and reading back workbooks costs more than all the rest;
    // one input in 16 (by its bytes, so a finding replays) takes that path.
    let workbooks = files
        .iter()
        .flat_map(|f| f.bytes().iter())
        .fold(0u32, |h, &b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        % 16
        == 0;
    let imported = import_checked(files);
    score_and_check(&imported, &Rules::default(), workbooks);
    annual_and_check(&imported, workbooks);
    imported
}

/// Imports `files` and checks the report's bookkeeping only.
pub fn import_checked(files: Vec<InputFile>) -> Import {
    let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let imported = import(files);
    check_report(&imported, &paths);
    imported
}

/// Fills the annual tables of the data's default year (or 2019) and checks
/// them: the county is the sum of the units, every unit's balance check
/// holds, and every output is written; the form reads back equal.
pub fn annual_and_check(imported: &Import, workbooks: bool) -> Option<Annual> {
    if imported.data.departments.is_empty() {
        return None;
    }
    let year = default_year(&imported.data, &Rules::default()).unwrap_or(2019);
    let tables = annual(&imported.data, year);
    let mut sum = [[0u32; 7]; 25];
    for u in &tables.units {
        for (row, unit_row) in sum.iter_mut().zip(&u.table3) {
            for (a, b) in row.iter_mut().zip(unit_row) {
                *a += b;
            }
        }
        for c in u.checks().iter().filter(|c| c.rule == Rule::Balance) {
            assert!(c.ok(), "{}: {c:?}", u.name);
        }
        let _ = form_html(u, year);
    }
    assert_eq!(
        sum, tables.county.table3,
        "the county is the sum of its units"
    );
    assert!(annual_json(&tables, &imported.report).is_object());
    let _ = annual_csv(&tables);
    if workbooks && tables.units.len() <= 8 {
        let book = layout_workbook(&annual_layouts(&tables, None));
        let back = compare_workbook(&tables, &book).expect("the written form reads");
        assert!(back.differences.is_empty(), "{:?}", back.differences);
    }
    Some(tables)
}

/// Asserts the import report accounts for every file and every row.
pub fn check_report(imported: &Import, paths: &[String]) {
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
    for e in &report.errors {
        assert!(
            !e.message(Lang::En).is_empty() && !e.message(Lang::Zh).is_empty(),
            "{}: error without a message",
            e.path
        );
    }
    let mut records = 0u64;
    for f in &report.files {
        assert_eq!(
            u64::from(f.accepted) + u64::from(f.rejected),
            u64::from(f.rows),
            "{}: accepted {} + rejected {} != rows {}",
            f.path,
            f.accepted,
            f.rejected,
            f.rows
        );
        assert!(f.issues.len() <= MAX_LISTED_ISSUES);
        // Hints (a reply before its request …) are listed beside the
        // counted rejections and warnings.
        assert!(
            f.issues.len() as u64
                <= u64::from(f.rejected) + u64::from(f.warnings) + u64::from(f.hints)
        );
        assert!(f.issues.iter().filter(|i| i.rejected).count() as u64 <= u64::from(f.rejected));
        if f.kind != Kind::Department {
            records += u64::from(f.accepted);
        }
    }
    let held = imported.data.records() as u64;
    assert_eq!(held, records, "records held != accepted rows");
}

/// The window the CLI would use (inferred from the data), or calendar 2019
/// when the data has no dated record.
pub fn window_for(imported: &Import, rules: &Rules) -> Window {
    Window::infer(&imported.data, rules, None, None, None).unwrap_or_else(|_| {
        let day = |m, d| Date::from_ymd(2019, m, d).expect("valid date");
        Window {
            from: day(1, 1),
            to: day(12, 31),
            as_of: day(12, 31),
        }
    })
}

/// Scores `imported` with `rules`, runs self-check and every export, and
/// checks the scorecard's invariants. Returns the scorecard, if anything
/// was scored.
pub fn score_and_check(imported: &Import, rules: &Rules, workbooks: bool) -> Option<Scorecard> {
    if imported.data.departments.is_empty() {
        return None;
    }
    let window = window_for(imported, rules);
    let card = score(&imported.data, rules, window);
    check_scorecard(imported, &card);
    let found = findings(imported, rules, window, &card, None);
    let json = scorecard_json(&card, &imported.report);
    assert!(json.is_object());
    let _ = scorecard_csv(&card, rules, Lang::Zh);
    let _ = findings_csv(&found, window, Lang::En);
    if workbooks {
        let meta = ExportMeta::default();
        let _ = workbook(&[
            scorecard_sheet(&card, rules, &meta),
            findings_sheet(&found, window, "", &meta),
        ]);
    }
    Some(card)
}

/// Asserts every department is listed once, scores are finite and in
/// 0..=100, and a department is ranked exactly when it is scored.
pub fn check_scorecard(imported: &Import, card: &Scorecard) {
    assert_eq!(card.departments.len(), imported.data.departments.len());
    for d in &card.departments {
        if let Some(s) = d.score {
            assert!(
                s.is_finite() && (0.0..=100.0 + 1e-9).contains(&s),
                "{}: score {s}",
                d.dept
            );
            let c = d.contribution.expect("a scored department contributes");
            assert!(c.is_finite() && c >= 0.0, "{}: contribution {c}", d.dept);
        }
        assert_eq!(d.score.is_some(), d.rank.is_some(), "{}: rank", d.dept);
        assert_eq!(d.score.is_some(), d.group_rank.is_some(), "{}", d.dept);
        for s in d.indicators.iter().flatten() {
            assert!(s.earned.is_finite() && s.earned >= 0.0, "{}", d.dept);
        }
    }
}

/// The official working-day calendar, built once per process.
pub fn official_calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(Calendar::official)
}

/// The sample county of `data/sample`, imported once per process.
pub fn sample_county() -> &'static Import {
    static SAMPLE: OnceLock<Import> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        macro_rules! sample {
            ($($name:literal),* $(,)?) => {
                vec![$(InputFile::new(
                    $name,
                    include_bytes!(concat!("../../data/sample/", $name)).to_vec(),
                )),*]
            };
        }
        import(sample![
            "主动公开目录.csv",
            "依申请公开登记.csv",
            "执法公示.csv",
            "政务舆情.json",
            "政策解读.xlsx",
            "网民留言.txt",
            "网站栏目.csv",
            "部门名单.csv",
            "复议诉讼.csv",
            "行政事业性收费.xlsx",
        ])
    })
}

/// `file` read as the CLI and the dashboard read UTF-8 text
/// ([`TextIntake`], in pieces of `piece` bytes), or `None` when the intake
/// refuses it (they then read it whole, as `file` is).
pub fn through_intake(file: &InputFile, piece: usize) -> Option<InputFile> {
    let bytes = file.bytes();
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let mut intake = TextIntake::start(file.path.clone(), head, bytes.len())?;
    for p in bytes.chunks(piece.max(1)) {
        if !intake.push(p) {
            return None;
        }
    }
    let taken = intake.finish()?;
    assert_eq!(
        taken.bytes(),
        bytes,
        "{}: the intake keeps the file's bytes",
        file.path
    );
    Some(taken)
}

/// Asserts that two imports of the same files gave the same report and
/// the same records.
pub fn assert_same_import(a: &Import, b: &Import) {
    assert_eq!(format!("{:?}", a.report), format!("{:?}", b.report));
    assert_eq!(records(&a.data), records(&b.data));
}

/// Every record of `data`, printed (the departments' map prints in no
/// fixed order; the records name their departments by id).
fn records(data: &Dataset) -> String {
    format!(
        "{:?}",
        (
            &data.disclosures,
            &data.interpretations,
            &data.requests,
            &data.messages,
            &data.opinions,
            &data.enforcements,
            &data.columns,
            &data.reviews,
            &data.fees,
        )
    )
}
