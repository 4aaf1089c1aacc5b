//! 部门名单.csv: the department list with groups and aliases.
//!
//! Aliases are joined with each separator RULES §1 allows (、 , ; |), one
//! group is left empty (to be inferred from the name) and two names carry
//! stray spaces that normalisation must remove.

use super::{Cell, Outcome, Plant, Sheet};
use crate::county::{DEPTS, Dept};

/// The alias separator a department's list uses (variety on purpose).
fn separator(d: &Dept) -> &'static str {
    match d.name {
        "旗卫生健康委员会" => ",",
        "旗行政审批和政务服务局" => ";",
        "鄂尔多斯市生态环境局鄂托克前旗分局" => "|",
        _ => "、",
    }
}

/// The department table.
pub(crate) fn generate() -> Sheet {
    let mut sheet = Sheet::new(&["部门", "分组", "别名"]);
    for d in DEPTS.iter().filter(|d| d.listed) {
        let mut name = d.name.to_owned();
        let mut group = d.group.label().to_owned();
        let mut plant = None;
        match d.name {
            "城川镇" => {
                group.clear();
                plant = Some(Plant::new(
                    "分组",
                    Outcome::Accepted,
                    "empty 分组: group inferred from the name ending 镇 → 镇（苏木）",
                ));
            }
            "旗审计局" => {
                group = format!(" {group} ");
                plant = Some(Plant::new(
                    "分组",
                    Outcome::Accepted,
                    "分组 \" 旗直部门 \" with spaces: trimmed to 旗直部门",
                ));
            }
            "上海庙镇" => {
                name.push('\u{3000}');
                plant = Some(Plant::new(
                    "部门",
                    Outcome::Accepted,
                    "trailing full-width space (U+3000): normalised to 上海庙镇",
                ));
            }
            "旗科学技术局" => {
                plant = Some(Plant::new(
                    "部门",
                    Outcome::Accepted,
                    "has no records in any other file: listed but unscored",
                ));
            }
            _ => {}
        }
        let aliases = d.aliases.join(separator(d));
        sheet.push(
            vec![Cell::Text(name), Cell::Text(group), Cell::Text(aliases)],
            plant,
        );
    }
    sheet
}
