//! The dashboard's downloads of the ranking and the self-check list, as
//! CSV and XLSX: typed cells (numbers as numbers, dates as dates), a title
//! line naming the data, window, as-of date, weight and day, and headers in
//! the page's language ([`openness_core::sheet`]).

use leptos::prelude::*;
use openness_core::date::Date;
use openness_core::export::{findings_sheet, scorecard_sheet};
use openness_core::score::{Scorecard, Window};
use openness_core::selfcheck::Finding;
use openness_core::sheet::{ExportMeta, Sheet};
use openness_core::xlsx::workbook;

use crate::state::AppState;

/// Today on this device's clock.
fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// What the title line says: the data's name, today, the page's language.
pub fn meta(state: AppState) -> ExportMeta {
    ExportMeta {
        source: state.source_name.get_untracked(),
        generated_on: today(),
        lang: state.lang.get_untracked(),
    }
}

/// The ranking as a sheet.
pub fn ranking(state: AppState, card: &Scorecard) -> Sheet {
    state
        .rules
        .with_untracked(|rules| scorecard_sheet(card, rules, &meta(state)))
}

/// One department's self-check list as a sheet.
pub fn self_check(state: AppState, list: &[Finding], window: Window, dept: &str) -> Sheet {
    findings_sheet(list, window, dept, &meta(state))
}

/// A sheet as an XLSX workbook.
pub fn xlsx(sheet: Sheet) -> Vec<u8> {
    workbook(&[sheet])
}
