//! XLSX exports of the score table and the self-check list.
//!
//! Every cell is written as text through [`formula_safe`], so nothing a
//! department name or title contains can run as a formula in Excel or WPS.

use openness_core::export::{findings_rows, formula_safe, scorecard_rows};
use openness_core::score::Scorecard;
use openness_core::selfcheck::Finding;
use rust_xlsxwriter::{Format, Workbook};

fn book(sheet_name: &str, rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name).map_err(|e| e.to_string())?;
    let bold = Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            let text = formula_safe(cell);
            let written = if r == 0 {
                sheet.write_string_with_format(r, c, text.as_ref(), &bold)
            } else {
                sheet.write_string(r, c, text.as_ref())
            };
            written.map_err(|e| e.to_string())?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    sheet.autofit();
    workbook.save_to_buffer().map_err(|e| e.to_string())
}

/// The score table as an XLSX workbook.
pub fn scorecard_xlsx(card: &Scorecard) -> Result<Vec<u8>, String> {
    book("考评排名", &scorecard_rows(card))
}

/// The self-check list as an XLSX workbook.
pub fn findings_xlsx(findings: &[Finding]) -> Result<Vec<u8>, String> {
    book("自查清单", &findings_rows(findings))
}
