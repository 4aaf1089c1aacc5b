//! 依申请公开登记.csv: the register of information requests, in GBK.
//!
//! About 400 applications. The 20-working-day clock starts at 收到申请日期
//! or, when a correction was asked for, at 收到补正日期; some are extended
//! by 20 days, some pause for a third-party consultation (征求意见工作日).
//! The register carries personal data (申请人姓名, 联系电话) that the
//! importer must drop, a title and a note line above the header, and a 合计
//! line at the end.

use super::disclosure::lag;
use super::{Cell, Ctx, Outcome, Plant, Sheet};
use crate::calendar::{Date, DateStyle};
use crate::county::{self, DEPTS, Dept};
use crate::rng::Rng;

/// Column headers.
const HEADER: [&str; 10] = [
    "申请编号",
    "申请人姓名",
    "联系电话",
    "受理机关",
    "收到申请日期",
    "收到补正日期",
    "是否延期",
    "征求意见工作日",
    "答复日期",
    "办理结果",
];

/// Surnames for the obviously fake applicant names (张某某).
const SURNAMES: &[&str] = &[
    "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "高", "郭", "马", "白", "苏", "乌",
    "巴",
];

/// Mobile prefixes for the masked phone numbers (138****0000).
const PHONE_PREFIXES: &[&str] = &[
    "138", "139", "150", "151", "186", "158", "137", "147", "152", "188", "135",
];

/// 办理结果 and their weights.
const RESULTS: &[(&str, u32)] = &[
    ("予以公开", 45),
    ("部分公开", 15),
    ("不予公开", 5),
    ("信息不存在", 15),
    ("非本机关负责公开", 8),
    ("不予处理", 5),
    ("其他处理", 7),
];

/// One application before it becomes a row.
#[derive(Debug)]
struct Application {
    dept: &'static Dept,
    label: String,
    name: String,
    phone: String,
    received: Date,
    corrected: Option<Date>,
    extended: String,
    excluded: String,
    replied: Option<Date>,
    result: &'static str,
}

impl Application {
    fn row(&self, id: &str) -> Vec<Cell> {
        let date =
            |d: Option<Date>| Cell::Text(d.map(|d| d.format(DateStyle::Slash)).unwrap_or_default());
        vec![
            Cell::text(id),
            Cell::text(&self.name),
            Cell::text(&self.phone),
            Cell::text(&self.label),
            date(Some(self.received)),
            date(self.corrected),
            Cell::text(&self.extended),
            Cell::text(&self.excluded),
            date(self.replied),
            Cell::text(self.result),
        ]
    }
}

/// A fake applicant: name and masked phone.
fn person(rng: &mut Rng) -> (String, String) {
    let given = if rng.chance(0.6) { "某某" } else { "某" };
    let name = format!("{}{given}", rng.pick(SURNAMES));
    let phone = format!("{}****{:04}", rng.pick(PHONE_PREFIXES), rng.below(10_000));
    (name, phone)
}

/// One application to `d`.
fn application(ctx: &Ctx, rng: &mut Rng, d: &'static Dept) -> Application {
    let p = ctx.pass_prob(d, "request_timeliness");
    let (name, phone) = person(rng);
    let received = if rng.chance(0.95) {
        ctx.workday(rng)
    } else {
        ctx.any_day(rng)
    };
    let corrected = rng
        .chance(0.12)
        .then(|| received.add_days(rng.range(3, 15) as i32))
        .filter(|&c| c <= ctx.as_of);
    let extended = rng.chance(0.10);
    let excluded = if rng.chance(0.06) {
        rng.range(5, 15) as u32
    } else {
        0
    };
    let limit = 20 + if extended { 20 } else { 0 } + excluded;
    let start = corrected.unwrap_or(received);
    let replied = if rng.chance(0.02) {
        None
    } else if extended && rng.chance(p) {
        Some(
            ctx.cal
                .add_workdays(start, rng.range(15, i64::from(limit)) as u32),
        )
    } else {
        Some(ctx.cal.add_workdays(start, lag(rng, p, limit, 15).max(2)))
    };
    let replied = ctx.known(replied);
    let result = if replied.is_some() {
        RESULTS[rng.weighted(&RESULTS.iter().map(|r| r.1).collect::<Vec<_>>())].0
    } else {
        "办理中"
    };
    Application {
        dept: d,
        label: Ctx::label(rng, d),
        name,
        phone,
        received,
        corrected,
        extended: match (extended, rng.chance(0.15)) {
            (true, _) => "是".to_owned(),
            (false, true) => String::new(),
            (false, false) => "否".to_owned(),
        },
        excluded: match (excluded, rng.chance(0.2)) {
            (0, true) => "0".to_owned(),
            (0, false) => String::new(),
            (n, _) => n.to_string(),
        },
        replied,
        result,
    }
}

/// A plain application to `name` answered after `days` working days.
fn simple(ctx: &Ctx, rng: &mut Rng, name: &str, received: Date, days: u32) -> Application {
    let (person, phone) = person(rng);
    Application {
        dept: county::by_name(name),
        label: name.to_owned(),
        name: person,
        phone,
        received,
        corrected: None,
        extended: "否".to_owned(),
        excluded: String::new(),
        replied: Some(ctx.cal.add_workdays(received, days)),
        result: "予以公开",
    }
}

/// The request register.
pub(crate) fn generate(ctx: &Ctx) -> Sheet {
    let mut apps: Vec<Application> = DEPTS
        .iter()
        .flat_map(|d| {
            let mut rng = ctx.rng(&format!("request/{}", d.name));
            (0..d.volume.request)
                .map(|_| application(ctx, &mut rng, d))
                .collect::<Vec<_>>()
        })
        .collect();
    apps.sort_by_key(|a| (a.received, a.dept.name));
    let mut sheet = Sheet::new(&HEADER);
    let pad = |text: &str| {
        let mut row = vec![Cell::text(text)];
        row.resize(HEADER.len(), Cell::text(""));
        row
    };
    sheet.preamble = vec![
        pad("鄂托克前旗2019年政府信息公开申请办理登记台账"),
        pad("填报单位：鄂托克前旗人民政府办公室（政务公开办）  统计截止：2019年12月31日"),
    ];
    for (i, app) in apps.iter().enumerate() {
        sheet.push(app.row(&format!("YSQ2019-{:03}", i + 1)), None);
    }
    plant(ctx, &mut ctx.rng("request/planted"), &mut sheet, &apps);
    sheet
}

/// Messy rows: a bad date, unparseable optional values, a duplicate id, a
/// spaced department name and the 合计 line.
fn plant(ctx: &Ctx, rng: &mut Rng, sheet: &mut Sheet, apps: &[Application]) {
    let n = apps.len();
    let mut row = simple(
        ctx,
        rng,
        "旗住房和城乡建设局",
        Date::from_ymd(2019, 2, 28),
        12,
    )
    .row("YSQ2019-901");
    row[4] = Cell::text("2019/2/30");
    sheet.insert(
        n / 10,
        row,
        Plant::new(
            "收到申请日期",
            Outcome::Rejected,
            "收到申请日期 2019/2/30 is not a date",
        ),
    );

    let mut app = simple(ctx, rng, "旗自然资源局", Date::from_ymd(2019, 4, 8), 14);
    "十五".clone_into(&mut app.excluded);
    sheet.insert(n / 4, app.row("YSQ2019-902"), Plant::new(
        "征求意见工作日",
        Outcome::Warning,
        "征求意见工作日 \"十五\" is not a number: emptied (answered in 14 working days, on time anyway)",
    ));

    let mut app = simple(ctx, rng, "旗农牧局", Date::from_ymd(2019, 6, 17), 9);
    "—".clone_into(&mut app.excluded);
    sheet.insert(
        n * 2 / 5,
        app.row("YSQ2019-903"),
        Plant::new(
            "征求意见工作日",
            Outcome::Warning,
            "征求意见工作日 \"—\" is not a number: emptied (on time anyway)",
        ),
    );

    let mut app = simple(
        ctx,
        rng,
        "旗人力资源和社会保障局",
        Date::from_ymd(2019, 8, 5),
        16,
    );
    "不详".clone_into(&mut app.extended);
    sheet.insert(
        n / 2,
        app.row("YSQ2019-904"),
        Plant::new(
            "是否延期",
            Outcome::Warning,
            "是否延期 \"不详\" is not yes/no: emptied (on time without extension anyway)",
        ),
    );

    let orig = n * 3 / 5;
    let id = format!("YSQ2019-{:03}", orig + 1);
    let pos = sheet.find("申请编号", &id).unwrap_or(orig) + 3;
    let mut copy = apps[orig].row(&id);
    copy[3] = Cell::text(apps[orig].dept.name);
    sheet.insert(
        pos,
        copy,
        Plant::duplicate(
            "申请编号",
            id,
            "same 申请编号 and department as an earlier row: duplicate",
        ),
    );

    let mut app = simple(ctx, rng, "旗自然资源局", Date::from_ymd(2019, 10, 8), 11);
    " 旗自然资源局\u{3000}".clone_into(&mut app.label);
    sheet.insert(
        n * 4 / 5,
        app.row("YSQ2019-905"),
        Plant::new(
            "受理机关",
            Outcome::Accepted,
            "受理机关 \" 旗自然资源局　\" (ASCII and full-width spaces): normalised",
        ),
    );

    let mut total = vec![Cell::text(""); HEADER.len()];
    total[3] = Cell::text("合计");
    total[9] = Cell::Text(format!("共{}件", sheet.data_rows()));
    let end = sheet.rows.len();
    sheet.insert(
        end,
        total,
        Plant::new(
            "受理机关",
            Outcome::Rejected,
            "合计 summary line at the end",
        ),
    );
}
