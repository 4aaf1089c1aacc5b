//! Delimited text as bytes: one `.csv` file, or up to four when the input
//! holds the separator line `----8<----` (so that a department table and
//! a data table can meet). The bytes go in as they are, so the encoding
//! detection (BOM, BOM-less UTF-16, UTF-8, GB18030) is fuzzed too. Each
//! file is also read through `TextIntake` (as the CLI and the dashboard
//! read UTF-8 text, in pieces of a size the input picks): what it takes
//! must import exactly as the bytes do.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openness_core::import::InputFile;
use openness_core_fuzz::{assert_same_import, import_and_score, through_intake};

const SEPARATOR: &[u8] = b"\n----8<----\n";

fuzz_target!(|data: &[u8]| {
    let mut files = Vec::new();
    let mut rest = data;
    while files.len() < 3 {
        let Some(at) = rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) else {
            break;
        };
        files.push(rest[..at].to_vec());
        rest = &rest[at + SEPARATOR.len()..];
    }
    files.push(rest.to_vec());
    let files: Vec<InputFile> = files
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| InputFile::new(format!("fuzz{i}.csv"), bytes))
        .collect();
    let piece = 1 + data.first().map_or(0, |&b| usize::from(b) % 13);
    let taken: Vec<InputFile> = files
        .iter()
        .map(|f| through_intake(f, piece).unwrap_or_else(|| f.clone()))
        .collect();
    let whole = import_and_score(files);
    assert_same_import(&whole, &openness_core::import::import(taken));
});
