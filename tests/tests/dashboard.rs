//! The dashboard in real headless Chromium, against the trunk release
//! build: the sample ranking, loading GBK CSV and XLSX files, bad rows,
//! self-check, URL state, the 4% warning and no request to another origin.
//! Each test saves screenshots to target/e2e-screenshots/.
//!
//! These need `dist/` (trunk build --release), chromium and chromedriver, so
//! they are `#[ignore]`d in a plain `cargo test`; scripts/test.sh runs them
//! with `--ignored`.

use openness_core::import::{InputFile, import};
use openness_core::rules::Rules;
use openness_core::score::{Window, score};
use openness_core::selfcheck::findings;
use openness_e2e::{Browser, assert_only_own_files_served, root};

const NEEDS: &str = "needs dist/, chromium and chromedriver: run scripts/test.sh";

fn sample_files() -> Vec<InputFile> {
    let dir = root().join("data").join("sample");
    let mut files: Vec<InputFile> = std::fs::read_dir(&dir)
        .expect("data/sample")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| ["csv", "txt", "xlsx", "json"].contains(&x.to_str().unwrap_or("")))
        })
        .map(|p| {
            InputFile::new(
                p.file_name().and_then(|n| n.to_str()).unwrap_or_default(),
                std::fs::read(&p).expect("read sample"),
            )
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn count(b: &Browser, css: &str) -> i64 {
    b.eval(&format!("return document.querySelectorAll({css:?}).length"))
        .as_i64()
        .unwrap_or(-1)
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("openness-e2e-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// True when nothing scrolls sideways and no table cell overflows.
const NO_HORIZONTAL_OVERFLOW: &str =
    "return document.documentElement.scrollWidth <= window.innerWidth + 1";

/// Records in `window.windowLines` each text of `#window-line`, as the
/// page changes it.
const WATCH_WINDOW_LINE: &str = "window.windowLines = []; \
    new MutationObserver(() => { \
        const t = document.querySelector('#window-line')?.textContent; \
        if (t && window.windowLines[window.windowLines.length - 1] !== t) window.windowLines.push(t); \
    }).observe(document, { subtree: true, childList: true, characterData: true });";

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn sample_ranking_shows_every_department() {
    let _ = NEEDS;
    let imported = import(sample_files());
    let expected = imported.data.departments.len() as i64;
    for (w, h) in [(1920, 1080), (1366, 768)] {
        let b = Browser::open(w, h);
        // Every text the header's window line takes, from the first render.
        b.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            &serde_json::json!({"source": WATCH_WINDOW_LINE}),
        );
        b.goto("/");
        b.wait_ready();
        b.wait_for(
            "ranking rows",
            "return document.querySelectorAll('#ranking-table tbody tr').length > 0",
        );
        assert_eq!(count(&b, "#ranking-table tbody tr"), expected);
        // While the sample loads, the header says so; it never claims the
        // data has no dates.
        let lines = b.eval("return window.windowLines");
        let lines: Vec<&str> = lines
            .as_array()
            .expect("the watcher ran")
            .iter()
            .filter_map(|l| l.as_str())
            .collect();
        assert!(
            !lines.is_empty() && lines.iter().all(|l| !l.contains("没有带日期")),
            "{lines:?}"
        );
        assert!(b.text("#source-name").contains("鄂托克前旗"));
        // The header names the year the data chose (RULES §6).
        assert!(
            b.text("#window-line")
                .contains("自动选择数据最多的 2019 年"),
            "{}",
            b.text("#window-line")
        );
        assert!(b.text("#ranking-table").contains("旗人民政府办公室"));
        assert!(
            b.eval(NO_HORIZONTAL_OVERFLOW).as_bool().unwrap_or(false),
            "no sideways scrolling at {w}x{h}"
        );
        b.screenshot(&format!("ranking-{w}x{h}"));
        b.click("#tab-charts");
        b.wait_for(
            "charts",
            "return document.querySelectorAll('figure.chart svg').length >= 4",
        );
        b.screenshot(&format!("charts-{w}x{h}"));
        b.click("#lang-toggle");
        b.wait_for(
            "English UI",
            "return document.querySelector('#tab-ranking').textContent.includes('Ranking')",
        );
        b.click("#tab-ranking");
        b.screenshot(&format!("ranking-en-{w}x{h}"));
    }
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn loading_a_gbk_csv_and_an_xlsx_updates_ranking_and_report() {
    let dir = temp_dir("load");
    let csv = "鄂托克前旗主动公开目录\n索引号,标题,发布机构,成文日期,发布日期,联系电话\nT-1,文件一,测试局甲,2019-03-01,2019-03-05,13800000000\nT-2,文件二,测试镇乙,2019-03-01,2019-05-05,\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    let gbk_path = dir.join("公开目录GBK.csv");
    std::fs::write(&gbk_path, &gbk).expect("write GBK");
    let xlsx_path = dir.join("留言.xlsx");
    {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        for (c, h) in ["编号", "办理单位", "留言时间", "答复时间"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, c as u16, *h).expect("header");
        }
        let d = |y, m, day| rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, day).expect("date");
        sheet.write_string(1, 0, "M-1").expect("cell");
        sheet.write_string(1, 1, "测试局甲").expect("cell");
        sheet
            .write_datetime_with_format(1, 2, d(2019, 4, 1), &date)
            .expect("cell");
        sheet
            .write_datetime_with_format(1, 3, d(2019, 4, 3), &date)
            .expect("cell");
        book.save(&xlsx_path).expect("save xlsx");
    }
    let b = Browser::open(1920, 1080);
    b.goto("/?view=data");
    b.wait_ready();
    b.send_keys(
        "#file-input",
        &format!("{}\n{}", gbk_path.display(), xlsx_path.display()),
    );
    b.wait_for(
        "the import report of the two files",
        "return document.querySelectorAll('#import-report tbody tr').length == 2",
    );
    let report = b.text("#import-report");
    assert!(report.contains("GB18030"), "{report}");
    assert!(report.contains("XLSX"), "{report}");
    assert!(
        report.contains("联系电话"),
        "personal-data column listed as dropped: {report}"
    );
    // Nothing rejected: a sentence, not an empty table.
    assert_eq!(count(&b, "#issues"), 0);
    let none = b.text("#no-issues");
    assert!(none.contains("没有被拒绝的行"), "{none}");
    b.screenshot("data-loaded-1920x1080");
    b.click("#tab-ranking");
    b.wait_for(
        "the new ranking",
        "return document.querySelectorAll('#ranking-table tbody tr').length == 2",
    );
    let ranking = b.text("#ranking-table");
    assert!(
        ranking.contains("测试局甲") && ranking.contains("测试镇乙"),
        "{ranking}"
    );
    assert!(
        !ranking.contains("旗人民政府办公室"),
        "the sample was replaced"
    );
    b.screenshot("ranking-loaded-1920x1080");
    // Forget everything returns to the sample.
    b.click("#tab-data");
    b.click("#forget");
    b.click("#tab-ranking");
    b.wait_for(
        "the sample again",
        "return document.querySelectorAll('#ranking-table tbody tr').length > 30",
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn a_file_with_bad_rows_shows_them_and_keeps_the_good_ones() {
    let dir = temp_dir("bad");
    let path = dir.join("bad.csv");
    std::fs::write(&path, "发布机构,成文日期,发布日期\n测试局甲,2019-03-01,2019-03-05\n测试局甲,2019-02-30,2019-03-05\n,2019-03-01,2019-03-05\n合计,2019-03-01,2019-03-05\n").expect("write");
    let b = Browser::on_data_page();
    b.pick_file(&path);
    b.wait_for(
        "three rejected rows",
        "return document.querySelectorAll('#issues tbody tr.rejected').length == 3",
    );
    let issues = b.text("#issues");
    assert!(issues.contains("2019-02-30"), "{issues}");
    assert!(issues.contains("不是有效日期"), "{issues}");
    assert!(issues.contains("汇总行"), "{issues}");
    assert!(issues.contains("必填项为空"), "{issues}");
    let rows: Vec<String> = b
        .eval("return [...document.querySelectorAll('#issues tbody tr')].map(r => r.children[1].textContent)")
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    assert_eq!(rows, ["3", "4", "5"]);
    let report = b.text("#import-report tbody");
    assert!(report.contains('1') && report.contains('3'), "{report}");
    b.screenshot("data-bad-rows-1920x1080");
    b.click("#forget");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn self_check_lists_a_departments_failing_records() {
    let imported = import(sample_files());
    let rules = Rules::default();
    let window = Window::infer(&imported.data, &rules, None, None, None).expect("window");
    let card = score(&imported.data, &rules, window);
    let id = imported
        .data
        .departments
        .get("旗能源局")
        .expect("department");
    let expected = findings(&imported, &rules, window, &card, Some(id)).len() as i64;
    assert!(expected > 0);
    for (w, h) in [(1920, 1080), (1366, 768)] {
        let b = Browser::open(w, h);
        b.goto("/?view=selfcheck&dept=%E6%97%97%E8%83%BD%E6%BA%90%E5%B1%80");
        b.wait_ready();
        b.wait_for(
            "findings",
            "return document.querySelectorAll('#findings-table tbody tr').length > 0",
        );
        assert_eq!(count(&b, "#findings-table tbody tr"), expected);
        assert!(b.text("#selfcheck-title").contains("59.00"));
        assert!(b.text("#findings-table").contains("栏目"));
        b.screenshot(&format!("selfcheck-{w}x{h}"));
    }
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn url_state_round_trips() {
    let b = Browser::open(1920, 1080);
    b.goto("/");
    b.wait_ready();
    b.click("#tab-selfcheck");
    b.wait_for(
        "the department picker",
        "return !!document.querySelector('#dept-select')",
    );
    b.eval("const s = document.querySelector('#dept-select'); s.value = '城川镇'; s.dispatchEvent(new Event('change')); return true");
    b.wait_for("the URL to follow", "return location.search.includes('view=selfcheck') && decodeURIComponent(location.search).includes('城川镇')");
    let search = b
        .eval("return location.search")
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let fresh = Browser::open(1920, 1080);
    fresh.goto(&format!("/{search}"));
    fresh.wait_ready();
    fresh.wait_for(
        "the same view",
        "return !!document.querySelector('#selfcheck-title')",
    );
    assert!(fresh.text("#selfcheck-title").contains("城川镇"));
    // The department picker shows the department shown, not the first.
    assert_eq!(
        fresh.eval("return document.querySelector('#dept-select').value"),
        serde_json::json!("城川镇")
    );
    assert_eq!(
        fresh.eval("return location.search").as_str(),
        Some(search.as_str())
    );
    fresh.screenshot("url-state-selfcheck-1920x1080");
    fresh.goto("/?view=ranking&period=2019Q2&lang=en");
    fresh.wait_ready();
    assert!(
        fresh
            .text("#window-line")
            .contains("2019-04-01 – 2019-06-30"),
        "{}",
        fresh.text("#window-line")
    );
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn a_weight_below_4_percent_shows_the_warning() {
    let b = Browser::open(1920, 1080);
    b.goto("/?view=rules");
    b.wait_ready();
    assert_eq!(count(&b, "#weight-warning"), 0);
    b.clear("#weight-pct");
    b.send_keys("#weight-pct", "3.5");
    b.eval("document.querySelector('#weight-pct').dispatchEvent(new Event('change')); return true");
    b.wait_for(
        "the 4% warning",
        "return !!document.querySelector('#weight-warning')",
    );
    assert!(b.text("#weight-warning").contains("4%"));
    b.screenshot("rules-weight-warning-1920x1080");
    b.click("#tab-ranking");
    b.wait_for(
        "ranking",
        "return document.querySelectorAll('#ranking-table tbody tr').length > 0",
    );
    let first = b.eval("const c = document.querySelector('#ranking-table tbody tr').children; return [c[3].textContent, c[6].textContent]");
    let score: f64 = first[0]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("score");
    let contribution: f64 = first[1]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("contribution");
    assert!(
        (contribution - ((score * 3.5 + 0.5 * 1e-9) / 100.0 * 100.0 + 0.5).floor() / 100.0).abs()
            < 0.011,
        "{score} → {contribution}"
    );
    b.click("#tab-data");
    b.click("#forget");
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn no_request_goes_to_another_origin() {
    let b = Browser::open(1920, 1080);
    b.goto("/");
    b.wait_ready();
    for tab in [
        "#tab-selfcheck",
        "#tab-charts",
        "#tab-data",
        "#tab-rules",
        "#tab-ranking",
    ] {
        b.click(tab);
    }
    b.screenshot("no-egress-after-tour-1920x1080");
    let foreign = b.eval("return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))");
    assert_eq!(
        foreign,
        serde_json::json!([]),
        "resources from other origins"
    );
    // The Content Security Policy blocks any attempt.
    b.eval("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.blockedURI)); fetch('http://127.0.0.2:9/leak').catch(() => {}); return true");
    b.wait_for(
        "the CSP to block the fetch",
        "return window.__violations.length > 0",
    );
    assert_only_own_files_served();
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn an_unreadable_file_is_explained_in_the_pages_language() {
    let dir = temp_dir("unreadable");
    let pdf = dir.join("扫描件.csv");
    std::fs::write(&pdf, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").expect("write");
    let b = Browser::on_data_page();
    b.pick_file(&pdf);
    b.wait_for(
        "the file error",
        "return document.querySelectorAll('#file-errors li').length == 1",
    );
    let zh = b.text("#file-errors");
    assert!(
        zh.contains("扫描件.csv") && zh.contains("这是 PDF 文档，不是表格"),
        "{zh}"
    );
    b.click("#lang-toggle");
    let en = b.text("#file-errors");
    assert!(en.contains("is a PDF document, not a table export"), "{en}");
    b.screenshot("unreadable-file-zh-1920x1080");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn files_added_after_a_load_too_large_to_keep_are_added_to_it() {
    // Over 64 MB: the page keeps no second copy in memory, only the
    // browser's handles to the picked file.
    let dir = temp_dir("large-add");
    let big = dir.join("large.csv");
    let mut text = String::from("发布机构,成文日期,发布日期\n");
    let row = "旗大数据局,2019-08-23,2019-08-30\n";
    while text.len() < 66 << 20 {
        text.push_str(row);
    }
    let rows = (text.len() - "发布机构,成文日期,发布日期\n".len()) / row.len();
    std::fs::write(&big, &text).expect("write");
    drop(text);
    let small = dir.join("small.csv");
    std::fs::write(
        &small,
        "发布机构,成文日期,发布日期\n测试局乙,2019-03-01,2019-03-05\n",
    )
    .expect("write");
    let b = Browser::on_data_page();
    b.pick_file(&big);
    b.wait_for(
        "the large file imported",
        "return document.querySelector('#import-report tbody').textContent.includes('large.csv') && !document.getElementById('busy')",
    );
    assert!(b.text("#notice").contains("64 MB"), "the notice says why");
    b.click("#add-files");
    b.pick_file(&small);
    b.wait_for(
        "both files in the report",
        "return document.querySelector('#import-report tbody').textContent.includes('small.csv') && !document.getElementById('busy')",
    );
    let report = b.text("#import-report tbody");
    assert!(
        report.contains("large.csv"),
        "the earlier file is still there: {report}"
    );
    assert!(
        report.contains(&rows.to_string()),
        "all {rows} rows: {report}"
    );
    b.click("#tab-ranking");
    b.wait_for(
        "both departments ranked",
        "const t = document.querySelector('#ranking-table').textContent; return t.includes('旗大数据局') && t.includes('测试局乙')",
    );
    b.eval("localStorage.clear(); return true");
    std::fs::remove_dir_all(dir).ok();
}
