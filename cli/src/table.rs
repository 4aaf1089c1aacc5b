//! Aligned plain-text tables that line up with Chinese text (CJK characters
//! are two columns wide in a terminal).

use std::io::{self, Write};

use openness_core::import::ImportReport;
use openness_core::rules::Rules;
use openness_core::score::{Indicator, Scorecard};
use openness_core::selfcheck::Finding;
use openness_core::sheet::Lang;
use unicode_width::UnicodeWidthStr;

pub(crate) fn write_rows(
    out: &mut impl Write,
    rows: &[Vec<String>],
    right_align: &[bool],
) -> io::Result<()> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c].saturating_sub(cell.width());
            let right = right_align.get(c).copied().unwrap_or(false);
            if c > 0 {
                line.push_str("  ");
            }
            if right {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if c + 1 < row.len() {
                    line.push_str(&" ".repeat(pad));
                }
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| v.to_string())
}

/// The ranking.
pub fn scorecard(out: &mut impl Write, card: &Scorecard, rules: &Rules) -> io::Result<()> {
    writeln!(
        out,
        "考评窗口 window {} – {}，截至 as of {}；权重 weight {}% × {} 分",
        card.window.from, card.window.to, card.window.as_of, card.weight_pct, card.total_points
    )?;
    for w in &card.warnings {
        writeln!(out, "⚠ {w}")?;
    }
    let mut rows = vec![
        [
            "排名",
            "部门",
            "分组",
            "得分",
            "等级",
            "组内",
            "折算分",
            "否决",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .chain(Indicator::ALL.iter().map(|i| short_name(*i).to_owned()))
        .collect::<Vec<_>>(),
    ];
    for d in &card.departments {
        let mut row = vec![
            opt(d.rank),
            d.dept.clone(),
            d.group.clone(),
            opt(d.score.map(|s| format!("{s:.2}"))),
            opt(d.grade.map(openness_core::score::Grade::name_zh)),
            opt(d.group_rank),
            opt(d.contribution.map(|c| format!("{c:.2}"))),
            d.vetoes
                .iter()
                .map(|v| v.label(rules, Lang::Zh))
                .collect::<Vec<_>>()
                .join("；"),
        ];
        row.extend(
            d.indicators
                .iter()
                .map(|i| opt(i.map(|i| format!("{:.1}", i.earned)))),
        );
        rows.push(row);
    }
    let mut right = vec![true, false, false, true, false, true, true, false];
    right.extend([true; 9]);
    write_rows(out, &rows, &right)
}

fn short_name(i: Indicator) -> &'static str {
    match i {
        Indicator::DisclosureTimeliness => "公开",
        Indicator::InterpretationCoverage => "解读",
        Indicator::InterpretationSync => "同步",
        Indicator::InterpretationForms => "形式",
        Indicator::OpinionResponse => "舆情",
        Indicator::MessageResponse => "留言",
        Indicator::RequestTimeliness => "申请",
        Indicator::EnforcementTimeliness => "执法",
        Indicator::PlatformFreshness => "栏目",
    }
}

/// The import report, with every listed rejection and warning.
pub fn import_report(out: &mut impl Write, report: &ImportReport) -> io::Result<()> {
    writeln!(out, "导入报告 import report")?;
    let mut rows = vec![
        [
            "文件 file",
            "类型 kind",
            "编码 encoding",
            "行 rows",
            "接受 accepted",
            "拒绝 rejected",
            "警告 warnings",
            "已删除个人信息列 dropped",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect::<Vec<_>>(),
    ];
    for f in &report.files {
        rows.push(vec![
            f.path.clone(),
            format!("{} {}", f.kind.key(), f.kind.name_zh()),
            f.encoding.clone(),
            f.rows.to_string(),
            f.accepted.to_string(),
            f.rejected.to_string(),
            f.warnings.to_string(),
            f.dropped_columns.join("、"),
        ]);
    }
    write_rows(
        out,
        &rows,
        &[false, false, false, true, true, true, true, false],
    )?;
    for f in &report.files {
        for note in &f.notes {
            writeln!(out, "{}: {note}", f.path)?;
        }
        for issue in &f.issues {
            writeln!(out, "{}: {issue}", f.path)?;
        }
        let unlisted = f.unlisted_issues();
        if unlisted > 0 {
            writeln!(out, "{}: … and {unlisted} more not listed", f.path)?;
        }
    }
    for e in &report.errors {
        writeln!(out, "✗ {e}")?;
    }
    Ok(())
}

/// The self-check list.
pub fn findings(out: &mut impl Write, list: &[Finding]) -> io::Result<()> {
    let mut rows = vec![
        [
            "部门", "指标", "编号", "标题", "来源", "起算", "截止", "完成", "说明",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect::<Vec<_>>(),
    ];
    for f in list {
        rows.push(vec![
            f.dept.clone(),
            f.indicator.name_zh().to_owned(),
            opt(f.id.as_deref()),
            opt(f.title.as_deref()),
            format!("{}:{}", f.file, f.row),
            opt(f.start),
            opt(f.deadline),
            opt(f.done),
            f.reason_zh.clone(),
        ]);
    }
    write_rows(out, &rows, &[])?;
    writeln!(out, "共 {} 条 ({} findings)", list.len(), list.len())
}
