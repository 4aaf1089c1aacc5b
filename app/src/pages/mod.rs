//! One file per page.

pub mod annual;
pub mod charts;
pub mod data;
pub mod present;
pub mod ranking;
pub mod rules;
pub mod selfcheck;
pub mod slides;

use leptos::prelude::*;

use crate::state::{Lang, tr};

/// A column heading: (class, 中文, English). The class is `"num"` for
/// right-aligned numbers, or empty.
pub type Heading = (&'static str, &'static str, &'static str);

/// A table's `<thead>`, its headings in the language `lang` gives.
pub fn thead(
    lang: impl Fn() -> Lang + Copy + Send + Sync + 'static,
    headings: &'static [Heading],
) -> impl IntoView {
    let cells = headings
        .iter()
        .map(|&(class, zh, en)| {
            let class = (!class.is_empty()).then_some(class);
            view! { <th class=class>{move || tr(lang(), zh, en)}</th> }
        })
        .collect::<Vec<_>>();
    view! { <thead><tr>{cells}</tr></thead> }
}
