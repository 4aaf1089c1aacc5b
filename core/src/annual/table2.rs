//! Table 二 主动公开政府信息情况 and table 四 行政复议、行政诉讼情况
//! (RULES §7.2, §7.4): documents made, repealed and in force; enforcement
//! decisions by kind; fees; reviews and lawsuits by result.

use serde::Serialize;

use crate::date::Date;
use crate::record::{Disclosure, Enforcement, Fee, Review};
use crate::text::nfkc;

/// 本年制发件数 / 本年废止件数 / 现行有效件数 of one document row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Documents {
    /// 本年制发: `formed_on` in `Y`.
    pub made: u32,
    /// 本年废止: `repealed_on` in `Y`.
    pub repealed: u32,
    /// 现行有效: formed by 31 December `Y`, not repealed by then.
    pub in_force: u32,
}

impl Documents {
    /// Counts `d` into the row.
    pub fn count(&mut self, d: &Disclosure, (first, last): (Date, Date)) {
        let in_year = |x: Date| first <= x && x <= last;
        self.made += u32::from(in_year(d.formed_on));
        self.repealed += u32::from(d.repealed_on.is_some_and(in_year));
        self.in_force += u32::from(d.formed_on <= last && d.repealed_on.is_none_or(|r| r > last));
    }

    fn add(&mut self, o: &Documents) {
        self.made += o.made;
        self.repealed += o.repealed;
        self.in_force += o.in_force;
    }
}

/// Table 二.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Table2 {
    /// 规章: disclosures whose category contains 规章.
    pub rules: Documents,
    /// 行政规范性文件: … contains 规范性文件.
    pub normative_documents: Documents,
    /// 行政许可 decisions in `Y`.
    pub licensing: u32,
    /// 行政处罚 decisions in `Y`.
    pub penalty: u32,
    /// 行政强制 decisions in `Y`.
    pub coercion: u32,
    /// 行政事业性收费 in millionths of a 万元; `None` without any fee row.
    pub fees: Option<i64>,
}

impl Table2 {
    /// Counts a disclosure into the document rows its category names.
    pub fn disclosure(&mut self, d: &Disclosure, year: (Date, Date)) {
        let Some(category) = d.category.as_deref() else {
            return;
        };
        let category = nfkc(category);
        if category.contains("规章") {
            self.rules.count(d, year);
        }
        if category.contains("规范性文件") {
            self.normative_documents.count(d, year);
        }
    }

    /// Counts an enforcement decision of `Y` by its kind.
    pub fn enforcement(&mut self, e: &Enforcement, (first, last): (Date, Date)) {
        if e.decided_on < first || e.decided_on > last {
            return;
        }
        let kind = nfkc(&e.kind);
        self.licensing += u32::from(kind.contains("许可"));
        self.penalty += u32::from(kind.contains("处罚"));
        self.coercion += u32::from(kind.contains("强制"));
    }

    /// Adds a fee row: its amount when collected in `Y` or undated.
    pub fn fee(&mut self, f: &Fee, (first, last): (Date, Date)) {
        let sum = self.fees.get_or_insert(0);
        if f.collected_on.is_none_or(|d| first <= d && d <= last) {
            *sum += f.amount;
        }
    }

    /// Adds another unit's table (the county is the sum of its units).
    pub fn add(&mut self, o: &Table2) {
        self.rules.add(&o.rules);
        self.normative_documents.add(&o.normative_documents);
        self.licensing += o.licensing;
        self.penalty += o.penalty;
        self.coercion += o.coercion;
        if let Some(f) = o.fees {
            *self.fees.get_or_insert(0) += f;
        }
    }
}

/// The blocks of table 四, in the form's order.
pub const BLOCKS: [&str; 3] = [
    "reconsideration",
    "litigation_direct",
    "litigation_after_reconsideration",
];

/// The five columns of a table 四 block.
pub const RESULTS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// Table 四: three blocks of five counts.
pub type Table4 = [[u32; 5]; 3];

/// The block of a review's `kind`, `None` for an unknown kind (a finding).
pub fn review_block(kind: &str) -> Option<usize> {
    let kind = nfkc(kind);
    let lawsuit = kind.contains("诉讼");
    if lawsuit && (kind.contains("未经复议") || kind.contains("直接起诉")) {
        Some(1)
    } else if lawsuit && kind.contains("复议") {
        Some(2)
    } else if lawsuit {
        Some(1)
    } else if kind.contains("复议") {
        Some(0)
    } else {
        None
    }
}

/// The result column (0 维持, 1 纠正, 2 其他, 3 尚未审结) of a review at
/// the end of year `Y` (`last` = 31 December).
pub fn review_result(r: &Review, last: Date) -> usize {
    let result: String = nfkc(r.result.as_deref().unwrap_or_default())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if matches!(result.as_str(), "" | "尚未审结" | "未审结" | "审理中")
        || r.concluded_on.is_some_and(|d| d > last)
    {
        3
    } else if result.contains("维持") || result.contains("驳回诉讼请求") {
        0
    } else if ["纠正", "撤销", "确认违法", "责令"]
        .iter()
        .any(|w| result.contains(w))
    {
        1
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_kinds_follow_the_rule_order() {
        let kinds = "行政复议=0 行政诉讼（未经复议直接起诉）=1 直接起诉的行政诉讼=1 \
                     复议后起诉的行政诉讼=2 行政诉讼=1 信访=-";
        for case in kinds.split_whitespace() {
            let (kind, block) = case.split_once('=').expect("kind=block");
            assert_eq!(review_block(kind), block.parse().ok(), "{kind}");
        }
    }
}
