//! The working-day calendar (工作日): weekends, official holidays (放假) and
//! make-up working days (调休上班).
//!
//! The official table from the State Council notices (2019–2026, with the
//! source of every row) is embedded from `data/cn-holidays.csv`, so no I/O
//! happens at run time. A rules file may add local days. Deadline arithmetic
//! runs over a million records, so the calendar precomputes, for a dense
//! range of days, the running count of working days: "N working days after
//! D" and "working days between" are then two array look-ups. Outside that
//! range the count follows from the weekday rule in closed form, so that a
//! deadline of four billion working days (a typo in a rules file, a
//! corrupt 不计入工作日 cell) costs a binary search, not four billion steps.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use crate::date::Date;

/// The official holiday table, as published with its sources.
pub const OFFICIAL_HOLIDAYS_CSV: &str = include_str!("../../data/cn-holidays.csv");

/// First day of the precomputed range (1900-01-01).
const RANGE_START: i32 = -25_567;
/// Number of days in the precomputed range (to the end of 2199).
const RANGE_DAYS: usize = 109_573;
/// Last day of the precomputed range (2199-12-31).
const RANGE_END: i32 = RANGE_START + RANGE_DAYS as i32 - 1;

/// A working-day calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// Days whose status differs from the weekday rule: `true` = working day.
    overrides: FxHashMap<i32, bool>,
    /// Years that have an official calendar.
    official_years: BTreeSet<i32>,
    /// `cumulative[i]` = working days in `RANGE_START ..= RANGE_START + i`.
    cumulative: Arc<[u32]>,
    /// Day numbers of the working days in the range, ascending.
    workdays: Arc<[i32]>,
    /// Overrides outside the range that change a day's weekday status, by
    /// day, ascending: +1 for a working weekend day, -1 for a weekday off.
    outer: Vec<(i32, i64)>,
}

impl Calendar {
    /// The official calendar with no local days. It is built once; this
    /// is a cheap copy (scoring asks for it on every window change).
    pub fn official() -> Calendar {
        static OFFICIAL: OnceLock<Calendar> = OnceLock::new();
        OFFICIAL.get_or_init(Calendar::build_official).clone()
    }

    fn build_official() -> Calendar {
        let mut overrides = FxHashMap::default();
        let mut official_years = BTreeSet::new();
        for line in OFFICIAL_HOLIDAYS_CSV.lines().skip(1) {
            let mut cells = line.split(',');
            let (Some(date), Some(_name), Some(off), Some(year)) =
                (cells.next(), cells.next(), cells.next(), cells.next())
            else {
                continue;
            };
            let Some(date) = parse_iso(date) else {
                continue;
            };
            overrides.insert(date.day_number(), off.trim() != "true");
            if let Ok(year) = year.trim().parse() {
                official_years.insert(year);
            }
        }
        Calendar::build(overrides, official_years)
    }

    /// The official calendar plus local days off and local working days.
    pub fn with_local_days(&self, off_days: &[Date], work_days: &[Date]) -> Calendar {
        if off_days.is_empty() && work_days.is_empty() {
            return self.clone();
        }
        let mut overrides = self.overrides.clone();
        for day in off_days {
            overrides.insert(day.day_number(), false);
        }
        for day in work_days {
            overrides.insert(day.day_number(), true);
        }
        Calendar::build(overrides, self.official_years.clone())
    }

    fn build(overrides: FxHashMap<i32, bool>, official_years: BTreeSet<i32>) -> Calendar {
        let mut cumulative = Vec::with_capacity(RANGE_DAYS);
        let mut workdays = Vec::with_capacity(RANGE_DAYS * 5 / 7 + 1);
        let mut count = 0u32;
        for i in 0..RANGE_DAYS as i32 {
            let n = RANGE_START + i;
            let working = overrides
                .get(&n)
                .copied()
                .unwrap_or_else(|| !Date::from_day_number(n).is_weekend());
            if working {
                count += 1;
                workdays.push(n);
            }
            cumulative.push(count);
        }
        let mut outer: Vec<(i32, i64)> = overrides
            .iter()
            .filter(|&(&n, _)| Calendar::index(Date::from_day_number(n)).is_none())
            .filter_map(|(&n, &working)| {
                let weekday = !Date::from_day_number(n).is_weekend();
                (working != weekday).then_some((n, if working { 1 } else { -1 }))
            })
            .collect();
        outer.sort_unstable();
        Calendar {
            overrides,
            official_years,
            cumulative: cumulative.into(),
            workdays: workdays.into(),
            outer,
        }
    }

    /// True when `date` is a working day.
    pub fn is_workday(&self, date: Date) -> bool {
        self.overrides
            .get(&date.day_number())
            .copied()
            .unwrap_or_else(|| !date.is_weekend())
    }

    /// True when `year` has an official holiday calendar.
    pub fn has_official_year(&self, year: i32) -> bool {
        self.official_years.contains(&year)
    }

    /// The years with an official calendar.
    pub fn official_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.official_years.iter().copied()
    }

    fn index(date: Date) -> Option<usize> {
        let i = usize::try_from(i64::from(date.day_number()) - i64::from(RANGE_START)).ok()?;
        (i < RANGE_DAYS).then_some(i)
    }

    /// The `n`-th working day strictly after `date` (`date` itself is not
    /// counted); `date` itself when `n` is 0. Saturates at the last
    /// representable day.
    pub fn add_workdays(&self, date: Date, n: u32) -> Date {
        if n == 0 {
            return date;
        }
        if let Some(i) = Calendar::index(date) {
            let target = self.cumulative[i] as usize + n as usize - 1;
            if let Some(&day) = self.workdays.get(target) {
                return Date::from_day_number(day);
            }
        }
        // The first day whose running count reaches the target: the count
        // only grows, so widen a bracket by doubling, then bisect it.
        let start = i64::from(date.day_number());
        let target = self.running_count(start) + i64::from(n);
        let last = i64::from(i32::MAX);
        if self.running_count(last) < target {
            return Date::from_day_number(i32::MAX);
        }
        let (mut lo, mut step) = (start, i64::from(n));
        let mut hi = (start + step).min(last);
        while self.running_count(hi) < target {
            lo = hi;
            step *= 2;
            hi = (start + step).min(last);
        }
        // running_count(lo) < target <= running_count(hi)
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.running_count(mid) < target {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Date::from_day_number(hi as i32)
    }

    /// Working days in `(from, to]`: how many working days `to` lies after
    /// `from`; 0 when `to` is not after `from` (at most `u32::MAX`).
    pub fn workdays_between(&self, from: Date, to: Date) -> u32 {
        if to <= from {
            return 0;
        }
        if let (Some(a), Some(b)) = (Calendar::index(from), Calendar::index(to)) {
            return self.cumulative[b] - self.cumulative[a];
        }
        let between = self.running_count(i64::from(to.day_number()))
            - self.running_count(i64::from(from.day_number()));
        u32::try_from(between.max(0)).unwrap_or(u32::MAX)
    }

    /// A running count of working days, extended past the precomputed
    /// range both ways: `running_count(b) - running_count(a)` is the number
    /// of working days in `(a, b]` for any day numbers `a <= b`.
    fn running_count(&self, day: i64) -> i64 {
        let (start, end) = (i64::from(RANGE_START), i64::from(RANGE_END));
        if day < start {
            let weekdays = weekdays_through(start - 1) - weekdays_through(day);
            -(weekdays + self.outer_delta(day, start - 1))
        } else if day <= end {
            i64::from(self.cumulative[(day - start) as usize])
        } else {
            let weekdays = weekdays_through(day) - weekdays_through(end);
            i64::from(self.cumulative[RANGE_DAYS - 1]) + weekdays + self.outer_delta(end, day)
        }
    }

    /// The net change the outer overrides make to the working days in `(a, b]`.
    fn outer_delta(&self, a: i64, b: i64) -> i64 {
        self.outer
            .iter()
            .filter(|&&(n, _)| a < i64::from(n) && i64::from(n) <= b)
            .map(|&(_, delta)| delta)
            .sum()
    }
}

/// A running count of Monday-to-Friday days: `weekdays_through(b) -
/// weekdays_through(a)` is the number of weekdays in `(a, b]`.
fn weekdays_through(day: i64) -> i64 {
    // Day 4 (1970-01-05) was a Monday.
    let t = day - 4;
    5 * t.div_euclid(7) + (t.rem_euclid(7) + 1).min(5)
}

fn parse_iso(s: &str) -> Option<Date> {
    let mut parts = s.trim().split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Date::from_ymd(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_iso(s).expect("valid test date")
    }

    /// RULES §2: the examples that must hold.
    #[test]
    fn spec_examples() {
        let cal = Calendar::official();
        for (start, n, expected) in [
            ("2019-09-20", 20, "2019-10-23"),
            ("2020-01-20", 20, "2020-02-25"),
            ("2026-02-09", 20, "2026-03-13"),
            ("2024-04-30", 7, "2024-05-13"),
        ] {
            assert_eq!(cal.add_workdays(d(start), n), d(expected), "{start} + {n}");
        }
    }

    #[test]
    fn make_up_saturday_is_a_working_day_and_holidays_are_not() {
        let cal = Calendar::official();
        assert!(cal.is_workday(d("2019-02-02")), "调休 Saturday");
        assert!(!cal.is_workday(d("2019-02-04")), "春节 Monday");
        assert!(!cal.is_workday(d("2019-02-09")), "weekend inside 春节");
        assert!(cal.is_workday(d("2019-02-11")));
        // Friday 2019-02-01 + 1 = the make-up Saturday.
        assert_eq!(cal.add_workdays(d("2019-02-01"), 1), d("2019-02-02"));
        // ... + 2 jumps the whole 春节 week.
        assert_eq!(cal.add_workdays(d("2019-02-01"), 3), d("2019-02-11"));
    }

    #[test]
    fn counting_agrees_with_stepping_outside_the_dense_range() {
        let cal = Calendar::official();
        let far = Date::from_ymd(2250, 3, 1).expect("valid");
        let stepped = cal.add_workdays(far, 10);
        assert_eq!(cal.workdays_between(far, stepped), 10);
        assert!(cal.is_workday(stepped));
    }

    /// Fuzzing (dates and rules targets): a huge count or a far date is
    /// answered at once, consistently, and saturates at the last day.
    #[test]
    fn huge_counts_and_far_dates_are_computed_not_stepped() {
        let cal = Calendar::official().with_local_days(
            &[d("2250-03-02"), d("1800-01-06")],
            &[d("2250-03-07"), d("1800-01-04")],
        );
        for start in [
            d("2019-09-20"),
            d("2250-02-27"),
            d("1799-12-30"),
            d("9999-12-31"),
        ] {
            for n in [1, 2, 5, 20, 1_000, 100_000, 10_000_000] {
                let due = cal.add_workdays(start, n);
                assert!(cal.is_workday(due), "{start} + {n} = {due}");
                assert_eq!(cal.workdays_between(start, due), n, "{start} + {n}");
                assert_eq!(cal.workdays_between(due, start), 0);
            }
        }
        // Stepping by hand across the local days agrees.
        let mut day = d("2250-02-27");
        for n in 1..=10 {
            day = day.add_days(1);
            while !cal.is_workday(day) {
                day = day.add_days(1);
            }
            assert_eq!(cal.add_workdays(d("2250-02-27"), n), day, "+{n}");
        }
        let end = Date::from_day_number(i32::MAX);
        assert_eq!(cal.add_workdays(d("2019-09-20"), u32::MAX), end);
        assert_eq!(cal.add_workdays(end, 1), end);
        let first = Date::from_day_number(i32::MIN);
        assert!(cal.workdays_between(first, end) > 3_000_000_000);
    }

    #[test]
    fn between_is_the_inverse_of_adding() {
        let cal = Calendar::official();
        let start = d("2019-12-20");
        for n in 1..60 {
            let end = cal.add_workdays(start, n);
            assert_eq!(cal.workdays_between(start, end), n);
        }
        assert_eq!(cal.workdays_between(d("2019-10-23"), d("2019-10-01")), 0);
    }

    #[test]
    fn official_years_come_from_the_notices() {
        let cal = Calendar::official();
        assert!(cal.has_official_year(2019));
        assert!(cal.has_official_year(2026));
        assert!(!cal.has_official_year(2018));
        assert!(!cal.has_official_year(2027));
    }

    #[test]
    fn local_days_override_the_official_table() {
        let cal = Calendar::official();
        let local = cal.with_local_days(&[d("2019-07-15")], &[d("2019-07-13")]);
        assert!(!local.is_workday(d("2019-07-15")));
        assert!(local.is_workday(d("2019-07-13")));
        assert_eq!(local.add_workdays(d("2019-07-12"), 1), d("2019-07-13"));
        assert_eq!(local.add_workdays(d("2019-07-13"), 1), d("2019-07-16"));
    }
}
