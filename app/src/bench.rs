//! The benchmark hook: `?bench=/bench-data/d1m.csv[&from=…&to=…&asof=…]`.
//!
//! Used by `scripts/bench-browser.sh` to time the dashboard on the same
//! file as the in-browser engines it is compared with. The file is fetched
//! from the page's own origin (the CSP allows nothing else) before the
//! clock starts; then the dashboard's own load path runs — the sliced
//! import, scoring, the ranking table in the DOM — and the time to the
//! rendered ranking is recorded. After that, the window and a rule are
//! changed a few times with the charts page shown, timing each change until
//! every chart is redrawn. The results go to `window.__openness_bench`
//! (with the disclosure tallies, which the harness checks against the other
//! engines), and `<body data-bench="done">` marks the end.

use leptos::prelude::*;
use leptos::task::spawn_local;
use openness_core::export::scorecard_json;
use serde_json::{Value, json};
use wasm_bindgen::{JsCast, JsValue};

use crate::loader::{Load, now, yield_now};
use crate::state::{AppState, Period, View};

/// Starts the benchmark of the file at `url` (same origin); `pairs` is
/// the page's query (read before the app rewrites it).
pub fn start(state: AppState, url: String, pairs: &[(String, String)]) {
    let param = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .and_then(|(_, v)| openness_core::value::parse_date(v))
    };
    if let (Some(from), Some(to)) = (param("from"), param("to")) {
        state.period.set(Period::Custom(from, to));
    }
    if let Some(as_of) = param("asof") {
        state.as_of.set(Some(as_of));
    }
    spawn_local(async move {
        let result = match run(state, &url).await {
            Ok(v) => v,
            Err(e) => json!({ "error": e }),
        };
        publish(&result);
    });
}

/// Waits until the ranking table shows `rows` rows (or 10 s pass).
async fn ranking_rendered(rows: usize) -> bool {
    let started = now();
    loop {
        let shown = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all("#ranking-table tbody tr").ok())
            .map_or(0, |l| l.length() as usize);
        if shown >= rows && rows > 0 {
            return true;
        }
        if now() - started > 10_000.0 {
            return false;
        }
        yield_now().await;
    }
}

fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()))
}

fn js_heap_bytes() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .and_then(|p| js_sys::Reflect::get(&p, &JsValue::from_str("memory")).ok())
        .and_then(|m| js_sys::Reflect::get(&m, &JsValue::from_str("usedJSHeapSize")).ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

async fn run(state: AppState, url: &str) -> Result<Value, String> {
    let buffer = crate::browser::fetch_buffer(url).await?;
    let file_bytes = buffer.byte_length() as usize;
    let name = url.rsplit('/').next().unwrap_or(url).to_owned();
    state.view.set(View::Ranking);
    yield_now().await;

    // The clock runs from the bytes in the browser's memory (as a picked
    // file's are once read) to the ranking in the DOM: it counts taking
    // them into wasm memory, as the dashboard does with a picked file.
    let memory_before_load = wasm_memory_bytes();
    let started = now();
    let file = crate::browser::input_file(name, &buffer);
    let generation = state.load_generation.get_untracked() + 1;
    state.load_generation.set(generation);
    let load = Load {
        files: vec![file],
        too_large: Vec::new(),
        name: url.to_owned(),
        notes: Vec::new(),
        save: false,
    };
    crate::loader::run(state, load, generation).await;
    let imported_at = now();
    let memory_after_import = wasm_memory_bytes();
    let card = state.scorecard.get_untracked().ok_or("no scorecard")?;
    let scored_at = now();
    let departments = card.0.departments.len();
    if !ranking_rendered(departments).await {
        return Err("the ranking was not rendered".to_owned());
    }
    let load_ms = now() - started;
    let memory_after_load = wasm_memory_bytes();

    let imported = state.imported.get_untracked();
    let doc = scorecard_json(&card.0, &imported.0.report);
    let disclosure: serde_json::Map<String, Value> = doc["departments"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            let ind = &d["indicators"]["disclosure_timeliness"];
            let tally = if ind.is_null() {
                Value::Null
            } else {
                json!({"counted": ind["counted"], "passed": ind["passed"], "pending": ind["pending"]})
            };
            (d["dept"].as_str().unwrap_or_default().to_owned(), tally)
        })
        .collect();

    // Window and rule changes with every chart on screen.
    state.view.set(View::Charts);
    yield_now().await;
    let year = card.0.window.from.year();
    let original_period = state.period.get_untracked();
    let mut rescore = Vec::new();
    let changes: Vec<Box<dyn Fn()>> = vec![
        Box::new(move || state.period.set(Period::Quarter(year, 1))),
        Box::new(move || state.period.set(Period::Quarter(year, 2))),
        Box::new(move || state.period.set(Period::Month(year, 7))),
        Box::new(move || {
            state
                .rules
                .update(|r| r.indicators.disclosure_timeliness.deadline_workdays = 15);
        }),
        Box::new(move || {
            state
                .rules
                .update(|r| r.indicators.disclosure_timeliness.deadline_workdays = 20);
        }),
        Box::new(move || state.period.set(Period::Year(year))),
        Box::new({
            let p = original_period.clone();
            move || state.period.set(p.clone())
        }),
    ];
    for change in &changes {
        let t = now();
        change();
        // Effects run as microtasks: after one turn every chart's SVG is in the DOM.
        yield_now().await;
        rescore.push(now() - t);
    }
    let charts = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("figure.chart svg").ok())
        .map_or(0, |l| l.length());

    Ok(json!({
        "file": url,
        "file_bytes": file_bytes,
        "load_ms": load_ms,
        "import_ms": imported_at - started,
        "score_ms": scored_at - imported_at,
        "render_ms": load_ms - (scored_at - started),
        "rows_accepted": imported.0.report.accepted(),
        "rows_rejected": imported.0.report.rejected(),
        "departments": departments,
        "window": { "from": card.0.window.from.to_string(), "to": card.0.window.to.to_string(), "as_of": card.0.window.as_of.to_string() },
        "disclosure": disclosure,
        "rescore_ms": rescore,
        "rescore_median_ms": median(rescore.clone()),
        "charts": charts,
        "wasm_memory_bytes": memory_after_load,
        "wasm_memory_before_bytes": memory_before_load,
        "wasm_memory_after_import_bytes": memory_after_import,
        "js_heap_bytes": js_heap_bytes(),
    }))
}

fn publish(result: &Value) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let value = js_sys::JSON::parse(&result.to_string()).unwrap_or(JsValue::NULL);
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str("__openness_bench"), &value);
    if let Some(body) = window.document().and_then(|d| d.body()) {
        let _ = body.set_attribute("data-bench", "done");
    }
}
