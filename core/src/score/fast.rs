//! Re-scoring without re-reading the records: the dashboard's fast path.
//!
//! A window or rule change on a million 主动公开 (disclosure) records must
//! redraw every chart within 50 ms, and the monthly trend scores twelve
//! windows at once. [`Prepared`] keeps, once per dataset, the columns the
//! three disclosure indicators read (dates, department, 是否需解读, 主题分类
//! and the date of the earliest 政策解读 of each record's id) as plain
//! arrays, so [`score_windows`] judges them in one tight pass over those
//! arrays for all windows together, in record order. Everything else (the
//! other six indicators, vetoes, rounding, ranks) goes through the same
//! [`judge`](crate::score::judge) and assembly as [`score`](crate::score::score);
//! the three disclosure indicators use the verdict functions of their own
//! files (`disclosure::status`, `coverage::status`, `sync::status`) and
//! the policy rule of `policy::Basis`, so no rule is written twice,
//! and `core/tests/it/prepared.rs` checks that both give identical
//! scorecards.
//!
//! Nothing here depends on the rules: deadlines, policy categories and
//! credits are applied during the pass, so a rule change needs no new
//! [`Prepared`].

use rustc_hash::FxHashMap;

use super::policy::{Basis, earliest_interpretations};
use super::verdict::Status;
use super::{
    Context, Folded, Indicator, IndicatorSet, Scorecard, Window, assemble, coverage, disclosure,
    judge_set, sync,
};
use crate::date::{Date, DateTime};
use crate::record::{Dataset, DeptId};
use crate::rules::Rules;

/// A record's [`Basis`] for being a policy document, as a number: 是否需解读
/// = 否, = 是, no basis, or its 主题分类 `c` as `FIRST_CATEGORY + c`.
const NEEDS_NO: u32 = 0;
const NEEDS_YES: u32 = 1;
const NO_CATEGORY: u32 = 2;
const FIRST_CATEGORY: u32 = 3;

/// The disclosure columns of a dataset, in record order.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    formed: Vec<Date>,
    published: Vec<Date>,
    dept: Vec<DeptId>,
    /// [`NEEDS_NO`], [`NEEDS_YES`], [`NO_CATEGORY`] or a category.
    policy: Vec<u32>,
    /// Every distinct 主题分类, so the rules' policy categories are matched
    /// once per category, not once per record.
    categories: Vec<Box<str>>,
    /// The earliest 政策解读 of the record's 索引号, whatever its date: the
    /// earliest one published by `as_of` is this one when it is on or
    /// before `as_of`, and there is none otherwise.
    interpreted: Vec<Option<Date>>,
}

impl Prepared {
    /// Reads the columns of `data`'s disclosures.
    pub fn new(data: &Dataset) -> Prepared {
        let earliest = earliest_interpretations(data);
        let n = data.disclosures.len();
        let mut p = Prepared {
            formed: Vec::with_capacity(n),
            published: Vec::with_capacity(n),
            dept: Vec::with_capacity(n),
            policy: Vec::with_capacity(n),
            categories: Vec::new(),
            interpreted: Vec::with_capacity(n),
        };
        let mut category_ids: FxHashMap<&str, u32> = FxHashMap::default();
        for d in &data.disclosures {
            p.formed.push(d.formed_on);
            p.published.push(d.published_on);
            p.dept.push(d.dept);
            let policy = match Basis::of(d) {
                Basis::Flag(false) => NEEDS_NO,
                Basis::Flag(true) => NEEDS_YES,
                Basis::Nothing => NO_CATEGORY,
                Basis::Category(c) => *category_ids.entry(c).or_insert_with(|| {
                    p.categories.push(c.into());
                    FIRST_CATEGORY + (p.categories.len() - 1) as u32
                }),
            };
            p.policy.push(policy);
            p.interpreted
                .push(d.id.as_deref().and_then(|id| earliest.get(id).copied()));
        }
        p
    }

    /// Number of disclosures read.
    pub fn len(&self) -> usize {
        self.formed.len()
    }

    /// True when the dataset has no disclosures.
    pub fn is_empty(&self) -> bool {
        self.formed.is_empty()
    }

    /// Calls `f` with the working days taken by each 主动公开 item of
    /// `window` published by its `as_of` (成文日期 to 发布日期), in record
    /// order: what [`judge_only`](crate::score::judge_only) gives for
    /// 主动公开及时率 as `start` and `done`.
    pub fn disclosure_days_taken(
        &self,
        calendar: &crate::calendar::Calendar,
        window: Window,
        mut f: impl FnMut(u32),
    ) {
        for (&formed, &published) in self.formed.iter().zip(&self.published) {
            if window.contains(formed) && published <= window.as_of {
                f(calendar.workdays_between(formed, published));
            }
        }
    }

    /// Per value of `policy`: a policy document under `rules`, as
    /// [`Basis::decides`] says (each category matched once).
    fn policy_table(&self, rules: &Rules) -> Vec<bool> {
        let fixed = [Basis::Flag(false), Basis::Flag(true), Basis::Nothing];
        let categories = self.categories.iter().map(|c| Basis::Category(c));
        fixed
            .into_iter()
            .chain(categories)
            .map(|b| b.decides(rules))
            .collect()
    }
}

/// Some disjoint windows in date order, for finding the one holding a day.
struct Finder<'a> {
    windows: &'a [Window],
    /// Indices into `windows` of the disjoint ones, by `from`.
    order: Vec<usize>,
}

impl Finder<'_> {
    fn new(windows: &[Window], disjoint: Vec<usize>) -> Finder<'_> {
        let mut order = disjoint;
        order.sort_by_key(|&i| windows[i].from);
        Finder { windows, order }
    }

    /// The window holding `day`, if any.
    fn find(&self, day: Date) -> Option<usize> {
        if let [only] = self.order[..] {
            return self.windows[only].contains(day).then_some(only);
        }
        let after = self.order.partition_point(|&i| self.windows[i].from <= day);
        let i = *self.order.get(after.checked_sub(1)?)?;
        self.windows[i].contains(day).then_some(i)
    }
}

/// Days a table is kept for: windows spanning more (centuries) look each
/// day up instead.
const TABLE_DAYS: i64 = 1 << 16;

/// No window.
const NONE: u32 = u32::MAX;

/// For a day: the windows holding it and the deadlines counted from it.
#[derive(Debug, Clone, Copy)]
struct Day {
    /// The disjoint window holding the day, then the outer window when it
    /// holds the day too; [`NONE`] for none.
    windows: [u32; 2],
    /// 成文日期 + the disclosure deadline.
    deadline: Date,
    /// 发布日期 + the sync grace period.
    grace: Date,
}

/// [`Day`]s of the windows' span, computed once per pass rather than once
/// per record.
struct Days<'a> {
    finder: Finder<'a>,
    outer: Option<usize>,
    calendar: &'a crate::calendar::Calendar,
    deadline_workdays: u32,
    grace_workdays: u32,
    first: i64,
    table: Vec<Day>,
}

impl<'a> Days<'a> {
    fn new(
        layers: (&'a [Window], Vec<usize>, Option<usize>),
        calendar: &'a crate::calendar::Calendar,
        deadline_workdays: u32,
        grace_workdays: u32,
    ) -> Days<'a> {
        let (windows, disjoint, outer) = layers;
        let used: Vec<usize> = disjoint.iter().copied().chain(outer).collect();
        let mut days = Days {
            finder: Finder::new(windows, disjoint),
            outer,
            calendar,
            deadline_workdays,
            grace_workdays,
            first: 0,
            table: Vec::new(),
        };
        let first = used.iter().map(|&i| windows[i].from.day_number()).min();
        let last = used.iter().map(|&i| windows[i].to.day_number()).max();
        if let (Some(first), Some(last)) = (first, last)
            && i64::from(last) - i64::from(first) < TABLE_DAYS
        {
            days.first = i64::from(first);
            days.table = (first..=last)
                .map(|n| days.compute(Date::from_day_number(n)))
                .collect();
        }
        days
    }

    fn compute(&self, day: Date) -> Day {
        let inner = self.finder.find(day).map_or(NONE, |w| w as u32);
        let outer = self
            .outer
            .filter(|&o| self.finder.windows[o].contains(day))
            .map_or(NONE, |o| o as u32);
        Day {
            windows: [inner, outer],
            deadline: self.calendar.add_workdays(day, self.deadline_workdays),
            grace: self.calendar.add_workdays(day, self.grace_workdays),
        }
    }

    /// The day's windows and deadlines, when a window holds it.
    #[inline]
    fn get(&self, day: Date) -> Option<Day> {
        let found = if self.table.is_empty() {
            self.compute(day)
        } else {
            let i = usize::try_from(i64::from(day.day_number()) - self.first).ok()?;
            *self.table.get(i)?
        };
        (found.windows != [NONE, NONE]).then_some(found)
    }
}

/// The earliest and latest of some days.
#[derive(Debug, Clone, Copy)]
struct Span(Option<(Date, Date)>);

impl Span {
    fn add(&mut self, d: Date) {
        self.0 = Some(self.0.map_or((d, d), |(a, b)| (a.min(d), b.max(d))));
    }
}

/// The indices of `windows[1..]` when they are disjoint and all inside
/// `windows[0]`.
fn nested(windows: &[Window]) -> Option<Vec<usize>> {
    let (outer, inner) = windows.split_first()?;
    let inside = inner
        .iter()
        .all(|w| outer.from <= w.from && w.to <= outer.to);
    (inside && disjoint(inner)).then(|| (1..windows.len()).collect())
}

/// True when no two windows share a day.
fn disjoint(windows: &[Window]) -> bool {
    let mut sorted: Vec<&Window> = windows.iter().collect();
    sorted.sort_by_key(|w| w.from);
    sorted.windows(2).all(|p| p[0].to < p[1].from)
}

/// The scorecard of each window, exactly as [`score`](crate::score::score)
/// gives it, with the three disclosure indicators read from `prepared`
/// (which must have been built from `data`).
pub fn score_windows(
    data: &Dataset,
    prepared: &Prepared,
    rules: &Rules,
    windows: &[Window],
) -> Vec<Scorecard> {
    if windows.is_empty() {
        return Vec::new();
    }
    let calendar = rules.calendar();
    let n = data.departments.len();
    let mut folded: Vec<Folded> = windows.iter().map(|_| Folded::new(n)).collect();
    let all: Vec<usize> = (0..windows.len()).collect();
    if disjoint(windows) {
        disclosure_pass(
            prepared,
            rules,
            &calendar,
            (windows, all, None),
            &mut folded,
        );
    } else if let Some(rest) = nested(windows) {
        // A window and the months (or quarters) inside it: one pass.
        disclosure_pass(
            prepared,
            rules,
            &calendar,
            (windows, rest, Some(0)),
            &mut folded,
        );
    } else {
        for k in all {
            disclosure_pass(
                prepared,
                rules,
                &calendar,
                (windows, vec![k], None),
                &mut folded,
            );
        }
    }
    let others = IndicatorSet::ALL
        .without(Indicator::DisclosureTimeliness)
        .without(Indicator::InterpretationCoverage)
        .without(Indicator::InterpretationSync);
    windows
        .iter()
        .zip(folded)
        .map(|(&window, mut f)| {
            let cx = Context {
                rules,
                calendar: &calendar,
                window,
            };
            judge_set(data, &cx, others, &mut |j| f.add(j));
            assemble(data, rules, window, &calendar, f)
        })
        .collect()
}

/// The three disclosure indicators of every window, in one pass in record
/// order (so credits add up in the same order as in `judge`).
fn disclosure_pass(
    p: &Prepared,
    rules: &Rules,
    calendar: &crate::calendar::Calendar,
    layers: (&[Window], Vec<usize>, Option<usize>),
    folded: &mut [Folded],
) {
    let windows = layers.0;
    let ind = &rules.indicators;
    let sync = &ind.interpretation_sync;
    let days = Days::new(
        layers,
        calendar,
        ind.disclosure_timeliness.deadline_workdays,
        sync.grace_workdays,
    );
    let is_policy = p.policy_table(rules);
    let as_of: Vec<Date> = windows.iter().map(|w| w.as_of).collect();
    let n = folded.first().map_or(0, |f| f.tallies.len());
    // Per window and department, the items of 主动公开及时率 and 政策解读率
    // by status (numbered as `Status as usize`). Their credits are 1 or 0,
    // so counting them gives the sums `judge` adds up exactly; 解读同步率's
    // partial credit is added in record order, as there.
    let mut timely = vec![[0u32; Status::COUNT]; windows.len() * n];
    let mut covered = vec![[0u32; Status::COUNT]; windows.len() * n];
    let synced = Indicator::InterpretationSync.index();
    // The working-day arithmetic of each window spans from its earliest
    // start to the deadline of its latest (deadlines only grow with the
    // start), as `judge`'s start and deadline of every item would.
    let mut formed_span = vec![Span(None); windows.len()];
    let mut published_span = vec![Span(None); windows.len()];
    for i in 0..p.len() {
        let dept = p.dept[i].0 as usize;
        let (formed, published) = (p.formed[i], p.published[i]);
        // 主动公开及时率: counted in the window of 成文日期.
        if let Some(day) = days.get(formed) {
            for k in day.windows.map(|k| k as usize) {
                let Some(&as_of) = as_of.get(k) else {
                    continue;
                };
                let status = disclosure::status(published, day.deadline, as_of);
                timely[k * n + dept][status as usize] += 1;
                formed_span[k].add(formed);
            }
        }
        // 政策解读率 and 解读同步率: policy documents published in the window.
        let Some(day) = days.get(published) else {
            continue;
        };
        if !is_policy
            .get(p.policy[i] as usize)
            .copied()
            .unwrap_or(false)
        {
            continue;
        }
        for k in day.windows.map(|k| k as usize) {
            let Some(&as_of) = as_of.get(k) else {
                continue;
            };
            let found = p.interpreted[i].filter(|&d| d <= as_of);
            covered[k * n + dept][coverage::status(found) as usize] += 1;
            let (status, credit) = sync::status(found, published, day.grace, sync.grace_credit);
            folded[k].tallies[dept][synced].count(status, credit);
            published_span[k].add(published);
        }
    }
    let timeliness = Indicator::DisclosureTimeliness.index();
    let covered_at = Indicator::InterpretationCoverage.index();
    for (k, f) in folded.iter_mut().enumerate() {
        for (dept, tallies) in f.tallies.iter_mut().enumerate() {
            for status in Status::ALL {
                let at = status as usize;
                let (t, c) = (timely[k * n + dept][at], covered[k * n + dept][at]);
                tallies[timeliness].count_n(status, t, status.credit());
                tallies[covered_at].count_n(status, c, status.credit());
            }
        }
    }
    let midnight = |d: Date| Some(DateTime::midnight(d));
    for (k, f) in folded.iter_mut().enumerate() {
        if let Span(Some((first, last))) = formed_span[k] {
            f.years.add(midnight(first));
            f.years.add(midnight(
                calendar.add_workdays(last, days.deadline_workdays),
            ));
        }
        if let Span(Some((first, last))) = published_span[k] {
            f.years.add(midnight(first));
            f.years
                .add(midnight(calendar.add_workdays(last, days.grace_workdays)));
        }
    }
}
