//! 主动公开目录.csv: the catalogue of proactively disclosed items.
//!
//! About 2,500 items formed on 2019 working days and published within 20
//! working days at the department's diligence (later otherwise), so
//! deadlines cross 春节 and 国庆 naturally. About 8% are policy documents,
//! flagged by 是否需解读 = 是 or, with the flag left empty, by a 主题分类
//! naming 规范性文件/政策文件. Newest first, like a CMS export, under a
//! title line and a blank line.

use super::{Cell, Ctx, Outcome, Plant, Sheet};
use crate::calendar::{Date, DateStyle};
use crate::county::{self, DEPTS, Dept, Group};
use crate::rng::Rng;

/// Column headers.
const HEADER: [&str; 8] = [
    "索引号",
    "标题",
    "文号",
    "发布机构",
    "成文日期",
    "发布日期",
    "主题分类",
    "是否需解读",
];

/// Title templates of policy documents (`{t}` topic).
const POLICY_TITLES: &[&str] = &[
    "关于印发《鄂托克前旗{t}实施方案》的通知",
    "关于印发《鄂托克前旗{t}管理办法（试行）》的通知",
    "关于进一步加强{t}工作的实施意见",
    "鄂托克前旗{t}工作方案（2019—2020年）",
];

/// Title templates of other items (`{d}` department, `{t}` topic, `{m}` month).
const ITEM_TITLES: &[&str] = &[
    "{d}关于开展{t}专项检查的通知",
    "{d}召开{t}工作推进会",
    "关于{t}有关事项的公告",
    "关于2019年{t}情况的公示",
    "{d}{m}月份{t}工作进展情况",
    "关于做好{t}工作的通知",
    "{d}扎实推进{t}工作",
    "关于开展\"{t}\"宣传月活动的通知",
];

/// A policy document of the catalogue, for the interpretation table.
#[derive(Debug, Clone)]
pub(crate) struct PolicyDoc {
    /// 索引号.
    pub id: String,
    /// Issuing department.
    pub dept: &'static Dept,
    /// 标题.
    pub title: String,
    /// 发布日期.
    pub published: Date,
}

/// One catalogue item before it becomes a row.
#[derive(Debug, Clone)]
struct Item {
    dept: &'static Dept,
    label: String,
    id: String,
    title: String,
    doc_no: String,
    formed: Date,
    published: Date,
    formed_style: DateStyle,
    published_style: DateStyle,
    category: String,
    needs: String,
    policy: bool,
    plant: Option<Plant>,
}

impl Item {
    fn row(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.id),
            Cell::text(&self.title),
            Cell::text(&self.doc_no),
            Cell::text(&self.label),
            Cell::Text(self.formed.format(self.formed_style)),
            Cell::Text(self.published.format(self.published_style)),
            Cell::text(&self.category),
            Cell::text(&self.needs),
        ]
    }
}

/// A date spelling: mostly ISO, sometimes as Excel or a clerk writes it.
pub(crate) fn style(rng: &mut Rng) -> DateStyle {
    [
        DateStyle::Iso,
        DateStyle::Slash,
        DateStyle::Chinese,
        DateStyle::Compact,
    ][rng.weighted(&[70, 12, 10, 8])]
}

/// Working days from clock start to completion: within `limit` with
/// probability `p` (skewed early), else 1..=`late_max` days beyond.
pub(crate) fn lag(rng: &mut Rng, p: f64, limit: u32, late_max: u32) -> u32 {
    if rng.chance(p) {
        let a = rng.range(0, i64::from(limit));
        let b = rng.range(0, i64::from(limit));
        a.min(b) as u32
    } else {
        limit + rng.range(1, i64::from(late_max)) as u32
    }
}

/// `template` with `{d}`, `{t}` and `{m}` filled in.
fn fill(template: &str, d: &Dept, topic: &str, month: u32) -> String {
    template
        .replace("{d}", d.name)
        .replace("{t}", topic)
        .replace("{m}", &month.to_string())
}

/// 是/否 with an occasional Y/N or 1/0.
fn yes_no(rng: &mut Rng, yes: bool) -> String {
    let pair = [("是", "否"), ("Y", "N"), ("1", "0")][rng.weighted(&[96, 2, 2])];
    (if yes { pair.0 } else { pair.1 }).to_owned()
}

/// Share of a department's items that are policy documents.
fn policy_share(d: &Dept) -> f64 {
    if d.name == "旗人民政府办公室" {
        0.15
    } else if d.group == Group::Town {
        0.04
    } else {
        0.08
    }
}

/// Formation dates and fixed titles of one department's items: the annual
/// report, the budget and the final accounts, then random working days.
fn formation(ctx: &Ctx, rng: &mut Rng, d: &Dept) -> Vec<(Date, Option<String>)> {
    let n = d.volume.disclosure as usize;
    let mut out = Vec::with_capacity(n);
    let fixed = [
        (
            Date::from_ymd(2019, 1, 14),
            rng.range(0, 8),
            format!("{}2018年政府信息公开工作年度报告", d.name),
        ),
        (
            Date::from_ymd(2019, 2, 18),
            rng.range(0, 15),
            format!("{}2019年部门预算公开", d.name),
        ),
        (
            Date::from_ymd(2019, 8, 12),
            rng.range(0, 15),
            format!("{}2018年度部门决算公开", d.name),
        ),
    ];
    for (start, offset, title) in fixed.into_iter().take(n) {
        out.push((ctx.cal.add_workdays(start, offset as u32), Some(title)));
    }
    while out.len() < n {
        out.push((ctx.workday(rng), None));
    }
    out.sort();
    out
}

/// The items of one department, in formation order.
fn dept_items(ctx: &Ctx, rng: &mut Rng, d: &'static Dept) -> Vec<Item> {
    let p = ctx.pass_prob(d, "disclosure_timeliness");
    let org = county::org_code(d);
    let mut doc_counter = 0;
    let mut items = Vec::new();
    for (seq, (formed, fixed_title)) in formation(ctx, rng, d).into_iter().enumerate() {
        let policy = fixed_title.is_none() && rng.chance(policy_share(d));
        let topic = *rng.pick(d.topics);
        let (_, month, _) = formed.ymd();
        let title = fixed_title.unwrap_or_else(|| {
            let templates = if policy { POLICY_TITLES } else { ITEM_TITLES };
            let template = *rng.pick(templates);
            fill(template, d, topic, month)
        });
        let doc_no = if policy || rng.chance(0.35) {
            doc_counter += 1;
            let prefix = if d.name == "旗人民政府办公室" && policy && rng.chance(0.5) {
                "鄂前政发"
            } else {
                d.doc_prefix
            };
            format!("{prefix}〔2019〕{doc_counter}号")
        } else {
            String::new()
        };
        let (category, needs) = if policy {
            if rng.chance(0.75) {
                (d.theme.to_owned(), yes_no(rng, true))
            } else {
                let by_kind = [
                    "规范性文件".to_owned(),
                    "政策文件".to_owned(),
                    format!("{}/规范性文件", d.theme),
                ];
                (rng.pick(&by_kind).clone(), String::new())
            }
        } else {
            match rng.weighted(&[85, 12, 3]) {
                0 => (d.theme.to_owned(), yes_no(rng, false)),
                1 => (d.theme.to_owned(), String::new()),
                _ => ("规范性文件".to_owned(), "否".to_owned()),
            }
        };
        let days = lag(rng, p, 20, 25);
        items.push(Item {
            dept: d,
            label: Ctx::label(rng, d),
            id: format!("{org}/2019-{:05}", seq + 1),
            title,
            doc_no,
            formed,
            published: ctx.cal.add_workdays(formed, days),
            formed_style: style(rng),
            published_style: style(rng),
            category,
            needs,
            policy,
            plant: None,
        });
    }
    items
}

/// A plain, on-time, non-policy item of `d` for planting.
fn planted_item(d: &'static Dept, seq: u32, formed: Date, published: Date) -> Item {
    Item {
        dept: d,
        label: d.name.to_owned(),
        id: format!("{}/2019-{seq:05}", county::org_code(d)),
        title: format!("{}关于{}工作情况的通报", d.name, d.topics[0]),
        doc_no: String::new(),
        formed,
        published,
        formed_style: DateStyle::Iso,
        published_style: DateStyle::Iso,
        category: d.theme.to_owned(),
        needs: "否".to_owned(),
        policy: false,
        plant: None,
    }
}

/// Deadline-edge rows that are valid and sorted in with the others.
fn edge_items(ctx: &Ctx) -> Vec<Item> {
    let sep20 = Date::from_ymd(2019, 9, 20);
    let jan25 = Date::from_ymd(2019, 1, 25);
    let cases = [
        (
            "旗人民政府办公室",
            sep20,
            ctx.cal.add_workdays(sep20, 20),
            "formed 2019-09-20, published 2019-10-23 = deadline across 国庆 (RULES §2 example): on time",
        ),
        (
            "旗发展和改革委员会",
            sep20,
            ctx.cal.add_workdays(sep20, 21),
            "formed 2019-09-20, published 2019-10-24: one working day late",
        ),
        (
            "旗财政局",
            jan25,
            ctx.cal.add_workdays(jan25, 20),
            "formed 2019-01-25, published 2019-02-27 (33 calendar days) = deadline across 春节 and its 调休 weekend: on time",
        ),
    ];
    cases
        .into_iter()
        .enumerate()
        .map(|(i, (name, formed, published, note))| {
            let mut item = planted_item(county::by_name(name), 9001 + i as u32, formed, published);
            item.plant = Some(Plant::new("发布日期", Outcome::Accepted, note));
            item
        })
        .collect()
}

/// The catalogue and its policy documents.
pub(crate) fn generate(ctx: &Ctx) -> (Sheet, Vec<PolicyDoc>) {
    let mut items: Vec<Item> = DEPTS
        .iter()
        .filter(|d| d.volume.disclosure > 0)
        .flat_map(|d| dept_items(ctx, &mut ctx.rng(&format!("disclosure/{}", d.name)), d))
        // Not yet published at the export date: not in the catalogue. Policy
        // documents are cut at `as_of`, because their 发布日期 is a window
        // date and one in 2020 would move the CLI's default window there.
        .filter(|i| {
            ctx.known(Some(i.published)).is_some() && (!i.policy || i.published <= ctx.as_of)
        })
        .collect();
    items.extend(edge_items(ctx));
    items.sort_by(|a, b| (b.published, &b.id).cmp(&(a.published, &a.id)));
    let policies = items
        .iter()
        .filter(|i| i.policy)
        .map(|i| PolicyDoc {
            id: i.id.clone(),
            dept: i.dept,
            title: i.title.clone(),
            published: i.published,
        })
        .collect();
    let mut sheet = Sheet::new(&HEADER);
    sheet.preamble = vec![
        vec![Cell::text("鄂托克前旗2019年政府信息主动公开目录（导出）")],
        vec![],
    ];
    for item in &items {
        sheet.push(item.row(), item.plant.clone());
    }
    plant_messy(&mut sheet, &items);
    (sheet, policies)
}

/// The first item of `dept` written with its official name at or after
/// position `from`, not planted.
fn original<'a>(items: &'a [Item], dept: &str, from: usize) -> (usize, &'a Item) {
    items
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, i)| i.dept.name == dept && i.label == dept && i.plant.is_none())
        .unwrap_or((0, &items[0]))
}

/// Year, month, day.
type Ymd = (i32, u32, u32);

/// A planted catalogue row: an item of `dept` with cells replaced.
#[derive(Debug)]
struct Planted {
    dept: &'static str,
    seq: u32,
    formed: Ymd,
    published: Ymd,
    /// (column index, text) replacements.
    cells: &'static [(usize, &'static str)],
    /// Insert position as a fraction (numerator, denominator) of the rows.
    at: (usize, usize),
    column: &'static str,
    outcome: Outcome,
    note: &'static str,
}

/// Messy rows: bad dates, a missing department, an unknown yes/no and a
/// department name with a full-width space.
const PLANTED: &[Planted] = &[
    Planted {
        dept: "旗民政局",
        seq: 9101,
        formed: (2019, 2, 28),
        published: (2019, 3, 6),
        cells: &[(4, "2019-02-30")],
        at: (1, 20),
        column: "成文日期",
        outcome: Outcome::Rejected,
        note: "成文日期 2019-02-30 is not a date",
    },
    Planted {
        dept: "旗交通运输局",
        seq: 9102,
        formed: (2019, 11, 20),
        published: (2019, 11, 29),
        cells: &[(5, "2019/11/31")],
        at: (1, 8),
        column: "发布日期",
        outcome: Outcome::Rejected,
        note: "发布日期 2019/11/31 is not a date",
    },
    Planted {
        dept: "旗水利局",
        seq: 9103,
        formed: (2019, 6, 10),
        published: (2019, 6, 12),
        cells: &[(3, "")],
        at: (1, 5),
        column: "发布机构",
        outcome: Outcome::Rejected,
        note: "发布机构 empty (required)",
    },
    Planted {
        dept: "旗统计局",
        seq: 9104,
        formed: (2019, 5, 13),
        published: (2019, 5, 20),
        cells: &[(6, "规范性文件"), (7, "待定")],
        at: (1, 3),
        column: "是否需解读",
        outcome: Outcome::Warning,
        note: "是否需解读 \"待定\" is not yes/no: emptied, so 主题分类 规范性文件 makes it a policy document (no interpretation exists)",
    },
    Planted {
        dept: "旗财政局",
        seq: 9105,
        formed: (2019, 7, 1),
        published: (2019, 7, 3),
        cells: &[(3, "旗\u{3000}财政局")],
        at: (1, 2),
        column: "发布机构",
        outcome: Outcome::Accepted,
        note: "\"旗　财政局\" (full-width space): normalised to 旗财政局",
    },
];

/// Inserts the [`PLANTED`] rows, then the duplicates.
fn plant_messy(sheet: &mut Sheet, items: &[Item]) {
    let n = items.len();
    let ymd = |(y, m, d): Ymd| Date::from_ymd(y, m, d);
    for p in PLANTED {
        let item = planted_item(
            county::by_name(p.dept),
            p.seq,
            ymd(p.formed),
            ymd(p.published),
        );
        let mut row = item.row();
        for &(c, text) in p.cells {
            row[c] = Cell::text(text);
        }
        sheet.insert(
            n * p.at.0 / p.at.1,
            row,
            Plant::new(p.column, p.outcome, p.note),
        );
    }
    plant_duplicates(sheet, items);
}

/// Two duplicates (one through an alias) and a same-id row of another
/// department, each shortly after its original.
fn plant_duplicates(sheet: &mut Sheet, items: &[Item]) {
    let n = items.len();
    for (dept, label, at, note) in [
        (
            "旗农牧局",
            "旗农牧局",
            n * 3 / 5,
            "same 索引号 and department as an earlier row: duplicate",
        ),
        (
            "旗教育体育局",
            "教体局",
            n * 7 / 10,
            "same 索引号 as an earlier 旗教育体育局 row, written with alias 教体局: duplicate after alias mapping",
        ),
    ] {
        let (i, orig) = original(items, dept, at.saturating_sub(60));
        let mut copy = orig.clone();
        label.clone_into(&mut copy.label);
        copy.published_style = DateStyle::Slash;
        let pos = sheet.find("索引号", &copy.id).unwrap_or(i) + 17;
        sheet.insert(
            pos,
            copy.row(),
            Plant::duplicate("索引号", copy.id.clone(), note),
        );
    }
    let (i, orig) = original(items, "旗司法局", n * 4 / 5);
    let mut other = planted_item(county::by_name("旗民政局"), 0, orig.formed, orig.published);
    other.id.clone_from(&orig.id);
    let pos = sheet.find("索引号", &orig.id).unwrap_or(i) + 5;
    sheet.insert(
        pos,
        other.row(),
        Plant::new(
            "索引号",
            Outcome::Accepted,
            "same 索引号 as an earlier 旗司法局 row but another department (旗民政局): not a duplicate",
        )
        .same_as("索引号", orig.id.clone()),
    );
}
