//! Application state: one small set of signals, provided through context,
//! with every derived value a `Memo` over pure core functions.

use std::sync::Arc;

use leptos::prelude::*;
use openness_core::annual::{Annual, annual as fill_annual, default_year};
use openness_core::date::Date;
use openness_core::import::{Import, InputFile, import};
use openness_core::prepared::{Prepared, score_windows};
use openness_core::rules::Rules;
use openness_core::score::{Scorecard, Window, WindowError};

/// A shared value compared by identity, so memos over large data are cheap.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }
}

/// The scoring period, its windows and the months inside (in the core).
pub use openness_core::period::{Period, data_years, month_windows};

/// UI language: the core's, so labels it writes (veto reasons, grades,
/// export headers) follow the page.
pub use openness_core::lang::Lang;

/// Picks the text of the current language.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The page shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Leadership view: KPIs and the ranking.
    Ranking,
    /// 部门自查: one department's lost points.
    SelfCheck,
    /// Charts.
    Charts,
    /// Loading files and the import report.
    Data,
    /// Window and rules.
    Rules,
    /// 年报统计: the annual report's statistical tables.
    Annual,
}

impl View {
    /// Every view, in menu order.
    pub const ALL: [View; 6] = [
        View::Ranking,
        View::SelfCheck,
        View::Charts,
        View::Annual,
        View::Data,
        View::Rules,
    ];

    /// The URL key.
    pub fn key(self) -> &'static str {
        match self {
            View::Ranking => "ranking",
            View::SelfCheck => "selfcheck",
            View::Charts => "charts",
            View::Data => "data",
            View::Rules => "rules",
            View::Annual => "annual",
        }
    }

    /// The view with this URL key.
    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }

    /// The menu label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            View::Ranking => tr(lang, "考评排名", "Ranking"),
            View::SelfCheck => tr(lang, "部门自查", "Self-check"),
            View::Charts => tr(lang, "统计图表", "Charts"),
            View::Data => tr(lang, "数据导入", "Data"),
            View::Rules => tr(lang, "窗口与规则", "Window & rules"),
            View::Annual => tr(lang, "年报统计", "Annual report"),
        }
    }
}

/// Everything the pages read and write.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The loaded files (bytes stay in the browser).
    pub files: RwSignal<Shared<Vec<InputFile>>>,
    /// Where the data came from, for titles.
    pub source_name: RwSignal<String>,
    /// The rules.
    pub rules: RwSignal<Rules>,
    /// The scoring period.
    pub period: RwSignal<Period>,
    /// The as-of date, when not the window's end.
    pub as_of: RwSignal<Option<Date>>,
    /// UI language.
    pub lang: RwSignal<Lang>,
    /// The page shown.
    pub view: RwSignal<View>,
    /// The department being self-checked.
    pub dept: RwSignal<Option<String>>,
    /// Group filter of the ranking (`None` = all).
    pub group: RwSignal<Option<String>>,
    /// A message about work in progress (loading files).
    pub busy: RwSignal<Option<String>>,
    /// Progress of the import under way, 0..=1.
    pub progress: RwSignal<Option<f64>>,
    /// Counts loads started, so a slow load that a newer one replaced is dropped.
    pub load_generation: RwSignal<u64>,
    /// A message to show once (errors from loading rules, storage …).
    pub notice: RwSignal<Option<String>>,
    /// Projection mode (投屏) is on.
    pub present: RwSignal<bool>,
    /// Projection settings.
    pub present_options: RwSignal<crate::pages::present::PresentOptions>,
    /// The import of `files` (set when a load finishes).
    pub imported: RwSignal<Shared<Import>>,
    /// The window, or why it cannot be formed.
    pub window: Memo<Result<Window, WindowError>>,
    /// The disclosure columns of `imported`, for fast re-scoring.
    pub prepared: Memo<Shared<Prepared>>,
    /// The scorecards of the window and then of each month in it (for the
    /// trend chart), scored together in one pass over the records.
    pub scores: Memo<Option<Shared<Vec<Scorecard>>>>,
    /// The scorecard of the window.
    pub scorecard: Memo<Option<Shared<Scorecard>>>,
    /// The year of the annual-report tables (`None`: the default year).
    pub annual_year: RwSignal<Option<i32>>,
    /// The unit whose annual tables are shown (`None`: the county).
    pub annual_unit: RwSignal<Option<String>>,
    /// The annual-report tables of that year (RULES §7).
    pub annual: Memo<Option<Shared<Annual>>>,
}

impl AppState {
    /// Builds the state over `files`.
    pub fn new(files: Vec<InputFile>, source_name: String) -> AppState {
        let files = RwSignal::new(Shared::new(files));
        let rules = RwSignal::new(Rules::default());
        let period = RwSignal::new(Period::Auto);
        let as_of = RwSignal::new(None);
        let imported = RwSignal::new(Shared::new(import(
            files.get_untracked().0.as_ref().clone(),
        )));
        let window = Memo::new(move |_| {
            let data = imported.get();
            rules.with(|r| period.get().window(&data.0.data, r, as_of.get()))
        });
        let prepared = Memo::new(move |_| Shared::new(Prepared::new(&imported.get().0.data)));
        let scores = Memo::new(move |_| {
            let w = window.get().ok()?;
            let data = imported.get();
            let prepared = prepared.get();
            let windows: Vec<Window> = std::iter::once(w).chain(month_windows(w)).collect();
            Some(Shared::new(rules.with(|r| {
                score_windows(&data.0.data, &prepared.0, r, &windows)
            })))
        });
        let scorecard = Memo::new(move |_| {
            let scores = scores.get()?;
            scores.0.first().cloned().map(Shared::new)
        });
        let annual_year = RwSignal::new(None);
        let annual = Memo::new(move |_| {
            let data = imported.get();
            let year = annual_year
                .get()
                .or_else(|| rules.with(|r| default_year(&data.0.data, r)))?;
            Some(Shared::new(fill_annual(&data.0.data, year)))
        });
        AppState {
            files,
            source_name: RwSignal::new(source_name),
            rules,
            period,
            as_of,
            lang: RwSignal::new(Lang::Zh),
            view: RwSignal::new(View::Ranking),
            dept: RwSignal::new(None),
            group: RwSignal::new(None),
            busy: RwSignal::new(None),
            progress: RwSignal::new(None),
            load_generation: RwSignal::new(0),
            notice: RwSignal::new(None),
            present: RwSignal::new(false),
            present_options: RwSignal::new(crate::pages::present::PresentOptions::default()),
            imported,
            window,
            prepared,
            scores,
            scorecard,
            annual_year,
            annual_unit: RwSignal::new(None),
            annual,
        }
    }
}
