//! 解读同步率 (interpretation in sync, RULES §3): the earliest
//! interpretation of a policy document earns 1 when published on or before
//! the document (三同步), the grace credit (0.5) within the grace working
//! days (3) after it, else 0.

use rustc_hash::FxHashMap;

use super::verdict::{Status, dt};
use super::{Context, Indicator, Judgement};
use crate::date::Date;
use crate::record::Disclosure;
use crate::schema::Kind;

/// The verdict and credit of a document published on `published`,
/// interpreted on `interpreted` (by `as_of`), with the grace period ending
/// on `grace` (also the fast path's).
#[inline]
pub(crate) fn status(
    interpreted: Option<Date>,
    published: Date,
    grace: Date,
    grace_credit: f64,
) -> (Status, f64) {
    match interpreted {
        Some(p) if p <= published => (Status::Pass, 1.0),
        Some(p) if p <= grace => (Status::Partial, grace_credit),
        _ => (Status::Fail, 0.0),
    }
}

/// Judges the policy documents of the window.
pub(super) fn judge(
    policies: &[(usize, &Disclosure)],
    earliest: &FxHashMap<&str, Date>,
    cx: &Context<'_>,
    sink: &mut dyn FnMut(&Judgement),
) {
    let sync = &cx.rules.indicators.interpretation_sync;
    for &(i, d) in policies {
        let found = super::policy::interpreted_by(earliest, d, cx.window.as_of);
        let grace = cx
            .calendar
            .add_workdays(d.published_on, sync.grace_workdays);
        let (status, credit) = status(found, d.published_on, grace, sync.grace_credit);
        sink(&Judgement {
            status,
            credit,
            start: dt(d.published_on),
            deadline: dt(grace),
            done: found.and_then(dt),
            ..Judgement::new(Indicator::InterpretationSync, d.dept, Kind::Disclosure, i)
        });
    }
}
