//! The scoring window (RULES §2) and the default one (RULES §6): the year
//! that holds the most window dates.

use serde::Serialize;

use super::policy::is_policy_document;
use crate::date::Date;
use crate::lang::Lang;
use crate::record::Dataset;
use crate::rules::Rules;

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

impl WindowError {
    /// The problem in `lang`, for the dashboard (which chooses its period on
    /// a page, not with `--from` and `--to`).
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (WindowError::Reversed { from, to }, Lang::Zh) => {
                format!("考评期间的开始日 {from} 晚于结束日 {to}")
            }
            (WindowError::Reversed { .. }, Lang::En) => self.to_string(),
            (WindowError::NoData, Lang::Zh) => {
                "数据中没有带日期的记录，无法自动确定考评期间：请在「窗口与规则」页选择期间".to_owned()
            }
            (WindowError::NoData, Lang::En) => {
                "the data has no dated records, so the period cannot be chosen by itself: choose one under Window & rules".to_owned()
            }
        }
    }
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

/// The year that holds the most window dates ([`window_dates`]); on a tie
/// the later year (RULES §6). An export taken in January holds a few
/// records of the new year, and the year being closed still wins.
pub fn busiest_year(data: &Dataset, rules: &Rules) -> Option<i32> {
    // (year, its first and last day, dates in it). Consecutive dates
    // mostly share a year, so the last year's span is tried first and a
    // date's year is only worked out when it leaves that span.
    let mut counts: Vec<(i32, Date, Date, usize)> = Vec::new();
    let mut last = 0;
    for date in window_dates(data, rules) {
        let hit = counts
            .get(last)
            .is_some_and(|&(_, first, end, _)| first <= date && date <= end);
        if !hit {
            let year = date.year();
            last = counts.iter().position(|c| c.0 == year).unwrap_or_else(|| {
                counts.push((year, date.start_of_year(), date.end_of_year(), 0));
                counts.len() - 1
            });
        }
        counts[last].3 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(year, _, _, n)| (n, year))
        .map(|(year, ..)| year)
}
