//! Delimited text as text: the input (read as UTF-8, lossily) is encoded the
//! ways Chinese government systems export it — UTF-8 with and without BOM,
//! GB18030, UTF-16LE and UTF-16BE with and without BOM — and each encoding
//! is imported and scored.
//!
//! UTF-8 with BOM and UTF-16 with BOM decode to exactly the input text, so
//! their imports must agree row for row; a difference is a finding.
//!
//! Only the plain UTF-8 import is scored (csv_utf8 scores every input);
//! one other encoding per input (by its length) is imported and its
//! bookkeeping checked, which is what depends on the encoding. That keeps
//! the target fast enough for a million executions.
#![no_main]

use encoding_rs::GB18030;
use libfuzzer_sys::fuzz_target;
use openness_core::import::{Import, InputFile};
use openness_core_fuzz::{import_and_score, import_checked};

fn run(name: &str, bytes: Vec<u8>) -> Import {
    import_checked(vec![InputFile::new(format!("{name}.csv"), bytes)])
}

/// What must not depend on the encoding: per table, kind and row counts.
fn summary(imported: &Import) -> (Vec<(String, Option<u32>, u32, u32, u32, u32)>, usize) {
    let files = imported
        .report
        .files
        .iter()
        .map(|f| {
            (
                f.kind.key().to_owned(),
                f.header_row,
                f.rows,
                f.accepted,
                f.rejected,
                f.warnings,
            )
        })
        .collect();
    (files, imported.report.errors.len())
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let utf16 = |le: bool| -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    };
    let with_bom = |bom: &[u8], body: &[u8]| [bom, body].concat();

    import_and_score(vec![InputFile::new("utf8.csv", text.as_bytes().to_vec())]);
    // One more encoding per input, chosen by its length (so a finding
    // replays): the BOM-less ones are imported and checked; the BOM'd
    // UTF-16 ones must also give the UTF-8-with-BOM import row for row.
    let bom_free = text.starts_with('\u{feff}') || text.trim().is_empty();
    let other = match data.len() % 5 {
        0 => {
            run("gb18030", GB18030.encode(&text).0.into_owned());
            return;
        }
        1 => {
            run("utf16le", utf16(true));
            return;
        }
        2 => {
            run("utf16be", utf16(false));
            return;
        }
        3 => run("utf16lebom", with_bom(b"\xFF\xFE", &utf16(true))),
        _ => run("utf16bebom", with_bom(b"\xFE\xFF", &utf16(false))),
    };
    // A text that itself starts with U+FEFF decodes differently (UTF-8 drops
    // one BOM, UTF-16 keeps the second), and an all-whitespace file is
    // "empty" only in UTF-8; leave those out of the comparison.
    if !bom_free {
        let reference = run("utf8bom", with_bom(b"\xEF\xBB\xBF", text.as_bytes()));
        assert_eq!(summary(&other), summary(&reference), "UTF-16 and UTF-8 imports differ");
    }
});
