//! RULES §1.1–§1.9 for workbooks and JSON: XLSX date cells, numbers and
//! text dates, one entry per sheet, JSON rows, personal data dropped.

use openness_core::import::{InputFile, import};
use openness_core::schema::Kind;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::support::{d, file, import_clean, only_file};

fn workbook_bytes(
    build: impl FnOnce(&mut Workbook) -> Result<(), rust_xlsxwriter::XlsxError>,
) -> Vec<u8> {
    let mut workbook = Workbook::new();
    build(&mut workbook).expect("the test workbook builds");
    workbook.save_to_buffer().expect("the test workbook saves")
}

#[test]
fn xlsx_date_cells_numbers_and_text_dates_are_read() {
    let bytes = workbook_bytes(|wb| {
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
        let ws = wb.add_worksheet();
        ws.set_name("舆情")?;
        for (col, h) in [
            "舆情编号",
            "涉事部门",
            "发现时间",
            "事件等级",
            "首次回应时间",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(0, col as u16, *h)?;
        }
        // A date-time cell, and a date cell with a number id (read as typed).
        ws.write_number(1, 0, 1001)?;
        ws.write_string(1, 1, "旗应急局")?;
        ws.write_datetime_with_format(
            1,
            2,
            ExcelDateTime::from_ymd(2019, 8, 23)?.and_hms(10, 0, 0)?,
            &datetime,
        )?;
        ws.write_string(1, 3, "重大")?;
        ws.write_datetime_with_format(
            1,
            4,
            ExcelDateTime::from_ymd(2019, 8, 23)?.and_hms(15, 0, 0)?,
            &datetime,
        )?;
        // A date-only cell (00:00), a bare serial number and a text date.
        ws.write_number(2, 0, 1002)?;
        ws.write_string(2, 1, "旗应急局")?;
        ws.write_datetime_with_format(2, 2, ExcelDateTime::from_ymd(2019, 8, 24)?, &date)?;
        ws.write_string(2, 3, "一般")?;
        ws.write_number(2, 4, 43702)?;
        ws.write_number(3, 0, 1003)?;
        ws.write_string(3, 1, "旗应急局")?;
        ws.write_string(3, 2, "2019年8月25日 08:00")?;
        ws.write_string(3, 3, "一般")?;
        Ok(())
    });
    let imported = import(vec![InputFile::new("舆情.xlsx", bytes)]);
    let f = only_file(&imported, "");
    assert_eq!(
        (f.kind, f.encoding.as_str(), f.accepted, f.warnings),
        (Kind::Opinion, "XLSX", 3, 0),
        "{:?}",
        f.issues
    );
    let o = &imported.data.opinions;
    assert_eq!(o[0].id.as_deref(), Some("1001"));
    let times: Vec<(String, Option<String>)> = o
        .iter()
        .map(|e| {
            (
                e.found_at.to_string(),
                e.responded_at.map(|t| t.to_string()),
            )
        })
        .collect();
    let expected = [
        ("2019-08-23 10:00", Some("2019-08-23 15:00")),
        ("2019-08-24 00:00", Some("2019-08-25 00:00")),
    ];
    for (got, (found, responded)) in times.iter().zip(expected) {
        assert_eq!((got.0.as_str(), got.1.as_deref()), (found, responded));
    }
    assert_eq!(times[2].0, "2019-08-25 08:00");
}

#[test]
fn every_xlsx_sheet_with_a_table_is_its_own_entry() {
    let bytes = workbook_bytes(|wb| {
        let ws = wb.add_worksheet();
        ws.set_name("说明")?;
        ws.write_string(0, 0, "本工作簿为2019年导出数据")?;
        let ws = wb.add_worksheet();
        ws.set_name("留言")?;
        ws.write_string(0, 0, "2019年网民留言办理情况")?;
        for (col, h) in ["编号", "办理单位", "留言时间", "答复时间"]
            .iter()
            .enumerate()
        {
            ws.write_string(2, col as u16, *h)?;
        }
        for (col, v) in ["M1", "旗信访局", "2019-06-03", "2019-06-04"]
            .iter()
            .enumerate()
        {
            ws.write_string(3, col as u16, *v)?;
        }
        let ws = wb.add_worksheet();
        ws.set_name("申请")?;
        for (col, h) in ["申请编号", "受理机关", "收到申请日期"].iter().enumerate() {
            ws.write_string(0, col as u16, *h)?;
        }
        for (col, v) in ["R1", "旗政府办", "2019-06-03"].iter().enumerate() {
            ws.write_string(1, col as u16, *v)?;
        }
        Ok(())
    });
    let imported = import(vec![InputFile::new("book.xlsx", bytes)]);
    let files: Vec<(&str, Kind, Option<u32>, u32)> = imported
        .report
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.kind, f.header_row, f.accepted))
        .collect();
    assert_eq!(
        files,
        [
            ("book.xlsx#留言", Kind::Message, Some(3), 1),
            ("book.xlsx#申请", Kind::Request, Some(1), 1)
        ]
    );
}

#[test]
fn a_json_array_of_objects_is_a_table_and_the_nth_object_is_row_n() {
    let text = r#"[
        {"索引号": "ZC-1", "发布机构": "旗教育局", "成文日期": "2019-08-23", "发布日期": "2019-08-30"},
        {"索引号": "ZC-2", "发布机构": "旗财政局", "成文日期": 43700, "发布日期": "2019/8/30", "备注": null},
        {"发布机构": "旗卫健委", "成文日期": "2019年8月23日", "发布日期": "20190830", "是否需解读": true}
    ]"#;
    let imported = import_clean(&[("export.json", text)]);
    let f = &imported.report.files[0];
    assert_eq!(
        (f.kind, f.encoding.as_str(), f.rows, f.accepted),
        (Kind::Disclosure, "UTF-8", 3, 3)
    );
    assert_eq!(f.header_row, None, "keys name the columns: no header row");
    let r = &imported.data.disclosures;
    assert!(
        r.iter()
            .all(|x| x.formed_on == d("2019-08-23") && x.published_on == d("2019-08-30"))
    );
    assert_eq!(
        r.iter().map(|x| x.source.row).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(r[2].needs_interpretation, Some(true));
    assert_eq!(imported.data.departments.name(r[2].dept), "旗卫健委");
}

#[test]
fn personal_data_columns_of_json_and_xlsx_are_dropped_too() {
    let json = r#"[{"办理单位": "旗信访局", "留言时间": "2019-06-03", "来电号码": "13800138000"}]"#;
    let xlsx = workbook_bytes(|wb| {
        let ws = wb.add_worksheet();
        for (col, (h, v)) in [
            ("办理单位", "旗信访局"),
            ("留言时间", "2019-06-04"),
            ("留言人姓名", "李四"),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(0, col as u16, *h)?;
            ws.write_string(1, col as u16, *v)?;
        }
        Ok(())
    });
    let imported = import(vec![file("a.json", json), InputFile::new("b.xlsx", xlsx)]);
    let dropped: Vec<&[String]> = imported
        .report
        .files
        .iter()
        .map(|f| f.dropped_columns.as_slice())
        .collect();
    assert_eq!(
        dropped,
        [&["来电号码".to_owned()][..], &["留言人姓名".to_owned()][..]]
    );
    let dump = format!("{imported:?}");
    assert!(!dump.contains("13800138000") && !dump.contains("李四"));
    assert_eq!(imported.data.messages.len(), 2);
}

#[test]
fn workbooks_saved_by_another_office_suite_give_the_records_of_their_source() {
    // testdata/workbooks/README.md: each is its source saved by LibreOffice,
    // as legacy XLS (our BIFF8 reader) or as XLSX.
    let read = |path: &str| {
        let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
        let imported = import(vec![InputFile::new(path, bytes)]);
        assert!(
            imported.report.errors.is_empty(),
            "{path}: {:?}",
            imported.report.errors
        );
        imported
    };
    let dir = "testdata/workbooks";
    #[rustfmt::skip]
    let cases = [
        ("政策解读.xls", "data/sample/政策解读.xlsx", Kind::Interpretation, "XLS"),
        ("行政事业性收费.xls", "data/sample/行政事业性收费.xlsx", Kind::Fee, "XLS"),
        ("opinions.xls", "testdata/workbooks/opinions.csv", Kind::Opinion, "XLS"),
        ("opinions.xlsx", "testdata/workbooks/opinions.csv", Kind::Opinion, "XLSX"),
        ("网站栏目.xlsx", "testdata/workbooks/网站栏目.csv", Kind::Column, "XLSX"),
        ("复议诉讼.xlsx", "testdata/workbooks/复议诉讼.csv", Kind::Review, "XLSX"),
    ];
    for (name, source, kind, format) in cases {
        let path = &format!("{dir}/{name}");
        let (old, new) = (read(path), read(source));
        let (o, n) = (only_file(&old, path), only_file(&new, source));
        assert_eq!((o.kind, o.encoding.as_str()), (kind, format), "{path}");
        assert_eq!(
            (o.header_row, o.rows, o.accepted, o.rejected, o.warnings),
            (n.header_row, n.rows, n.accepted, n.rejected, n.warnings),
            "{path}"
        );
        assert!(o.accepted > 0, "{path}");
        assert_eq!(old.data.interpretations, new.data.interpretations, "{path}");
        assert_eq!(old.data.fees, new.data.fees, "{path}");
        assert_eq!(old.data.opinions, new.data.opinions, "{path}");
        assert_eq!(old.data.columns, new.data.columns, "{path}");
        assert_eq!(old.data.reviews, new.data.reviews, "{path}");
    }
}

#[test]
fn a_workbook_with_a_password_to_open_is_named_so_beside_the_good_files() {
    use openness_core::import::{FileProblem, Workbook as Why};
    let dir = format!(
        "{}/../testdata/workbooks/readers",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut files: Vec<InputFile> = [
        "x09_encrypted_filepass_rc4.xls",
        "x10_encrypted_ole_container.xlsx",
    ]
    .iter()
    .map(|name| {
        let bytes = std::fs::read(format!("{dir}/{name}")).expect("read");
        InputFile::new(*name, bytes)
    })
    .collect();
    files.push(file("部门名单.csv", "部门,分组\n旗教育局,旗直部门\n"));
    let imported = import(files);
    let whys: Vec<_> = imported
        .report
        .errors
        .iter()
        .map(|e| (e.path.as_str(), &e.problem))
        .collect();
    assert_eq!(whys.len(), 2, "{whys:?}");
    for (_, problem) in &whys {
        assert!(
            matches!(
                problem,
                FileProblem::Workbook {
                    why: Why::Encrypted,
                    ..
                }
            ),
            "{whys:?}"
        );
    }
    assert_eq!(imported.data.departments.len(), 1);
}
