//! 主动公开及时率 (disclosure timeliness, RULES §3): a disclosure counts in
//! the window of its 成文日期 and is on time when published within the
//! deadline's working days of it (条例第26条: 20).

use super::verdict::{Status, date_status, dt};
use super::{Context, Indicator, Judgement};
use crate::date::Date;
use crate::record::Dataset;
use crate::schema::Kind;

/// The verdict on a disclosure published on `published` against its
/// `deadline`, judged at `as_of` (also the fast path's).
#[inline]
pub(crate) fn status(published: Date, deadline: Date, as_of: Date) -> Status {
    date_status(Some(published).filter(|p| *p <= as_of), deadline, as_of)
}

/// Judges every disclosure of the window.
pub(super) fn judge(data: &Dataset, cx: &Context<'_>, sink: &mut dyn FnMut(&Judgement)) {
    let workdays = cx.rules.indicators.disclosure_timeliness.deadline_workdays;
    let as_of = cx.window.as_of;
    for (i, d) in data.disclosures.iter().enumerate() {
        if !cx.window.contains(d.formed_on) {
            continue;
        }
        let deadline = cx.calendar.add_workdays(d.formed_on, workdays);
        let status = status(d.published_on, deadline, as_of);
        sink(&Judgement {
            status,
            credit: status.credit(),
            start: dt(d.formed_on),
            deadline: dt(deadline),
            done: cx.done_by(Some(d.published_on)).and_then(dt),
            ..Judgement::new(Indicator::DisclosureTimeliness, d.dept, Kind::Disclosure, i)
        });
    }
}
