//! The periods a user scores: a year, a quarter, a month, any range, or
//! the year the data chooses (RULES §6), their windows, the period before
//! (for "most improved"), and the months inside a window (for the trend).
//! The dashboard keeps the chosen period in its URL as [`Period::key`].

use crate::date::Date;
use crate::record::Dataset;
use crate::rules::Rules;
use crate::score::{Window, WindowError, window_dates};

/// A scoring period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Period {
    /// The year with the most window dates, as the CLI infers it.
    Auto,
    /// A calendar year.
    Year(i32),
    /// A quarter (1-4) of a year.
    Quarter(i32, u32),
    /// A month (1-12) of a year.
    Month(i32, u32),
    /// Any inclusive range.
    Custom(Date, Date),
}

impl Period {
    /// The URL form: `auto`, `2019`, `2019Q3`, `2019-07`, `2019-01-01..2019-06-30`.
    pub fn key(&self) -> String {
        match self {
            Period::Auto => "auto".to_owned(),
            Period::Year(y) => y.to_string(),
            Period::Quarter(y, q) => format!("{y}Q{q}"),
            Period::Month(y, m) => format!("{y}-{m:02}"),
            Period::Custom(a, b) => format!("{a}..{b}"),
        }
    }

    /// Parses the URL form; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Period> {
        if key == "auto" {
            return Some(Period::Auto);
        }
        if let Some((a, b)) = key.split_once("..") {
            let parse = crate::value::parse_date;
            return Some(Period::Custom(parse(a)?, parse(b)?));
        }
        if let Some((y, q)) = key.split_once('Q') {
            let q: u32 = q.parse().ok()?;
            return (1..=4)
                .contains(&q)
                .then_some(Period::Quarter(y.parse().ok()?, q));
        }
        if let Some((y, m)) = key.split_once('-') {
            let m: u32 = m.parse().ok()?;
            return (1..=12)
                .contains(&m)
                .then_some(Period::Month(y.parse().ok()?, m));
        }
        key.parse().ok().map(Period::Year)
    }

    /// The first and last day, or `None` for [`Period::Auto`].
    pub fn range(&self) -> Option<(Date, Date)> {
        let ymd = Date::from_ymd;
        match *self {
            Period::Auto => None,
            Period::Year(y) => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
            Period::Quarter(y, q) => {
                let start = ymd(y, q * 3 - 2, 1)?;
                Some((start, start.add_months(3).add_days(-1)))
            }
            Period::Month(y, m) => {
                let start = ymd(y, m, 1)?;
                Some((start, start.add_months(1).add_days(-1)))
            }
            Period::Custom(a, b) => Some((a, b)),
        }
    }

    /// The window of this period on `data`, judged at `as_of` (default:
    /// its last day); [`Period::Auto`] as [`Window::infer`] chooses.
    pub fn window(
        &self,
        data: &Dataset,
        rules: &Rules,
        as_of: Option<Date>,
    ) -> Result<Window, WindowError> {
        match self.range() {
            None => Window::infer(data, rules, None, None, as_of),
            Some((from, to)) => Window::infer(data, rules, Some(from), Some(to), as_of),
        }
    }

    /// The period before, of the same kind, as a window judged at its end
    /// (for "most improved"): the year, quarter or month before; for
    /// [`Period::Auto`] the year before `window`'s. `None` for a custom
    /// range, which has no natural predecessor.
    pub fn previous(&self, window: Window) -> Option<Window> {
        let before = match *self {
            Period::Auto => Period::Year(window.to.year() - 1),
            Period::Year(y) => Period::Year(y - 1),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
            Period::Custom(..) => return None,
        };
        let (from, to) = before.range()?;
        Some(Window {
            from,
            to,
            as_of: to,
        })
    }
}

/// The calendar months of `window` (at most 36), each cut to the window
/// and judged at its own end (or the window's `as_of`, if earlier), as the
/// trend chart scores them.
pub fn month_windows(window: Window) -> Vec<Window> {
    let mut months = Vec::new();
    let mut start =
        Date::from_ymd(window.from.year(), window.from.month(), 1).unwrap_or(window.from);
    while start <= window.to && months.len() < 36 {
        let end = start.add_months(1).add_days(-1);
        months.push(Window {
            from: start.max(window.from),
            to: end.min(window.to),
            as_of: end.min(window.as_of).max(start),
        });
        start = start.add_months(1);
    }
    months
}

/// The years from the first to the last window date of the data, latest
/// first (the year picker's choices).
pub fn data_years(data: &Dataset, rules: &Rules) -> Vec<i32> {
    let (mut first, mut last) = (None::<Date>, None::<Date>);
    for d in window_dates(data, rules) {
        first = Some(first.map_or(d, |f| f.min(d)));
        last = Some(last.map_or(d, |l| l.max(d)));
    }
    match (first, last) {
        (Some(a), Some(b)) => (a.year()..=b.year()).rev().collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::date::ymd as d;

    fn w(from: Date, to: Date, as_of: Date) -> Window {
        Window { from, to, as_of }
    }

    #[test]
    fn keys_round_trip_and_nonsense_is_refused() {
        for p in [
            Period::Auto,
            Period::Year(2019),
            Period::Quarter(2019, 3),
            Period::Month(2019, 7),
            Period::Custom(d(2019, 1, 1), d(2019, 6, 30)),
        ] {
            assert_eq!(Period::from_key(&p.key()), Some(p.clone()), "{}", p.key());
        }
        assert_eq!(Period::Month(2019, 7).key(), "2019-07");
        for bad in [
            "",
            "2019Q5",
            "2019Q0",
            "2019-13",
            "2019-00",
            "x",
            "2019-02-30..2019-03-01",
        ] {
            assert_eq!(Period::from_key(bad), None, "{bad}");
        }
    }

    /// A window as text, `from..to` (as of its end in every case here).
    fn span(w: Option<(Date, Date)>) -> String {
        w.map_or_else(|| "none".to_owned(), |(from, to)| format!("{from}..{to}"))
    }

    #[test]
    fn ranges_end_on_the_last_day_of_the_period() {
        let cases = [
            (Period::Year(2019), "2019-01-01..2019-12-31"),
            (Period::Quarter(2019, 4), "2019-10-01..2019-12-31"),
            (Period::Month(2020, 2), "2020-02-01..2020-02-29"),
            (Period::Month(2019, 2), "2019-02-01..2019-02-28"),
            (Period::Auto, "none"),
        ];
        for (p, expected) in cases {
            assert_eq!(span(p.range()), expected, "{}", p.key());
        }
    }

    #[test]
    fn the_previous_period_steps_back_across_years() {
        let any = w(d(2019, 1, 1), d(2019, 12, 31), d(2019, 12, 31));
        let cases = [
            (Period::Quarter(2019, 1), "2018-10-01..2018-12-31"),
            (Period::Quarter(2019, 3), "2019-04-01..2019-06-30"),
            (Period::Month(2019, 1), "2018-12-01..2018-12-31"),
            (Period::Month(2019, 3), "2019-02-01..2019-02-28"),
            (Period::Auto, "2018-01-01..2018-12-31"),
            (Period::Custom(d(2019, 1, 1), d(2019, 3, 1)), "none"),
        ];
        for (p, expected) in cases {
            let previous = p.previous(any);
            assert!(previous.is_none_or(|w| w.as_of == w.to), "{}", p.key());
            assert_eq!(
                span(previous.map(|w| (w.from, w.to))),
                expected,
                "{}",
                p.key()
            );
        }
    }

    #[test]
    fn months_are_cut_to_the_window_and_judged_by_its_as_of() {
        let months = month_windows(w(d(2019, 1, 15), d(2019, 3, 10), d(2019, 2, 20)));
        assert_eq!(
            months,
            [
                w(d(2019, 1, 15), d(2019, 1, 31), d(2019, 1, 31)),
                w(d(2019, 2, 1), d(2019, 2, 28), d(2019, 2, 20)),
                w(d(2019, 3, 1), d(2019, 3, 10), d(2019, 3, 1)),
            ]
        );
        let long = month_windows(w(d(2010, 1, 1), d(2019, 12, 31), d(2019, 12, 31)));
        assert_eq!(long.len(), 36, "at most three years of months");
    }
}
