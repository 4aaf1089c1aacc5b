//! The nine indicators of RULES §3: their keys and names, their points
//! and deadlines under the rules, and sets of them.

use serde::Serialize;

use crate::lang::Lang;
use crate::rules::Rules;

/// The nine indicators of RULES §3, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    /// 主动公开及时率.
    DisclosureTimeliness,
    /// 政策解读率.
    InterpretationCoverage,
    /// 解读同步率.
    InterpretationSync,
    /// 多样化解读.
    InterpretationForms,
    /// 舆情回应及时率.
    OpinionResponse,
    /// 留言按时答复率.
    MessageResponse,
    /// 依申请按期答复率.
    RequestTimeliness,
    /// 执法公示及时率.
    EnforcementTimeliness,
    /// 栏目更新率.
    PlatformFreshness,
}

/// Key, Chinese and English name of each indicator, in [`Indicator::ALL`]
/// order: the one list of them.
const NAMES: [(&str, &str, &str); 9] = [
    (
        "disclosure_timeliness",
        "主动公开及时率",
        "Disclosure timeliness",
    ),
    (
        "interpretation_coverage",
        "政策解读率",
        "Interpretation coverage",
    ),
    (
        "interpretation_sync",
        "解读同步率",
        "Interpretation in sync",
    ),
    (
        "interpretation_forms",
        "多样化解读",
        "Rich interpretation forms",
    ),
    (
        "opinion_response",
        "舆情回应及时率",
        "Public-opinion response",
    ),
    (
        "message_response",
        "留言按时答复率",
        "Message replies on time",
    ),
    (
        "request_timeliness",
        "依申请按期答复率",
        "Requests answered on time",
    ),
    (
        "enforcement_timeliness",
        "执法公示及时率",
        "Enforcement publicity",
    ),
    ("platform_freshness", "栏目更新率", "Website columns fresh"),
];

impl Indicator {
    /// All indicators in RULES §3 order.
    pub const ALL: [Indicator; 9] = [
        Indicator::DisclosureTimeliness,
        Indicator::InterpretationCoverage,
        Indicator::InterpretationSync,
        Indicator::InterpretationForms,
        Indicator::OpinionResponse,
        Indicator::MessageResponse,
        Indicator::RequestTimeliness,
        Indicator::EnforcementTimeliness,
        Indicator::PlatformFreshness,
    ];

    /// The JSON key.
    pub fn key(self) -> &'static str {
        NAMES[self.index()].0
    }

    /// The Chinese name.
    pub fn name_zh(self) -> &'static str {
        NAMES[self.index()].1
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        NAMES[self.index()].2
    }

    /// The name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        lang.pick(self.name_zh(), self.name_en())
    }

    /// Position in [`Indicator::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The indicator with this JSON key.
    pub fn from_key(key: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.key() == key)
    }

    /// Points of this indicator under `rules`.
    pub fn points(self, rules: &Rules) -> f64 {
        rules.indicator_points()[self.index()].1
    }

    /// This indicator's working-day deadlines under `rules`, shortest
    /// first, each with what it applies to in `lang`: one for disclosures
    /// and messages; the ordinary and the extended one for requests; the
    /// one for 许可/处罚 and the ordinary one for enforcement. None for the
    /// others: opinion events are judged in hours, the rest by no deadline.
    pub fn deadlines(self, rules: &Rules, lang: Lang) -> Vec<(u32, String)> {
        let i = &rules.indicators;
        let mut marks = match self {
            Indicator::DisclosureTimeliness => vec![(
                i.disclosure_timeliness.deadline_workdays,
                lang.pick("公开时限", "deadline").to_owned(),
            )],
            Indicator::MessageResponse => vec![(
                i.message_response.deadline_workdays,
                lang.pick("答复时限", "deadline").to_owned(),
            )],
            Indicator::RequestTimeliness => {
                let r = &i.request_timeliness;
                vec![
                    (
                        r.deadline_workdays,
                        lang.pick("答复时限", "deadline").to_owned(),
                    ),
                    (
                        r.deadline_workdays.saturating_add(r.extension_workdays),
                        lang.pick("延期后", "extended").to_owned(),
                    ),
                ]
            }
            Indicator::EnforcementTimeliness => {
                let e = &i.enforcement_timeliness;
                vec![
                    (
                        e.fast_workdays,
                        match lang {
                            Lang::Zh => e.fast_kinds.join("、"),
                            Lang::En => format!("{} (fast)", e.fast_kinds.join(", ")),
                        },
                    ),
                    (e.deadline_workdays, lang.pick("其他", "others").to_owned()),
                ]
            }
            _ => Vec::new(),
        };
        marks.sort_by_key(|m| m.0);
        marks
    }
}

/// A set of indicators (which ones a pass judges).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicatorSet(u16);

impl IndicatorSet {
    /// All nine.
    pub const ALL: IndicatorSet = IndicatorSet((1 << Indicator::ALL.len()) - 1);

    /// Just `indicator`.
    pub fn only(indicator: Indicator) -> IndicatorSet {
        IndicatorSet(1 << indicator.index())
    }

    /// This set without `indicator`.
    #[must_use]
    pub fn without(self, indicator: Indicator) -> IndicatorSet {
        IndicatorSet(self.0 & !(1 << indicator.index()))
    }

    /// True when `indicator` is in the set.
    pub fn contains(self, indicator: Indicator) -> bool {
        self.0 & (1 << indicator.index()) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_hold_what_was_put_in() {
        let others = IndicatorSet::ALL
            .without(Indicator::InterpretationSync)
            .without(Indicator::DisclosureTimeliness);
        for i in Indicator::ALL {
            let expected = !matches!(
                i,
                Indicator::InterpretationSync | Indicator::DisclosureTimeliness
            );
            assert_eq!(others.contains(i), expected, "{i:?}");
            assert!(IndicatorSet::only(i).contains(i));
            assert!(
                !IndicatorSet::only(i).contains(Indicator::PlatformFreshness)
                    || i == Indicator::PlatformFreshness
            );
        }
        assert_eq!(
            Indicator::from_key("message_response"),
            Some(Indicator::MessageResponse)
        );
        assert_eq!(
            Indicator::ALL.map(Indicator::index),
            [0, 1, 2, 3, 4, 5, 6, 7, 8]
        );
    }
}
