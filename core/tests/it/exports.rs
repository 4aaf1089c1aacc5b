//! The exports an office works with: the ranking and the self-check list
//! as XLSX, read back with calamine (numbers are numbers, dates are dates,
//! equal to the JSON), and the title line that names the data.

use calamine::{Data, Reader, Xlsx};
use openness_core::export::{findings_sheet, scorecard_json, scorecard_sheet};
use openness_core::import::{Import, InputFile, import};
use openness_core::rules::Rules;
use openness_core::score::{Indicator, Scorecard, Window, score};
use openness_core::selfcheck::findings;
use openness_core::sheet::{ExportMeta, Lang};
use openness_core::xlsx::workbook;

use crate::support::d;

/// The sample county, scored in its default window with the default rules.
fn scored_sample() -> (Import, Rules, Window, Scorecard) {
    let imported = sample();
    let rules = Rules::default();
    let window = Window::infer(&imported.data, &rules, None, None, None).expect("window");
    let card = score(&imported.data, &rules, window);
    (imported, rules, window, card)
}

fn sample() -> Import {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample");
    let list = std::fs::read_to_string(dir.join("sample.list")).expect("sample.list");
    let files = list
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|name| InputFile::new(name, std::fs::read(dir.join(name)).expect("sample file")))
        .collect();
    import(files)
}

fn rows(bytes: Vec<u8>, sheet: &str) -> Vec<Vec<Data>> {
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("opens as XLSX");
    let range = book.worksheet_range(sheet).expect("the sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(x) => Some(*x),
        Data::Int(n) => Some(*n as f64),
        _ => None,
    }
}

fn meta(lang: Lang) -> ExportMeta {
    ExportMeta {
        source: "鄂托克前旗 2019（示例数据）".to_owned(),
        generated_on: Some(d("2026-11-29")),
        lang,
    }
}

#[test]
fn the_ranking_xlsx_holds_the_jsons_numbers_as_numbers() {
    let (imported, rules, _, card) = scored_sample();
    let json = scorecard_json(&card, &imported.report);
    let sheet = scorecard_sheet(&card, &rules, &meta(Lang::Zh));
    let got = rows(workbook(&[sheet]), "考评排名");
    assert_eq!(
        got[0][0],
        Data::String(
            "政务公开考评排名 · 数据：鄂托克前旗 2019（示例数据） · 考评期间 2019-01-01 至 2019-12-31 · 截至 2019-12-31 · 权重 4% · 生成于 2026-11-29"
                .to_owned()
        )
    );
    assert_eq!(got[1][0], Data::String("排名".to_owned()));
    assert_eq!(got[1][8], Data::String("主动公开及时率（20分）".to_owned()));
    let departments = json["departments"].as_array().expect("departments");
    assert_eq!(got.len(), 2 + departments.len());
    for (row, dept) in got[2..].iter().zip(departments) {
        let name = dept["dept"].as_str().unwrap_or_default();
        assert_eq!(row[2], Data::String(name.to_owned()));
        assert_eq!(number(&row[0]), dept["rank"].as_f64(), "{name}: rank");
        assert_eq!(
            number(&row[1]),
            dept["group_rank"].as_f64(),
            "{name}: group rank"
        );
        assert_eq!(number(&row[4]), dept["score"].as_f64(), "{name}: score");
        assert_eq!(
            number(&row[6]),
            dept["contribution"].as_f64(),
            "{name}: contribution"
        );
        for (i, ind) in Indicator::ALL.iter().enumerate() {
            let earned = dept["indicators"][ind.key()]["earned"].as_f64();
            assert_eq!(number(&row[8 + i]), earned, "{name}: {}", ind.key());
        }
    }
}

#[test]
fn the_self_check_xlsx_has_dates_as_dates_and_opinion_times_as_date_times() {
    let (imported, rules, window, card) = scored_sample();
    let list = findings(&imported, &rules, window, &card, None);
    let sheet = findings_sheet(&list, window, "全部部门", &meta(Lang::En));
    assert!(
        sheet
            .title
            .starts_with("Self-check list · 全部部门 · data: "),
        "{}",
        sheet.title
    );
    assert_eq!(sheet.header[5], "Row");
    let got = rows(workbook(&[sheet]), "Self-check");
    assert_eq!(got.len(), 2 + list.len());
    let (mut dates, mut times) = (0, 0);
    for (row, finding) in got[2..].iter().zip(&list) {
        assert_eq!(
            number(&row[5]),
            Some(f64::from(finding.row)),
            "the row is a number"
        );
        if let Some(start) = finding.start {
            let Data::DateTime(cell) = &row[6] else {
                panic!("start of {finding:?} is {:?}", row[6]);
            };
            let serial = start.date.excel_serial() as f64;
            if finding.indicator == Indicator::OpinionResponse {
                times += 1;
                assert!((cell.as_f64() - serial - f64::from(start.secs) / 86_400.0).abs() < 1e-9);
            } else {
                dates += 1;
                assert_eq!(cell.as_f64(), serial, "a whole day, no time");
            }
        }
        if let Some(late) = finding.late_workdays {
            assert_eq!(number(&row[9]), Some(f64::from(late)));
        }
    }
    assert!(dates > 10 && times > 0, "{dates} dates, {times} date-times");
}
