//! 留言按时答复率 (messages answered on time, RULES §3): a message of the
//! window is on time when answered within 5 working days; one still
//! unanswered 3 calendar months after receipt fires the message veto
//! (RULES §4).

use super::verdict::{date_status, dt};
use super::{Context, Indicator, Judgement};
use crate::record::Dataset;
use crate::schema::Kind;

/// Judges every message of the window.
pub(super) fn judge(data: &Dataset, cx: &Context<'_>, sink: &mut dyn FnMut(&Judgement)) {
    let workdays = cx.rules.indicators.message_response.deadline_workdays;
    let months = i32::try_from(cx.rules.vetoes.message_months).unwrap_or(i32::MAX);
    let as_of = cx.window.as_of;
    for (i, m) in data.messages.iter().enumerate() {
        if !cx.window.contains(m.received_on) {
            continue;
        }
        let deadline = cx.calendar.add_workdays(m.received_on, workdays);
        let done = cx.done_by(m.replied_on);
        let status = date_status(done, deadline, as_of);
        let veto_date = m.received_on.add_months(months);
        let vetoes = veto_date < as_of && done.is_none_or(|d| d > veto_date);
        sink(&Judgement {
            status,
            credit: status.credit(),
            start: dt(m.received_on),
            deadline: dt(deadline),
            done: done.and_then(dt),
            vetoes,
            ..Judgement::new(Indicator::MessageResponse, m.dept, Kind::Message, i)
        });
    }
}
