//! 网民留言.txt: citizen messages, as Excel saves "Unicode text"
//! (UTF-16 LE with BOM, tab-separated, CRLF).
//!
//! About 1,500 messages received at any hour of any day and answered within
//! five working days at the department's diligence. A few December messages
//! are still unanswered (overdue or pending at `as_of`). 昂素镇 has one
//! message never answered and one answered after more than three months:
//! the message veto (RULES §4 a).

use super::{Cell, Ctx, Outcome, Plant, Sheet};
use crate::calendar::{Date, Stamp};
use crate::county::{self, DEPTS, Dept};
use crate::rng::Rng;

/// Column headers (留言标题 is an extra column kept for display).
const HEADER: [&str; 6] = [
    "编号",
    "留言标题",
    "留言类型",
    "办理单位",
    "留言时间",
    "答复时间",
];

/// 留言类型, title template and weight.
const KINDS: &[(&str, &str, u32)] = &[
    ("咨询", "咨询{t}相关政策", 40),
    ("投诉", "投诉{t}方面的问题", 25),
    ("建议", "关于{t}的建议", 15),
    ("求助", "请求协调解决{t}相关困难", 12),
    ("举报", "举报{t}中的违规行为", 8),
];

/// One message before it becomes a row.
#[derive(Debug)]
struct Msg {
    label: String,
    title: String,
    kind: &'static str,
    received: Stamp,
    replied: Option<Stamp>,
    excel_style: bool,
}

impl Msg {
    fn row(&self, id: &str) -> Vec<Cell> {
        let show = |s: Stamp| {
            if self.excel_style {
                s.excel_minutes()
            } else {
                s.iso_seconds()
            }
        };
        vec![
            Cell::text(id),
            Cell::text(&self.title),
            Cell::text(self.kind),
            Cell::text(&self.label),
            Cell::Text(show(self.received)),
            Cell::Text(self.replied.map(show).unwrap_or_default()),
        ]
    }
}

/// A time of day, mostly office and evening hours.
fn time_of_day(rng: &mut Rng, date: Date) -> Stamp {
    let hour = [
        rng.range(8, 11),
        rng.range(12, 17),
        rng.range(18, 22),
        rng.range(0, 7),
    ][rng.weighted(&[40, 35, 20, 5])];
    Stamp::at(
        date,
        hour as u32,
        rng.range(0, 59) as u32,
        rng.range(0, 59) as u32,
    )
}

/// A message to `d` with a plausible reply.
fn message(ctx: &Ctx, rng: &mut Rng, d: &'static Dept) -> Msg {
    let p = ctx.pass_prob(d, "message_response");
    let (kind, template, _) = KINDS[rng.weighted(&KINDS.iter().map(|k| k.2).collect::<Vec<_>>())];
    let day = ctx.any_day(rng);
    let received = time_of_day(rng, day);
    let december = received.date().ymd().1 == 12;
    let replied = if december && rng.chance(0.06) {
        None
    } else {
        let a = rng.range(0, 5);
        let b = rng.range(0, 5);
        let days = if rng.chance(p) {
            a.min(b)
        } else {
            rng.range(6, 18)
        } as u32;
        Some(if days == 0 {
            received.add_minutes(rng.range(30, 300))
        } else {
            let date = ctx.cal.add_workdays(received.date(), days);
            Stamp::at(
                date,
                rng.range(8, 17) as u32,
                rng.range(0, 59) as u32,
                rng.range(0, 59) as u32,
            )
        })
    };
    let replied = replied.filter(|s| ctx.known(Some(s.date())).is_some());
    let topic = *rng.pick(d.topics);
    Msg {
        label: Ctx::label(rng, d),
        title: template.replace("{t}", topic),
        kind,
        received,
        replied,
        excel_style: rng.chance(0.1),
    }
}

/// A message to `name` at `received`, answered at `replied`.
fn fixed(name: &str, label: &str, received: Stamp, replied: Option<Stamp>) -> Msg {
    let d = county::by_name(name);
    Msg {
        label: label.to_owned(),
        title: format!("关于{}的咨询", d.topics[0]),
        kind: "咨询",
        received,
        replied,
        excel_style: false,
    }
}

/// Year, month, day, hour, minute.
type When = (i32, u32, u32, u32, u32);

/// A planted message.
#[derive(Debug)]
struct Planted {
    dept: &'static str,
    /// 办理单位 as written.
    label: &'static str,
    received: When,
    replied: Option<When>,
    column: &'static str,
    outcome: Outcome,
    note: &'static str,
    /// Text replacing the cell under `column`, if any.
    text: Option<&'static str>,
}

/// Planted messages, latest first so earlier insert positions stay valid.
const PLANTED: &[Planted] = &[
    Planted {
        dept: "旗民政局",
        label: "旗民政局",
        received: (2019, 12, 16, 15, 40),
        replied: None,
        column: "答复时间",
        outcome: Outcome::Warning,
        note: "答复时间 \"已答复\" is not a date-time: emptied, so the message is overdue",
        text: Some("已答复"),
    },
    Planted {
        dept: "旗住房和城乡建设局",
        label: "旗 住房和城乡建设局",
        received: (2019, 10, 9, 11, 5),
        replied: Some((2019, 10, 11, 9, 30)),
        column: "办理单位",
        outcome: Outcome::Accepted,
        note: "办理单位 \"旗 住房和城乡建设局\" (inner ASCII space): normalised",
        text: None,
    },
    Planted {
        dept: "城川镇",
        label: "城川镇\u{3000}",
        received: (2019, 8, 20, 9, 0),
        replied: Some((2019, 8, 21, 16, 0)),
        column: "办理单位",
        outcome: Outcome::Accepted,
        note: "办理单位 \"城川镇　\" (trailing full-width space): normalised",
        text: None,
    },
    Planted {
        dept: "昂素镇",
        label: "昂素镇",
        received: (2019, 7, 8, 10, 25),
        replied: None,
        column: "答复时间",
        outcome: Outcome::Accepted,
        note: "昂素镇 message never answered, 3-month limit 2019-10-08 passed: message veto",
        text: None,
    },
    Planted {
        dept: "旗公安局",
        label: "",
        received: (2019, 5, 6, 14, 0),
        replied: Some((2019, 5, 7, 10, 0)),
        column: "办理单位",
        outcome: Outcome::Rejected,
        note: "办理单位 empty (required)",
        text: None,
    },
    Planted {
        dept: "昂素镇",
        label: "昂素镇",
        received: (2019, 3, 11, 16, 12),
        replied: Some((2019, 6, 20, 10, 0)),
        column: "答复时间",
        outcome: Outcome::Accepted,
        note: "昂素镇 message answered 2019-06-20, after its 3-month limit 2019-06-11: message veto",
        text: None,
    },
    Planted {
        dept: "旗教育体育局",
        label: "旗教育体育局",
        received: (2019, 3, 1, 10, 0),
        replied: Some((2019, 3, 4, 10, 0)),
        column: "留言时间",
        outcome: Outcome::Rejected,
        note: "留言时间 \"2019-02-30 10:00:00\" is not a date",
        text: Some("2019-02-30 10:00:00"),
    },
];

/// The stamp of a [`When`].
fn stamp((y, mo, d, h, mi): When) -> Stamp {
    Stamp::at(Date::from_ymd(y, mo, d), h, mi, 0)
}

/// Inserts the [`PLANTED`] messages near their date.
fn plant(sheet: &mut Sheet, msgs: &[Msg]) {
    for (k, p) in PLANTED.iter().enumerate() {
        let received = stamp(p.received);
        let msg = fixed(p.dept, p.label, received, p.replied.map(stamp));
        let mut row = msg.row(&format!("LY2019{:05}", 90_001 + k));
        if let Some(text) = p.text {
            let c = sheet.col(p.column);
            row[c] = Cell::text(text);
        }
        let at = msgs.partition_point(|m| m.received.date() < received.date());
        sheet.insert(at, row, Plant::new(p.column, p.outcome, p.note));
    }
}

/// The message table.
pub(crate) fn generate(ctx: &Ctx) -> Sheet {
    let mut msgs: Vec<Msg> = DEPTS
        .iter()
        .flat_map(|d| {
            let mut rng = ctx.rng(&format!("message/{}", d.name));
            (0..d.volume.message)
                .map(|_| message(ctx, &mut rng, d))
                .collect::<Vec<_>>()
        })
        .collect();
    msgs.sort_by_key(|m| m.received);
    let mut sheet = Sheet::new(&HEADER);
    for (i, m) in msgs.iter().enumerate() {
        sheet.push(m.row(&format!("LY2019{:05}", i + 1)), None);
    }
    plant(&mut sheet, &msgs);
    let orig = msgs.len() * 2 / 3;
    let id = format!("LY2019{:05}", orig + 1);
    let pos = sheet.find("编号", &id).unwrap_or(orig) + 2;
    sheet.insert(
        pos,
        msgs[orig].row(&id),
        Plant::duplicate(
            "编号",
            id,
            "same 编号 and department as an earlier row: duplicate",
        ),
    );
    sheet
}
