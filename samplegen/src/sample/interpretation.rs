//! 政策解读.xlsx: interpretations of the policy documents.
//!
//! Most policy documents get an interpretation: published the same day
//! (三同步), one to three working days later, much later, or never, at the
//! department's diligence; some get a second, richer one. 发布日期 is a real
//! XLSX date cell, except for a few rows typed as text or as a bare serial
//! number, as clerks do.

use super::disclosure::PolicyDoc;
use super::{Cell, Ctx, Outcome, Plant, Sheet};
use crate::calendar::{Date, DateStyle};
use crate::county;
use crate::rng::Rng;

/// Column headers.
const HEADER: [&str; 5] = ["标题", "发布机构", "关联文件索引号", "发布日期", "解读形式"];

/// Forms that count as diversified (RULES §3 `interpretation_forms`).
const RICH: &[&str] = &[
    "图解",
    "视频解读",
    "在线问答",
    "新闻发布会",
    "动漫解读",
    "访谈",
    "音频解读",
    "图片解读",
];

/// Forms that do not.
const PLAIN: &[&str] = &["文字解读", "专家解读", "部门解读", "H5图文"];

/// One interpretation before it becomes a row.
#[derive(Debug)]
struct Interp {
    label: String,
    policy_id: String,
    published: Cell,
    sort_date: Date,
    form: &'static str,
    title: String,
    plant: Option<Plant>,
}

impl Interp {
    fn row(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.title),
            Cell::text(&self.label),
            Cell::text(&self.policy_id),
            self.published.clone(),
            Cell::text(self.form),
        ]
    }
}

/// The core of a policy title: the part inside 《》 if any.
fn core_title(title: &str) -> &str {
    match (title.find('《'), title.find('》')) {
        (Some(a), Some(b)) if a < b => &title[a + '《'.len_utf8()..b],
        _ => title,
    }
}

/// An interpretation of `doc` published on `date` in `form`.
fn interp(rng: &mut Rng, doc: &PolicyDoc, date: Date, form: &'static str) -> Interp {
    let core = core_title(&doc.title);
    let title = if RICH.contains(&form) {
        format!("【{}】{core}", form.trim_end_matches("解读"))
    } else {
        format!("《{core}》政策解读")
    };
    let dept = if doc.dept.name == "旗人民政府办公室" && rng.chance(0.15) {
        county::by_name("旗司法局")
    } else {
        doc.dept
    };
    Interp {
        label: Ctx::label(rng, dept),
        policy_id: doc.id.clone(),
        published: Cell::Date(date),
        sort_date: date,
        form,
        title,
        plant: None,
    }
}

/// The interpretations of one policy document (possibly none).
fn for_doc(ctx: &Ctx, rng: &mut Rng, doc: &PolicyDoc) -> Vec<Interp> {
    let d = doc.dept;
    let coverage = ctx.pass_prob(d, "interpretation_coverage");
    let sync = ctx.pass_prob(d, "interpretation_sync");
    let rich = (1.6 * ctx.pass_prob(d, "interpretation_forms") - 1.0).clamp(0.05, 0.6);
    if !rng.chance(coverage) {
        return Vec::new();
    }
    let r = rng.unit();
    let date = if r < sync {
        if rng.chance(0.05) {
            doc.published.add_days(-1)
        } else {
            doc.published
        }
    } else if r < sync + (1.0 - sync) / 2.0 {
        ctx.cal.add_workdays(doc.published, rng.range(1, 3) as u32)
    } else {
        ctx.cal.add_workdays(doc.published, rng.range(4, 30) as u32)
    };
    let form = if rng.chance(rich) {
        *rng.pick(RICH)
    } else {
        *rng.pick(PLAIN)
    };
    let mut out = vec![interp(rng, doc, date, form)];
    if rng.chance(0.12) {
        let later = ctx.cal.add_workdays(date, rng.range(1, 5) as u32);
        let second = *rng.pick(RICH);
        out.push(interp(rng, doc, later, second));
    }
    out
}

/// `text` with ASCII letters, digits and punctuation made full-width.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The interpretation table.
pub(crate) fn generate(ctx: &Ctx, policies: &[PolicyDoc]) -> Sheet {
    let mut items: Vec<Interp> = Vec::new();
    let mut uncovered = Vec::new();
    for doc in policies {
        let mut found = for_doc(
            ctx,
            &mut ctx.rng(&format!("interpretation/{}", doc.id)),
            doc,
        );
        // Nothing dated after `as_of`: a 2020 date would move the CLI's
        // default window (the last window date's year) to 2020.
        found.retain(|i| i.sort_date <= ctx.as_of);
        if found.is_empty() {
            uncovered.push(doc);
        }
        items.extend(found);
    }
    plant_valid(&mut items, &uncovered);
    items.sort_by(|a, b| (a.sort_date, &a.policy_id).cmp(&(b.sort_date, &b.policy_id)));
    let mut sheet = Sheet::new(&HEADER);
    sheet.preamble = vec![vec![Cell::text("鄂托克前旗2019年政策解读发布情况")]];
    for item in &mut items {
        sheet.push(item.row(), item.plant.take());
    }
    plant_rejected(&mut sheet, policies);
    sheet
}

/// Valid oddities: dates typed as text or a bare serial, a full-width
/// policy id, and an interpretation of a 2018 document.
fn plant_valid(items: &mut Vec<Interp>, uncovered: &[&PolicyDoc]) {
    let n = items.len();
    for (k, at) in [n / 6, n / 2].into_iter().enumerate() {
        let item = &mut items[at];
        let text = item.sort_date.format(if k == 0 {
            DateStyle::Chinese
        } else {
            DateStyle::Dot
        });
        item.published = Cell::Text(text.clone());
        item.plant = Some(Plant::new(
            "发布日期",
            Outcome::Accepted,
            format!("发布日期 typed as text \"{text}\", not a date cell"),
        ));
    }
    let item = &mut items[n * 3 / 4];
    let serial = item.sort_date.excel_serial();
    item.published = Cell::Number(f64::from(serial));
    item.plant = Some(Plant::new(
        "发布日期",
        Outcome::Accepted,
        format!(
            "发布日期 as a bare number cell {serial} (Excel serial = {})",
            item.sort_date.iso()
        ),
    ));
    if let Some(doc) = uncovered.iter().find(|d| d.published.ymd().1 <= 11) {
        let id = full_width(&doc.id);
        items.push(Interp {
            label: doc.dept.name.to_owned(),
            policy_id: id.clone(),
            published: Cell::Date(doc.published),
            sort_date: doc.published,
            form: "文字解读",
            title: format!("《{}》政策解读", core_title(&doc.title)),
            plant: Some(Plant::new(
                "关联文件索引号",
                Outcome::Accepted,
                format!("关联文件索引号 in full-width characters; NFKC gives {}, its only interpretation (same day)", doc.id),
            )),
        });
    }
    let d = county::by_name("旗发展和改革委员会");
    let date = Date::from_ymd(2019, 3, 15);
    items.push(Interp {
        label: d.name.to_owned(),
        policy_id: format!("{}/2018-00077", county::org_code(d)),
        published: Cell::Date(date),
        sort_date: date,
        form: "图解",
        title: "【图解】鄂托克前旗社会信用体系建设规划（2018—2020年）".to_owned(),
        plant: Some(Plant::new(
            "关联文件索引号",
            Outcome::Accepted,
            "links a 2018 document absent from the catalogue: covers nothing, still counts for 多样化解读",
        )),
    });
}

/// Rows the importer must reject.
fn plant_rejected(sheet: &mut Sheet, policies: &[PolicyDoc]) {
    let n = sheet.rows.len();
    let doc = &policies[policies.len() / 3];
    sheet.insert(
        n / 3,
        vec![
            Cell::Text(format!("《{}》政策解读", core_title(&doc.title))),
            Cell::text(doc.dept.name),
            Cell::text(""),
            Cell::Date(doc.published),
            Cell::text("文字解读"),
        ],
        Plant::new(
            "关联文件索引号",
            Outcome::Rejected,
            "关联文件索引号 empty (required)",
        ),
    );
    let doc = &policies[policies.len() * 2 / 3];
    sheet.insert(
        n * 2 / 3,
        vec![
            Cell::Text(format!("【图解】{}", core_title(&doc.title))),
            Cell::text(doc.dept.name),
            Cell::text(&doc.id),
            Cell::text("2019-02-30"),
            Cell::text("图解"),
        ],
        Plant::new(
            "发布日期",
            Outcome::Rejected,
            "发布日期 text \"2019-02-30\" is not a date",
        ),
    );
}
