//! `openness-app`: the 政务公开考评看板 dashboard, a Leptos client-side app.
//!
//! It opens on the sample county (fetched from its own origin), loads the user's exports in the
//! browser (nothing is uploaded: a Content Security Policy forbids any
//! request beyond the page's own origin), and shows the ranking, each
//! department's self-check and the charts, all computed by `openness-core`.

#![allow(
    clippy::too_many_lines,
    reason = "a page's view! markup reads best whole; logic lives in small functions and the core"
)]
#![allow(
    clippy::large_types_passed_by_value,
    reason = "AppState is a Copy bundle of signal handles, passed by value as Leptos code does"
)]

mod bench;
mod browser;
mod charts;
mod loader;
mod pages;
mod sample;
mod state;
mod xlsx;

use leptos::prelude::*;
use openness_core::rules::Rules;
use openness_core::score::ScoreWarning;

use crate::browser::{Stored, load_files, load_rules, query_pairs, set_query};
use crate::pages::annual::AnnualPage;
use crate::pages::charts::ChartsPage;
use crate::pages::data::DataPage;
use crate::pages::present::{Presentation, enter, options_from_query};
use crate::pages::ranking::RankingPage;
use crate::pages::rules::RulesPage;
use crate::pages::selfcheck::SelfCheckPage;
use crate::sample::{SAMPLE_NAME, load_sample};
use crate::state::{AppState, Lang, Period, View, tr};

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash(&info.to_string());
    }));
    leptos::mount::mount_to_body(App);
    // `?selftest=panic` proves (in the e2e tests) that a panic is shown,
    // not a blank page.
    if query_pairs()
        .iter()
        .any(|(k, v)| k == "selftest" && v == "panic")
    {
        leptos::task::spawn_local(async {
            panic!("selftest: a deliberate panic");
        });
    }
}

/// After a panic the app cannot go on: say so on the page, in plain DOM
/// (the app's own rendering may be what failed), as text, never markup.
fn show_crash(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id("crash");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(&format!(
        "程序出错，请刷新页面重试（数据只在本机，未上传）。The dashboard hit an error; reload the page (your data stays on this device). 详情 Details: {message}"
    )));
    let _ = body.prepend_with_node_1(&banner);
}

/// Builds the state from what this device saved and the URL.
fn initial_state() -> AppState {
    // A benchmark run loads its own file; the sample would race it.
    let benchmark = query_pairs().iter().any(|(k, _)| k == "bench");
    let load_sample = |state, notes| {
        if !benchmark {
            load_sample(state, notes);
        }
    };
    let state = match load_files() {
        Stored::Files(name, files) => AppState::new(files, name),
        Stored::Nothing => {
            let state = AppState::new(Vec::new(), SAMPLE_NAME.to_owned());
            load_sample(state, Vec::new());
            state
        }
        Stored::Corrupt(message) => {
            let state = AppState::new(Vec::new(), SAMPLE_NAME.to_owned());
            load_sample(state, vec![message]);
            state
        }
    };
    if let Some(text) = load_rules() {
        match Rules::try_from_toml(&text) {
            Ok(loaded) => state.rules.set(loaded.rules),
            Err(e) => state
                .notice
                .set(Some(format!("本地保存的规则无法读取，已使用默认规则：{e}"))),
        }
    }
    let pairs = query_pairs();
    state.present_options.set(options_from_query(&pairs));
    let mut bench_url = None;
    let bench_pairs = pairs.clone();
    for (key, value) in pairs {
        match key.as_str() {
            "view" => {
                if let Some(v) = View::from_key(&value) {
                    state.view.set(v);
                }
            }
            "dept" => state.dept.set(Some(value)),
            "group" => state.group.set(Some(value)),
            "period" => {
                if let Some(p) = Period::from_key(&value) {
                    state.period.set(p);
                }
            }
            "asof" => state.as_of.set(openness_core::value::parse_date(&value)),
            "lang" if value == "en" => state.lang.set(Lang::En),
            "bench" => bench_url = Some(value),
            "present" => state.present.set(true),
            "weight" => {
                if let Ok(w) = value.parse::<f64>() {
                    let mut rules = state.rules.get_untracked();
                    rules.weight_pct = w;
                    if rules.validate().is_ok() {
                        state.rules.set(rules);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(url) = bench_url {
        bench::start(state, url, &bench_pairs);
    }
    state
}

/// The whole dashboard.
#[component]
fn App() -> impl IntoView {
    let state = initial_state();
    provide_context(state);
    let lang = state.lang;
    // Keep the URL in step with the view, so a link returns to it.
    Effect::new(move |_| {
        let period = state.period.get();
        let present = state.present.get();
        let options = state.present_options.get();
        set_query(&[
            (
                "present",
                if present {
                    "1".to_owned()
                } else {
                    String::new()
                },
            ),
            (
                "rotate",
                if present {
                    options.rotate_secs.to_string()
                } else {
                    String::new()
                },
            ),
            (
                "slides",
                if present {
                    options.slides.join(",")
                } else {
                    String::new()
                },
            ),
            (
                "theme",
                if present && options.light {
                    "light".to_owned()
                } else {
                    String::new()
                },
            ),
            ("view", state.view.get().key().to_owned()),
            (
                "dept",
                if state.view.get() == View::SelfCheck {
                    state.dept.get().unwrap_or_default()
                } else {
                    String::new()
                },
            ),
            ("group", state.group.get().unwrap_or_default()),
            (
                "period",
                if period == Period::Auto {
                    String::new()
                } else {
                    period.key()
                },
            ),
            (
                "asof",
                state.as_of.get().map(|d| d.to_string()).unwrap_or_default(),
            ),
            (
                "lang",
                if lang.get() == Lang::En {
                    "en".to_owned()
                } else {
                    String::new()
                },
            ),
        ]);
    });
    Effect::new(move |_| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(tr(lang.get(), "政务公开考评看板", "Openness Scorecard"));
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute(
                    "lang",
                    if lang.get() == Lang::Zh {
                        "zh-CN"
                    } else {
                        "en"
                    },
                );
            }
        }
    });
    // With the period left to the data, say which year it chose (RULES §6:
    // the year with the most window dates).
    let window_line = move || match state.window.get() {
        Ok(w) => {
            let l = lang.get();
            let chosen = (state.period.get() == Period::Auto).then(|| match l {
                Lang::Zh => format!("（自动选择数据最多的 {} 年）", w.to.year()),
                Lang::En => format!(" (chosen: {}, the year with the most records)", w.to.year()),
            });
            let chosen = chosen.unwrap_or_default();
            match l {
                Lang::Zh => format!("考评期间 {} 至 {}{chosen} · 截至 {}", w.from, w.to, w.as_of),
                Lang::En => format!("Window {} – {}{chosen} · as of {}", w.from, w.to, w.as_of),
            }
        }
        // Data still on its way has no dates yet: say so, not that it has none.
        Err(_) if state.busy.get().is_some() => {
            tr(lang.get(), "正在读取数据…", "Reading the data…").to_owned()
        }
        Err(e) => e.message(lang.get()),
    };
    let normal = move || {
        view! {
            <header class="top" class:no-print=move || state.view.get() == View::Annual>
                <div class="brand">
                    <h1>{move || tr(lang.get(), "政务公开考评看板", "Openness Scorecard")}</h1>
                    <p class="subtitle"><span id="source-name">{move || state.source_name.get()}</span>" · "<span id="window-line">{window_line}</span></p>
                </div>
                <button class="lang" id="present-button" on:click=move |_| enter(state)>
                    {move || tr(lang.get(), "投屏模式", "Present")}
                </button>
                <button class="lang" id="lang-toggle" on:click=move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })>
                    {move || tr(lang.get(), "English", "中文")}
                </button>
            </header>
            <nav class="tabs" aria-label="views">
                {View::ALL.into_iter().map(|v| view! {
                    <button class="tab" id=format!("tab-{}", v.key()) class:active=move || state.view.get() == v
                        aria-current=move || (state.view.get() == v).then_some("page")
                        on:click=move |_| state.view.set(v)>
                        {move || v.label(lang.get())}
                    </button>
                }).collect::<Vec<_>>()}
            </nav>
            <div class="banners">
                <Show when=move || state.rules.with(Rules::weight_below_minimum)>
                    <p class="warning" id="weight-warning" role="alert">
                        {move || match lang.get() {
                            Lang::Zh => format!("⚠ 当前权重 {}% 低于工作要点要求的 4%（分值权重不低于4%），折算分仅供参考。", state.rules.with(|r| r.weight_pct)),
                            Lang::En => format!("⚠ The weight {}% is below the work plan's minimum of 4%; contributions are for reference only.", state.rules.with(|r| r.weight_pct)),
                        }}
                    </p>
                </Show>
                {move || state.scorecard.get().map(|c| c.0.warnings.iter().filter(|w| !matches!(w, ScoreWarning::WeightBelowMinimum { .. })).map(|w| view! { <p class="warning">{"⚠ "}{w.message(lang.get())}</p> }).collect::<Vec<_>>())}
                {move || state.busy.get().map(|b| view! {
                    <p class="busy" id="busy" role="status"><span class="spinner"></span>{b}
                        {move || state.progress.get().map(|p| view! {
                            <progress id="import-progress" max="100" value=format!("{:.0}", p * 100.0)></progress>
                            <span class="pct">{format!("{:.0}%", p * 100.0)}</span>
                        })}
                    </p>
                })}
                {move || state.notice.get().map(|n| view! {
                    <p class="notice" id="notice" role="status">{n}<button class="close" on:click=move |_| state.notice.set(None)>"×"</button></p>
                })}
            </div>
            <main id="main">
                {move || match state.view.get() {
                    View::Ranking => view! { <RankingPage /> }.into_any(),
                    View::SelfCheck => view! { <SelfCheckPage /> }.into_any(),
                    View::Charts => view! { <ChartsPage /> }.into_any(),
                    View::Data => view! { <DataPage /> }.into_any(),
                    View::Rules => view! { <RulesPage /> }.into_any(),
                    View::Annual => view! { <AnnualPage /> }.into_any(),
                }}
            </main>
            <footer class="foot">{move || tr(lang.get(), "数据仅在本浏览器内处理，不上传任何服务器。评分参数见「窗口与规则」页，完整的评分规则见发布包中的 RULES.md。", "Data is processed in this browser only and never uploaded. The scoring parameters are under Window & rules; the full rules are in RULES.md in the release package.")}</footer>
        }
    };
    view! {
        <Show when=move || state.present.get() fallback=normal>
            <Presentation />
        </Show>
    }
}
