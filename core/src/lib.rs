//! `openness-core`: the pure engine of the 政务公开考评看板 (government-affairs
//! openness scorecard).
//!
//! Bytes of exported tables go in; validated records, an import report and
//! per-department scorecards come out, following the scoring contract in
//! `docs/RULES.md`. The crate does no I/O beyond what it is
//! handed, knows nothing of browsers or terminals, and builds for
//! `wasm32-unknown-unknown`, so the Leptos dashboard and the native CLI
//! compute exactly the same numbers.
//!
//! The pipeline: [`import::import`] → [`record::Dataset`] →
//! [`score::score`] (with [`rules::Rules`] and a [`score::Window`]) →
//! [`score::Scorecard`], with [`score::judge`] exposing every judged record
//! for self-check lists and charts.
#![deny(missing_docs)]

pub mod annual;
pub mod calendar;
pub mod date;
pub mod export;
pub mod import;
pub mod lang;
pub mod period;
/// The dashboard's fast re-scoring path (it lives with the indicators it re-scores).
pub use score::fast as prepared;
pub mod record;
pub mod rules;
pub mod schema;
pub mod score;
pub mod selfcheck;
pub mod sheet;
pub mod text;
pub mod value;
pub mod xlsx;
