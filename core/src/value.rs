//! Parsing of cell values: dates, date-times, yes/no and counts (RULES §1.2).
//!
//! Every function takes a trimmed, non-empty cell and says whether it
//! understood it; the importer decides whether a failure rejects the row
//! (required columns) or becomes a warning (optional ones).

use crate::date::{Date, DateTime};
use crate::text::{nfkc, trim_invisible};

/// The first date a value may hold: 1900-01-01, the first day of Excel's
/// calendar. Government records cannot be older, so an earlier date is a
/// typo or a placeholder (`0001-01-01`), not a date.
pub const FIRST_DATE: Date = Date::from_day_number(-25_567);

/// Parses a date-time: any date form of RULES §1.2, optionally followed by
/// `HH:MM[:SS]`; a date alone means 00:00.
pub fn parse_datetime(raw: &str) -> Option<DateTime> {
    if let Some(date) = iso_date(raw) {
        return Some(DateTime::midnight(date));
    }
    let folded = nfkc(raw);
    let s = trim_invisible(&folded);
    if let Some(dt) = parse_excel_serial(s) {
        return Some(dt);
    }
    let (date, rest) = parse_date_prefix(s)?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest).trim();
    if rest.is_empty() {
        return Some(DateTime::midnight(date));
    }
    Some(DateTime {
        date,
        secs: parse_time(rest)?,
    })
}

/// Parses a date; a value with a time of day keeps its date part.
pub fn parse_date(raw: &str) -> Option<Date> {
    parse_datetime(raw).map(|dt| dt.date)
}

/// The common `YYYY-MM-DD` form alone, read without the general path's
/// normalisation and scanning (it gives the same date: the general path
/// reads these ten ASCII bytes the same way).
fn iso_date(s: &str) -> Option<Date> {
    let b: &[u8; 10] = s.as_bytes().try_into().ok()?;
    let d = |i: usize| b[i].is_ascii_digit().then(|| u32::from(b[i] - b'0'));
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = d(0)? * 1000 + d(1)? * 100 + d(2)? * 10 + d(3)?;
    let month = d(5)? * 10 + d(6)?;
    let day = d(8)? * 10 + d(9)?;
    ymd(year as i32, month, day)
}

/// A bare Excel serial number in 20000..=80000, with an optional fraction of a day.
fn parse_excel_serial(s: &str) -> Option<DateTime> {
    if !s.bytes().all(|b| b.is_ascii_digit() || b == b'.') || s.len() > 20 {
        return None;
    }
    let value: f64 = s.parse().ok()?;
    if !(20_000.0..=80_000.0).contains(&value) {
        return None;
    }
    let days = value.floor();
    let date = Date::from_excel_serial(days as i64)?;
    let secs = ((value - days) * 86_400.0).round() as u32;
    Some(DateTime::from_timestamp(
        DateTime::midnight(date).timestamp() + i64::from(secs),
    ))
}

/// Reads a leading date and returns it with the rest of the text.
fn parse_date_prefix(s: &str) -> Option<(Date, &str)> {
    // 20190823: eight digits not followed by another digit.
    let digits = s
        .as_bytes()
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits == 8 {
        let y = num(&s[0..4])?;
        let m = num(&s[4..6])?;
        let d = num(&s[6..8])?;
        return Some((ymd(y as i32, m, d)?, &s[8..]));
    }
    if digits != 4 {
        return None;
    }
    let year = num(&s[..4])? as i32;
    let rest = &s[4..];
    // 2019年8月23日
    if let Some(rest) = rest.strip_prefix('年') {
        let (month, rest) = split_number(rest)?;
        let rest = rest.strip_prefix('月')?;
        let (day, rest) = split_number(rest)?;
        let rest = rest.strip_prefix('日').unwrap_or(rest);
        return Some((ymd(year, month, day)?, rest));
    }
    // 2019-08-23, 2019/8/23, 2019.8.23
    let sep = rest.chars().next()?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let (month, rest) = split_number(&rest[1..])?;
    let rest = rest.strip_prefix(sep)?;
    let (day, rest) = split_number(rest)?;
    Some((ymd(year, month, day)?, rest))
}

/// A date that exists and is not before [`FIRST_DATE`].
fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
    Date::from_ymd(year, month, day).filter(|&d| d >= FIRST_DATE)
}

/// Splits one or two leading digits off `s`.
fn split_number(s: &str) -> Option<(u32, &str)> {
    let b = s.as_bytes();
    let digit = |i: usize| {
        b.get(i)
            .filter(|c| c.is_ascii_digit())
            .map(|c| u32::from(c - b'0'))
    };
    let first = digit(0)?;
    match digit(1) {
        None => Some((first, &s[1..])),
        Some(second) if digit(2).is_none() => Some((first * 10 + second, &s[2..])),
        Some(_) => None,
    }
}

/// The value of an all-ASCII-digit string.
fn num(s: &str) -> Option<u32> {
    s.bytes().try_fold(0u32, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, as seconds since midnight.
fn parse_time(s: &str) -> Option<u32> {
    let mut parts = s.split(':');
    let h = parse_time_part(parts.next()?)?;
    let m = parse_time_part(parts.next()?)?;
    let sec = match parts.next() {
        None => 0,
        Some(p) => {
            let whole = p.split_once('.').map_or(p, |(w, frac)| {
                if frac.bytes().all(|c| c.is_ascii_digit()) {
                    w
                } else {
                    "x"
                }
            });
            parse_time_part(whole)?
        }
    };
    if parts.next().is_some() || h > 23 || m > 59 || sec > 59 {
        return None;
    }
    Some(h * 3600 + m * 60 + sec)
}

fn parse_time_part(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses yes/no: 是/否, Y/N, yes/no, true/false, 1/0, √/× (any case).
pub fn parse_yes_no(raw: &str) -> Option<bool> {
    const YES: [&str; 6] = ["是", "y", "yes", "true", "1", "√"];
    const NO: [&str; 6] = ["否", "n", "no", "false", "0", "×"];
    // The common cells, as written, without normalising.
    match raw {
        "是" => return Some(true),
        "否" => return Some(false),
        _ => {}
    }
    let folded = nfkc(raw);
    let s = trim_invisible(&folded);
    if YES.iter().any(|w| w.eq_ignore_ascii_case(s)) {
        Some(true)
    } else if NO.iter().any(|w| w.eq_ignore_ascii_case(s)) {
        Some(false)
    } else {
        None
    }
}

/// Parses a non-negative whole number (a spreadsheet's `3.0` counts as 3).
pub fn parse_count(raw: &str) -> Option<u32> {
    let s = nfkc(raw);
    let s = trim_invisible(&s);
    if s.bytes().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let (whole, frac) = s.split_once('.')?;
    if !whole.is_empty()
        && whole.bytes().all(|c| c.is_ascii_digit())
        && !frac.is_empty()
        && frac.bytes().all(|c| c == b'0')
    {
        return whole.parse().ok();
    }
    None
}

/// Millionths of a 万元 (one fen is 100): amounts are summed exactly.
pub const AMOUNT_UNITS_PER_WAN: i64 = 1_000_000;

/// Parses a non-negative amount in 万元 (`12.5`, `1,234.5`, `0.3000000004`
/// from a spreadsheet's float) into millionths of a 万元, rounded half up
/// at the sixth decimal.
pub fn parse_amount(raw: &str) -> Option<i64> {
    let s = nfkc(raw);
    let s: String = trim_invisible(&s).chars().filter(|&c| c != ',').collect();
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    let digits = |p: &str| p.bytes().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) || whole.len() > 12
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut micro: i64 = 0;
    for (i, b) in frac.bytes().take(7).enumerate() {
        let d = i64::from(b - b'0');
        if i < 6 {
            micro = micro * 10 + d;
        } else if d >= 5 {
            micro += 1;
        }
    }
    for _ in frac.len()..6 {
        micro *= 10;
    }
    Some(whole * AMOUNT_UNITS_PER_WAN + micro)
}

/// An amount of [`parse_amount`] as 万元.
pub fn amount_wan(units: i64) -> f64 {
    units as f64 / AMOUNT_UNITS_PER_WAN as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_millionths_of_a_wan() {
        let cases = [
            ("12.5", Some(12_500_000)),
            ("1,234.5", Some(1_234_500_000)),
            ("0.30000000000000004", Some(300_000)),
            ("0.0000005", Some(1)),
            ("３", Some(3_000_000)),
            (".5", Some(500_000)),
            ("-1", None),
            ("5万", None),
            (".", None),
        ];
        for (input, units) in cases {
            assert_eq!(parse_amount(input), units, "{input}");
        }
        assert_eq!(amount_wan(3_300_000), 3.3);
    }

    macro_rules! dates {
        ($($input:expr => $expected:expr),* $(,)?) => {$(
            assert_eq!(
                parse_datetime($input).map(|d| d.to_string()),
                $expected.map(str::to_owned),
                "input {:?}", $input
            );
        )*};
    }

    #[test]
    fn every_date_form_of_the_spec() {
        dates! {
            "2019-08-23" => Some("2019-08-23 00:00"),
            "2019/8/23" => Some("2019-08-23 00:00"),
            "2019.8.23" => Some("2019-08-23 00:00"),
            "2019年8月23日" => Some("2019-08-23 00:00"),
            "2019年08月23日" => Some("2019-08-23 00:00"),
            "20190823" => Some("2019-08-23 00:00"),
            "43700" => Some("2019-08-23 00:00"),
            "43700.5" => Some("2019-08-23 12:00"),
            " 2019-08-23 " => Some("2019-08-23 00:00"),
            "２０１９－０８－２３" => Some("2019-08-23 00:00"),
        }
    }

    #[test]
    fn dates_with_times() {
        dates! {
            "2019-08-23 14:30" => Some("2019-08-23 14:30"),
            "2019-08-23 14:30:15" => Some("2019-08-23 14:30:15"),
            "2019-08-23T09:05:00" => Some("2019-08-23 09:05"),
            "2019/8/23 9:05" => Some("2019-08-23 09:05"),
            "2019年8月23日 14:30" => Some("2019-08-23 14:30"),
            "2019年8月23日14:30" => Some("2019-08-23 14:30"),
            "20190823 08:00" => Some("2019-08-23 08:00"),
            "2019-08-23 14:30:15.250" => Some("2019-08-23 14:30:15"),
        }
    }

    #[test]
    fn impossible_or_foreign_values_do_not_parse() {
        let values = "2019-02-30|2019-13-01|2019-08-23 25:00|2019-08-23 later|19-08-23|8/23/2019|\
                      19999|80001|2019-8|2019/08-23|201908231|soon";
        for value in values.split('|') {
            assert_eq!(parse_datetime(value), None, "{value:?}");
        }
    }

    #[test]
    fn dates_before_1900_are_not_dates() {
        assert_eq!(FIRST_DATE, Date::from_ymd(1900, 1, 1).expect("date"));
        dates! {
            "1900-01-01" => Some("1900-01-01 00:00"),
            "1899-12-31" => None::<&str>,
            "0001-01-01" => None::<&str>,
            "1066年10月14日" => None::<&str>,
            "18991231" => None::<&str>,
            "9999-12-31" => Some("9999-12-31 00:00"),
        }
    }

    #[test]
    fn invisible_padding_is_ignored() {
        dates! {
            "2019-08-23\0\0" => Some("2019-08-23 00:00"),
            "\u{FEFF}2019-08-23\u{200B}" => Some("2019-08-23 00:00"),
            "2019-08-23 14:30\u{2060}" => Some("2019-08-23 14:30"),
        }
        assert_eq!(parse_yes_no("是\0"), Some(true));
        assert_eq!(parse_count("3\u{200B}"), Some(3));
    }

    #[test]
    fn date_part_of_a_date_time() {
        assert_eq!(
            parse_date("2019-08-23 23:59").map(|d| d.to_string()),
            Some("2019-08-23".to_owned())
        );
    }

    #[test]
    fn yes_no_variants() {
        for yes in ["是", "Y", "y", "YES", "True", "1", "√", " 是 ", "Ｙ", "１"] {
            assert_eq!(parse_yes_no(yes), Some(true), "{yes}");
        }
        for no in ["否", "N", "no", "FALSE", "0", "×"] {
            assert_eq!(parse_yes_no(no), Some(false), "{no}");
        }
        for other in ["", "可能", "2", "x"] {
            assert_eq!(parse_yes_no(other), None, "{other}");
        }
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("3"), Some(3));
        assert_eq!(parse_count("15.0"), Some(15));
        assert_eq!(parse_count("１０"), Some(10));
        assert_eq!(parse_count("-1"), None);
        assert_eq!(parse_count("2.5"), None);
        assert_eq!(parse_count("五"), None);
    }
}
