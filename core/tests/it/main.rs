//! Integration tests of `openness-core` through its public API only
//! (`import::import` → `score::score` → `selfcheck::findings` /
//! `export::scorecard_json`), each guarding one sentence of docs/RULES.md.
//!
//! One test binary (`cargo test -p openness-core --test it`), one module per
//! area of the contract.
#![allow(
    clippy::format_push_string,
    reason = "test tables are built by appending formatted rows; speed is irrelevant here"
)]
#![allow(
    clippy::type_complexity,
    reason = "case tables spell out their tuple columns inline"
)]

/// Tiny inline samples: build files from strings, import, score, look up a department.
mod support;

/// RULES §7: the 年报 tables, checks, findings and form, by hand and as properties.
mod annual;
/// Robustness: the bad-input catalogue of `testdata/bad/`, each case imported beside a good file.
mod catalogue;
/// RULES §1.2: department normalisation, aliases and groups.
mod departments;
/// Exports: the ranking and self-check XLSX read back with typed cells equal to the JSON.
mod exports;
/// Inputs the fuzz targets (`fuzz/`) found or probed with, replayed: no panic, every row accounted for.
mod fuzz_regressions;
/// RULES §1: encodings, date forms, delimiters, title lines, JSON and XLSX input, personal data.
mod import;
/// RULES §1 for workbooks and JSON: XLSX cells, sheets, JSON rows, personal data.
mod import_workbooks;
/// RULES §3: each indicator's pass/fail edge, on the official working-day calendar.
mod indicators;
/// RULES §6: the JSON document's keys, order and types, a snapshot, and determinism.
mod json_shape;
/// The two-core validation of large tables gives the one-core result.
mod parallel;
/// The dashboard's fast re-scoring path gives exactly the scorecards of `score`.
mod prepared;
/// RULES §1.3: rejected rows, warnings, duplicates and unreadable files, with spreadsheet row numbers.
mod rejections;
/// RULES §5: the self-check list traces every lost point.
mod selfcheck;
/// RULES §2: pending vs overdue, completions after `as_of`, the window, not applicable and unscored.
mod status;
/// RULES §4: vetoes, rounding, contribution, the weight warning, ranks and ties.
mod vetoes_ranks;
