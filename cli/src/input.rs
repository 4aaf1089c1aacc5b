//! Turning command-line arguments into input files.
//!
//! An argument is a file, a folder (its importable files, in name order, not
//! descending into sub-folders), or `KIND:FILE` to name a file's table kind
//! explicitly (e.g. `request:登记表.csv`).

use std::io::Read;
use std::path::Path;

use openness_core::import::{FileError, InputFile, Limits, TextIntake, is_importable_name};
use openness_core::schema::Kind;

/// What reading the arguments gave.
#[derive(Debug, Default)]
pub struct Collected {
    /// Files read.
    pub files: Vec<InputFile>,
    /// Files over the size limit, not read (they belong in the import report).
    pub too_large: Vec<FileError>,
    /// One message per argument that could not be read.
    pub problems: Vec<String>,
}

/// Reads every argument; a file over `limits` is reported, never read.
pub fn collect(args: &[String], limits: &Limits) -> Collected {
    let mut out = Collected::default();
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
                    out.problems
                        .push(format!("{}: cannot read the folder: {e}", path.display()));
                    continue;
                }
            };
            entries.sort();
            for p in entries {
                read_one(&p, kind, limits, &mut out);
            }
        } else {
            read_one(path, kind, limits, &mut out);
        }
    }
    out
}

fn read_one(path: &Path, kind: Option<Kind>, limits: &Limits, out: &mut Collected) {
    let name = path.display().to_string();
    if let Ok(meta) = std::fs::metadata(path)
        && let Err(e) = limits.check_size(&name, meta.len())
    {
        out.too_large.push(e);
        return;
    }
    match read_file(path, &name) {
        Ok(file) => out.files.push(file.with_kind(kind)),
        Err(e) => out.problems.push(format!("{name}: cannot be read: {e}")),
    }
}

/// Reads a file: UTF-8 text a mebibyte at a time straight into its text
/// ([`TextIntake`]: no buffer of the whole file's bytes beside it, and SIMD
/// validation while each piece is in cache); anything else whole.
fn read_file(path: &Path, name: &str) -> std::io::Result<InputFile> {
    let mut file = std::fs::File::open(path)?;
    let len = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
    if let Some(text) = TextIntake::read(name, len, |buf| fill(&mut file, buf))? {
        return Ok(text);
    }
    // Not UTF-8 text (or refused on the way): the whole bytes, read again.
    Ok(InputFile::new(name, std::fs::read(path)?))
}

/// Reads into `buf` until it is full or the file ends; how many bytes.
fn fill(file: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
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
