//! Tiny inline samples: build [`InputFile`]s from strings, import them,
//! score them with a [`Window`], and find a department or an indicator by
//! name. Every helper panics with the names it knows, so a typo in a test
//! reads as a clear failure rather than a wrong number.

use openness_core::date::Date;
use openness_core::import::{Import, InputFile, import};
use openness_core::rules::Rules;
use openness_core::score::{DeptScore, Indicator, IndicatorScore, Scorecard, Window, score};
use openness_core::value::parse_date;

/// A date written as in RULES (`2019-09-20`).
pub fn d(s: &str) -> Date {
    parse_date(s).unwrap_or_else(|| panic!("test date {s:?} does not parse"))
}

/// The window `from..=to` judged at `as_of`.
pub fn window(from: &str, to: &str, as_of: &str) -> Window {
    Window {
        from: d(from),
        to: d(to),
        as_of: d(as_of),
    }
}

/// The calendar year `y`, judged at its 31 December (the CLI default).
pub fn year(y: i32) -> Window {
    window(
        &format!("{y}-01-01"),
        &format!("{y}-12-31"),
        &format!("{y}-12-31"),
    )
}

/// Calendar year 2019, judged at 2019-12-31.
pub fn y2019() -> Window {
    year(2019)
}

/// A file holding `text` as UTF-8.
pub fn file(path: &str, text: &str) -> InputFile {
    InputFile::new(path, text.as_bytes().to_vec())
}

/// Imports `(name, text)` files as they are, with no checks.
pub fn import_texts(files: &[(&str, &str)]) -> Import {
    import(files.iter().map(|(p, t)| file(p, t)).collect())
}

/// Imports `(name, text)` files and checks that every row was accepted
/// without warnings, so that a typo in a test's data cannot pass silently.
pub fn import_clean(files: &[(&str, &str)]) -> Import {
    let imported = import_texts(files);
    assert!(
        imported.report.errors.is_empty(),
        "unreadable test files: {:?}",
        imported.report.errors
    );
    for f in &imported.report.files {
        assert!(
            f.rejected == 0 && f.warnings == 0,
            "{}: test data has issues: {:?}",
            f.path,
            f.issues
        );
    }
    imported
}

/// Scores an import with the default rules.
pub fn score_default(imported: &Import, window: Window) -> Scorecard {
    score(&imported.data, &Rules::default(), window)
}

/// Imports clean `(name, text)` files and scores them with the default rules.
pub fn scored(files: &[(&str, &str)], window: Window) -> (Import, Scorecard) {
    let imported = import_clean(files);
    let card = score_default(&imported, window);
    (imported, card)
}

/// The department called `name` in a scorecard.
pub fn dept<'a>(card: &'a Scorecard, name: &str) -> &'a DeptScore {
    card.departments
        .iter()
        .find(|d| d.dept == name)
        .unwrap_or_else(|| {
            let names: Vec<&str> = card.departments.iter().map(|d| d.dept.as_str()).collect();
            panic!("no department {name:?}; the scorecard has {names:?}")
        })
}

/// One indicator of one department; `None` when not applicable.
pub fn indicator(card: &Scorecard, name: &str, ind: Indicator) -> Option<IndicatorScore> {
    dept(card, name).indicators[ind.index()]
}

/// Names of the departments in scorecard order.
pub fn names(card: &Scorecard) -> Vec<&str> {
    card.departments.iter().map(|d| d.dept.as_str()).collect()
}

/// Imports a single table (`header` then `rows`, one CSV line each) and
/// returns the one indicator of its only department.
pub fn one_table(
    header: &str,
    rows: &[&str],
    window: Window,
    ind: Indicator,
) -> Option<IndicatorScore> {
    let text = std::iter::once(header)
        .chain(rows.iter().copied())
        .collect::<Vec<_>>()
        .join("\n");
    let (_, card) = scored(&[("table.csv", &text)], window);
    assert_eq!(card.departments.len(), 1, "{:?}", names(&card));
    card.departments[0].indicators[ind.index()]
}

/// Floats equal to within rounding noise.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{what}: got {actual}, expected {expected}"
    );
}

/// The expected judgement of a single counted item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// Counted, full credit.
    Pass,
    /// Counted, half credit (解读同步率 within the grace period).
    Half,
    /// Counted, no credit.
    Fail,
}

/// Checks that `got` holds exactly one counted item with `verdict`.
#[track_caller]
pub fn assert_verdict(got: Option<IndicatorScore>, verdict: Verdict, what: &str) {
    let s = got.unwrap_or_else(|| panic!("{what}: indicator not applicable, expected {verdict:?}"));
    let credit = match verdict {
        Verdict::Pass => 1.0,
        Verdict::Half => 0.5,
        Verdict::Fail => 0.0,
    };
    assert_eq!((s.counted, s.pending), (1, 0), "{what}: counted, pending");
    assert_close(s.passed, credit, &format!("{what}: passed"));
    assert_close(s.earned, s.points * credit, &format!("{what}: earned"));
}

/// The report of the one file of an import without unreadable files.
#[track_caller]
pub fn only_file<'a>(imported: &'a Import, what: &str) -> &'a openness_core::import::FileReport {
    assert!(
        imported.report.errors.is_empty(),
        "{what}: {:?}",
        imported.report.errors
    );
    &imported.report.files[0]
}
