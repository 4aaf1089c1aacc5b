//! A filled-in annual-report workbook as bytes (`openness annual --check`,
//! the dashboard's upload): compared with the sample county's 2019 tables.
//! Whatever the bytes, the comparison returns differences and failed
//! checks or a readable error; it never panics, and every difference
//! names a cell of the form.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use openness_core::annual::{Annual, annual, compare_workbook, form_cells};
use openness_core_fuzz::sample_county;

fn tables() -> &'static Annual {
    static TABLES: OnceLock<Annual> = OnceLock::new();
    TABLES.get_or_init(|| annual(&sample_county().data, 2019))
}

fuzz_target!(|data: &[u8]| {
    let Ok(found) = compare_workbook(tables(), data) else {
        return;
    };
    let cells: Vec<String> = form_cells().iter().map(|c| c.address()).collect();
    for d in &found.differences {
        assert!(cells.contains(&d.cell), "{}", d.cell);
    }
    assert!(found.differences.len() <= cells.len() * found.sheets.len());
});
