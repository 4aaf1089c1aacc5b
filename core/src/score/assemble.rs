//! From judgements to a scorecard (RULES §3–§4): tallies per department
//! and indicator, earned points, the raw score, vetoes, rounding, grade,
//! the 4% contribution; then ranks (`rank.rs`).

use super::card::{DeptScore, IndicatorScore, ScoreWarning, Scorecard};
use super::rank::rank;
use super::verdict::{Status, Tally};
use super::{Grade, Indicator, Judgement, Veto, Window};
use crate::calendar::Calendar;
use crate::date::{Date, DateTime};
use crate::record::Dataset;
use crate::rules::Rules;

/// RULES §4 rounding: half up to 2 decimals, after removing float noise
/// below 1e-9 so that the order of additions can never flip a half.
pub fn round2(x: f64) -> f64 {
    let r = (x * 1e9).round() / 1e9;
    (r * 100.0 + 0.5).floor() / 100.0
}

/// What [`score`] folds the judgements of one window into.
#[derive(Debug)]
pub(crate) struct Folded {
    /// Per department, per indicator.
    pub tallies: Vec<[Tally; 9]>,
    /// Per department: a message fired the 3-month veto.
    pub message_veto: Vec<bool>,
    /// Per department: stale columns.
    pub stale_columns: Vec<u32>,
    /// Years touched by working-day arithmetic.
    pub years: YearSpan,
}

impl Folded {
    /// Nothing counted yet, for `n` departments.
    pub(crate) fn new(n: usize) -> Folded {
        Folded {
            tallies: vec![[Tally::default(); 9]; n],
            message_veto: vec![false; n],
            stale_columns: vec![0; n],
            years: YearSpan::default(),
        }
    }

    /// Adds one judgement, as [`score`] does.
    pub(crate) fn add(&mut self, j: &Judgement) {
        let d = j.dept.0 as usize;
        self.tallies[d][j.indicator.index()].add(j);
        if j.vetoes {
            self.message_veto[d] = true;
        }
        if j.indicator == Indicator::PlatformFreshness && j.status == Status::Fail {
            self.stale_columns[d] += 1;
        }
        if j.workday_deadline {
            self.years.add(j.start);
            self.years.add(j.deadline);
        }
    }
}

/// Turns the tallies of one window into its scorecard: indicator points,
/// raw score, vetoes, rounding, grades, contributions and ranks.
#[allow(
    clippy::too_many_lines,
    reason = "indicator sums, vetoes and rounding read best in one place"
)]
pub(crate) fn assemble(
    data: &Dataset,
    rules: &Rules,
    window: Window,
    calendar: &Calendar,
    folded: Folded,
) -> Scorecard {
    let Folded {
        tallies,
        message_veto,
        stale_columns,
        years,
    } = folded;
    let points = rules.indicator_points();
    let mut departments: Vec<DeptScore> = data
        .departments
        .ids_unsorted()
        .map(|id| {
            let t = &tallies[id.0 as usize];
            let mut indicators = [None; 9];
            let (mut earned_sum, mut points_sum) = (0.0, 0.0);
            for ind in Indicator::ALL {
                let tally = t[ind.index()];
                let pts = points[ind.index()].1;
                if tally.counted == 0 || pts <= 0.0 {
                    continue;
                }
                let share = tally.passed / f64::from(tally.counted);
                let earned = if ind == Indicator::InterpretationForms {
                    pts * (share / rules.indicators.interpretation_forms.target_share).min(1.0)
                } else {
                    pts * tally.passed / f64::from(tally.counted)
                };
                earned_sum += earned;
                points_sum += pts;
                indicators[ind.index()] = Some(IndicatorScore {
                    points: pts,
                    earned,
                    passed: tally.passed,
                    counted: tally.counted,
                    pending: tally.pending,
                    tally,
                });
            }
            let raw = (points_sum > 0.0).then(|| 100.0 * earned_sum / points_sum);
            let mut vetoes = Vec::new();
            if raw.is_some() {
                if message_veto[id.0 as usize] {
                    vetoes.push(Veto::Message);
                }
                if stale_columns[id.0 as usize] >= rules.vetoes.stale_columns {
                    vetoes.push(Veto::Columns);
                }
            }
            let score = raw.map(|r| {
                round2(if vetoes.is_empty() {
                    r
                } else {
                    r.min(rules.vetoes.score_cap)
                })
            });
            DeptScore {
                id,
                dept: data.departments.name(id).to_owned(),
                group: data.departments.group(id).to_owned(),
                raw,
                score,
                grade: score.map(|s| Grade::of(s, rules)),
                rank: None,
                group_rank: None,
                contribution: score
                    .map(|s| round2(s * rules.total_points * rules.weight_pct / 10_000.0)),
                vetoes,
                indicators,
            }
        })
        .collect();
    rank(&mut departments);
    let mut warnings = Vec::new();
    if rules.weight_below_minimum() {
        warnings.push(ScoreWarning::WeightBelowMinimum {
            weight_pct: rules.weight_pct,
        });
    }
    warnings.extend(
        years
            .missing(calendar)
            .into_iter()
            .map(|(first, last)| ScoreWarning::NoCalendar { first, last }),
    );
    Scorecard {
        window,
        weight_pct: rules.weight_pct,
        total_points: rules.total_points,
        departments,
        warnings,
    }
}

/// The span of years touched by working-day arithmetic.
#[derive(Debug, Default)]
pub(crate) struct YearSpan {
    min: Option<Date>,
    max: Option<Date>,
}

impl YearSpan {
    pub(crate) fn add(&mut self, t: Option<DateTime>) {
        if let Some(t) = t {
            self.min = Some(self.min.map_or(t.date, |m| m.min(t.date)));
            self.max = Some(self.max.map_or(t.date, |m| m.max(t.date)));
        }
    }

    /// The runs of years without an official calendar, as `(first, last)`:
    /// one entry for a deadline millions of years away, not millions.
    fn missing(&self, calendar: &Calendar) -> Vec<(i32, i32)> {
        let (Some(a), Some(b)) = (self.min, self.max) else {
            return Vec::new();
        };
        let (first, last) = (a.year(), b.year());
        let mut runs = Vec::new();
        // The first year not yet accounted for.
        let mut next = first;
        for y in calendar
            .official_years()
            .filter(|y| (first..=last).contains(y))
        {
            if y > next {
                runs.push((next, y - 1));
            }
            next = y.saturating_add(1);
        }
        if next <= last {
            runs.push((next, last));
        }
        runs
    }
}
