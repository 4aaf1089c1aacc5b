//! Dates, times and the official working-day calendar.
//!
//! The generator needs just enough calendar arithmetic to place completion
//! dates before or after the deadlines of RULES §2: civil dates as day
//! numbers, "N working days after D" with the State Council holiday table
//! (embedded from `data/cn-holidays.csv`, so the sample always agrees with
//! the calendar the scorer uses) and the date spellings of RULES §1.2.

use std::collections::BTreeSet;

/// The official holiday table shared with the scorer.
const HOLIDAYS_CSV: &str = include_str!("../../data/cn-holidays.csv");

/// A civil date, stored as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Date(i32);

/// How a date is spelled in an export (RULES §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateStyle {
    /// `2019-08-23`
    Iso,
    /// `2019/8/23`
    Slash,
    /// `2019年8月23日`
    Chinese,
    /// `20190823`
    Compact,
    /// `2019.8.23`
    Dot,
}

impl Date {
    /// The date `y-m-d`; the caller passes a valid date.
    pub(crate) const fn from_ymd(y: i32, m: u32, d: u32) -> Self {
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = (y - era * 400) as u32;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Self(era * 146_097 + doe as i32 - 719_468)
    }

    /// Year, month and day.
    pub(crate) const fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = (z - era * 146_097) as u32;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe as i32 + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (if m <= 2 { y + 1 } else { y }, m, d)
    }

    /// Parses `YYYY-MM-DD` (the holiday table's spelling).
    pub(crate) fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        let date = Self::from_ymd(y, m, d);
        (parts.next().is_none() && date.ymd() == (y, m, d)).then_some(date)
    }

    /// Day of the week, Monday = 0 … Sunday = 6.
    pub(crate) const fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// Saturday or Sunday.
    pub(crate) const fn is_weekend(self) -> bool {
        self.weekday() >= 5
    }

    /// The date `days` calendar days later (earlier when negative).
    pub(crate) const fn add_days(self, days: i32) -> Self {
        Self(self.0 + days)
    }

    /// Calendar days from `self` to `later`.
    pub(crate) const fn days_until(self, later: Self) -> i32 {
        later.0 - self.0
    }

    /// Excel's serial day number (1900 date system).
    pub(crate) const fn excel_serial(self) -> i32 {
        self.0 + 25_569
    }

    /// The date spelled in `style`.
    pub(crate) fn format(self, style: DateStyle) -> String {
        let (y, m, d) = self.ymd();
        match style {
            DateStyle::Iso => format!("{y:04}-{m:02}-{d:02}"),
            DateStyle::Slash => format!("{y}/{m}/{d}"),
            DateStyle::Chinese => format!("{y}年{m}月{d}日"),
            DateStyle::Compact => format!("{y:04}{m:02}{d:02}"),
            DateStyle::Dot => format!("{y}.{m}.{d}"),
        }
    }

    /// `YYYY-MM-DD`.
    pub(crate) fn iso(self) -> String {
        self.format(DateStyle::Iso)
    }
}

/// A local date-time with minute resolution plus seconds for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Stamp {
    /// Minutes since 1970-01-01 00:00.
    minutes: i64,
    /// Seconds within the minute (display only).
    second: u32,
}

impl Stamp {
    /// `date` at `hour:minute:second`.
    pub(crate) fn at(date: Date, hour: u32, minute: u32, second: u32) -> Self {
        Self {
            minutes: i64::from(date.0) * 1440 + i64::from(hour * 60 + minute),
            second,
        }
    }

    /// The calendar date.
    pub(crate) fn date(self) -> Date {
        Date(self.minutes.div_euclid(1440) as i32)
    }

    /// The stamp `minutes` later, same seconds.
    pub(crate) fn add_minutes(self, minutes: i64) -> Self {
        Self {
            minutes: self.minutes + minutes,
            second: self.second,
        }
    }

    fn hm(self) -> (u32, u32) {
        let in_day = self.minutes.rem_euclid(1440) as u32;
        (in_day / 60, in_day % 60)
    }

    /// `2019-06-01 08:30`.
    pub(crate) fn iso_minutes(self) -> String {
        let (h, m) = self.hm();
        format!("{} {h:02}:{m:02}", self.date().iso())
    }

    /// `2019-06-01 08:30:05`.
    pub(crate) fn iso_seconds(self) -> String {
        let (h, m) = self.hm();
        format!("{} {h:02}:{m:02}:{:02}", self.date().iso(), self.second)
    }

    /// `2019/6/1 8:30`, as Excel shows a date-time cell.
    pub(crate) fn excel_minutes(self) -> String {
        let (h, m) = self.hm();
        format!("{} {h}:{m:02}", self.date().format(DateStyle::Slash))
    }
}

/// Official working days: Monday–Friday except 放假 days, plus 调休上班
/// weekend days (RULES §2).
#[derive(Debug)]
pub(crate) struct WorkCalendar {
    off: BTreeSet<Date>,
    makeup: BTreeSet<Date>,
}

impl WorkCalendar {
    /// The calendar of the embedded State Council table.
    pub(crate) fn official() -> Self {
        let mut off = BTreeSet::new();
        let mut makeup = BTreeSet::new();
        for line in HOLIDAYS_CSV.lines().skip(1) {
            let mut fields = line.split(',');
            let (Some(date), Some(_name), Some(is_off)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let Some(date) = Date::parse_iso(date) else {
                continue;
            };
            if is_off == "true" {
                off.insert(date);
            } else {
                makeup.insert(date);
            }
        }
        Self { off, makeup }
    }

    /// Whether `date` is a working day.
    pub(crate) fn is_workday(&self, date: Date) -> bool {
        if self.makeup.contains(&date) {
            true
        } else {
            !date.is_weekend() && !self.off.contains(&date)
        }
    }

    /// The `n`-th working day strictly after `date`; `date` itself when
    /// `n` is 0.
    pub(crate) fn add_workdays(&self, date: Date, n: u32) -> Date {
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = day.add_days(1);
            if self.is_workday(day) {
                left -= 1;
            }
        }
        day
    }

    /// The working days in `from..=to`, in order.
    pub(crate) fn workdays(&self, from: Date, to: Date) -> Vec<Date> {
        let mut days = Vec::new();
        let mut day = from;
        while day <= to {
            if self.is_workday(day) {
                days.push(day);
            }
            day = day.add_days(1);
        }
        days
    }
}

#[cfg(test)]
mod tests {
    use super::{Date, DateStyle, WorkCalendar};

    #[test]
    fn civil_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2019, 2, 28), (2020, 2, 29), (2019, 12, 31)] {
            assert_eq!(Date::from_ymd(y, m, d).ymd(), (y, m, d));
        }
        assert_eq!(Date::from_ymd(1899, 12, 30).excel_serial(), 0);
    }

    #[test]
    fn spec_workday_examples() {
        let cal = WorkCalendar::official();
        let cases = [
            ((2019, 9, 20), 20, (2019, 10, 23)),
            ((2020, 1, 20), 20, (2020, 2, 25)),
            ((2026, 2, 9), 20, (2026, 3, 13)),
            ((2024, 4, 30), 7, (2024, 5, 13)),
        ];
        for ((y, m, d), n, want) in cases {
            assert_eq!(cal.add_workdays(Date::from_ymd(y, m, d), n).ymd(), want);
        }
    }

    #[test]
    fn spellings() {
        let d = Date::from_ymd(2019, 8, 3);
        assert_eq!(d.format(DateStyle::Iso), "2019-08-03");
        assert_eq!(d.format(DateStyle::Slash), "2019/8/3");
        assert_eq!(d.format(DateStyle::Chinese), "2019年8月3日");
        assert_eq!(d.format(DateStyle::Compact), "20190803");
        assert_eq!(d.format(DateStyle::Dot), "2019.8.3");
    }
}
