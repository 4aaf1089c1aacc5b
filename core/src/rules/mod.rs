//! Scoring rules: points, deadlines, targets and the assessment weight.
//!
//! Every number of RULES §3–§4 is a default that a human-editable TOML file
//! can change (`data/rules.toml` ships the defaults with comments citing
//! the national rules). Unknown keys and impossible values are errors that
//! name the key; a `weight_pct` below the work plan's 4% minimum loads with
//! a warning.

use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::date::Date;
use crate::score::Indicator;

/// The default rules file, as shipped in `data/rules.toml`.
pub const DEFAULT_RULES_TOML: &str = include_str!("../../../data/rules.toml");

/// The minimum weight of 政务公开 in the performance assessment (work plan:
/// 分值权重不低于4%).
pub const MINIMUM_WEIGHT_PCT: f64 = 4.0;

/// The largest points an indicator, or the whole assessment, may have. Far
/// above any real scheme, and low enough that sums, shares and the 4%
/// contribution stay finite numbers (1e308 points made scores `inf`).
pub const MAX_POINTS: f64 = 1_000_000.0;

/// All scoring rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rules {
    /// Weight of 政务公开 in the performance assessment, in percent.
    pub weight_pct: f64,
    /// Total points of the performance assessment.
    pub total_points: f64,
    /// Grade thresholds.
    pub grades: Grades,
    /// Points and parameters of each indicator.
    pub indicators: Indicators,
    /// 单项否决 rules.
    pub vetoes: Vetoes,
    /// How a policy document is recognised without 是否需解读.
    pub policy: Policy,
    /// Local changes to the working-day calendar.
    pub calendar: LocalCalendar,
}

/// Grade thresholds on the 0-100 score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Grades {
    /// 优秀 at or above.
    pub excellent: f64,
    /// 良好 at or above.
    pub good: f64,
    /// 合格 at or above; below is 不合格.
    pub pass: f64,
}

/// Parameters of the nine indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[derive(Default)]
pub struct Indicators {
    /// 主动公开及时率.
    pub disclosure_timeliness: DisclosureTimeliness,
    /// 政策解读率.
    pub interpretation_coverage: Coverage,
    /// 解读同步率.
    pub interpretation_sync: Sync,
    /// 多样化解读.
    pub interpretation_forms: Forms,
    /// 舆情回应及时率.
    pub opinion_response: OpinionResponse,
    /// 留言按时答复率.
    pub message_response: MessageResponse,
    /// 依申请按期答复率.
    pub request_timeliness: RequestTimeliness,
    /// 执法公示及时率.
    pub enforcement_timeliness: EnforcementTimeliness,
    /// 栏目更新率.
    pub platform_freshness: Freshness,
}

/// 政策解读率 parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Coverage {
    /// Points of the indicator.
    pub points: f64,
}

/// 主动公开及时率 parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DisclosureTimeliness {
    /// Points of the indicator.
    pub points: f64,
    /// Working days allowed after 成文日期 (条例第26条).
    pub deadline_workdays: u32,
}

/// 留言按时答复率 parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MessageResponse {
    /// Points of the indicator.
    pub points: f64,
    /// Working days allowed after 留言时间.
    pub deadline_workdays: u32,
}

/// 解读同步率 parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sync {
    /// Points of the indicator.
    pub points: f64,
    /// Working days after the document within which partial credit is given.
    pub grace_workdays: u32,
    /// Credit for an interpretation within the grace period.
    pub grace_credit: f64,
}

/// 多样化解读 parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Forms {
    /// Points of the indicator.
    pub points: f64,
    /// Share of rich-form interpretations that earns full points.
    pub target_share: f64,
    /// Words in 解读形式 that mark a rich form.
    pub rich_forms: Vec<String>,
}

/// 舆情回应 parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OpinionResponse {
    /// Points of the indicator.
    pub points: f64,
    /// Hours allowed for a major event.
    pub major_response_hours: u32,
    /// Hours allowed for any other event.
    pub response_hours: u32,
    /// Words in 事件等级 that mark a major event.
    pub major_levels: Vec<String>,
}

/// 依申请公开 parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RequestTimeliness {
    /// Points of the indicator.
    pub points: f64,
    /// Working days allowed (条例第33条).
    pub deadline_workdays: u32,
    /// Further working days when extended.
    pub extension_workdays: u32,
}

/// 执法公示 parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EnforcementTimeliness {
    /// Points of the indicator.
    pub points: f64,
    /// Working days for licensing and penalty decisions.
    pub fast_workdays: u32,
    /// Words in 执法类别 that take the short deadline.
    pub fast_kinds: Vec<String>,
    /// Working days for other decisions.
    pub deadline_workdays: u32,
}

/// 栏目更新 parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Freshness {
    /// Points of the indicator.
    pub points: f64,
    /// Words in 栏目类型 for news columns.
    pub news_kinds: Vec<String>,
    /// Calendar days within which a news column must be updated.
    pub news_days: u32,
    /// Calendar months within which any other column must be updated.
    pub other_months: u32,
}

/// 单项否决 parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Vetoes {
    /// A message unanswered this many calendar months after receipt vetoes.
    pub message_months: u32,
    /// This many stale columns veto.
    pub stale_columns: u32,
    /// The highest score of a vetoed department.
    pub score_cap: f64,
}

/// Policy-document recognition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Words in 主题分类 that mark a policy document.
    pub categories: Vec<String>,
}

/// Local calendar days.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LocalCalendar {
    /// Extra days off (e.g. a local festival), read once when the file is
    /// loaded: a value that is no date rejects the file.
    pub off_days: Vec<Date>,
    /// Extra working days, likewise.
    pub work_days: Vec<Date>,
}

/// Implements `Default` for each rules table from its values below.
macro_rules! defaults {
    ($($table:ident { $($field:ident: $value:expr),* $(,)? })*) => {
        $(impl Default for $table {
            fn default() -> $table {
                $table { $($field: $value),* }
            }
        })*
    };
}

// The defaults of RULES §3–§4, table by table as in `data/rules.toml`
// (`the_shipped_file_is_the_spec_defaults` keeps the two equal). Tables
// that are all defaults (`Indicators`, `LocalCalendar`) derive them.
defaults! {
    Rules {
        weight_pct: 4.0,
        total_points: 100.0,
        grades: Grades::default(),
        indicators: Indicators::default(),
        vetoes: Vetoes::default(),
        policy: Policy::default(),
        calendar: LocalCalendar::default(),
    }
    Grades { excellent: 90.0, good: 80.0, pass: 60.0 }
    DisclosureTimeliness { points: 20.0, deadline_workdays: 20 }
    Coverage { points: 10.0 }
    Sync { points: 5.0, grace_workdays: 3, grace_credit: 0.5 }
    Forms {
        points: 5.0,
        target_share: 0.30,
        rich_forms: words(&["图解", "图片", "音频", "视频", "动漫", "卡通", "问答", "发布会", "访谈"]),
    }
    OpinionResponse {
        points: 10.0,
        major_response_hours: 5,
        response_hours: 48,
        major_levels: words(&["重大"]),
    }
    MessageResponse { points: 10.0, deadline_workdays: 5 }
    RequestTimeliness { points: 15.0, deadline_workdays: 20, extension_workdays: 20 }
    EnforcementTimeliness {
        points: 10.0,
        fast_workdays: 7,
        fast_kinds: words(&["许可", "处罚"]),
        deadline_workdays: 20,
    }
    Freshness { points: 15.0, news_kinds: words(&["动态", "要闻"]), news_days: 14, other_months: 6 }
    Vetoes { message_months: 3, stale_columns: 5, score_cap: 59.0 }
    Policy { categories: words(&["规章", "规范性文件", "政策文件"]) }
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// A rules file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RulesError {
    /// The TOML does not parse or has an unknown key or wrong type.
    #[error("rules file: {0}")]
    Syntax(String),
    /// A value is out of range.
    #[error("rules file: `{key}` {problem}")]
    Invalid {
        /// The dotted key.
        key: String,
        /// What is wrong with it.
        problem: String,
    },
}

/// Rules that loaded, with warnings to show wherever they matter.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedRules {
    /// The rules.
    pub rules: Rules,
    /// Warnings (e.g. weight below 4%).
    pub warnings: Vec<String>,
}

impl Rules {
    /// Parses and validates a rules file; keys left out keep their defaults.
    pub fn try_from_toml(text: &str) -> Result<LoadedRules, RulesError> {
        let rules: Rules = toml::from_str(text).map_err(|e| RulesError::Syntax(e.to_string()))?;
        rules.validate()?;
        let warnings = rules.warnings();
        Ok(LoadedRules { rules, warnings })
    }

    /// The rules as a TOML file the CLI and the app both read.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// Warnings about rules that load but break the work plan.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.weight_pct < MINIMUM_WEIGHT_PCT {
            warnings.push(format!(
                "weight_pct = {} is below the work plan's minimum of {MINIMUM_WEIGHT_PCT}% (分值权重不低于4%)",
                self.weight_pct
            ));
        }
        warnings
    }

    /// True when the weight is below the 4% minimum.
    pub fn weight_below_minimum(&self) -> bool {
        self.weight_pct < MINIMUM_WEIGHT_PCT
    }

    /// Checks every value's range.
    pub fn validate(&self) -> Result<(), RulesError> {
        let invalid = |key: &str, problem: &str| RulesError::Invalid {
            key: key.to_owned(),
            problem: problem.to_owned(),
        };
        let finite_non_negative = |key: &str, v: f64| {
            if v.is_finite() && v >= 0.0 {
                Ok(())
            } else {
                Err(invalid(key, &format!("must be a number ≥ 0, got {v}")))
            }
        };
        if !(self.weight_pct.is_finite() && self.weight_pct > 0.0 && self.weight_pct <= 100.0) {
            return Err(invalid(
                "weight_pct",
                &format!("must be in (0, 100], got {}", self.weight_pct),
            ));
        }
        if !(self.total_points.is_finite() && self.total_points > 0.0) {
            return Err(invalid(
                "total_points",
                &format!("must be > 0, got {}", self.total_points),
            ));
        }
        let at_most_max = |key: &str, v: f64| {
            if v <= MAX_POINTS {
                Ok(())
            } else {
                // 1e308 rather than a 309-digit number.
                let got = if v.abs() < 1e15 {
                    v.to_string()
                } else {
                    format!("{v:e}")
                };
                Err(invalid(
                    key,
                    &format!("must be at most {MAX_POINTS}, got {got}"),
                ))
            }
        };
        at_most_max("total_points", self.total_points)?;
        let g = &self.grades;
        for (key, v) in [
            ("grades.excellent", g.excellent),
            ("grades.good", g.good),
            ("grades.pass", g.pass),
        ] {
            finite_non_negative(key, v)?;
        }
        if !(g.excellent >= g.good && g.good >= g.pass) {
            return Err(invalid("grades", "must satisfy excellent ≥ good ≥ pass"));
        }
        for (ind, v) in self.indicator_points() {
            let key = format!("indicators.{}.points", ind.key());
            finite_non_negative(&key, v)?;
            at_most_max(&key, v)?;
        }
        let i = &self.indicators;
        let credit = i.interpretation_sync.grace_credit;
        if !(0.0..=1.0).contains(&credit) {
            return Err(invalid(
                "indicators.interpretation_sync.grace_credit",
                &format!("must be between 0 and 1, got {credit}"),
            ));
        }
        let share = i.interpretation_forms.target_share;
        if !(share > 0.0 && share <= 1.0) {
            return Err(invalid(
                "indicators.interpretation_forms.target_share",
                &format!("must be in (0, 1], got {share}"),
            ));
        }
        finite_non_negative("vetoes.score_cap", self.vetoes.score_cap)?;
        Ok(())
    }

    /// Points of each indicator, in RULES §3 order.
    pub fn indicator_points(&self) -> [(Indicator, f64); 9] {
        let i = &self.indicators;
        Indicator::ALL.map(|ind| {
            let points = match ind {
                Indicator::DisclosureTimeliness => i.disclosure_timeliness.points,
                Indicator::InterpretationCoverage => i.interpretation_coverage.points,
                Indicator::InterpretationSync => i.interpretation_sync.points,
                Indicator::InterpretationForms => i.interpretation_forms.points,
                Indicator::OpinionResponse => i.opinion_response.points,
                Indicator::MessageResponse => i.message_response.points,
                Indicator::RequestTimeliness => i.request_timeliness.points,
                Indicator::EnforcementTimeliness => i.enforcement_timeliness.points,
                Indicator::PlatformFreshness => i.platform_freshness.points,
            };
            (ind, points)
        })
    }

    /// The working-day calendar: official days plus this file's local days.
    pub fn calendar(&self) -> Calendar {
        Calendar::official().with_local_days(&self.calendar.off_days, &self.calendar.work_days)
    }
}

#[cfg(test)]
mod tests;
