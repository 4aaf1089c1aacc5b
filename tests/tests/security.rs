//! Hostile data in real headless Chromium: markup in department names,
//! titles and file names renders as text on every page (tables, charts,
//! self-check, import report, projection), nothing runs, the strict CSP
//! holds, no request leaves the origin while loading and scoring, and a
//! panic shows a message instead of a blank page.
//!
//! `#[ignore]`d in a plain `cargo test`; scripts/test.sh runs them.

use std::fmt::Write as _;

use openness_e2e::{Browser, assert_only_own_files_served};

/// Each payload sets `window.__xss` if it ever runs.
const PAYLOADS: [&str; 4] = [
    "<img src=x onerror=\"window.__xss=1\">",
    "<script>window.__xss=2</script>",
    "<svg onload=\"window.__xss=3\"><text>3</text></svg>",
    "\"><iframe srcdoc=\"<script>parent.__xss=4</script>\">",
];

fn hostile_csv() -> String {
    let mut csv = String::from("索引号,标题,发布机构,成文日期,发布日期,是否需解读\n");
    for (i, p) in PAYLOADS.iter().enumerate() {
        let quoted = format!("\"{}\"", p.replace('"', "\"\""));
        let _ = writeln!(csv, "X-{i},{quoted},{quoted},2019-03-01,2019-05-30,是");
        let _ = writeln!(
            csv,
            "Y-{i},=HYPERLINK(\"http://evil\"),{quoted},2019-03-01,2019-03-04,否"
        );
    }
    csv
}

fn no_script_ran(b: &Browser, where_: &str) {
    let ran = b.eval("return typeof window.__xss === 'undefined' && document.querySelectorAll('img[src=\"x\"], iframe, script:not([src]):not([type]):not([data-openness])').length === 0");
    assert_eq!(
        ran,
        serde_json::json!(true),
        "a payload became markup on {where_}"
    );
}

fn page_text(b: &Browser) -> String {
    b.eval("return document.body.innerText")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn markup_in_names_titles_and_file_names_is_shown_as_text_everywhere() {
    let dir = std::env::temp_dir().join(format!("openness-e2e-xss-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // The file name carries markup too.
    let path = dir.join("<img src=x onerror=window.__xss=9>.csv");
    std::fs::write(&path, hostile_csv()).expect("write");
    let b = Browser::on_data_page();
    b.pick_file(&path);
    b.wait_for(
        "the import report of the hostile file",
        "return document.querySelectorAll('#import-report tbody tr').length == 1 && !document.getElementById('busy')",
    );
    let report = page_text(&b);
    assert!(
        report.contains("<img src=x onerror=window.__xss=9>.csv"),
        "{report}"
    );
    no_script_ran(&b, "the data page");
    b.click("#tab-ranking");
    b.wait_for(
        "the hostile ranking",
        "return document.querySelectorAll('#ranking-table tbody tr').length == 4",
    );
    let ranking = page_text(&b);
    for p in PAYLOADS {
        // Department names lose their spaces (RULES §1.2); the rest is as written.
        let name: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            ranking.contains(&name),
            "{name} shown as written in the ranking"
        );
    }
    no_script_ran(&b, "the ranking");
    b.screenshot("xss-ranking-1920x1080");
    b.click("#tab-charts");
    b.wait_for(
        "the charts",
        "return document.querySelectorAll('figure.chart svg').length >= 5",
    );
    let charts = b.eval("return Array.from(document.querySelectorAll('figure.chart svg')).map(s => s.textContent).join('\\n')");
    assert!(
        charts.as_str().unwrap_or_default().contains("<imgsrc=x"),
        "chart labels hold the name as text: {charts}"
    );
    no_script_ran(&b, "the charts");
    b.screenshot("xss-charts-1920x1080");
    b.click("#tab-selfcheck");
    b.wait_for(
        "the self-check page",
        "return document.querySelector('#main select') !== null",
    );
    no_script_ran(&b, "the self-check");
    b.screenshot("xss-selfcheck-1920x1080");
    b.click("#present-button");
    b.wait_for(
        "projection mode",
        "return document.querySelector('.stage') !== null",
    );
    for _ in 0..8 {
        b.eval("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight'})); return true");
        no_script_ran(&b, "a projection slide");
    }
    b.screenshot("xss-present-1920x1080");
    // The CSP in the built page pins its boot check and loader by hash: no other inline script may run.
    let csp = b.eval(
        "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content",
    );
    let csp = csp.as_str().unwrap_or_default();
    assert!(csp.contains("'sha256-"), "{csp}");
    assert!(
        !csp.split(';')
            .any(|d| d.trim().starts_with("script-src") && d.contains("'unsafe-inline'")),
        "{csp}"
    );
    assert!(csp.contains("connect-src 'self'"), "{csp}");
    b.eval("window.__blocked = 0; document.addEventListener('securitypolicyviolation', () => window.__blocked++); const s = document.createElement('script'); s.textContent = 'window.__xss = 5'; document.body.appendChild(s); return true");
    b.wait_for(
        "the CSP to block an injected inline script",
        "return window.__blocked > 0",
    );
    assert_eq!(
        b.eval("return typeof window.__xss"),
        serde_json::json!("undefined"),
        "the injected inline script was blocked"
    );
    // Loading and scoring made no request beyond this origin.
    let foreign = b.eval("return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))");
    assert_eq!(foreign, serde_json::json!([]));
    assert_only_own_files_served();
    std::fs::remove_dir_all(dir).ok();
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn a_panic_shows_a_message_not_a_blank_page() {
    let b = Browser::open(1366, 768);
    b.goto("/?selftest=panic");
    b.wait_for(
        "the crash banner",
        "return document.getElementById('crash') !== null",
    );
    let banner = b.eval("return document.getElementById('crash').textContent");
    assert!(
        banner
            .as_str()
            .unwrap_or_default()
            .contains("selftest: a deliberate panic"),
        "{banner}"
    );
    // What was on the page stays on it.
    assert_eq!(
        b.eval("return document.querySelector('header.top') !== null"),
        serde_json::json!(true)
    );
    b.screenshot("panic-banner-1366x768");
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn corrupt_saved_data_is_discarded_with_a_message() {
    let b = Browser::open(1366, 768);
    b.goto("/");
    b.wait_ready();
    b.eval("localStorage.setItem('openness.files', '{\"name\": 1, \"files\": [{\"path\": \"a.csv\", \"bytes\": \"%%%not base64\"}]}'); localStorage.setItem('openness.rules.toml', 'weight_pct = \"lots\"'); return true");
    b.goto("/");
    b.wait_for(
        "the sample ranking",
        "return document.querySelectorAll('#ranking-table tbody tr').length > 0",
    );
    let notice = b.eval("return document.getElementById('notice') ? document.getElementById('notice').textContent : ''");
    assert!(
        notice.as_str().unwrap_or_default().contains("已丢弃")
            || notice.as_str().unwrap_or_default().contains("默认规则"),
        "{notice}"
    );
    assert_eq!(
        b.eval("return localStorage.getItem('openness.files')"),
        serde_json::Value::Null
    );
    b.eval("localStorage.clear(); return true");
}
