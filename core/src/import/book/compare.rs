//! The readers against calamine, the library they replaced: every workbook
//! the project has (the sample county, `testdata/workbooks`, the damaged
//! ones in `testdata/bad`) reads to the same cells, merged regions and
//! formulas. `WORKBOOK_CORPUS=dir` adds every workbook in a folder.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xls, Xlsx, open_workbook_from_rs};

use super::{Merge, Sheet, Value, read};

/// A sheet's merged regions and its formulas without a saved value.
type Regions = (Vec<Merge>, Vec<(u32, u32, String)>);

/// What calamine reads from a workbook, sheet by sheet, in our terms.
fn reference(bytes: &[u8]) -> Option<Vec<Sheet>> {
    fn convert<R: Reader<Cursor<Vec<u8>>>>(
        mut book: R,
        regions: &mut dyn FnMut(&mut R, &str) -> Regions,
    ) -> Vec<Sheet> {
        let names = book.sheet_names();
        let mut sheets = Vec::new();
        for name in names {
            let Ok(range) = book.worksheet_range(&name) else {
                // A sheet calamine cannot read: we refuse the workbook.
                sheets.push(Sheet {
                    name: format!("{UNREADABLE}{name}"),
                    ..Sheet::default()
                });
                continue;
            };
            let mut sheet = Sheet {
                name: name.clone(),
                ..Sheet::default()
            };
            for (row, col, value) in range.used_cells() {
                let (row, col) = (
                    row as u32 + range.start().unwrap_or_default().0,
                    col as u32 + range.start().unwrap_or_default().1,
                );
                let value = match value {
                    Data::Empty => continue,
                    Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                        Value::Text(s.clone())
                    }
                    Data::Float(f) => Value::Number(*f),
                    Data::Int(i) => Value::Number(*i as f64),
                    Data::Bool(b) => Value::Bool(*b),
                    Data::Error(e) => Value::Error(e.to_string()),
                    Data::DateTime(d) => Value::Date(d.as_f64()),
                };
                sheet.cells.push(super::Cell { row, col, value });
            }
            (sheet.merged, sheet.formulas) = regions(&mut book, &name);
            sheets.push(sheet);
        }
        sheets
    }
    let merge = |d: &calamine::Dimensions| Merge {
        first: d.start,
        last: d.end,
    };
    if let Ok(xls) = open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes.to_vec())) {
        return Some(convert(xls, &mut |book, name| {
            let merged = book.worksheet_merge_cells(name).unwrap_or_default();
            (merged.iter().map(merge).collect(), Vec::new())
        }));
    }
    let xlsx = open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes.to_vec())).ok()?;
    Some(convert(xlsx, &mut |book, name| {
        let merged = book
            .worksheet_merge_cells(name)
            .and_then(Result::ok)
            .unwrap_or_default();
        let values = book.worksheet_range(name).unwrap_or_default();
        let formulas = book.worksheet_formula(name).unwrap_or_default();
        let start = formulas.start().unwrap_or_default();
        let formulas = formulas
            .used_cells()
            .map(|(r, c, f)| (r as u32 + start.0, c as u32 + start.1, f.clone()))
            // Only those without a saved value are kept.
            .filter(|(r, c, f)| {
                !f.is_empty() && values.get_value((*r, *c)).is_none_or(|v| *v == Data::Empty)
            })
            .collect();
        (merged.iter().map(merge).collect(), formulas)
    }))
}

fn workbooks() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs = vec![
        root.join("data/sample"),
        root.join("testdata/workbooks"),
        root.join("testdata/workbooks/readers"),
        root.join("testdata/bad"),
    ];
    if let Ok(extra) = std::env::var("WORKBOOK_CORPUS") {
        dirs.push(PathBuf::from(extra));
    }
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xls" || x == "xlsx"))
        .collect();
    files.sort();
    files
}

/// Workbooks calamine reads wrongly (testdata/workbooks/readers/README.md),
/// and a text a cell of ours must read.
const CALAMINE_WRONG: [(&str, &str); 3] = [
    ("h18_char_refs_cdata.xlsx", "CDATA <内容> & 符号"),
    ("x06_cfb_v4_4096_sectors.xls", "4096字节扇区的复合文档"),
    ("x07_biff5_gbk_codepage936.xls", "内蒙古自治区"),
];

/// Marks a sheet calamine could not read (it skips it; we refuse the
/// whole workbook as damaged).
const UNREADABLE: &str = "\u{0}unreadable:";

/// Cells in row and column order, the later of two values for one cell.
fn settled(sheet: &Sheet) -> Vec<(u32, u32, Value)> {
    let mut cells: Vec<_> = sheet
        .cells
        .iter()
        .map(|c| {
            let value = match &c.value {
                Value::Shared(i) => Value::Text(sheet.shared(*i).to_owned()),
                v => v.clone(),
            };
            (c.row, c.col, value)
        })
        .collect();
    cells.sort_by_key(|c| (c.0, c.1));
    let mut out: Vec<(u32, u32, Value)> = Vec::new();
    for c in cells {
        match out.last_mut() {
            Some(last) if (last.0, last.1) == (c.0, c.1) => *last = c,
            _ => out.push(c),
        }
    }
    out
}

/// The first difference between our sheets and calamine's, if any.
fn difference(ours: &[Sheet], theirs: &[Sheet]) -> Option<String> {
    for t in theirs {
        let o = ours.iter().find(|o| o.name == t.name);
        let expected = settled(t);
        let got = o.map(settled).unwrap_or_default();
        if got.len() != expected.len() {
            return Some(format!(
                "sheet {}: {} cells, calamine {}",
                t.name,
                got.len(),
                expected.len()
            ));
        }
        for (g, e) in got.iter().zip(&expected) {
            let same = g == e
                // A formula's number under a date format: calamine's XLS
                // reader ignores the format, Excel (and we) show a date.
                || matches!((&g.2, &e.2), (Value::Date(a), Value::Number(b)) if a == b)
                // A 1904-system date: calamine keeps the serial as written,
                // we count it from 1900 as the rest of the workbook's dates.
                || matches!((&g.2, &e.2), (Value::Date(a), Value::Date(b)) if *a == b + 1462.0);
            if !same {
                return Some(format!("sheet {}: ours {g:?}, calamine {e:?}", t.name));
            }
        }
        let (mut merged, mut formulas) = o
            .map(|o| (o.merged.clone(), o.formulas.clone()))
            .unwrap_or_default();
        let (mut their_merged, mut their_formulas) = (t.merged.clone(), t.formulas.clone());
        for m in [&mut merged, &mut their_merged] {
            m.sort_by_key(|m| (m.first, m.last));
        }
        formulas.sort();
        their_formulas.sort();
        if merged != their_merged {
            return Some(format!(
                "sheet {}: merged {merged:?}, calamine {their_merged:?}",
                t.name
            ));
        }
        if formulas != their_formulas {
            return Some(format!(
                "sheet {}: formulas {formulas:?}, calamine {their_formulas:?}",
                t.name
            ));
        }
    }
    None
}

#[test]
fn every_workbook_reads_to_the_cells_calamine_reads() {
    let files = workbooks();
    assert!(files.len() >= 90, "{files:?}");
    let mut problems = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("read");
        let ours = read(&bytes);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if let Some((_, text)) = CALAMINE_WRONG.iter().find(|(f, _)| *f == name) {
            let holds = ours.as_ref().is_ok_and(|sheets| {
                sheets.iter().any(|s| {
                    s.cells.iter().any(|c| match &c.value {
                        Value::Shared(i) => s.shared(*i) == *text,
                        v => *v == Value::Text((*text).to_owned()),
                    })
                })
            });
            if !holds {
                problems.push(format!("{}: no cell reads {text}", path.display()));
            }
            continue;
        }
        // calamine allocates every cell of the used range: a stray cell at
        // XFD1048576 aborts it. We refuse such a sheet (sheet.rs).
        let huge = ours.as_ref().is_ok_and(|sheets| {
            sheets.iter().any(|s| {
                let rows = s.cells.iter().map(|c| c.row);
                let span = u64::from(rows.clone().max().unwrap_or(0) - rows.min().unwrap_or(0) + 1)
                    * u64::from(s.cells.iter().map(|c| c.col).max().unwrap_or(0) + 1);
                span > crate::import::sheet::MAX_SHEET_CELLS
            })
        });
        if huge {
            continue;
        }
        let theirs = reference(&bytes);
        let refused = theirs
            .as_ref()
            .is_none_or(|t| t.iter().any(|s| s.name.starts_with(UNREADABLE)));
        let problem = match (ours, theirs) {
            (Err(_), _) if refused => None,
            (Err(e), _) => Some(format!("we refuse it ({e:?}), calamine reads it")),
            (Ok(_), None) => Some("calamine refuses it, we read it".to_owned()),
            (Ok(ours), Some(theirs)) => difference(&ours, &theirs),
        };
        if let Some(p) = problem {
            problems.push(format!("{}: {p}", path.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} workbooks differ:\n{}",
        problems.len(),
        files.len(),
        problems.join("\n")
    );
}
