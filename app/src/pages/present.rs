//! 投屏模式 (projection mode) for review meetings: a fixed 1920×1080 stage
//! scaled to any screen, a rotating playlist of slides readable from the
//! back of the room (body text ≥ 28 px), dark or light, keyboard driven,
//! and a printable deck (one slide per page).

use leptos::ev;
use leptos::prelude::*;
use openness_core::score::{Scorecard, score};

use crate::pages::slides::slide_view;
use crate::state::{AppState, Shared, tr};

/// Departments per ranking slide.
pub(super) const ROWS_PER_PAGE: usize = 10;
/// Departments on a "needs attention" list.
pub(super) const LIST_LEN: usize = 8;

/// One slide of the playlist.
#[derive(Debug, Clone, PartialEq)]
pub enum Slide {
    /// A page of the overall ranking (0-based page, page count).
    Ranking(usize, usize),
    /// Towns against county departments.
    Groups,
    /// Timeliness of disclosure, requests and enforcement.
    Timeliness,
    /// Interpretation coverage, 同步 and rich forms.
    Interpretation,
    /// Response rates of opinions, messages and requests.
    Response,
    /// Departments below the pass line and those vetoed.
    Attention,
    /// Most improved against the previous window.
    Improved,
    /// Units whose 年报 tables do not cross-foot or have findings (RULES §7).
    Annual,
    /// One department.
    Dept(String),
}

impl Slide {
    /// Playlist keys accepted in `?slides=`.
    pub const KEYS: [&'static str; 8] = [
        "ranking",
        "groups",
        "timeliness",
        "interpretation",
        "response",
        "attention",
        "improved",
        "annual",
    ];
}

/// Presentation settings from the URL.
#[derive(Debug, Clone, PartialEq)]
pub struct PresentOptions {
    /// Seconds per slide.
    pub rotate_secs: u32,
    /// Requested slide keys (`dept:NAME` for a department); empty = default playlist.
    pub slides: Vec<String>,
    /// Light theme for bright rooms.
    pub light: bool,
}

impl Default for PresentOptions {
    fn default() -> Self {
        PresentOptions {
            rotate_secs: 15,
            slides: Vec::new(),
            light: false,
        }
    }
}

/// Score changes against the previous window, largest rise first.
pub fn improvements(card: &Scorecard, previous: &Scorecard) -> Vec<(String, f64, f64)> {
    let mut out: Vec<(String, f64, f64)> = card
        .departments
        .iter()
        .filter_map(|d| {
            let now = d.score?;
            let before = previous
                .departments
                .iter()
                .find(|p| p.dept == d.dept)?
                .score?;
            Some((d.dept.clone(), now, now - before))
        })
        .collect();
    out.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The playlist for a scorecard.
pub fn playlist(card: &Scorecard, has_previous: bool, requested: &[String]) -> Vec<Slide> {
    let scored = card
        .departments
        .iter()
        .filter(|d| d.score.is_some())
        .count();
    let pages = scored.div_ceil(ROWS_PER_PAGE).max(1);
    let wanted: Vec<String> = if requested.is_empty() {
        Slide::KEYS.iter().map(|k| (*k).to_owned()).collect()
    } else {
        requested.to_vec()
    };
    let mut slides = Vec::new();
    for key in wanted {
        match key.as_str() {
            "ranking" => slides.extend((0..pages).map(|p| Slide::Ranking(p, pages))),
            "groups" => slides.push(Slide::Groups),
            "timeliness" => slides.push(Slide::Timeliness),
            "interpretation" => slides.push(Slide::Interpretation),
            "response" => slides.push(Slide::Response),
            "attention" => slides.push(Slide::Attention),
            "improved" if has_previous => slides.push(Slide::Improved),
            "annual" => slides.push(Slide::Annual),
            other => {
                if let Some(name) = other.strip_prefix("dept:")
                    && card.departments.iter().any(|d| d.dept == name)
                {
                    slides.push(Slide::Dept(name.to_owned()));
                }
            }
        }
    }
    if slides.is_empty() {
        slides.push(Slide::Ranking(0, pages));
    }
    slides
}

/// Leaves presentation mode (and full screen).
fn leave(state: AppState) {
    state.present.set(false);
    if let Some(document) = web_sys::window().and_then(|w| w.document())
        && document.fullscreen_element().is_some()
    {
        document.exit_fullscreen();
    }
}

/// Enters presentation mode, full screen when the browser allows it.
pub fn enter(state: AppState) {
    state.present.set(true);
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = element.request_fullscreen();
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The presentation.
#[component]
pub fn Presentation() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let options = state.present_options;
    let index = RwSignal::new(0usize);
    let held = RwSignal::new(false);
    let last_activity = RwSignal::new(f64::NEG_INFINITY);
    let last_advance = RwSignal::new(now_ms());
    let tick = RwSignal::new(0u32);
    let deck = RwSignal::new(false);
    let scale = RwSignal::new(1.0f64);
    let previous = Memo::new(move |_| {
        let window = state.window.get().ok()?;
        let prev = state.period.get().previous(window)?;
        let imported = state.imported.get();
        let card = state.rules.with(|r| score(&imported.0.data, r, prev));
        card.departments
            .iter()
            .any(|d| d.score.is_some())
            .then(|| Shared::new(card))
    });
    let slides = Memo::new(move |_| {
        let card = state.scorecard.get();
        let has_previous = previous.get().is_some_and(|p| {
            card.as_ref()
                .is_some_and(|c| !improvements(&c.0, &p.0).is_empty())
        });
        card.map(|c| options.with(|o| playlist(&c.0, has_previous, &o.slides)))
            .unwrap_or_default()
    });
    let count = move || slides.with(Vec::len).max(1);
    let go = move |i: usize| {
        index.set(i.min(count() - 1));
        last_advance.set(now_ms());
    };
    let idle_ms = move || f64::from(options.with(|o| o.rotate_secs).max(8)) * 1000.0;
    let paused = move || {
        tick.get();
        held.get() || now_ms() - last_activity.get() < idle_ms()
    };
    let fit = move || {
        if let Some(w) = web_sys::window() {
            let width = w
                .inner_width()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(1920.0);
            let height = w
                .inner_height()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(1080.0);
            scale.set((width / 1920.0).min(height / 1080.0));
        }
    };
    fit();
    let resize = window_event_listener(ev::resize, move |_| fit());
    let keys = window_event_listener(ev::keydown, move |e: ev::KeyboardEvent| {
        last_activity.set(now_ms());
        let n = count();
        match e.key().as_str() {
            "ArrowRight" | "PageDown" | " " => {
                e.prevent_default();
                go((index.get_untracked() + 1) % n);
            }
            "ArrowLeft" | "PageUp" => go((index.get_untracked() + n - 1) % n),
            "Home" => go(0),
            "End" => go(n - 1),
            "Escape" => leave(state),
            "p" | "P" => held.update(|h| *h = !*h),
            _ => {}
        }
    });
    let moves = window_event_listener(ev::mousemove, move |_| last_activity.set(now_ms()));
    let timer = set_interval_with_handle(
        move || {
            tick.update(|t| *t = t.wrapping_add(1));
            let rotate = f64::from(options.with_untracked(|o| o.rotate_secs).max(1)) * 1000.0;
            let paused_now =
                held.get_untracked() || now_ms() - last_activity.get_untracked() < idle_ms();
            if !paused_now && now_ms() - last_advance.get_untracked() >= rotate {
                let n = slides.with_untracked(Vec::len).max(1);
                index.set((index.get_untracked() + 1) % n);
                last_advance.set(now_ms());
            }
        },
        std::time::Duration::from_millis(250),
    )
    .ok();
    on_cleanup(move || {
        resize.remove();
        keys.remove();
        moves.remove();
        if let Some(t) = timer {
            t.clear();
        }
    });
    let header = move || {
        let w = state.window.get().ok();
        let l = lang.get();
        let window_text = w
            .map(|w| {
                format!(
                    "{} {} – {} · {} {}",
                    tr(l, "考评期间", "Window"),
                    w.from,
                    w.to,
                    tr(l, "截至", "as of"),
                    w.as_of
                )
            })
            .unwrap_or_default();
        view! {
            <div class="p-head">
                <span class="p-brand">{tr(l, "政务公开考评", "Openness scorecard")}</span>
                // The period always shows; a long source name gives way.
                <span class="p-meta p-source" title=state.source_name.get()>{state.source_name.get()}</span>
                <span class="p-meta p-window">{format!("· {window_text}")}</span>
            </div>
        }
    };
    let slide_at = move |i: usize| {
        let card = state.scorecard.get();
        let prev = previous.get();
        let annual = state.annual.get();
        let slide = slides.with(|s| s.get(i).cloned());
        let l = lang.get();
        let body = match (card, slide) {
            (Some(card), Some(slide)) => state.rules.with(|rules| {
                slide_view(
                    &slide,
                    &card.0,
                    prev.as_ref().map(|p| p.0.as_ref()),
                    annual.as_ref().map(|a| a.0.as_ref()),
                    rules,
                    l,
                )
            }),
            _ => view! { <p class="p-big">{tr(l, "没有可展示的数据", "No data to show")}</p> }
                .into_any(),
        };
        view! {
            <section class="stage-body" data-slide=i>{body}</section>
        }
    };
    let progress = move || {
        let n = count();
        let i = index.get();
        view! {
            <div class="p-foot">
                <span class="p-dots">{(0..n).map(|k| view! { <span class="p-dot" class:on=k == i></span> }).collect::<Vec<_>>()}</span>
                <span class="p-count" id="slide-count">{format!("{} / {}", i + 1, n)}</span>
                <span class="p-state" id="play-state">{move || if paused() { tr(lang.get(), "■ 已暂停", "■ paused") } else { tr(lang.get(), "▶ 自动播放", "▶ playing") }}</span>
            </div>
        }
    };
    let theme = move || {
        if options.with(|o| o.light) {
            "present light"
        } else {
            "present dark"
        }
    };
    view! {
        <div class=theme id="present">
            <Show
                when=move || deck.get()
                fallback=move || view! {
                    <div class="stage" id="stage" style:transform=move || format!("translate(-50%, -50%) scale({})", scale.get())>
                        {header}
                        {move || slide_at(index.get())}
                        {progress}
                    </div>
                    <div class="p-controls" class:visible=paused>
                        <button id="p-prev" on:click=move |_| { let n = count(); go((index.get_untracked() + n - 1) % n); }>"◀"</button>
                        <button id="p-pause" on:click=move |_| held.update(|h| *h = !*h)>{move || if held.get() { tr(lang.get(), "继续", "Play") } else { tr(lang.get(), "暂停 (P)", "Pause (P)") }}</button>
                        <button id="p-next" on:click=move |_| go((index.get_untracked() + 1) % count())>"▶▶"</button>
                        <label>{move || tr(lang.get(), "间隔", "Every")}
                            <select on:change=move |e| if let Ok(s) = event_target_value(&e).parse() { state.present_options.update(|o| o.rotate_secs = s); }
                                prop:value=move || options.with(|o| o.rotate_secs).to_string()>
                                {[5u32, 10, 15, 20, 30, 60].into_iter().map(|s| view! { <option value=s.to_string()>{format!("{s}s")}</option> }).collect::<Vec<_>>()}
                            </select>
                        </label>
                        <button on:click=move |_| state.present_options.update(|o| o.light = !o.light)>{move || tr(lang.get(), "明/暗", "Light/dark")}</button>
                        <button id="p-deck" on:click=move |_| deck.set(true)>{move || tr(lang.get(), "打印/导出 PDF", "Print / PDF")}</button>
                        <button id="p-exit" on:click=move |_| leave(state)>{move || tr(lang.get(), "退出 (Esc)", "Exit (Esc)")}</button>
                    </div>
                }
            >
                <div class="deck">
                    <div class="p-controls deck-controls">
                        <button on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>{move || tr(lang.get(), "打印（每页一张）", "Print (one slide per page)")}</button>
                        <button on:click=move |_| deck.set(false)>{move || tr(lang.get(), "返回放映", "Back to the show")}</button>
                    </div>
                    {move || (0..count()).map(|i| view! { <div class="stage deck-page">{header}{slide_at(i)}</div> }).collect::<Vec<_>>()}
                </div>
            </Show>
        </div>
    }
}

/// Parses `?rotate=` and `?slides=`.
pub fn options_from_query(pairs: &[(String, String)]) -> PresentOptions {
    let mut options = PresentOptions::default();
    for (key, value) in pairs {
        match key.as_str() {
            "rotate" => {
                if let Ok(s) = value.parse::<u32>() {
                    options.rotate_secs = s.clamp(2, 600);
                }
            }
            "slides" => {
                options.slides = value
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            "theme" => options.light = value == "light",
            _ => {}
        }
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;
    use openness_core::import::{InputFile, import};
    use openness_core::period::Period;
    use openness_core::rules::Rules;
    use std::fmt::Write as _;

    /// 25 departments with one on-time disclosure each, scored for 2019.
    fn card(departments: usize) -> Scorecard {
        let mut csv = String::from("发布机构,成文日期,发布日期\n");
        for i in 0..departments {
            let _ = writeln!(csv, "第{i}局,2019-03-01,2019-03-05");
        }
        let imported = import(vec![InputFile::new("d.csv", csv.into_bytes())]);
        let rules = Rules::default();
        let window = Period::Year(2019)
            .window(&imported.data, &rules, None)
            .expect("window");
        score(&imported.data, &rules, window)
    }

    #[test]
    fn the_playlist_pages_the_ranking_and_skips_what_it_cannot_show() {
        let card = card(25);
        let all = playlist(&card, false, &[]);
        assert_eq!(
            all[..3],
            [
                Slide::Ranking(0, 3),
                Slide::Ranking(1, 3),
                Slide::Ranking(2, 3)
            ],
            "25 departments in pages of {ROWS_PER_PAGE}"
        );
        assert!(!all.contains(&Slide::Improved), "no previous period");
        assert!(playlist(&card, true, &[]).contains(&Slide::Improved));
        let asked = |keys: &[&str]| {
            let keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
            playlist(&card, false, &keys)
        };
        assert_eq!(
            asked(&["attention", "dept:第3局", "dept:无此局", "nonsense"]),
            [Slide::Attention, Slide::Dept("第3局".to_owned())]
        );
        assert_eq!(asked(&["nonsense"]), [Slide::Ranking(0, 3)], "never empty");
    }

    #[test]
    fn projection_options_come_from_the_query_within_bounds() {
        let pairs = |q: &[(&str, &str)]| -> Vec<(String, String)> {
            q.iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        let o = options_from_query(&pairs(&[
            ("rotate", "1"),
            ("slides", "ranking, attention,,"),
            ("theme", "light"),
        ]));
        assert_eq!(o.rotate_secs, 2, "at least 2 s");
        assert_eq!(o.slides, ["ranking", "attention"]);
        assert!(o.light);
        let o = options_from_query(&pairs(&[("rotate", "99999"), ("rotate", "x")]));
        assert_eq!(o.rotate_secs, 600, "at most 600 s; nonsense ignored");
        assert!(!o.light);
    }
}
