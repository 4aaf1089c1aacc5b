//! 考评排名: the leadership view — KPI tiles, the ranking table and chart.

use leptos::prelude::*;
use openness_core::record::{DEPARTMENT_GROUP, TOWN_GROUP};
use openness_core::rules::Rules;
use openness_core::score::{Grade, Indicator, Scorecard};

use crate::browser::download;
use crate::charts::{self, Row, Spec};
use crate::pages::thead;
use crate::state::{AppState, Lang, View, tr};
use crate::xlsx::{ranking, xlsx};

/// Headline numbers of a scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpis {
    /// Departments listed.
    pub departments: usize,
    /// Departments scored.
    pub scored: usize,
    /// Mean score of the scored.
    pub average: Option<f64>,
    /// Share of deadline items done on time (%).
    pub on_time: Option<f64>,
    /// Share of policy documents with an interpretation (%).
    pub coverage: Option<f64>,
    /// Share of messages, requests and opinions answered on time (%).
    pub response: Option<f64>,
}

/// Computes the KPI tiles.
pub fn kpis(card: &Scorecard) -> Kpis {
    let scores: Vec<f64> = card.departments.iter().filter_map(|d| d.score).collect();
    Kpis {
        departments: card.departments.len(),
        scored: scores.len(),
        average: (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64),
        on_time: card.rate_pct(&[
            Indicator::DisclosureTimeliness,
            Indicator::RequestTimeliness,
            Indicator::EnforcementTimeliness,
            Indicator::MessageResponse,
            Indicator::OpinionResponse,
        ]),
        coverage: card.rate_pct(&[Indicator::InterpretationCoverage]),
        response: card.rate_pct(&[
            Indicator::MessageResponse,
            Indicator::RequestTimeliness,
            Indicator::OpinionResponse,
        ]),
    }
}

/// The MIME type of XLSX workbooks.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A percentage with one decimal, or a dash.
pub fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}%"))
}

/// The ranking chart rows (best first).
pub fn ranking_rows(card: &Scorecard, group: Option<&str>) -> Vec<Row> {
    card.departments
        .iter()
        .filter(|d| d.score.is_some() && group.is_none_or(|g| d.group == g))
        .map(|d| Row {
            label: format!("{}{}", d.dept, if d.vetoes.is_empty() { "" } else { " ⚑" }),
            values: vec![d.score],
        })
        .collect()
}

/// The ranking chart.
pub fn ranking_chart(card: &Scorecard, rules: &Rules, group: Option<&str>, lang: Lang) -> String {
    let floors = [Grade::Pass, Grade::Good, Grade::Excellent].map(|g| g.floor(rules));
    let title = tr(
        lang,
        "综合得分排名（⚑ 单项否决）",
        "Score ranking (⚑ vetoed)",
    );
    let spec = Spec {
        marks: [Grade::Pass, Grade::Good, Grade::Excellent]
            .into_iter()
            .zip(floors)
            .map(|(g, floor)| (floor, format!("{floor} {}", g.name(lang))))
            .collect(),
        bands: Some(floors),
        ..Spec::new(title, lang, &[("得分", "Score")])
    };
    charts::svg(&spec, &ranking_rows(card, group))
}

/// The ranking page.
#[component]
pub fn RankingPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let card = move || state.scorecard.get();
    let kpi = move || card().map(|c| kpis(&c.0));
    let group_button = move |group: Option<&'static str>, zh: &'static str, en: &'static str| {
        view! {
            <button
                class="chip"
                class:active=move || state.group.get().as_deref() == group
                on:click=move |_| state.group.set(group.map(str::to_owned))
            >
                {move || tr(lang.get(), zh, en)}
            </button>
        }
    };
    let file_name =
        move |ext: &str| format!("{}.{ext}", tr(lang.get_untracked(), "考评排名", "ranking"));
    let export_csv = move |_| {
        let csv = card().map(|c| ranking(state, &c.0).csv());
        if let Some(Err(e)) =
            csv.map(|csv| download(&file_name("csv"), "text/csv;charset=utf-8", csv.as_bytes()))
        {
            state.notice.set(Some(e));
        }
    };
    let export_xlsx = move |_| {
        let bytes = card().map(|c| xlsx(ranking(state, &c.0)));
        let saved = bytes.map(|b| download(&file_name("xlsx"), XLSX_MIME, &b));
        if let Some(Err(e)) = saved {
            state.notice.set(Some(e));
        }
    };
    view! {
        <section class="kpis" aria-label="KPI">
            <Tile label=move || tr(lang.get(), "参评单位", "Units scored") value=move || kpi().map(|k| format!("{} / {}", k.scored, k.departments)).unwrap_or_default() />
            <Tile label=move || tr(lang.get(), "平均得分", "Average score") value=move || kpi().and_then(|k| k.average).map_or_else(|| "—".to_owned(), |a| format!("{a:.2}")) />
            <Tile label=move || tr(lang.get(), "按时办结率", "Done on time") value=move || pct(kpi().and_then(|k| k.on_time)) />
            <Tile label=move || tr(lang.get(), "政策解读率", "Interpretation coverage") value=move || pct(kpi().and_then(|k| k.coverage)) />
            <Tile label=move || tr(lang.get(), "回应答复率", "Response rate") value=move || pct(kpi().and_then(|k| k.response)) />
        </section>
        <div class="toolbar">
            {group_button(None, "全部", "All")}
            {group_button(Some(DEPARTMENT_GROUP), "旗直部门", "County departments")}
            {group_button(Some(TOWN_GROUP), "镇（苏木）", "Towns")}
            <span class="spacer"></span>
            <button on:click=export_csv>{move || tr(lang.get(), "导出排名 CSV", "Export ranking CSV")}</button>
            <button on:click=export_xlsx>{move || tr(lang.get(), "导出排名 XLSX", "Export ranking XLSX")}</button>
            <button on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>{move || tr(lang.get(), "打印 A4 报告", "Print A4 report")}</button>
        </div>
        <table class="ranking" id="ranking-table">
            {thead(move || lang.get(), &[("", "排名", "Rank"), ("", "部门", "Department"), ("", "分组", "Group"), ("num", "得分", "Score"), ("", "等级", "Grade"), ("num", "组内排名", "Group rank"), ("num", "折算分(4%)", "Contribution"), ("", "单项否决", "Vetoes")])}
            <tbody>
                {move || {
                    let Some(c) = card() else { return Vec::new() };
                    let group = state.group.get();
                    let l = lang.get();
                    c.0.departments
                        .iter()
                        .filter(|d| group.as_deref().is_none_or(|g| d.group == g))
                        .map(|d| {
                            let name = d.dept.clone();
                            let grade_class = d.grade.map_or("", |g| match g {
                                Grade::Excellent => "g-excellent",
                                Grade::Good => "g-good",
                                Grade::Pass => "g-pass",
                                Grade::Fail => "g-fail",
                            });
                            let vetoes = d
                                .vetoes
                                .iter()
                                .map(|v| state.rules.with(|r| v.label(r, l)))
                                .collect::<Vec<_>>()
                                .join("；");
                            let open = move |_| {
                                state.dept.set(Some(name.clone()));
                                state.view.set(View::SelfCheck);
                            };
                            view! {
                                <tr class="dept-row">
                                    <td class="num">{d.rank.map_or_else(|| "—".to_owned(), |r| r.to_string())}</td>
                                    <td><button class="link" on:click=open>{d.dept.clone()}</button></td>
                                    <td>{d.group.clone()}</td>
                                    <td class="num strong">{d.score.map_or_else(|| tr(l, "不参评", "unscored").to_owned(), |s| format!("{s:.2}"))}</td>
                                    <td class=grade_class>{d.grade.map(|g| g.name(l))}</td>
                                    <td class="num">{d.group_rank.map_or_else(|| "—".to_owned(), |r| r.to_string())}</td>
                                    <td class="num">{d.contribution.map_or_else(|| "—".to_owned(), |c| format!("{c:.2}"))}</td>
                                    <td class="veto">{vetoes}</td>
                                </tr>
                            }
                        })
                        .collect::<Vec<_>>()
                }}
            </tbody>
        </table>
        <figure class="chart" id="ranking-chart" inner_html=move || card().map(|c| state.rules.with(|r| ranking_chart(&c.0, r, state.group.get().as_deref(), lang.get()))).unwrap_or_default()></figure>
    }
}

/// A KPI tile.
#[component]
pub fn Tile(
    /// The label.
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    /// The value.
    value: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="tile">
            <div class="tile-value">{value}</div>
            <div class="tile-label">{label}</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openness_core::import::{InputFile, import};
    use openness_core::period::Period;

    #[test]
    fn kpis_count_units_and_pool_rates() {
        // 甲: 1 of 2 on time; 乙: 2 of 2; 丙 has only a column (no score).
        let disclosures = "发布机构,成文日期,发布日期\n甲局,2019-03-01,2019-03-05\n甲局,2019-03-01,2019-06-05\n乙局,2019-03-01,2019-03-05\n乙局,2019-04-01,2019-04-02\n";
        let imported = import(vec![InputFile::new(
            "d.csv",
            disclosures.as_bytes().to_vec(),
        )]);
        let rules = Rules::default();
        let window = Period::Year(2019)
            .window(&imported.data, &rules, None)
            .expect("window");
        let card = openness_core::score::score(&imported.data, &rules, window);
        let k = kpis(&card);
        assert_eq!((k.departments, k.scored), (2, 2));
        assert_eq!(k.on_time, Some(75.0), "3 of 4 pooled");
        assert_eq!(k.average, Some(75.0), "(50 + 100) / 2");
        assert_eq!(k.coverage, None, "no policy documents");
        assert_eq!(pct(k.on_time), "75.0%");
        assert_eq!(pct(None), "—");
    }
}
