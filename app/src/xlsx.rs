//! XLSX exports of the score table and the self-check list.
//!
//! Every cell is written as text through [`formula_safe`], so nothing a
//! department name or title contains can run as a formula in Excel or WPS.

use openness_core::export::{findings_rows, formula_safe, scorecard_rows};
use openness_core::score::Scorecard;
use openness_core::selfcheck::Finding;
use openness_core::xlsx::workbook;

fn book(sheet_name: &str, rows: &[Vec<String>]) -> Vec<u8> {
    let safe: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| formula_safe(c).into_owned()).collect())
        .collect();
    workbook(sheet_name, &safe)
}

/// The score table as an XLSX workbook.
pub fn scorecard_xlsx(card: &Scorecard) -> Vec<u8> {
    book("考评排名", &scorecard_rows(card))
}

/// The self-check list as an XLSX workbook.
pub fn findings_xlsx(findings: &[Finding]) -> Vec<u8> {
    book("自查清单", &findings_rows(findings))
}
