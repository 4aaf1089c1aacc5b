//! The national form (国办公开办函〔2021〕30号) of the annual tables: where
//! every number stands, the worksheet that prints like the report, the
//! long CSV, and the comparison of a workbook a person filled in with
//! what the ledgers give (RULES §7, `openness annual --check`).
//!
//! One sheet per unit plus 全县, each holding tables 二, 三 and 四 one
//! below the other. Every number has one address ([`form_cells`]); the
//! writer and the reader both use it, so a written workbook always reads
//! back equal.

use super::checks::{Check, checks};
use super::table2::{BLOCKS, RESULTS};
use super::table3::{COLUMNS, ROWS, group_heading};
use super::{Annual, COUNTY, Table3, Unit};
use crate::import::{ImportReport, workbook_cells};
use crate::lang::Lang;
use crate::sheet::{Cell, Sheet};
use crate::value::amount_wan;
use crate::xlsx::{Layout, Placed, Style, sheet_names};

/// What a number of the form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Table 二, a document row (0 规章, 1 行政规范性文件) and its column
    /// (0 制发, 1 废止, 2 现行有效).
    Documents(usize, usize),
    /// Table 二, decisions: 0 许可, 1 处罚, 2 强制.
    Decisions(usize),
    /// Table 二, 行政事业性收费 in 万元.
    Fees,
    /// Table 三, row and column.
    Requests(usize, usize),
    /// Table 四, block and column.
    Reviews(usize, usize),
}

/// One number's place on the form: row and column from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormCell {
    /// Row, from 0.
    pub row: u32,
    /// Column, from 0.
    pub col: u32,
    /// Which number.
    pub slot: Slot,
}

impl FormCell {
    /// The cell's address, `D23`.
    pub fn address(&self) -> String {
        format!("{}{}", column_letter(self.col), self.row + 1)
    }

    /// What the number is, in the form's words.
    pub fn label(&self) -> String {
        match self.slot {
            Slot::Documents(r, c) => format!(
                "表二 {} / {}",
                ["规章", "行政规范性文件"][r],
                ["本年制发件数", "本年废止件数", "现行有效件数"][c]
            ),
            Slot::Decisions(r) => {
                format!("表二 {} / 本年处理决定数量", DECISIONS[r])
            }
            Slot::Fees => "表二 行政事业性收费 / 本年收费金额（万元）".to_owned(),
            Slot::Requests(r, c) => format!("表三 {} / {}", ROWS[r].label, COLUMNS[c]),
            Slot::Reviews(b, c) => format!("表四 {} / {}", BLOCK_NAMES[b], RESULTS[c]),
        }
    }
}

const DECISIONS: [&str; 3] = ["行政许可", "行政处罚", "行政强制"];
const BLOCK_NAMES: [&str; 3] = [
    "行政复议",
    "行政诉讼 未经复议直接起诉",
    "行政诉讼 复议后起诉",
];

/// First row of table 三's numbers (一、本年新收).
const T3_FIRST: u32 = 22;
/// Row of table 四's numbers.
const T4_ROW: u32 = 52;
/// First column of table 三's numbers (D).
const T3_COL: u32 = 3;

/// Every number of the form, in reading order.
pub fn form_cells() -> Vec<FormCell> {
    let at = |row, col, slot| FormCell { row, col, slot };
    let mut cells = Vec::with_capacity(6 + 4 + 25 * 7 + 15);
    for r in 0..2 {
        for c in 0..3 {
            cells.push(at(5 + r as u32, 3 + c as u32, Slot::Documents(r, c)));
        }
    }
    cells.push(at(9, 3, Slot::Decisions(0)));
    cells.push(at(12, 3, Slot::Decisions(1)));
    cells.push(at(13, 3, Slot::Decisions(2)));
    cells.push(at(16, 3, Slot::Fees));
    for r in 0..ROWS.len() {
        for c in 0..COLUMNS.len() {
            cells.push(at(
                T3_FIRST + r as u32,
                T3_COL + c as u32,
                Slot::Requests(r, c),
            ));
        }
    }
    for b in 0..3 {
        for c in 0..5 {
            cells.push(at(T4_ROW, (b * 5 + c) as u32, Slot::Reviews(b, c)));
        }
    }
    cells
}

/// A number of the form: a count, or an amount (`None`: no fee ledger).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A count.
    Count(u64),
    /// 万元, `None` when the unit has no fee row.
    Wan(Option<f64>),
}

impl Number {
    /// The number as a cell: a count, an amount, or empty.
    pub fn cell(self) -> Cell {
        match self {
            Number::Count(n) => Cell::Int(n as i64),
            Number::Wan(Some(x)) => Cell::Number(x),
            Number::Wan(None) => Cell::Empty,
        }
    }

    /// As shown in a comparison (an absent amount is empty).
    pub fn text(self) -> String {
        match self {
            Number::Count(n) => n.to_string(),
            Number::Wan(x) => x.map(|x| Cell::Number(x).plain()).unwrap_or_default(),
        }
    }
}

/// The value of `slot` in a unit's tables.
pub fn value(u: &Unit, slot: Slot) -> Number {
    let t2 = &u.table2;
    match slot {
        Slot::Documents(r, c) => {
            let d = [t2.rules, t2.normative_documents][r];
            Number::Count(u64::from([d.made, d.repealed, d.in_force][c]))
        }
        Slot::Decisions(r) => Number::Count(u64::from([t2.licensing, t2.penalty, t2.coercion][r])),
        Slot::Fees => Number::Wan(t2.fees.map(amount_wan)),
        Slot::Requests(r, c) => Number::Count(u64::from(u.table3[r][c])),
        Slot::Reviews(b, c) => Number::Count(u64::from(u.table4[b][c])),
    }
}

fn column_letter(c: u32) -> char {
    char::from(b'A' + c as u8)
}

/// The sheets of the workbook: one per unit (or only `only`), then 全县.
pub fn annual_layouts(annual: &Annual, only: Option<&str>) -> Vec<Layout> {
    let units = annual
        .units
        .iter()
        .filter(|u| only.is_none_or(|n| n == u.name));
    let county = std::iter::once(&annual.county).filter(|_| only.is_none_or(|n| n == COUNTY));
    units
        .chain(county)
        .map(|u| layout(u, annual.year))
        .collect()
}

/// The placed cells of a form being laid out.
#[derive(Default)]
struct Cells(Vec<Placed>);

impl Cells {
    fn put(&mut self, (row, col): (u32, u32), span: (u32, u32), text: &str, style: Style) {
        self.0.push(Placed {
            row,
            col,
            span,
            cell: Cell::text(text),
            style,
        });
    }

    /// A 第二十条 item's two header lines.
    fn item_head(&mut self, row: u32, item: &str) {
        self.put((row, 0), (1, 6), item, Style::Head);
        self.put((row + 1, 0), (1, 3), "信息内容", Style::Head);
    }
}

/// Row of table 三's row `r`.
fn t3_row(r: usize) -> u32 {
    T3_FIRST + r as u32
}

/// The labels of table 二.
fn table2_labels(f: &mut Cells) {
    f.put((2, 0), (1, 15), "二、主动公开政府信息情况", Style::Section);
    f.item_head(3, "第二十条第（一）项");
    for (c, h) in ["本年制发件数", "本年废止件数", "现行有效件数"]
        .iter()
        .enumerate()
    {
        f.put((4, 3 + c as u32), (1, 1), h, Style::Head);
    }
    f.put((5, 0), (1, 3), "规章", Style::Label);
    f.put((6, 0), (1, 3), "行政规范性文件", Style::Label);
    f.item_head(7, "第二十条第（五）项");
    f.put((8, 3), (1, 3), "本年处理决定数量", Style::Head);
    f.put((9, 0), (1, 3), "行政许可", Style::Label);
    f.item_head(10, "第二十条第（六）项");
    f.put((11, 3), (1, 3), "本年处理决定数量", Style::Head);
    f.put((12, 0), (1, 3), "行政处罚", Style::Label);
    f.put((13, 0), (1, 3), "行政强制", Style::Label);
    f.item_head(14, "第二十条第（八）项");
    f.put((15, 3), (1, 3), "本年收费金额（单位：万元）", Style::Head);
    f.put((16, 0), (1, 3), "行政事业性收费", Style::Label);
}

/// The form's note on table 三's own check.
pub const BALANCE_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
/// The title of table 四.
pub const TABLE4_TITLE: &str = "四、政府信息公开行政复议、行政诉讼情况";

/// The labels of table 三: the header block and the row labels, outcome
/// rows grouped under （三）…（六） as on the form.
fn table3_labels(f: &mut Cells) {
    f.put(
        (18, 0),
        (1, 15),
        "三、收到和处理政府信息公开申请情况",
        Style::Section,
    );
    f.put((19, 0), (3, 3), BALANCE_NOTE, Style::Head);
    f.put((19, 3), (1, 7), "申请人情况", Style::Head);
    f.put((20, 3), (2, 1), "自然人", Style::Head);
    f.put((20, 4), (1, 5), "法人或其他组织", Style::Head);
    f.put((20, 9), (2, 1), "总计", Style::Head);
    for (c, name) in COLUMNS.iter().enumerate().take(6).skip(1) {
        f.put((21, 3 + c as u32), (1, 1), name, Style::Head);
    }
    f.put((t3_row(0), 0), (1, 3), ROWS[0].label, Style::Label);
    f.put((t3_row(1), 0), (1, 3), ROWS[1].label, Style::Label);
    f.put((t3_row(2), 0), (22, 1), "三、本年度办理结果", Style::Label);
    for (r, row) in ROWS.iter().enumerate().take(24).skip(2) {
        if row.group.is_none() {
            f.put((t3_row(r), 1), (1, 2), row.label, Style::Label);
            continue;
        }
        if let Some((n, heading)) = group_heading(r) {
            f.put((t3_row(r), 1), (n as u32, 1), &heading, Style::Label);
        }
        f.put((t3_row(r), 2), (1, 1), row.label, Style::Label);
    }
    f.put((t3_row(24), 0), (1, 3), ROWS[24].label, Style::Label);
}

/// The labels of table 四.
fn table4_labels(f: &mut Cells) {
    f.put((48, 0), (1, 15), TABLE4_TITLE, Style::Section);
    f.put((49, 0), (1, 5), "行政复议", Style::Head);
    f.put((49, 5), (1, 10), "行政诉讼", Style::Head);
    for (c, h) in RESULTS.iter().enumerate() {
        f.put((50, c as u32), (2, 1), h, Style::Head);
        f.put((51, 5 + c as u32), (1, 1), h, Style::Head);
        f.put((51, 10 + c as u32), (1, 1), h, Style::Head);
    }
    f.put((50, 5), (1, 5), "未经复议直接起诉", Style::Head);
    f.put((50, 10), (1, 5), "复议后起诉", Style::Head);
}

/// The form of one unit.
fn layout(u: &Unit, year: i32) -> Layout {
    let mut f = Cells::default();
    let title = format!("{}{year}年政府信息公开工作年度报告统计表", u.name);
    f.put((0, 0), (1, 15), &title, Style::Title);
    table2_labels(&mut f);
    table3_labels(&mut f);
    table4_labels(&mut f);
    let failed = u.checks().iter().filter(|c| !c.ok()).count();
    let note = if failed == 0 {
        format!(
            "勾稽检查：表三全部 39 项通过。需核对的记录 {} 条。",
            u.findings.len()
        )
    } else {
        format!(
            "勾稽检查：表三有 {failed} 项不平衡，请先核对台账。需核对的记录 {} 条。",
            u.findings.len()
        )
    };
    f.put((54, 0), (1, 15), &note, Style::Plain);
    f.put(
        (55, 0),
        (1, 15),
        "本表由政务公开考评看板根据各类台账按规则（RULES §7）自动填写；数字可直接核对后填入年度报告。",
        Style::Plain,
    );
    let mut cells = f.0;
    for fc in form_cells() {
        let (span, style) = match fc.slot {
            Slot::Decisions(_) => ((1, 3), Style::Int),
            Slot::Fees => ((1, 3), Style::Number),
            _ => ((1, 1), Style::Int),
        };
        cells.push(Placed {
            row: fc.row,
            col: fc.col,
            span,
            cell: value(u, fc.slot).cell(),
            style,
        });
    }
    let mut widths = vec![10.0; 15];
    widths[0] = 9.0;
    widths[1] = 13.0;
    widths[2] = 40.0;
    let mut heights = vec![(0, 28.0), (19, 30.0), (21, 30.0)];
    heights.extend(
        (0..25)
            .filter(|&r| ROWS[r].label.chars().count() > 20)
            .map(|r| (t3_row(r), 30.0)),
    );
    Layout {
        name: u.name.clone(),
        widths,
        heights,
        cells,
        landscape: true,
    }
}

/// The tables as one long CSV: a line per number (unit, group, table, row
/// key, row label, column, value), numbers as plain numbers.
pub fn annual_csv(annual: &Annual) -> String {
    let mut rows = Vec::new();
    let cells = form_cells();
    for u in annual.units.iter().chain(std::iter::once(&annual.county)) {
        for fc in &cells {
            let (table, key, label, column) = describe(fc.slot);
            rows.push(vec![
                Cell::text(&u.name),
                Cell::text(&u.group),
                Cell::text(table),
                Cell::text(key),
                Cell::text(label),
                Cell::text(column),
                value(u, fc.slot).cell(),
            ]);
        }
    }
    Sheet {
        name: format!("{}年报统计", annual.year),
        title: String::new(),
        header: ["单位", "分组", "表", "行", "项目", "列", "数值"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    }
    .csv()
}

/// Table, row key, row label and column of a slot, for the CSV.
fn describe(slot: Slot) -> (&'static str, String, &'static str, &'static str) {
    const DOC_KEYS: [&str; 2] = ["rules", "normative_documents"];
    const DOC_COLS: [&str; 3] = ["made", "repealed", "in_force"];
    const DECISION_KEYS: [&str; 3] = ["licensing", "penalty", "coercion"];
    match slot {
        Slot::Documents(r, c) => (
            "二",
            format!("{}.{}", DOC_KEYS[r], DOC_COLS[c]),
            ["规章", "行政规范性文件"][r],
            ["本年制发件数", "本年废止件数", "现行有效件数"][c],
        ),
        Slot::Decisions(r) => (
            "二",
            DECISION_KEYS[r].to_owned(),
            DECISIONS[r],
            "本年处理决定数量",
        ),
        Slot::Fees => (
            "二",
            "fees_wan".to_owned(),
            "行政事业性收费",
            "本年收费金额（万元）",
        ),
        Slot::Requests(r, c) => ("三", ROWS[r].key.to_owned(), ROWS[r].label, COLUMNS[c]),
        Slot::Reviews(b, c) => ("四", BLOCKS[b].to_owned(), BLOCK_NAMES[b], RESULTS[c]),
    }
}

/// A number of a filled-in workbook that differs from the ledgers.
#[derive(Debug, Clone, PartialEq)]
pub struct CellDifference {
    /// The sheet (unit).
    pub sheet: String,
    /// The cell, `D23`.
    pub cell: String,
    /// What the number is.
    pub label: String,
    /// What the ledgers give.
    pub ledger: String,
    /// What the workbook holds.
    pub filled: String,
}

/// The result of comparing a filled-in workbook with the ledgers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    /// Sheets compared (their units' names).
    pub sheets: Vec<String>,
    /// Sheets whose name is no unit of the ledgers (not compared).
    pub unknown_sheets: Vec<String>,
    /// Every number that differs.
    pub differences: Vec<CellDifference>,
    /// Every failed check of the filled-in table 三, by sheet.
    pub failed_checks: Vec<(String, Check)>,
}

impl Comparison {
    /// True when the workbook agrees with the ledgers and cross-foots.
    pub fn agrees(&self) -> bool {
        !self.sheets.is_empty() && self.differences.is_empty() && self.failed_checks.is_empty()
    }
}

/// Compares a workbook in the form's layout ([`annual_layouts`]), filled in
/// or edited by a person, with what the ledgers give. Sheets are matched
/// to units by name; an empty number cell reads as 0 (an amount: as no
/// fees), so a form with blanks for zeros agrees.
pub fn compare_workbook(annual: &Annual, bytes: &[u8]) -> Result<Comparison, String> {
    let sheets = workbook_cells(bytes).map_err(|e| e.message(Lang::Zh))?;
    let units: Vec<&Unit> = annual
        .units
        .iter()
        .chain(std::iter::once(&annual.county))
        .collect();
    let written = sheet_names(units.iter().map(|u| u.name.as_str()));
    let mut out = Comparison::default();
    let cells = form_cells();
    for (name, rows) in &sheets {
        let Some(i) = written
            .iter()
            .position(|w| w == name)
            .or_else(|| units.iter().position(|u| u.name == *name))
        else {
            out.unknown_sheets.push(name.clone());
            continue;
        };
        let unit = units[i];
        out.sheets.push(unit.name.clone());
        let mut filled3: Table3 = [[0; 7]; 25];
        for fc in &cells {
            let raw = rows
                .get(fc.row as usize)
                .and_then(|r| r.get(fc.col as usize))
                .map_or("", |s| s.trim());
            let ledger = value(unit, fc.slot);
            let number = if raw.is_empty() {
                Some(0.0)
            } else {
                raw.parse::<f64>().ok().filter(|x| x.is_finite())
            };
            if let (Slot::Requests(r, c), Some(x)) = (fc.slot, number) {
                filled3[r][c] = x.max(0.0).min(f64::from(u32::MAX)) as u32;
            }
            let equal = match (ledger, number) {
                (_, None) => false,
                (Number::Count(n), Some(x)) => (n as f64 - x).abs() < 1e-9,
                (Number::Wan(w), Some(x)) => (w.unwrap_or(0.0) - x).abs() < 5e-7,
            };
            if !equal {
                out.differences.push(CellDifference {
                    sheet: name.clone(),
                    cell: fc.address(),
                    label: fc.label(),
                    ledger: ledger.text(),
                    filled: raw.to_owned(),
                });
            }
        }
        for c in checks(&filled3).into_iter().filter(|c| !c.ok()) {
            out.failed_checks.push((name.clone(), c));
        }
    }
    Ok(out)
}

/// The findings of every unit as the import report names their files:
/// `(unit, path, finding)`.
pub fn findings_with_paths<'a>(
    annual: &'a Annual,
    report: &'a ImportReport,
) -> impl Iterator<Item = (&'a Unit, &'a str, &'a super::Finding)> + 'a {
    annual.units.iter().flat_map(move |u| {
        u.findings.iter().map(move |f| {
            let path = report
                .files
                .get(f.source.file as usize)
                .map_or("", |r| r.path.as_str());
            (u, path, f)
        })
    })
}
