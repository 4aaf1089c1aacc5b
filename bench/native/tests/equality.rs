//! The polars query counts what the core counts, on small files holding
//! every kind of bad row the importer rejects. Equality is tested here;
//! timings never are.
//!
//! Set `OPENNESS_CLI=target/release/openness` (an absolute path, or one
//! relative to the repository root) to compare the `openness` process too.

use std::path::{Path, PathBuf};

use openness_bench_native::{
    ByDept, Counts, PolarsEngine, RowRules, calendar_tables, cli_counts, core_counts,
    deadline_workdays, diff, epoch_days, polars_counts,
};
use openness_core::calendar::{Calendar, OFFICIAL_HOLIDAYS_CSV};
use openness_core::date::Date;
use openness_core::score::Window;

fn d(s: &str) -> Date {
    openness_core::value::parse_date(s).expect("test date")
}

fn window(from: &str, to: &str, as_of: &str) -> Window {
    Window {
        from: d(from),
        to: d(to),
        as_of: d(as_of),
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn holidays() -> String {
    std::fs::read_to_string(root().join("data/cn-holidays.csv")).expect("data/cn-holidays.csv")
}

fn write_csv(name: &str, body: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(name);
    std::fs::write(&path, body).expect("write test CSV");
    path
}

/// Counts of all engines, asserting they agree; returns the core's.
fn all_agree(csv: &Path, w: Window) -> ByDept {
    let core = core_counts(csv, w).expect("core");
    for engine in [PolarsEngine::InMemory, PolarsEngine::Streaming] {
        let polars = polars_counts(
            csv,
            &holidays(),
            w,
            deadline_workdays(),
            engine,
            RowRules::Importer,
        )
        .expect("polars");
        let d = diff("core", &core, &format!("{engine:?}"), &polars);
        assert!(d.is_empty(), "{}:\n{}", csv.display(), d.join("\n"));
    }
    if let Some(cli) = std::env::var_os("OPENNESS_CLI") {
        let cli = root().join(cli);
        let got = cli_counts(&cli, csv, w).expect("cli");
        let d = diff("core", &core, "cli", &got);
        assert!(d.is_empty(), "{}:\n{}", csv.display(), d.join("\n"));
    }
    core
}

const HEADER: &str = "索引号,标题,文号,发布机构,成文日期,发布日期,主题分类,是否需解读\n";

#[test]
fn calendar_join_equals_the_core_calendar() {
    let tables = calendar_tables(OFFICIAL_HOLIDAYS_CSV).expect("tables");
    let days = tables
        .days
        .column("day")
        .unwrap()
        .cast(&polars::prelude::DataType::Int32)
        .unwrap();
    let cum = tables.days.column("cum").unwrap();
    let target = tables.workdays.column("target").unwrap();
    let deadline = tables
        .workdays
        .column("deadline")
        .unwrap()
        .cast(&polars::prelude::DataType::Int32)
        .unwrap();
    let days: Vec<i32> = days.i32().unwrap().into_no_null_iter().collect();
    let cum: Vec<i32> = cum.i32().unwrap().into_no_null_iter().collect();
    let target: Vec<i32> = target.i32().unwrap().into_no_null_iter().collect();
    let deadline: Vec<i32> = deadline.i32().unwrap().into_no_null_iter().collect();
    let cal = Calendar::official();
    let mut day = d("2018-01-01");
    while day <= d("2027-12-31") {
        let i = days.binary_search(&epoch_days(day)).expect("in range");
        for n in [1, 3, 7, 20, 40] {
            let t = cum[i] + n;
            let j = target.binary_search(&t).expect("target");
            assert_eq!(
                deadline[j],
                epoch_days(cal.add_workdays(day, n as u32)),
                "{day} + {n}"
            );
        }
        day = Date::from_ymd(day.year(), day.month(), day.ymd().2)
            .map(|x| next_day(x))
            .expect("date");
    }
}

fn next_day(x: Date) -> Date {
    let (y, m, dd) = x.ymd();
    Date::from_ymd(y, m, dd + 1)
        .or_else(|| Date::from_ymd(y, m + 1, 1))
        .or_else(|| Date::from_ymd(y + 1, 1, 1))
        .expect("next day")
}

/// One row per rule of RULES §1.3 and §2 the two sides must share.
#[test]
fn bad_rows_and_deadline_edges() {
    let rows = [
        // on time, ISO and slash; formed on a Saturday, on a holiday, on a
        // make-up working day (the deadline counts from the day after).
        "A1,t,,旗教育局,2019-09-20,2019-10-23,,否",
        "A2,t,,旗教育局,2019/9/20,2019/10/24,,否",
        "A3,t,,旗教育局,2019-10-05,2019-10-31,,否",
        "A4,t,,旗教育局,2019-09-29,2019-10-28,,否",
        "A5,t,,旗教育局,2019-02-02,2019-03-04,,否",
        // dept spellings that normalise to 旗教育局 and 旗教育局(本级)
        "B1,t,,旗 教育局,2019-03-01,2019-03-05,,否",
        "B2,t,,\u{3000}旗教育局 ,2019-03-01,2019-03-05,,否",
        "B3,t,,旗教育局（本级）,2019-03-01,2019-03-05,,否",
        "B4,t,,旗教育局(本级),2019-03-01,2019-04-25,,否",
        // duplicates: same dept and id (after NFKC and trimming) → dropped
        "A1,t,,旗教育局,2019-01-10,2019-06-01,,否",
        " A2 ,t,,旗 教育局,2019-01-10,2019-06-01,,否",
        "Ａ３,t,,旗教育局,2019-01-10,2019-06-01,,否",
        // same id, other dept → kept
        "A1,t,,旗财政局,2019-01-10,2019-01-11,,否",
        // a duplicate of a rejected row is the first valid one → kept
        "C1,t,,旗财政局,2019-02-30,2019-03-01,,否",
        "C1,t,,旗财政局,2019-03-01,2019-03-02,,否",
        "C1,t,,旗财政局,2019-03-01,2019-12-31,,否",
        // no id: never duplicates
        ",t,,旗财政局,2019-05-06,2019-05-07,,否",
        ",t,,旗财政局,2019-05-06,2019-05-07,,否",
        " ,t,,旗财政局,2019-05-06,2019-05-07,,否",
        // rejected: bad or missing dates, summary lines, missing dept
        "D1,t,,旗财政局,2019-13-01,2019-12-01,,否",
        "D2,t,,旗财政局,2019-12-01,,,否",
        "D3,t,,旗财政局,,2019-12-01,,否",
        "D4,t,,旗财政局,abc,2019-12-01,,否",
        "D5,t,,旗财政局,2019-06-31,2019-07-01,,否",
        "D6,t,,合计,2019-06-03,2019-07-01,,否",
        "D7,t,,总 计,2019-06-03,2019-07-01,,否",
        "D8,t,, 小计 ,2019-06-03,2019-07-01,,否",
        "D9,t,,,2019-06-03,2019-07-01,,否",
        "D10,t,,  ,2019-06-03,2019-07-01,,否",
        // padded dates are trimmed
        "E1,t,,旗农牧局, 2019-06-03 ,2019-06-04 ,,否",
        // outside the window by formed_on
        "F1,t,,旗农牧局,2018-12-31,2019-01-02,,否",
        "F2,t,,旗农牧局,2020-01-01,2020-01-02,,否",
        // as of 2020-03-31: published after it, deadline before → overdue;
        // deadline on or after it → pending
        "G1,t,,旗农牧局,2019-12-02,2020-04-01,,否",
        "G2,t,,旗农牧局,2019-12-31,2020-04-15,,否",
        // quoted cells
        "\"H1\",\"标题, 带逗号\",,\"旗农牧局\",\"2019-07-01\",\"2019-07-02\",,否",
    ];
    let body = format!("{HEADER}{}\n", rows.join("\n"));
    let csv = write_csv("edges.csv", &body);
    let w = window("2019-01-01", "2019-12-31", "2020-03-31");
    let core = all_agree(&csv, w);
    // Pinned so that a change on both sides at once is noticed.
    let c = |counted, passed, pending| Counts {
        counted,
        passed,
        pending,
    };
    // 旗教育局: A1–A5, B1, B2 (A2 late; the three duplicates dropped).
    assert_eq!(core.get("旗教育局"), Some(&c(7, 6, 0)), "{core:?}");
    // B3 on time, B4 late (deadline 2019-03-29).
    assert_eq!(core.get("旗教育局(本级)"), Some(&c(2, 1, 0)), "{core:?}");
    // A1, the second C1, three rows without id.
    assert_eq!(core.get("旗财政局"), Some(&c(5, 5, 0)), "{core:?}");
    // E1, H1 on time; G1 (deadline 2019-12-30) and G2 (2020-02-05) overdue.
    assert_eq!(core.get("旗农牧局"), Some(&c(4, 2, 0)), "{core:?}");
    assert_eq!(core.len(), 4, "{core:?}");
    // As of 2019-12-31, G2's deadline has not passed: pending.
    let year_end = all_agree(&csv, window("2019-01-01", "2019-12-31", "2019-12-31"));
    assert_eq!(year_end.get("旗农牧局"), Some(&c(3, 2, 1)), "{year_end:?}");
    // A window with many pending items, and one with none counted.
    all_agree(&csv, window("2019-01-01", "2019-12-31", "2019-03-20"));
    all_agree(&csv, window("2021-01-01", "2021-12-31", "2021-12-31"));
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Thousands of random rows around the holidays of 2019–2020, in both date
/// spellings, with bad rows and duplicate ids mixed in, under several
/// windows.
#[test]
fn random_rows_agree() {
    let depts = [
        "旗教育局",
        "旗 教育局",
        "旗财政局",
        "旗财政局 ",
        "旗卫生健康委员会",
        "城川镇",
        "合计",
        "",
    ];
    let mut rng = Rng(2019);
    let start = d("2018-12-01");
    let mut body = String::from(HEADER);
    for i in 0..6000 {
        let formed = (0..rng.below(580)).fold(start, |x, _| next_day(x));
        let published = (0..rng.below(50)).fold(formed, |x, _| next_day(x));
        let spell = |x: Date, slash: bool| {
            let (y, m, dd) = x.ymd();
            if slash {
                format!("{y}/{m}/{dd}")
            } else {
                format!("{y}-{m:02}-{dd:02}")
            }
        };
        let mut f = spell(formed, rng.below(4) == 0);
        let p = spell(published, rng.below(4) == 0);
        match rng.below(100) {
            0 => f = "2019-02-29".to_owned(),
            1 => f = String::new(),
            2 => f = "不详".to_owned(),
            _ => {}
        }
        let id = if rng.below(10) == 0 {
            String::new()
        } else {
            format!("K{}", rng.below(5000))
        };
        let dept = depts[rng.below(depts.len() as u64) as usize];
        body.push_str(&format!("{id},标题{i},,{dept},{f},{p},,否\n"));
    }
    let csv = write_csv("random.csv", &body);
    for (from, to, as_of) in [
        ("2019-01-01", "2019-12-31", "2020-03-31"),
        ("2019-01-01", "2019-12-31", "2019-12-31"),
        ("2019-07-01", "2019-09-30", "2019-10-15"),
        ("2020-01-01", "2020-12-31", "2020-02-10"),
    ] {
        let got = all_agree(&csv, window(from, to, as_of));
        assert!(got.len() >= 4, "{got:?}");
    }
}

/// The lean query (raw names, no dedup) counts the same as the importer on
/// a file with nothing messy in it, which is what `samplegen big` writes.
#[test]
fn lean_query_agrees_on_clean_rows() {
    let depts = ["旗教育局", "旗财政局", "城川镇", "旗卫生健康委员会"];
    let mut rng = Rng(7);
    let start = d("2018-12-01");
    let mut body = String::from(HEADER);
    for i in 0..3000 {
        let formed = (0..rng.below(560)).fold(start, |x, _| next_day(x));
        let published = (0..rng.below(45)).fold(formed, |x, _| next_day(x));
        let (fy, fm, fd) = formed.ymd();
        let (py, pm, pd) = published.ymd();
        let dept = depts[rng.below(depts.len() as u64) as usize];
        if rng.below(3) == 0 {
            body.push_str(&format!(
                "K{i},t,,{dept},{fy}/{fm}/{fd},{py}/{pm}/{pd},,否\n"
            ));
        } else {
            body.push_str(&format!(
                "K{i},t,,{dept},{fy}-{fm:02}-{fd:02},{py}-{pm:02}-{pd:02},,否\n"
            ));
        }
    }
    let csv = write_csv("clean.csv", &body);
    for as_of in ["2019-12-31", "2020-03-31"] {
        let w = window("2019-01-01", "2019-12-31", as_of);
        let core = all_agree(&csv, w);
        let lean = polars_counts(
            &csv,
            &holidays(),
            w,
            deadline_workdays(),
            PolarsEngine::InMemory,
            RowRules::Lean,
        )
        .expect("polars lean");
        let d = diff("core", &core, "lean", &lean);
        assert!(d.is_empty(), "{}", d.join("\n"));
    }
}
