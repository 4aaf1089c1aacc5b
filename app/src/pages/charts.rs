//! 统计图表: timeliness, interpretation coverage and response rates per
//! department, each downloadable as SVG.

use leptos::prelude::*;
use openness_core::import::Import;
use openness_core::prepared::Prepared;
use openness_core::rules::Rules;
use openness_core::score::{Context, Indicator, Scorecard, Window, judge_only};

use crate::browser::{download, download_svg_as_png};
use crate::charts::{self, Row, Spec};
use crate::pages::ranking::kpis;
use crate::pages::ranking::ranking_chart;
use crate::state::{AppState, Lang, tr};

/// On time / late / overdue shares for one deadline indicator.
pub fn timeliness_chart(card: &Scorecard, indicator: Indicator, lang: Lang) -> String {
    let rows: Vec<Row> = card
        .departments
        .iter()
        .filter_map(|d| {
            let t = d.indicators[indicator.index()]?.tally;
            let total = f64::from(t.counted);
            (total > 0.0).then(|| Row {
                label: d.dept.clone(),
                values: [t.on_time, t.late, t.overdue]
                    .iter()
                    .map(|&v| Some(100.0 * f64::from(v) / total))
                    .collect(),
            })
        })
        .collect();
    let title = match lang {
        Lang::Zh => format!("{}：按时 / 超期 / 逾期未办（%）", indicator.name_zh()),
        Lang::En => format!("{}: on time / late / overdue (%)", indicator.name_en()),
    };
    let series = [
        ("按时", "On time"),
        ("超期完成", "Late"),
        ("逾期未办", "Overdue"),
    ];
    let spec = Spec {
        stacked: true,
        ..Spec::new(title, lang, &series)
    };
    charts::svg(&spec, &rows)
}

/// Coverage and 同步 rate per department with the target.
pub fn interpretation_chart(card: &Scorecard, lang: Lang) -> String {
    let rows: Vec<Row> = card
        .departments
        .iter()
        .filter(|d| {
            d.indicators[Indicator::InterpretationCoverage.index()].is_some()
                || d.indicators[Indicator::InterpretationForms.index()].is_some()
        })
        .map(|d| Row {
            label: d.dept.clone(),
            values: vec![
                d.rate_pct(&[Indicator::InterpretationCoverage]),
                d.rate_pct(&[Indicator::InterpretationSync]),
                d.rate_pct(&[Indicator::InterpretationForms]),
            ],
        })
        .collect();
    let title = tr(
        lang,
        "政策解读：解读率、同步率、多样化形式占比（%）",
        "Interpretation: coverage, in sync, rich forms (%)",
    );
    let series = [
        ("解读率", "Coverage"),
        ("同步率", "In sync"),
        ("多样化形式", "Rich forms"),
    ];
    let target = tr(lang, "形式目标 30%", "forms target 30%").to_owned();
    let spec = Spec {
        marks: vec![(30.0, target), (100.0, String::new())],
        ..Spec::new(title, lang, &series)
    };
    charts::svg(&spec, &rows)
}

/// Opinion, message and request response rates per department.
pub fn response_chart(card: &Scorecard, lang: Lang) -> String {
    let ids = [
        Indicator::OpinionResponse,
        Indicator::MessageResponse,
        Indicator::RequestTimeliness,
    ];
    let rows: Vec<Row> = card
        .departments
        .iter()
        .filter(|d| ids.iter().any(|i| d.indicators[i.index()].is_some()))
        .map(|d| Row {
            label: d.dept.clone(),
            values: ids.iter().map(|&i| d.rate_pct(&[i])).collect(),
        })
        .collect();
    let title = tr(
        lang,
        "回应答复：舆情回应、留言答复、依申请答复按时率（%）",
        "Responses on time: opinions, messages, requests (%)",
    );
    let series = [
        ("舆情回应", "Opinions"),
        ("留言答复", "Messages"),
        ("依申请", "Requests"),
    ];
    let spec = Spec::new(title, lang, &series);
    charts::svg(&spec, &rows)
}

/// Distribution of working days taken, against the deadline.
pub fn distribution_chart(
    imported: &Import,
    prepared: &Prepared,
    rules: &Rules,
    window: Window,
    indicator: Indicator,
    lang: Lang,
) -> String {
    let calendar = rules.calendar();
    let cx = Context {
        rules,
        calendar: &calendar,
        window,
    };
    // The indicator's own deadlines (two for requests and enforcement).
    let deadlines = indicator.deadlines(rules, lang);
    let (first, last) = match (deadlines.first(), deadlines.last()) {
        (Some(a), Some(b)) => (a.0 as usize, b.0 as usize),
        _ => (20, 20),
    };
    let buckets = (first * 2).max(last) + 2;
    let mut counts = vec![0u32; buckets];
    let mut add = |days: u32| counts[(days as usize).min(buckets - 1)] += 1;
    if indicator == Indicator::DisclosureTimeliness {
        prepared.disclosure_days_taken(&calendar, window, add);
    } else {
        judge_only(&imported.data, &cx, Some(indicator), |j| {
            if j.indicator == indicator
                && let (Some(start), Some(done)) = (j.start, j.done)
            {
                add(calendar.workdays_between(start.date, done.date));
            }
        });
    }
    let title = match lang {
        Lang::Zh => format!(
            "{}：办理用时分布（工作日，最右一栏为 ≥{}）",
            indicator.name_zh(),
            buckets - 1
        ),
        Lang::En => format!(
            "{}: working days taken (last bar ≥ {})",
            indicator.name_en(),
            buckets - 1
        ),
    };
    let marks: Vec<(u32, String)> = deadlines
        .into_iter()
        .map(|(days, what)| {
            let text = match lang {
                Lang::Zh => format!("{what} {days} 个工作日"),
                Lang::En => format!("{what}: {days} working days"),
            };
            (days, text)
        })
        .collect();
    let numbers: Vec<String> = counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(days, n)| match lang {
            Lang::Zh => format!("{days} 个工作日：{n} 件"),
            Lang::En => format!("{days} working days: {n}"),
        })
        .collect();
    let svg = charts::render((1100, 420), |area| {
        charts::draw_histogram(
            area,
            &title,
            &counts,
            &marks,
            tr(lang, "工作日", "working days"),
        )
    });
    charts::described(svg, &title, &numbers.join("；"))
}

/// Month by month: average score and share done on time, from the
/// scorecards of the months (each scored alone, judged at its own end).
pub fn trend_chart(months: &[Scorecard], lang: Lang) -> String {
    let labels: Vec<String> = months
        .iter()
        .map(|c| {
            format!(
                "{}-{:02}",
                c.window.from.year() % 100,
                c.window.from.month()
            )
        })
        .collect();
    let (average, on_time): (Vec<_>, Vec<_>) = months
        .iter()
        .map(|card| {
            let k = kpis(card);
            (k.average, k.on_time)
        })
        .unzip();
    let series = vec![
        (tr(lang, "平均得分", "Average score").to_owned(), average),
        (
            tr(lang, "按时办结率 %", "Done on time %").to_owned(),
            on_time,
        ),
    ];
    let title = tr(
        lang,
        "月度趋势（按月单独计分）",
        "Monthly trend (each month scored alone)",
    );
    let numbers: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, month)| {
            let values: Vec<String> = series
                .iter()
                .map(|(name, v)| match v.get(i).copied().flatten() {
                    Some(v) => format!("{name} {v:.1}"),
                    None => format!("{name} —"),
                })
                .collect();
            format!("{month}：{}", values.join("，"))
        })
        .collect();
    let svg = charts::render((1100, 420), |area| {
        charts::draw_trend(area, title, &labels, &series)
    });
    charts::described(svg, title, &numbers.join("；"))
}

/// The charts page.
#[component]
pub fn ChartsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let timeliness_of = RwSignal::new(Indicator::DisclosureTimeliness);
    let card = move || state.scorecard.get();
    let figure = move |id: &'static str,
                       file: &'static str,
                       draw: Box<dyn Fn() -> String + Send + Sync>| {
        let draw = std::sync::Arc::new(draw);
        let svg = Memo::new({
            let draw = draw.clone();
            move |_| draw()
        });
        let save = move |_| {
            if let Err(e) = download(file, "image/svg+xml", svg.get().as_bytes()) {
                state.notice.set(Some(e));
            }
        };
        let save_png = move |_| {
            let name = file.replace(".svg", ".png");
            if let Err(e) = download_svg_as_png(&name, &svg.get(), 2.0) {
                state.notice.set(Some(e));
            }
        };
        view! {
            <div class="chart-block">
                <div class="save">
                    <button on:click=save>{move || tr(lang.get(), "下载 SVG", "SVG")}</button>
                    <button on:click=save_png>{move || tr(lang.get(), "下载 PNG", "PNG")}</button>
                </div>
                <figure class="chart" id=id inner_html=move || svg.get()></figure>
            </div>
        }
    };
    let choose = move |i: Indicator| {
        view! {
            <button class="chip" class:active=move || timeliness_of.get() == i on:click=move |_| timeliness_of.set(i)>
                {move || i.name(lang.get())}
            </button>
        }
    };
    view! {
        <div class="toolbar">
            {choose(Indicator::DisclosureTimeliness)}
            {choose(Indicator::RequestTimeliness)}
            {choose(Indicator::EnforcementTimeliness)}
        </div>
        {figure("timeliness-chart", "及时率.svg", Box::new(move || card().map(|c| timeliness_chart(&c.0, timeliness_of.get(), lang.get())).unwrap_or_default()))}
        {figure("distribution-chart", "用时分布.svg", Box::new(move || {
            let Ok(window) = state.window.get() else { return String::new() };
            let imported = state.imported.get();
            let prepared = state.prepared.get();
            state.rules.with(|r| distribution_chart(&imported.0, &prepared.0, r, window, timeliness_of.get(), lang.get()))
        }))}
        {figure("interpretation-chart", "政策解读.svg", Box::new(move || card().map(|c| interpretation_chart(&c.0, lang.get())).unwrap_or_default()))}
        {figure("response-chart", "回应答复.svg", Box::new(move || card().map(|c| response_chart(&c.0, lang.get())).unwrap_or_default()))}
        {figure("ranking-chart-2", "排名.svg", Box::new(move || card().map(|c| state.rules.with(|r| ranking_chart(&c.0, r, None, lang.get()))).unwrap_or_default()))}
        {figure("trend-chart", "月度趋势.svg", Box::new(move || {
            state.scores.get().map(|s| trend_chart(s.0.get(1..).unwrap_or_default(), lang.get())).unwrap_or_default()
        }))}
    }
}
