//! `openness-samplegen` writes the data the openness scorecard is shown and
//! tested with: the embedded sample county 鄂托克前旗 for 2019 (eight
//! exports in the encodings and layouts real government systems produce,
//! with a handful of deliberately messy rows, plus a README naming them),
//! and arbitrarily large disclosure CSVs for benchmarks. Output is
//! deterministic: a fixed seed and an in-crate SplitMix64 generator give
//! the same bytes on every run and platform.
//!
//! ```text
//! openness-samplegen sample [--out data/sample]
//! openness-samplegen big --rows 10000000 --out bench-data/big.csv [--seed 2019]
//! ```

mod big;
mod calendar;
mod county;
mod output;
mod rng;
mod sample;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use clap::{Parser, Subcommand};

/// Command line.
#[derive(Debug, Parser)]
#[command(
    name = "openness-samplegen",
    version,
    about = "Writes sample and benchmark data for the openness scorecard"
)]
struct Cli {
    /// What to write.
    #[command(subcommand)]
    command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Write the sample county 鄂托克前旗 2019 (eight exports and a README).
    Sample {
        /// Output folder.
        #[arg(long, default_value = "data/sample")]
        out: PathBuf,
    },
    /// Write a large UTF-8 disclosure CSV for benchmarks.
    Big {
        /// Number of data rows.
        #[arg(long)]
        rows: u64,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
        /// Random seed.
        #[arg(long, default_value_t = 2019)]
        seed: u64,
    },
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Sample { out } => {
            for (name, rows) in sample::write(&out)? {
                println!("{:>6} rows  {}", rows, out.join(name).display());
            }
            println!("        README  {}", out.join("README.md").display());
        }
        Command::Big { rows, out, seed } => {
            let start = Instant::now();
            let bytes = big::write(&out, rows, seed)?;
            println!(
                "{rows} rows, {bytes} bytes ({:.1} bytes/row) in {:.2?}: {}",
                bytes as f64 / rows.max(1) as f64,
                start.elapsed(),
                out.display()
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
