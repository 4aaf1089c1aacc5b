//! The three tables of one unit as HTML, laid out as the national form
//! prints them (merged header cells as `rowspan`/`colspan`): what the
//! dashboard shows, prints and copies into the report. Every text is
//! escaped; a unit's name comes from the user's files.

use std::fmt::Write as _;

use super::checks::{Check, Rule};
use super::table2::{Documents, RESULTS};
use super::table3::{COLUMNS, ROWS, group_heading};
use super::{Annual, Comparison, Problem, Unit, form};
use crate::import::ImportReport;
use crate::lang::Lang;

// HTML text: the XML escape serves (it also drops control characters).
use crate::xlsx::escape as esc;

/// The title and tables 二, 三 and 四 of `u` for `year`.
pub fn form_html(u: &Unit, year: i32) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<h2 id="annual-title">{}{year}年政府信息公开工作年度报告统计表</h2>"#,
        esc(&u.name)
    );
    table2(&mut h, u);
    table3(&mut h, u);
    table4(&mut h, u);
    h
}

fn table2(h: &mut String, u: &Unit) {
    let t = &u.table2;
    h.push_str(r#"<table class="form" id="annual-table2"><caption>二、主动公开政府信息情况</caption><tbody>"#);
    let head = |h: &mut String, item: &str, cols: &[&str]| {
        let _ = write!(
            h,
            r#"<tr><th colspan="6" class="item">{item}</th></tr><tr><th colspan="3">信息内容</th>"#
        );
        if let [one] = cols {
            let _ = write!(h, r#"<th colspan="3">{one}</th>"#);
        } else {
            for c in cols {
                let _ = write!(h, "<th>{c}</th>");
            }
        }
        h.push_str("</tr>");
    };
    let docs = |h: &mut String, name: &str, d: Documents| {
        let _ = write!(
            h,
            r#"<tr><th colspan="3" class="row">{name}</th><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
            d.made, d.repealed, d.in_force
        );
    };
    let one = |h: &mut String, name: &str, n: &str| {
        let _ = write!(
            h,
            r#"<tr><th colspan="3" class="row">{name}</th><td class="num" colspan="3">{n}</td></tr>"#
        );
    };
    head(
        h,
        "第二十条第（一）项",
        &["本年制发件数", "本年废止件数", "现行有效件数"],
    );
    docs(h, "规章", t.rules);
    docs(h, "行政规范性文件", t.normative_documents);
    head(h, "第二十条第（五）项", &["本年处理决定数量"]);
    one(h, "行政许可", &t.licensing.to_string());
    head(h, "第二十条第（六）项", &["本年处理决定数量"]);
    one(h, "行政处罚", &t.penalty.to_string());
    one(h, "行政强制", &t.coercion.to_string());
    head(h, "第二十条第（八）项", &["本年收费金额（单位：万元）"]);
    one(
        h,
        "行政事业性收费",
        &form::value(u, form::Slot::Fees).text(),
    );
    h.push_str("</tbody></table>");
}

fn table3(h: &mut String, u: &Unit) {
    h.push_str(r#"<table class="form" id="annual-table3"><caption>三、收到和处理政府信息公开申请情况</caption><thead><tr><th colspan="3" rowspan="3" class="note">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7">申请人情况</th></tr><tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr><tr>"#);
    for c in &COLUMNS[1..6] {
        let _ = write!(h, "<th>{c}</th>");
    }
    h.push_str("</tr></thead><tbody>");
    for (r, row) in ROWS.iter().enumerate() {
        let strong = if matches!(r, 0 | 1 | 23 | 24) {
            r#" class="strong""#
        } else {
            ""
        };
        let _ = write!(h, r#"<tr{strong} data-row="{}">"#, row.key);
        match (r, row.group) {
            (0 | 1 | 24, _) => {
                let _ = write!(h, r#"<th colspan="3" class="row">{}</th>"#, row.label);
            }
            (_, None) => {
                if r == 2 {
                    h.push_str(r#"<th rowspan="22" class="row">三、本年度办理结果</th>"#);
                }
                let _ = write!(h, r#"<th colspan="2" class="row">{}</th>"#, row.label);
            }
            (_, Some(_)) => {
                if let Some((n, heading)) = group_heading(r) {
                    let _ = write!(h, r#"<th rowspan="{n}" class="row">{heading}</th>"#);
                }
                let _ = write!(h, r#"<th class="row sub">{}</th>"#, row.label);
            }
        }
        for n in &u.table3[r] {
            let _ = write!(h, r#"<td class="num">{n}</td>"#);
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
}

fn table4(h: &mut String, u: &Unit) {
    h.push_str(r#"<table class="form" id="annual-table4"><caption>四、政府信息公开行政复议、行政诉讼情况</caption><thead><tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr><tr>"#);
    for r in RESULTS {
        let _ = write!(h, r#"<th rowspan="2">{r}</th>"#);
    }
    h.push_str(r#"<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr><tr>"#);
    for _ in 0..2 {
        for r in RESULTS {
            let _ = write!(h, "<th>{r}</th>");
        }
    }
    h.push_str("</tr></thead><tbody><tr>");
    for n in u.table4.iter().flatten() {
        let _ = write!(h, r#"<td class="num">{n}</td>"#);
    }
    h.push_str("</tr></tbody></table>");
}

/// A check in words: `✗ 总计等于各类申请人之和（自然人）：7 ≠ 6`.
pub fn check_text(c: &Check, lang: Lang) -> String {
    let rule = match (c.rule, lang) {
        (_, Lang::Zh) => c.rule.name_zh(),
        (Rule::Balance, Lang::En) => "new + carried in = total + carried out",
        (Rule::RowTotal, Lang::En) => "总计 = the six applicant types",
        (Rule::Outcomes, Lang::En) => "(七)总计 = the outcome rows",
    };
    let (mark, relation) = if c.ok() { ("✓", "=") } else { ("✗", "≠") };
    let label = c.line.label();
    let along = if label.starts_with('（') {
        format!(" {label}")
    } else {
        format!("（{label}）")
    };
    format!("{mark} {rule}{along}：{} {relation} {}", c.left, c.right)
}

impl Problem {
    /// What it means, in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (_, Lang::Zh) => self.name_zh(),
            (Problem::TypeUnknown, Lang::En) => {
                "applicant type not recognised (counted in 总计 only)"
            }
            (Problem::OutcomeUnknown, Lang::En) => {
                "outcome not recognised (counted in (七)总计 only)"
            }
            (Problem::ReviewKindUnknown, Lang::En) => {
                "neither a reconsideration nor a lawsuit (not counted)"
            }
            (Problem::RepliedBeforeReceived, Lang::En) => "replied before it was received",
        }
    }
}

/// The checks of a unit: the failed ones (each linking to the first
/// record that explains it), then every check with its numbers, folded.
pub fn checks_html(u: &Unit, lang: Lang) -> String {
    let checks = u.checks();
    let failed: Vec<&Check> = checks.iter().filter(|c| !c.ok()).collect();
    let mut h = String::new();
    let title = match (failed.len(), lang) {
        (0, Lang::Zh) => format!("✓ 勾稽检查 {} 项全部通过", checks.len()),
        (0, Lang::En) => format!("✓ All {} checks pass", checks.len()),
        (n, Lang::Zh) => format!("✗ 勾稽检查 {n} 项不平衡（共 {} 项）", checks.len()),
        (n, Lang::En) => format!("✗ {n} of {} checks fail", checks.len()),
    };
    let class = if failed.is_empty() { "ok" } else { "bad" };
    let _ = write!(
        h,
        r#"<h3 id="annual-checks-title" class="{class}">{title}</h3><ul class="checks" id="annual-checks">"#
    );
    let first_of = |p: Problem| u.findings.iter().position(|f| f.problem == p);
    for c in &failed {
        let behind = match c.rule {
            Rule::RowTotal => first_of(Problem::TypeUnknown),
            Rule::Outcomes => first_of(Problem::OutcomeUnknown),
            Rule::Balance => None,
        };
        let _ = write!(h, r#"<li class="bad">{}"#, check_text(c, lang));
        if let Some(i) = behind {
            let see = lang.pick("查看原因记录", "see the records");
            let _ = write!(h, r##" <a href="#annual-finding-{i}">{see}</a>"##);
        }
        h.push_str("</li>");
    }
    let _ = write!(
        h,
        r#"</ul><details class="checks-all"><summary>{}</summary><ul class="checks">"#,
        lang.pick("全部检查及数字", "Every check with its numbers")
    );
    for c in &checks {
        let class = if c.ok() { "ok" } else { "bad" };
        let _ = write!(h, r#"<li class="{class}">{}</li>"#, check_text(c, lang));
    }
    h.push_str("</ul></details>");
    h
}

/// The records behind a unit's unknown values, by file and row.
pub fn findings_html(u: &Unit, report: &ImportReport, lang: Lang) -> String {
    let mut h = String::new();
    let count = match lang {
        Lang::Zh => format!("需核对的记录 {} 条", u.findings.len()),
        Lang::En => format!("{} records to check", u.findings.len()),
    };
    let _ = write!(
        h,
        r#"<h3>{count}</h3><table class="findings" id="annual-findings"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        lang.pick("问题", "Problem"),
        lang.pick("来源（文件:行）", "Source (file:row)"),
        lang.pick("编号", "Id"),
        lang.pick("原值", "Value")
    );
    for (i, f) in u.findings.iter().enumerate() {
        let path = report
            .files
            .get(f.source.file as usize)
            .map_or("", |r| r.path.as_str());
        let file = path.rsplit('/').next().unwrap_or_default();
        let value = if f.value.is_empty() {
            lang.pick("（空）", "(empty)").to_owned()
        } else {
            esc(&f.value)
        };
        let _ = write!(
            h,
            r#"<tr class="finding" id="annual-finding-{i}"><td>{}</td><td>{}:{}</td><td>{}</td><td>{value}</td></tr>"#,
            f.problem.text(lang),
            esc(file),
            f.source.row,
            esc(f.id.as_deref().unwrap_or_default()),
        );
    }
    h.push_str("</tbody></table>");
    h
}

/// The columns of the county overview, each sortable.
pub const OVERVIEW_COLUMNS: [(&str, &str); 7] = [
    ("单位", "Unit"),
    ("勾稽检查", "Checks"),
    ("需核对记录", "Findings"),
    ("本年新收", "New"),
    ("办结总计", "Handled"),
    ("结转下年", "Carried out"),
    ("复议诉讼", "Reviews"),
];

/// Every unit with its checks, findings and totals, sorted by column
/// `sort` (0: as listed; the others descending, failures first). A
/// unit's name carries `data-unit` and a header `data-sort`, for the page
/// to act on clicks.
pub fn overview_html(annual: &Annual, sort: usize, lang: Lang) -> String {
    let reviews = |u: &Unit| u.table4.iter().map(|b| b[4]).sum::<u32>();
    let numbers = |u: &Unit| -> [i64; 6] {
        [
            i64::from(!u.cross_foots()),
            u.findings.len() as i64,
            i64::from(u.table3[0][6]),
            i64::from(u.table3[23][6]),
            i64::from(u.table3[24][6]),
            i64::from(reviews(u)),
        ]
    };
    let mut units: Vec<&Unit> = annual.units.iter().collect();
    if (1..OVERVIEW_COLUMNS.len()).contains(&sort) {
        units.sort_by_cached_key(|u| (-numbers(u)[sort - 1], u.name.clone()));
    }
    let mut h = String::from(r#"<table class="report sortable" id="annual-overview"><thead><tr>"#);
    for (i, (zh, en)) in OVERVIEW_COLUMNS.iter().enumerate() {
        let class = if i >= 2 { r#" class="num""# } else { "" };
        let sorted = if i == sort && i > 0 {
            r#" aria-sort="descending""#
        } else {
            ""
        };
        let _ = write!(
            h,
            r#"<th{class}{sorted}><button class="link" data-sort="{i}">{}</button></th>"#,
            lang.pick(zh, en)
        );
    }
    h.push_str("</tr></thead><tbody>");
    for u in units {
        let ok = u.cross_foots();
        let name = esc(&u.name);
        let _ = write!(
            h,
            r#"<tr{}><td><button class="link" data-unit="{name}">{name}</button></td><td class="{}">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
            if ok { "" } else { r#" class="low""# },
            if ok { "ok" } else { "bad" },
            if ok { "✓" } else { "✗" },
            u.findings.len(),
            u.table3[0][6],
            u.table3[23][6],
            u.table3[24][6],
            reviews(u)
        );
    }
    h.push_str("</tbody></table>");
    h
}

/// What the check of a filled-in workbook found.
pub fn comparison_html(c: &Comparison, lang: Lang) -> String {
    let agrees = c.agrees();
    let summary = match lang {
        Lang::Zh => format!(
            "核对了 {} 个工作表：{} 个单元格与台账不一致，{} 项勾稽不平衡。",
            c.sheets.len(),
            c.differences.len(),
            c.failed_checks.len()
        ),
        Lang::En => format!(
            "{} sheets compared: {} cells differ from the ledgers, {} checks fail.",
            c.sheets.len(),
            c.differences.len(),
            c.failed_checks.len()
        ),
    };
    let mut h = format!(
        r#"<div id="annual-comparison" class="{}"><p class="strong">{} {summary}</p>"#,
        if agrees { "ok-box" } else { "bad-box" },
        if agrees { "✓" } else { "✗" }
    );
    if !c.unknown_sheets.is_empty() {
        let names: Vec<String> = c.unknown_sheets.iter().map(|s| esc(s)).collect();
        let _ = write!(
            h,
            r#"<p class="hint">{}{}</p>"#,
            lang.pick(
                "未核对（名称不是台账中的单位）：",
                "Not compared (no unit of that name): "
            ),
            names.join("、")
        );
    }
    let _ = write!(
        h,
        r#"<table class="report" id="annual-differences"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class="num">{}</th><th class="num">{}</th></tr></thead><tbody>"#,
        lang.pick("工作表", "Sheet"),
        lang.pick("单元格", "Cell"),
        lang.pick("项目", "Item"),
        lang.pick("台账", "Ledgers"),
        lang.pick("填报", "Filled")
    );
    for d in &c.differences {
        let _ = write!(
            h,
            r#"<tr class="low"><td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td><td class="num strong">{}</td></tr>"#,
            esc(&d.sheet),
            d.cell,
            d.label,
            d.ledger,
            esc(&d.filled)
        );
    }
    for (sheet, k) in &c.failed_checks {
        let _ = write!(
            h,
            r#"<tr class="low"><td>{}</td><td>—</td><td colspan="3">{}</td></tr>"#,
            esc(sheet),
            check_text(k, lang)
        );
    }
    h.push_str("</tbody></table></div>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annual::Unit;

    #[test]
    fn names_are_escaped_and_the_form_is_complete() {
        let mut u = Unit::new(None, "<b>局</b>".to_owned(), String::new());
        u.table3[0] = [1, 2, 3, 4, 5, 6, 21];
        let html = form_html(&u, 2025);
        assert!(html.contains("&lt;b&gt;局&lt;/b&gt;2025年"));
        assert!(!html.contains("<b>"));
        assert_eq!(html.matches("<tr").count(), 14 + 3 + 25 + 3 + 1);
        assert!(html.contains(r#"<td class="num">21</td>"#));
        assert!(html.contains(r#"rowspan="8" class="row">（三）不予公开"#));
    }
}
