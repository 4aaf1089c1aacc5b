//! 栏目更新率 (website columns kept alive, RULES §3): every column is judged
//! at `as_of`: a 动态/要闻 column is fresh when updated in the 14 days
//! before, any other in the 6 calendar months before; without an update
//! date it is stale; nothing is pending. Five stale columns fire the
//! columns veto (RULES §4).

use super::policy::contains_any;
use super::verdict::{Status, dt};
use super::{Context, Indicator, Judgement};
use crate::record::Dataset;
use crate::schema::Kind;

/// Judges every column.
pub(super) fn judge(data: &Dataset, cx: &Context<'_>, sink: &mut dyn FnMut(&Judgement)) {
    let fr = &cx.rules.indicators.platform_freshness;
    let as_of = cx.window.as_of;
    let news_since = as_of.add_days(-i32::try_from(fr.news_days).unwrap_or(i32::MAX));
    let other_since = as_of.add_months(-i32::try_from(fr.other_months).unwrap_or(i32::MAX));
    for (i, c) in data.columns.iter().enumerate() {
        let since = if contains_any(&c.kind, &fr.news_kinds) {
            news_since
        } else {
            other_since
        };
        let fresh = c.last_updated_on.is_some_and(|u| u >= since);
        let status = if fresh { Status::Pass } else { Status::Fail };
        sink(&Judgement {
            status,
            credit: status.credit(),
            start: c.last_updated_on.and_then(dt),
            deadline: dt(since),
            workday_deadline: false,
            ..Judgement::new(Indicator::PlatformFreshness, c.dept, Kind::Column, i)
        });
    }
}
