//! Scoring: every record judged against its deadline, then summed per
//! department into indicators, raw score, vetoes, grade, contribution and
//! rank (RULES §2–§4).
//!
//! [`judge`] is the one place where the rules meet the records: it pushes a
//! [`Judgement`] for each counted item into a sink. [`score`] folds those
//! into a [`Scorecard`]; self-check lists, charts and exports are other
//! sinks over the same judgements, so they can never disagree with the
//! score.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::calendar::Calendar;
use crate::date::{Date, DateTime};
use crate::lang::Lang;
use crate::record::{Dataset, DeptId, Disclosure, RecordRef};
use crate::rules::{MINIMUM_WEIGHT_PCT, Rules};
use crate::schema::Kind;

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
        match self {
            Indicator::DisclosureTimeliness => "disclosure_timeliness",
            Indicator::InterpretationCoverage => "interpretation_coverage",
            Indicator::InterpretationSync => "interpretation_sync",
            Indicator::InterpretationForms => "interpretation_forms",
            Indicator::OpinionResponse => "opinion_response",
            Indicator::MessageResponse => "message_response",
            Indicator::RequestTimeliness => "request_timeliness",
            Indicator::EnforcementTimeliness => "enforcement_timeliness",
            Indicator::PlatformFreshness => "platform_freshness",
        }
    }

    /// The Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Indicator::DisclosureTimeliness => "主动公开及时率",
            Indicator::InterpretationCoverage => "政策解读率",
            Indicator::InterpretationSync => "解读同步率",
            Indicator::InterpretationForms => "多样化解读",
            Indicator::OpinionResponse => "舆情回应及时率",
            Indicator::MessageResponse => "留言按时答复率",
            Indicator::RequestTimeliness => "依申请按期答复率",
            Indicator::EnforcementTimeliness => "执法公示及时率",
            Indicator::PlatformFreshness => "栏目更新率",
        }
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Indicator::DisclosureTimeliness => "Disclosure timeliness",
            Indicator::InterpretationCoverage => "Interpretation coverage",
            Indicator::InterpretationSync => "Interpretation in sync",
            Indicator::InterpretationForms => "Rich interpretation forms",
            Indicator::OpinionResponse => "Public-opinion response",
            Indicator::MessageResponse => "Message replies on time",
            Indicator::RequestTimeliness => "Requests answered on time",
            Indicator::EnforcementTimeliness => "Enforcement publicity",
            Indicator::PlatformFreshness => "Website columns fresh",
        }
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

/// The scoring window (RULES §2): records count when their window date lies
/// in `from..=to`; deadlines are judged as of `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    /// First day, inclusive.
    pub from: Date,
    /// Last day, inclusive.
    pub to: Date,
    /// The day the deadlines are judged at.
    pub as_of: Date,
}

/// A window that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WindowError {
    /// `from` after `to`.
    #[error("the window starts ({from}) after it ends ({to})")]
    Reversed {
        /// Start.
        from: Date,
        /// End.
        to: Date,
    },
    /// No date given and the data has none.
    #[error(
        "the data has no dated records, so the window cannot be inferred. Hint: give --from and --to"
    )]
    NoData,
}

impl Window {
    /// True when `date` lies in `from..=to`.
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// The window of RULES §6 with any bound left out inferred from the data:
    /// `to` = 31 December of the year that holds the most window dates
    /// ([`busiest_year`]), `from` = 1 January of `to`'s year, `as_of` = `to`.
    pub fn infer(
        data: &Dataset,
        rules: &Rules,
        from: Option<Date>,
        to: Option<Date>,
        as_of: Option<Date>,
    ) -> Result<Window, WindowError> {
        let to = match to {
            Some(t) => t,
            None => busiest_year(data, rules)
                .and_then(|year| Date::from_ymd(year, 12, 31))
                .ok_or(WindowError::NoData)?,
        };
        let from = from.unwrap_or_else(|| to.start_of_year());
        if from > to {
            return Err(WindowError::Reversed { from, to });
        }
        Ok(Window {
            from,
            to,
            as_of: as_of.unwrap_or(to),
        })
    }
}

/// Every window date of the data (RULES §3's "in the window by" column):
/// each disclosure's `formed_on`, each policy document's `published_on`
/// (once, though two indicators count it), each interpretation's
/// `published_on`, each opinion's `found_at` date, each message's and
/// request's `received_on`, each enforcement's `decided_on`. Website
/// columns have none.
pub fn window_dates<'a>(data: &'a Dataset, rules: &'a Rules) -> impl Iterator<Item = Date> + 'a {
    let policy = data
        .disclosures
        .iter()
        .filter(|d| is_policy_document(d, rules))
        .map(|d| d.published_on);
    data.disclosures
        .iter()
        .map(|d| d.formed_on)
        .chain(policy)
        .chain(data.interpretations.iter().map(|i| i.published_on))
        .chain(data.opinions.iter().map(|o| o.found_at.date))
        .chain(data.messages.iter().map(|m| m.received_on))
        .chain(data.requests.iter().map(|r| r.received_on))
        .chain(data.enforcements.iter().map(|e| e.decided_on))
}

/// The latest date by which any record would enter a window, if the data
/// has any.
pub fn last_window_date(data: &Dataset, rules: &Rules) -> Option<Date> {
    window_dates(data, rules).max()
}

/// The year that holds the most window dates ([`window_dates`]); on a tie
/// the later year (RULES §6). An export taken in January holds a few
/// records of the new year, and the year being closed still wins.
pub fn busiest_year(data: &Dataset, rules: &Rules) -> Option<i32> {
    let mut counts = std::collections::BTreeMap::<i32, usize>::new();
    for date in window_dates(data, rules) {
        *counts.entry(date.year()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(year, n)| (n, year))
        .map(|(year, _)| year)
}

/// A policy document: 是否需解读 = yes, or (when that is empty or absent) a
/// 主题分类 containing one of the rules' policy categories.
pub fn is_policy_document(d: &Disclosure, rules: &Rules) -> bool {
    match d.needs_interpretation {
        Some(needs) => needs,
        None => d
            .category
            .as_deref()
            .is_some_and(|c| contains_any(c, &rules.policy.categories)),
    }
}

/// True when `text` contains one of the non-empty `words`.
pub(crate) fn contains_any(text: &str, words: &[String]) -> bool {
    words
        .iter()
        .any(|w| !w.is_empty() && text.contains(w.as_str()))
}

/// How one counted item fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Done on or before the deadline.
    OnTime,
    /// Done after the deadline.
    Late,
    /// Not done (as of `as_of`) and the deadline has passed.
    Overdue,
    /// Not done and the deadline has not passed: left out of rates.
    Pending,
    /// Passes a non-deadline check (interpreted, rich form, fresh column).
    Pass,
    /// Earns partial credit (interpretation within the grace period).
    Partial,
    /// Fails a non-deadline check (no interpretation, plain form, stale column).
    Fail,
}

impl Status {
    /// True when the item is left out of rates.
    pub fn is_pending(self) -> bool {
        self == Status::Pending
    }

    /// True when the item lost the department points.
    pub fn lost_points(self) -> bool {
        matches!(
            self,
            Status::Late | Status::Overdue | Status::Partial | Status::Fail
        )
    }
}

/// One counted item of one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Judgement {
    /// The indicator.
    pub indicator: Indicator,
    /// The department it counts for.
    pub dept: DeptId,
    /// The record judged.
    #[serde(skip)]
    pub record: RecordRef,
    /// The verdict.
    pub status: Status,
    /// Credit earned: 1, 0, or the partial credit.
    pub credit: f64,
    /// When the clock started (or the column was last updated).
    pub start: Option<DateTime>,
    /// The deadline (or freshness threshold).
    pub deadline: Option<DateTime>,
    /// When it was done, if on or before `as_of`.
    pub done: Option<DateTime>,
    /// True when the deadline is in working days (so lateness is too).
    pub workday_deadline: bool,
    /// For messages: true when this message fires the 3-month veto.
    pub vetoes: bool,
}

/// Everything [`judge`] needs besides the data.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The rules.
    pub rules: &'a Rules,
    /// The working-day calendar (from the rules' local days).
    pub calendar: &'a Calendar,
    /// The window.
    pub window: Window,
}

/// 解读同步率: interpreted by the document's own date, within the grace
/// period (partial credit), or not.
pub(crate) fn sync_status(
    interpreted: Option<Date>,
    published: Date,
    grace: Date,
    grace_credit: f64,
) -> (Status, f64) {
    match interpreted {
        Some(p) if p <= published => (Status::Pass, 1.0),
        Some(p) if p <= grace => (Status::Partial, grace_credit),
        _ => (Status::Fail, 0.0),
    }
}

/// A deadline item done (on or before `as_of`) or not, against its deadline.
fn date_status(done: Option<Date>, deadline: Date, as_of: Date) -> Status {
    match done {
        Some(d) if d <= deadline => Status::OnTime,
        Some(_) => Status::Late,
        None if deadline < as_of => Status::Overdue,
        None => Status::Pending,
    }
}

#[allow(clippy::unnecessary_wraps, reason = "every judgement time is optional")]
fn dt(date: Date) -> Option<DateTime> {
    Some(DateTime::midnight(date))
}

/// Judges every counted item of every indicator and pushes it into `sink`
/// (in indicator order, then record order).
pub fn judge(data: &Dataset, cx: &Context<'_>, sink: impl FnMut(&Judgement)) {
    judge_only(data, cx, None, sink);
}

/// The records of `items` when `wanted`, else none.
fn when<T>(wanted: bool, items: &[T]) -> &[T] {
    if wanted { items } else { &[] }
}

/// Like [`judge`], for one indicator only when `only` names one (a chart of
/// one indicator then skips the other records entirely).
pub fn judge_only(
    data: &Dataset,
    cx: &Context<'_>,
    only: Option<Indicator>,
    mut sink: impl FnMut(&Judgement),
) {
    judge_mask(
        data,
        cx,
        Indicator::ALL.map(|i| only.is_none_or(|o| o == i)),
        &mut sink,
    );
}

/// Like [`judge`], for the indicators whose place in `mask` (by
/// [`Indicator::index`]) is true. The sink is a trait object so that this
/// long function is compiled once, not once per caller (it is in the
/// dashboard's download).
#[allow(
    clippy::too_many_lines,
    reason = "one block per indicator reads best side by side"
)]
pub(crate) fn judge_mask(
    data: &Dataset,
    cx: &Context<'_>,
    mask: [bool; 9],
    sink: &mut dyn FnMut(&Judgement),
) {
    let wants = |i: Indicator| mask[i.index()];
    let rules = cx.rules;
    let cal = cx.calendar;
    let w = cx.window;
    let as_of = w.as_of;
    let ind = &rules.indicators;
    let done_by = |d: Option<Date>| d.filter(|d| *d <= as_of);
    let base = |indicator, dept, kind, index: usize| Judgement {
        indicator,
        dept,
        record: RecordRef {
            kind,
            index: index as u32,
        },
        status: Status::Pending,
        credit: 0.0,
        start: None,
        deadline: None,
        done: None,
        workday_deadline: true,
        vetoes: false,
    };
    let credit_of = |status| if status == Status::OnTime { 1.0 } else { 0.0 };

    // 主动公开及时率
    for (i, d) in when(wants(Indicator::DisclosureTimeliness), &data.disclosures)
        .iter()
        .enumerate()
    {
        if !w.contains(d.formed_on) {
            continue;
        }
        let deadline = cal.add_workdays(d.formed_on, ind.disclosure_timeliness.deadline_workdays);
        let done = done_by(Some(d.published_on));
        let status = date_status(done, deadline, as_of);
        sink(&Judgement {
            status,
            credit: credit_of(status),
            start: dt(d.formed_on),
            deadline: dt(deadline),
            done: done.and_then(dt),
            ..base(Indicator::DisclosureTimeliness, d.dept, Kind::Disclosure, i)
        });
    }

    // 政策解读率 and 解读同步率: the earliest interpretation of each policy id
    // published on or before as_of, whatever its date.
    let coverage = wants(Indicator::InterpretationCoverage);
    let synced = wants(Indicator::InterpretationSync);
    let mut earliest: FxHashMap<&str, (Date, usize)> = FxHashMap::default();
    for (i, it) in when(coverage || synced, &data.interpretations)
        .iter()
        .enumerate()
    {
        if it.published_on > as_of {
            continue;
        }
        earliest
            .entry(&it.policy_id)
            .and_modify(|e| {
                if it.published_on < e.0 {
                    *e = (it.published_on, i);
                }
            })
            .or_insert((it.published_on, i));
    }
    let policies: Vec<(usize, &Disclosure)> = when(coverage || synced, &data.disclosures)
        .iter()
        .enumerate()
        .filter(|(_, d)| w.contains(d.published_on) && is_policy_document(d, rules))
        .collect();
    for &(i, d) in when(coverage, &policies) {
        let found = d.id.as_deref().and_then(|id| earliest.get(id)).map(|e| e.0);
        let status = if found.is_some() {
            Status::Pass
        } else {
            Status::Fail
        };
        sink(&Judgement {
            status,
            credit: if found.is_some() { 1.0 } else { 0.0 },
            start: dt(d.published_on),
            done: found.and_then(dt),
            workday_deadline: false,
            ..base(
                Indicator::InterpretationCoverage,
                d.dept,
                Kind::Disclosure,
                i,
            )
        });
    }
    let sync = &ind.interpretation_sync;
    for &(i, d) in when(synced, &policies) {
        let found = d.id.as_deref().and_then(|id| earliest.get(id)).map(|e| e.0);
        let grace = cal.add_workdays(d.published_on, sync.grace_workdays);
        let (status, credit) = sync_status(found, d.published_on, grace, sync.grace_credit);
        sink(&Judgement {
            status,
            credit,
            start: dt(d.published_on),
            deadline: dt(grace),
            done: found.and_then(dt),
            ..base(Indicator::InterpretationSync, d.dept, Kind::Disclosure, i)
        });
    }

    // 多样化解读
    let rich = &ind.interpretation_forms.rich_forms;
    for (i, it) in when(wants(Indicator::InterpretationForms), &data.interpretations)
        .iter()
        .enumerate()
    {
        if !w.contains(it.published_on) {
            continue;
        }
        let is_rich = it.form.as_deref().is_some_and(|f| contains_any(f, rich));
        sink(&Judgement {
            status: if is_rich { Status::Pass } else { Status::Fail },
            credit: if is_rich { 1.0 } else { 0.0 },
            start: dt(it.published_on),
            workday_deadline: false,
            ..base(
                Indicator::InterpretationForms,
                it.dept,
                Kind::Interpretation,
                i,
            )
        });
    }

    // 舆情回应及时率 (hours)
    let op = &ind.opinion_response;
    for (i, o) in when(wants(Indicator::OpinionResponse), &data.opinions)
        .iter()
        .enumerate()
    {
        if !w.contains(o.found_at.date) {
            continue;
        }
        let hours = if contains_any(&o.level, &op.major_levels) {
            op.major_response_hours
        } else {
            op.response_hours
        };
        let deadline = o.found_at.add_hours(i64::from(hours));
        let done = o.responded_at.filter(|r| r.date <= as_of);
        let status = match done {
            Some(r) if r <= deadline => Status::OnTime,
            Some(_) => Status::Late,
            None if deadline.date < as_of => Status::Overdue,
            None => Status::Pending,
        };
        sink(&Judgement {
            status,
            credit: credit_of(status),
            start: Some(o.found_at),
            deadline: Some(deadline),
            done,
            workday_deadline: false,
            ..base(Indicator::OpinionResponse, o.dept, Kind::Opinion, i)
        });
    }

    // 留言按时答复率, with the 3-month veto
    let months = i32::try_from(rules.vetoes.message_months).unwrap_or(i32::MAX);
    for (i, m) in when(wants(Indicator::MessageResponse), &data.messages)
        .iter()
        .enumerate()
    {
        if !w.contains(m.received_on) {
            continue;
        }
        let deadline = cal.add_workdays(m.received_on, ind.message_response.deadline_workdays);
        let done = done_by(m.replied_on);
        let status = date_status(done, deadline, as_of);
        let veto_date = m.received_on.add_months(months);
        let vetoes = veto_date < as_of && done.is_none_or(|d| d > veto_date);
        sink(&Judgement {
            status,
            credit: credit_of(status),
            start: dt(m.received_on),
            deadline: dt(deadline),
            done: done.and_then(dt),
            vetoes,
            ..base(Indicator::MessageResponse, m.dept, Kind::Message, i)
        });
    }

    // 依申请按期答复率
    let rq = &ind.request_timeliness;
    for (i, r) in when(wants(Indicator::RequestTimeliness), &data.requests)
        .iter()
        .enumerate()
    {
        if !w.contains(r.received_on) {
            continue;
        }
        let start = r.corrected_on.unwrap_or(r.received_on);
        let extension = if r.extended == Some(true) {
            rq.extension_workdays
        } else {
            0
        };
        // Saturating: 不计入工作日 is whatever number the cell holds.
        let n = rq
            .deadline_workdays
            .saturating_add(extension)
            .saturating_add(r.excluded_workdays);
        let deadline = cal.add_workdays(start, n);
        let done = done_by(r.replied_on);
        let status = date_status(done, deadline, as_of);
        sink(&Judgement {
            status,
            credit: credit_of(status),
            start: dt(start),
            deadline: dt(deadline),
            done: done.and_then(dt),
            ..base(Indicator::RequestTimeliness, r.dept, Kind::Request, i)
        });
    }

    // 执法公示及时率
    let en = &ind.enforcement_timeliness;
    for (i, e) in when(wants(Indicator::EnforcementTimeliness), &data.enforcements)
        .iter()
        .enumerate()
    {
        if !w.contains(e.decided_on) {
            continue;
        }
        let days = if contains_any(&e.kind, &en.fast_kinds) {
            en.fast_workdays
        } else {
            en.deadline_workdays
        };
        let deadline = cal.add_workdays(e.decided_on, days);
        let done = done_by(e.published_on);
        let status = date_status(done, deadline, as_of);
        sink(&Judgement {
            status,
            credit: credit_of(status),
            start: dt(e.decided_on),
            deadline: dt(deadline),
            done: done.and_then(dt),
            ..base(
                Indicator::EnforcementTimeliness,
                e.dept,
                Kind::Enforcement,
                i,
            )
        });
    }

    // 栏目更新率: every column, judged at as_of
    let fr = &ind.platform_freshness;
    let news_since = as_of.add_days(-i32::try_from(fr.news_days).unwrap_or(i32::MAX));
    let other_since = as_of.add_months(-i32::try_from(fr.other_months).unwrap_or(i32::MAX));
    for (i, c) in when(wants(Indicator::PlatformFreshness), &data.columns)
        .iter()
        .enumerate()
    {
        let since = if contains_any(&c.kind, &fr.news_kinds) {
            news_since
        } else {
            other_since
        };
        let fresh = c.last_updated_on.is_some_and(|u| u >= since);
        sink(&Judgement {
            status: if fresh { Status::Pass } else { Status::Fail },
            credit: if fresh { 1.0 } else { 0.0 },
            start: c.last_updated_on.and_then(dt),
            deadline: dt(since),
            workday_deadline: false,
            ..base(Indicator::PlatformFreshness, c.dept, Kind::Column, i)
        });
    }
}

/// Counts of one indicator for one department.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Items counted (pending excluded).
    pub counted: u32,
    /// Items pending.
    pub pending: u32,
    /// Sum of credits.
    pub passed: f64,
    /// On time (deadline indicators) or passing.
    pub on_time: u32,
    /// Done late.
    pub late: u32,
    /// Not done, deadline passed.
    pub overdue: u32,
    /// Partial credit.
    pub partial: u32,
    /// Failing a non-deadline check.
    pub failed: u32,
}

impl Tally {
    /// Adds one judgement.
    pub fn add(&mut self, j: &Judgement) {
        self.count(j.status, j.credit);
    }

    /// Adds one item of `status` earning `credit`.
    pub(crate) fn count(&mut self, status: Status, credit: f64) {
        match status {
            Status::Pending => {
                self.pending += 1;
                return;
            }
            Status::OnTime | Status::Pass => self.on_time += 1,
            Status::Late => self.late += 1,
            Status::Overdue => self.overdue += 1,
            Status::Partial => self.partial += 1,
            Status::Fail => self.failed += 1,
        }
        self.counted += 1;
        self.passed += credit;
    }

    /// Passes per counted item, if anything was counted.
    pub fn rate(&self) -> Option<f64> {
        (self.counted > 0).then(|| self.passed / f64::from(self.counted))
    }
}

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
            (ScoreWarning::NoCalendar { first, last }, Lang::En) => {
                let years = if first == last {
                    format!("{first} has")
                } else {
                    format!("{first}–{last} have")
                };
                format!(
                    "{years} no official holiday calendar; working days there count weekends only"
                )
            }
            (ScoreWarning::NoCalendar { first, last }, Lang::Zh) => {
                let years = if first == last {
                    format!("{first} 年")
                } else {
                    format!("{first}–{last} 年")
                };
                format!("{years}没有国务院节假日安排，工作日只按周末计算")
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

/// RULES §4 rounding: half up to 2 decimals, after removing float noise
/// below 1e-9 so that the order of additions can never flip a half.
pub fn round2(x: f64) -> f64 {
    let r = (x * 1e9).round() / 1e9;
    (r * 100.0 + 0.5).floor() / 100.0
}

/// Scores every department (RULES §3–§4).
pub fn score(data: &Dataset, rules: &Rules, window: Window) -> Scorecard {
    let calendar = rules.calendar();
    let cx = Context {
        rules,
        calendar: &calendar,
        window,
    };
    let mut folded = Folded::new(data.departments.len());
    judge(data, &cx, |j| folded.add(j));
    assemble(data, rules, window, &calendar, folded)
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

/// Ranks scored departments (1, 2, 2, 4), overall and within groups, and
/// sorts: by rank, then name; unscored last by name.
fn rank(departments: &mut [DeptScore]) {
    departments.sort_by(|a, b| match (a.score, b.score) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.dept.cmp(&b.dept)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.dept.cmp(&b.dept),
    });
    let mut group_seen: HashMap<String, (u32, f64, u32)> = HashMap::new();
    let mut previous: Option<(f64, u32)> = None;
    for (i, d) in departments.iter_mut().enumerate() {
        let Some(score) = d.score else { break };
        let position = i as u32 + 1;
        let rank = match previous {
            Some((s, r)) if s == score => r,
            _ => position,
        };
        previous = Some((score, rank));
        d.rank = Some(rank);
        let entry = group_seen
            .entry(d.group.clone())
            .or_insert((0, f64::NAN, 0));
        entry.0 += 1;
        let group_rank = if entry.1 == score { entry.2 } else { entry.0 };
        entry.1 = score;
        entry.2 = group_rank;
        d.group_rank = Some(group_rank);
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
