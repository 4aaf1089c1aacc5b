//! `openness annual`: the 年报 statistical tables as aligned text, and the
//! outcome of `--check` (RULES §7).

use std::io::{self, Write};

use openness_core::annual::table2::RESULTS;
use openness_core::annual::table3::{COLUMNS, ROWS};
use openness_core::annual::{Annual, Comparison, Unit, check_text};
use openness_core::import::ImportReport;
use openness_core::lang::Lang;
use openness_core::value::amount_wan;

use crate::table::write_rows;

/// Every unit's tables, then the county's.
pub fn tables(out: &mut impl Write, annual: &Annual, report: &ImportReport) -> io::Result<()> {
    for unit in annual.units.iter().chain(std::iter::once(&annual.county)) {
        one(out, annual.year, unit, report)?;
        writeln!(out)?;
    }
    Ok(())
}

fn one(out: &mut impl Write, year: i32, u: &Unit, report: &ImportReport) -> io::Result<()> {
    let group = if u.group.is_empty() {
        String::new()
    } else {
        format!("（{}）", u.group)
    };
    writeln!(
        out,
        "══ {}{group} {year}年政府信息公开工作年度报告统计表 ══",
        u.name
    )?;
    table2(out, u)?;
    table3(out, u)?;
    table4(out, u)?;
    checks_and_findings(out, u, report)
}

fn table2(out: &mut impl Write, u: &Unit) -> io::Result<()> {
    let t2 = &u.table2;
    writeln!(out, "二、主动公开政府信息情况")?;
    let mut rows = vec![vec![
        "信息内容".to_owned(),
        "本年制发".to_owned(),
        "本年废止".to_owned(),
        "现行有效".to_owned(),
    ]];
    for (name, d) in [
        ("规章", t2.rules),
        ("行政规范性文件", t2.normative_documents),
    ] {
        rows.push(vec![
            name.to_owned(),
            d.made.to_string(),
            d.repealed.to_string(),
            d.in_force.to_string(),
        ]);
    }
    for (name, n) in [
        ("行政许可", t2.licensing),
        ("行政处罚", t2.penalty),
        ("行政强制", t2.coercion),
    ] {
        rows.push(vec![name.to_owned(), n.to_string()]);
    }
    rows.push(vec![
        "行政事业性收费（万元）".to_owned(),
        t2.fees
            .map_or_else(|| "—".to_owned(), |f| amount_wan(f).to_string()),
    ]);
    write_rows(out, &rows, &[false, true, true, true])
}

fn table3(out: &mut impl Write, u: &Unit) -> io::Result<()> {
    writeln!(out, "三、收到和处理政府信息公开申请情况")?;
    let mut rows = vec![
        std::iter::once(String::new())
            .chain(COLUMNS.iter().map(|c| (*c).to_owned()))
            .collect::<Vec<_>>(),
    ];
    for (row, counts) in ROWS.iter().zip(&u.table3) {
        let label = match row.group {
            Some(g) => format!("{g} {}", row.label),
            None => row.label.to_owned(),
        };
        let label: String = label.chars().take(24).collect();
        rows.push(
            std::iter::once(label)
                .chain(counts.iter().map(u32::to_string))
                .collect(),
        );
    }
    write_rows(
        out,
        &rows,
        &[false, true, true, true, true, true, true, true],
    )
}

fn table4(out: &mut impl Write, u: &Unit) -> io::Result<()> {
    writeln!(out, "四、政府信息公开行政复议、行政诉讼情况")?;
    let mut rows = vec![
        std::iter::once(String::new())
            .chain(RESULTS.iter().map(|c| (*c).to_owned()))
            .collect::<Vec<_>>(),
    ];
    for (name, counts) in ["行政复议", "诉讼（未经复议直接起诉）", "诉讼（复议后起诉）"]
        .iter()
        .zip(&u.table4)
    {
        rows.push(
            std::iter::once((*name).to_owned())
                .chain(counts.iter().map(u32::to_string))
                .collect(),
        );
    }
    write_rows(out, &rows, &[false, true, true, true, true, true])
}

fn checks_and_findings(out: &mut impl Write, u: &Unit, report: &ImportReport) -> io::Result<()> {
    let checks = u.checks();
    let failed: Vec<_> = checks.iter().filter(|c| !c.ok()).collect();
    if failed.is_empty() {
        writeln!(
            out,
            "勾稽检查 checks: ✓ {} 项全部通过 all pass",
            checks.len()
        )?;
    } else {
        writeln!(out, "勾稽检查 checks: ✗ {} 项不平衡 fail", failed.len())?;
        for c in failed {
            writeln!(out, "  {}", check_text(c, Lang::Zh))?;
        }
    }
    if u.dept.is_some() && !u.findings.is_empty() {
        writeln!(out, "需核对的记录 findings: {}", u.findings.len())?;
        for f in &u.findings {
            let path = report
                .files
                .get(f.source.file as usize)
                .map_or("", |r| r.path.as_str());
            writeln!(
                out,
                "  {path} 第{}行 {}：{} {:?}",
                f.source.row,
                f.id.as_deref().unwrap_or("—"),
                f.problem.name_zh(),
                f.value
            )?;
        }
    }
    Ok(())
}

/// What `--check` found.
pub fn comparison(out: &mut impl Write, c: &Comparison) -> io::Result<()> {
    if !c.unknown_sheets.is_empty() {
        writeln!(
            out,
            "未核对的工作表（名称不是台账中的单位）sheets not compared: {}",
            c.unknown_sheets.join("、")
        )?;
    }
    writeln!(
        out,
        "核对的工作表 sheets compared: {}",
        if c.sheets.is_empty() {
            "—".to_owned()
        } else {
            c.sheets.join("、")
        }
    )?;
    if c.differences.is_empty() {
        writeln!(out, "✓ 所有数字与台账一致 every number equals the ledgers")?;
    } else {
        writeln!(
            out,
            "✗ {} 个单元格与台账不一致 cells differ:",
            c.differences.len()
        )?;
        let mut rows = vec![
            [
                "工作表 sheet",
                "单元格 cell",
                "台账 ledger",
                "填报 filled",
                "项目 item",
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        for d in &c.differences {
            rows.push(vec![
                d.sheet.clone(),
                d.cell.clone(),
                d.ledger.clone(),
                d.filled.clone(),
                d.label.clone(),
            ]);
        }
        write_rows(out, &rows, &[false, false, true, true, false])?;
    }
    if c.failed_checks.is_empty() {
        writeln!(out, "✓ 填报数字勾稽平衡 the filled numbers cross-foot")?;
    } else {
        writeln!(
            out,
            "✗ 填报数字有 {} 项勾稽不平衡 checks fail:",
            c.failed_checks.len()
        )?;
        for (sheet, k) in &c.failed_checks {
            writeln!(out, "  {sheet}: {}", check_text(k, Lang::Zh))?;
        }
    }
    Ok(())
}
