//! Policy documents (RULES §3) and their interpretations: which disclosures
//! 政策解读率 and 解读同步率 count, and the earliest interpretation of each.

use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::record::{Dataset, Disclosure};
use crate::rules::Rules;

/// What decides whether a disclosure is a policy document, before the
/// rules are applied: its 是否需解读 flag, else its 主题分类, else nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Basis<'a> {
    /// 是否需解读 = yes or no.
    Flag(bool),
    /// No flag; a 主题分类.
    Category(&'a str),
    /// Neither.
    Nothing,
}

impl<'a> Basis<'a> {
    /// The basis of `d`.
    pub(crate) fn of(d: &'a Disclosure) -> Basis<'a> {
        match (d.needs_interpretation, d.category.as_deref()) {
            (Some(flag), _) => Basis::Flag(flag),
            (None, Some(category)) => Basis::Category(category),
            (None, None) => Basis::Nothing,
        }
    }

    /// True when this makes a policy document under `rules`: 是否需解读 =
    /// yes, or (without the flag) a 主题分类 containing one of the rules'
    /// policy categories.
    pub(crate) fn decides(self, rules: &Rules) -> bool {
        match self {
            Basis::Flag(flag) => flag,
            Basis::Category(c) => contains_any(c, &rules.policy.categories),
            Basis::Nothing => false,
        }
    }
}

/// A policy document under `rules` (RULES §3).
pub fn is_policy_document(d: &Disclosure, rules: &Rules) -> bool {
    Basis::of(d).decides(rules)
}

/// True when `text` contains one of the non-empty `words`.
pub(crate) fn contains_any(text: &str, words: &[String]) -> bool {
    words
        .iter()
        .any(|w| !w.is_empty() && text.contains(w.as_str()))
}

/// The earliest interpretation date of each policy id, whatever its date.
/// The earliest published by an `as_of` is this one when it is on or
/// before `as_of`, and there is none otherwise.
pub(crate) fn earliest_interpretations(data: &Dataset) -> FxHashMap<&str, Date> {
    let mut earliest: FxHashMap<&str, Date> = FxHashMap::default();
    for it in &data.interpretations {
        earliest
            .entry(&it.policy_id)
            .and_modify(|e| *e = (*e).min(it.published_on))
            .or_insert(it.published_on);
    }
    earliest
}

/// The interpretation date that counts for document `d` at `as_of`.
pub(crate) fn interpreted_by(
    earliest: &FxHashMap<&str, Date>,
    d: &Disclosure,
    as_of: Date,
) -> Option<Date> {
    d.id.as_deref()
        .and_then(|id| earliest.get(id).copied())
        .filter(|date| *date <= as_of)
}
