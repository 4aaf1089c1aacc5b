//! Times the import and scoring phases separately on a generated CSV file:
//! `cargo run --release -p openness-core --example profile_import -- FILE.csv`.

use std::time::Instant;

use openness_core::import::{InputFile, import};
use openness_core::rules::Rules;
use openness_core::score::{Window, score};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: profile_import FILE")?;
    let bytes = std::fs::read(&path)?;
    let t = Instant::now();
    let imported = import(vec![InputFile::new(path, bytes)]);
    let t_import = t.elapsed();
    let rules = Rules::default();
    let t = Instant::now();
    let window = Window::infer(&imported.data, &rules, None, None, None)?;
    let card = score(&imported.data, &rules, window);
    let t_score = t.elapsed();
    println!(
        "rows accepted {} · departments {} · import {:?} · score {:?}",
        imported.report.accepted(),
        card.departments.len(),
        t_import,
        t_score
    );
    Ok(())
}
