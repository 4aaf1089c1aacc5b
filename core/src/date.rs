//! Civil dates and local date-times without a time zone.
//!
//! Government exports carry plain local dates, so a date is a day number
//! (days since 1970-01-01) and a date-time adds seconds of the day. Both are
//! `Copy`, ordered, and cheap enough to sit in a million records. Parsing of
//! the many spellings found in exports lives in [`crate::value`].

use std::fmt;
use std::num::NonZeroU32;

/// A proleptic Gregorian date: days since 1970-01-01, stored with the sign
/// bit flipped. That orders it as the day number and never makes it zero,
/// so an `Option<Date>` is four bytes like a `Date` (a million records
/// hold several). Day number `i32::MIN` is left out: the first
/// representable day is the one after it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NonZeroU32);

impl Date {
    /// Builds a date from year, month (1-12) and day, or `None` when it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        i32::try_from(days_from_civil(year, month, day))
            .ok()
            .filter(|&n| n != i32::MIN)
            .map(Date::from_day_number)
    }

    /// The date `n` days since 1970-01-01 (`i32::MIN` gives the first
    /// representable day, one later).
    pub const fn from_day_number(n: i32) -> Date {
        let n = if n == i32::MIN { n + 1 } else { n };
        match NonZeroU32::new(n.cast_unsigned() ^ 1 << 31) {
            Some(bits) => Date(bits),
            None => unreachable!(),
        }
    }

    /// Days since 1970-01-01.
    pub const fn day_number(self) -> i32 {
        (self.0.get() ^ 1 << 31).cast_signed()
    }

    /// `(year, month, day)`.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.day_number())
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The month, 1-12.
    pub fn month(self) -> u32 {
        self.ymd().1
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn iso_weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((i64::from(self.day_number()) + 3).rem_euclid(7) + 1) as u32
    }

    /// True on Saturday and Sunday.
    pub fn is_weekend(self) -> bool {
        self.iso_weekday() >= 6
    }

    /// The date `days` calendar days later (negative for earlier), saturating
    /// at the first and last representable day.
    pub const fn add_days(self, days: i32) -> Date {
        Date::from_day_number(self.day_number().saturating_add(days))
    }

    /// The date `months` calendar months later (negative for earlier), keeping
    /// the day of month and clamping to the target month's last day.
    /// Saturates at the first and last representable day.
    pub fn add_months(self, months: i32) -> Date {
        let (y, m, d) = self.ymd();
        let index = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(months);
        // |index| / 12 stays far inside i32: |y| < 6e6 and |months| / 12 < 2e8.
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u32;
        let day = d.min(days_in_month(year, month));
        Date::saturating(days_from_civil(year, month, day))
    }

    /// 1 January of this date's year.
    pub fn start_of_year(self) -> Date {
        Date::saturating(days_from_civil(self.year(), 1, 1))
    }

    /// 31 December of this date's year.
    pub fn end_of_year(self) -> Date {
        Date::saturating(days_from_civil(self.year(), 12, 31))
    }

    /// The day `n`, or the first or last representable day beyond them.
    fn saturating(n: i64) -> Date {
        Date::from_day_number(n.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
    }

    /// Excel's last date, 9999-12-31, as a serial number.
    pub const EXCEL_MAX_SERIAL: i64 = 2_958_465;

    /// This date's Excel serial number in the 1900 date system (for dates
    /// from 1900-03-01 on, where Excel's phantom 1900-02-29 is behind).
    pub fn excel_serial(self) -> i64 {
        i64::from(self.day_number()) + 25_569
    }

    /// Date of an Excel serial number in the 1900 date system (serials above
    /// 60 skip Excel's phantom 1900-02-29); `None` outside the dates Excel
    /// can show (after 9999-12-31 it shows `####`).
    pub fn from_excel_serial(serial: i64) -> Option<Date> {
        // Serial 25569 is 1970-01-01 once the phantom leap day is accounted for.
        (61..=Date::EXCEL_MAX_SERIAL)
            .contains(&serial)
            .then(|| Date::from_day_number((serial - 25_569) as i32))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// Debug output and serialisation are the display form (`2019-08-23`,
/// `2019-08-23 14:30`), so test failures and JSON read like the data.
macro_rules! shown_as_displayed {
    ($($t:ty),*) => {$(
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }

        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
    )*};
}

shown_as_displayed!(Date, DateTime);

/// A date read from text in any form of RULES §1.2 (the rules file's local
/// days): a value that is no date is an error naming it, never dropped.
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        crate::value::parse_date(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("{text:?} is not a date. Hint: use YYYY-MM-DD"))
        })
    }
}

/// A local date and time of day, to the second.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// The calendar date.
    pub date: Date,
    /// Seconds since midnight, 0..86400.
    pub secs: u32,
}

impl DateTime {
    /// Midnight at the start of `date`.
    pub const fn midnight(date: Date) -> DateTime {
        DateTime { date, secs: 0 }
    }

    /// Seconds since 1970-01-01 00:00.
    pub fn timestamp(self) -> i64 {
        i64::from(self.date.day_number()) * 86_400 + i64::from(self.secs)
    }

    /// The date-time `seconds` after 1970-01-01 00:00 (before the first or
    /// after the last representable day: that day).
    pub fn from_timestamp(seconds: i64) -> DateTime {
        DateTime {
            date: Date::saturating(seconds.div_euclid(86_400)),
            secs: seconds.rem_euclid(86_400) as u32,
        }
    }

    /// The date-time `hours` later.
    pub fn add_hours(self, hours: i64) -> DateTime {
        DateTime::from_timestamp(self.timestamp().saturating_add(hours.saturating_mul(3600)))
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.secs / 3600, self.secs / 60 % 60, self.secs % 60);
        if s == 0 {
            write!(f, "{} {h:02}:{m:02}", self.date)
        } else {
            write!(f, "{} {h:02}:{m:02}:{s:02}", self.date)
        }
    }
}

/// True for Gregorian leap years.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's `days_from_civil` / `civil_from_days`, in i64 so that
// every i32 year and every i32 day number is in range.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = i64::from(z) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    // |y| < 6e6 for every i32 day number.
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// A date for unit tests: `ymd(2019, 8, 23)`.
#[cfg(test)]
pub(crate) fn ymd(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).expect("valid test date")
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::ymd as d;

    #[test]
    fn round_trips_every_day_across_four_centuries() {
        let start = d(1900, 1, 1).day_number();
        let end = d(2300, 12, 31).day_number();
        for n in start..=end {
            let (y, m, day) = Date::from_day_number(n).ymd();
            assert_eq!(Date::from_ymd(y, m, day), Some(Date::from_day_number(n)));
        }
    }

    #[test]
    fn an_optional_date_is_as_small_as_a_date_and_orders_by_day_number() {
        assert_eq!(std::mem::size_of::<Option<Date>>(), 4);
        let days = [i32::MIN + 1, -1_000, -1, 0, 1, 18_000, i32::MAX];
        for pair in days.windows(2) {
            let (a, b) = (
                Date::from_day_number(pair[0]),
                Date::from_day_number(pair[1]),
            );
            assert!(a < b, "{pair:?}");
            assert_eq!((a.day_number(), b.day_number()), (pair[0], pair[1]));
        }
        // The one day number left out is the first representable day.
        assert_eq!(
            Date::from_day_number(i32::MIN),
            Date::from_day_number(i32::MIN + 1)
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Date::from_ymd(2019, 2, 29), None);
        assert_eq!(Date::from_ymd(2019, 2, 30), None);
        assert_eq!(Date::from_ymd(2019, 13, 1), None);
        assert!(Date::from_ymd(2020, 2, 29).is_some());
    }

    #[test]
    fn weekdays() {
        assert_eq!(d(1970, 1, 1).iso_weekday(), 4);
        assert_eq!(d(2019, 9, 20).iso_weekday(), 5);
        assert!(d(2019, 9, 21).is_weekend());
        assert!(d(1969, 12, 28).is_weekend());
    }

    #[test]
    fn calendar_months_clamp_to_month_end() {
        assert_eq!(d(2019, 1, 31).add_months(3), d(2019, 4, 30));
        assert_eq!(d(2019, 1, 31).add_months(1), d(2019, 2, 28));
        assert_eq!(d(2020, 3, 31).add_months(-1), d(2020, 2, 29));
        assert_eq!(d(2019, 12, 31).add_months(-6), d(2019, 6, 30));
        assert_eq!(d(2019, 11, 15).add_months(3), d(2020, 2, 15));
    }

    #[test]
    fn excel_serials_use_the_1900_system() {
        assert_eq!(Date::from_excel_serial(43_700), Some(d(2019, 8, 23)));
        assert_eq!(d(2019, 8, 23).excel_serial(), 43_700);
        assert_eq!(d(1900, 3, 1).excel_serial(), 61);
        assert_eq!(Date::from_excel_serial(61), Some(d(1900, 3, 1)));
        assert_eq!(Date::from_excel_serial(60), None);
        assert_eq!(
            Date::from_excel_serial(Date::EXCEL_MAX_SERIAL),
            Some(d(9999, 12, 31))
        );
        assert_eq!(Date::from_excel_serial(Date::EXCEL_MAX_SERIAL + 1), None);
        assert_eq!(Date::from_excel_serial(i64::MIN), None);
        assert_eq!(Date::from_excel_serial(i64::MAX), None);
    }

    /// Fuzzing (dates target): every i32 day number has a calendar date and
    /// arithmetic at the ends of the range saturates instead of overflowing.
    #[test]
    fn extreme_day_numbers_do_not_overflow() {
        for n in [i32::MIN, i32::MIN + 1, -1, 0, i32::MAX - 1, i32::MAX] {
            let day = Date::from_day_number(n);
            let (y, m, dd) = day.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(day), "{n}");
            assert!((1..=7).contains(&day.iso_weekday()));
            let _ = (day.start_of_year(), day.end_of_year(), day.to_string());
            let _ = (day.add_months(i32::MAX), day.add_months(i32::MIN));
        }
        assert_eq!(
            Date::from_day_number(i32::MAX).add_days(1),
            Date::from_day_number(i32::MAX)
        );
        assert_eq!(
            Date::from_day_number(i32::MIN).add_days(-1),
            Date::from_day_number(i32::MIN)
        );
        assert_eq!(Date::from_ymd(i32::MAX, 12, 31), None);
        let t = DateTime::midnight(Date::from_day_number(i32::MAX)).add_hours(i64::MAX);
        assert_eq!(t.date, Date::from_day_number(i32::MAX));
    }

    #[test]
    fn hours_cross_midnight() {
        let t = DateTime {
            date: d(2019, 12, 31),
            secs: 22 * 3600,
        };
        assert_eq!(t.add_hours(5).to_string(), "2020-01-01 03:00");
    }
}
