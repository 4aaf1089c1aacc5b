//! The ledgers of the annual report as text: up to four CSV files split at
//! `----8<----` (requests with applicant types and outcomes, reviews,
//! fees, disclosures with 废止日期, a department table), imported, scored
//! and filled into the annual tables. The harness checks that the county
//! is the sum of its units, that the form's balance holds, and that the
//! form's workbook reads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openness_core::import::InputFile;
use openness_core_fuzz::import_and_score;

const SEPARATOR: &str = "\n----8<----\n";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let files = text
        .split(SEPARATOR)
        .take(4)
        .enumerate()
        .map(|(i, part)| InputFile::new(format!("ledger{i}.csv"), part.as_bytes().to_vec()))
        .collect();
    import_and_score(files);
});
