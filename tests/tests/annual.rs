//! 年报统计 (annual report) in headless Chromium on the sample county: the
//! three tables as the form prints them, equal to `openness_core::annual`
//! on the same files; a failing check with its numbers and the record
//! behind it; a unit whose tables cross-foot; the county overview; the
//! XLSX download read back; an edited workbook uploaded and its differing
//! cell named; the projection slide; English. Screenshots at 1920×1080 and
//! on a laptop go to target/e2e-screenshots/annual-*.png.
//!
//! `#[ignore]`d in a plain `cargo test`; scripts/test.sh runs them.

use calamine::{Data, Reader, Xlsx};
use openness_core::annual::{Annual, annual, annual_layouts, default_year};
use openness_core::import::{InputFile, import};
use openness_core::rules::Rules;
use openness_core::xlsx::layout_workbook;
use openness_e2e::{Browser, root};

/// The sample county's tables as the core computes them.
fn expected() -> Annual {
    let dir = root().join("data").join("sample");
    let list = std::fs::read_to_string(dir.join("sample.list")).expect("sample.list");
    let files: Vec<InputFile> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|name| {
            InputFile::new(
                format!("data/sample/{name}"),
                std::fs::read(dir.join(name)).expect("sample file"),
            )
        })
        .collect();
    let imported = import(files);
    let year = default_year(&imported.data, &Rules::default()).expect("a year");
    annual(&imported.data, year)
}

/// The numbers of table 三's row `key`, as the page shows them.
fn row(b: &Browser, key: &str) -> Vec<u32> {
    let cells = b.eval(&format!(
        "return [...document.querySelectorAll('#annual-table3 tr[data-row=\"{key}\"] td')].map(td => td.textContent)"
    ));
    cells
        .as_array()
        .expect("cells")
        .iter()
        .map(|c| c.as_str().unwrap_or_default().parse().expect("a count"))
        .collect()
}

fn open_annual(b: &Browser, query: &str) {
    b.goto(&format!("/?view=annual{query}"));
    b.wait_ready();
    b.wait_for(
        "the annual tables",
        "return !!document.querySelector('#annual-table3 tr[data-row=\"new\"] td')",
    );
}

fn select(b: &Browser, css: &str, value: &str) {
    b.eval(&format!(
        "const s = document.querySelector('{css}'); s.value = {value:?}; s.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
    ));
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn the_county_tables_fail_visibly_and_a_unit_cross_foots() {
    let want = expected();
    let b = Browser::open(1920, 1080);
    open_annual(&b, "");
    let title = b.text("#annual-title");
    assert_eq!(
        title,
        format!("全县{}年政府信息公开工作年度报告统计表", want.year)
    );
    for (i, r) in openness_core::annual::table3::ROWS.iter().enumerate() {
        assert_eq!(row(&b, r.key), want.county.table3[i], "{}", r.key);
    }
    let t4: Vec<u32> = b
        .eval(
            "return [...document.querySelectorAll('#annual-table4 td')].map(td => +td.textContent)",
        )
        .as_array()
        .expect("cells")
        .iter()
        .map(|v| v.as_u64().unwrap_or(u64::MAX) as u32)
        .collect();
    assert_eq!(t4, want.county.table4.concat());
    // The sample plants unknown types and outcomes: the county's row and
    // outcome checks fail, with both numbers and a link to the record.
    let failed = b.text("#annual-checks");
    assert!(failed.contains("≠"), "{failed}");
    assert!(b.text("#annual-checks-title").starts_with('✗'));
    let link = b.eval("return document.querySelector('#annual-checks a').getAttribute('href')");
    let target = link
        .as_str()
        .expect("a link")
        .trim_start_matches('#')
        .to_owned();
    assert!(b.text(&format!("#{target}")).contains("依申请公开登记.csv"));
    // The overview lists every unit; a click opens one.
    let units = b.eval("return document.querySelectorAll('#annual-overview tbody tr').length");
    assert_eq!(units.as_u64(), Some(want.units.len() as u64));
    assert!(b.text("#annual-status").starts_with('✗'));
    b.screenshot("annual-county-1920");
    b.eval("document.querySelector('#annual-table3').scrollIntoView(); return true");
    b.screenshot("annual-county-table3-1920");
    b.eval("document.querySelector('#annual-checks-title').scrollIntoView(); return true");
    b.screenshot("annual-county-checks-1920");
    b.eval(
        "document.querySelector('#annual-overview button[data-sort=\"2\"]').click(); return true",
    );
    b.wait_for(
        "the overview sorted by findings",
        "return document.querySelector('#annual-overview th[aria-sort]') !== null",
    );
    b.click("#annual-overview button[data-unit=\"旗教育体育局\"]");
    b.wait_for(
        "the unit's tables",
        "return document.querySelector('#annual-title').textContent.startsWith('旗教育体育局')",
    );
    let unit = want.unit("旗教育体育局").expect("unit");
    assert!(unit.cross_foots());
    assert!(b.text("#annual-checks-title").starts_with('✓'));
    assert_eq!(row(&b, "new"), unit.table3[0]);
    b.screenshot("annual-unit-1920");
    // Printed, the unit's three tables fill A4 pages without the page's
    // header, checks or lists (they are screen-only).
    let pdf = b.cdp(
        "Page.printToPDF",
        &serde_json::json!({"preferCSSPageSize": true}),
    );
    let bytes = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        pdf["data"].as_str().expect("a PDF"),
    )
    .expect("base64");
    let pages = bytes.windows(11).filter(|w| w == b"/Type /Page").count()
        - bytes.windows(12).filter(|w| w == b"/Type /Pages").count();
    assert!((1..=3).contains(&pages), "{pages} A4 pages");
    std::fs::write(
        openness_e2e::screenshot_dir().join("annual-unit-print.pdf"),
        &bytes,
    )
    .expect("save the PDF");
    // A laptop screen and English.
    b.set_viewport(1366, 768);
    b.click("#lang-toggle");
    b.wait_for(
        "English",
        "return document.querySelector('#annual-checks-title').textContent.includes('checks')",
    );
    b.screenshot("annual-unit-laptop-en");
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn the_form_downloads_and_an_edited_workbook_is_checked() {
    let want = expected();
    let b = Browser::open(1920, 1080);
    open_annual(&b, "");
    select(&b, "#annual-unit", "旗公安局");
    b.wait_for(
        "the unit",
        "return document.querySelector('#annual-title').textContent.startsWith('旗公安局')",
    );
    b.click("#annual-xlsx");
    let bytes = b.downloaded(&format!("年报统计_{}_旗公安局.xlsx", want.year));
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("opens as XLSX");
    assert_eq!(book.sheet_names(), ["旗公安局"]);
    let range = book.worksheet_range("旗公安局").expect("the sheet");
    let unit = want.unit("旗公安局").expect("unit");
    // D17: 行政事业性收费 (a number), D23: 一、本年新收 / 自然人.
    match range.get_value((16, 3)) {
        Some(Data::Float(x)) => {
            let fees = openness_core::value::amount_wan(unit.table2.fees.expect("fees"));
            assert!((x - fees).abs() < 1e-9);
        }
        other => panic!("D17 is {other:?}"),
    }
    assert_eq!(
        range.get_value((22, 3)),
        Some(&Data::Float(f64::from(unit.table3[0][0])))
    );

    // A person's copy with one number changed: the page names the cell.
    let mut edited = want.clone();
    let police = edited.unit_mut("旗公安局").expect("unit");
    police.table3[2][0] += 2;
    let path =
        std::env::temp_dir().join(format!("openness-annual-e2e-{}.xlsx", std::process::id()));
    std::fs::write(
        &path,
        layout_workbook(&annual_layouts(&edited, Some("旗公安局"))),
    )
    .expect("write");
    b.send_keys("#annual-upload", &path.display().to_string());
    b.wait_for(
        "the comparison",
        "return !!document.querySelector('#annual-differences')",
    );
    let diff = b.text("#annual-differences");
    assert!(diff.contains("D25"), "{diff}");
    assert!(diff.contains("（一）予以公开"), "{diff}");
    assert!(b.text("#annual-comparison").starts_with('✗'));
    b.screenshot("annual-comparison-1920");
    let _ = std::fs::remove_file(&path);
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn the_projection_slide_lists_units_that_need_checking() {
    let want = expected();
    let b = Browser::open(1920, 1080);
    b.goto("/?present=1&slides=annual&rotate=600");
    b.wait_for(
        "the annual slide",
        "return !!document.querySelector('#annual-slide')",
    );
    let rows = b.eval("return document.querySelectorAll('#annual-slide tr').length");
    let flagged = want
        .units
        .iter()
        .filter(|u| !u.cross_foots() || !u.findings.is_empty())
        .count()
        .min(10);
    assert_eq!(rows.as_u64(), Some(flagged as u64));
    assert!(flagged > 0, "the sample plants findings");
    b.screenshot("annual-slide-1920");
}
