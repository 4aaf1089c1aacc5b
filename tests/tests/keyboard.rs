//! The dashboard from the keyboard alone, as someone without a mouse (or
//! on the projector laptop's keypad) uses it: Tab reaches every control of
//! each page in order, each shows a focus ring, and Enter or Space works
//! the control in focus (a tab opens its page, a unit in the annual
//! overview opens its tables, a chip switches the chart).
//!
//! Keys go through the DevTools protocol as real key events, not as
//! element.click().
//!
//! `#[ignore]`d in a plain `cargo test`; scripts/test.sh runs them.

use openness_e2e::Browser;
use serde_json::json;

/// Presses `key` (`Tab`, `Enter`, ` `) with the DevTools protocol.
fn press(b: &Browser, key: &str, code: &str, key_code: u32) {
    for kind in ["keyDown", "keyUp"] {
        let mut event =
            json!({"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": key_code});
        if kind == "keyDown" {
            match key {
                "Enter" => event["text"] = json!("\r"),
                k if k.chars().count() == 1 => event["text"] = json!(k),
                _ => {}
            }
        }
        b.cdp("Input.dispatchKeyEvent", &event);
    }
}

fn tab(b: &Browser) {
    press(b, "Tab", "Tab", 9);
}

fn enter(b: &Browser) {
    press(b, "Enter", "Enter", 13);
}

/// The element in focus, as `tag#id:text`, and whether it (or the label
/// around a hidden file input) shows a focus ring.
fn focused(b: &Browser) -> (String, bool) {
    let v = b.eval(
        "const e = document.activeElement; const ring = x => { const s = getComputedStyle(x); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }; return [e.tagName.toLowerCase() + '#' + (e.id || '') + ':' + (e.textContent || e.value || '').trim().slice(0, 24), ring(e) || (!!e.parentElement && ring(e.parentElement))]",
    );
    (
        v[0].as_str().unwrap_or_default().to_owned(),
        v[1].as_bool().unwrap_or(false),
    )
}

/// Tabs from the top of the page until `until` is focused (or 200 steps);
/// every stop must show its focus ring. Returns the stops.
fn tab_to(b: &Browser, until: &str) -> Vec<String> {
    b.eval("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return true");
    let mut stops = Vec::new();
    for _ in 0..200 {
        tab(b);
        let (what, ring) = focused(b);
        assert!(ring, "no focus ring on {what} (after {stops:?})");
        let done = what.contains(until);
        stops.push(what);
        if done {
            return stops;
        }
    }
    panic!("Tab never reached {until}: {stops:?}");
}

#[test]
#[ignore = "needs target/package, chromium and chromedriver: run scripts/test.sh"]
fn every_page_works_from_the_keyboard() {
    let b = Browser::open(1920, 1080);
    b.goto("/");
    b.wait_ready();
    // The tabs are reached in order, each with a ring; Enter opens a page.
    let stops = tab_to(&b, "tab-annual");
    assert!(stops.iter().any(|s| s.contains("lang-toggle")), "{stops:?}");
    assert!(
        stops.iter().any(|s| s.contains("tab-selfcheck")),
        "{stops:?}"
    );
    enter(&b);
    b.wait_for(
        "the annual page",
        "return !!document.querySelector('#annual-table3')",
    );
    // The annual page: the unit and year pickers, the buttons, the upload,
    // then a unit of the overview, which Enter opens.
    let stops = tab_to(&b, "button#:旗人民政府办公室");
    for control in [
        "annual-unit",
        "annual-year",
        "annual-xlsx",
        "annual-copy",
        "annual-upload",
    ] {
        assert!(
            stops.iter().any(|s| s.contains(control)),
            "{control}: {stops:?}"
        );
    }
    enter(&b);
    b.wait_for(
        "the unit opened from the keyboard",
        "return document.querySelector('#annual-title').textContent.startsWith('旗人民政府办公室')",
    );
    // The charts page: its indicator chips and the save buttons.
    b.goto("/?view=charts");
    b.wait_ready();
    b.wait_for(
        "the charts",
        "return document.querySelectorAll('#main figure.chart svg').length > 3",
    );
    tab_to(&b, "执法公示及时率");
    press(&b, " ", "Space", 32);
    b.wait_for(
        "the enforcement chip chosen with Space",
        "return [...document.querySelectorAll('.chip.active')].some(c => c.textContent.includes('执法公示及时率'))",
    );
    // Then on to a chart's download buttons.
    tab_to(&b, "SVG");
    // The rules page: every field is reachable and typed into.
    b.goto("/?view=rules");
    b.wait_ready();
    let stops = tab_to(&b, "weight-pct");
    assert!(stops.len() > 5, "{stops:?}");
    // The data page: the file picker and the buttons.
    b.goto("/?view=data");
    b.wait_ready();
    let stops = tab_to(&b, "forget");
    assert!(stops.iter().any(|s| s.contains("file-input")), "{stops:?}");
    // Projection: the arrow keys and Escape (tested in present.rs) and
    // the controls are reachable.
    b.goto("/?view=selfcheck");
    b.wait_ready();
    let stops = tab_to(&b, "dept-select");
    assert!(!stops.is_empty());
}
