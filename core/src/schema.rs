//! The table kinds of RULES §1 and their column aliases.
//!
//! Each exported table holds one kind of record. The kind is recognised from
//! its header row: every required column of the kind must be named by one of
//! its aliases (Chinese names used by government systems, or the English
//! key). This module is the single source of those names; the importer, the
//! README and the app's help all read them from here.

use serde::Serialize;

use crate::text::header_key;

/// A kind of exported table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 主动公开: a published item.
    Disclosure,
    /// 政策解读: a published policy interpretation.
    Interpretation,
    /// 依申请公开: an information request.
    Request,
    /// 网民留言: a citizen message.
    Message,
    /// 政务舆情: a public-opinion event.
    Opinion,
    /// 执法公示: an enforcement decision.
    Enforcement,
    /// 网站栏目: a website column.
    Column,
    /// 复议诉讼: a reconsideration or lawsuit about 政府信息公开 (RULES §7).
    Review,
    /// 行政事业性收费: a fee collection (RULES §7).
    Fee,
    /// 部门名单: a department, its group and aliases.
    Department,
}

impl Kind {
    /// Every kind, in RULES §3 order.
    pub const ALL: [Kind; 10] = [
        Kind::Disclosure,
        Kind::Interpretation,
        Kind::Request,
        Kind::Message,
        Kind::Opinion,
        Kind::Enforcement,
        Kind::Column,
        Kind::Review,
        Kind::Fee,
        Kind::Department,
    ];

    /// The English key, as in JSON and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Disclosure => "disclosure",
            Kind::Interpretation => "interpretation",
            Kind::Request => "request",
            Kind::Message => "message",
            Kind::Opinion => "opinion",
            Kind::Enforcement => "enforcement",
            Kind::Column => "column",
            Kind::Review => "review",
            Kind::Fee => "fee",
            Kind::Department => "department",
        }
    }

    /// The Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Kind::Disclosure => "主动公开",
            Kind::Interpretation => "政策解读",
            Kind::Request => "依申请公开",
            Kind::Message => "网民留言",
            Kind::Opinion => "政务舆情",
            Kind::Enforcement => "执法公示",
            Kind::Column => "网站栏目",
            Kind::Review => "复议诉讼",
            Kind::Fee => "行政事业性收费",
            Kind::Department => "部门名单",
        }
    }

    /// The kind with this English key or Chinese name.
    pub fn from_name(name: &str) -> Option<Kind> {
        let name = name.trim();
        Kind::ALL
            .into_iter()
            .find(|k| k.key().eq_ignore_ascii_case(name) || k.name_zh() == name)
    }

    /// The completion that may not come before the start, as `(done,
    /// start)`: a row where it does is kept with a warning (RULES §1.3).
    pub fn order(self) -> Option<(Key, Key)> {
        match self {
            Kind::Disclosure => Some((Key::PublishedOn, Key::FormedOn)),
            Kind::Request | Kind::Message => Some((Key::RepliedOn, Key::ReceivedOn)),
            Kind::Opinion => Some((Key::RespondedAt, Key::FoundAt)),
            Kind::Enforcement => Some((Key::PublishedOn, Key::DecidedOn)),
            Kind::Review => Some((Key::ConcludedOn, Key::FiledOn)),
            Kind::Interpretation | Kind::Column | Kind::Fee | Kind::Department => None,
        }
    }

    /// The columns of this kind, required ones first.
    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            Kind::Disclosure => DISCLOSURE,
            Kind::Interpretation => INTERPRETATION,
            Kind::Request => REQUEST,
            Kind::Message => MESSAGE,
            Kind::Opinion => OPINION,
            Kind::Enforcement => ENFORCEMENT,
            Kind::Column => COLUMN,
            Kind::Review => REVIEW,
            Kind::Fee => FEE,
            Kind::Department => DEPARTMENT,
        }
    }
}

/// How the cells of a column are read (RULES §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Text, trimmed.
    Text,
    /// An id, compared after NFKC and trimming.
    Id,
    /// A date.
    Date,
    /// A date and time of day.
    DateTime,
    /// Yes or no.
    YesNo,
    /// A whole number ≥ 0.
    Count,
    /// An amount of money ≥ 0 in 万元, up to six decimals.
    Amount,
}

/// A column key (the English name of a column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(
    missing_docs,
    reason = "each variant is the RULES §1 key of the same name"
)]
pub enum Key {
    Dept,
    FormedOn,
    PublishedOn,
    Id,
    Title,
    DocNo,
    Category,
    NeedsInterpretation,
    PolicyId,
    Form,
    ReceivedOn,
    CorrectedOn,
    Extended,
    ExcludedWorkdays,
    RepliedOn,
    Outcome,
    FoundAt,
    Level,
    RespondedAt,
    DecidedOn,
    Kind,
    Name,
    LastUpdatedOn,
    Group,
    Aliases,
    RepealedOn,
    ApplicantType,
    FiledOn,
    Result,
    ConcludedOn,
    AmountWan,
    CollectedOn,
    Item,
}

/// Number of [`Key`] variants.
pub const KEY_COUNT: usize = 33;

impl Key {
    /// How this column's cells are read, in every kind that has it.
    pub fn form(self) -> Form {
        match self {
            Key::FormedOn
            | Key::PublishedOn
            | Key::ReceivedOn
            | Key::CorrectedOn
            | Key::RepliedOn
            | Key::DecidedOn
            | Key::LastUpdatedOn
            | Key::RepealedOn
            | Key::FiledOn
            | Key::ConcludedOn
            | Key::CollectedOn => Form::Date,
            Key::FoundAt | Key::RespondedAt => Form::DateTime,
            Key::NeedsInterpretation | Key::Extended => Form::YesNo,
            Key::ExcludedWorkdays => Form::Count,
            Key::AmountWan => Form::Amount,
            Key::Id | Key::PolicyId => Form::Id,
            _ => Form::Text,
        }
    }

    /// The English key.
    pub fn as_str(self) -> &'static str {
        match self {
            Key::Dept => "dept",
            Key::FormedOn => "formed_on",
            Key::PublishedOn => "published_on",
            Key::Id => "id",
            Key::Title => "title",
            Key::DocNo => "doc_no",
            Key::Category => "category",
            Key::NeedsInterpretation => "needs_interpretation",
            Key::PolicyId => "policy_id",
            Key::Form => "form",
            Key::ReceivedOn => "received_on",
            Key::CorrectedOn => "corrected_on",
            Key::Extended => "extended",
            Key::ExcludedWorkdays => "excluded_workdays",
            Key::RepliedOn => "replied_on",
            Key::Outcome => "outcome",
            Key::FoundAt => "found_at",
            Key::Level => "level",
            Key::RespondedAt => "responded_at",
            Key::DecidedOn => "decided_on",
            Key::Kind => "kind",
            Key::Name => "name",
            Key::LastUpdatedOn => "last_updated_on",
            Key::Group => "group",
            Key::Aliases => "aliases",
            Key::RepealedOn => "repealed_on",
            Key::ApplicantType => "applicant_type",
            Key::FiledOn => "filed_on",
            Key::Result => "result",
            Key::ConcludedOn => "concluded_on",
            Key::AmountWan => "amount_wan",
            Key::CollectedOn => "collected_on",
            Key::Item => "item",
        }
    }
}

/// One column of a kind: its key, whether it is required, and its aliases.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    /// The column key.
    pub key: Key,
    /// True when every row needs a value.
    pub required: bool,
    /// Chinese header names (the English key is always an alias too).
    pub aliases: &'static [&'static str],
}

const fn req(key: Key, aliases: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        key,
        required: true,
        aliases,
    }
}

const fn opt(key: Key, aliases: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        key,
        required: false,
        aliases,
    }
}

const DEPT_PUBLISHER: &[&str] = &["发布机构", "部门", "公开主体", "发文机关"];
const PUBLISHED_ON: &[&str] = &["发布日期", "公开日期"];
const TITLE: &[&str] = &["标题", "名称"];

const DISCLOSURE: &[ColumnSpec] = &[
    req(Key::Dept, DEPT_PUBLISHER),
    req(Key::FormedOn, &["成文日期", "形成日期", "发文日期"]),
    req(Key::PublishedOn, PUBLISHED_ON),
    opt(Key::Id, &["索引号"]),
    opt(Key::Title, TITLE),
    opt(Key::DocNo, &["文号", "发文字号"]),
    opt(Key::Category, &["主题分类", "体裁", "组配分类", "类别"]),
    opt(Key::NeedsInterpretation, &["需解读", "是否需解读"]),
    opt(Key::RepealedOn, &["废止日期", "失效日期"]),
];

const INTERPRETATION: &[ColumnSpec] = &[
    req(Key::Dept, DEPT_PUBLISHER),
    req(Key::PolicyId, &["关联文件索引号", "关联索引号"]),
    req(Key::PublishedOn, PUBLISHED_ON),
    opt(Key::Title, TITLE),
    opt(Key::Form, &["解读形式"]),
];

const REQUEST: &[ColumnSpec] = &[
    req(Key::Dept, &["承办机关", "受理机关", "部门"]),
    req(Key::ReceivedOn, &["收到申请日期", "收到日期", "申请日期"]),
    opt(Key::Id, &["申请编号", "受理编号"]),
    opt(Key::CorrectedOn, &["收到补正日期"]),
    opt(Key::Extended, &["是否延期", "延期"]),
    opt(Key::ExcludedWorkdays, &["征求意见工作日", "不计入工作日"]),
    opt(Key::RepliedOn, &["答复日期", "送达日期"]),
    opt(Key::Outcome, &["办理结果", "处理结果", "答复类型"]),
    opt(Key::ApplicantType, APPLICANT_TYPE),
];

/// The headers of `applicant_type`: a category, kept although it names
/// the 申请人 (RULES §1.9).
pub const APPLICANT_TYPE: &[&str] = &["申请人类型", "申请人类别", "申请主体类型"];

const MESSAGE: &[ColumnSpec] = &[
    req(Key::Dept, &["办理单位", "承办单位", "部门"]),
    req(Key::ReceivedOn, &["留言时间", "留言日期"]),
    opt(Key::Id, &["编号"]),
    opt(Key::RepliedOn, &["答复时间", "回复时间"]),
    opt(Key::Kind, &["留言类型"]),
];

const OPINION: &[ColumnSpec] = &[
    req(Key::Dept, &["涉事部门", "责任单位", "部门"]),
    req(Key::FoundAt, &["发现时间"]),
    req(Key::Level, &["事件等级", "级别"]),
    opt(Key::Id, &["舆情编号"]),
    opt(Key::RespondedAt, &["首次回应时间", "回应时间"]),
    opt(Key::Title, TITLE),
];

const ENFORCEMENT: &[ColumnSpec] = &[
    req(Key::Dept, &["执法机关", "部门"]),
    req(Key::DecidedOn, &["决定日期", "作出决定日期"]),
    req(Key::Kind, &["类别", "执法类别"]),
    opt(Key::Id, &["决定书文号"]),
    opt(Key::PublishedOn, &["公示日期"]),
];

const COLUMN: &[ColumnSpec] = &[
    req(Key::Dept, &["主办单位", "部门"]),
    req(Key::Name, &["栏目名称"]),
    req(Key::Kind, &["栏目类型"]),
    opt(Key::LastUpdatedOn, &["最后更新日期", "最近更新"]),
];

const REVIEW: &[ColumnSpec] = &[
    req(Key::Dept, &["被申请机关", "被诉机关", "部门"]),
    req(Key::Kind, &["案件类型", "类型"]),
    req(Key::FiledOn, &["收案日期", "受理日期", "立案日期"]),
    opt(Key::Id, &["案号"]),
    opt(Key::Result, &["审理结果", "结果"]),
    opt(Key::ConcludedOn, &["审结日期"]),
];

const FEE: &[ColumnSpec] = &[
    req(Key::Dept, &["收费单位", "部门"]),
    req(Key::AmountWan, &["收费金额（万元）", "金额（万元）"]),
    opt(Key::CollectedOn, &["收费日期"]),
    opt(Key::Item, &["收费项目"]),
];

const DEPARTMENT: &[ColumnSpec] = &[
    req(Key::Dept, &["部门", "单位名称"]),
    opt(Key::Group, &["分组", "类别"]),
    opt(Key::Aliases, &["别名"]),
];

/// Which column of a table holds each key of its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    /// The recognised kind.
    pub kind: Kind,
    /// Column index per [`Key`] (as `usize`), when present.
    pub index: [Option<usize>; KEY_COUNT],
}

impl ColumnMap {
    /// The column holding `key`, if any.
    pub fn get(&self, key: Key) -> Option<usize> {
        self.index[key as usize]
    }

    /// Number of keys this header names.
    pub fn matched(&self) -> usize {
        self.index.iter().filter(|i| i.is_some()).count()
    }

    /// True when every required column of the kind is present.
    pub fn is_complete(&self) -> bool {
        self.kind
            .columns()
            .iter()
            .filter(|c| c.required)
            .all(|c| self.get(c.key).is_some())
    }
}

/// Maps a header row onto `kind`: the first column naming each key wins.
/// `headers` must already be [`header_key`]-normalised.
pub fn map_header(kind: Kind, headers: &[String]) -> ColumnMap {
    let mut index = [None; KEY_COUNT];
    let columns = alias_keys(kind);
    for (col, header) in headers.iter().enumerate() {
        if header.is_empty() {
            continue;
        }
        for (key, names) in columns {
            if index[*key as usize].is_some() {
                continue;
            }
            if key.as_str() == header || names.iter().any(|a| a == header) {
                index[*key as usize] = Some(col);
                break;
            }
        }
    }
    ColumnMap { kind, index }
}

/// A column and its aliases as header keys.
type AliasKeys = (Key, Vec<String>);

/// The columns of `kind` with their aliases normalised as header cells are
/// ([`header_key`]), computed once: recognising a header compares every
/// cell of the first rows with every alias of every kind.
fn alias_keys(kind: Kind) -> &'static [AliasKeys] {
    static KEYS: std::sync::OnceLock<Vec<Vec<AliasKeys>>> = std::sync::OnceLock::new();
    let all = KEYS.get_or_init(|| {
        Kind::ALL
            .iter()
            .map(|k| {
                k.columns()
                    .iter()
                    .map(|c| (c.key, c.aliases.iter().map(|a| header_key(a)).collect()))
                    .collect()
            })
            .collect()
    });
    let at = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    &all[at]
}

/// Recognises the kind a header row names (RULES §1): among the kinds whose
/// required columns are all present, the one naming the most columns;
/// `department` only when no other kind fits. With `wanted`, only that kind
/// is considered.
pub fn recognise(headers: &[String], wanted: Option<Kind>) -> Option<ColumnMap> {
    let candidates: &[Kind] = match wanted {
        Some(ref k) => std::slice::from_ref(k),
        None => &Kind::ALL,
    };
    let mut best: Option<ColumnMap> = None;
    for &kind in candidates {
        let map = map_header(kind, headers);
        if !map.is_complete() {
            continue;
        }
        let better = match &best {
            None => true,
            Some(b) if b.kind == Kind::Department => true,
            Some(b) => kind != Kind::Department && map.matched() > b.matched(),
        };
        if better {
            best = Some(map);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| header_key(c)).collect()
    }

    #[test]
    fn key_count_matches_the_enum() {
        assert_eq!(Key::Item as usize + 1, KEY_COUNT);
    }

    #[test]
    fn recognises_each_kind_from_chinese_headers() {
        let cases: &[(&[&str], Kind)] = &[
            (
                &["索引号", "标题", "发布机构", "成文日期", "发布日期"],
                Kind::Disclosure,
            ),
            (
                &["标题", "发布机构", "关联文件索引号", "发布日期", "解读形式"],
                Kind::Interpretation,
            ),
            (
                &["申请编号", "受理机关", "收到申请日期", "答复日期"],
                Kind::Request,
            ),
            (&["编号", "办理单位", "留言时间", "答复时间"], Kind::Message),
            (
                &["舆情编号", "涉事部门", "发现时间", "事件等级"],
                Kind::Opinion,
            ),
            (
                &["决定书文号", "执法机关", "执法类别", "作出决定日期"],
                Kind::Enforcement,
            ),
            (
                &["主办单位", "栏目名称", "栏目类型", "最近更新"],
                Kind::Column,
            ),
            (
                &["案号", "被申请机关", "案件类型", "收案日期", "审理结果"],
                Kind::Review,
            ),
            (&["收费单位", "收费项目", "收费金额（万元）"], Kind::Fee),
            (&["部门", "分组", "别名"], Kind::Department),
        ];
        for (cells, kind) in cases {
            let map = recognise(&headers(cells), None).expect("recognised");
            assert_eq!(map.kind, *kind, "{cells:?}");
        }
    }

    #[test]
    fn english_keys_are_aliases_and_case_is_folded() {
        let map =
            recognise(&headers(&["DEPT", "Formed_On", "published_on"]), None).expect("recognised");
        assert_eq!(map.kind, Kind::Disclosure);
        assert_eq!(map.get(Key::PublishedOn), Some(2));
    }

    #[test]
    fn department_only_when_nothing_else_fits() {
        // 部门 alone fits `department`; with the disclosure dates it is a disclosure.
        let map = recognise(&headers(&["部门", "成文日期", "发布日期", "类别"]), None)
            .expect("recognised");
        assert_eq!(map.kind, Kind::Disclosure);
        assert_eq!(map.get(Key::Category), Some(3));
    }

    #[test]
    fn most_matched_columns_wins() {
        // Fits request and message with English keys; the request-only
        // column `extended` tips it.
        let map = recognise(
            &headers(&["dept", "received_on", "replied_on", "extended"]),
            None,
        )
        .expect("recognised");
        assert_eq!(map.kind, Kind::Request);
    }

    #[test]
    fn a_missing_required_column_is_not_a_kind() {
        assert!(
            recognise(
                &headers(&["发布机构", "发布日期", "标题"]),
                Some(Kind::Disclosure)
            )
            .is_none()
        );
        assert!(recognise(&headers(&["鄂托克前旗2019年主动公开目录"]), None).is_none());
    }
}
