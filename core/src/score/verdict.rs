//! Verdicts shared by every indicator and by the fast re-scoring path:
//! the status of a counted item, the status of a deadline item, the credit
//! a status earns, and the tally they add up to.

use serde::Serialize;

use super::Judgement;
use crate::date::{Date, DateTime};

/// How one counted item fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
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

impl Status {
    /// How many statuses there are (they number `0..COUNT` as `status as usize`).
    pub(crate) const COUNT: usize = 7;

    /// Every status, in the order of their numbers.
    pub(crate) const ALL: [Status; Status::COUNT] = [
        Status::OnTime,
        Status::Late,
        Status::Overdue,
        Status::Pending,
        Status::Pass,
        Status::Partial,
        Status::Fail,
    ];

    /// The credit of an item with this status, when it has no partial
    /// credit of its own: 1 on time or passing, else 0.
    pub fn credit(self) -> f64 {
        if matches!(self, Status::OnTime | Status::Pass) {
            1.0
        } else {
            0.0
        }
    }
}

/// A deadline item done (on or before `as_of`) or not, against its deadline.
pub(crate) fn date_status(done: Option<Date>, deadline: Date, as_of: Date) -> Status {
    match done {
        Some(d) if d <= deadline => Status::OnTime,
        Some(_) => Status::Late,
        None if deadline < as_of => Status::Overdue,
        None => Status::Pending,
    }
}

#[allow(clippy::unnecessary_wraps, reason = "every judgement time is optional")]
pub(crate) fn dt(date: Date) -> Option<DateTime> {
    Some(DateTime::midnight(date))
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

    /// Adds `n` items of `status`, each earning `credit` (for credits of 1
    /// and 0 this equals adding them one by one: such sums are exact).
    pub(crate) fn count_n(&mut self, status: Status, n: u32, credit: f64) {
        if n == 0 {
            return;
        }
        match status {
            Status::Pending => {
                self.pending += n;
                return;
            }
            Status::OnTime | Status::Pass => self.on_time += n,
            Status::Late => self.late += n,
            Status::Overdue => self.overdue += n,
            Status::Partial => self.partial += n,
            Status::Fail => self.failed += n,
        }
        self.counted += n;
        self.passed += credit * f64::from(n);
    }

    /// Passes per counted item, if anything was counted.
    pub fn rate(&self) -> Option<f64> {
        (self.counted > 0).then(|| self.passed / f64::from(self.counted))
    }
}
