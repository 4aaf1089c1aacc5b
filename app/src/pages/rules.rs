//! 窗口与规则: choose the scoring window and edit the rules; every change
//! rescores at once. Rules import and export as the TOML file the CLI reads.

use leptos::prelude::*;
use leptos::task::spawn_local;
use openness_core::rules::Rules;
use openness_core::value::parse_date;

use crate::browser::{download, save_rules};
use crate::state::{AppState, Lang, Period, data_years, tr};

/// Applies an edit to the rules if the result is valid; otherwise says why.
fn edit(state: AppState, change: impl FnOnce(&mut Rules)) {
    let mut rules = state.rules.get_untracked();
    change(&mut rules);
    match rules.validate() {
        Ok(()) => {
            save_rules(&rules.to_toml());
            state.rules.set(rules);
            state.notice.set(None);
        }
        Err(e) => state.notice.set(Some(e.to_string())),
    }
}

/// A number field bound to one rule.
fn number_field(
    state: AppState,
    id: &'static str,
    label: impl Fn(Lang) -> &'static str + Send + Sync + 'static,
    get: impl Fn(&Rules) -> f64 + Send + Sync + 'static,
    set: impl Fn(&mut Rules, f64) + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let lang = state.lang;
    view! {
        <label class="field">
            <span>{move || label(lang.get())}</span>
            <input
                id=id
                type="number"
                step="any"
                min="0"
                prop:value=move || state.rules.with(|r| get(r)).to_string()
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    match text.trim().parse::<f64>() {
                        Ok(v) => edit(state, |r| set(r, v)),
                        Err(_) => state.notice.set(Some(format!("“{text}” 不是数字 is not a number"))),
                    }
                }
            />
        </label>
    }
}

/// The window and rules page.
#[component]
pub fn RulesPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let years = move || {
        state
            .rules
            .with(|r| data_years(&state.imported.get().0.data, r))
    };
    let period_options = move || {
        let l = lang.get();
        let mut options = vec![(
            Period::Auto,
            tr(l, "自动（数据所在年度）", "Automatic (the data's year)").to_owned(),
        )];
        for y in years() {
            options.push((Period::Year(y), format!("{y} {}", tr(l, "全年", "year"))));
            for q in 1..=4 {
                options.push((
                    Period::Quarter(y, q),
                    format!("{y} {}{q}", tr(l, "第", "Q")),
                ));
            }
            for m in 1..=12 {
                options.push((Period::Month(y, m), format!("{y}-{m:02}")));
            }
        }
        options
    };
    let custom_from = RwSignal::new(String::new());
    let custom_to = RwSignal::new(String::new());
    let apply_custom = move |_| match (parse_date(&custom_from.get()), parse_date(&custom_to.get()))
    {
        (Some(a), Some(b)) if a <= b => state.period.set(Period::Custom(a, b)),
        _ => state.notice.set(Some(
            tr(
                lang.get(),
                "请输入有效的起止日期（起始不晚于结束）。",
                "Enter valid dates, start not after end.",
            )
            .to_owned(),
        )),
    };
    let import_rules = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        spawn_local(async move {
            match gloo_file::futures::read_as_text(&gloo_file::File::from(file)).await {
                Ok(text) => match Rules::try_from_toml(&text) {
                    Ok(loaded) => {
                        save_rules(&loaded.rules.to_toml());
                        state.rules.set(loaded.rules);
                        state
                            .notice
                            .set((!loaded.warnings.is_empty()).then(|| loaded.warnings.join(" ")));
                    }
                    Err(e) => state.notice.set(Some(e.to_string())),
                },
                Err(e) => state.notice.set(Some(e.to_string())),
            }
        });
        input.set_value("");
    };
    let export_rules = move |_| {
        let text = state.rules.get().to_toml();
        if let Err(e) = download("rules.toml", "application/toml", text.as_bytes()) {
            state.notice.set(Some(e));
        }
    };
    let indicator_fields = [
        (
            "pts-disclosure",
            "主动公开及时率",
            "Disclosure timeliness",
            0usize,
        ),
        ("pts-coverage", "政策解读率", "Interpretation coverage", 1),
        ("pts-sync", "解读同步率", "Interpretation in sync", 2),
        ("pts-forms", "多样化解读", "Rich forms", 3),
        ("pts-opinion", "舆情回应及时率", "Opinion response", 4),
        ("pts-message", "留言按时答复率", "Message replies", 5),
        ("pts-request", "依申请按期答复率", "Requests on time", 6),
        (
            "pts-enforcement",
            "执法公示及时率",
            "Enforcement publicity",
            7,
        ),
        ("pts-columns", "栏目更新率", "Columns fresh", 8),
    ];
    view! {
        <h2>{move || tr(lang.get(), "考评窗口", "Scoring window")}</h2>
        <div class="toolbar">
            <label>
                {move || tr(lang.get(), "期间：", "Period: ")}
                <select id="period-select" on:change=move |ev| {
                    if let Some(p) = Period::from_key(&event_target_value(&ev)) { state.period.set(p); }
                } prop:value=move || state.period.get().key()>
                    {move || period_options().into_iter().map(|(p, label)| view! { <option value=p.key()>{label}</option> }).collect::<Vec<_>>()}
                </select>
            </label>
            <label>{move || tr(lang.get(), " 自定义：", " Custom: ")}
                <input type="date" prop:value=move || custom_from.get() on:change=move |ev| custom_from.set(event_target_value(&ev)) />
                " – "
                <input type="date" prop:value=move || custom_to.get() on:change=move |ev| custom_to.set(event_target_value(&ev)) />
                <button on:click=apply_custom>{move || tr(lang.get(), "应用", "Apply")}</button>
            </label>
            <label>{move || tr(lang.get(), " 截至日期：", " As of: ")}
                <input id="as-of" type="date"
                    prop:value=move || state.as_of.get().map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| state.as_of.set(parse_date(&event_target_value(&ev))) />
            </label>
        </div>
        <p class="window-line">{move || match state.window.get() {
            Ok(w) => format!("{} {} – {}，{} {}", tr(lang.get(), "窗口", "Window"), w.from, w.to, tr(lang.get(), "截至", "as of"), w.as_of),
            Err(e) => e.message(lang.get()),
        }}</p>
        <h2>{move || tr(lang.get(), "考评规则", "Rules")}</h2>
        <div class="fields">
            {number_field(state, "weight-pct", |l| tr(l, "绩效考核权重（%，不低于4）", "Weight in the assessment (%, at least 4)"), |r| r.weight_pct, |r, v| r.weight_pct = v)}
            {number_field(state, "total-points", |l| tr(l, "绩效考核总分", "Assessment total points"), |r| r.total_points, |r, v| r.total_points = v)}
            {indicator_fields.into_iter().map(|(id, zh, en, i)| number_field(
                state,
                id,
                move |l| tr(l, zh, en),
                move |r| r.indicator_points()[i].1,
                move |r, v| set_points(r, i, v),
            )).collect::<Vec<_>>()}
            {number_field(state, "dl-disclosure", |l| tr(l, "主动公开时限（工作日）", "Disclosure deadline (working days)"), |r| f64::from(r.indicators.disclosure_timeliness.deadline_workdays), |r, v| r.indicators.disclosure_timeliness.deadline_workdays = v as u32)}
            {number_field(state, "dl-message", |l| tr(l, "留言答复时限（工作日）", "Message deadline (working days)"), |r| f64::from(r.indicators.message_response.deadline_workdays), |r, v| r.indicators.message_response.deadline_workdays = v as u32)}
            {number_field(state, "dl-request", |l| tr(l, "依申请答复时限（工作日）", "Request deadline (working days)"), |r| f64::from(r.indicators.request_timeliness.deadline_workdays), |r, v| r.indicators.request_timeliness.deadline_workdays = v as u32)}
            {number_field(state, "target-forms", |l| tr(l, "多样化解读目标占比", "Rich-form target share"), |r| r.indicators.interpretation_forms.target_share, |r, v| r.indicators.interpretation_forms.target_share = v)}
        </div>
        <div class="toolbar">
            <label class="button">{move || tr(lang.get(), "导入规则文件（TOML）", "Import rules (TOML)")}
                <input type="file" accept=".toml,.txt" on:change=import_rules /></label>
            <button on:click=export_rules>{move || tr(lang.get(), "导出规则文件", "Export rules")}</button>
            <button on:click=move |_| edit(state, |r| *r = Rules::default())>{move || tr(lang.get(), "恢复默认规则", "Restore defaults")}</button>
        </div>
    }
}

fn set_points(r: &mut Rules, i: usize, v: f64) {
    let ind = &mut r.indicators;
    match i {
        0 => ind.disclosure_timeliness.points = v,
        1 => ind.interpretation_coverage.points = v,
        2 => ind.interpretation_sync.points = v,
        3 => ind.interpretation_forms.points = v,
        4 => ind.opinion_response.points = v,
        5 => ind.message_response.points = v,
        6 => ind.request_timeliness.points = v,
        7 => ind.enforcement_timeliness.points = v,
        _ => ind.platform_freshness.points = v,
    }
}
