//! 政策解读率 (interpretation coverage, RULES §3): a policy document
//! published in the window passes when an interpretation of it (its
//! `policy_id` is the document's `id`) is published by `as_of`, whatever
//! the interpretation's own date (谁起草谁解读: it counts for the
//! document's department).

use rustc_hash::FxHashMap;

use super::verdict::{Status, dt};
use super::{Indicator, Judgement};
use crate::date::Date;
use crate::record::Disclosure;
use crate::schema::Kind;

/// The verdict on a document interpreted on `found` (if at all by `as_of`;
/// also the fast path's).
#[inline]
pub(crate) fn status(found: Option<Date>) -> Status {
    if found.is_some() {
        Status::Pass
    } else {
        Status::Fail
    }
}

/// Judges the policy documents of the window.
pub(super) fn judge(
    policies: &[(usize, &Disclosure)],
    earliest: &FxHashMap<&str, Date>,
    as_of: Date,
    sink: &mut dyn FnMut(&Judgement),
) {
    for &(i, d) in policies {
        let found = super::policy::interpreted_by(earliest, d, as_of);
        let status = status(found);
        sink(&Judgement {
            status,
            credit: status.credit(),
            start: dt(d.published_on),
            done: found.and_then(dt),
            workday_deadline: false,
            ..Judgement::new(
                Indicator::InterpretationCoverage,
                d.dept,
                Kind::Disclosure,
                i,
            )
        });
    }
}
