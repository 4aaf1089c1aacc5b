//! What scoring produces (RULES §4, §6): each department's indicators,
//! score, grade, vetoes, contribution and ranks, the scorecard of a window
//! with its warnings, and the rates drawn from them.

use serde::Serialize;

use super::verdict::Tally;
use super::{Indicator, Window};
use crate::lang::Lang;
use crate::record::DeptId;
use crate::rules::{MINIMUM_WEIGHT_PCT, Rules};

/// One indicator's result for one department (RULES §6).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct IndicatorScore {
    /// Points of the indicator.
    pub points: f64,
    /// Points earned.
    pub earned: f64,
    /// Sum of credits.
    pub passed: f64,
    /// Items counted (pending excluded).
    pub counted: u32,
    /// Items pending.
    pub pending: u32,
    /// The full tally, for charts.
    #[serde(skip)]
    pub tally: Tally,
}

/// 单项否决 reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Veto {
    /// A message unanswered three months after receipt.
    Message,
    /// Five or more stale website columns.
    Columns,
}

impl Veto {
    /// The JSON value.
    pub fn key(self) -> &'static str {
        match self {
            Veto::Message => "message",
            Veto::Columns => "columns",
        }
    }

    /// The reason in `lang`, with the thresholds of `rules` (an edited
    /// `[vetoes]` section changes the words, not just the verdicts).
    pub fn label(self, rules: &Rules, lang: Lang) -> String {
        let v = &rules.vetoes;
        match (self, lang) {
            (Veto::Message, Lang::Zh) => format!("留言超{}个月未答复", v.message_months),
            (Veto::Message, Lang::En) => {
                format!("a message unanswered after {} months", v.message_months)
            }
            (Veto::Columns, Lang::Zh) => format!("{}个以上栏目未按时更新", v.stale_columns),
            (Veto::Columns, Lang::En) => format!("{} or more stale columns", v.stale_columns),
        }
    }
}

/// 优秀 / 良好 / 合格 / 不合格.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Grade {
    /// 优秀.
    #[serde(rename = "优秀")]
    Excellent,
    /// 良好.
    #[serde(rename = "良好")]
    Good,
    /// 合格.
    #[serde(rename = "合格")]
    Pass,
    /// 不合格.
    #[serde(rename = "不合格")]
    Fail,
}

impl Grade {
    /// The grade of a (rounded) score.
    pub fn of(score: f64, rules: &Rules) -> Grade {
        let g = &rules.grades;
        if score >= g.excellent {
            Grade::Excellent
        } else if score >= g.good {
            Grade::Good
        } else if score >= g.pass {
            Grade::Pass
        } else {
            Grade::Fail
        }
    }

    /// The Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Grade::Excellent => "优秀",
            Grade::Good => "良好",
            Grade::Pass => "合格",
            Grade::Fail => "不合格",
        }
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Grade::Excellent => "Excellent",
            Grade::Good => "Good",
            Grade::Pass => "Pass",
            Grade::Fail => "Fail",
        }
    }

    /// The name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        lang.pick(self.name_zh(), self.name_en())
    }

    /// The lowest score of this grade under `rules` (0 for 不合格).
    pub fn floor(self, rules: &Rules) -> f64 {
        let g = &rules.grades;
        match self {
            Grade::Excellent => g.excellent,
            Grade::Good => g.good,
            Grade::Pass => g.pass,
            Grade::Fail => 0.0,
        }
    }
}

/// One department's scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeptScore {
    /// The department's id in the dataset.
    #[serde(skip)]
    pub id: DeptId,
    /// Canonical name.
    pub dept: String,
    /// Group.
    pub group: String,
    /// The raw score before vetoes and rounding.
    #[serde(skip)]
    pub raw: Option<f64>,
    /// The score (capped when vetoed, rounded); `None` when unscored.
    pub score: Option<f64>,
    /// The grade.
    pub grade: Option<Grade>,
    /// Rank among all scored departments.
    pub rank: Option<u32>,
    /// Rank within the group.
    pub group_rank: Option<u32>,
    /// Points contributed to the performance assessment.
    pub contribution: Option<f64>,
    /// Vetoes that fired.
    pub vetoes: Vec<Veto>,
    /// Per indicator, in RULES §3 order; `None` when not applicable.
    pub indicators: [Option<IndicatorScore>; 9],
}

/// The result of scoring.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// The window scored.
    pub window: Window,
    /// Weight in the performance assessment, percent.
    pub weight_pct: f64,
    /// Total points of the performance assessment.
    pub total_points: f64,
    /// Departments by rank then name, unscored last.
    pub departments: Vec<DeptScore>,
    /// Warnings (weight below 4%, years without an official calendar).
    pub warnings: Vec<ScoreWarning>,
}

impl Scorecard {
    /// The scorecard of one department.
    pub fn department(&self, id: DeptId) -> Option<&DeptScore> {
        self.departments.iter().find(|d| d.id == id)
    }

    /// Passes per counted item, in percent, pooled over `indicators` and
    /// every department (the KPI tiles); `None` when nothing is counted.
    pub fn rate_pct(&self, indicators: &[Indicator]) -> Option<f64> {
        pooled_rate(self.departments.iter(), indicators)
    }
}

impl DeptScore {
    /// Passes per counted item, in percent, pooled over `indicators` (a
    /// department's bar on the rates slides and charts); `None` when
    /// nothing is counted.
    pub fn rate_pct(&self, indicators: &[Indicator]) -> Option<f64> {
        pooled_rate(std::iter::once(self), indicators)
    }
}

/// Σ passed / Σ counted over some departments and indicators, in percent.
fn pooled_rate<'a>(
    departments: impl Iterator<Item = &'a DeptScore>,
    indicators: &[Indicator],
) -> Option<f64> {
    let (mut passed, mut counted) = (0.0, 0u64);
    for d in departments {
        for s in indicators.iter().filter_map(|i| d.indicators[i.index()]) {
            passed += s.passed;
            counted += u64::from(s.counted);
        }
    }
    (counted > 0).then(|| 100.0 * passed / counted as f64)
}

/// Something the user should know about a scorecard.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum ScoreWarning {
    /// The weight is below the work plan's 4% minimum.
    WeightBelowMinimum {
        /// The weight in force, percent.
        weight_pct: f64,
    },
    /// Years of the working-day arithmetic have no official calendar.
    NoCalendar {
        /// First such year.
        first: i32,
        /// Last such year.
        last: i32,
    },
}

impl ScoreWarning {
    /// The warning in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (*self, lang) {
            (ScoreWarning::WeightBelowMinimum { weight_pct }, Lang::En) => format!(
                "weight_pct = {weight_pct} is below the work plan's minimum of {MINIMUM_WEIGHT_PCT}% (分值权重不低于4%)"
            ),
            (ScoreWarning::WeightBelowMinimum { weight_pct }, Lang::Zh) => format!(
                "权重 {weight_pct}% 低于工作要点要求的 {MINIMUM_WEIGHT_PCT}%（分值权重不低于4%）"
            ),
            (ScoreWarning::NoCalendar { first, last }, lang) => {
                let years = if first == last {
                    first.to_string()
                } else {
                    format!("{first}–{last}")
                };
                match lang {
                    Lang::En => format!(
                        "{years} {} no official holiday calendar; working days there count weekends only",
                        if first == last { "has" } else { "have" }
                    ),
                    Lang::Zh => format!("{years} 年没有国务院节假日安排，工作日只按周末计算"),
                }
            }
        }
    }
}

impl std::fmt::Display for ScoreWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl Serialize for ScoreWarning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
