//! Accessibility, kept: axe-core (WCAG 2 A and AA rules) on every page and
//! every projection slide, in Chinese and in English, at 1920×1080 on the
//! sample county. A serious or critical violation fails the test; every
//! finding, of any impact, is written to
//! target/e2e-screenshots/axe-report.json beside the screenshots.
//!
//! axe-core comes from npm (tests/fleet, `npm ci --prefix tests/fleet`) and
//! is injected through WebDriver, which the page's CSP does not govern.
//!
//! `#[ignore]`d in a plain `cargo test`; scripts/test.sh runs them.

use openness_e2e::{Browser, root, screenshot_dir};
use serde_json::{Value, json};

/// The axe-core script.
fn axe_source() -> String {
    let path = root()
        .join("tests")
        .join("fleet")
        .join("node_modules")
        .join("axe-core")
        .join("axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}. Hint: npm ci --prefix tests/fleet", path.display()))
}

/// Runs axe on the page as it is; returns its violations, each with id,
/// impact, help and the first few elements.
fn audit(b: &Browser, axe: &str) -> Vec<Value> {
    b.eval(&format!("{axe}\n;return true"));
    b.eval(
        "window.__axe = null; axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => { window.__axe = r; }); return true",
    );
    b.wait_for("axe to finish", "return window.__axe !== null");
    let passes = b.eval("return window.__axe.passes.length");
    assert!(
        passes.as_u64().unwrap_or(0) > 10,
        "axe ran its rules: {passes}"
    );
    b.eval(
        "return window.__axe.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, count: v.nodes.length, elements: v.nodes.slice(0, 4).map(n => n.target.join(' '))}))",
    )
    .as_array()
    .cloned()
    .unwrap_or_default()
}

const PAGES: [&str; 6] = ["ranking", "selfcheck", "charts", "annual", "data", "rules"];
/// Every slide key of `?slides=` (app/src/pages/present.rs), and one
/// department's slide.
const SLIDES: &str = "ranking groups timeliness interpretation response attention improved annual \
                      dept:%E6%97%97%E8%83%BD%E6%BA%90%E5%B1%80";

#[test]
#[ignore = "needs target/package, chromium, chromedriver and npm's axe-core: run scripts/test.sh"]
fn no_page_or_slide_has_a_serious_or_critical_violation() {
    let axe = axe_source();
    let b = Browser::open(1920, 1080);
    let mut report = Vec::new();
    for lang in ["zh", "en"] {
        for page in PAGES {
            b.goto(&format!("/?view={page}&lang={lang}"));
            b.wait_ready();
            // Let the charts and tables of the page draw.
            b.wait_for(
                "the page's content",
                "return document.querySelectorAll('#main table, #main svg, #main .annual-form, #main .fields').length > 0",
            );
            // Every chart is an image with a name and its numbers as text.
            let charts = b.eval(
                "return [...document.querySelectorAll('#main figure.chart svg')].map(s => [s.getAttribute('role'), s.getAttribute('aria-label') || '', (s.querySelector('desc') || {textContent: ''}).textContent])",
            );
            for chart in charts.as_array().into_iter().flatten() {
                assert_eq!(chart[0], "img", "{page}: {chart}");
                assert!(
                    chart[1].as_str().is_some_and(|t| !t.is_empty()),
                    "{page}: {chart}"
                );
                assert!(
                    chart[2]
                        .as_str()
                        .is_some_and(|t| t.chars().any(|c| c.is_ascii_digit())),
                    "{page}: {chart}"
                );
            }
            report.push(json!({"where": format!("page {page}"), "lang": lang, "charts": charts.as_array().map_or(0, Vec::len), "violations": audit(&b, &axe)}));
        }
        for slide in SLIDES.split_whitespace() {
            b.goto(&format!(
                "/?present=1&rotate=600&slides={slide}&lang={lang}"
            ));
            b.wait_for(
                "the slide",
                "return !!document.querySelector('#stage .stage-body .p-title')",
            );
            report.push(json!({"where": format!("slide {slide}"), "lang": lang, "violations": audit(&b, &axe)}));
        }
    }
    // The audit can fail: an image without a text alternative and a
    // pale label are found on the same page.
    b.goto("/?view=ranking");
    b.wait_ready();
    b.eval("const i = document.createElement('img'); i.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; document.querySelector('#main').prepend(i); const p = document.createElement('p'); p.textContent = '浅色文字'; p.style.color = '#ddd'; document.querySelector('#main').prepend(p); return true");
    let planted: Vec<String> = audit(&b, &axe)
        .iter()
        .filter_map(|v| v["id"].as_str().map(str::to_owned))
        .collect();
    assert!(planted.contains(&"image-alt".to_owned()), "{planted:?}");
    assert!(
        planted.contains(&"color-contrast".to_owned()),
        "{planted:?}"
    );
    let dir = screenshot_dir();
    std::fs::create_dir_all(&dir).expect("report folder");
    let text = serde_json::to_string_pretty(&report).expect("JSON");
    std::fs::write(dir.join("axe-report.json"), &text).expect("write the report");
    let serious: Vec<String> = report
        .iter()
        .flat_map(|r| {
            r["violations"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
                .map(move |v| {
                    format!(
                        "{} ({}): {} [{}] on {}",
                        r["where"], r["lang"], v["id"], v["impact"], v["elements"]
                    )
                })
        })
        .collect();
    let audited = report.len();
    assert_eq!(
        audited,
        2 * (PAGES.len() + SLIDES.split_whitespace().count())
    );
    assert!(
        serious.is_empty(),
        "{} serious or critical violations (full report: target/e2e-screenshots/axe-report.json):\n{}",
        serious.len(),
        serious.join("\n")
    );
}
