//! `polars-vs-core`: times `disclosure_timeliness` per department on large
//! disclosure CSVs — polars' lazy API (in-memory and streaming engines),
//! the core in process, and the `openness score` process — after checking
//! that all of them count the same. Exits 1 with the differences when they
//! do not.
//!
//! ```text
//! polars-vs-core [--from 2019-01-01] [--to 2019-12-31] [--as-of 2020-03-31]
//!                [--runs K] [--cli target/release/openness] [--no-cli]
//!                [--holidays data/cn-holidays.csv] [--md target/bench-native.md]
//!                FILE.csv...
//! ```
//! `--runs` defaults to 5, and to 3 for files of 5 million rows or more.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use openness_bench_native::{
    ByDept, POLARS_LIMITS, PolarsEngine, RowRules, cli_args, cli_counts, core_counts,
    deadline_workdays, diff, polars_counts, total,
};
use openness_core::date::Date;
use openness_core::score::Window;
use openness_core::value::parse_date;

/// The repository root (this crate is `bench/native`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[derive(Debug)]
struct Args {
    window: Window,
    runs: Option<usize>,
    cli: Option<PathBuf>,
    holidays: PathBuf,
    md: PathBuf,
    files: Vec<PathBuf>,
}

fn date(s: &str) -> Result<Date, String> {
    parse_date(s).ok_or_else(|| format!("not a date: {s}"))
}

fn parse_args() -> Result<Args, String> {
    let mut from = date("2019-01-01")?;
    let mut to = date("2019-12-31")?;
    let mut as_of = date("2020-03-31")?;
    let mut runs = None;
    let mut cli = Some(root().join("target/release/openness"));
    let mut holidays = root().join("data/cn-holidays.csv");
    let mut md = root().join("target/bench-native.md");
    let mut files = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--from" => from = date(&value()?)?,
            "--to" => to = date(&value()?)?,
            "--as-of" => as_of = date(&value()?)?,
            "--runs" => {
                runs = Some(
                    value()?
                        .parse()
                        .map_err(|e| format!("--runs: {e}"))
                        .and_then(|k: usize| {
                            if k == 0 {
                                Err("--runs: at least 1".to_owned())
                            } else {
                                Ok(k)
                            }
                        })?,
                );
            }
            "--cli" => cli = Some(PathBuf::from(value()?)),
            "--no-cli" => cli = None,
            "--holidays" => holidays = PathBuf::from(value()?),
            "--md" => md = PathBuf::from(value()?),
            "-h" | "--help" => {
                return Err(
                    "usage: polars-vs-core [--from D] [--to D] [--as-of D] [--runs K] \
                     [--cli PATH | --no-cli] [--holidays PATH] [--md PATH] FILE.csv..."
                        .to_owned(),
                );
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => files.push(PathBuf::from(a)),
        }
    }
    if files.is_empty() {
        return Err("no input file; see --help".to_owned());
    }
    if from > to {
        return Err(format!("--from {from} is after --to {to}"));
    }
    Ok(Args {
        window: Window { from, to, as_of },
        runs,
        cli,
        holidays,
        md,
        files,
    })
}

/// One engine: a name and a way to count.
struct Engine<'a> {
    name: &'static str,
    run: Box<dyn Fn() -> Result<ByDept, String> + 'a>,
    times: Vec<Duration>,
}

fn data_rows(path: &Path) -> Result<u64, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut lines = 0u64;
    loop {
        let buf = reader.fill_buf().map_err(|e| e.to_string())?;
        if buf.is_empty() {
            break;
        }
        lines += buf.iter().filter(|&&b| b == b'\n').count() as u64;
        let n = buf.len();
        reader.consume(n);
    }
    Ok(lines.saturating_sub(1))
}

fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

fn median(times: &[Duration]) -> Duration {
    let mut t = times.to_vec();
    t.sort();
    let n = t.len();
    if n % 2 == 1 {
        t[n / 2]
    } else {
        (t[n / 2 - 1] + t[n / 2]) / 2
    }
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn machine() -> String {
    let nproc = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    format!(
        "nproc {nproc} · CPU {} · polars {} · load average at start {}",
        cpu_model(),
        polars::VERSION,
        load_average()
    )
}

#[allow(clippy::too_many_lines, reason = "one benchmark, read top to bottom")]
fn bench_file(args: &Args, file: &Path, holidays: &str, md: &mut String) -> Result<bool, String> {
    let rows = data_rows(file)?;
    let bytes = std::fs::metadata(file).map_err(|e| e.to_string())?.len();
    let runs = args.runs.unwrap_or(if rows >= 5_000_000 { 3 } else { 5 });
    let w = args.window;
    let workdays = deadline_workdays();
    let polars = |engine, rules| {
        move || {
            polars_counts(file, holidays, w, workdays, engine, rules)
                .map_err(|e| format!("polars: {e}"))
        }
    };
    let mut engines = vec![
        Engine {
            name: "polars lazy, importer rules (in-memory)",
            run: Box::new(polars(PolarsEngine::InMemory, RowRules::Importer)),
            times: Vec::new(),
        },
        Engine {
            name: "polars lazy, importer rules (streaming)",
            run: Box::new(polars(PolarsEngine::Streaming, RowRules::Importer)),
            times: Vec::new(),
        },
        Engine {
            name: "polars lazy, lean (in-memory)",
            run: Box::new(polars(PolarsEngine::InMemory, RowRules::Lean)),
            times: Vec::new(),
        },
        Engine {
            name: "openness-core in process",
            run: Box::new(move || core_counts(file, w)),
            times: Vec::new(),
        },
    ];
    if let Some(cli) = &args.cli {
        engines.push(Engine {
            name: "openness score (process)",
            run: Box::new(move || cli_counts(cli, file, w)),
            times: Vec::new(),
        });
    }
    println!(
        "\n{} · {rows} rows · {:.1} MB · window {}..{} as of {} · {runs} runs",
        file.display(),
        bytes as f64 / 1e6,
        w.from,
        w.to,
        w.as_of
    );
    // Untimed first round: the answers must agree before anything is timed
    // (it also warms the page cache for every engine alike).
    let mut reference: Option<(&str, ByDept)> = None;
    let mut agree = true;
    for e in &engines {
        let got = (e.run)()?;
        match &reference {
            None => reference = Some((e.name, got)),
            Some((name, r)) => {
                let d = diff(name, r, e.name, &got);
                if !d.is_empty() {
                    agree = false;
                    eprintln!("DISAGREEMENT between {name} and {}:", e.name);
                    for line in d {
                        eprintln!("  {line}");
                    }
                }
            }
        }
    }
    let (ref_name, reference) = reference.ok_or("no engine")?;
    if !agree {
        return Ok(false);
    }
    let t = total(&reference);
    println!(
        "all engines agree: {} departments, {t} (checked against {ref_name})",
        reference.len()
    );
    // Timed rounds, engines interleaved so that background load spreads
    // over all of them.
    for round in 0..runs {
        for e in &mut engines {
            let start = Instant::now();
            let got = (e.run)()?;
            e.times.push(start.elapsed());
            let d = diff(ref_name, &reference, e.name, &got);
            if !d.is_empty() {
                eprintln!("DISAGREEMENT in round {round} of {}:", e.name);
                for line in d {
                    eprintln!("  {line}");
                }
                return Ok(false);
            }
        }
        eprint!(".");
    }
    eprintln!();
    let base = median(&engines[0].times).as_secs_f64();
    let lean = median(&engines[2].times).as_secs_f64();
    let mut table = String::new();
    let _ = writeln!(
        table,
        "| engine | median s | min s | max s | × polars importer rules | × polars lean | M rows/s |"
    );
    let _ = writeln!(table, "|---|---:|---:|---:|---:|---:|---:|");
    for e in &engines {
        let m = median(&e.times);
        let min = e.times.iter().min().copied().unwrap_or_default();
        let max = e.times.iter().max().copied().unwrap_or_default();
        let _ = writeln!(
            table,
            "| {} | {} | {} | {} | {:.2} | {:.2} | {:.1} |",
            e.name,
            secs(m),
            secs(min),
            secs(max),
            m.as_secs_f64() / base,
            m.as_secs_f64() / lean,
            rows as f64 / m.as_secs_f64() / 1e6
        );
    }
    print!("{table}");
    let _ = writeln!(
        md,
        "\n## {} — {rows} rows, {:.1} MB\n\nWindow {}..{} as of {}; median of {runs} runs \
         (engines interleaved, after one untimed run whose answers all agreed: {} departments, {t}).\n\n{table}",
        file.display(),
        bytes as f64 / 1e6,
        w.from,
        w.to,
        w.as_of,
        reference.len()
    );
    if let Some(cli) = &args.cli {
        let _ = writeln!(
            md,
            "\nThe process row runs `{} {}`.",
            cli.display(),
            cli_args(file, w).join(" ")
        );
    }
    Ok(true)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let holidays = match std::fs::read_to_string(&args.holidays) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: {e}", args.holidays.display());
            return ExitCode::from(2);
        }
    };
    if let Some(cli) = &args.cli
        && !cli.exists()
    {
        eprintln!(
            "{} does not exist: build it with `cargo build --release -p openness-cli`, or pass --no-cli",
            cli.display()
        );
        return ExitCode::from(2);
    }
    let machine = machine();
    println!("{machine}");
    let command: Vec<String> = std::env::args().collect();
    let mut md = format!(
        "# Native benchmark: disclosure_timeliness per department\n\n\
         Made by `{}`.\n\nMachine: {machine}.\n\n{POLARS_LIMITS}.\n",
        command.join(" ")
    );
    let mut ok = true;
    for file in &args.files {
        match bench_file(&args, file, &holidays, &mut md) {
            Ok(true) => {}
            Ok(false) => ok = false,
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                return ExitCode::from(2);
            }
        }
    }
    if !ok {
        eprintln!("the engines disagree; no timings written");
        return ExitCode::FAILURE;
    }
    if let Some(dir) = args.md.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::write(&args.md, md) {
        Ok(()) => println!("\nwrote {}", args.md.display()),
        Err(e) => {
            eprintln!("{}: {e}", args.md.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
