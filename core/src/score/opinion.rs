//! 舆情回应及时率 (public-opinion response, RULES §3): an event of the window
//! (by the date it was found) is on time when first responded to within 5
//! hours for a 重大 event, else 48 hours (国办发〔2016〕61号、80号).

use super::policy::contains_any;
use super::verdict::Status;
use super::{Context, Indicator, Judgement};
use crate::record::Dataset;
use crate::schema::Kind;

/// Judges every opinion event of the window.
pub(super) fn judge(data: &Dataset, cx: &Context<'_>, sink: &mut dyn FnMut(&Judgement)) {
    let op = &cx.rules.indicators.opinion_response;
    let as_of = cx.window.as_of;
    for (i, o) in data.opinions.iter().enumerate() {
        if !cx.window.contains(o.found_at.date) {
            continue;
        }
        let hours = if contains_any(&o.level, &op.major_levels) {
            op.major_response_hours
        } else {
            op.response_hours
        };
        let deadline = o.found_at.add_hours(i64::from(hours));
        let done = o.responded_at.filter(|r| r.date <= as_of);
        // As a date deadline, but to the minute; "deadline before as_of"
        // compares the deadline's date (RULES §2).
        let status = match done {
            Some(r) if r <= deadline => Status::OnTime,
            Some(_) => Status::Late,
            None if deadline.date < as_of => Status::Overdue,
            None => Status::Pending,
        };
        sink(&Judgement {
            status,
            credit: status.credit(),
            start: Some(o.found_at),
            deadline: Some(deadline),
            done,
            workday_deadline: false,
            ..Judgement::new(Indicator::OpinionResponse, o.dept, Kind::Opinion, i)
        });
    }
}
