//! Workbooks as bytes: the input is imported as `fuzz.xlsx` (the reader also
//! sniffs XLS/OLE content) and whatever sheets are read are scored.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openness_core::import::InputFile;
use openness_core_fuzz::import_and_score;

fuzz_target!(|data: &[u8]| {
    import_and_score(vec![InputFile::new("fuzz.xlsx", data.to_vec())]);
});
