//! RULES §1.1, §1.2 and §1.9: every encoding, date form, delimiter and file
//! format an export may come in, title lines and blank rows above the
//! header, and personal-data columns dropped before anything is kept.

use openness_core::import::{Import, InputFile, import};
use openness_core::rules::Rules;
use openness_core::schema::Kind;
use openness_core::score::Window;

use crate::support::{d, file, import_clean, import_texts, only_file, y2019};

const SAMPLE: &str = "索引号,标题,发布机构,成文日期,发布日期\r\nZC-001,关于印发《办法》的通知,旗教育局,2019-08-23,2019-08-30\r\n";

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let bom: [u8; 2] = if little_endian {
        [0xFF, 0xFE]
    } else {
        [0xFE, 0xFF]
    };
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(|u| {
            if little_endian {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        }))
        .collect()
}

#[track_caller]
fn assert_sample_read(imported: &Import, what: &str) {
    let f = only_file(imported, what);
    assert_eq!(
        (f.kind, f.rows, f.accepted, f.rejected),
        (Kind::Disclosure, 1, 1, 0),
        "{what}"
    );
    assert!(f.notes.is_empty(), "{what}: {:?}", f.notes);
    let r = &imported.data.disclosures[0];
    assert_eq!(imported.data.departments.name(r.dept), "旗教育局", "{what}");
    assert_eq!(r.title.as_deref(), Some("关于印发《办法》的通知"), "{what}");
    assert_eq!(
        (r.formed_on, r.published_on),
        (d("2019-08-23"), d("2019-08-30")),
        "{what}"
    );
}

#[test]
fn every_text_encoding_is_detected_and_reported() {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(SAMPLE.as_bytes());
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(SAMPLE);
    assert!(!unmappable);
    // (what, bytes, reported encoding)
    #[rustfmt::skip]
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("UTF-8 without BOM", SAMPLE.as_bytes().to_vec(), "UTF-8"),
        ("UTF-8 with BOM", bom, "UTF-8"),
        ("GBK (Excel on Chinese Windows)", gbk.into_owned(), "GB18030"),
        ("UTF-16LE with BOM", utf16(SAMPLE, true), "UTF-16LE"),
        ("UTF-16BE with BOM", utf16(SAMPLE, false), "UTF-16BE"),
    ];
    for (what, bytes, encoding) in cases {
        let imported = import(vec![InputFile::new("export.csv", bytes)]);
        assert_sample_read(&imported, what);
        assert_eq!(imported.report.files[0].encoding, encoding, "{what}");
    }
}

#[test]
fn a_bom_is_not_part_of_the_first_header() {
    // With the BOM left in, the first header would read "\u{feff}索引号"
    // and fall into the extra columns.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(
        "发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n".as_bytes(),
    );
    let imported = import(vec![InputFile::new("bom.csv", bom)]);
    let f = &imported.report.files[0];
    assert_eq!((f.kind, f.accepted), (Kind::Disclosure, 1));
    assert!(f.extra_columns.is_empty(), "{:?}", f.extra_columns);
}

/// A one-row table with `{cell}` in a date column, and what the record
/// then holds there.
type Probe = (&'static str, fn(&openness_core::record::Dataset) -> String);

#[test]
fn every_date_and_date_time_form_of_spec_1_2_is_read() {
    const DATE: Probe = (
        "发布机构,成文日期,发布日期\n旗教育局,{cell},2019-12-31\n",
        |data| data.disclosures[0].formed_on.to_string(),
    );
    const DATE_TIME: Probe = (
        "涉事部门,发现时间,事件等级\n旗应急局,{cell},一般\n",
        |data| data.opinions[0].found_at.to_string(),
    );
    // (column, cell as written, value as read)
    #[rustfmt::skip]
    let cases = [
        (DATE, "2019-08-23", "2019-08-23"),
        (DATE, "2019/8/23", "2019-08-23"),
        (DATE, "2019.8.23", "2019-08-23"),
        (DATE, "2019年8月23日", "2019-08-23"),
        (DATE, "2019年08月23日", "2019-08-23"),
        (DATE, "20190823", "2019-08-23"),
        (DATE, "43700", "2019-08-23"),
        (DATE, "2019-08-23 14:30", "2019-08-23"),
        (DATE, "2019/8/23 9:05:10", "2019-08-23"),
        (DATE, "2019年8月23日 14:30", "2019-08-23"),
        (DATE, "20190823 08:00", "2019-08-23"),
        (DATE, "43700.75", "2019-08-23"),
        (DATE, "2019-01-05", "2019-01-05"),
        (DATE, "2020/2/29", "2020-02-29"),
        // A date-time keeps its time, and a bare serial its fraction.
        (DATE_TIME, "2019-08-23 14:30", "2019-08-23 14:30"),
        (DATE_TIME, "2019-08-23 14:30:15", "2019-08-23 14:30:15"),
        (DATE_TIME, "2019/8/23 9:05", "2019-08-23 09:05"),
        (DATE_TIME, "2019年8月23日 14:30", "2019-08-23 14:30"),
        (DATE_TIME, "2019-08-23", "2019-08-23 00:00"),
        (DATE_TIME, "43700.5", "2019-08-23 12:00"),
    ];
    for ((template, read), cell, expected) in cases {
        let text = template.replace("{cell}", cell);
        let imported = import_clean(&[("t.csv", &text)]);
        assert_eq!(read(&imported.data), expected, "{cell:?}");
    }
}

#[test]
fn tab_semicolon_and_comma_delimiters_are_recognised() {
    // (what, text)
    #[rustfmt::skip]
    let cases = [
        ("comma", "发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n"),
        ("tab", "发布机构\t成文日期\t发布日期\n旗教育局\t2019-08-23\t2019-08-30\n"),
        ("semicolon", "发布机构;成文日期;发布日期\n旗教育局;2019-08-23;2019-08-30\n"),
        ("tab with commas inside cells", "标题\t发布机构\t成文日期\t发布日期\n甲,乙\t旗教育局\t2019-08-23\t2019-08-30\n"),
        ("semicolon with commas inside cells", "标题;发布机构;成文日期;发布日期\n甲,乙;旗教育局;2019-08-23;2019-08-30\n"),
        ("comma with a quoted comma", "标题,发布机构,成文日期,发布日期\n\"甲,乙\",旗教育局,2019-08-23,2019-08-30\n"),
        ("every cell quoted, CRLF line ends", "\"标题\",\"发布机构\",\"成文日期\",\"发布日期\"\r\n\"甲,乙\",\"旗教育局\",\"2019-08-23\",\"2019-08-30\"\r\n"),
    ];
    for (what, text) in cases {
        let imported = import_clean(&[("export.txt", text)]);
        let r = &imported.data.disclosures;
        assert_eq!(r.len(), 1, "{what}");
        assert_eq!(
            imported.data.departments.name(r[0].dept),
            "旗教育局",
            "{what}"
        );
        assert_eq!(r[0].published_on, d("2019-08-30"), "{what}");
        if let Some(title) = &r[0].title {
            assert_eq!(&**title, "甲,乙", "{what}");
        }
    }
}

#[test]
fn title_lines_notes_and_blank_rows_above_the_header_are_skipped() {
    // (what, text, header row as a spreadsheet shows it)
    #[rustfmt::skip]
    let cases = [
        ("no title", "发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n", 1),
        ("title and a blank line", "鄂托克前旗2019年主动公开目录\n\n发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n", 3),
        ("title, note with commas, blank row of delimiters", "主动公开目录\n导出时间：2020-01-02,导出人：系统\n,,\n发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n", 4),
        ("header on the 10th row", "t1\nt2\nt3\nt4\nt5\nt6\nt7\nt8\nt9\n发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n", 10),
    ];
    for (what, text, header_row) in cases {
        let imported = import_texts(&[("export.csv", text)]);
        let f = only_file(&imported, what);
        assert_eq!(
            (f.header_row, f.rows, f.accepted),
            (Some(header_row), 1, 1),
            "{what}"
        );
        assert_eq!(
            imported.data.disclosures[0].source.row,
            header_row + 1,
            "{what}"
        );
    }
}

#[test]
fn a_csv_whose_title_line_starts_with_a_bracket_is_still_csv() {
    let text = "[鄂托克前旗]2019年主动公开目录\n发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n";
    let imported = import_texts(&[("目录.csv", text)]);
    assert!(
        imported.report.errors.is_empty(),
        "{:?}",
        imported.report.errors
    );
    assert_eq!(imported.report.files[0].header_row, Some(2));
    assert_eq!(imported.data.disclosures.len(), 1);
}

#[test]
fn a_header_below_the_10th_row_is_not_found() {
    let text = "t1\nt2\nt3\nt4\nt5\nt6\nt7\nt8\nt9\nt10\n发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n";
    let imported = import_texts(&[
        ("late.csv", text),
        (
            "ok.csv",
            "发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n",
        ),
    ]);
    assert_eq!(imported.report.errors.len(), 1);
    assert_eq!(imported.report.errors[0].path, "late.csv");
    assert_eq!(imported.report.files.len(), 1);
}

#[test]
fn blank_rows_between_records_are_skipped_and_not_counted() {
    let text = "发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n\n,,\n  ,\t, \n旗财政局,2019-08-23,2019-08-30\n";
    let imported = import_clean(&[("d.csv", text)]);
    let f = &imported.report.files[0];
    assert_eq!((f.rows, f.accepted), (2, 2));
    // The second record sits on row 6 as a spreadsheet shows it.
    assert_eq!(imported.data.disclosures[1].source.row, 6);
}

#[test]
fn english_keys_and_case_or_width_variants_name_columns() {
    let text = "DEPT, Formed_On ,ＰＵＢＬＩＳＨＥＤ＿ＯＮ\n旗教育局,2019-08-23,2019-08-30\n";
    let imported = import_clean(&[("d.csv", text)]);
    assert_eq!(imported.report.files[0].kind, Kind::Disclosure);
    assert_eq!(imported.data.disclosures[0].published_on, d("2019-08-30"));
}

#[test]
fn each_kind_is_recognised_from_its_header() {
    // (header, kind)
    #[rustfmt::skip]
    let cases = [
        ("发布机构,成文日期,发布日期", Kind::Disclosure),
        ("发布机构,关联文件索引号,发布日期", Kind::Interpretation),
        ("受理机关,收到申请日期", Kind::Request),
        ("办理单位,留言时间", Kind::Message),
        ("涉事部门,发现时间,事件等级", Kind::Opinion),
        ("执法机关,作出决定日期,执法类别", Kind::Enforcement),
        ("主办单位,栏目名称,栏目类型", Kind::Column),
        ("部门,分组,别名", Kind::Department),
        ("部门,成文日期,发布日期,类别", Kind::Disclosure),
    ];
    for (header, kind) in cases {
        let imported = import_texts(&[("t.csv", &format!("{header}\n"))]);
        assert_eq!(
            imported.report.files.first().map(|f| f.kind),
            Some(kind),
            "{header}"
        );
    }
}

#[test]
fn personal_data_columns_are_dropped_listed_and_never_kept() {
    let text = "申请编号,申请人姓名,联系电话,身份证号,通讯地址,Email,受理机关,收到申请日期,答复日期,备注\n\
                R1,张三,13800138000,150626199001011234,内蒙古某街道1号,zhangsan@example.com,旗政府办,2019-06-03,2019-06-04,已办结\n";
    let imported = import_clean(&[("requests.csv", text)]);
    let f = &imported.report.files[0];
    assert_eq!(
        f.dropped_columns,
        ["申请人姓名", "联系电话", "身份证号", "通讯地址", "Email"]
    );
    assert_eq!(f.extra_columns, ["备注"]);
    let record = &imported.data.requests[0];
    assert_eq!(imported.extra_values(record.source), [("备注", "已办结")]);
    // Nothing of the dropped values survives anywhere in the import or the
    // exported JSON.
    let card = crate::support::score_default(&imported, y2019());
    let json = openness_core::export::scorecard_json(&card, &imported.report).to_string();
    let everything = format!("{imported:?}{card:?}{json}");
    for secret in [
        "张三",
        "13800138000",
        "150626199001011234",
        "内蒙古某街道1号",
        "zhangsan@example.com",
    ] {
        assert!(!everything.contains(secret), "{secret} leaked");
    }
    assert!(
        json.contains("申请人姓名"),
        "the JSON report lists the dropped columns"
    );
}

#[test]
fn personal_data_headers_match_by_substring_case_insensitively() {
    // (header, dropped)
    #[rustfmt::skip]
    let cases = [
        ("姓名", true),
        ("申请人", true),
        ("联系方式", true),
        ("办公电话", true),
        ("手机号码", true),
        ("身份证号码", true),
        ("证件号", true),
        ("电子邮箱", true),
        ("家庭地址", true),
        ("来电号码", true),
        ("Applicant_Name", true),
        ("CONTACT", true),
        ("phone", true),
        ("Mobile No", true),
        ("email", true),
        ("Address", true),
        ("ID_Card", true),
        ("办理结果", false),
        ("处理意见", false),
    ];
    for (header, dropped) in cases {
        let text = format!("办理单位,留言时间,{header}\n旗信访局,2019-06-03,秘密\n");
        let imported = import_clean(&[("m.csv", &text)]);
        let f = &imported.report.files[0];
        assert_eq!(
            f.dropped_columns.contains(&header.to_owned()),
            dropped,
            "{header}"
        );
        assert_eq!(
            f.extra_columns.contains(&header.to_owned()),
            !dropped,
            "{header}"
        );
        let kept = format!("{imported:?}").contains("秘密");
        assert_eq!(kept, !dropped, "{header}: value kept");
    }
}

#[test]
fn files_are_reported_in_name_order_whatever_order_they_are_given() {
    let a = "发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n";
    let m = "办理单位,留言时间\n旗信访局,2019-06-03\n";
    let imported = import_clean(&[("c.csv", a), ("a.csv", m), ("b.csv", a)]);
    let paths: Vec<&str> = imported
        .report
        .files
        .iter()
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(paths, ["a.csv", "b.csv", "c.csv"]);
}

#[test]
fn a_user_may_name_the_kind_explicitly() {
    // English keys that fit both request and message; naming the kind decides.
    let text = "dept,received_on,replied_on\n旗政府办,2019-06-03,2019-06-04\n";
    let imported = import(vec![file("x.csv", text).with_kind(Some(Kind::Message))]);
    assert_eq!(imported.report.files[0].kind, Kind::Message);
    assert_eq!(imported.data.messages.len(), 1);
}

#[test]
fn the_calendar_covers_2019_to_2026_and_other_years_warn() {
    // A deadline computed in 2018 uses weekends only and the scorecard warns.
    let text = "发布机构,成文日期,发布日期\n旗教育局,2018-06-01,2018-06-04\n";
    let imported = import_clean(&[("d.csv", text)]);
    let window = Window {
        from: d("2018-01-01"),
        to: d("2018-12-31"),
        as_of: d("2018-12-31"),
    };
    let card = openness_core::score::score(&imported.data, &Rules::default(), window);
    assert!(
        card.warnings.iter().any(|w| w.to_string().contains("2018")),
        "{:?}",
        card.warnings
    );
    let card = openness_core::score::score(&imported.data, &Rules::default(), y2019());
    assert!(card.warnings.is_empty(), "{:?}", card.warnings);
}

#[test]
fn a_folder_takes_csv_tsv_txt_xlsx_xls_and_json_in_any_case() {
    // (file name, imported from a folder)
    #[rustfmt::skip]
    let cases = [
        ("a.csv", true),
        ("B.CSV", true),
        ("c.tsv", true),
        ("d.txt", true),
        ("e.xlsx", true),
        ("f.XLS", true),
        ("g.Json", true),
        ("h.docx", false),
        ("i.pdf", false),
        ("csv", false),
        ("j.csv.bak", false),
    ];
    for (name, taken) in cases {
        assert_eq!(
            openness_core::import::is_importable_name(name),
            taken,
            "{name}"
        );
    }
}

#[test]
fn a_utf8_file_with_one_invalid_byte_is_still_read_as_utf8() {
    // The first byte of a truncated last character, as when an export is
    // cut short.
    let mut bytes = "发布机构,成文日期,发布日期\n旗教育局,2019-08-23,2019-08-30\n旗财政局,2019-08-23,2019-08-30\n"
        .as_bytes()
        .to_vec();
    bytes.push(0xE6);
    let imported = import(vec![InputFile::new("cut.csv", bytes)]);
    let f = only_file(&imported, "");
    assert_eq!((f.encoding.as_str(), f.accepted), ("UTF-8", 2));
    assert!(!f.notes.is_empty(), "the bad byte is noted");
}

/// RULES §1.1: blank rows are skipped anywhere and not counted, so they do
/// not push the header out of the first 10 rows.
#[test]
fn blank_rows_do_not_count_towards_the_first_10_rows() {
    let text = format!(
        "鄂托克前旗主动公开目录{}\n发布机构,成文日期,发布日期\n旗教育局,2019-03-01,2019-03-05\n",
        "\n".repeat(12)
    );
    let imported = openness_core::import::import(vec![openness_core::import::InputFile::new(
        "d.csv",
        text.into_bytes(),
    )]);
    assert!(
        imported.report.errors.is_empty(),
        "{:?}",
        imported.report.errors
    );
    assert_eq!(imported.report.files[0].header_row, Some(14));
    assert_eq!(imported.report.files[0].accepted, 1);
}
