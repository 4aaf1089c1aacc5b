//! Scoring: every record judged against its deadline, then summed per
//! department into indicators, raw score, vetoes, grade, contribution and
//! rank (RULES §2–§4).
//!
//! [`judge`] is the one place where the rules meet the records: it pushes a
//! [`Judgement`] for each counted item into a sink. [`score`] folds those
//! into a [`Scorecard`]; self-check lists, charts and exports are other
//! sinks over the same judgements, so they can never disagree with the
//! score. [`fast`] re-scores many windows at once for the dashboard, with
//! the same verdict functions.
//!
//! One file per indicator holds its rule and judgement: `disclosure`,
//! `coverage`, `sync`, `forms`, `opinion`, `message`, `request`,
//! `enforcement`, `freshness`. Shared: `verdict` (statuses, credit,
//! tallies), `policy` (policy documents and their interpretations),
//! `window`, `indicator`; then `assemble` (points, vetoes, rounding, grade,
//! contribution), `rank` and `card` (the results).

mod assemble;
mod card;
mod coverage;
mod disclosure;
mod enforcement;
pub mod fast;
mod forms;
mod freshness;
mod indicator;
mod message;
mod opinion;
mod policy;
mod rank;
mod request;
mod sync;
mod verdict;
mod window;

use serde::Serialize;

pub use self::assemble::round2;
pub(crate) use self::assemble::{Folded, assemble};
pub use self::card::{DeptScore, Grade, IndicatorScore, ScoreWarning, Scorecard, Veto};
pub use self::indicator::{Indicator, IndicatorSet};
pub use self::policy::is_policy_document;
pub use self::verdict::{Status, Tally};
pub use self::window::{Window, WindowError, busiest_year, window_dates};

use crate::calendar::Calendar;
use crate::date::{Date, DateTime};
use crate::record::{Dataset, DeptId, RecordRef};
use crate::rules::Rules;
use crate::schema::Kind;

/// One counted item of one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Judgement {
    /// The indicator.
    pub indicator: Indicator,
    /// The department it counts for.
    pub dept: DeptId,
    /// The record judged.
    #[serde(skip)]
    pub record: RecordRef,
    /// The verdict.
    pub status: Status,
    /// Credit earned: 1, 0, or the partial credit.
    pub credit: f64,
    /// When the clock started (or the column was last updated).
    pub start: Option<DateTime>,
    /// The deadline (or freshness threshold).
    pub deadline: Option<DateTime>,
    /// When it was done, if on or before `as_of`.
    pub done: Option<DateTime>,
    /// True when the deadline is in working days (so lateness is too).
    pub workday_deadline: bool,
    /// For messages: true when this message fires the 3-month veto.
    pub vetoes: bool,
}

/// Everything [`judge`] needs besides the data.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The rules.
    pub rules: &'a Rules,
    /// The working-day calendar (from the rules' local days).
    pub calendar: &'a Calendar,
    /// The window.
    pub window: Window,
}

impl Judgement {
    /// A pending item of `indicator` for record `index` of `kind`, before
    /// its verdict and dates are filled in.
    pub(crate) fn new(indicator: Indicator, dept: DeptId, kind: Kind, index: usize) -> Judgement {
        Judgement {
            indicator,
            dept,
            record: RecordRef {
                kind,
                index: index as u32,
            },
            status: Status::Pending,
            credit: 0.0,
            start: None,
            deadline: None,
            done: None,
            workday_deadline: true,
            vetoes: false,
        }
    }
}

impl Context<'_> {
    /// A completion that counts: on or before `as_of` (RULES §2).
    pub(crate) fn done_by(&self, done: Option<Date>) -> Option<Date> {
        done.filter(|d| *d <= self.window.as_of)
    }
}

/// Judges every counted item of every indicator and pushes it into `sink`
/// (in indicator order, then record order).
pub fn judge(data: &Dataset, cx: &Context<'_>, mut sink: impl FnMut(&Judgement)) {
    judge_set(data, cx, IndicatorSet::ALL, &mut sink);
}

/// Like [`judge`], for one indicator only when `only` names one (a chart of
/// one indicator then skips the other records entirely).
pub fn judge_only(
    data: &Dataset,
    cx: &Context<'_>,
    only: Option<Indicator>,
    mut sink: impl FnMut(&Judgement),
) {
    let set = only.map_or(IndicatorSet::ALL, IndicatorSet::only);
    judge_set(data, cx, set, &mut sink);
}

/// An indicator's judgement over the records it reads.
type JudgeFn = fn(&Dataset, &Context<'_>, &mut dyn FnMut(&Judgement));

/// Like [`judge`], for the indicators of `set`. The sink is a trait object
/// so that this is compiled once, not once per caller (it is in the
/// dashboard's download).
pub(crate) fn judge_set(
    data: &Dataset,
    cx: &Context<'_>,
    set: IndicatorSet,
    sink: &mut dyn FnMut(&Judgement),
) {
    if set.contains(Indicator::DisclosureTimeliness) {
        disclosure::judge(data, cx, sink);
    }
    let coverage = set.contains(Indicator::InterpretationCoverage);
    let synced = set.contains(Indicator::InterpretationSync);
    if coverage || synced {
        // The policy documents of the window and the earliest
        // interpretation of each id, shared by the two indicators.
        let earliest = policy::earliest_interpretations(data);
        let policies: Vec<(usize, &crate::record::Disclosure)> = data
            .disclosures
            .iter()
            .enumerate()
            .filter(|(_, d)| cx.window.contains(d.published_on) && is_policy_document(d, cx.rules))
            .collect();
        if coverage {
            coverage::judge(&policies, &earliest, cx.window.as_of, sink);
        }
        if synced {
            sync::judge(&policies, &earliest, cx, sink);
        }
    }
    // The other indicators each read their own records.
    let others: [(Indicator, JudgeFn); 6] = [
        (Indicator::InterpretationForms, forms::judge),
        (Indicator::OpinionResponse, opinion::judge),
        (Indicator::MessageResponse, message::judge),
        (Indicator::RequestTimeliness, request::judge),
        (Indicator::EnforcementTimeliness, enforcement::judge),
        (Indicator::PlatformFreshness, freshness::judge),
    ];
    for (indicator, judge) in others {
        if set.contains(indicator) {
            judge(data, cx, sink);
        }
    }
}

/// Scores every department (RULES §3–§4).
pub fn score(data: &Dataset, rules: &Rules, window: Window) -> Scorecard {
    let calendar = rules.calendar();
    let cx = Context {
        rules,
        calendar: &calendar,
        window,
    };
    let mut folded = Folded::new(data.departments.len());
    judge(data, &cx, |j| folded.add(j));
    assemble(data, rules, window, &calendar, folded)
}
