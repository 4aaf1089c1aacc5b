//! Loading, validating and printing rules files.

use super::*;
use crate::value::parse_date;

#[test]
fn the_shipped_file_is_the_spec_defaults() {
    let loaded = Rules::try_from_toml(DEFAULT_RULES_TOML).expect("default rules load");
    assert_eq!(loaded.rules, Rules::default());
    assert!(loaded.warnings.is_empty());
    let total: f64 = loaded.rules.indicator_points().iter().map(|(_, p)| p).sum();
    assert!((total - 100.0).abs() < 1e-9);
}

#[test]
fn an_empty_file_means_defaults() {
    assert_eq!(
        Rules::try_from_toml("").expect("loads").rules,
        Rules::default()
    );
}

#[test]
fn a_partial_table_keeps_the_other_defaults() {
    let rules = Rules::try_from_toml("[indicators.request_timeliness]\npoints = 20\n")
        .expect("loads")
        .rules;
    assert_eq!(rules.indicators.request_timeliness.points, 20.0);
    assert_eq!(rules.indicators.request_timeliness.deadline_workdays, 20);
}

#[test]
fn round_trips_through_toml() {
    let mut rules = Rules {
        weight_pct: 5.5,
        ..Rules::default()
    };
    rules.indicators.message_response.deadline_workdays = 3;
    let back = Rules::try_from_toml(&rules.to_toml()).expect("loads");
    assert_eq!(back.rules, rules);
}

#[test]
fn unknown_keys_are_named() {
    let err = Rules::try_from_toml("weight_pc = 4").expect_err("typo rejected");
    assert!(err.to_string().contains("weight_pc"), "{err}");
    let err = Rules::try_from_toml("[indicators.message_response]\ndeadline_days = 5\n")
        .expect_err("typo rejected");
    assert!(err.to_string().contains("deadline_days"), "{err}");
}

#[test]
fn out_of_range_values_are_named() {
    let err = Rules::try_from_toml(
        "[indicators.disclosure_timeliness]\npoints = -1\ndeadline_workdays = 20\n",
    )
    .expect_err("negative points rejected");
    assert_eq!(
        err,
        RulesError::Invalid {
            key: "indicators.disclosure_timeliness.points".to_owned(),
            problem: "must be a number ≥ 0, got -1".to_owned()
        }
    );
    let err =
        Rules::try_from_toml("[calendar]\noff_days = [\"2019-02-30\"]\n").expect_err("bad date");
    let message = err.to_string();
    assert!(message.contains("off_days"), "{message}");
    assert!(
        message.contains("\"2019-02-30\" is not a date"),
        "{message}"
    );
    assert!(Rules::try_from_toml("weight_pct = 0").is_err());
}

/// Fuzzing (rules target): points that are finite but huge made the
/// sums infinite, so scores and contributions came out as `inf`.
#[test]
fn points_beyond_the_maximum_are_named() {
    let err = Rules::try_from_toml("[indicators.request_timeliness]\npoints = 1e308\n")
        .expect_err("huge points rejected");
    assert_eq!(
        err,
        RulesError::Invalid {
            key: "indicators.request_timeliness.points".to_owned(),
            problem: "must be at most 1000000, got 1e308".to_owned()
        }
    );
    let err = Rules::try_from_toml("total_points = 1e308").expect_err("huge total rejected");
    assert!(err.to_string().contains("total_points"), "{err}");
    let rules = Rules::try_from_toml(
        "total_points = 1000000\n[indicators.disclosure_timeliness]\npoints = 1000000\n",
    );
    assert!(rules.is_ok(), "{rules:?}");
}

#[test]
fn weight_below_four_percent_loads_with_a_warning() {
    let loaded = Rules::try_from_toml("weight_pct = 3.5").expect("loads");
    assert!(loaded.rules.weight_below_minimum());
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].contains("4%"), "{:?}", loaded.warnings);
}

#[test]
fn local_days_reach_the_calendar() {
    let loaded = Rules::try_from_toml("[calendar]\noff_days = [\"2019-07-15\"]\n").expect("loads");
    let day = parse_date("2019-07-15").expect("date");
    assert!(!loaded.rules.calendar().is_workday(day));
}
