//! The page follows the rules in force, not fixed numbers: an edited
//! `[grades]` section moves the grade colours, the ranking chart's bands
//! and marks and the attention slide; edited `[vetoes]` thresholds change
//! the veto labels; the days-taken chart marks each indicator's own
//! deadlines.
//!
//! `#[ignore]`d in a plain `cargo test`; scripts/test.sh runs them.

use openness_e2e::Browser;

const EDITED: &str = "[grades]\nexcellent = 95.0\ngood = 85.0\npass = 70.0\n\n[vetoes]\nmessage_months = 2\nstale_columns = 3\n";

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn edited_grades_and_veto_thresholds_change_colours_slides_and_labels() {
    let b = Browser::open(1920, 1080);
    b.goto("/");
    b.wait_ready();
    // 旗商务局 scores 62.50 on the sample: 合格 by default.
    let row = "return [...document.querySelectorAll('#ranking-table tbody tr')].find(r => r.textContent.includes('旗商务局')).querySelector('td:nth-child(5)').className";
    assert_eq!(b.eval(row).as_str(), Some("g-pass"));
    b.eval(&format!(
        "localStorage.setItem('openness.rules.toml', JSON.stringify({EDITED:?})); return true"
    ));
    b.goto("/");
    b.wait_ready();
    b.wait_for(
        "the edited rules",
        "return document.querySelector('#ranking-table') && document.querySelector('#ranking-table').textContent.includes('留言超2个月未答复')",
    );
    assert_eq!(
        b.eval(row).as_str(),
        Some("g-fail"),
        "below the new 70 line"
    );
    let chart = b.text("#ranking-chart");
    for mark in ["70 合格", "85 良好", "95 优秀"] {
        assert!(chart.contains(mark), "{mark} in the ranking chart");
    }
    assert!(!chart.contains("60 合格"), "no fixed 60 line");
    let ranking = b.text("#ranking-table");
    assert!(ranking.contains("3个以上栏目未按时更新") || !ranking.contains("栏目未按时更新"));
    assert!(!ranking.contains("留言超3个月"), "no fixed label");
    b.screenshot("rules-edited-ranking-1920x1080");
    // The attention slide lists units below the new pass line.
    b.goto("/?present=1&rotate=600&slides=attention");
    b.wait_for(
        "the attention slide",
        "return !!document.querySelector('#stage .stage-body .p-title')",
    );
    let slide = b.text("#stage");
    assert!(slide.contains("低于 70 分"), "{slide}");
    assert!(slide.contains("旗商务局"), "62.50 is below 70: {slide}");
    b.screenshot("rules-edited-attention-1920x1080");
    b.eval("localStorage.clear(); return true");
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn the_days_taken_chart_marks_each_indicators_own_deadlines() {
    let b = Browser::open(1920, 1080);
    b.goto("/?view=charts");
    b.wait_ready();
    b.wait_for(
        "the days-taken chart",
        "return document.querySelector('#distribution-chart svg') !== null",
    );
    let chart = || b.text("#distribution-chart");
    assert!(chart().contains("公开时限 20 个工作日"), "{}", chart());
    b.click_button("执法公示及时率");
    b.wait_for(
        "the enforcement deadlines",
        "return document.querySelector('#distribution-chart').textContent.includes('许可、处罚 7 个工作日')",
    );
    assert!(chart().contains("其他 20 个工作日"), "{}", chart());
    b.click_button("依申请按期答复率");
    b.wait_for(
        "the request deadlines",
        "return document.querySelector('#distribution-chart').textContent.includes('答复时限 20 个工作日')",
    );
    assert!(chart().contains("延期后 40 个工作日"), "{}", chart());
    b.eval("document.querySelector('#distribution-chart').scrollIntoView(); return true");
    b.screenshot("days-taken-requests-1920x1080");
}
