//! Cell values and date arithmetic.
//!
//! The input, read as UTF-8 (lossily), goes through every value parser of
//! RULES §1.2: `parse_date`, `parse_datetime`, `parse_yes_no`, `parse_count`.
//! What parses must print and parse back to itself. The first 16 bytes also
//! give numbers for the public date and working-day arithmetic: a day number,
//! an offset, an Excel serial and a working-day count.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openness_core::date::{Date, DateTime};
use openness_core::value::{parse_count, parse_date, parse_datetime, parse_yes_no};
use openness_core_fuzz::official_calendar;

fn word(data: &[u8], i: usize) -> [u8; 4] {
    let mut w = [0u8; 4];
    for (k, b) in w.iter_mut().enumerate() {
        *b = data.get(i * 4 + k).copied().unwrap_or(0);
    }
    w
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let s = text.as_ref();

    let dt = parse_datetime(s);
    if let Some(dt) = dt {
        assert!(dt.secs < 86_400, "{s:?}: secs {}", dt.secs);
        let printed = dt.to_string();
        assert_eq!(
            parse_datetime(&printed),
            Some(dt),
            "{s:?} printed as {printed:?}"
        );
    }
    let date = parse_date(s);
    assert_eq!(
        date,
        dt.map(|d| d.date),
        "{s:?}: date and date-time disagree"
    );
    if let Some(d) = date {
        assert_eq!(parse_date(&d.to_string()), Some(d), "{s:?}");
    }
    let _ = parse_yes_no(s);
    if let Some(n) = parse_count(s) {
        assert_eq!(parse_count(&n.to_string()), Some(n), "{s:?}");
    }

    // Arithmetic on whatever the numbers say.
    let day = i32::from_le_bytes(word(data, 0));
    let offset = i32::from_le_bytes(word(data, 1));
    let serial = i64::from(i32::from_le_bytes(word(data, 2))) * i64::from(offset);
    let n = u32::from_le_bytes(word(data, 3));

    // The importer's dates: parsed ones (years 0..=9999) and Excel serials.
    let mut dates: Vec<Date> = date.into_iter().collect();
    dates.extend(Date::from_excel_serial(serial));
    dates.extend(Date::from_excel_serial(i64::from(day)));
    for d in dates {
        let (y, m, dd) = d.ymd();
        assert_eq!(Date::from_ymd(y, m, dd), Some(d), "{d:?} round trip");
        let _ = d.to_string();
        let _ = d.iso_weekday();
        let _ = (d.start_of_year(), d.end_of_year());
        let later = d.add_months(offset % 2400);
        let _ = later.to_string();
        let _ = d.add_days(offset % 3_000_000).to_string();
        let t = DateTime::midnight(d).add_hours(i64::from(n));
        let _ = t.to_string();
        let cal = official_calendar();
        let due = cal.add_workdays(d, n);
        assert!(due >= d, "{d:?} + {n} working days = {due:?}");
        let between = cal.workdays_between(d, due);
        if due < Date::from_day_number(i32::MAX) {
            assert_eq!(between, n, "{d:?} + {n} = {due:?}");
            assert!(
                n == 0 || cal.is_workday(due),
                "{d:?} + {n} = {due:?}: a day off"
            );
        } else {
            assert!(between <= n, "{d:?} + {n} saturates at {due:?}");
        }
        let _ = cal.workdays_between(due, d);
    }
});
