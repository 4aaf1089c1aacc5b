//! Exports: the CLI's JSON (SPEC §6) and formula-safe CSV tables.
//!
//! The JSON is built by hand rather than derived so that its shape is the
//! contract's, key for key, whatever the internal types grow. CSV cells
//! that a spreadsheet would run as a formula (= + - @, and tab or carriage
//! return) are prefixed with `'`.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use crate::import::ImportReport;
use crate::score::{Indicator, Scorecard};
use crate::selfcheck::Finding;

/// The JSON document of `openness score --format json`.
pub fn scorecard_json(card: &Scorecard, report: &ImportReport) -> Value {
    let departments: Vec<Value> = card
        .departments
        .iter()
        .map(|d| {
            let mut indicators = Map::new();
            for ind in Indicator::ALL {
                let value = d.indicators[ind.index()].map_or(Value::Null, |s| {
                    json!({
                        "points": s.points,
                        "earned": s.earned,
                        "passed": s.passed,
                        "counted": s.counted,
                        "pending": s.pending,
                    })
                });
                indicators.insert(ind.key().to_owned(), value);
            }
            json!({
                "dept": d.dept,
                "group": d.group,
                "score": d.score,
                "grade": d.grade.map(super::score::Grade::name_zh),
                "rank": d.rank,
                "group_rank": d.group_rank,
                "contribution": d.contribution,
                "vetoes": d.vetoes.iter().map(|v| v.key()).collect::<Vec<_>>(),
                "indicators": indicators,
            })
        })
        .collect();
    let files: Vec<Value> = report
        .files
        .iter()
        .map(|f| {
            json!({
                "path": f.path,
                "kind": f.kind.key(),
                "encoding": f.encoding,
                "rows": f.rows,
                "accepted": f.accepted,
                "rejected": f.rejected,
                "warnings": f.warnings,
                "dropped_columns": f.dropped_columns,
            })
        })
        .collect();
    let mut import = Map::new();
    import.insert("files".to_owned(), Value::Array(files));
    if !report.errors.is_empty() {
        import.insert(
            "errors".to_owned(),
            report
                .errors
                .iter()
                .map(|e| json!({"path": e.path, "message": e.message}))
                .collect(),
        );
    }
    let mut doc = Map::new();
    doc.insert(
        "window".to_owned(),
        json!({
            "from": card.window.from.to_string(),
            "to": card.window.to.to_string(),
            "as_of": card.window.as_of.to_string(),
        }),
    );
    doc.insert(
        "weight".to_owned(),
        json!({"weight_pct": card.weight_pct, "total_points": card.total_points}),
    );
    doc.insert("departments".to_owned(), Value::Array(departments));
    doc.insert("import".to_owned(), Value::Object(import));
    if !card.warnings.is_empty() {
        doc.insert("warnings".to_owned(), json!(card.warnings));
    }
    Value::Object(doc)
}

/// Text a spreadsheet will never run as a formula: a cell starting with
/// = + - @ (or tab, carriage return) gets a leading `'`.
pub fn formula_safe(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// A CSV cell: quoted when needed, and neutralised when a spreadsheet would
/// run it as a formula.
pub fn csv_cell(value: &str) -> String {
    let safe = formula_safe(value);
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe.into_owned()
    }
}

fn csv_line(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The score table as rows of text, header first (for CSV and XLSX).
pub fn scorecard_rows(card: &Scorecard) -> Vec<Vec<String>> {
    let mut header: Vec<String> = [
        "排名 rank",
        "组内排名 group_rank",
        "部门 dept",
        "分组 group",
        "得分 score",
        "等级 grade",
        "折算分 contribution",
        "否决 vetoes",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend(
        Indicator::ALL
            .iter()
            .map(|i| format!("{} {}", i.name_zh(), i.key())),
    );
    let mut rows = vec![header];
    for d in &card.departments {
        let mut row = vec![
            opt(d.rank),
            opt(d.group_rank),
            d.dept.clone(),
            d.group.clone(),
            opt(d.score.map(|s| format!("{s:.2}"))),
            opt(d.grade.map(super::score::Grade::name_zh)),
            opt(d.contribution.map(|s| format!("{s:.2}"))),
            d.vetoes
                .iter()
                .map(|v| v.key())
                .collect::<Vec<_>>()
                .join(";"),
        ];
        row.extend(
            d.indicators
                .iter()
                .map(|i| opt(i.map(|i| format!("{:.2}/{}", i.earned, i.points)))),
        );
        rows.push(row);
    }
    rows
}

/// The score table as CSV (UTF-8 with BOM so that Excel reads it as UTF-8).
pub fn scorecard_csv(card: &Scorecard) -> String {
    to_csv(&scorecard_rows(card))
}

fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        csv_line(&mut out, row);
    }
    out
}

/// The self-check list as rows of text, header first (for CSV and XLSX).
pub fn findings_rows(findings: &[Finding]) -> Vec<Vec<String>> {
    let mut rows = vec![
        [
            "部门",
            "指标",
            "编号",
            "标题/名称",
            "来源文件",
            "行号",
            "起算",
            "截止",
            "完成",
            "超期工作日",
            "说明",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for f in findings {
        let mut late = opt(f.late_workdays);
        if let Some(h) = f.late_hours {
            let _ = write!(late, "{h:.1}h");
        }
        rows.push(vec![
            f.dept.clone(),
            f.indicator.name_zh().to_owned(),
            opt(f.id.as_deref()),
            opt(f.title.as_deref()),
            f.file.clone(),
            f.row.to_string(),
            opt(f.start),
            opt(f.deadline),
            opt(f.done),
            late,
            f.reason_zh.clone(),
        ]);
    }
    rows
}

/// The self-check list as CSV (UTF-8 with BOM).
pub fn findings_csv(findings: &[Finding]) -> String {
    to_csv(&findings_rows(findings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("+86 123"), "'+86 123");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(
            csv_cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_cell("旗教育局"), "旗教育局");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
    }
}
