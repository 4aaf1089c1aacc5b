//! Validated records, one type per table kind.
//!
//! A row becomes a record only after every required value has parsed
//! ("parse, don't validate"): scoring never re-checks a date or a name.
//! Departments are interned into [`Departments`] and referred to by
//! [`DeptId`], which keeps a million records small and grouping cheap.

use std::collections::HashMap;

use serde::Serialize;

use crate::date::{Date, DateTime};
use crate::schema::Kind;
use crate::text::department_name;

/// Where a record came from: the file (index into the import report) and
/// the row number as a spreadsheet shows it (1-based, counting every row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Source {
    /// Index of the table in [`crate::import::ImportReport::files`].
    pub file: u32,
    /// 1-based row number in that file or sheet.
    pub row: u32,
}

/// An index into [`Departments`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct DeptId(pub u32);

mod shared;

pub use shared::SharedStr;

/// Text kept beside a record for display; `None` when the cell was empty.
pub type Text = Option<SharedStr>;

/// 主动公开: a published item.
#[derive(Debug, Clone, PartialEq)]
pub struct Disclosure {
    /// Origin.
    pub source: Source,
    /// Publishing department.
    pub dept: DeptId,
    /// 索引号 (NFKC, trimmed).
    pub id: Text,
    /// 标题.
    pub title: Text,
    /// 文号.
    pub doc_no: Text,
    /// 主题分类.
    pub category: Text,
    /// 是否需解读; `None` when empty or absent.
    pub needs_interpretation: Option<bool>,
    /// 成文日期.
    pub formed_on: Date,
    /// 发布日期.
    pub published_on: Date,
    /// 废止日期 (RULES §7).
    pub repealed_on: Option<Date>,
}

/// 政策解读: a published interpretation of a policy document.
#[derive(Debug, Clone, PartialEq)]
pub struct Interpretation {
    /// Origin.
    pub source: Source,
    /// Publishing department.
    pub dept: DeptId,
    /// 关联文件索引号 (NFKC, trimmed).
    pub policy_id: SharedStr,
    /// 发布日期.
    pub published_on: Date,
    /// 标题.
    pub title: Text,
    /// 解读形式.
    pub form: Text,
}

/// 依申请公开: an information request.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// Origin.
    pub source: Source,
    /// Handling department.
    pub dept: DeptId,
    /// 申请编号.
    pub id: Text,
    /// 收到申请日期.
    pub received_on: Date,
    /// 收到补正日期.
    pub corrected_on: Option<Date>,
    /// 是否延期.
    pub extended: Option<bool>,
    /// 征求意见等不计入的工作日.
    pub excluded_workdays: u32,
    /// 答复日期.
    pub replied_on: Option<Date>,
    /// 办理结果.
    pub outcome: Text,
    /// 申请人类型 (RULES §7): a category, not a person.
    pub applicant_type: Text,
}

/// 网民留言: a citizen message.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Origin.
    pub source: Source,
    /// Handling department.
    pub dept: DeptId,
    /// 编号.
    pub id: Text,
    /// 留言时间 (date part).
    pub received_on: Date,
    /// 答复时间 (date part).
    pub replied_on: Option<Date>,
    /// 留言类型.
    pub kind: Text,
}

/// 政务舆情: a public-opinion event.
#[derive(Debug, Clone, PartialEq)]
pub struct Opinion {
    /// Origin.
    pub source: Source,
    /// Responsible department.
    pub dept: DeptId,
    /// 舆情编号.
    pub id: Text,
    /// 发现时间.
    pub found_at: DateTime,
    /// 事件等级.
    pub level: SharedStr,
    /// 首次回应时间.
    pub responded_at: Option<DateTime>,
    /// 标题.
    pub title: Text,
}

/// 执法公示: an enforcement decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Enforcement {
    /// Origin.
    pub source: Source,
    /// Enforcing department.
    pub dept: DeptId,
    /// 决定书文号.
    pub id: Text,
    /// 作出决定日期.
    pub decided_on: Date,
    /// 执法类别.
    pub kind: SharedStr,
    /// 公示日期.
    pub published_on: Option<Date>,
}

/// 网站栏目: a website column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Origin.
    pub source: Source,
    /// Owning department.
    pub dept: DeptId,
    /// 栏目名称.
    pub name: SharedStr,
    /// 栏目类型.
    pub kind: SharedStr,
    /// 最后更新日期.
    pub last_updated_on: Option<Date>,
}

/// 复议诉讼: a reconsideration or lawsuit about 政府信息公开 (RULES §7).
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// Origin.
    pub source: Source,
    /// The department reviewed or sued.
    pub dept: DeptId,
    /// 案号.
    pub id: Text,
    /// 案件类型.
    pub kind: SharedStr,
    /// 收案日期.
    pub filed_on: Date,
    /// 审理结果.
    pub result: Text,
    /// 审结日期.
    pub concluded_on: Option<Date>,
}

/// 行政事业性收费: a fee collection (RULES §7).
#[derive(Debug, Clone, PartialEq)]
pub struct Fee {
    /// Origin.
    pub source: Source,
    /// The collecting department.
    pub dept: DeptId,
    /// 收费金额 in millionths of a 万元 ([`crate::value::parse_amount`]).
    pub amount: i64,
    /// 收费日期.
    pub collected_on: Option<Date>,
    /// 收费项目.
    pub item: Text,
}

/// A reference to one record of a [`Dataset`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordRef {
    /// The table kind.
    pub kind: Kind,
    /// Index into that kind's vector.
    pub index: u32,
}

/// The group of a department without one in the department table.
pub fn default_group(name: &str) -> &'static str {
    if ["镇", "苏木", "乡", "街道"]
        .iter()
        .any(|s| name.ends_with(s))
    {
        TOWN_GROUP
    } else {
        DEPARTMENT_GROUP
    }
}

/// The default group of towns.
pub const TOWN_GROUP: &str = "镇（苏木）";
/// The default group of county departments.
pub const DEPARTMENT_GROUP: &str = "旗直部门";

/// Every department known to a dataset, with its group and aliases.
#[derive(Debug, Clone, Default)]
pub struct Departments {
    names: Vec<String>,
    groups: Vec<Option<String>>,
    listed: Vec<bool>,
    by_name: HashMap<String, DeptId>,
    aliases: HashMap<String, String>,
}

impl Departments {
    /// Declares `alias` (any spelling) as another name of `canonical`.
    pub fn add_alias(&mut self, alias: &str, canonical: &str) {
        let alias = department_name(alias);
        let canonical = department_name(canonical);
        if !alias.is_empty() && alias != canonical {
            self.aliases.entry(alias).or_insert(canonical);
        }
    }

    /// The canonical name of a raw department cell: normalised, then mapped
    /// through the aliases.
    pub fn canonical(&self, raw: &str) -> String {
        let name = department_name(raw);
        match self.aliases.get(&name) {
            Some(canonical) => canonical.clone(),
            None => name,
        }
    }

    /// The id of a canonical name, registering it when new.
    pub fn intern(&mut self, canonical: &str) -> DeptId {
        if let Some(&id) = self.by_name.get(canonical) {
            return id;
        }
        let id = DeptId(self.names.len() as u32);
        self.names.push(canonical.to_owned());
        self.groups.push(None);
        self.listed.push(false);
        self.by_name.insert(canonical.to_owned(), id);
        id
    }

    /// Sets the group of a department unless one was already set.
    pub fn set_group(&mut self, id: DeptId, group: &str) {
        let slot = &mut self.groups[id.0 as usize];
        if slot.is_none() && !group.trim().is_empty() {
            *slot = Some(group.trim().to_owned());
        }
    }

    /// Marks a department as named by the department table.
    pub fn mark_listed(&mut self, id: DeptId) {
        self.listed[id.0 as usize] = true;
    }

    /// True when the department table names the department.
    pub fn is_listed(&self, id: DeptId) -> bool {
        self.listed[id.0 as usize]
    }

    /// The id of a canonical name, if known.
    pub fn get(&self, canonical: &str) -> Option<DeptId> {
        self.by_name.get(canonical).copied()
    }

    /// The name of a department.
    pub fn name(&self, id: DeptId) -> &str {
        &self.names[id.0 as usize]
    }

    /// The group of a department: from the department table, else by its name.
    pub fn group(&self, id: DeptId) -> &str {
        self.groups[id.0 as usize]
            .as_deref()
            .unwrap_or_else(|| default_group(self.name(id)))
    }

    /// Number of departments.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when no department is known.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Every department id, in registration order (not sorted).
    pub fn ids_unsorted(&self) -> impl Iterator<Item = DeptId> {
        (0..self.names.len() as u32).map(DeptId)
    }
}

/// Every validated record of an import.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Departments named anywhere.
    pub departments: Departments,
    /// 主动公开 items.
    pub disclosures: Vec<Disclosure>,
    /// 政策解读.
    pub interpretations: Vec<Interpretation>,
    /// 依申请公开.
    pub requests: Vec<Request>,
    /// 网民留言.
    pub messages: Vec<Message>,
    /// 政务舆情.
    pub opinions: Vec<Opinion>,
    /// 执法公示.
    pub enforcements: Vec<Enforcement>,
    /// 网站栏目.
    pub columns: Vec<Column>,
    /// 复议诉讼.
    pub reviews: Vec<Review>,
    /// 行政事业性收费.
    pub fees: Vec<Fee>,
}

impl Dataset {
    /// How many records of every kind it holds (departments aside): one
    /// per accepted row.
    pub fn records(&self) -> usize {
        self.disclosures.len()
            + self.interpretations.len()
            + self.requests.len()
            + self.messages.len()
            + self.opinions.len()
            + self.enforcements.len()
            + self.columns.len()
            + self.reviews.len()
            + self.fees.len()
    }

    /// Origin of a record.
    pub fn source(&self, r: RecordRef) -> Source {
        let i = r.index as usize;
        match r.kind {
            Kind::Disclosure => self.disclosures[i].source,
            Kind::Interpretation => self.interpretations[i].source,
            Kind::Request => self.requests[i].source,
            Kind::Message => self.messages[i].source,
            Kind::Opinion => self.opinions[i].source,
            Kind::Enforcement => self.enforcements[i].source,
            Kind::Column => self.columns[i].source,
            Kind::Review => self.reviews[i].source,
            Kind::Fee => self.fees[i].source,
            Kind::Department => Source { file: 0, row: 0 },
        }
    }

    /// The id of a record (索引号, 编号 …), if it has one.
    pub fn record_id(&self, r: RecordRef) -> Option<&str> {
        let i = r.index as usize;
        match r.kind {
            Kind::Disclosure => self.disclosures[i].id.as_deref(),
            Kind::Interpretation => Some(&self.interpretations[i].policy_id),
            Kind::Request => self.requests[i].id.as_deref(),
            Kind::Message => self.messages[i].id.as_deref(),
            Kind::Opinion => self.opinions[i].id.as_deref(),
            Kind::Enforcement => self.enforcements[i].id.as_deref(),
            Kind::Review => self.reviews[i].id.as_deref(),
            Kind::Column | Kind::Fee | Kind::Department => None,
        }
    }

    /// A human label for a record: its title or name where it has one.
    pub fn record_title(&self, r: RecordRef) -> Option<&str> {
        let i = r.index as usize;
        match r.kind {
            Kind::Disclosure => self.disclosures[i].title.as_deref(),
            Kind::Interpretation => self.interpretations[i].title.as_deref(),
            Kind::Request => self.requests[i].outcome.as_deref(),
            Kind::Message => self.messages[i].kind.as_deref(),
            Kind::Opinion => self.opinions[i].title.as_deref(),
            Kind::Enforcement => Some(&self.enforcements[i].kind),
            Kind::Column => Some(&self.columns[i].name),
            Kind::Review => Some(&self.reviews[i].kind),
            Kind::Fee => self.fees[i].item.as_deref(),
            Kind::Department => None,
        }
    }
}
