//! The sample county: 鄂托克前旗 (Otog Front Banner, Inner Mongolia).
//!
//! One table describes every department: its name, group, aliases, how
//! diligent it is (`quality`, roughly the share of deadlines it meets, which
//! spreads the scores from about 45 to about 98), the words its documents
//! use, and how many records of each table kind it produces.

/// Department group as written in 部门名单 (RULES §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    /// 旗直部门: banner-level departments.
    Banner,
    /// 镇（苏木）: towns.
    Town,
}

impl Group {
    /// The group name as written in the department list.
    pub(crate) const fn label(self) -> &'static str {
        match self {
            Self::Banner => "旗直部门",
            Self::Town => "镇（苏木）",
        }
    }
}

/// Something the sample deliberately makes a department fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Veto {
    /// No planted veto.
    None,
    /// A message left unanswered for more than 3 months (RULES §4 a).
    Message,
    /// Five or more stale website columns (RULES §4 b).
    Columns,
}

/// How many records of each kind a department produces.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Volume {
    /// 主动公开 items.
    pub disclosure: u32,
    /// 依申请公开 applications.
    pub request: u32,
    /// 网民留言 messages.
    pub message: u32,
    /// 政务舆情 events.
    pub opinion: u32,
    /// 网站栏目 columns.
    pub columns: u32,
}

/// One department of the county.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dept {
    /// Official name.
    pub name: &'static str,
    /// Group.
    pub group: Group,
    /// Other names used in some exports (and listed in 部门名单).
    pub aliases: &'static [&'static str],
    /// Diligence in `0..=1`: roughly the share of deadlines met.
    pub quality: f64,
    /// 发文字号 prefix, e.g. 鄂前政办发.
    pub doc_prefix: &'static str,
    /// 主题分类 of its documents.
    pub theme: &'static str,
    /// Work topics used in titles.
    pub topics: &'static [&'static str],
    /// Record counts per table kind.
    pub volume: Volume,
    /// Enforcement decisions per 执法类别.
    pub enforcement: &'static [(&'static str, u32)],
    /// Whether the department appears in 部门名单.
    pub listed: bool,
    /// The veto the sample plants for it.
    pub veto: Veto,
}

impl Dept {
    /// Total enforcement decisions over all 执法类别.
    pub(crate) fn enforcement_total(&self) -> u32 {
        self.enforcement.iter().map(|&(_, n)| n).sum()
    }
}

/// Shorthand for a [`Volume`].
const fn vol(disclosure: u32, request: u32, message: u32, opinion: u32, columns: u32) -> Volume {
    Volume {
        disclosure,
        request,
        message,
        opinion,
        columns,
    }
}

/// A listed department without planted veto.
#[allow(clippy::too_many_arguments)] // Reason: one positional row per department keeps the table readable.
const fn dept(
    name: &'static str,
    group: Group,
    aliases: &'static [&'static str],
    quality: f64,
    doc_prefix: &'static str,
    theme: &'static str,
    topics: &'static [&'static str],
    volume: Volume,
    enforcement: &'static [(&'static str, u32)],
) -> Dept {
    Dept {
        name,
        group,
        aliases,
        quality,
        doc_prefix,
        theme,
        topics,
        volume,
        enforcement,
        listed: true,
        veto: Veto::None,
    }
}

/// The same department with a planted veto.
const fn with_veto(d: Dept, veto: Veto) -> Dept {
    Dept { veto, ..d }
}

/// The same department, absent from 部门名单.
const fn unlisted(d: Dept) -> Dept {
    Dept { listed: false, ..d }
}

mod departments;
pub(crate) use departments::DEPTS;

/// The department called `name` (official name).
pub(crate) fn by_name(name: &str) -> &'static Dept {
    DEPTS
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no department {name} in the sample county"))
}

/// Index of the department in [`DEPTS`].
pub(crate) fn index_of(d: &Dept) -> usize {
    DEPTS.iter().position(|x| x.name == d.name).unwrap_or(0)
}

/// A fake 统一社会信用代码-like organisation code (18 characters) used as
/// the 索引号 prefix; 150623 is the banner's administrative division code.
pub(crate) fn org_code(d: &Dept) -> String {
    const CHECK: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let i = index_of(d);
    format!(
        "11150623MB{:07}{}",
        1_500_100 + i * 137,
        CHECK[(i * 7) % CHECK.len()] as char
    )
}
