//! Table 三 收到和处理政府信息公开申请情况 (RULES §7.3): the 25 rows, the
//! seven applicant columns, how an `applicant_type` and an `outcome` are
//! recognised, and where a request falls in year `Y`.

use crate::date::Date;
use crate::record::Request;
use crate::text::nfkc;

/// The columns of table 三, in order: 自然人, then the five kinds of 法人或
/// 其他组织, then 总计.
pub const COLUMNS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// Index of the 总计 column.
pub const TOTAL_COLUMN: usize = 6;

/// One row of table 三: its JSON key, its label on the form, the group it
/// is listed under (不予公开 …), and the extra spellings of an outcome.
#[derive(Debug, Clone, Copy)]
pub struct Row3 {
    /// JSON key (RULES §7).
    pub key: &'static str,
    /// The label as the national form prints it.
    pub label: &'static str,
    /// The group label for outcome rows listed under one.
    pub group: Option<&'static str>,
    /// Other spellings an `outcome` may use.
    pub extra: &'static [&'static str],
}

const fn row(key: &'static str, label: &'static str) -> Row3 {
    Row3 {
        key,
        label,
        group: None,
        extra: &[],
    }
}

const fn under(
    group: &'static str,
    key: &'static str,
    label: &'static str,
    extra: &'static [&'static str],
) -> Row3 {
    Row3 {
        key,
        label,
        group: Some(group),
        extra,
    }
}

/// The group labels of the outcome rows.
pub const GROUPS: [&str; 4] = ["不予公开", "无法提供", "不予处理", "其他处理"];

/// The 25 rows, in the form's order.
pub const ROWS: [Row3; 25] = [
    row("new", "一、本年新收政府信息公开申请数量"),
    row("carried_in", "二、上年结转政府信息公开申请数量"),
    Row3 {
        extra: &["公开", "同意公开"],
        ..row("granted", "（一）予以公开")
    },
    Row3 {
        extra: &["部分公开", "区分处理"],
        ..row(
            "partly_granted",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        )
    },
    under("不予公开", "denied.state_secret", "1.属于国家秘密", &[]),
    under(
        "不予公开",
        "denied.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        &[],
    ),
    under(
        "不予公开",
        "denied.three_safeties",
        "3.危及“三安全一稳定”",
        &[],
    ),
    under(
        "不予公开",
        "denied.third_party",
        "4.保护第三方合法权益",
        &[],
    ),
    under(
        "不予公开",
        "denied.internal_affairs",
        "5.属于三类内部事务信息",
        &[],
    ),
    under(
        "不予公开",
        "denied.process_info",
        "6.属于四类过程性信息",
        &[],
    ),
    under(
        "不予公开",
        "denied.enforcement_file",
        "7.属于行政执法案卷",
        &[],
    ),
    under("不予公开", "denied.query_matter", "8.属于行政查询事项", &[]),
    under(
        "无法提供",
        "unable.not_held",
        "1.本机关不掌握相关政府信息",
        &["信息不存在", "本机关不掌握"],
    ),
    under(
        "无法提供",
        "unable.needs_creation",
        "2.没有现成信息需要另行制作",
        &[],
    ),
    under(
        "无法提供",
        "unable.still_unclear",
        "3.补正后申请内容仍不明确",
        &[],
    ),
    under(
        "不予处理",
        "not_processed.petition",
        "1.信访举报投诉类申请",
        &[],
    ),
    under("不予处理", "not_processed.repeated", "2.重复申请", &[]),
    under(
        "不予处理",
        "not_processed.publication",
        "3.要求提供公开出版物",
        &[],
    ),
    under(
        "不予处理",
        "not_processed.mass_repeated",
        "4.无正当理由大量反复申请",
        &[],
    ),
    under(
        "不予处理",
        "not_processed.confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        &[],
    ),
    under(
        "其他处理",
        "other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        &["逾期不补正"],
    ),
    under(
        "其他处理",
        "other.no_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        &["逾期未缴费"],
    ),
    under("其他处理", "other.other", "3.其他", &["其他处理"]),
    row("total", "（七）总计"),
    row("carried_out", "四、结转下年度继续办理"),
];

/// The heading of the group an outcome row `r` opens, with the number of
/// rows it spans: `(8, "（三）不予公开")` for row 4; `None` for a row that
/// opens no group.
pub fn group_heading(r: usize) -> Option<(usize, String)> {
    let group = ROWS.get(r)?.group?;
    if r > 0 && ROWS[r - 1].group == Some(group) {
        return None;
    }
    let n = ROWS[r..]
        .iter()
        .take_while(|x| x.group == Some(group))
        .count();
    let number =
        ["（三）", "（四）", "（五）", "（六）"][GROUPS.iter().position(|g| *g == group)?];
    Some((n, format!("{number}{group}")))
}

/// Row index of 一 (new this year).
pub const NEW: usize = 0;
/// Row index of 二 (carried in from last year).
pub const CARRIED_IN: usize = 1;
/// The outcome rows: (一)予以公开 to (六)3.其他 (21 rows).
pub const OUTCOMES: std::ops::Range<usize> = 2..23;
/// Row index of (七)总计.
pub const TOTAL: usize = 23;
/// Row index of 四 (carried over to next year).
pub const CARRIED_OUT: usize = 24;

/// The counts of table 三: 25 rows of seven columns.
pub type Table3 = [[u32; 7]; 25];

/// The column of an `applicant_type` value (RULES §7), `None` for an empty
/// or unrecognised one (type unknown: counted in 总计 only).
pub fn applicant_column(value: Option<&str>) -> Option<usize> {
    let v: String = nfkc(value?)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let column = match v.as_str() {
        "自然人" | "个人" | "公民" => 0,
        "商业企业" | "企业" | "公司" => 1,
        "科研机构" => 2,
        "社会公益组织" | "公益组织" | "社会组织" => 3,
        "法律服务机构" | "律师事务所" | "律所" => 4,
        "其他" | "其他组织" => 5,
        _ => return None,
    };
    Some(column)
}

/// Characters dropped when outcomes and labels are compared (after NFKC,
/// which has already folded the full-width forms).
const DROPPED: &str = "、，,：:（）()-—·.\"“”";

const NUMERALS: &str = "0123456789一二三四五六七八九十";

/// Removes one leading numbering: `(三)`, `三、`, `1.` or `1、` (after NFKC).
fn strip_numbering(s: &str) -> Option<&str> {
    let s = s.trim_start();
    if let Some(rest) = s.strip_prefix('(') {
        let end = rest.find(')')?;
        let inner = &rest[..end];
        if !inner.is_empty() && inner.chars().all(|c| NUMERALS.contains(c)) {
            return Some(&rest[end + 1..]);
        }
        return None;
    }
    let digits = s
        .char_indices()
        .find(|&(_, c)| !NUMERALS.contains(c))
        .map_or(s.len(), |(i, _)| i);
    if digits == 0 {
        return None;
    }
    let rest = &s[digits..];
    rest.strip_prefix('、').or_else(|| rest.strip_prefix('.'))
}

fn strip_all_numbering(mut s: &str) -> &str {
    while let Some(rest) = strip_numbering(s) {
        s = rest;
    }
    s.trim_start()
}

/// An outcome or a label as RULES §7 compares them: NFKC; leading
/// numbering removed, also after a group label; then spaces and the
/// characters `、，,：:（）()-—·."“”` removed.
pub fn outcome_key(value: &str) -> String {
    let folded = nfkc(value);
    let mut s = strip_all_numbering(&folded).to_owned();
    if let Some(group) = GROUPS.iter().find(|g| s.starts_with(*g)) {
        let rest =
            s[group.len()..].trim_start_matches(|c: char| c.is_whitespace() || DROPPED.contains(c));
        s = format!("{group}{}", strip_all_numbering(rest));
    }
    s.chars()
        .filter(|c| !c.is_whitespace() && !DROPPED.contains(*c))
        .collect()
}

/// The outcome row of an `outcome` value, `None` when it matches none
/// (outcome unknown: counted in `total` only).
pub fn outcome_row(value: Option<&str>) -> Option<usize> {
    let key = outcome_key(value?);
    if key.is_empty() {
        return None;
    }
    outcome_spellings()
        .iter()
        .find(|(spelling, _)| *spelling == key)
        .map(|&(_, row)| row)
}

/// Every spelling an outcome row accepts, normalised once, in row order:
/// its label, its group label followed by its label, its extra spellings.
fn outcome_spellings() -> &'static [(String, usize)] {
    static SPELLINGS: std::sync::OnceLock<Vec<(String, usize)>> = std::sync::OnceLock::new();
    SPELLINGS.get_or_init(|| {
        let mut all = Vec::new();
        for i in OUTCOMES {
            let row = &ROWS[i];
            let label = outcome_key(row.label);
            if let Some(group) = row.group {
                all.push((format!("{group}{label}"), i));
            }
            all.push((label, i));
            all.extend(row.extra.iter().map(|e| (outcome_key(e), i)));
        }
        all
    })
}

/// Where a request falls in year `Y` (RULES §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Received in `Y` (一) or carried in (二), and replied by 31 December
    /// (三): `carried` tells which.
    Replied {
        /// True for 二.
        carried: bool,
    },
    /// Received in `Y` or carried in, and not replied by 31 December (四).
    Open {
        /// True for 二.
        carried: bool,
    },
}

/// The place of `r` in year `year`, `None` when the year's tables do not
/// count it.
pub fn place(r: &Request, year: i32) -> Option<Place> {
    let (first, last) = year_bounds(year)?;
    let carried = if r.received_on >= first && r.received_on <= last {
        false
    } else if r.received_on < first && r.replied_on.is_none_or(|d| d >= first) {
        true
    } else {
        return None;
    };
    Some(match r.replied_on {
        Some(d) if d <= last => Place::Replied { carried },
        _ => Place::Open { carried },
    })
}

/// 1 January and 31 December of `year`.
pub fn year_bounds(year: i32) -> Option<(Date, Date)> {
    Some((Date::from_ymd(year, 1, 1)?, Date::from_ymd(year, 12, 31)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(outcome: &str) -> Option<&'static str> {
        outcome_row(Some(outcome)).map(|i| ROWS[i].key)
    }

    #[test]
    fn there_are_21_outcome_rows_between_carried_in_and_total() {
        assert_eq!(OUTCOMES.len(), 21);
        assert_eq!(ROWS[TOTAL].key, "total");
        assert_eq!(ROWS[CARRIED_OUT].key, "carried_out");
        assert_eq!(ROWS[OUTCOMES.end - 1].key, "other.other");
    }

    /// Outcomes as offices write them, a line each: the value, then the
    /// row key it must land in.
    const OUTCOME_CASES: &str = "
        予以公开 granted
        （一）予以公开 granted
        １．予以公开 granted
        同意公开 granted
        部分公开 partly_granted
        （二）部分公开（区分处理的，只计这一情形，不计其他情形） partly_granted
        不予公开：1.属于国家秘密 denied.state_secret
        属于国家秘密 denied.state_secret
        （三）不予公开 3.危及“三安全一稳定” denied.three_safeties
        危及三安全一稳定 denied.three_safeties
        信息不存在 unable.not_held
        本机关不掌握 unable.not_held
        无法提供、本机关不掌握相关政府信息 unable.not_held
        不予处理：2、重复申请 not_processed.repeated
        逾期不补正 other.no_correction
        其他处理 other.other
        其他处理：3.其他 other.other
        其他 other.other";

    #[test]
    fn outcomes_match_labels_group_prefixes_and_extra_spellings() {
        for line in OUTCOME_CASES.lines().filter(|l| !l.trim().is_empty()) {
            let (value, key) = line.trim().rsplit_once(' ').expect("value key");
            assert_eq!(key_of(value), Some(key), "{value}");
        }
        // An extra spelling does not take its group's label.
        assert_eq!(key_of("无法提供-信息不存在"), None);
    }

    #[test]
    fn an_outcome_that_is_no_row_is_unknown() {
        for v in ["", "不予公开", "总计", "予以公示", "（七）总计", "无法提供"] {
            assert_eq!(key_of(v), None, "{v}");
        }
        assert_eq!(outcome_row(None), None);
    }

    #[test]
    fn applicant_types_map_onto_the_six_columns() {
        let cases = "自然人=0 公民=0 公司=1 科研机构=2 社会组织=3 律所=4 其他组织=5 法人=-";
        for case in cases.split_whitespace() {
            let (value, column) = case.split_once('=').expect("value=column");
            assert_eq!(
                applicant_column(Some(value)),
                column.parse().ok(),
                "{value}"
            );
        }
        assert_eq!(applicant_column(Some(" 公 民 ")), Some(0), "spaces removed");
        assert_eq!(applicant_column(Some("")), None);
        assert_eq!(applicant_column(None), None);
    }
}
