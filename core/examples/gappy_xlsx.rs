//! Measures the import of a gappy XLSX: 200,000 disclosure rows whose
//! department cells are merged ten rows at a time (as offices format a
//! register), so every recognised column has gaps the reader must fill.
//!
//! `cargo run --release -p openness-core --example gappy_xlsx [ROWS]`
//! prints the build time of the workbook and the median of three imports.

use std::time::Instant;

use openness_core::import::{InputFile, import};
use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    let started = Instant::now();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["发布机构", "成文日期", "发布日期", "标题"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h)?;
    }
    let plain = rust_xlsxwriter::Format::new();
    for r in 1..=rows {
        if (r - 1) % 10 == 0 {
            let last = (r + 9).min(rows);
            let dept = format!("旗第{}局", (r / 10) % 40);
            if last > r {
                sheet.merge_range(r, 0, last, 0, &dept, &plain)?;
            } else {
                sheet.write_string(r, 0, &dept)?;
            }
        }
        sheet.write_string(r, 1, "2019-08-23")?;
        sheet.write_string(r, 2, "2019-08-30")?;
        sheet.write_string(r, 3, "关于某事项的通知")?;
    }
    let bytes = book.save_to_buffer()?;
    println!(
        "{rows} rows, {:.1} MB XLSX, written in {:.2?}",
        bytes.len() as f64 / 1e6,
        started.elapsed()
    );
    let mut times = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let imported = import(vec![InputFile::new("gappy.xlsx", bytes.clone())]);
        times.push(started.elapsed());
        let f = &imported.report.files[0];
        assert_eq!(
            (f.accepted, f.rejected),
            (rows, 0),
            "{:?}",
            f.issues.first()
        );
    }
    times.sort();
    println!("import (median of 3): {:.2?}", times[1]);
    Ok(())
}
