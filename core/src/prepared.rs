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
//! [`judge`](crate::score::judge) and assembly as [`score`](crate::score::score),
//! and `core/tests/it/prepared.rs` checks that both give identical
//! scorecards.
//!
//! Nothing here depends on the rules: deadlines, policy categories and
//! credits are applied during the pass, so a rule change needs no new
//! [`Prepared`].

use crate::date::{Date, DateTime};
use crate::fxhash::FxHashMap;
use crate::record::{Dataset, DeptId};
use crate::rules::Rules;
use crate::score::{Context, Folded, Indicator, Scorecard, Status, Window, assemble, judge_mask};

/// 是否需解读 of a record: no, yes, or empty (then 主题分类 decides).
const NEEDS_NO: u8 = 0;
const NEEDS_YES: u8 = 1;
const NEEDS_UNKNOWN: u8 = 2;

/// No 主题分类.
const NO_CATEGORY: u32 = u32::MAX;

/// The disclosure columns of a dataset, in record order.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    formed: Vec<Date>,
    published: Vec<Date>,
    dept: Vec<DeptId>,
    needs: Vec<u8>,
    /// Index into `categories`, or [`NO_CATEGORY`].
    category: Vec<u32>,
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
        let mut earliest: FxHashMap<&str, Date> = FxHashMap::default();
        for it in &data.interpretations {
            earliest
                .entry(&it.policy_id)
                .and_modify(|e| *e = (*e).min(it.published_on))
                .or_insert(it.published_on);
        }
        let n = data.disclosures.len();
        let mut p = Prepared {
            formed: Vec::with_capacity(n),
            published: Vec::with_capacity(n),
            dept: Vec::with_capacity(n),
            needs: Vec::with_capacity(n),
            category: Vec::with_capacity(n),
            categories: Vec::new(),
            interpreted: Vec::with_capacity(n),
        };
        let mut category_ids: FxHashMap<&str, u32> = FxHashMap::default();
        for d in &data.disclosures {
            p.formed.push(d.formed_on);
            p.published.push(d.published_on);
            p.dept.push(d.dept);
            p.needs.push(match d.needs_interpretation {
                Some(false) => NEEDS_NO,
                Some(true) => NEEDS_YES,
                None => NEEDS_UNKNOWN,
            });
            let category = d.category.as_deref().map_or(NO_CATEGORY, |c| {
                *category_ids.entry(c).or_insert_with(|| {
                    p.categories.push(c.into());
                    (p.categories.len() - 1) as u32
                })
            });
            p.category.push(category);
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

    /// Per category: a policy document by the rules' 主题分类 list.
    fn policy_categories(&self, rules: &Rules) -> Vec<bool> {
        self.categories
            .iter()
            .map(|c| {
                rules
                    .policy
                    .categories
                    .iter()
                    .any(|w| !w.is_empty() && c.contains(w.as_str()))
            })
            .collect()
    }
}

/// The windows in date order, for finding the one holding a day.
struct Finder<'a> {
    windows: &'a [Window],
    /// Indices into `windows`, by `from`.
    order: Vec<usize>,
}

impl Finder<'_> {
    fn new(windows: &[Window]) -> Finder<'_> {
        let mut order: Vec<usize> = (0..windows.len()).collect();
        order.sort_by_key(|&i| windows[i].from);
        Finder { windows, order }
    }

    /// The window holding `day`, if any (the windows do not overlap).
    fn find(&self, day: Date) -> Option<usize> {
        if let [only] = self.windows {
            return only.contains(day).then_some(0);
        }
        let after = self.order.partition_point(|&i| self.windows[i].from <= day);
        let i = *self.order.get(after.checked_sub(1)?)?;
        self.windows[i].contains(day).then_some(i)
    }
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
    let calendar = rules.calendar();
    let n = data.departments.len();
    let mut folded: Vec<Folded> = windows.iter().map(|_| Folded::new(n)).collect();
    if disjoint(windows) {
        disclosure_pass(prepared, rules, &calendar, windows, &mut folded);
    } else {
        for (w, f) in windows.iter().zip(folded.iter_mut()) {
            disclosure_pass(
                prepared,
                rules,
                &calendar,
                std::slice::from_ref(w),
                std::slice::from_mut(f),
            );
        }
    }
    let others = Indicator::ALL.map(|i| {
        !matches!(
            i,
            Indicator::DisclosureTimeliness
                | Indicator::InterpretationCoverage
                | Indicator::InterpretationSync
        )
    });
    windows
        .iter()
        .zip(folded)
        .map(|(&window, mut f)| {
            let cx = Context {
                rules,
                calendar: &calendar,
                window,
            };
            judge_mask(data, &cx, others, |j| f.add(j));
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
    windows: &[Window],
    folded: &mut [Folded],
) {
    let finder = Finder::new(windows);
    let policy_category = p.policy_categories(rules);
    let ind = &rules.indicators;
    let deadline_days = ind.disclosure_timeliness.deadline_workdays;
    let sync = &ind.interpretation_sync;
    let timeliness = Indicator::DisclosureTimeliness.index();
    let coverage = Indicator::InterpretationCoverage.index();
    let synced = Indicator::InterpretationSync.index();
    let midnight = |d: Date| Some(DateTime::midnight(d));
    for i in 0..p.len() {
        let dept = p.dept[i].0 as usize;
        let (formed, published) = (p.formed[i], p.published[i]);
        // 主动公开及时率: counted in the window of 成文日期.
        if let Some(k) = finder.find(formed) {
            let as_of = windows[k].as_of;
            let f = &mut folded[k];
            let deadline = calendar.add_workdays(formed, deadline_days);
            let status = if published <= as_of {
                if published <= deadline {
                    Status::OnTime
                } else {
                    Status::Late
                }
            } else if deadline < as_of {
                Status::Overdue
            } else {
                Status::Pending
            };
            let credit = if status == Status::OnTime { 1.0 } else { 0.0 };
            f.tallies[dept][timeliness].count(status, credit);
            f.years.add(midnight(formed));
            f.years.add(midnight(deadline));
        }
        // 政策解读率 and 解读同步率: policy documents published in the window.
        let Some(k) = finder.find(published) else {
            continue;
        };
        let is_policy = match p.needs[i] {
            NEEDS_YES => true,
            NEEDS_NO => false,
            _ => policy_category
                .get(p.category[i] as usize)
                .copied()
                .unwrap_or(false),
        };
        if !is_policy {
            continue;
        }
        let as_of = windows[k].as_of;
        let f = &mut folded[k];
        let found = p.interpreted[i].filter(|&d| d <= as_of);
        if found.is_some() {
            f.tallies[dept][coverage].count(Status::Pass, 1.0);
        } else {
            f.tallies[dept][coverage].count(Status::Fail, 0.0);
        }
        let grace = calendar.add_workdays(published, sync.grace_workdays);
        let (status, credit) = match found {
            Some(d) if d <= published => (Status::Pass, 1.0),
            Some(d) if d <= grace => (Status::Partial, sync.grace_credit),
            _ => (Status::Fail, 0.0),
        };
        f.tallies[dept][synced].count(status, credit);
        f.years.add(midnight(published));
        f.years.add(midnight(grace));
    }
}
