//! 依申请按期答复率 (requests answered on time, RULES §3): a request of the
//! window (by its receipt) is on time when answered within 20 working days
//! of its start (the 补正 date when given), 20 more when extended, plus the
//! working days not counted (征求意见) (条例第30、33条).

use super::verdict::{date_status, dt};
use super::{Context, Indicator, Judgement};
use crate::record::Dataset;
use crate::schema::Kind;

/// Judges every request of the window.
pub(super) fn judge(data: &Dataset, cx: &Context<'_>, sink: &mut dyn FnMut(&Judgement)) {
    let rq = &cx.rules.indicators.request_timeliness;
    for (i, r) in data.requests.iter().enumerate() {
        if !cx.window.contains(r.received_on) {
            continue;
        }
        let start = r.corrected_on.unwrap_or(r.received_on);
        let extension = if r.extended == Some(true) {
            rq.extension_workdays
        } else {
            0
        };
        // Saturating: 不计入工作日 is whatever number the cell holds.
        let n = rq
            .deadline_workdays
            .saturating_add(extension)
            .saturating_add(r.excluded_workdays);
        let deadline = cx.calendar.add_workdays(start, n);
        let done = cx.done_by(r.replied_on);
        let status = date_status(done, deadline, cx.window.as_of);
        sink(&Judgement {
            status,
            credit: status.credit(),
            start: dt(start),
            deadline: dt(deadline),
            done: done.and_then(dt),
            ..Judgement::new(Indicator::RequestTimeliness, r.dept, Kind::Request, i)
        });
    }
}
