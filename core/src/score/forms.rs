//! 多样化解读 (rich interpretation forms, RULES §3): an interpretation of the
//! window passes when its 解读形式 names a rich form (图解, 视频, 访谈 …);
//! the indicator earns points × min(1, share / target share) (see
//! `assemble`).

use super::policy::contains_any;
use super::verdict::{Status, dt};
use super::{Context, Indicator, Judgement};
use crate::record::Dataset;
use crate::schema::Kind;

/// Judges every interpretation of the window.
pub(super) fn judge(data: &Dataset, cx: &Context<'_>, sink: &mut dyn FnMut(&Judgement)) {
    let rich = &cx.rules.indicators.interpretation_forms.rich_forms;
    for (i, it) in data.interpretations.iter().enumerate() {
        if !cx.window.contains(it.published_on) {
            continue;
        }
        let is_rich = it.form.as_deref().is_some_and(|f| contains_any(f, rich));
        let status = if is_rich { Status::Pass } else { Status::Fail };
        sink(&Judgement {
            status,
            credit: status.credit(),
            start: dt(it.published_on),
            workday_deadline: false,
            ..Judgement::new(
                Indicator::InterpretationForms,
                it.dept,
                Kind::Interpretation,
                i,
            )
        });
    }
}
