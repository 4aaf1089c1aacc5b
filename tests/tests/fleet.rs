//! Where county offices run the dashboard, in today's headless Chromium:
//! the packaged site under a portal's sub-path (modern and legacy pages),
//! the single file opened from `file://` with no server, and the Chinese
//! message a browser too old for the page gets instead of a blank page.
//! Chromium 86 itself is driven by tests/fleet/chromium86.mjs.
//!
//! `#[ignore]`d in a plain `cargo test`; scripts/test.sh runs them after
//! scripts/package.sh.

use openness_e2e::{
    BASE, Browser, FIT_CHECK, assert_only_own_files_served, directive, root, single_file_url,
};
use serde_json::json;

const GBK_CSV: &str = "testdata/fleet/公开目录GBK.csv";
const XLSX: &str = "data/sample/政策解读.xlsx";

fn rows(b: &Browser) -> i64 {
    b.eval("return document.querySelectorAll('#ranking-table tbody tr').length")
        .as_i64()
        .unwrap_or(-1)
}

fn build(b: &Browser) -> String {
    b.eval("return document.documentElement.getAttribute('data-build')")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The sample's department count, from the CLI's JSON that test.sh wrote.
fn sample_departments() -> i64 {
    let doc: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("target").join("sample-score.json"))
            .expect("target/sample-score.json (scripts/test.sh writes it)"),
    )
    .expect("JSON");
    doc["departments"].as_array().map_or(0, |d| d.len() as i64)
}

/// Ranking, GBK + XLSX import, a chart, projection fit and a download, on
/// whatever page `b` shows (the sample loaded).
fn works_like_the_site(b: &Browser, name: &str) {
    b.wait_ready();
    b.wait_for(
        "the sample ranking",
        "return document.querySelectorAll('#ranking-table tbody tr').length > 30",
    );
    assert_eq!(
        rows(b),
        sample_departments(),
        "{name}: every department ranked"
    );
    b.screenshot(&format!("{name}-ranking-1920x1080"));
    // A download (blob URL + <a download>) lands as a file.
    b.eval("[...document.querySelectorAll('button')].find(e => e.textContent.includes('CSV')).click(); return true");
    let csv = String::from_utf8(b.downloaded("考评排名.csv")).expect("UTF-8 CSV");
    assert!(csv.contains("旗人民政府办公室"), "{name}: {csv:.300}");
    // Charts.
    b.click("#tab-charts");
    b.wait_for(
        "the charts",
        "return document.querySelectorAll('figure.chart svg').length >= 5",
    );
    // Import a GBK CSV and an XLSX.
    b.click("#tab-data");
    // chromedriver takes only canonical paths.
    let files = [GBK_CSV, XLSX].map(|f| {
        std::fs::canonicalize(root().join(f))
            .expect("fixture")
            .display()
            .to_string()
    });
    b.send_keys("#file-input", &files.join("\n"));
    b.wait_for(
        "the import report of the two files",
        "return document.querySelectorAll('#import-report tbody tr').length == 2 && !document.getElementById('busy')",
    );
    let report = b
        .eval("return document.querySelector('#import-report').textContent")
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        report.contains("GB18030") && report.contains("XLSX"),
        "{name}: {report}"
    );
    b.click("#tab-ranking");
    b.wait_for(
        "the imported ranking",
        "return document.querySelector('#ranking-table').textContent.includes('测试局甲')",
    );
    // Projection fits the screen.
    b.click("#present-button");
    b.wait_for(
        "the stage",
        "return !!document.querySelector('#stage .stage-body')",
    );
    // Entering full screen resizes the window: give it the time to settle.
    let fits = format!("return (function () {{\n{FIT_CHECK}\n}})().length === 0");
    let settled = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while b.eval(&fits) != json!(true) && std::time::Instant::now() < settled {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(b.eval(FIT_CHECK), json!([]), "{name}: projection fits");
    b.screenshot(&format!("{name}-present-1920x1080"));
    b.eval("localStorage.clear(); return true");
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn the_site_under_a_sub_path_runs_the_modern_build() {
    let b = Browser::open(1920, 1080);
    b.goto("/");
    works_like_the_site(&b, "site-modern");
    assert_eq!(build(&b), "modern");
    assert_eq!(
        b.eval("return location.pathname"),
        json!(BASE),
        "no redirect for today's Chromium"
    );
    assert_only_own_files_served();
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn the_legacy_page_under_a_sub_path_works_in_todays_chromium_too() {
    let b = Browser::open(1920, 1080);
    b.goto("/legacy.html?view=ranking");
    works_like_the_site(&b, "site-legacy");
    assert_eq!(build(&b), "legacy");
    // Chromium 86 compiles WebAssembly only under 'unsafe-eval'; inline
    // scripts stay pinned by hash.
    let csp = b.csp();
    let scripts = directive(&csp, "script-src");
    assert!(
        scripts.contains("'unsafe-eval'") && scripts.contains("'sha256-"),
        "legacy CSP: {csp}"
    );
    assert!(!scripts.contains("'unsafe-inline'"), "legacy CSP: {csp}");
    assert_eq!(directive(&csp, "connect-src"), "connect-src 'self'");
    assert_only_own_files_served();
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn the_single_file_works_from_file_url_with_no_server() {
    let b = Browser::open(1920, 1080);
    b.goto_url(&single_file_url());
    works_like_the_site(&b, "single-file");
    assert_eq!(build(&b), "single");
    // It loaded nothing: every resource entry is the file itself or a blob.
    let loaded = b.eval(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('blob:'))",
    );
    assert_eq!(loaded, json!([]), "the single file fetches nothing");
    let csp = b.csp();
    assert_eq!(directive(&csp, "connect-src"), "connect-src 'none'");
    assert_eq!(directive(&csp, "default-src"), "default-src 'none'");
    assert!(
        !directive(&csp, "script-src").contains("'unsafe-inline'"),
        "{csp}"
    );
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn a_browser_without_webassembly_gets_a_chinese_message_not_a_blank_page() {
    // As IE mode or a browser from before WebAssembly: the boot check
    // finds no WebAssembly and shows the static message.
    let b = Browser::open(1366, 768);
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        &json!({"source": "delete window.WebAssembly;"}),
    );
    for page in ["/", "/legacy.html"] {
        b.goto(page);
        b.wait_for(
            "the too-old message",
            "return document.documentElement.classList.contains('too-old')",
        );
        let shown = b
            .eval("return document.body.innerText")
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            shown.contains("当前浏览器无法运行政务公开考评看板"),
            "{shown}"
        );
        assert!(shown.contains("极速模式"), "{shown}");
        assert!(!shown.contains("正在载入"), "{shown}");
        assert!(
            shown.contains("Chrome/"),
            "the detected browser is named: {shown}"
        );
    }
    b.screenshot("too-old-todays-chromium-1366x768");
}
