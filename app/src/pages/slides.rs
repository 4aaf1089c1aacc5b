//! The slides of 投屏模式 (projection): the ranking in pages, towns against
//! departments, the three rates slides, the units needing attention, the
//! most improved and one department, drawn for a 1920×1080 stage.

use leptos::prelude::*;
use openness_core::annual::Annual;
use openness_core::record::{DEPARTMENT_GROUP, TOWN_GROUP};
use openness_core::rules::Rules;
use openness_core::score::{DeptScore, Grade, Indicator, Scorecard};

use super::present::{LIST_LEN, ROWS_PER_PAGE, Slide, improvements};
use crate::pages::ranking::pct;
use crate::pages::thead;
use crate::state::{Lang, tr};

/// A labelled bar: name, bar, value (never colour alone).
fn bar(label: String, value: f64, text: String, class: &'static str) -> impl IntoView {
    view! {
        <div class="p-bar">
            <span class="p-bar-label">{label}</span>
            <span class="p-bar-track"><span class=format!("p-bar-fill {class}") style:width=format!("{:.1}%", value.clamp(0.0, 100.0))></span></span>
            <span class="p-bar-value">{text}</span>
        </div>
    }
}

/// The lowest departments on some indicators, as bars.
fn lowest(card: &Scorecard, indicators: &[Indicator]) -> Vec<(String, f64)> {
    let mut rows: Vec<(String, f64)> = card
        .departments
        .iter()
        .filter_map(|d| d.rate_pct(indicators).map(|r| (d.dept.clone(), r)))
        .collect();
    rows.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    rows.truncate(LIST_LEN);
    rows
}

fn kpi_block(label: &'static str, value: String) -> impl IntoView {
    view! { <div class="p-kpi"><div class="p-kpi-value">{value}</div><div class="p-kpi-label">{label}</div></div> }
}

/// A rates slide; a rate below `pass` (the 合格 line of the rules, read
/// as a percentage) is shown as low.
fn rates_slide(
    card: &Scorecard,
    pass: f64,
    lang: Lang,
    title: String,
    indicators: &[Indicator],
) -> AnyView {
    let low = lowest(card, indicators);
    view! {
        <h2 class="p-title">{title}</h2>
        <div class="p-kpis">
            {indicators.iter().map(|&i| kpi_block(i.name(lang), pct(card.rate_pct(&[i])))).collect::<Vec<_>>()}
        </div>
        <h3 class="p-sub">{tr(lang, "最需关注的单位（合计按时率最低）", "Needing attention (lowest combined rate)")}</h3>
        <div class="p-bars">
            {low.into_iter().map(|(name, r)| bar(name, r, format!("{r:.1}%"), if r < pass { "low" } else { "mid" })).collect::<Vec<_>>()}
        </div>
    }
    .into_any()
}

/// Units whose 年报 tables do not cross-foot, or that have records to
/// check, most failed checks first.
fn annual_slide(annual: Option<&Annual>, lang: Lang) -> AnyView {
    let Some(annual) = annual else {
        return view! { <p class="p-big">{tr(lang, "数据中没有可统计的年度。", "No year to fill the tables for.")}</p> }.into_any();
    };
    let mut rows: Vec<(String, usize, usize)> = annual
        .units
        .iter()
        .map(|u| {
            (
                u.name.clone(),
                u.checks().iter().filter(|c| !c.ok()).count(),
                u.findings.len(),
            )
        })
        .filter(|(_, failed, findings)| failed + findings > 0)
        .collect();
    rows.sort_by(|a, b| (b.1, b.2).cmp(&(a.1, a.2)).then_with(|| a.0.cmp(&b.0)));
    let empty = rows.is_empty();
    let total = rows.len();
    view! {
        <h2 class="p-title">{match lang {
            Lang::Zh => format!("{} 年年报统计表：勾稽不平衡或需核对的单位（{total} 个）", annual.year),
            Lang::En => format!("{} annual report tables: units that do not cross-foot or need checking ({total})", annual.year),
        }}</h2>
        {empty.then(|| view! { <p class="p-big">{tr(lang, "所有单位的统计表勾稽平衡，没有需核对的记录。", "Every unit's tables cross-foot; nothing to check.")}</p> })}
        <table class="p-table" id="annual-slide">
            <tbody>
                {rows.into_iter().take(10).map(|(name, failed, findings)| view! {
                    <tr class={if failed > 0 { "low" } else { "" }}>
                        <td class="name">{name}</td>
                        <td class={if failed > 0 { "veto" } else { "" }}>{match (lang, failed) {
                            (Lang::Zh, 0) => "✓ 勾稽平衡".to_owned(),
                            (Lang::En, 0) => "✓ cross-foots".to_owned(),
                            (Lang::Zh, n) => format!("✗ 勾稽不平衡 {n} 项"),
                            (Lang::En, n) => format!("✗ {n} checks fail"),
                        }}</td>
                        <td class="veto">{match lang {
                            Lang::Zh => format!("需核对记录 {findings} 条"),
                            Lang::En => format!("{findings} records to check"),
                        }}</td>
                    </tr>
                }).collect::<Vec<_>>()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Renders one slide.
pub(super) fn slide_view(
    slide: &Slide,
    card: &Scorecard,
    previous: Option<&Scorecard>,
    annual: Option<&Annual>,
    rules: &Rules,
    lang: Lang,
) -> AnyView {
    // The grade bands of the rules in force, not fixed numbers.
    let below_pass = |d: &DeptScore| d.grade == Some(Grade::Fail);
    let pass = Grade::Pass.floor(rules);
    match slide {
        Slide::Ranking(page, pages) => {
            let rows: Vec<&DeptScore> = card
                .departments
                .iter()
                .filter(|d| d.score.is_some())
                .skip(page * ROWS_PER_PAGE)
                .take(ROWS_PER_PAGE)
                .collect();
            let title = match lang {
                Lang::Zh => format!("综合排名（{}/{}）", page + 1, pages),
                Lang::En => format!("Overall ranking ({}/{})", page + 1, pages),
            };
            view! {
                <h2 class="p-title">{title}</h2>
                <table class="p-table">
                    {thead(move || lang, &[("num", "排名", "Rank"), ("", "部门", "Department"), ("", "分组", "Group"), ("num", "得分", "Score"), ("", "等级", "Grade"), ("num", "折算分", "Contrib."), ("", "否决", "Veto")])}
                    <tbody>
                        {rows.into_iter().map(|d| {
                            let grade = d.grade.map(|g| g.name(lang)).unwrap_or_default();
                            let low = below_pass(d);
                            view! {
                                <tr class:low=low>
                                    <td class="num">{d.rank.map(|r| r.to_string()).unwrap_or_default()}</td>
                                    <td class="name">{d.dept.clone()}</td>
                                    <td>{d.group.clone()}</td>
                                    <td class="num strong">{d.score.map(|s| format!("{s:.2}")).unwrap_or_default()}</td>
                                    <td>{grade}</td>
                                    <td class="num">{d.contribution.map(|c| format!("{c:.2}")).unwrap_or_default()}</td>
                                    <td class="veto">{(!d.vetoes.is_empty()).then_some("⚑ 否决")}</td>
                                </tr>
                            }
                        }).collect::<Vec<_>>()}
                    </tbody>
                </table>
            }
            .into_any()
        }
        Slide::Groups => {
            let group = |g: &str| {
                card.departments
                    .iter()
                    .filter(|d| d.group == g && d.score.is_some())
                    .cloned()
                    .collect::<Vec<_>>()
            };
            let column = |name: &'static str, members: Vec<DeptScore>| {
                let avg = (!members.is_empty()).then(|| {
                    members.iter().filter_map(|d| d.score).sum::<f64>() / members.len() as f64
                });
                let mut shown = members.clone();
                if shown.len() > LIST_LEN {
                    let tail = shown.split_off(shown.len() - LIST_LEN / 2);
                    shown.truncate(LIST_LEN / 2);
                    shown.extend(tail);
                }
                view! {
                    <div class="p-col">
                        <h3 class="p-sub">{format!("{name} · {} {}", members.len(), tr(lang, "个", "units"))}</h3>
                        {kpi_block(tr(lang, "平均得分", "Average score"), avg.map_or_else(|| "—".to_owned(), |a| format!("{a:.2}")))}
                        <div class="p-bars">
                            {shown.into_iter().map(|d| {
                                let s = d.score.unwrap_or_default();
                                let class = match d.grade { Some(Grade::Fail) => "low", Some(Grade::Excellent) => "high", _ => "mid" };
                                bar(format!("{} {}", d.group_rank.map(|r| format!("{r}.")).unwrap_or_default(), d.dept), s, format!("{s:.2}"), class)
                            }).collect::<Vec<_>>()}
                        </div>
                    </div>
                }
            };
            view! {
                <h2 class="p-title">{tr(lang, "镇（苏木）与旗直部门", "Towns and county departments")}</h2>
                <div class="p-cols">
                    {column(TOWN_GROUP, group(TOWN_GROUP))}
                    {column(DEPARTMENT_GROUP, group(DEPARTMENT_GROUP))}
                </div>
            }
            .into_any()
        }
        Slide::Timeliness => rates_slide(
            card,
            pass,
            lang,
            tr(
                lang,
                "及时性：主动公开、依申请、执法公示",
                "Timeliness: disclosure, requests, enforcement",
            )
            .to_owned(),
            &[
                Indicator::DisclosureTimeliness,
                Indicator::RequestTimeliness,
                Indicator::EnforcementTimeliness,
            ],
        ),
        Slide::Interpretation => rates_slide(
            card,
            pass,
            lang,
            tr(lang, "政策解读：谁起草谁解读", "Policy interpretation").to_owned(),
            &[
                Indicator::InterpretationCoverage,
                Indicator::InterpretationSync,
                Indicator::InterpretationForms,
            ],
        ),
        Slide::Response => rates_slide(
            card,
            pass,
            lang,
            tr(
                lang,
                "回应关切：舆情、留言、依申请",
                "Responses: opinions, messages, requests",
            )
            .to_owned(),
            &[
                Indicator::OpinionResponse,
                Indicator::MessageResponse,
                Indicator::RequestTimeliness,
            ],
        ),
        Slide::Attention => {
            let rows: Vec<&DeptScore> = card
                .departments
                .iter()
                .filter(|d| below_pass(d) || !d.vetoes.is_empty())
                .collect();
            let empty = rows.is_empty();
            view! {
                <h2 class="p-title">{match lang {
                    Lang::Zh => format!("需要关注：低于 {pass} 分（不合格）与单项否决"),
                    Lang::En => format!("Needs attention: below {pass} and vetoed"),
                }}</h2>
                {empty.then(|| view! { <p class="p-big">{tr(lang, "本期没有不合格或被否决的单位。", "No unit failed or was vetoed this period.")}</p> })}
                <table class="p-table">
                    <tbody>
                        {rows.into_iter().take(10).map(|d| {
                            let reasons = if d.vetoes.is_empty() {
                                match lang {
                                    Lang::Zh => format!("得分低于 {pass}"),
                                    Lang::En => format!("score below {pass}"),
                                }
                            } else {
                                d.vetoes.iter().map(|v| v.label(rules, lang)).collect::<Vec<_>>().join(lang.pick("；", "; "))
                            };
                            view! {
                                <tr class="low">
                                    <td class="name">{d.dept.clone()}</td>
                                    <td class="num strong">{d.score.map(|s| format!("{s:.2}")).unwrap_or_default()}</td>
                                    <td class="veto">{reasons}</td>
                                </tr>
                            }
                        }).collect::<Vec<_>>()}
                    </tbody>
                </table>
            }
            .into_any()
        }
        Slide::Improved => {
            let rows = previous.map(|p| improvements(card, p)).unwrap_or_default();
            view! {
                <h2 class="p-title">{tr(lang, "进步最快（与上一期相比）", "Most improved (against the previous period)")}</h2>
                <div class="p-bars">
                    {rows.into_iter().take(LIST_LEN).map(|(name, now, delta)| bar(name, now, format!("{now:.2}（{delta:+.2}）"), if delta >= 0.0 { "high" } else { "low" })).collect::<Vec<_>>()}
                </div>
            }
            .into_any()
        }
        Slide::Annual => annual_slide(annual, lang),
        Slide::Dept(name) => {
            let Some(d) = card.departments.iter().find(|d| &d.dept == name) else {
                return view! { <p/> }.into_any();
            };
            let headline = d.score.map_or_else(
                || tr(lang, "不参评", "unscored").to_owned(),
                |s| format!("{s:.2}"),
            );
            view! {
                <h2 class="p-title">{d.dept.clone()}</h2>
                <div class="p-kpis">
                    {kpi_block(tr(lang, "得分", "Score"), headline)}
                    {kpi_block(tr(lang, "排名", "Rank"), d.rank.map_or_else(|| "—".to_owned(), |r| r.to_string()))}
                    {kpi_block(tr(lang, "等级", "Grade"), d.grade.map_or_else(|| "—".to_owned(), |g| g.name(lang).to_owned()))}
                </div>
                <div class="p-bars">
                    {Indicator::ALL.iter().filter_map(|i| {
                        let s = d.indicators[i.index()]?;
                        let share = if s.points > 0.0 { 100.0 * s.earned / s.points } else { 0.0 };
                        Some(bar(i.name(lang).to_owned(), share, format!("{:.1}/{:.0}", s.earned, s.points), if share < pass { "low" } else { "mid" }))
                    }).collect::<Vec<_>>()}
                </div>
            }
            .into_any()
        }
    }
}
