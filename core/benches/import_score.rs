//! Benchmark: import and score 1,000,000 disclosure rows from CSV bytes.
//!
//! Run with `cargo bench -p openness-core --bench import_score`. The input
//! is generated in memory (deterministic) in the shape of the sample's
//! 主动公开目录, so the figure covers decoding, CSV parsing, header
//! recognition, date parsing, department interning, duplicate detection,
//! working-day deadlines and the per-department fold.

use std::fmt::Write as _;

use openness_core::import::{InputFile, import};
use openness_core::rules::Rules;
use openness_core::score::{Window, score};

fn main() {
    divan::main();
}

const ROWS: usize = 1_000_000;

fn csv_bytes(rows: usize) -> Vec<u8> {
    let depts: Vec<String> = (0..34)
        .map(|i| {
            if i < 4 {
                format!("第{i}镇")
            } else {
                format!("旗第{i}局")
            }
        })
        .collect();
    let mut out = String::with_capacity(rows * 100);
    out.push_str("索引号,标题,发布机构,成文日期,发布日期,主题分类,是否需解读\n");
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    for i in 0..rows {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let dept = &depts[(state % 34) as usize];
        let month = 1 + (state >> 8) % 12;
        let day = 1 + (state >> 16) % 28;
        let delay = (state >> 24) % 40;
        let (pm, pd) = if day + delay > 28 {
            (month % 12 + 1, (day + delay) % 28 + 1)
        } else {
            (month, day + delay)
        };
        let policy = if (state >> 32).is_multiple_of(12) {
            "是"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "ID-{i:07},关于做好第{i}项工作的通知,{dept},2019-{month:02}-{day:02},2019/{pm}/{pd},工作动态,{policy}"
        );
    }
    out.into_bytes()
}

#[divan::bench(sample_count = 5)]
fn import_and_score_1m_disclosures(bencher: divan::Bencher) {
    let bytes = csv_bytes(ROWS);
    let rules = Rules::default();
    bencher
        .with_inputs(|| vec![InputFile::new("主动公开.csv", bytes.clone())])
        .bench_values(|files| {
            let imported = import(files);
            assert_eq!(imported.report.files[0].accepted as usize, ROWS);
            let window = Window::infer(&imported.data, &rules, None, None, None).expect("window");
            score(&imported.data, &rules, window)
        });
}
