//! 政务舆情.json: public-opinion events, a JSON array of objects.
//!
//! About 120 events found at any hour. The first response is due within
//! 48 hours, or 5 hours when the level contains 重大 (RULES §3), and comes
//! at the department's diligence; a few are never answered (`null`).

use super::disclosure::lag;
use super::{Cell, Ctx, Outcome, Plant, Sheet};
use crate::calendar::{Date, Stamp};
use crate::county::{self, DEPTS, Dept};
use crate::rng::Rng;

/// Keys in object order.
const HEADER: [&str; 6] = [
    "舆情编号",
    "涉事部门",
    "发现时间",
    "事件等级",
    "首次回应时间",
    "标题",
];

/// Title templates (`{t}` topic).
const TITLES: &[&str] = &[
    "网传{t}相关问题引发关注",
    "群众在网上反映{t}问题",
    "自媒体发布{t}不实信息",
    "网民质疑{t}工作",
];

/// One event before it becomes a row.
#[derive(Debug)]
struct Event {
    label: String,
    found: Stamp,
    level: &'static str,
    responded: Option<Stamp>,
    title: String,
}

impl Event {
    fn row(&self, id: &str) -> Vec<Cell> {
        vec![
            Cell::text(id),
            Cell::text(&self.label),
            Cell::Text(self.found.iso_minutes()),
            Cell::text(self.level),
            self.responded
                .map_or(Cell::Empty, |s| Cell::Text(s.iso_minutes())),
            Cell::text(&self.title),
        ]
    }
}

/// Response deadline in minutes for `level`.
fn limit_minutes(level: &str) -> i64 {
    if level.contains("重大") {
        5 * 60
    } else {
        48 * 60
    }
}

/// An event of `d`.
fn event(ctx: &Ctx, rng: &mut Rng, d: &'static Dept) -> Event {
    let p = ctx.pass_prob(d, "opinion_response");
    let level = ["一般", "较大", "重大"][rng.weighted(&[80, 15, 5])];
    let found = Stamp::at(
        ctx.any_day(rng),
        rng.range(0, 23) as u32,
        rng.range(0, 59) as u32,
        0,
    );
    let limit = limit_minutes(level);
    let responded = if rng.chance(0.03) {
        None
    } else {
        // Minutes in 20-minute steps, so lag's skew applies.
        let steps = lag(rng, p, (limit / 20) as u32, 144);
        Some(found.add_minutes(i64::from(steps.max(1)) * 20 - rng.range(0, 19)))
    };
    let responded = responded.filter(|s| ctx.known(Some(s.date())).is_some());
    let template = *rng.pick(TITLES);
    let topic = *rng.pick(d.topics);
    Event {
        label: Ctx::label(rng, d),
        found,
        level,
        responded,
        title: template.replace("{t}", topic),
    }
}

/// A planted event.
fn fixed(name: &str, found: Stamp, level: &'static str, minutes: Option<i64>) -> Event {
    let d = county::by_name(name);
    Event {
        label: name.to_owned(),
        found,
        level,
        responded: minutes.map(|m| found.add_minutes(m)),
        title: TITLES[0].replace("{t}", d.topics[0]),
    }
}

/// Year, month, day, hour, minute.
type When = (i32, u32, u32, u32, u32);

/// A planted event.
#[derive(Debug)]
struct Planted {
    dept: &'static str,
    found: When,
    level: &'static str,
    /// Minutes from discovery to the first response.
    minutes: Option<i64>,
    column: &'static str,
    outcome: Outcome,
    note: &'static str,
    /// Text replacing the cell under `column`, if any.
    text: Option<&'static str>,
}

/// Planted events, latest first so earlier insert positions stay valid.
const PLANTED: &[Planted] = &[
    Planted {
        dept: "旗住房和城乡建设局",
        found: (2019, 10, 30, 9, 0),
        level: "一般",
        minutes: Some(48 * 60),
        column: "首次回应时间",
        outcome: Outcome::Accepted,
        note: "一般 event answered exactly 48:00 later: on time",
        text: None,
    },
    Planted {
        dept: "旗城市管理综合执法局",
        found: (2019, 9, 3, 18, 20),
        level: "较大",
        minutes: Some(20 * 60),
        column: "首次回应时间",
        outcome: Outcome::Warning,
        note: "首次回应时间 \"尚未回应\" is not a date-time: emptied, so overdue",
        text: Some("尚未回应"),
    },
    Planted {
        dept: "旗应急管理局",
        found: (2019, 8, 14, 2, 10),
        level: "特别重大",
        minutes: Some(4 * 60 + 59),
        column: "首次回应时间",
        outcome: Outcome::Accepted,
        note: "特别重大 (contains 重大) answered 4:59 later: on time under the 5-hour rule",
        text: None,
    },
    Planted {
        dept: "旗公安局",
        found: (2019, 5, 21, 21, 40),
        level: "重大",
        minutes: Some(5 * 60 + 1),
        column: "首次回应时间",
        outcome: Outcome::Accepted,
        note: "重大 event answered 5:01 later, across midnight: late",
        text: None,
    },
    Planted {
        dept: "旗卫生健康委员会",
        found: (2019, 4, 2, 8, 45),
        level: "",
        minutes: Some(6 * 60),
        column: "事件等级",
        outcome: Outcome::Rejected,
        note: "事件等级 empty (required)",
        text: None,
    },
    Planted {
        dept: "旗市场监督管理局",
        found: (2019, 3, 1, 9, 0),
        level: "一般",
        minutes: Some(3 * 60),
        column: "发现时间",
        outcome: Outcome::Rejected,
        note: "发现时间 \"2019-02-30 09:00\" is not a date",
        text: Some("2019-02-30 09:00"),
    },
];

/// Inserts the [`PLANTED`] events near their date.
fn plant(sheet: &mut Sheet, events: &[Event]) {
    for (k, p) in PLANTED.iter().enumerate() {
        let (y, mo, d, h, mi) = p.found;
        let found = Stamp::at(Date::from_ymd(y, mo, d), h, mi, 0);
        let event = fixed(p.dept, found, p.level, p.minutes);
        let mut row = event.row(&format!("YQ2019-{:03}", 901 + k));
        if let Some(text) = p.text {
            let c = sheet.col(p.column);
            row[c] = Cell::text(text);
        }
        let at = events.partition_point(|e| e.found.date() < found.date());
        sheet.insert(at, row, Plant::new(p.column, p.outcome, p.note));
    }
}

/// The opinion table.
pub(crate) fn generate(ctx: &Ctx) -> Sheet {
    let mut events: Vec<Event> = DEPTS
        .iter()
        .flat_map(|d| {
            let mut rng = ctx.rng(&format!("opinion/{}", d.name));
            (0..d.volume.opinion)
                .map(|_| event(ctx, &mut rng, d))
                .collect::<Vec<_>>()
        })
        .collect();
    events.sort_by_key(|e| e.found);
    let mut sheet = Sheet::new(&HEADER);
    for (i, e) in events.iter().enumerate() {
        sheet.push(e.row(&format!("YQ2019-{:03}", i + 1)), None);
    }
    plant(&mut sheet, &events);
    let orig = events.len() / 2;
    let id = format!("YQ2019-{:03}", orig + 1);
    let pos = sheet.find("舆情编号", &id).unwrap_or(orig) + 2;
    sheet.insert(
        pos,
        events[orig].row(&id),
        Plant::duplicate(
            "舆情编号",
            id,
            "same 舆情编号 and department as an earlier event: duplicate",
        ),
    );
    sheet
}
