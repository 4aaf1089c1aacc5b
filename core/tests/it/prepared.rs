//! The dashboard's fast re-scoring path (`prepared::score_windows`) gives
//! exactly the scorecards of `score::score`, window by window, under
//! changed rules, on the sample county, the messy benchmark fixture and a
//! generated table with every 是否需解读 / 主题分类 / interpretation case.

use std::path::Path;

use openness_core::import::{Import, InputFile, import};
use openness_core::prepared::{Prepared, score_windows};
use openness_core::rules::Rules;
use openness_core::score::{Context, Indicator, Window, judge_only, score};

use crate::support::{d, window};

fn read_dir(dir: &Path) -> Vec<InputFile> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the directory is there") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if openness_core::import::is_importable_name(name) {
            let bytes = std::fs::read(&path).expect("the file reads");
            files.push(InputFile::new(name, bytes));
        }
    }
    files
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Disclosures and interpretations over two years with every case: each
/// 是否需解读 value, categories that are and are not policy words, ids with
/// interpretations before, on, within and after the grace period, none, and
/// published after `as_of`.
fn generated() -> Import {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let depts = ["旗教育局", "旗财政局", "敖勒召其镇", "旗卫生健康委员会"];
    let categories = ["财政、金融", "教育", "", "政策文件", "城乡建设、环境保护"];
    let needs = ["是", "否", ""];
    let start = d("2018-11-01");
    let mut disclosures =
        String::from("索引号,标题,文号,发布机构,成文日期,发布日期,主题分类,是否需解读\n");
    let mut interpretations = String::from("关联文件索引号,解读标题,发布机构,发布日期,解读形式\n");
    for i in 0..3000 {
        let formed = start.add_days(next(500) as i32);
        let published = formed.add_days(next(45) as i32);
        let id = if next(10) == 0 {
            String::new()
        } else {
            format!("ID-{i}")
        };
        disclosures.push_str(&format!(
            "{id},标题{i},,{},{formed},{published},{},{}\n",
            depts[next(4) as usize],
            categories[next(5) as usize],
            needs[next(3) as usize],
        ));
        if !id.is_empty() && next(3) != 0 {
            for _ in 0..=next(2) {
                let when = published.add_days(next(20) as i32 - 5);
                interpretations.push_str(&format!(
                    "{id},解读{i},{},{when},图文解读\n",
                    depts[next(4) as usize]
                ));
            }
        }
    }
    import(vec![
        InputFile::new("主动公开.csv", disclosures.into_bytes()),
        InputFile::new("政策解读.csv", interpretations.into_bytes()),
    ])
}

/// The year, its quarters and its months as the trend chart cuts them
/// (each judged at its own end), and windows judged early and late.
fn windows(year: i32) -> Vec<Vec<Window>> {
    let first = d(&format!("{year}-01-01"));
    let last = d(&format!("{year}-12-31"));
    let months: Vec<Window> = (0..12)
        .map(|m| {
            let from = first.add_months(m);
            let to = from.add_months(1).add_days(-1);
            Window {
                from,
                to,
                as_of: to,
            }
        })
        .collect();
    let quarters: Vec<Window> = (0..4)
        .map(|q| {
            let from = first.add_months(3 * q);
            let to = from.add_months(3).add_days(-1);
            Window {
                from,
                to,
                as_of: last,
            }
        })
        .collect();
    vec![
        vec![Window {
            from: first,
            to: last,
            as_of: last,
        }],
        vec![Window {
            from: first,
            to: last,
            as_of: last.add_months(3),
        }],
        vec![Window {
            from: first,
            to: last,
            as_of: first.add_months(6),
        }],
        months.clone(),
        quarters,
        // The year and its months, as the dashboard asks: one pass.
        std::iter::once(Window {
            from: first,
            to: last,
            as_of: last.add_months(1),
        })
        .chain(months)
        .collect(),
        // Overlapping windows take the one-window-at-a-time path.
        vec![
            window(
                &format!("{year}-03-01"),
                &format!("{year}-05-31"),
                &format!("{year}-06-30"),
            ),
            window(
                &format!("{year}-01-01"),
                &format!("{year}-12-31"),
                &format!("{year}-12-31"),
            ),
            window(
                &format!("{year}-05-01"),
                &format!("{year}-08-31"),
                &format!("{year}-09-30"),
            ),
        ],
    ]
}

fn variants() -> Vec<(&'static str, Rules)> {
    let mut v = vec![("default", Rules::default())];
    let mut r = Rules::default();
    r.indicators.disclosure_timeliness.deadline_workdays = 15;
    v.push(("deadline 15", r));
    let mut r = Rules::default();
    r.indicators.interpretation_sync.grace_workdays = 0;
    r.indicators.interpretation_sync.grace_credit = 0.3;
    v.push(("no grace, credit 0.3", r));
    let mut r = Rules::default();
    r.indicators.interpretation_sync.grace_credit = 0.3;
    r.indicators.interpretation_sync.grace_workdays = 7;
    r.policy.categories = vec!["财政".to_owned(), String::new()];
    v.push(("other categories, credit 0.3", r));
    let mut r = Rules::default();
    r.policy.categories.clear();
    v.push(("no categories", r));
    v
}

fn assert_same(name: &str, imported: &Import, years: &[i32]) {
    let prepared = Prepared::new(&imported.data);
    assert_eq!(prepared.len(), imported.data.disclosures.len());
    for (rules_name, rules) in variants() {
        for &year in years {
            for set in windows(year) {
                let fast = score_windows(&imported.data, &prepared, &rules, &set);
                assert_eq!(fast.len(), set.len());
                for (w, card) in set.iter().zip(&fast) {
                    let reference = score(&imported.data, &rules, *w);
                    assert_eq!(
                        card, &reference,
                        "{name}, {rules_name}, window {w:?}: the fast path differs"
                    );
                }
            }
        }
    }
}

#[test]
fn the_fast_path_scores_the_sample_county_exactly_as_score_does() {
    let imported = import(read_dir(&root().join("data/sample")));
    assert!(imported.data.disclosures.len() > 100);
    assert_same("sample", &imported, &[2018, 2019]);
}

#[test]
fn the_fast_path_scores_the_messy_fixture_exactly_as_score_does() {
    let imported = import(read_dir(&root().join("bench/browser/fixtures")));
    assert!(!imported.data.disclosures.is_empty());
    assert_same("messy", &imported, &[2019]);
}

#[test]
fn the_fast_path_scores_every_interpretation_case_exactly_as_score_does() {
    let imported = generated();
    assert!(imported.report.rejected() < 10, "{:?}", imported.report);
    assert!(imported.data.interpretations.len() > 1000);
    assert_same("generated", &imported, &[2019, 2020]);
}

#[test]
fn deadlines_into_a_year_without_a_calendar_warn_as_score_does() {
    let mut csv = String::from("索引号,标题,文号,发布机构,成文日期,发布日期,主题分类,是否需解读\n");
    for (i, (formed, published)) in [
        ("2026-03-02", "2026-03-05"),
        ("2026-12-10", "2026-12-20"),
        ("2026-12-30", "2027-01-08"),
        ("2026-12-31", ""),
    ]
    .iter()
    .enumerate()
    {
        let published = if published.is_empty() {
            "2027-02-01"
        } else {
            published
        };
        csv.push_str(&format!("ID-{i},标题,,旗教育局,{formed},{published},,是\n"));
    }
    let imported = import(vec![InputFile::new("主动公开.csv", csv.into_bytes())]);
    let prepared = Prepared::new(&imported.data);
    let rules = Rules::default();
    let w = window("2026-01-01", "2026-12-31", "2027-03-31");
    let fast = score_windows(&imported.data, &prepared, &rules, &[w]);
    let reference = score(&imported.data, &rules, w);
    assert!(
        reference
            .warnings
            .iter()
            .any(|m| m.to_string().contains("2027")),
        "{:?}",
        reference.warnings
    );
    assert_eq!(fast, vec![reference]);
}

#[test]
fn days_taken_are_those_of_the_judgements() {
    let imported = generated();
    let prepared = Prepared::new(&imported.data);
    let rules = Rules::default();
    let calendar = rules.calendar();
    for set in windows(2019) {
        for w in set {
            let mut fast = Vec::new();
            prepared.disclosure_days_taken(&calendar, w, |d| fast.push(d));
            let mut reference = Vec::new();
            let cx = Context {
                rules: &rules,
                calendar: &calendar,
                window: w,
            };
            judge_only(
                &imported.data,
                &cx,
                Some(Indicator::DisclosureTimeliness),
                |j| {
                    if let (Some(start), Some(done)) = (j.start, j.done) {
                        reference.push(calendar.workdays_between(start.date, done.date));
                    }
                },
            );
            assert!(!reference.is_empty());
            assert_eq!(fast, reference, "window {w:?}");
        }
    }
}

#[test]
fn no_windows_give_no_scorecards_and_an_empty_dataset_scores_as_score_does() {
    let imported = import(Vec::new());
    let prepared = Prepared::new(&imported.data);
    assert!(prepared.is_empty());
    let rules = Rules::default();
    assert!(score_windows(&imported.data, &prepared, &rules, &[]).is_empty());
    let w = window("2019-01-01", "2019-12-31", "2019-12-31");
    assert_eq!(
        score_windows(&imported.data, &prepared, &rules, &[w]),
        vec![score(&imported.data, &rules, w)]
    );
}
