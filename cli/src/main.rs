//! `openness`: batch scoring of 政务公开 (government-affairs openness) exports.
//!
//! Glue only: it reads files and folders, hands their bytes to
//! `openness-core`, and prints what the core computed as an aligned table,
//! the JSON of RULES §6, or CSV. Exit 0 on success (even with rejected rows),
//! 2 on a usage error or when an input cannot be read; the other inputs are
//! still scored, as ripgrep still searches the files it can read.

#[path = "annual.rs"]
mod annual_text;
mod input;
mod table;

use std::io::Write;
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use openness_core::annual;
use openness_core::date::Date;
use openness_core::export::{findings_csv, scorecard_csv, scorecard_json, scorecard_sheet};
use openness_core::import::{Import, Limits, import_with};
use openness_core::rules::{DEFAULT_RULES_TOML, Rules};
use openness_core::score::{Window, score};
use openness_core::selfcheck::findings;
use openness_core::sheet::{ExportMeta, Lang};
use openness_core::value::parse_date;
use openness_core::xlsx::{layout_workbook, workbook};

/// 政务公开考评 — score departments' government-openness work from exported tables.
#[derive(Debug, Parser)]
#[command(name = "openness", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score every department (RULES §3–§6).
    Score {
        #[command(flatten)]
        opts: ScoreOpts,
        /// Output format (xlsx: a workbook with a title line and typed cells; needs --out).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print only the import report: kinds, encodings, accepted and rejected rows with reasons.
    Check {
        /// Files or folders (a file may be prefixed with its kind, e.g. `request:申请.csv`).
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
        format: CheckFormat,
    },
    /// List every record that lost a department points (部门自查, RULES §5).
    Selfcheck {
        #[command(flatten)]
        opts: ScoreOpts,
        /// Only this department (canonical name or alias).
        #[arg(long)]
        dept: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
        format: CheckFormat,
    },
    /// Fill the statistical tables of the 政府信息公开工作年度报告 (RULES §7), or check a filled-in workbook.
    Annual(AnnualArgs),
    /// Print the default rules file (TOML) to start your own from.
    Rules,
}

#[derive(Debug, clap::Args)]
struct AnnualArgs {
    /// The year (default: the year of `score`'s default window).
    #[arg(long)]
    year: Option<i32>,
    /// Rules file (TOML); it decides which documents are policy documents for the default year.
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Output format (xlsx: the national form, one sheet per unit and 全县; needs --out).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// A workbook in the form's layout, filled in or edited by hand: list every number that differs from the ledgers and every failed check; exit 1 when any.
    #[arg(long, value_name = "FILLED.xlsx")]
    check: Option<PathBuf>,
    /// Files or folders (a file may be prefixed with its kind, e.g. `review:复议.csv`).
    #[arg(required = true)]
    inputs: Vec<String>,
}

#[derive(Debug, clap::Args)]
struct ScoreOpts {
    /// First day of the window (default: 1 January of `--to`'s year).
    #[arg(long, value_parser = date_arg)]
    from: Option<Date>,
    /// Last day of the window (default: 31 December of the year with the most window dates).
    #[arg(long, value_parser = date_arg)]
    to: Option<Date>,
    /// Day the deadlines are judged at (default: `--to`).
    #[arg(long = "as-of", value_parser = date_arg)]
    as_of: Option<Date>,
    /// Language of the CSV headers and labels.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
    /// Rules file (TOML); defaults are those of docs/RULES.md (`openness rules` prints them).
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Files or folders (a file may be prefixed with its kind, e.g. `request:申请.csv`).
    #[arg(required = true)]
    inputs: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    /// 简体中文
    Zh,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CheckFormat {
    Table,
    Json,
    Csv,
}

fn date_arg(s: &str) -> Result<Date, String> {
    parse_date(s).ok_or_else(|| format!("{s:?} is not a date. Hint: use YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Exit::Ok) => ExitCode::SUCCESS,
        Ok(Exit::Differs) => ExitCode::from(1),
        Ok(Exit::Unreadable) => ExitCode::from(2),
        Err(e) => {
            eprintln!("openness: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// How a command ended.
enum Exit {
    /// Done.
    Ok,
    /// `annual --check`: the workbook differs from the ledgers.
    Differs,
    /// Some input could not be read (the others were used).
    Unreadable,
}

impl From<bool> for Exit {
    fn from(read_ok: bool) -> Exit {
        if read_ok { Exit::Ok } else { Exit::Unreadable }
    }
}

/// Runs a command.
fn run(cli: Cli) -> Result<Exit> {
    match cli.command {
        Command::Annual(args) => annual_command(&args),
        command => run_command(command).map(Exit::from),
    }
}

/// Runs a command; `Ok(false)` when some input could not be read.
fn run_command(command: Command) -> Result<bool> {
    let mut out = std::io::stdout().lock();
    match command {
        Command::Rules => {
            out.write_all(DEFAULT_RULES_TOML.as_bytes())?;
            Ok(true)
        }
        Command::Check { inputs, format } => {
            let (imported, read_ok) = load(&inputs)?;
            match format {
                CheckFormat::Json => {
                    writeln!(out, "{}", serde_json::to_string_pretty(&imported.report)?)?;
                }
                CheckFormat::Table | CheckFormat::Csv => {
                    table::import_report(&mut out, &imported.report)?;
                }
            }
            Ok(read_ok && imported.report.errors.is_empty())
        }
        Command::Score {
            opts,
            format,
            out: path,
        } => {
            if format == Format::Xlsx && path.is_none() {
                bail!("--format xlsx writes a workbook: name it with --out FILE.xlsx");
            }
            let (imported, read_ok) = load(&opts.inputs)?;
            let (rules, window) = rules_and_window(&opts, &imported)?;
            let card = score(&imported.data, &rules, window);
            let mut out: Box<dyn Write + '_> = match &path {
                None => Box::new(&mut out),
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .with_context(|| format!("cannot write {}", p.display()))?,
                )),
            };
            for w in &card.warnings {
                eprintln!("openness: warning: {w}");
            }
            match format {
                Format::Json => {
                    let doc = scorecard_json(&card, &imported.report);
                    writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
                }
                Format::Csv => {
                    out.write_all(scorecard_csv(&card, &rules, opts.lang.into()).as_bytes())?;
                }
                Format::Xlsx => {
                    let meta = ExportMeta {
                        source: opts.inputs.join("、"),
                        generated_on: None,
                        lang: opts.lang.into(),
                    };
                    out.write_all(&workbook(&[scorecard_sheet(&card, &rules, &meta)]))?;
                }
                Format::Table => {
                    if opts.to.is_none() {
                        writeln!(
                            out,
                            "默认考评年度 {year} 年（数据中窗口日期最多的年份）default year {year}: the year with the most window dates",
                            year = window.to.year()
                        )?;
                    }
                    table::scorecard(&mut out, &card, &rules)?;
                    writeln!(out)?;
                    table::import_report(&mut out, &imported.report)?;
                }
            }
            out.flush()?;
            report_errors(&imported);
            Ok(read_ok && imported.report.errors.is_empty())
        }
        Command::Selfcheck { opts, dept, format } => {
            let (imported, read_ok) = load(&opts.inputs)?;
            let (rules, window) = rules_and_window(&opts, &imported)?;
            let card = score(&imported.data, &rules, window);
            let dept_id = match &dept {
                None => None,
                Some(name) => {
                    let departments = &imported.data.departments;
                    let canonical = departments.canonical(name);
                    Some(departments.get(&canonical).with_context(|| {
                        format!("no department named {name:?} in the data. Hint: `openness score` lists them")
                    })?)
                }
            };
            let list = findings(&imported, &rules, window, &card, dept_id);
            match format {
                CheckFormat::Csv => {
                    out.write_all(findings_csv(&list, window, opts.lang.into()).as_bytes())?;
                }
                CheckFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?,
                CheckFormat::Table => table::findings(&mut out, &list)?,
            }
            report_errors(&imported);
            Ok(read_ok && imported.report.errors.is_empty())
        }
        Command::Annual(args) => annual_command(&args).map(|exit| matches!(exit, Exit::Ok)),
    }
}

/// `openness annual` (RULES §7).
fn annual_command(args: &AnnualArgs) -> Result<Exit> {
    let AnnualArgs {
        year,
        rules,
        format,
        out: path,
        check,
        inputs,
    } = args;
    let (year, format) = (*year, *format);
    let mut out = std::io::stdout().lock();
    let (imported, read_ok) = load(inputs)?;
    let rules = load_rules(rules.as_ref())?;
    let year = match year {
        Some(y) => y,
        None => annual::default_year(&imported.data, &rules).context(
            "the data holds no dated record to choose a year from. Hint: name it with --year",
        )?,
    };
    let tables = annual::annual(&imported.data, year);
    if let Some(filled) = check {
        let bytes =
            std::fs::read(filled).with_context(|| format!("cannot read {}", filled.display()))?;
        let comparison = annual::compare_workbook(&tables, &bytes)
            .map_err(|why| anyhow::anyhow!("{}: {why}", filled.display()))?;
        if format == Format::Json {
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&comparison_json(&comparison))?
            )?;
        } else {
            annual_text::comparison(&mut out, &comparison)?;
        }
        report_errors(&imported);
        if comparison.sheets.is_empty() {
            bail!(
                "{}: no sheet is named after a unit of the ledgers (or 全县). Hint: `openness annual --format xlsx` writes the form",
                filled.display()
            );
        }
        if !comparison.agrees() {
            return Ok(Exit::Differs);
        }
        return Ok(Exit::from(read_ok && imported.report.errors.is_empty()));
    }
    if format == Format::Xlsx && path.is_none() {
        bail!("--format xlsx writes a workbook: name it with --out FILE.xlsx");
    }
    let mut out: Box<dyn Write + '_> = match &path {
        None => Box::new(&mut out),
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
    };
    match format {
        Format::Json => {
            let doc = annual::annual_json(&tables, &imported.report);
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Format::Csv => out.write_all(annual::annual_csv(&tables).as_bytes())?,
        Format::Xlsx => out.write_all(&layout_workbook(&annual::annual_layouts(&tables, None)))?,
        Format::Table => annual_text::tables(&mut out, &tables, &imported.report)?,
    }
    out.flush()?;
    report_errors(&imported);
    Ok(Exit::from(read_ok && imported.report.errors.is_empty()))
}

fn report_errors(imported: &Import) {
    for e in &imported.report.errors {
        eprintln!("openness: {e}");
    }
}

/// Reads every input; `false` when some path could not be read.
///
/// The import is never dropped: each command ends the process once it has
/// written its output, and the system takes the memory back in one go,
/// where dropping the import frees every record's strings one by one (a
/// million-row file: 21 ms, 4% of the run).
fn load(inputs: &[String]) -> Result<(ManuallyDrop<Import>, bool)> {
    let limits = Limits::NATIVE;
    let input::Collected {
        files,
        too_large,
        problems,
    } = input::collect(inputs, &limits);
    for p in &problems {
        eprintln!("openness: {p}");
    }
    if files.is_empty() && too_large.is_empty() && !problems.is_empty() {
        bail!("no input could be read");
    }
    let mut imported = import_with(files, &limits);
    for e in too_large {
        imported.report.add_error(e);
    }
    Ok((ManuallyDrop::new(imported), problems.is_empty()))
}

fn load_rules(path: Option<&PathBuf>) -> Result<Rules> {
    Ok(match path {
        None => Rules::default(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the rules file {}", path.display()))?;
            let loaded =
                Rules::try_from_toml(&text).with_context(|| format!("{}", path.display()))?;
            loaded.rules
        }
    })
}

/// `annual --check --format json`.
fn comparison_json(c: &annual::Comparison) -> serde_json::Value {
    serde_json::json!({
        "agrees": c.agrees(),
        "sheets": c.sheets,
        "unknown_sheets": c.unknown_sheets,
        "differences": c.differences.iter().map(|d| serde_json::json!({
            "sheet": d.sheet, "cell": d.cell, "item": d.label,
            "ledger": d.ledger, "filled": d.filled,
        })).collect::<Vec<_>>(),
        "failed_checks": c.failed_checks.iter().map(|(sheet, k)| {
            let (field, line) = k.line.field();
            serde_json::json!({
                "sheet": sheet, "rule": k.rule.key(), field: line,
                "left": k.left, "right": k.right,
            })
        }).collect::<Vec<_>>(),
    })
}

fn rules_and_window(opts: &ScoreOpts, imported: &Import) -> Result<(Rules, Window)> {
    let rules = load_rules(opts.rules.as_ref())?;
    let window = Window::infer(&imported.data, &rules, opts.from, opts.to, opts.as_of)?;
    Ok((rules, window))
}
