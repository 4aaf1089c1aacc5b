//! 网站栏目.csv: the website columns of each department and when each was
//! last updated, judged at `as_of` = 2019-12-31.
//!
//! 动态/要闻 columns are fresh when updated on or after 2019-12-17, the
//! others on or after 2019-06-30 (RULES §3). Each department keeps at most
//! four stale columns except 旗能源局, which has six: the column veto.

use super::disclosure::style;
use super::{Cell, Ctx, Outcome, Plant, Sheet};
use crate::calendar::Date;
use crate::county::{DEPTS, Dept, Group, Veto};
use crate::rng::Rng;

/// Column headers.
const HEADER: [&str; 4] = ["主办单位", "栏目名称", "栏目类型", "最近更新"];

/// Columns of the government office, most important first.
const OFFICE: &[(&str, &str)] = &[
    ("要闻", "要闻"),
    ("工作动态", "工作动态"),
    ("通知公告", "通知公告"),
    ("政府常务会议", "会议公开"),
    ("政策文件", "政策文件"),
    ("政策解读", "政策解读"),
    ("财政预决算", "财政预决算"),
    ("人事信息", "人事信息"),
    ("建议提案办理", "建议提案"),
    ("政府信息公开年报", "年度报告"),
    ("重大建设项目", "重点领域"),
    ("公共资源配置", "重点领域"),
];

/// Columns of a banner department.
const BANNER: &[(&str, &str)] = &[
    ("工作动态", "工作动态"),
    ("通知公告", "通知公告"),
    ("政策文件", "政策文件"),
    ("部门预决算", "财政预决算"),
    ("政策解读", "政策解读"),
    ("政府信息公开年报", "年度报告"),
    ("人事信息", "人事信息"),
    ("建议提案办理", "建议提案"),
    ("规划计划", "规划计划"),
];

/// Columns of a town.
const TOWN: &[(&str, &str)] = &[
    ("镇务动态", "工作动态"),
    ("通知公告", "通知公告"),
    ("政策文件", "政策文件"),
    ("村务公开", "重点领域"),
    ("脱贫攻坚", "重点领域"),
    ("财政预决算", "财政预决算"),
    ("政府信息公开年报", "年度报告"),
    ("人事信息", "人事信息"),
];

/// A column whose last update sits on a freshness boundary.
#[derive(Debug)]
struct Edge {
    dept: &'static str,
    /// Index in the department's column list.
    index: usize,
    updated: Date,
    note: &'static str,
}

/// Deadline-edge dates.
const EDGES: &[Edge] = &[
    Edge {
        dept: "旗司法局",
        index: 0,
        updated: Date::from_ymd(2019, 12, 17),
        note: "工作动态 updated 2019-12-17 = as_of − 14 days: fresh",
    },
    Edge {
        dept: "旗审计局",
        index: 0,
        updated: Date::from_ymd(2019, 12, 16),
        note: "工作动态 updated 2019-12-16: stale by one day",
    },
    Edge {
        dept: "旗财政局",
        index: 1,
        updated: Date::from_ymd(2019, 6, 30),
        note: "通知公告 updated 2019-06-30 = as_of − 6 months: fresh",
    },
    Edge {
        dept: "旗统计局",
        index: 1,
        updated: Date::from_ymd(2019, 6, 29),
        note: "通知公告 updated 2019-06-29: stale by one day",
    },
];

/// Whether a column type must be updated every two weeks.
fn dynamic(kind: &str) -> bool {
    kind.contains("动态") || kind.contains("要闻")
}

/// How many of `n` columns of `d` are stale.
fn stale_count(d: &Dept, n: usize) -> usize {
    if d.veto == Veto::Columns {
        6.min(n)
    } else {
        (((1.0 - d.quality) * n as f64 + 0.5) as usize).min(4)
    }
}

/// A last-update date: fresh or stale for the column's kind.
fn updated(ctx: &Ctx, rng: &mut Rng, kind: &str, fresh: bool) -> Option<Date> {
    let back = match (dynamic(kind), fresh) {
        (true, true) => rng.range(0, 14),
        (true, false) => rng.range(15, 150),
        (false, true) => rng.range(0, 184),
        (false, false) if rng.chance(0.2) => return None,
        (false, false) => rng.range(185, 700),
    };
    Some(ctx.as_of.add_days(-(back as i32)))
}

/// The columns of one department.
fn dept_rows(ctx: &Ctx, rng: &mut Rng, sheet: &mut Sheet, d: &'static Dept) {
    let list = if d.name == "旗人民政府办公室" {
        OFFICE
    } else if d.group == Group::Town {
        TOWN
    } else {
        BANNER
    };
    let n = (d.volume.columns as usize).min(list.len());
    let mut order: Vec<usize> = (0..n).collect();
    for i in 0..n {
        let j = i + rng.below((n - i) as u64) as usize;
        order.swap(i, j);
    }
    let stale: Vec<usize> = order[..stale_count(d, n)].to_vec();
    for (i, &(name, kind)) in list.iter().take(n).enumerate() {
        let edge = EDGES.iter().find(|e| e.dept == d.name && e.index == i);
        let (date, plant) = match edge {
            Some(e) => (
                Some(e.updated),
                Some(Plant::new("最近更新", Outcome::Accepted, e.note)),
            ),
            None => (updated(ctx, rng, kind, !stale.contains(&i)), None),
        };
        let date = date.map(|x| x.format(style(rng))).unwrap_or_default();
        let row = vec![
            Cell::Text(Ctx::label(rng, d)),
            Cell::text(name),
            Cell::text(kind),
            Cell::Text(date),
        ];
        sheet.push(row, plant);
    }
}

/// The column table.
pub(crate) fn generate(ctx: &Ctx) -> Sheet {
    let mut sheet = Sheet::new(&HEADER);
    for d in DEPTS.iter().filter(|d| d.volume.columns > 0) {
        dept_rows(
            ctx,
            &mut ctx.rng(&format!("column/{}", d.name)),
            &mut sheet,
            d,
        );
        match d.name {
            "旗司法局" => sheet.push(
                vec![
                    Cell::text(d.name),
                    Cell::text("机构职能"),
                    Cell::text("机构信息"),
                    Cell::text("2019-06-31"),
                ],
                Some(Plant::new(
                    "最近更新",
                    Outcome::Warning,
                    "最近更新 2019-06-31 is not a date: emptied, so never fresh",
                )),
            ),
            "旗民政局" => sheet.push(
                vec![
                    Cell::text(d.name),
                    Cell::text(""),
                    Cell::text("通知公告"),
                    Cell::text("2019-12-20"),
                ],
                Some(Plant::new(
                    "栏目名称",
                    Outcome::Rejected,
                    "栏目名称 empty (required)",
                )),
            ),
            _ => {}
        }
    }
    sheet
}
