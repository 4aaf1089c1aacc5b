//! Exports: the CLI's JSON (RULES §6) and the score table and self-check
//! list as typed [`Sheet`]s for CSV and XLSX.
//!
//! The JSON is built by hand rather than derived so that its shape is the
//! contract's, key for key, whatever the internal types grow. The sheets
//! keep numbers as numbers and dates as dates ([`crate::sheet`]); text
//! that a spreadsheet would run as a formula (= + - @, and tab or carriage
//! return) gets a leading `'`.

use serde_json::{Map, Value, json};

use crate::import::ImportReport;
use crate::rules::Rules;
use crate::score::{Indicator, Scorecard, Window};
use crate::selfcheck::Finding;
use crate::sheet::{Cell, ExportMeta, Lang, Sheet};

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
                .map(|e| json!({"path": e.path, "message": e.message(Lang::En)}))
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

/// The title line's common part: data, window, as-of date, generated on.
fn title(what: &str, window: Window, weight_pct: Option<f64>, meta: &ExportMeta) -> String {
    let lang = meta.lang;
    let mut parts = vec![what.to_owned()];
    if !meta.source.is_empty() {
        parts.push(format!("{}{}", lang.pick("数据：", "data: "), meta.source));
    }
    parts.push(match lang {
        Lang::Zh => format!("考评期间 {} 至 {}", window.from, window.to),
        Lang::En => format!("window {} – {}", window.from, window.to),
    });
    parts.push(format!("{}{}", lang.pick("截至 ", "as of "), window.as_of));
    if let Some(w) = weight_pct {
        parts.push(format!("{}{}%", lang.pick("权重 ", "weight "), w));
    }
    if let Some(day) = meta.generated_on {
        parts.push(format!("{}{day}", lang.pick("生成于 ", "generated ")));
    }
    parts.join(" · ")
}

/// An indicator's name in `lang`.
pub fn indicator_name(indicator: Indicator, lang: Lang) -> &'static str {
    lang.pick(indicator.name_zh(), indicator.name_en())
}

/// The score table: rank, group rank, department, group, score, grade,
/// contribution, vetoes, and each indicator's earned points in its own
/// numeric column (its points in the header).
pub fn scorecard_sheet(card: &Scorecard, rules: &Rules, meta: &ExportMeta) -> Sheet {
    let lang = meta.lang;
    let mut header: Vec<String> = match lang {
        Lang::Zh => vec![
            "排名".to_owned(),
            "组内排名".to_owned(),
            "部门".to_owned(),
            "分组".to_owned(),
            "得分".to_owned(),
            "等级".to_owned(),
            format!("折算分（权重{}%）", card.weight_pct),
            "单项否决".to_owned(),
        ],
        Lang::En => vec![
            "Rank".to_owned(),
            "Group rank".to_owned(),
            "Department".to_owned(),
            "Group".to_owned(),
            "Score".to_owned(),
            "Grade".to_owned(),
            format!("Contribution ({}% weight)", card.weight_pct),
            "Vetoes".to_owned(),
        ],
    };
    header.extend(Indicator::ALL.iter().map(|&i| {
        let points = i.points(rules);
        match lang {
            Lang::Zh => format!("{}（{points}分）", i.name_zh()),
            Lang::En => format!("{} ({points} pts)", i.name_en()),
        }
    }));
    let rows = card
        .departments
        .iter()
        .map(|d| {
            let mut row = vec![
                Cell::opt(d.rank, |r| Cell::Int(i64::from(r))),
                Cell::opt(d.group_rank, |r| Cell::Int(i64::from(r))),
                Cell::text(&d.dept),
                Cell::text(&d.group),
                Cell::opt(d.score, Cell::Fixed2),
                Cell::opt(d.grade, |g| Cell::text(g.name(lang))),
                Cell::opt(d.contribution, Cell::Fixed2),
                Cell::text(
                    d.vetoes
                        .iter()
                        .map(|&v| v.label(rules, lang))
                        .collect::<Vec<_>>()
                        .join(lang.pick("；", "; ")),
                ),
            ];
            row.extend(
                d.indicators
                    .iter()
                    .map(|i| Cell::opt(*i, |i| Cell::Fixed2(i.earned))),
            );
            row
        })
        .collect();
    Sheet {
        name: lang.pick("考评排名", "Ranking").to_owned(),
        title: title(
            lang.pick("政务公开考评排名", "Openness scorecard ranking"),
            card.window,
            Some(card.weight_pct),
            meta,
        ),
        header,
        rows,
    }
}

/// The score table as CSV (UTF-8 with BOM, header in `lang`).
pub fn scorecard_csv(card: &Scorecard, rules: &Rules, lang: Lang) -> String {
    let meta = ExportMeta {
        lang,
        ..ExportMeta::default()
    };
    scorecard_sheet(card, rules, &meta).csv()
}

/// The self-check list: every record that lost points, with its file,
/// row, dates (date-times for opinion events) and how late it was.
/// `scope` names the department listed (or all of them) in the title.
pub fn findings_sheet(
    findings: &[Finding],
    window: Window,
    scope: &str,
    meta: &ExportMeta,
) -> Sheet {
    let lang = meta.lang;
    let header = match lang {
        Lang::Zh => [
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
            "超期小时",
            "说明",
        ],
        Lang::En => [
            "Department",
            "Indicator",
            "ID",
            "Title / name",
            "Source file",
            "Row",
            "Start",
            "Deadline",
            "Done",
            "Working days late",
            "Hours late",
            "Reason",
        ],
    }
    .map(str::to_owned)
    .to_vec();
    let rows = findings
        .iter()
        .map(|f| {
            // Opinion events are timed to the hour; everything else is a date.
            let when = |t: Option<crate::date::DateTime>| {
                Cell::opt(t, |t| {
                    if f.indicator == Indicator::OpinionResponse {
                        Cell::DateTime(t)
                    } else {
                        Cell::Date(t.date)
                    }
                })
            };
            vec![
                Cell::text(&f.dept),
                Cell::text(indicator_name(f.indicator, lang)),
                Cell::opt(f.id.as_deref(), Cell::text),
                Cell::opt(f.title.as_deref(), Cell::text),
                Cell::text(&f.file),
                Cell::Int(i64::from(f.row)),
                when(f.start),
                when(f.deadline),
                when(f.done),
                Cell::opt(f.late_workdays, |n| Cell::Int(i64::from(n))),
                Cell::opt(f.late_hours, Cell::Number),
                Cell::text(lang.pick(&f.reason_zh, &f.reason_en)),
            ]
        })
        .collect();
    let what = match lang {
        Lang::Zh => format!("部门自查清单 · {scope}"),
        Lang::En => format!("Self-check list · {scope}"),
    };
    Sheet {
        name: lang.pick("自查清单", "Self-check").to_owned(),
        title: title(&what, window, None, meta),
        header,
        rows,
    }
}

/// The self-check list as CSV (UTF-8 with BOM, header in `lang`).
pub fn findings_csv(findings: &[Finding], window: Window, lang: Lang) -> String {
    let meta = ExportMeta {
        lang,
        ..ExportMeta::default()
    };
    findings_sheet(findings, window, "", &meta).csv()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    #[test]
    fn percentages_read_as_written() {
        // f64's Display writes 4.0 as "4", as people write a percentage.
        let d = |m, day| Date::from_ymd(2019, m, day).expect("date");
        let window = Window {
            from: d(1, 1),
            to: d(12, 31),
            as_of: d(12, 31),
        };
        let meta = ExportMeta::default();
        assert!(title("t", window, Some(4.0), &meta).ends_with("权重 4%"));
        assert!(title("t", window, Some(4.5), &meta).ends_with("权重 4.5%"));
    }
}
