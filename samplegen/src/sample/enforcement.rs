//! 执法公示.csv: enforcement decisions, semicolon-separated UTF-8.
//!
//! About 1,500 decisions of the enforcing departments. Permits and
//! penalties are due on the website within 7 working days, other kinds
//! within 20 (RULES §3); publication follows the department's diligence.
//! Two rows straddle the 国庆 holiday and its Saturday 调休 working day.

use super::disclosure::lag;
use super::{Cell, Ctx, Outcome, Plant, Sheet};
use crate::calendar::Date;
use crate::county::{self, DEPTS, Dept};
use crate::rng::Rng;

/// Column headers.
const HEADER: [&str; 5] = [
    "决定书文号",
    "执法机关",
    "执法类别",
    "作出决定日期",
    "公示日期",
];

/// One decision before it becomes a row.
#[derive(Debug)]
struct Decision {
    dept: &'static Dept,
    label: String,
    kind: &'static str,
    decided: Date,
    published: Option<Date>,
}

impl Decision {
    fn row(&self, id: &str) -> Vec<Cell> {
        vec![
            Cell::text(id),
            Cell::text(&self.label),
            Cell::text(self.kind),
            Cell::Text(self.decided.iso()),
            Cell::Text(self.published.map(Date::iso).unwrap_or_default()),
        ]
    }
}

/// 文号 word for a kind: 许字, 罚决字, ….
fn kind_word(kind: &str) -> &'static str {
    match kind {
        "行政许可" => "许字",
        "行政处罚" => "罚决字",
        "行政检查" => "检字",
        "行政强制" => "强字",
        _ => "确字",
    }
}

/// Publication deadline in working days for `kind`.
fn limit_days(kind: &str) -> u32 {
    if kind.contains("许可") || kind.contains("处罚") {
        7
    } else {
        20
    }
}

/// A decision of `d` of `kind`.
fn decision(ctx: &Ctx, rng: &mut Rng, d: &'static Dept, kind: &'static str) -> Decision {
    let p = ctx.pass_prob(d, "enforcement_timeliness");
    let decided = ctx.workday(rng);
    let published = ctx.known((!rng.chance(0.01)).then(|| {
        ctx.cal
            .add_workdays(decided, lag(rng, p, limit_days(kind), 20))
    }));
    Decision {
        dept: d,
        label: Ctx::label(rng, d),
        kind,
        decided,
        published,
    }
}

/// Numbers the decisions per department and kind in date order.
fn numbered(decisions: &[Decision]) -> Vec<String> {
    let mut counters: Vec<(&str, &str, u32)> = Vec::new();
    decisions
        .iter()
        .map(|x| {
            let n = if let Some(c) = counters
                .iter_mut()
                .find(|c| c.0 == x.dept.name && c.1 == x.kind)
            {
                c.2 += 1;
                c.2
            } else {
                counters.push((x.dept.name, x.kind, 1));
                1
            };
            let prefix = x.dept.doc_prefix.trim_end_matches('发');
            format!("{prefix}{}〔2019〕{n}号", kind_word(x.kind))
        })
        .collect()
}

/// The enforcement table.
pub(crate) fn generate(ctx: &Ctx) -> Sheet {
    let mut decisions: Vec<Decision> = Vec::new();
    for d in DEPTS.iter().filter(|d| d.enforcement_total() > 0) {
        let mut rng = ctx.rng(&format!("enforcement/{}", d.name));
        for &(kind, count) in d.enforcement {
            for _ in 0..count {
                decisions.push(decision(ctx, &mut rng, d, kind));
            }
        }
    }
    decisions.sort_by_key(|x| (x.decided, x.dept.name, x.kind));
    let ids = numbered(&decisions);
    let mut sheet = Sheet::new(&HEADER);
    for (x, id) in decisions.iter().zip(&ids) {
        sheet.push(x.row(id), None);
    }
    plant(ctx, &mut sheet, &decisions, &ids);
    sheet
}

/// A planted decision.
fn fixed(name: &str, kind: &'static str, decided: Date, published: Date) -> Decision {
    Decision {
        dept: county::by_name(name),
        label: name.to_owned(),
        kind,
        decided,
        published: Some(published),
    }
}

/// Messy and edge rows, inserted latest first so positions stay valid.
fn plant(ctx: &Ctx, sheet: &mut Sheet, decisions: &[Decision], ids: &[String]) {
    let at = |date: Date| decisions.partition_point(|x| x.decided < date);
    let ymd = Date::from_ymd;
    let sep27 = ymd(2019, 9, 27);
    let plants = [
        (
            fixed(
                "旗市场监督管理局",
                "行政检查",
                ymd(2019, 11, 5),
                ymd(2019, 11, 12),
            ),
            "公示日期",
            "公示日期 \"2019/13/05\" is not a date: emptied, so unpublished (overdue)",
            Outcome::Warning,
            Some("2019/13/05"),
        ),
        (
            fixed(
                "旗交通运输局",
                "行政处罚",
                sep27,
                ctx.cal.add_workdays(sep27, 8),
            ),
            "公示日期",
            "处罚 decided 2019-09-27, published 2019-10-14: one working day late",
            Outcome::Accepted,
            None,
        ),
        (
            fixed(
                "旗市场监督管理局",
                "行政处罚",
                sep27,
                ctx.cal.add_workdays(sep27, 7),
            ),
            "公示日期",
            "处罚 decided 2019-09-27, published Saturday 2019-10-12 (调休 working day) = 7-working-day deadline: on time",
            Outcome::Accepted,
            None,
        ),
        (
            fixed("旗自然资源局", "", ymd(2019, 7, 16), ymd(2019, 7, 18)),
            "执法类别",
            "执法类别 empty (required)",
            Outcome::Rejected,
            None,
        ),
        (
            fixed("旗公安局", "行政处罚", ymd(2019, 3, 1), ymd(2019, 3, 5)),
            "作出决定日期",
            "作出决定日期 2019-02-29 is not a date (2019 is not a leap year)",
            Outcome::Rejected,
            Some("2019-02-29"),
        ),
    ];
    for (k, (x, column, note, outcome, text)) in plants.into_iter().enumerate() {
        let prefix = x.dept.doc_prefix.trim_end_matches('发');
        let mut row = x.row(&format!(
            "{prefix}{}〔2019〕{}号",
            kind_word(x.kind),
            901 + k
        ));
        if let Some(text) = text {
            let c = sheet.col(column);
            row[c] = Cell::text(text);
        }
        sheet.insert(at(x.decided), row, Plant::new(column, outcome, note));
    }
    let n = sheet.rows.len();
    sheet.insert(
        n * 2 / 5,
        vec![Cell::text(""); HEADER.len()],
        Plant::new(
            "决定书文号",
            Outcome::Skipped,
            "blank line (;;;;) inside the table",
        ),
    );
    let orig = decisions.len() * 3 / 4;
    let pos = sheet.find("决定书文号", &ids[orig]).unwrap_or(orig) + 4;
    let mut copy = decisions[orig].row(&ids[orig]);
    copy[1] = Cell::text(decisions[orig].dept.name);
    sheet.insert(
        pos,
        copy,
        Plant::duplicate(
            "决定书文号",
            ids[orig].clone(),
            "same 决定书文号 and department as an earlier row: duplicate",
        ),
    );
}
