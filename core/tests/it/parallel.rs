//! Natively a large table is validated on two cores (`import/parallel.rs`);
//! the browser validates a slice at a time on one. Both must give the same
//! import, row for row: the same records, department ids, duplicates
//! (naming the first row, wherever it is), rejections, warnings and counts.

use openness_core::import::{Importer, InputFile, Limits, Problem, import_with};

use crate::support::file;

/// A disclosure table of `rows` rows that meets every rule in every part
/// of the file: departments first seen late (and through aliases), ids
/// repeated far apart and NFKC-equal, summary rows, missing and broken
/// values, completions before their start, cells past the header, blank
/// lines.
fn messy_disclosures(rows: usize) -> String {
    let mut csv =
        String::from("索引号,标题,文号,发布机构,成文日期,发布日期,主题分类,是否需解读,废止日期\n");
    for i in 0..rows {
        let dept = match i % 97 {
            // Repeated ids are duplicates within one department.
            _ if i % 89 < 2 => "测试局5".to_owned(),
            0 => "合计".to_owned(),
            1 => String::new(),
            2 => "旗政府办".to_owned(),
            n if i > rows / 2 => format!("后来的第{}局", n % 7),
            n => format!("测试局{}", n % 13),
        };
        let id = match i % 89 {
            0 => format!("K-{}", i % 1000),
            1 => format!("Ｋ－{}", i % 1000),
            _ => format!("K-{i}"),
        };
        let formed = if i % 83 == 0 {
            "2019-02-30".to_owned()
        } else {
            format!("2019-{:02}-10", i % 12 + 1)
        };
        let published = match i % 79 {
            0 => String::new(),
            1 => "2019-01-01".to_owned(),
            _ => format!("2019-{:02}-20", i % 12 + 1),
        };
        let needs = if i % 71 == 0 { "也许" } else { "是" };
        let extra = if i % 67 == 0 { ",多出的一格" } else { "" };
        csv.push_str(&format!(
            "{id},文件{i},,{dept},{formed},{published},其他,{needs},{extra}\n"
        ));
        if i % 1009 == 0 {
            csv.push_str(",,,,,,,,\n");
        }
    }
    csv
}

#[test]
fn two_cores_and_one_give_the_same_import() {
    let files = || {
        vec![
            file(
                "部门名单.csv",
                "部门,分组,别名\n旗人民政府办公室,旗直部门,旗政府办\n测试局3,旗直部门,\n",
            ),
            InputFile::new("主动公开目录.csv", messy_disclosures(100_000).into_bytes()),
        ]
    };
    // One call validates each table whole: two cores.
    let parallel = import_with(files(), &Limits::NATIVE);
    // Slices of 5,000 rows, as the dashboard takes them: one core.
    let mut importer = Importer::new(files(), &Limits::NATIVE);
    while !importer.step(5_000) {}
    let sequential = importer.finish();
    let report = parallel
        .report
        .files
        .iter()
        .find(|f| f.path == "主动公开目录.csv")
        .expect("the table");
    let duplicates = report
        .issues
        .iter()
        .filter(|i| matches!(i.problem, Problem::Duplicate { .. }))
        .count();
    let counts = (report.rejected, report.warnings, duplicates);
    assert!(
        counts.0 > 3_000 && counts.1 > 1_000 && counts.2 > 10,
        "{counts:?}"
    );
    assert!(parallel.data.departments.len() > 20);
    // Compared as text (the department index is a hash map, whose order
    // is its own: the departments are compared by id instead).
    let text = |i: &openness_core::import::Import| {
        let d = &i.data;
        let departments: Vec<_> = d
            .departments
            .ids_unsorted()
            .map(|id| {
                (
                    id,
                    d.departments.name(id),
                    d.departments.group(id),
                    d.departments.is_listed(id),
                )
            })
            .collect();
        format!(
            "{departments:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            i.report,
            d.disclosures,
            d.records(),
            i.extras
        )
    };
    let (p, s) = (text(&parallel), text(&sequential));
    let at = p.bytes().zip(s.bytes()).position(|(a, b)| a != b);
    let around = |t: &str| {
        let from = at.unwrap_or(0).saturating_sub(300);
        String::from_utf8_lossy(&t.as_bytes()[from..(from + 600).min(t.len())]).into_owned()
    };
    assert!(
        p == s,
        "they differ from byte {at:?} of {}:\n{}\n---\n{}",
        p.len(),
        around(&p),
        around(&s)
    );
}
