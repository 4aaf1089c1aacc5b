//! Self-check (部门自查, RULES §5): every record that lost a department points.
//!
//! Built from the same [`judge`] stream as the score, so the list can never
//! disagree with the number: late and overdue items with their clock start,
//! deadline, completion and working days late; policy documents without an
//! interpretation; late interpretations; plain-form interpretations where
//! the rich-form share fell short; stale columns; and the messages that
//! fired the message veto (three months by default).

use std::fmt::Write as _;

use serde::Serialize;

use crate::date::DateTime;
use crate::import::Import;
use crate::record::{DeptId, Source};
use crate::rules::Rules;
use crate::score::{Context, Indicator, Judgement, Scorecard, Status, Window, judge};

/// One record that lost points.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The department.
    pub dept: String,
    /// The indicator.
    pub indicator: Indicator,
    /// File the record came from.
    pub file: String,
    /// Its row there.
    pub row: u32,
    /// Its id (索引号, 编号 …).
    pub id: Option<String>,
    /// Its title or name.
    pub title: Option<String>,
    /// The verdict.
    pub status: Status,
    /// Clock start.
    pub start: Option<DateTime>,
    /// Deadline (or freshness threshold).
    pub deadline: Option<DateTime>,
    /// Completion, if done by the as-of date.
    pub done: Option<DateTime>,
    /// Working days after the deadline it was done (deadline indicators).
    pub late_workdays: Option<u32>,
    /// Hours after the deadline it was done (opinion responses).
    pub late_hours: Option<f64>,
    /// True when this record fired a veto.
    pub vetoes: bool,
    /// Why, in Chinese.
    pub reason_zh: String,
    /// Why, in English.
    pub reason_en: String,
}

/// Every finding, for one department or all, in indicator then file order.
pub fn findings(
    import: &Import,
    rules: &Rules,
    window: Window,
    scorecard: &Scorecard,
    dept: Option<DeptId>,
) -> Vec<Finding> {
    let data = &import.data;
    let calendar = rules.calendar();
    let cx = Context {
        rules,
        calendar: &calendar,
        window,
    };
    // Plain-form interpretations only lost points where the share fell short.
    let forms_short = |d: DeptId| {
        scorecard
            .department(d)
            .and_then(|s| s.indicators[Indicator::InterpretationForms.index()])
            .is_some_and(|i| i.earned < i.points)
    };
    let mut out = Vec::new();
    judge(data, &cx, |j: &Judgement| {
        if dept.is_some_and(|d| d != j.dept) {
            return;
        }
        if !(j.status.lost_points() || j.vetoes) {
            return;
        }
        if j.indicator == Indicator::InterpretationForms && !forms_short(j.dept) {
            return;
        }
        let source: Source = data.source(j.record);
        let late_workdays = match (j.workday_deadline, j.deadline, j.done) {
            (true, Some(deadline), Some(done)) if done > deadline => {
                Some(calendar.workdays_between(deadline.date, done.date))
            }
            _ => None,
        };
        let late_hours = match (j.indicator, j.deadline, j.done) {
            (Indicator::OpinionResponse, Some(deadline), Some(done)) if done > deadline => {
                Some((done.timestamp() - deadline.timestamp()) as f64 / 3600.0)
            }
            _ => None,
        };
        let (reason_zh, reason_en) = reason(j, rules, late_workdays, late_hours);
        out.push(Finding {
            dept: data.departments.name(j.dept).to_owned(),
            indicator: j.indicator,
            file: import
                .report
                .files
                .get(source.file as usize)
                .map(|f| f.path.clone())
                .unwrap_or_default(),
            row: source.row,
            id: data.record_id(j.record).map(str::to_owned),
            title: data.record_title(j.record).map(str::to_owned),
            status: j.status,
            start: j.start,
            deadline: j.deadline,
            done: j.done,
            late_workdays,
            late_hours,
            vetoes: j.vetoes,
            reason_zh,
            reason_en,
        });
    });
    out
}

fn reason(
    j: &Judgement,
    rules: &Rules,
    late_workdays: Option<u32>,
    late_hours: Option<f64>,
) -> (String, String) {
    let (mut zh, mut en) = match (j.indicator, j.status) {
        (Indicator::InterpretationSync, Status::Partial) => (
            "解读晚于文件发布，但在宽限期内（部分得分）".to_owned(),
            "interpretation after the document, within the grace period (partial credit)"
                .to_owned(),
        ),
        (Indicator::InterpretationSync, _) if j.done.is_some() => (
            "解读发布超过宽限期".to_owned(),
            "interpretation published after the grace period".to_owned(),
        ),
        (Indicator::InterpretationCoverage | Indicator::InterpretationSync, _) => {
            ("无政策解读".to_owned(), "no interpretation".to_owned())
        }
        (Indicator::InterpretationForms, _) => (
            "解读形式单一（非图解、视频、问答等）".to_owned(),
            "plain form (not graphic, video, Q&A …)".to_owned(),
        ),
        (Indicator::PlatformFreshness, _) => match j.start {
            Some(since) => (
                format!("栏目自 {} 起未更新", since.date),
                format!("stale since {}", since.date),
            ),
            None => ("栏目无更新记录".to_owned(), "never updated".to_owned()),
        },
        (_, Status::Overdue) => ("逾期未完成".to_owned(), "overdue".to_owned()),
        (_, Status::Late) => match (late_workdays, late_hours) {
            (Some(days), _) => (
                format!("超期 {days} 个工作日"),
                format!("{days} working days late"),
            ),
            (None, Some(hours)) => (
                format!("超时 {hours:.1} 小时"),
                format!("{hours:.1} hours late"),
            ),
            _ => ("超期".to_owned(), "late".to_owned()),
        },
        _ => (String::new(), String::new()),
    };
    if j.vetoes {
        if !zh.is_empty() {
            zh.push('；');
            en.push_str("; ");
        }
        // The months come from the rules (RULES §4), as in the veto's label.
        let months = rules.vetoes.message_months;
        let _ = write!(zh, "超过{months}个月未答复（单项否决）");
        let _ = write!(en, "unanswered {months} months after receipt (veto)");
    }
    (zh, en)
}
