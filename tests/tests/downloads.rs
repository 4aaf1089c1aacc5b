//! Every download button of the dashboard, in headless Chromium, each file
//! read back as its reader would: the ranking and self-check CSV parsed and
//! their XLSX opened with calamine (numbers are numbers, dates are dates,
//! equal to the CLI's JSON; the title line names the data and window;
//! headers in the page's language), a chart's SVG parsed as XML and its
//! PNG checked, the rules TOML loaded by the CLI.
//!
//! The ranking XLSX is kept as `target/e2e-downloads/考评排名.xlsx` for
//! `scripts/check-xlsx-libreoffice.sh`.
//!
//! `#[ignore]`d in a plain `cargo test`; scripts/test.sh runs them.

use calamine::{Data, Reader, Xlsx};
use openness_e2e::{Browser, root};
use serde_json::Value;

fn cli_json() -> Value {
    serde_json::from_slice(
        &std::fs::read(root().join("target").join("sample-score.json"))
            .expect("target/sample-score.json (scripts/test.sh writes it)"),
    )
    .expect("JSON")
}

fn sheet_rows(bytes: Vec<u8>) -> (String, Vec<Vec<Data>>) {
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("opens as XLSX");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).expect("the sheet");
    (name, range.rows().map(<[Data]>::to_vec).collect())
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(x) => Some(*x),
        Data::Int(n) => Some(*n as f64),
        _ => None,
    }
}

fn text(cell: &Data) -> &str {
    match cell {
        Data::String(s) => s,
        _ => "",
    }
}

/// CSV rows (fields split on commas outside quotes), without the BOM.
fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8 CSV");
    let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    text.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (mut fields, mut field, mut quoted) = (Vec::new(), String::new(), false);
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match (c, quoted) {
                    ('"', true) if chars.peek() == Some(&'"') => {
                        field.push('"');
                        chars.next();
                    }
                    ('"', _) => quoted = !quoted,
                    (',', false) => fields.push(std::mem::take(&mut field)),
                    (c, _) => field.push(c),
                }
            }
            fields.push(field);
            fields
        })
        .collect()
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn the_ranking_downloads_as_csv_and_xlsx_with_the_clis_numbers() {
    let json = cli_json();
    let departments = json["departments"].as_array().expect("departments");
    let b = Browser::open(1920, 1080);
    b.goto("/");
    b.wait_ready();
    // CSV: plain numbers, one language.
    b.click_button("导出排名 CSV");
    let csv = parse_csv(&b.downloaded("考评排名.csv"));
    assert_eq!(
        csv[0][..8],
        [
            "排名",
            "组内排名",
            "部门",
            "分组",
            "得分",
            "等级",
            "折算分（权重4%）",
            "单项否决"
        ]
    );
    assert_eq!(csv.len(), 1 + departments.len());
    for (row, dept) in csv[1..].iter().zip(departments) {
        assert_eq!(row[2], dept["dept"].as_str().unwrap_or_default());
        assert_eq!(
            row[4].parse::<f64>().ok(),
            dept["score"].as_f64(),
            "{row:?}"
        );
        assert_eq!(
            row[6].parse::<f64>().ok(),
            dept["contribution"].as_f64(),
            "{row:?}"
        );
    }
    // XLSX: a title line, typed cells.
    b.click_button("导出排名 XLSX");
    let bytes = b.downloaded("考评排名.xlsx");
    let kept = root().join("target").join("e2e-downloads");
    std::fs::create_dir_all(&kept).expect("target/e2e-downloads");
    std::fs::write(kept.join("考评排名.xlsx"), &bytes).expect("keep the XLSX");
    let (name, rows) = sheet_rows(bytes);
    assert_eq!(name, "考评排名");
    let title = text(&rows[0][0]);
    for part in [
        "政务公开考评排名",
        "数据：鄂托克前旗 2019",
        "考评期间 2019-01-01 至 2019-12-31",
        "截至 2019-12-31",
        "权重 4%",
        "生成于 ",
    ] {
        assert!(title.contains(part), "{part} in {title}");
    }
    assert_eq!(text(&rows[1][4]), "得分");
    for (row, dept) in rows[2..].iter().zip(departments) {
        assert_eq!(number(&row[0]), dept["rank"].as_f64(), "{row:?}");
        assert_eq!(number(&row[4]), dept["score"].as_f64(), "{row:?}");
        assert_eq!(number(&row[6]), dept["contribution"].as_f64(), "{row:?}");
        // Unrounded: serde_json's default float parser may be an ulp off.
        let earned = dept["indicators"]["disclosure_timeliness"]["earned"].as_f64();
        let close = number(&row[8])
            .zip(earned)
            .is_some_and(|(a, b)| (a - b).abs() < 1e-9);
        assert!(close || earned.is_none(), "{row:?} {earned:?}");
    }
    // In English, the headers and names are English only.
    b.click("#lang-toggle");
    b.click_button("Export ranking XLSX");
    let (name, rows) = sheet_rows(b.downloaded("ranking.xlsx"));
    assert_eq!(name, "Ranking");
    assert!(text(&rows[0][0]).starts_with("Openness scorecard ranking · data: "));
    assert_eq!(text(&rows[1][0]), "Rank");
    assert_eq!(text(&rows[1][8]), "Disclosure timeliness (20 pts)");
    assert!(
        rows[1].iter().all(|h| !text(h)
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))),
        "{:?}",
        rows[1]
    );
    assert_eq!(text(&rows[2][5]), "Excellent");
    b.eval("localStorage.clear(); return true");
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn the_self_check_list_downloads_with_dates_as_dates() {
    let b = Browser::open(1920, 1080);
    b.goto("/?view=selfcheck&dept=%E6%97%97%E8%83%BD%E6%BA%90%E5%B1%80");
    b.wait_ready();
    b.wait_for(
        "the findings",
        "return document.querySelectorAll('#findings-table tbody tr').length > 0",
    );
    b.click_button("下载自查清单 CSV");
    let csv = parse_csv(&b.downloaded("自查清单_旗能源局.csv"));
    assert_eq!(
        csv[0][..6],
        ["部门", "指标", "编号", "标题/名称", "来源文件", "行号"]
    );
    assert!(csv.len() > 5, "{csv:?}");
    for row in &csv[1..] {
        assert_eq!(row[0], "旗能源局");
        assert!(row[5].parse::<u32>().is_ok(), "row number: {row:?}");
        // ISO dates; opinion events are timed to the minute.
        let length = if row[1] == "舆情回应及时率" {
            16
        } else {
            10
        };
        for date in [&row[6], &row[7]] {
            assert!(
                date.is_empty() || (date.len() == length && date.as_bytes()[4] == b'-'),
                "ISO date: {row:?}"
            );
        }
    }
    b.click_button("下载自查清单 XLSX");
    let (name, rows) = sheet_rows(b.downloaded("自查清单_旗能源局.xlsx"));
    assert_eq!(name, "自查清单");
    assert!(
        text(&rows[0][0]).starts_with("部门自查清单 · 旗能源局 · 数据："),
        "{:?}",
        rows[0][0]
    );
    assert_eq!(rows.len(), 2 + csv.len() - 1);
    let mut dates = 0;
    for row in &rows[2..] {
        assert!(number(&row[5]).is_some(), "the row is a number: {row:?}");
        if let Data::DateTime(d) = &row[7]
            && text(&row[1]) != "舆情回应及时率"
        {
            dates += 1;
            assert_eq!(d.as_f64().fract(), 0.0, "a date without a time: {row:?}");
        }
    }
    assert!(dates > 0, "deadlines are date cells");
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn a_chart_downloads_as_svg_and_png_and_the_rules_as_toml_the_cli_reads() {
    let b = Browser::open(1920, 1080);
    b.goto("/?view=charts");
    b.wait_ready();
    b.wait_for(
        "the charts",
        "return document.querySelectorAll('figure.chart svg').length >= 5",
    );
    b.click_button("下载 SVG");
    let svg = b.downloaded("及时率.svg");
    let mut reader = quick_xml::Reader::from_reader(svg.as_slice());
    let (mut buf, mut root_name, mut texts) = (Vec::new(), None, 0);
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e)) => {
                root_name
                    .get_or_insert_with(|| String::from_utf8_lossy(e.name().as_ref()).into_owned());
            }
            Ok(quick_xml::events::Event::Text(_)) => texts += 1,
            Ok(_) => {}
            Err(e) => panic!("the SVG is not well-formed XML: {e}"),
        }
        buf.clear();
    }
    assert_eq!(root_name.as_deref(), Some("svg"));
    assert!(texts > 5, "the chart has its labels");
    b.click_button("下载 PNG");
    let png = b.downloaded("及时率.png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&png[12..16], b"IHDR");
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert!(width >= 800 && height >= 300, "{width}×{height}");
    assert_eq!(&png[png.len() - 8..png.len() - 4], b"IEND");
    // The rules file, edited on the page, loads in the CLI.
    b.goto("/?view=rules");
    b.wait_ready();
    b.click_button("导出规则文件");
    let path = b.downloads.join("rules.toml");
    b.downloaded("rules.toml");
    let cli = root().join("target").join("debug").join("openness");
    assert!(
        cli.exists(),
        "{} (scripts/test.sh builds it)",
        cli.display()
    );
    let out = std::process::Command::new(cli)
        .args(["score", "--format", "json", "--rules"])
        .arg(&path)
        .arg(root().join("data").join("sample"))
        .output()
        .expect("the CLI runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["weight"]["weight_pct"], serde_json::json!(4.0));
}
