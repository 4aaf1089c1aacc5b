//! Turning command-line arguments into input files.
//!
//! An argument is a file, a folder (its importable files, in name order, not
//! descending into sub-folders), or `KIND:FILE` to name a file's table kind
//! explicitly (e.g. `request:登记表.csv`).

use std::path::Path;

use openness_core::import::{InputFile, is_importable_name};
use openness_core::schema::Kind;

/// Reads every argument; returns the files read and one message per
/// argument that could not be read.
pub fn collect(args: &[String]) -> (Vec<InputFile>, Vec<String>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for arg in args {
        let (kind, path) = split_kind(arg);
        let path = Path::new(path);
        if path.is_dir() {
            let mut entries: Vec<_> = match std::fs::read_dir(path) {
                Ok(rd) => rd
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        p.is_file()
                            && p.file_name()
                                .and_then(|n| n.to_str())
                                .is_some_and(is_importable_name)
                    })
                    .collect(),
                Err(e) => {
                    problems.push(format!("{}: cannot read the folder: {e}", path.display()));
                    continue;
                }
            };
            entries.sort();
            for p in entries {
                read_one(&p, kind, &mut files, &mut problems);
            }
        } else {
            read_one(path, kind, &mut files, &mut problems);
        }
    }
    (files, problems)
}

fn read_one(
    path: &Path,
    kind: Option<Kind>,
    files: &mut Vec<InputFile>,
    problems: &mut Vec<String>,
) {
    match std::fs::read(path) {
        Ok(bytes) => files.push(InputFile::new(path.display().to_string(), bytes).with_kind(kind)),
        Err(e) => problems.push(format!("{}: cannot be read: {e}", path.display())),
    }
}

/// Splits `KIND:PATH` when the argument is not itself an existing path and
/// starts with a known kind.
fn split_kind(arg: &str) -> (Option<Kind>, &str) {
    if Path::new(arg).exists() {
        return (None, arg);
    }
    match arg.split_once(':') {
        Some((kind, path)) => match Kind::from_name(kind) {
            Some(k) => (Some(k), path),
            None => (None, arg),
        },
        None => (None, arg),
    }
}
