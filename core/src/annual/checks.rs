//! The cross-footing (勾稽) checks of table 三 (RULES §7): each with the
//! two numbers it compares, so a failure shows by how much.

use super::Table3;
use super::table3::{CARRIED_IN, CARRIED_OUT, COLUMNS, NEW, OUTCOMES, ROWS, TOTAL, TOTAL_COLUMN};

/// Which equality a check tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Per column: 一 + 二 = (七)总计 + 四 (the form's own 勾稽关系).
    Balance,
    /// Per row: 总计 = the sum of the six applicant columns.
    RowTotal,
    /// Per column: (七)总计 = the sum of the 21 outcome rows.
    Outcomes,
}

impl Rule {
    /// The rule's name in RULES §7's JSON.
    pub fn key(self) -> &'static str {
        match self {
            Rule::Balance => "new+carried_in=total+carried_out",
            Rule::RowTotal => "row_total=sum_of_types",
            Rule::Outcomes => "total=sum_of_outcomes",
        }
    }

    /// The rule in the form's words.
    pub fn name_zh(self) -> &'static str {
        match self {
            Rule::Balance => "第一项加第二项之和等于第三项加第四项之和",
            Rule::RowTotal => "总计等于各类申请人之和",
            Rule::Outcomes => "（七）总计等于各办理结果之和",
        }
    }
}

/// The column or row a check runs along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A column of table 三 (index into [`COLUMNS`]).
    Column(usize),
    /// A row of table 三 (index into [`ROWS`]).
    Row(usize),
}

impl Line {
    /// The JSON field and value: `("column", "总计")` or `("row", "new")`.
    pub fn field(self) -> (&'static str, &'static str) {
        match self {
            Line::Column(c) => ("column", COLUMNS[c]),
            Line::Row(r) => ("row", ROWS[r].key),
        }
    }

    /// The column label, or the row's label on the form.
    pub fn label(self) -> &'static str {
        match self {
            Line::Column(c) => COLUMNS[c],
            Line::Row(r) => ROWS[r].label,
        }
    }
}

/// One check with its two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    /// The equality.
    pub rule: Rule,
    /// Along which column or row.
    pub line: Line,
    /// The left side.
    pub left: u64,
    /// The right side.
    pub right: u64,
}

impl Check {
    /// True when both sides are equal.
    pub fn ok(&self) -> bool {
        self.left == self.right
    }
}

/// Every check of a table 三: the balance per column, the row totals per
/// row, the outcome sum per column.
pub fn checks(t: &Table3) -> Vec<Check> {
    let cell = |r: usize, c: usize| u64::from(t[r][c]);
    let mut out = Vec::with_capacity(7 + 25 + 7);
    for c in 0..COLUMNS.len() {
        out.push(Check {
            rule: Rule::Balance,
            line: Line::Column(c),
            left: cell(NEW, c) + cell(CARRIED_IN, c),
            right: cell(TOTAL, c) + cell(CARRIED_OUT, c),
        });
    }
    for r in 0..ROWS.len() {
        out.push(Check {
            rule: Rule::RowTotal,
            line: Line::Row(r),
            left: cell(r, TOTAL_COLUMN),
            right: (0..TOTAL_COLUMN).map(|c| cell(r, c)).sum(),
        });
    }
    for c in 0..COLUMNS.len() {
        out.push(Check {
            rule: Rule::Outcomes,
            line: Line::Column(c),
            left: cell(TOTAL, c),
            right: OUTCOMES.map(|r| cell(r, c)).sum(),
        });
    }
    out
}
