//! Writes the XLSX seeds of the `xlsx` target into `fuzz/seeds/xlsx/`:
//! `cargo run --manifest-path fuzz/Cargo.toml --example seeds`.
//! (The sample county's `政策解读.xlsx` is copied there too.)

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

fn header(ws: &mut Worksheet, row: u32, names: &[&str]) -> Result<(), XlsxError> {
    for (col, name) in names.iter().enumerate() {
        ws.write_string(row, col as u16, *name)?;
    }
    Ok(())
}

/// Two tables in one workbook: messages with date-time cells, requests with
/// numbers, booleans and a blank row; a third sheet of notes only.
fn two_sheets(wb: &mut Workbook) -> Result<(), XlsxError> {
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let ws = wb.add_worksheet().set_name("留言")?;
    header(
        ws,
        0,
        &["编号", "办理单位", "留言时间", "答复时间", "留言类型"],
    )?;
    ws.write_number(1, 0, 1)?;
    ws.write_string(1, 1, "旗教育局")?;
    ws.write_datetime_with_format(
        1,
        2,
        ExcelDateTime::from_ymd(2019, 9, 20)?.and_hms(8, 30, 0)?,
        &datetime,
    )?;
    ws.write_number(1, 3, 43_733.75)?;
    ws.write_string(1, 4, "咨询")?;
    ws.write_number(3, 0, 2.5)?;
    ws.write_string(3, 1, "合计")?;
    ws.write_string(3, 2, "2019/9/21")?;
    let ws = wb.add_worksheet().set_name("申请")?;
    ws.write_string(0, 0, "2019年依申请公开登记")?;
    header(
        ws,
        2,
        &[
            "申请编号",
            "受理机关",
            "收到申请日期",
            "是否延期",
            "不计入工作日",
            "答复日期",
        ],
    )?;
    ws.write_string(3, 0, "R1")?;
    ws.write_string(3, 1, "旗政府办")?;
    ws.write_number(3, 2, 43_728)?;
    ws.write_boolean(3, 3, true)?;
    ws.write_number(3, 4, 3.0)?;
    ws.write_string(3, 5, "2019-10-23")?;
    let ws = wb.add_worksheet().set_name("说明")?;
    ws.write_string(0, 0, "本表由系统导出")?;
    Ok(())
}

/// Date-formatted cells far outside any real date: Excel's last serial
/// (9999-12-31) and beyond, negative, huge and fractional values.
fn extreme_dates(wb: &mut Workbook) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet().set_name("执法")?;
    header(ws, 0, &["执法机关", "作出决定日期", "执法类别", "公示日期"])?;
    let values = [
        2_958_465.0,
        2_958_466.0,
        2_147_000_000.0,
        1e10,
        -1e10,
        1e300,
        -1e300,
        -1.5,
        60.0,
        0.999_999_9,
    ];
    for (i, v) in values.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, "旗市场监管局")?;
        ws.write_number_with_format(row, 1, *v, &date)?;
        ws.write_string(row, 2, "行政处罚")?;
        ws.write_number_with_format(row, 3, 43_700.0, &date)?;
    }
    Ok(())
}

/// A table that starts at C5, not A1, with a department list beside it.
fn offset_table(wb: &mut Workbook) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("栏目")?;
    ws.write_string(4, 2, "主办单位")?;
    ws.write_string(4, 3, "栏目名称")?;
    ws.write_string(4, 4, "栏目类型")?;
    ws.write_string(4, 5, "最近更新")?;
    ws.write_string(5, 2, "旗政府办")?;
    ws.write_string(5, 3, "要闻")?;
    ws.write_string(5, 4, "要闻")?;
    ws.write_number(5, 5, 43_800)?;
    let ws = wb.add_worksheet().set_name("部门")?;
    header(ws, 0, &["部门", "分组", "别名"])?;
    ws.write_string(1, 0, "旗人民政府办公室")?;
    ws.write_string(1, 1, "旗直部门")?;
    ws.write_string(1, 2, "旗政府办、政府办")?;
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/xlsx");
    std::fs::create_dir_all(&dir)?;
    let builders: [(&str, fn(&mut Workbook) -> Result<(), XlsxError>); 3] = [
        ("two-sheets.xlsx", two_sheets),
        ("extreme-dates.xlsx", extreme_dates),
        ("offset-table.xlsx", offset_table),
    ];
    for (name, build) in builders {
        let mut wb = Workbook::new();
        build(&mut wb)?;
        let bytes = wb.save_to_buffer()?;
        std::fs::write(dir.join(name), &bytes)?;
        if name == "two-sheets.xlsx" {
            // A download cut off half-way, and the OLE (XLS) signature alone.
            std::fs::write(dir.join("truncated.xlsx"), &bytes[..bytes.len() / 2])?;
        }
    }
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(512, 0);
    std::fs::write(dir.join("ole-header.xls"), ole)?;
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/政策解读.xlsx");
    std::fs::copy(sample, dir.join("sample-interpretation.xlsx"))?;
    annual_forms()
}

/// The annual_check seeds: the sample county's 2019 form of one unit, of
/// the county, and of a unit with a number changed, as `openness annual
/// --format xlsx` writes them.
fn annual_forms() -> Result<(), Box<dyn std::error::Error>> {
    use openness_core::annual::{annual, annual_layouts};
    use openness_core::xlsx::layout_workbook;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/annual_check");
    std::fs::create_dir_all(&dir)?;
    let mut tables = annual(&openness_core_fuzz::sample_county().data, 2019);
    for (name, unit) in [("unit.xlsx", "旗公安局"), ("county.xlsx", "全县")] {
        std::fs::write(dir.join(name), layout_workbook(&annual_layouts(&tables, Some(unit))))?;
    }
    if let Some(u) = tables.unit_mut("旗公安局") {
        u.table3[2][0] += 1;
    }
    let edited = layout_workbook(&annual_layouts(&tables, Some("旗公安局")));
    std::fs::write(dir.join("edited-unit.xlsx"), edited)?;
    Ok(())
}
