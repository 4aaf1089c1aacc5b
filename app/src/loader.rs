//! Loading files without freezing the page.
//!
//! The core's [`Importer`] validates a slice of rows at a time; between
//! slices this module gives the browser its turn (to paint the progress
//! bar, run the spinner, answer a click), so even a million-row export
//! never leaves the tab unresponsive. Each slice is sized to take about
//! [`SLICE_MS`], measured, not guessed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use openness_core::import::{FileError, Import, Importer, InputFile, Limits};
use wasm_bindgen::{JsCast, JsValue};

use crate::browser::{forget_saved_files, save_files};
use crate::state::{AppState, Shared};

/// Target duration of one slice of import work, in milliseconds. Under
/// 50 ms the page still answers input promptly (a "long task" is 50 ms).
const SLICE_MS: f64 = 30.0;

/// Loaded files up to this size are kept for adding more files later.
const KEEP_BYTES: usize = 64 << 20;

/// The limits of one file in the browser.
pub const LIMITS: Limits = Limits::BROWSER;

/// Milliseconds since the page started, to sub-millisecond precision.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Gives the browser a turn: `scheduler.yield()` where the browser has it
/// (it resumes ahead of other queued tasks), else a zero-delay timeout.
pub async fn yield_now() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let scheduler = js_sys::Reflect::get(&window, &JsValue::from_str("scheduler")).ok();
    let yielded = scheduler.as_ref().and_then(|s| {
        let f = js_sys::Reflect::get(s, &JsValue::from_str("yield")).ok()?;
        let f: &js_sys::Function = f.dyn_ref()?;
        f.call0(s).ok()?.dyn_into::<js_sys::Promise>().ok()
    });
    let promise = yielded.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Imports `files` a slice at a time, reporting progress (0..=1) between slices.
pub async fn import_in_slices(files: Vec<InputFile>, mut progress: impl FnMut(f64)) -> Import {
    let mut importer = Importer::new(files, &LIMITS);
    let mut slice = 20_000_usize;
    loop {
        let started = now();
        if importer.step(slice) {
            break;
        }
        let took = (now() - started).max(0.5);
        // Move the slice size towards SLICE_MS, at most doubling at a time.
        let scaled = slice as f64 * (SLICE_MS / took).min(2.0);
        slice = scaled.clamp(500.0, 2_000_000.0) as usize;
        progress(importer.progress().fraction());
        yield_now().await;
    }
    importer.finish()
}

/// What to load and how.
#[derive(Debug)]
pub struct Load {
    /// The files (all of them: when adding, the earlier files too).
    pub files: Vec<InputFile>,
    /// Files over the size limit, never read.
    pub too_large: Vec<FileError>,
    /// The name shown in titles.
    pub name: String,
    /// Notes to show when done (skipped files …).
    pub notes: Vec<String>,
    /// Keep the files on this device (local storage) when they fit.
    pub save: bool,
}

/// Imports `load` in the background with a progress bar, then shows it.
/// A newer load started meanwhile wins; this one's result is dropped.
pub fn start(state: AppState, load: Load) {
    let generation = state.load_generation.get_untracked() + 1;
    state.load_generation.set(generation);
    spawn_local(async move {
        run(state, load, generation).await;
    });
}

/// Runs a load to the end; returns false when a newer load replaced it.
pub async fn run(state: AppState, load: Load, generation: u64) -> bool {
    let Load {
        mut files,
        too_large,
        name,
        mut notes,
        save,
    } = load;
    let mb = files.iter().map(InputFile::len).sum::<usize>() as f64 / 1e6;
    state
        .busy
        .set(Some(format!("正在导入 Importing {mb:.1} MB…")));
    state.progress.set(Some(0.0));
    // Let the browser paint the bar before the first slice.
    yield_now().await;
    // Files are kept (for "add to the loaded data") only when small: a
    // second copy of a 100 MB export would double the tab's memory.
    let total: usize = files.iter().map(InputFile::len).sum();
    let keep = total <= KEEP_BYTES;
    let to_import = if keep {
        files.clone()
    } else {
        std::mem::take(&mut files)
    };
    let mut imported = import_in_slices(to_import, |p| {
        if state.load_generation.get_untracked() == generation {
            state.progress.set(Some(p));
        }
    })
    .await;
    if state.load_generation.get_untracked() != generation {
        return false;
    }
    for e in too_large {
        imported.report.add_error(e);
    }
    if save {
        // Small data is kept on this device; larger data replaces nothing
        // stale: what was saved before is cleared.
        let saved = keep && save_files(&name, &files);
        if !saved {
            forget_saved_files();
            notes.push(
                "数据较大，仅在本次会话中保留（未保存到本机）。Large data is kept for this session only."
                    .to_owned(),
            );
        }
    }
    state.source_name.set(name);
    state.files.set(Shared::new(files));
    if !keep {
        notes.push(format!(
            "数据超过 {} MB，未在内存中另存副本：追加文件时会从原文件重新读取（请勿移动或删除它们）。Over {} MB, no second copy is kept in memory: adding files reads these again from where they are (do not move or delete them).",
            KEEP_BYTES >> 20,
            KEEP_BYTES >> 20
        ));
    }
    state.imported.set(Shared::new(imported));
    if !notes.is_empty() {
        let earlier = state.notice.get_untracked();
        state.notice.set(Some(
            earlier
                .into_iter()
                .chain(notes)
                .collect::<Vec<_>>()
                .join(" "),
        ));
    }
    state.progress.set(None);
    state.busy.set(None);
    true
}
