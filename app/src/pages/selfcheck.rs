//! 部门自查: one department's indicators and every record that lost it points.

use leptos::prelude::*;
use openness_core::score::Indicator;
use openness_core::selfcheck::findings;

use crate::browser::download;
use crate::pages::ranking::XLSX_MIME;
use crate::pages::thead;
use crate::state::{AppState, Lang, tr};
use crate::xlsx::{self_check, xlsx};

/// The self-check page.
#[component]
pub fn SelfCheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let names = move || {
        state
            .scorecard
            .get()
            .map(|c| {
                c.0.departments
                    .iter()
                    .map(|d| d.dept.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    // The chosen department, defaulting to the first listed.
    let chosen = move || state.dept.get().or_else(|| names().into_iter().next());
    let list = Memo::new(move |_| {
        let card = state.scorecard.get()?;
        let window = state.window.get().ok()?;
        let imported = state.imported.get();
        let name = chosen()?;
        let id = imported.0.data.departments.get(&name)?;
        Some(
            state
                .rules
                .with(|r| findings(&imported.0, r, window, &card.0, Some(id))),
        )
    });
    let score = move || {
        let card = state.scorecard.get()?;
        let name = chosen()?;
        card.0.departments.iter().find(|d| d.dept == name).cloned()
    };
    let sheet = move || {
        let (list, dept, window) = (list.get()?, chosen()?, state.window.get().ok()?);
        Some((self_check(state, &list, window, &dept), dept))
    };
    let file_name = move |dept: &str, ext: &str| {
        format!(
            "{}_{dept}.{ext}",
            tr(lang.get_untracked(), "自查清单", "self-check")
        )
    };
    let export = move |_| {
        if let Some((sheet, dept)) = sheet()
            && let Err(e) = download(
                &file_name(&dept, "csv"),
                "text/csv;charset=utf-8",
                sheet.csv().as_bytes(),
            )
        {
            state.notice.set(Some(e));
        }
    };
    let export_xlsx = move |_| {
        if let Some((sheet, dept)) = sheet()
            && let Err(e) = download(&file_name(&dept, "xlsx"), XLSX_MIME, &xlsx(sheet))
        {
            state.notice.set(Some(e));
        }
    };
    view! {
        <div class="toolbar">
            <label>
                {move || tr(lang.get(), "部门：", "Department: ")}
                <select
                    id="dept-select"
                    on:change=move |ev| state.dept.set(Some(event_target_value(&ev)))
                    prop:value=move || chosen().unwrap_or_default()
                >
                    // Each option says whether it is the chosen one: the
                    // select's value alone is lost when the options arrive
                    // after it (the list waits for the scorecard).
                    {move || {
                        let current = chosen();
                        names().into_iter().map(|n| {
                            let selected = current.as_deref() == Some(n.as_str());
                            view! { <option value=n.clone() selected=selected prop:selected=selected>{n.clone()}</option> }
                        }).collect::<Vec<_>>()
                    }}
                </select>
            </label>
            <span class="spacer"></span>
            <button on:click=export>{move || tr(lang.get(), "下载自查清单 CSV", "Download list (CSV)")}</button>
            <button on:click=export_xlsx>{move || tr(lang.get(), "下载自查清单 XLSX", "Download list (XLSX)")}</button>
            <button on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>{move || tr(lang.get(), "打印", "Print")}</button>
        </div>
        {move || score().map(|d| {
            let l = lang.get();
            let headline = match d.score {
                Some(s) => format!("{} · {:.2} {} · {} {}", d.dept, s, tr(l, "分", "points"), tr(l, "排名", "rank"), d.rank.map_or_else(String::new, |r| r.to_string())),
                None => format!("{} · {}", d.dept, tr(l, "无适用指标，不参评", "no applicable indicator: unscored")),
            };
            let vetoes = d.vetoes.iter().map(|v| view! { <li class="veto">{state.rules.with(|r| v.label(r, l))}</li> }).collect::<Vec<_>>();
            view! {
                <h2 id="selfcheck-title">{headline}</h2>
                <ul class="vetoes">{vetoes}</ul>
                <table class="breakdown">
                    {thead(move || l, &[("", "指标", "Indicator"), ("num", "分值", "Points"), ("num", "得分", "Earned"), ("num", "计入", "Counted"), ("num", "通过", "Passed"), ("num", "待定", "Pending")])}
                    <tbody>
                        {Indicator::ALL.iter().map(|i| {
                            let name = i.name(l);
                            match d.indicators[i.index()] {
                                Some(s) => view! {
                                    <tr>
                                        <td>{name}</td>
                                        <td class="num">{format!("{:.1}", s.points)}</td>
                                        <td class="num strong">{format!("{:.2}", s.earned)}</td>
                                        <td class="num">{s.counted}</td>
                                        <td class="num">{format!("{}", s.passed)}</td>
                                        <td class="num">{s.pending}</td>
                                    </tr>
                                }.into_any(),
                                None => view! {
                                    <tr class="na"><td>{name}</td><td colspan="5">{tr(l, "不适用（无计入事项）", "not applicable (nothing counted)")}</td></tr>
                                }.into_any(),
                            }
                        }).collect::<Vec<_>>()}
                    </tbody>
                </table>
            }
        })}
        <h3>{move || {
            let n = list.get().map_or(0, |l| l.len());
            match lang.get() {
                Lang::Zh => format!("失分记录 {n} 条"),
                Lang::En => format!("{n} records lost points"),
            }
        }}</h3>
        <table class="findings" id="findings-table">
            {thead(move || lang.get(), &[("", "指标", "Indicator"), ("", "编号", "Id"), ("", "标题/名称", "Title"), ("", "来源", "Source"), ("", "起算", "Start"), ("", "截止", "Deadline"), ("", "完成", "Done"), ("", "说明", "Reason")])}
            <tbody>
                {move || {
                    let l = lang.get();
                    list.get().unwrap_or_default().into_iter().map(|f| {
                        let fmt = |t: Option<openness_core::date::DateTime>| t.map_or_else(|| "—".to_owned(), |t| {
                            if f.indicator == Indicator::OpinionResponse { t.to_string() } else { t.date.to_string() }
                        });
                        view! {
                            <tr class="finding">
                                <td>{f.indicator.name(l)}</td>
                                <td>{f.id.clone().unwrap_or_default()}</td>
                                <td>{f.title.clone().unwrap_or_default()}</td>
                                <td>{format!("{}:{}", f.file.rsplit('/').next().unwrap_or_default(), f.row)}</td>
                                <td>{fmt(f.start)}</td>
                                <td>{fmt(f.deadline)}</td>
                                <td>{fmt(f.done)}</td>
                                <td class="reason">{match l { Lang::Zh => f.reason_zh.clone(), Lang::En => f.reason_en.clone() }}</td>
                            </tr>
                        }
                    }).collect::<Vec<_>>()
                }}
            </tbody>
        </table>
    }
}
