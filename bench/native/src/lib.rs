//! `disclosure_timeliness` per department, three ways, for the native
//! performance benchmark (`polars-vs-core`):
//!
//! - [`polars_counts`]: the aggregation written with polars' lazy API —
//!   scan the CSV, parse the dates, join a working-day calendar table built
//!   from `data/cn-holidays.csv`, filter the window, group by department;
//! - [`core_counts`]: `openness_core::import::import_with` +
//!   `openness_core::score::score`, in process;
//! - [`cli_counts`]: the `openness score --format json` process.
//!
//! Each returns, per department, the `{counted, passed, pending}` of
//! RULES §3's `disclosure_timeliness`, so that [`diff`] can check that the
//! three agree before anything is timed.
//!
//! What the polars query does with bad rows, to count what the importer
//! counts (RULES §1.3): a row is dropped when its department is empty after
//! NFKC and whitespace removal, or is 合计/总计/小计, or when either date
//! is empty or does not parse; of the remaining rows, a second row with the
//! same department and non-empty 索引号 (NFKC, trimmed) is dropped, the
//! first in file order kept ([`RowRules::Importer`]). What it does *not*
//! do is in [`POLARS_LIMITS`]. [`RowRules::Lean`] is the query a quick
//! polars script would be: raw names, no duplicate check; right only on
//! clean files, and the benchmark checks that it is on each file it times.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::process::Command;

use openness_core::date::Date;
use openness_core::import::{InputFile, Limits, import_with};
use openness_core::rules::Rules;
use openness_core::score::{Indicator, Window, score};
use polars::prelude::*;

/// What the polars query does not reproduce of the importer; rows relying
/// on these are rejected by polars but accepted by the core.
pub const POLARS_LIMITS: &str = "polars side: comma-separated UTF-8 with the header on line 1 \
and the literal column names 索引号/发布机构/成文日期/发布日期 (no header search, alias matching, \
GBK/UTF-16 decoding or XLSX); dates only as 2019-08-23 or 2019/8/23 (not 2019.8.23, 2019年8月23日, \
20190823, Excel serials or a trailing time); no department alias table (none is loaded here)";

/// The three numbers of one department's `disclosure_timeliness`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Items counted (pending left out).
    pub counted: u64,
    /// Items published on time.
    pub passed: u64,
    /// Items not published by `as_of` whose deadline is on or after it.
    pub pending: u64,
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "counted {} passed {} pending {}",
            self.counted, self.passed, self.pending
        )
    }
}

/// Counts per department name. A department appears when at least one of
/// its items is counted (the scorecard's "applicable").
pub type ByDept = BTreeMap<String, Counts>;

/// Sum over departments.
pub fn total(by: &ByDept) -> Counts {
    by.values().fold(Counts::default(), |a, c| Counts {
        counted: a.counted + c.counted,
        passed: a.passed + c.passed,
        pending: a.pending + c.pending,
    })
}

/// The working days of `disclosure_timeliness` in the default rules (20).
pub fn deadline_workdays() -> u32 {
    Rules::default()
        .indicators
        .disclosure_timeliness
        .deadline_workdays
}

/// Days since 1970-01-01 (polars' `Date`) of a core date.
pub fn epoch_days(d: Date) -> i32 {
    let (y, m, day) = d.ymd();
    days_from_civil(y, m, day)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant).
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The working-day calendar as two tables, the way a dataframe user would
/// build it: `days` gives every date from 1900-01-01 to 2199-12-31 (the
/// core's dense range) the number of working days up to and including it;
/// `workdays` maps that number back to the working day that has it. Then
/// "the N-th working day strictly after D" is `workdays[days[D] + N]`,
/// whether or not D is itself a working day.
#[derive(Debug, Clone)]
pub struct CalendarTables {
    /// `day` (Date), `cum` (Int32).
    pub days: DataFrame,
    /// `target` (Int32), `deadline` (Date).
    pub workdays: DataFrame,
}

/// Builds [`CalendarTables`] from the text of `cn-holidays.csv`
/// (`date,name,is_off_day,…`): an `is_off_day` of `true` is a day off, any
/// other value a (make-up) working day; other days follow Monday–Friday.
pub fn calendar_tables(holidays_csv: &str) -> PolarsResult<CalendarTables> {
    let mut overrides: BTreeMap<i32, bool> = BTreeMap::new();
    for line in holidays_csv.lines().skip(1) {
        let mut cells = line.split(',');
        let (Some(date), Some(_), Some(off)) = (cells.next(), cells.next(), cells.next()) else {
            continue;
        };
        let mut ymd = date.trim().split('-').map(str::parse::<u32>);
        let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (ymd.next(), ymd.next(), ymd.next()) else {
            continue;
        };
        overrides.insert(days_from_civil(y as i32, m, d), off.trim() != "true");
    }
    let start = days_from_civil(1900, 1, 1);
    let end = days_from_civil(2199, 12, 31);
    let n = (end - start + 1) as usize;
    let (mut day, mut cum) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut target, mut deadline) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut count = 0i32;
    for d in start..=end {
        // 1970-01-01 was a Thursday: (d + 3) mod 7 is 0 on Mondays.
        let weekend = (d + 3).rem_euclid(7) >= 5;
        if overrides.get(&d).copied().unwrap_or(!weekend) {
            count += 1;
            target.push(count);
            deadline.push(d);
        }
        day.push(d);
        cum.push(count);
    }
    let date = |name: &str, v: Vec<i32>| {
        Int32Chunked::from_vec(name.into(), v)
            .into_series()
            .cast(&DataType::Date)
            .map(Column::from)
    };
    let int = |name: &str, v: Vec<i32>| {
        Column::from(Int32Chunked::from_vec(name.into(), v).into_series())
    };
    Ok(CalendarTables {
        days: DataFrame::new_infer_height(vec![date("day", day)?, int("cum", cum)])?,
        workdays: DataFrame::new_infer_height(vec![
            int("target", target),
            date("deadline", deadline)?,
        ])?,
    })
}

/// Which polars engine collects the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolarsEngine {
    /// The default of `LazyFrame::collect` (in-memory).
    InMemory,
    /// The streaming engine.
    Streaming,
}

fn date_lit(d: Date) -> Expr {
    lit(epoch_days(d)).cast(DataType::Date)
}

/// A date column parsed as the two spellings the polars side supports
/// (trimmed first when `trim`, as the importer trims every cell); anything
/// else, or empty, is null.
fn parse_date(name: &str, trim: bool) -> Expr {
    let spelling = |format: &str| {
        let text = if trim {
            col(name).str().strip_chars(lit(NULL))
        } else {
            col(name)
        };
        text.str().to_date(StrptimeOptions {
            format: Some(format.into()),
            strict: false,
            exact: true,
            cache: true,
        })
    };
    coalesce(&[spelling("%Y-%m-%d"), spelling("%Y/%m/%d")])
}

/// How much of the importer's row rules the polars query reproduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRules {
    /// Everything listed in the crate docs: NFKC and whitespace removal on
    /// department names, trimmed cells, summary rows, duplicate ids.
    Importer,
    /// What a quick polars script would write: raw department names, both
    /// date spellings, nothing else. Right only on files without messy rows
    /// (such as `samplegen big`'s); the equality check says whether it is.
    Lean,
}

/// The lazy query: per department `n` (in the window), `passed`, `pending`.
pub fn polars_query(
    csv: &Path,
    cal: &CalendarTables,
    window: Window,
    workdays: u32,
    rules: RowRules,
) -> PolarsResult<LazyFrame> {
    let path = PlRefPath::try_from_path(csv)?;
    let scan = LazyCsvReader::new(path)
        .with_has_header(true)
        // Every column as text: the dates are parsed below, as the importer does.
        .with_infer_schema_length(Some(0))
        .finish()?;
    let rows = match rules {
        RowRules::Importer => importer_rows(scan),
        RowRules::Lean => scan
            .select([
                col("发布机构").alias("dept"),
                parse_date("成文日期", false).alias("formed_on"),
                parse_date("发布日期", false).alias("published_on"),
            ])
            .filter(
                col("dept")
                    .is_not_null()
                    .and(col("formed_on").is_not_null())
                    .and(col("published_on").is_not_null()),
            ),
    };
    let as_of = date_lit(window.as_of);
    Ok(rows
        .filter(
            col("formed_on")
                .gt_eq(date_lit(window.from))
                .and(col("formed_on").lt_eq(date_lit(window.to))),
        )
        .join(
            cal.days.clone().lazy(),
            [col("formed_on")],
            [col("day")],
            JoinArgs::new(JoinType::Left),
        )
        .with_column((col("cum") + lit(workdays as i32)).alias("target"))
        .join(
            cal.workdays.clone().lazy(),
            [col("target")],
            [col("target")],
            JoinArgs::new(JoinType::Left),
        )
        .group_by([col("dept")])
        .agg([
            len().alias("n"),
            col("published_on")
                .lt_eq(col("deadline"))
                .and(col("published_on").lt_eq(as_of.clone()))
                .sum()
                .alias("passed"),
            col("published_on")
                .gt(as_of.clone())
                .and(col("deadline").gt_eq(as_of))
                .sum()
                .alias("pending"),
        ]))
}

/// The accepted rows (`dept`, `formed_on`, `published_on`) under the
/// importer's rules (RULES §1.3), duplicates removed.
fn importer_rows(scan: LazyFrame) -> LazyFrame {
    let dept = col("发布机构")
        .str()
        .normalize(UnicodeForm::NFKC)
        .str()
        .replace_all(lit(r"\s"), lit(""), false);
    let id = col("索引号")
        .str()
        .normalize(UnicodeForm::NFKC)
        .str()
        .strip_chars(lit(NULL));
    let summary = Series::new("summary".into(), ["合计", "总计", "小计"]);
    scan.select([
        dept.alias("dept"),
        // Empty ids are no ids: never duplicates.
        when(id.clone().str().len_bytes().eq(lit(0)))
            .then(lit(NULL).cast(DataType::String))
            .otherwise(id)
            .alias("id"),
        parse_date("成文日期", true).alias("formed_on"),
        parse_date("发布日期", true).alias("published_on"),
    ])
    .with_row_index("row", None)
    .filter(
        col("dept")
            .is_not_null()
            .and(col("dept").str().len_bytes().gt(lit(0)))
            .and(col("dept").is_in(lit(summary).implode(false), false).not())
            .and(col("formed_on").is_not_null())
            .and(col("published_on").is_not_null()),
    )
    // Rows without an id are never duplicates: give each its own key.
    .with_column(
        when(col("id").is_null())
            .then(col("row"))
            .otherwise(lit(0u32).cast(IDX_DTYPE))
            .alias("unique"),
    )
    // The first of each (dept, id) among the valid rows, as the importer
    // keeps it; before the window filter, as the importer knows no window.
    .unique_stable(
        Some(cols(["dept", "id", "unique"])),
        UniqueKeepStrategy::First,
    )
    .select([col("dept"), col("formed_on"), col("published_on")])
}

/// Runs [`polars_query`] and reads its result.
pub fn polars_counts(
    csv: &Path,
    holidays_csv: &str,
    window: Window,
    workdays: u32,
    engine: PolarsEngine,
    rules: RowRules,
) -> PolarsResult<ByDept> {
    let cal = calendar_tables(holidays_csv)?;
    let q = polars_query(csv, &cal, window, workdays, rules)?;
    let df = match engine {
        PolarsEngine::InMemory => q.collect()?,
        // One query, one sink: always a single frame.
        PolarsEngine::Streaming => q.collect_with_engine(Engine::Streaming)?.unwrap_single(),
    };
    let dept = df.column("dept")?.str()?;
    let n = df.column("n")?.cast(&DataType::UInt64)?;
    let passed = df.column("passed")?.cast(&DataType::UInt64)?;
    let pending = df.column("pending")?.cast(&DataType::UInt64)?;
    let (n, passed, pending) = (n.u64()?, passed.u64()?, pending.u64()?);
    let mut out = ByDept::new();
    for i in 0..df.height() {
        let (Some(name), Some(n), Some(passed), Some(pending)) =
            (dept.get(i), n.get(i), passed.get(i), pending.get(i))
        else {
            polars_bail!(ComputeError: "null in the result at row {i}");
        };
        let c = Counts {
            counted: n - pending,
            passed,
            pending,
        };
        // The scorecard leaves a department with nothing counted out.
        if c.counted > 0 {
            out.insert(name.to_owned(), c);
        }
    }
    Ok(out)
}

/// The core in process: read the file, `import_with(Limits::NATIVE)`,
/// `score` with the default rules.
pub fn core_counts(csv: &Path, window: Window) -> Result<ByDept, String> {
    let bytes = std::fs::read(csv).map_err(|e| format!("{}: {e}", csv.display()))?;
    let imported = import_with(
        vec![InputFile::new(csv.display().to_string(), bytes)],
        &Limits::NATIVE,
    );
    if let Some(e) = imported.report.errors.first() {
        return Err(format!("{}: {}", e.path, e.message(openness_core::lang::Lang::En)));
    }
    let card = score(&imported.data, &Rules::default(), window);
    Ok(card
        .departments
        .iter()
        .filter_map(|d| {
            let s = d.indicators[Indicator::DisclosureTimeliness.index()]?;
            Some((
                d.dept.clone(),
                Counts {
                    counted: u64::from(s.counted),
                    passed: s.passed as u64,
                    pending: u64::from(s.pending),
                },
            ))
        })
        .collect())
}

/// The arguments of `openness score` for `csv` and `window`.
pub fn cli_args(csv: &Path, window: Window) -> Vec<String> {
    vec![
        "score".into(),
        csv.display().to_string(),
        "--format".into(),
        "json".into(),
        "--from".into(),
        window.from.to_string(),
        "--to".into(),
        window.to.to_string(),
        "--as-of".into(),
        window.as_of.to_string(),
    ]
}

/// Runs the `openness` binary and reads its JSON (RULES §6).
pub fn cli_counts(binary: &Path, csv: &Path, window: Window) -> Result<ByDept, String> {
    let out = Command::new(binary)
        .args(cli_args(csv, window))
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    if !out.status.success() {
        return Err(format!(
            "{} exited with {}: {}",
            binary.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    cli_json_counts(&out.stdout)
}

/// Reads `disclosure_timeliness` from `openness score --format json` output.
pub fn cli_json_counts(json: &[u8]) -> Result<ByDept, String> {
    let doc: serde_json::Value =
        serde_json::from_slice(json).map_err(|e| format!("the CLI's JSON does not parse: {e}"))?;
    let depts = doc["departments"]
        .as_array()
        .ok_or("the CLI's JSON has no departments array")?;
    let mut out = ByDept::new();
    for d in depts {
        let name = d["dept"].as_str().ok_or("a department without a name")?;
        let ind = &d["indicators"]["disclosure_timeliness"];
        if ind.is_null() {
            continue;
        }
        let num = |key: &str| {
            ind[key]
                .as_f64()
                .ok_or_else(|| format!("{name}: disclosure_timeliness.{key} is not a number"))
        };
        out.insert(
            name.to_owned(),
            Counts {
                counted: num("counted")? as u64,
                passed: num("passed")? as u64,
                pending: num("pending")? as u64,
            },
        );
    }
    Ok(out)
}

/// Lines naming every department where `a` and `b` differ; empty when equal.
pub fn diff(a_name: &str, a: &ByDept, b_name: &str, b: &ByDept) -> Vec<String> {
    let mut lines = Vec::new();
    for (dept, ca) in a {
        match b.get(dept) {
            Some(cb) if cb == ca => {}
            Some(cb) => lines.push(format!("{dept}: {a_name} {ca} ≠ {b_name} {cb}")),
            None => lines.push(format!("{dept}: {a_name} {ca}, absent from {b_name}")),
        }
    }
    for (dept, cb) in b {
        if !a.contains_key(dept) {
            lines.push(format!("{dept}: {b_name} {cb}, absent from {a_name}"));
        }
    }
    lines
}
