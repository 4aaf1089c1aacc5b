//! The sample county (data/sample), so the dashboard is useful the moment
//! it opens. The served site has its files beside the app as
//! `sample/1.bin`, `sample/2.bin`, … (ASCII names with an extension every
//! web server serves; scripts/site.py copies them) and fetches them from
//! its own origin at start: kept out of the wasm, they do not weigh on the
//! first download. The single offline file carries them inline, as
//! `<script type="application/octet-stream" class="openness-sample">`
//! elements of base64, since a `file://` page can fetch nothing.

use base64::Engine as _;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openness_core::import::InputFile;

use crate::browser::fetch_bytes;
use crate::loader::{self, Load};
use crate::state::AppState;

/// The sample's name, shown as the data source.
pub const SAMPLE_NAME: &str = "鄂托克前旗 2019（示例数据）";

/// The sample's file names in load order, one a line (`#` starts a comment).
const SAMPLE_LIST: &str = include_str!("../../data/sample/sample.list");

fn sample_files() -> impl Iterator<Item = &'static str> {
    SAMPLE_LIST
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The `index`th (from 1) sample file inlined in the page, if this is the single file.
fn inlined(index: usize) -> Option<Result<Vec<u8>, String>> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("script.openness-sample[data-index=\"{index}\"]"))
        .ok()??;
    let text = element.text_content().unwrap_or_default();
    Some(
        base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .map_err(|e| format!("inline sample {index}: {e}")),
    )
}

/// Loads the sample county, showing `notes` when done.
pub fn load_sample(state: AppState, mut notes: Vec<String>) {
    crate::pages::data::forget_picked();
    // Set before the first render, so the page says it is loading rather
    // than that the (not yet loaded) data has no dates.
    state.busy.set(Some(
        "正在载入示例数据 Loading the sample county…".to_owned(),
    ));
    spawn_local(async move {
        let mut files = Vec::new();
        for (i, name) in sample_files().enumerate() {
            let bytes = match inlined(i + 1) {
                Some(bytes) => bytes,
                None => fetch_bytes(&format!("sample/{}.bin", i + 1)).await,
            };
            match bytes {
                Ok(bytes) => files.push(InputFile::new(name, bytes)),
                Err(e) => notes.push(format!("示例文件无法载入 Sample file not loaded: {e}")),
            }
        }
        loader::start(
            state,
            Load {
                files,
                too_large: Vec::new(),
                name: SAMPLE_NAME.to_owned(),
                notes,
                save: false,
            },
        );
    });
}
