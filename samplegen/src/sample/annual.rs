//! What the annual-report tables (年报, RULES §7) need beyond the scored
//! year: applicant types and the form's outcome wording on requests,
//! requests carried over from 2018, 废止日期 and documents of earlier
//! years, a 复议诉讼 ledger and a 行政事业性收费 ledger.
//!
//! Everything here draws from its own random streams and adds only rows
//! dated before 2019 or of kinds that are not scored, so the 2019 scores
//! of the sample are those of the eight scored exports alone. One row of
//! each finding kind of RULES §7 is planted and named in the README.

use super::{Cell, Ctx, Outcome, Plant, Sheet};
use crate::calendar::{Date, DateStyle};
use crate::county::{self, DEPTS, Group};
use crate::rng::Rng;

/// 申请人类型 as offices write them, with weights.
const TYPES: &[(&str, u32)] = &[
    ("自然人", 62),
    ("个人", 10),
    ("商业企业", 8),
    ("公司", 4),
    ("科研机构", 2),
    ("社会公益组织", 3),
    ("法律服务机构", 3),
    ("律师事务所", 2),
    ("其他组织", 2),
];

/// The register's informal outcomes, and the form's wording an office
/// uses for them.
fn formal(outcome: &str, rng: &mut Rng) -> Option<&'static str> {
    Some(match outcome {
        "不予公开" => *rng.pick(&[
            "不予公开：3.危及“三安全一稳定”",
            "不予公开：4.保护第三方合法权益",
            "不予公开：6.属于四类过程性信息",
            "（三）不予公开 5.属于三类内部事务信息",
        ]),
        "非本机关负责公开" => "本机关不掌握",
        "不予处理" => *rng.pick(&[
            "不予处理：1.信访举报投诉类申请",
            "不予处理：2.重复申请",
            "不予处理：3.要求提供公开出版物",
        ]),
        _ => return None,
    })
}

/// A `Y/M/D` date as the register writes it.
fn slash_date(text: &str) -> Option<Date> {
    let mut parts = text.split('/').map(str::parse::<u32>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    Some(Date::from_ymd(y as i32, m, d))
}

/// Adds 申请人类型, writes outcomes the way the form does, plants one row
/// of each request finding, and appends the applications of 2018 that
/// were still open on 1 January 2019.
pub(crate) fn extend_requests(ctx: &Ctx, sheet: &mut Sheet) {
    let width = sheet.header.len();
    sheet.header.push("申请人类型");
    for row in &mut sheet.preamble {
        if row.len() == width {
            row.push(Cell::text(""));
        }
    }
    types_and_outcomes(ctx, sheet);
    carried_over(sheet);
}

/// Gives every 2019 application its 申请人类型 and the form's outcome
/// wording, and plants the request findings.
fn types_and_outcomes(ctx: &Ctx, sheet: &mut Sheet) {
    let mut rng = ctx.rng("annual/request");
    let (id_col, result_col) = (sheet.col("申请编号"), sheet.col("办理结果"));
    let (received_col, replied_col) = (sheet.col("收到申请日期"), sheet.col("答复日期"));
    let (corrected_col, dept_col) = (sheet.col("收到补正日期"), sheet.col("受理机关"));
    let weights: Vec<u32> = TYPES.iter().map(|t| t.1).collect();
    let mut kept_bare = [false; 2];
    let mut planted_type = 0;
    let mut planted_reply = false;
    for i in 0..sheet.rows.len() {
        let is_record = sheet.rows[i][id_col].to_text().starts_with("YSQ2019-")
            && sheet.rows[i][dept_col].to_text() != "合计";
        let mut kind = if is_record {
            TYPES[rng.weighted(&weights)].0.to_owned()
        } else {
            String::new()
        };
        if !is_record {
            sheet.rows[i].push(Cell::text(kind));
            continue;
        }
        let outcome = sheet.rows[i][result_col].to_text();
        let bare = ["不予公开", "非本机关负责公开"]
            .iter()
            .position(|o| *o == outcome);
        match bare {
            Some(b) if !kept_bare[b] && i > 40 => {
                kept_bare[b] = true;
                sheet.mark(
                    i,
                    Plant::new(
                        "办理结果",
                        Outcome::Accepted,
                        format!("年报 finding `outcome unknown`: 办理结果 \"{outcome}\" names no row of table 三 (counted in 总计 only)"),
                    ),
                );
            }
            _ => {
                if let Some(f) = formal(&outcome, &mut rng) {
                    sheet.rows[i][result_col] = Cell::text(f);
                }
            }
        }
        if planted_type < 2 && i > 100 && i % 97 == 0 {
            let value = ["", "法人"][planted_type];
            planted_type += 1;
            value.clone_into(&mut kind);
            sheet.mark(
                i,
                Plant::new(
                    "申请人类型",
                    Outcome::Accepted,
                    format!("年报 finding `type unknown`: 申请人类型 \"{value}\" is no column of table 三 (counted in 总计 only)"),
                ),
            );
        }
        sheet.rows[i].push(Cell::text(kind));
        // A reply dated before the application, on a row that was on time
        // anyway, so that the 2019 score does not change.
        let received = slash_date(&sheet.rows[i][received_col].to_text());
        let replied = slash_date(&sheet.rows[i][replied_col].to_text());
        if let (false, true, Some(received), Some(replied)) = (
            planted_reply,
            i > 200 && sheet.rows[i][corrected_col].is_blank(),
            received,
            replied,
        ) && replied > received.add_days(3)
            && replied <= ctx.cal.add_workdays(received, 20)
        {
            planted_reply = true;
            let typo = received.add_days(-3);
            sheet.rows[i][replied_col] = Cell::Text(typo.format(DateStyle::Slash));
            sheet.mark(
                i,
                Plant::new(
                    "答复日期",
                    Outcome::Accepted,
                    format!("年报 finding `replied before received`: 答复日期 {} is before 收到申请日期 (a typo for {}; on time either way)", typo.iso(), replied.iso()),
                ),
            );
        }
    }
}

/// Applications of late 2018: most answered in January 2019 (上年结转),
/// two in December 2018 (in neither year's table), one still open at the
/// end of 2019 (carried in and carried out again). They go above the 合计
/// line.
fn carried_over(sheet: &mut Sheet) {
    let (id_col, result_col) = (sheet.col("申请编号"), sheet.col("办理结果"));
    let (received_col, replied_col) = (sheet.col("收到申请日期"), sheet.col("答复日期"));
    let dept_col = sheet.col("受理机关");
    let end = sheet.rows.len().saturating_sub(1);
    let carried = CARRIED;
    for (n, (dept, (m, d), replied, outcome)) in carried.into_iter().enumerate() {
        let mut row = vec![Cell::text(""); sheet.header.len()];
        row[id_col] = Cell::Text(format!("YSQ2018-{:03}", 101 + n));
        row[dept_col] = Cell::text(dept);
        row[received_col] = Cell::Text(Date::from_ymd(2018, m, d).format(DateStyle::Slash));
        row[sheet.col("是否延期")] = Cell::text("否");
        if let Some((y, m, d)) = replied {
            row[replied_col] = Cell::Text(Date::from_ymd(y, m, d).format(DateStyle::Slash));
        }
        row[result_col] = Cell::text(outcome);
        row[sheet.col("申请人类型")] = Cell::text(["自然人", "商业企业", "法律服务机构"][n % 3]);
        let note = match replied {
            Some((2019, ..)) => "received in 2018, answered in January 2019: 年报 2019 上年结转",
            Some(_) => "received and answered in 2018: in no table of 2019",
            None => "received in 2018, still open: 上年结转 and 结转下年度 in 2019",
        };
        sheet.insert(
            end + n,
            row,
            Plant::new("收到申请日期", Outcome::Accepted, note),
        );
    }
}

/// Adds 废止日期 and the normative documents of 2016–2018 that are still
/// in the catalogue (some repealed in 2018 or 2019).
pub(crate) fn extend_disclosures(ctx: &Ctx, sheet: &mut Sheet) {
    let mut rng = ctx.rng("annual/disclosure");
    let width = sheet.header.len();
    sheet.header.push("废止日期");
    for row in sheet.preamble.iter_mut().chain(sheet.rows.iter_mut()) {
        if row.len() == width {
            row.push(Cell::text(""));
        }
    }
    let col = |name| sheet.col(name);
    let (id, title, doc_no, dept, formed, published, category, needs, repealed) = (
        col("索引号"),
        col("标题"),
        col("文号"),
        col("发布机构"),
        col("成文日期"),
        col("发布日期"),
        col("主题分类"),
        col("是否需解读"),
        col("废止日期"),
    );
    let banner = DEPTS
        .iter()
        .filter(|d| d.group == Group::Banner && d.listed)
        .take(12);
    let mut rows = Vec::new();
    for d in banner {
        for n in 0..rng.range(1, 4) {
            let year = 2016 + rng.range(0, 2) as i32;
            let made = ctx.cal.add_workdays(
                Date::from_ymd(year, 1 + rng.below(11) as u32, 1),
                rng.range(0, 18) as u32,
            );
            let mut row = vec![Cell::text(""); sheet.header.len()];
            row[id] = Cell::Text(format!("{}/{year}-{:05}", county::org_code(d), 900 + n));
            row[title] = Cell::Text(format!("关于印发{}管理办法的通知", rng.pick(d.topics)));
            row[doc_no] = Cell::Text(format!("{}〔{year}〕{}号", d.doc_prefix, 20 + n));
            row[dept] = Cell::text(d.name);
            row[formed] = Cell::Text(made.iso());
            row[published] = Cell::Text(ctx.cal.add_workdays(made, 5).iso());
            row[category] = Cell::Text(format!("{}/规范性文件", d.theme));
            row[needs] = Cell::text("否");
            row[repealed] = match rng.weighted(&[60, 25, 15]) {
                0 => Cell::text(""),
                1 => Cell::Text(Date::from_ymd(2019, 1 + rng.below(12) as u32, 15).iso()),
                _ => Cell::Text(Date::from_ymd(2018, 6, 30).iso()),
            };
            rows.push(row);
        }
    }
    for row in rows {
        sheet.push(row, None);
    }
}

/// An application of 2018: department, (month, day) received, the reply
/// date if any, the outcome.
type Carried = (
    &'static str,
    (u32, u32),
    Option<(i32, u32, u32)>,
    &'static str,
);

/// The applications of late 2018.
const CARRIED: [Carried; 10] = [
    ("旗自然资源局", (11, 26), Some((2019, 1, 8)), "予以公开"),
    (
        "旗住房和城乡建设局",
        (12, 3),
        Some((2019, 1, 4)),
        "部分公开",
    ),
    ("旗人民政府办公室", (12, 10), Some((2019, 1, 7)), "予以公开"),
    (
        "旗公安局",
        (12, 14),
        Some((2019, 1, 11)),
        "不予公开：4.保护第三方合法权益",
    ),
    (
        "旗市场监督管理局",
        (12, 17),
        Some((2019, 1, 14)),
        "予以公开",
    ),
    ("旗农牧局", (12, 20), Some((2019, 1, 16)), "本机关不掌握"),
    ("敖勒召其镇", (12, 24), Some((2019, 1, 21)), "予以公开"),
    ("旗财政局", (11, 12), Some((2018, 12, 6)), "予以公开"),
    ("旗教育体育局", (11, 20), Some((2018, 12, 14)), "予以公开"),
    ("旗自然资源局", (12, 27), None, "办理中"),
];

/// A case: 案号, department, kind, filed, result, concluded, the README note.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// The cases of the sample.
const REVIEWS: [Case; 10] = [
    (
        "鄂前府复〔2019〕3号",
        "旗自然资源局",
        "行政复议",
        "2019-03-12",
        "维持",
        "2019-05-10",
        None,
    ),
    (
        "鄂前府复〔2019〕5号",
        "旗市场监督管理局",
        "行政复议",
        "2019-04-22",
        "驳回复议申请",
        "2019-06-14",
        None,
    ),
    (
        "鄂前府复〔2019〕7号",
        "旗住房和城乡建设局",
        "行政复议",
        "2019-06-03",
        "撤销",
        "2019-07-30",
        None,
    ),
    (
        "鄂前府复〔2019〕11号",
        "旗公安局",
        "行政复议",
        "2019-11-18",
        "审理中",
        "",
        None,
    ),
    (
        "（2019）内0623行初12号",
        "旗自然资源局",
        "行政诉讼（未经复议直接起诉）",
        "2019-05-20",
        "驳回诉讼请求",
        "2019-09-26",
        None,
    ),
    (
        "（2019）内0623行初27号",
        "旗住房和城乡建设局",
        "行政诉讼（复议后起诉）",
        "2019-09-02",
        "确认违法",
        "2019-12-20",
        None,
    ),
    (
        "（2019）内0623行初31号",
        "旗人民政府办公室",
        "行政诉讼",
        "2019-12-09",
        "",
        "",
        None,
    ),
    (
        "（2019）内0623行初33号",
        "旗公安局",
        "行政诉讼",
        "2019-12-16",
        "维持",
        "2020-01-14",
        Some("concluded in 2020: 尚未审结 in the 2019 table"),
    ),
    (
        "鄂前府复〔2019〕14号",
        "旗农牧局",
        "信访事项复查",
        "2019-08-15",
        "维持",
        "2019-09-30",
        Some(
            "年报 finding `review kind unknown`: 信访事项复查 is neither 复议 nor 诉讼 (not counted)",
        ),
    ),
    (
        "鄂前府复〔2018〕9号",
        "旗自然资源局",
        "行政复议",
        "2018-10-11",
        "维持",
        "2018-12-03",
        Some("filed in 2018: in no table of 2019"),
    ),
];

/// 复议诉讼.csv: reconsiderations and lawsuits about 政府信息公开.
pub(crate) fn reviews() -> Sheet {
    let mut sheet = Sheet::new(&[
        "案号",
        "被申请机关",
        "案件类型",
        "申请人",
        "收案日期",
        "审理结果",
        "审结日期",
    ]);
    let rows = REVIEWS;
    for (n, (id, dept, kind, filed, result, concluded, note)) in rows.into_iter().enumerate() {
        let person = format!("{}某某", ["王", "李", "张", "刘", "白"][n % 5]);
        let row = [id, dept, kind, &person, filed, result, concluded]
            .map(Cell::text)
            .to_vec();
        let plant = note.map(|note| Plant::new("案件类型", Outcome::Accepted, note));
        sheet.push(row, plant);
    }
    sheet
}

/// 行政事业性收费.xlsx: fee collections of the departments that collect.
pub(crate) fn fees(ctx: &Ctx) -> Sheet {
    let mut rng = ctx.rng("annual/fee");
    let mut sheet = Sheet::new(&[
        "票据号",
        "收费单位",
        "收费项目",
        "收费日期",
        "收费金额（万元）",
    ]);
    sheet.preamble = vec![vec![
        Cell::text("鄂托克前旗2019年行政事业性收费台账"),
        Cell::text(""),
        Cell::text(""),
        Cell::text(""),
        Cell::text(""),
    ]];
    let payers: [(&str, &[&str]); 4] = [
        ("旗自然资源局", &["不动产登记费", "土地复垦费"]),
        ("旗住房和城乡建设局", &["城市基础设施配套费"]),
        ("旗公安局", &["居民身份证工本费", "机动车号牌工本费"]),
        ("旗市场监督管理局", &["特种设备检验检测费"]),
    ];
    let mut n = 0;
    for (dept, items) in payers {
        for month in (1..=12).step_by(2) {
            n += 1;
            let amount = (rng.range(5_000, 180_000) as f64) / 10_000.0;
            let day = ctx
                .cal
                .add_workdays(Date::from_ymd(2019, month, 1), rng.range(1, 15) as u32);
            sheet.push(
                vec![
                    Cell::Text(format!("FS2019{n:05}")),
                    Cell::text(dept),
                    Cell::text(*rng.pick(items)),
                    Cell::Date(day),
                    Cell::Number(amount),
                ],
                None,
            );
        }
    }
    sheet.push(
        vec![
            Cell::text("FS201899871"),
            Cell::text("旗自然资源局"),
            Cell::text("不动产登记费"),
            Cell::Date(Date::from_ymd(2018, 12, 20)),
            Cell::Number(2.35),
        ],
        Some(Plant::new(
            "收费日期",
            Outcome::Accepted,
            "collected in 2018: not in 2019's 收费金额",
        )),
    );
    sheet.push(
        vec![
            Cell::text("FS2019-补"),
            Cell::text("旗公安局"),
            Cell::text("居民身份证工本费"),
            Cell::Empty,
            Cell::Number(0.42),
        ],
        Some(Plant::new(
            "收费日期",
            Outcome::Accepted,
            "no 收费日期: counted in the year's 收费金额",
        )),
    );
    sheet
}
