//! The statistical tables of the 政府信息公开工作年度报告 (annual report on
//! government information disclosure, RULES §7), filled from the same
//! ledgers the scorecard reads, with their cross-footing (勾稽) checks and
//! the records a person has to look at (findings).
//!
//! One place per rule: table 二 and table 四 in `table2`, table 三's rows,
//! columns, applicant types, outcomes and the year a request falls in in
//! `table3`, the checks in `checks`; the JSON of RULES §7 in `json`; the
//! national form's layout, its CSV and the comparison with a filled-in
//! workbook in `form`.
//!
//! Every unit (department or town) gets its tables; the county's (全县)
//! are computed over every record at once, which the property tests hold
//! equal to the sum of the units.

mod checks;
mod form;
mod html;
mod json;
pub mod table2;
pub mod table3;

use crate::record::{Dataset, DeptId, Request, Source};
use crate::rules::Rules;

pub use checks::{Check, Line, Rule, checks};
pub use form::{
    CellDifference, Comparison, FormCell, Number, Slot, annual_csv, annual_layouts,
    compare_workbook, findings_with_paths, form_cells, value,
};
pub use html::{
    OVERVIEW_COLUMNS, check_text, checks_html, comparison_html, findings_html, form_html,
    overview_html,
};
pub use json::annual_json;
pub use table2::{Documents, Table2, Table4};
pub use table3::Table3;

/// The name of the county's own tables and sheet.
pub const COUNTY: &str = "全县";

/// Why a record needs a person's attention in the annual tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Problem {
    /// An `applicant_type` that names no column: counted in 总计 only.
    TypeUnknown,
    /// An `outcome` that names no row: counted in `total` only.
    OutcomeUnknown,
    /// A review whose kind is neither a reconsideration nor a lawsuit.
    ReviewKindUnknown,
    /// A request in 三 replied before it was received.
    RepliedBeforeReceived,
}

impl Problem {
    /// The key of RULES §7's JSON.
    pub fn key(self) -> &'static str {
        match self {
            Problem::TypeUnknown => "type unknown",
            Problem::OutcomeUnknown => "outcome unknown",
            Problem::ReviewKindUnknown => "review kind unknown",
            Problem::RepliedBeforeReceived => "replied before received",
        }
    }

    /// What it means, in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            Problem::TypeUnknown => "申请人类型无法识别（只计入总计列）",
            Problem::OutcomeUnknown => "办理结果无法识别（只计入总计行）",
            Problem::ReviewKindUnknown => "案件类型既非复议也非诉讼（未计入表四）",
            Problem::RepliedBeforeReceived => "答复日期早于收到申请日期",
        }
    }
}

/// A record behind a number that needs a person's attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// File and row.
    pub source: Source,
    /// The record's id (申请编号, 案号), if any.
    pub id: Option<String>,
    /// What is wrong.
    pub problem: Problem,
    /// The value that caused it, as written (a date as `YYYY-MM-DD`).
    pub value: String,
}

/// The three tables of one unit, or of the county.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The department, `None` for the county.
    pub dept: Option<DeptId>,
    /// Its name (全县 for the county).
    pub name: String,
    /// Its group (empty for the county).
    pub group: String,
    /// Table 二.
    pub table2: Table2,
    /// Table 三.
    pub table3: Table3,
    /// Table 四.
    pub table4: Table4,
    /// Records behind its numbers that need attention, by file and row.
    pub findings: Vec<Finding>,
}

impl Unit {
    fn new(dept: Option<DeptId>, name: String, group: String) -> Unit {
        Unit {
            dept,
            name,
            group,
            table2: Table2::default(),
            table3: [[0; 7]; 25],
            table4: [[0; 5]; 3],
            findings: Vec::new(),
        }
    }

    /// The checks of table 三 (RULES §7).
    pub fn checks(&self) -> Vec<Check> {
        checks(&self.table3)
    }

    /// True when every check holds.
    pub fn cross_foots(&self) -> bool {
        self.checks().iter().all(Check::ok)
    }
}

/// The annual tables of every unit and of the county for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Annual {
    /// The year `Y`.
    pub year: i32,
    /// Every unit: the department table's order, then the others by name.
    pub units: Vec<Unit>,
    /// The county (全县).
    pub county: Unit,
}

impl Annual {
    /// The unit called `name`.
    pub fn unit(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name == name)
    }

    /// The unit called `name`, to change (a person's edit, in tests).
    pub fn unit_mut(&mut self, name: &str) -> Option<&mut Unit> {
        self.units.iter_mut().find(|u| u.name == name)
    }
}

/// RULES §7's default year: the year of RULES §6's default window.
pub fn default_year(data: &Dataset, rules: &Rules) -> Option<i32> {
    crate::score::busiest_year(data, rules)
}

/// Fills the tables of year `year` from `data`.
pub fn annual(data: &Dataset, year: i32) -> Annual {
    let departments = &data.departments;
    let mut units: Vec<Unit> = departments
        .ids_unsorted()
        .map(|id| {
            Unit::new(
                Some(id),
                departments.name(id).to_owned(),
                departments.group(id).to_owned(),
            )
        })
        .collect();
    let mut county = Unit::new(None, COUNTY.to_owned(), String::new());
    let Some(bounds) = table3::year_bounds(year) else {
        return Annual {
            year,
            units,
            county,
        };
    };
    // Each record counts once into its unit and once into the county.
    let mut both = |dept: DeptId, f: &mut dyn FnMut(&mut Unit)| {
        f(&mut units[dept.0 as usize]);
        f(&mut county);
    };
    for d in &data.disclosures {
        both(d.dept, &mut |u| u.table2.disclosure(d, bounds));
    }
    for e in &data.enforcements {
        both(e.dept, &mut |u| u.table2.enforcement(e, bounds));
    }
    for f in &data.fees {
        both(f.dept, &mut |u| u.table2.fee(f, bounds));
    }
    for r in &data.requests {
        both(r.dept, &mut |u| request(u, r, year));
    }
    for r in &data.reviews {
        if r.filed_on < bounds.0 || r.filed_on > bounds.1 {
            continue;
        }
        let block = table2::review_block(&r.kind);
        let result = table2::review_result(r, bounds.1);
        both(r.dept, &mut |u| match block {
            Some(block) => {
                u.table4[block][result] += 1;
                u.table4[block][4] += 1;
            }
            None => u.findings.push(Finding {
                source: r.source,
                id: r.id.as_deref().map(str::to_owned),
                problem: Problem::ReviewKindUnknown,
                value: r.kind.to_string(),
            }),
        });
    }
    for u in units.iter_mut().chain(std::iter::once(&mut county)) {
        u.findings.sort_by_key(|f| (f.source, f.problem));
    }
    // The department table's order, then the others by name.
    units.sort_by(|a, b| {
        let listed = |u: &Unit| u.dept.is_some_and(|d| departments.is_listed(d));
        match (listed(a), listed(b)) {
            (true, true) => a.dept.cmp(&b.dept),
            (true, false) => std::cmp::Ordering::Less,
            (false, true) => std::cmp::Ordering::Greater,
            (false, false) => a.name.cmp(&b.name),
        }
    });
    Annual {
        year,
        units,
        county,
    }
}

/// Counts a request into table 三 and notes its findings.
fn request(u: &mut Unit, r: &Request, year: i32) {
    use table3::{CARRIED_IN, CARRIED_OUT, NEW, Place, TOTAL, TOTAL_COLUMN};
    let Some(place) = table3::place(r, year) else {
        return;
    };
    let column = table3::applicant_column(r.applicant_type.as_deref());
    let mut add = |row: usize| {
        if let Some(c) = column {
            u.table3[row][c] += 1;
        }
        u.table3[row][TOTAL_COLUMN] += 1;
    };
    let (Place::Replied { carried } | Place::Open { carried }) = place;
    add(if carried { CARRIED_IN } else { NEW });
    let mut found = Vec::new();
    if column.is_none() {
        found.push((
            Problem::TypeUnknown,
            r.applicant_type.as_deref().unwrap_or_default().to_owned(),
        ));
    }
    match place {
        Place::Replied { .. } => {
            add(TOTAL);
            match table3::outcome_row(r.outcome.as_deref()) {
                Some(row) => add(row),
                None => found.push((
                    Problem::OutcomeUnknown,
                    r.outcome.as_deref().unwrap_or_default().to_owned(),
                )),
            }
            if let Some(replied) = r.replied_on.filter(|d| *d < r.received_on) {
                found.push((Problem::RepliedBeforeReceived, replied.to_string()));
            }
        }
        Place::Open { .. } => add(CARRIED_OUT),
    }
    for (problem, value) in found {
        u.findings.push(Finding {
            source: r.source,
            id: r.id.as_deref().map(str::to_owned),
            problem,
            value,
        });
    }
}
