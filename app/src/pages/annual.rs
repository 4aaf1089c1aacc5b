//! 年报统计 (annual report): the statistical tables of the 政府信息公开工作
//! 年度报告 for one unit or the county, laid out as the national form prints
//! them, with the cross-footing checks, the records behind unknown values,
//! the form as XLSX, print, copy, and the check of a filled-in workbook
//! (RULES §7). All numbers come from `openness_core::annual`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use openness_core::annual::{
    Annual, COUNTY, Comparison, Unit, annual_layouts, checks_html, compare_workbook,
    comparison_html, findings_html, form_html, overview_html,
};
use openness_core::period::data_years;
use openness_core::xlsx::layout_workbook;
use wasm_bindgen::JsCast;

use crate::browser::{copy_element, download};
use crate::pages::ranking::XLSX_MIME;
use crate::state::{AppState, Lang, tr};

/// The unit shown: the chosen one, else the county.
fn shown<'a>(annual: &'a Annual, chosen: Option<&str>) -> &'a Unit {
    chosen
        .and_then(|name| annual.unit(name))
        .unwrap_or(&annual.county)
}

/// What a click inside the generated HTML asks for: a unit (`data-unit`)
/// or a sort column (`data-sort`).
fn clicked(ev: &leptos::ev::MouseEvent, attribute: &str) -> Option<String> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    target
        .closest(&format!("[{attribute}]"))
        .ok()
        .flatten()?
        .get_attribute(attribute)
}

/// The annual-report page.
#[component]
pub fn AnnualPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sort = RwSignal::new(0_usize);
    let comparison = RwSignal::new(None::<Result<Comparison, String>>);
    let years = move || {
        let data = state.imported.get();
        state.rules.with(|r| data_years(&data.0.data, r))
    };
    let pick = move |name: String| {
        state.annual_unit.set((name != COUNTY).then_some(name));
    };
    let unit_name = move || {
        state
            .annual
            .get()
            .map(|a| shown(&a.0, state.annual_unit.get().as_deref()).name.clone())
    };
    let file_name = move |what: &str| {
        let year = state.annual.get_untracked().map_or(0, |a| a.0.year);
        format!(
            "{}_{year}_{what}.xlsx",
            tr(lang.get_untracked(), "年报统计", "annual-report")
        )
    };
    let download_form = move |all: bool| {
        let Some(annual) = state.annual.get_untracked() else {
            return;
        };
        let name = unit_name().unwrap_or_default();
        let only = (!all).then_some(name.as_str());
        let book = layout_workbook(&annual_layouts(&annual.0, only));
        let what = if all {
            tr(lang.get_untracked(), "全部单位", "all-units").to_owned()
        } else {
            name.clone()
        };
        if let Err(e) = download(&file_name(&what), XLSX_MIME, &book) {
            state.notice.set(Some(e));
        }
    };
    let copy = move |_| {
        let message = match copy_element("annual-tables") {
            Ok(()) => tr(
                lang.get_untracked(),
                "已复制三张表格（含格式），可直接粘贴到年度报告。",
                "The three tables were copied with their layout: paste them into the report.",
            ),
            Err(_) => tr(
                lang.get_untracked(),
                "浏览器不允许复制，请手动选中表格后按 Ctrl+C。",
                "The browser refused to copy; select the tables and press Ctrl+C.",
            ),
        };
        state.notice.set(Some(message.to_owned()));
    };
    let on_upload = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            let result =
                match gloo_file::futures::read_as_bytes(&gloo_file::File::from(file)).await {
                    Ok(bytes) => match state.annual.get_untracked() {
                        Some(annual) => compare_workbook(&annual.0, &bytes)
                            .map_err(|why| format!("{name}: {why}")),
                        None => Err(tr(
                            lang.get_untracked(),
                            "没有可核对的年报数据。",
                            "No annual tables to compare with.",
                        )
                        .to_owned()),
                    },
                    Err(e) => Err(format!("{name}: {e}")),
                };
            comparison.set(Some(result));
        });
    };
    view! {
        <div class="toolbar">
            <label>
                {move || tr(lang.get(), "单位：", "Unit: ")}
                <select id="annual-unit" on:change=move |ev| pick(event_target_value(&ev))>
                    {move || {
                        let current = unit_name().unwrap_or_default();
                        let names: Vec<String> = state.annual.get().map(|a| std::iter::once(COUNTY.to_owned()).chain(a.0.units.iter().map(|u| u.name.clone())).collect()).unwrap_or_default();
                        names.into_iter().map(|n| {
                            let selected = n == current;
                            view! { <option value=n.clone() selected=selected prop:selected=selected>{n.clone()}</option> }
                        }).collect::<Vec<_>>()
                    }}
                </select>
            </label>
            <label>
                {move || tr(lang.get(), "年度：", "Year: ")}
                <select id="annual-year" on:change=move |ev| state.annual_year.set(event_target_value(&ev).parse().ok())>
                    {move || {
                        let current = state.annual.get().map(|a| a.0.year);
                        years().into_iter().rev().map(|y| {
                            let selected = Some(y) == current;
                            view! { <option value=y.to_string() selected=selected prop:selected=selected>{y.to_string()}</option> }
                        }).collect::<Vec<_>>()
                    }}
                </select>
            </label>
            <span class="spacer"></span>
            <button id="annual-xlsx" on:click=move |_| download_form(false)>{move || tr(lang.get(), "下载本单位 XLSX", "Download this unit (XLSX)")}</button>
            <button id="annual-xlsx-all" on:click=move |_| download_form(true)>{move || tr(lang.get(), "下载全部单位 XLSX", "Download all units (XLSX)")}</button>
            <button id="annual-copy" on:click=copy>{move || tr(lang.get(), "复制表格", "Copy tables")}</button>
            <button on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>{move || tr(lang.get(), "打印（A4）", "Print (A4)")}</button>
            <label class="upload">
                {move || tr(lang.get(), "核对已填报的表格：", "Check a filled-in workbook: ")}
                <input id="annual-upload" type="file" accept=".xlsx,.xls" on:change=on_upload />
            </label>
        </div>
        <div class="no-print">
        {move || comparison.get().map(|c| match c {
            Ok(c) => view! { <div inner_html=comparison_html(&c, lang.get())></div> }.into_any(),
            Err(e) => view! { <p class="warning" id="annual-comparison" role="alert">{e}</p> }.into_any(),
        })}
        </div>
        {move || {
            let l = lang.get();
            let Some(annual) = state.annual.get() else {
                return view! { <p class="hint">{tr(l, "数据中没有可统计的年度。", "The data holds no year to fill the tables for.")}</p> }.into_any();
            };
            let chosen = state.annual_unit.get();
            let u = shown(&annual.0, chosen.as_deref());
            let imported = state.imported.get();
            let mut details = checks_html(u, l) + &findings_html(u, &imported.0.report, l);
            if u.dept.is_none() {
                details.push_str("<h3>");
                details.push_str(tr(l, "各单位概览（点击表头排序，点击单位查看）", "Every unit (click a header to sort, a unit to open it)"));
                details.push_str("</h3>");
                details.push_str(&overview_html(&annual.0, sort.get(), l));
            }
            let on_click = move |ev: leptos::ev::MouseEvent| {
                if let Some(unit) = clicked(&ev, "data-unit") {
                    pick(unit);
                } else if let Some(column) = clicked(&ev, "data-sort").and_then(|c| c.parse().ok()) {
                    sort.set(column);
                }
            };
            let failed = u.checks().iter().filter(|c| !c.ok()).count();
            let status = match (failed, l) {
                (0, Lang::Zh) => format!("✓ 勾稽检查全部通过 · 需核对记录 {} 条", u.findings.len()),
                (0, Lang::En) => format!("✓ Every check passes · {} records to check", u.findings.len()),
                (n, Lang::Zh) => format!("✗ 勾稽检查 {n} 项不平衡 · 需核对记录 {} 条（详见表格下方）", u.findings.len()),
                (n, Lang::En) => format!("✗ {n} checks fail · {} records to check (below the tables)", u.findings.len()),
            };
            view! {
                <p id="annual-status" class={if failed == 0 { "status ok no-print" } else { "status bad no-print" }}>{status}</p>
                <div id="annual-tables" class="annual-form" inner_html=form_html(u, annual.0.year)></div>
                <div class="no-print" id="annual-details" on:click=on_click inner_html=details></div>
            }
            .into_any()
        }}
    }
}
