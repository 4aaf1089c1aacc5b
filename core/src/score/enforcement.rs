//! 执法公示及时率 (enforcement publicity, RULES §3): a decision of the window
//! is on time when published within 7 working days for 许可 and 处罚, else
//! 20 (国办发〔2018〕118号).

use super::policy::contains_any;
use super::verdict::{date_status, dt};
use super::{Context, Indicator, Judgement};
use crate::record::Dataset;
use crate::schema::Kind;

/// Judges every enforcement decision of the window.
pub(super) fn judge(data: &Dataset, cx: &Context<'_>, sink: &mut dyn FnMut(&Judgement)) {
    let en = &cx.rules.indicators.enforcement_timeliness;
    for (i, e) in data.enforcements.iter().enumerate() {
        if !cx.window.contains(e.decided_on) {
            continue;
        }
        let days = if contains_any(&e.kind, &en.fast_kinds) {
            en.fast_workdays
        } else {
            en.deadline_workdays
        };
        let deadline = cx.calendar.add_workdays(e.decided_on, days);
        let done = cx.done_by(e.published_on);
        let status = date_status(done, deadline, cx.window.as_of);
        sink(&Judgement {
            status,
            credit: status.credit(),
            start: dt(e.decided_on),
            deadline: dt(deadline),
            done: done.and_then(dt),
            ..Judgement::new(
                Indicator::EnforcementTimeliness,
                e.dept,
                Kind::Enforcement,
                i,
            )
        });
    }
}
