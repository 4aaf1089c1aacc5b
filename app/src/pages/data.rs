//! 数据导入: load exports (drag and drop or pick, several at once), and the
//! import report with every rejected row and dropped personal-data column.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use openness_core::import::{InputFile, is_importable_name};

use crate::browser::{forget_everything, read_file};
use crate::loader::{self, LIMITS, Load};
use crate::pages::thead;
use crate::sample::load_sample;
use crate::state::{AppState, Lang, tr};

thread_local! {
    /// The files the user picked for the data shown, as the browser's
    /// handles (they hold no bytes). A load too large to keep a copy of in
    /// memory is read from them again when files are added to it, so the
    /// user need not pick the earlier files again.
    static PICKED: RefCell<Vec<web_sys::File>> = const { RefCell::new(Vec::new()) };
}

/// Forgets the picked files (the sample or nothing replaced them).
pub fn forget_picked() {
    PICKED.with(|p| p.borrow_mut().clear());
}

/// The earlier data's files for "add": the copy in memory, or, when the
/// load was too large to keep one, the picked files read again.
async fn earlier_files(state: AppState, notes: &mut Vec<String>) -> Vec<InputFile> {
    let kept = state.files.get_untracked().0.as_ref().clone();
    if !kept.is_empty() {
        return kept;
    }
    let handles = PICKED.with(|p| p.borrow().clone());
    let mut again = Vec::new();
    for (i, file) in handles.into_iter().enumerate() {
        let name = file.name();
        state.busy.set(Some(format!(
            "正在重新读取先前的文件 Reading the earlier files again {}: {name}",
            i + 1
        )));
        match read_file(file).await {
            Ok(file) => again.push(file),
            Err(e) => notes.push(format!(
                "先前的文件 {name} 无法再次读取（已移动或删除？），请与新文件一起重新选择。The earlier file {name} cannot be read again (moved or deleted?): pick it again with the new ones. ({e})"
            )),
        }
    }
    again
}

/// Reads browser files and loads them, replacing or adding to the data.
/// A file over the size limit is reported and never read into memory.
fn load(state: AppState, list: &web_sys::FileList, add: bool) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    spawn_local(async move {
        let total = files.len();
        let mut read = Vec::new();
        let mut picked = Vec::new();
        let mut too_large = Vec::new();
        let mut skipped = Vec::new();
        for (i, file) in files.into_iter().enumerate() {
            let name = file.name();
            if !is_importable_name(&name) {
                skipped.push(name);
                continue;
            }
            if let Err(e) = LIMITS.check_size(&name, file.size() as u64) {
                too_large.push(e);
                continue;
            }
            picked.push(file.clone());
            state.busy.set(Some(format!(
                "正在读取 Reading {}/{}: {} ({:.1} MB)",
                i + 1,
                total,
                name,
                file.size() / 1e6
            )));
            match read_file(file).await {
                Ok(file) => read.push(file),
                Err(e) => skipped.push(format!("{name}: {e}")),
            }
        }
        let mut notes = Vec::new();
        let mut all = if add {
            earlier_files(state, &mut notes).await
        } else {
            Vec::new()
        };
        all.extend(read);
        PICKED.with(|p| {
            let mut p = p.borrow_mut();
            if !add {
                p.clear();
            }
            p.extend(picked);
        });
        let name = if add {
            format!("{} + {}", state.source_name.get_untracked(), total)
        } else {
            all.iter()
                .map(|f| f.path.clone())
                .chain(too_large.iter().map(|e| e.path.clone()))
                .collect::<Vec<_>>()
                .join("、")
        };
        if !skipped.is_empty() {
            notes.push(format!(
                "未导入（不支持的文件类型）Not imported: {}",
                skipped.join("、")
            ));
        }
        if !too_large.is_empty() {
            notes.push(format!(
                "文件过大，未读取（见导入报告）Too large, not read (see the import report): {}",
                too_large
                    .iter()
                    .map(|e| e.path.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ));
        }
        loader::start(
            state,
            Load {
                files: all,
                too_large,
                name,
                notes,
                save: true,
            },
        );
    });
}

/// The data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let add = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(list) = input.files() {
            load(state, &list, add.get_untracked());
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            load(state, &list, add.get_untracked());
        }
    };
    let reload_sample = move |_| {
        forget_everything();
        load_sample(state, Vec::new());
    };
    let forget = move |_| {
        forget_everything();
        state.rules.set(openness_core::rules::Rules::default());
        load_sample(
            state,
            vec![
                tr(
                    lang.get_untracked(),
                    "已清除本机保存的全部数据和规则。",
                    "Everything saved on this device was deleted.",
                )
                .to_owned(),
            ],
        );
    };
    view! {
        <div
            class="dropzone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <p class="big">{move || tr(lang.get(), "把导出的表格拖到这里，或", "Drop exported tables here, or")}</p>
            <label class="button primary">
                {move || tr(lang.get(), "选择文件（可多选）", "Choose files (several at once)")}
                <input id="file-input" type="file" multiple accept=".csv,.tsv,.txt,.xlsx,.xls,.json" on:change=on_pick />
            </label>
            <p>{move || tr(lang.get(), "支持 CSV（UTF-8/GBK/UTF-16）、Excel（XLSX/XLS）、JSON。数据只在本浏览器中处理，不会上传。", "CSV (UTF-8/GBK/UTF-16), Excel (XLSX/XLS) and JSON. Data is processed in this browser only and never uploaded.")}</p>
            <label><input type="checkbox" id="add-files" prop:checked=move || add.get() on:change=move |ev| add.set(event_target_checked(&ev)) />
                {move || tr(lang.get(), " 添加到现有数据（不勾选则替换）", " Add to the loaded data (otherwise replace)")}</label>
        </div>
        <div class="toolbar">
            <button on:click=reload_sample>{move || tr(lang.get(), "载入示例数据", "Load the sample county")}</button>
            <button class="danger" id="forget" on:click=forget>{move || tr(lang.get(), "清除本机保存的一切", "Forget everything")}</button>
        </div>
        <h2>{move || tr(lang.get(), "导入报告", "Import report")}</h2>
        <table class="report" id="import-report">
            {thead(move || lang.get(), &[("", "文件", "File"), ("", "类型", "Kind"), ("", "编码", "Encoding"), ("num", "行数", "Rows"), ("num", "接受", "Accepted"), ("num", "拒绝", "Rejected"), ("num", "警告", "Warnings"), ("", "已删除个人信息列", "Personal data dropped")])}
            <tbody>
                {move || {
                    let imported = state.imported.get();
                    let l = lang.get();
                    imported.0.report.files.iter().map(|f| view! {
                        <tr>
                            <td>{f.path.clone()}</td>
                            <td>{match l { Lang::Zh => f.kind.name_zh(), Lang::En => f.kind.key() }}</td>
                            <td>{f.encoding.clone()}</td>
                            <td class="num">{f.rows}</td>
                            <td class="num">{f.accepted}</td>
                            <td class={if f.rejected > 0 { "num bad" } else { "num" }}>{f.rejected}</td>
                            <td class="num">{f.warnings}</td>
                            <td>{f.dropped_columns.join("、")}</td>
                        </tr>
                    }).collect::<Vec<_>>()
                }}
            </tbody>
        </table>
        <ul class="file-errors" id="file-errors">
            {move || {
                let l = lang.get();
                state.imported.get().0.report.errors.iter().map(|e| view! { <li class="error">{format!("{}{}{}", e.path, l.pick("：", ": "), e.message(l))}</li> }).collect::<Vec<_>>()
            }}
        </ul>
        <h3>{move || tr(lang.get(), "被拒绝的行与警告", "Rejected rows and warnings")}</h3>
        // A table only when there is something to list.
        <Show
            when=move || state.imported.with(|i| i.0.report.files.iter().any(|f| !f.issues.is_empty()))
            fallback=move || view! { <p id="no-issues">{move || {
                let l = lang.get();
                if state.imported.with(|i| i.0.report.files.is_empty()) {
                    tr(l, "没有读入任何表格。", "No table was read.")
                } else {
                    tr(l, "没有被拒绝的行，也没有警告：每一行都已读入。", "No rejected rows and no warnings: every row was read.")
                }
            }}</p> }
        >
        <table class="issues" id="issues">
            {thead(move || lang.get(), &[("", "文件", "File"), ("num", "行", "Row"), ("", "列", "Column"), ("", "值", "Value"), ("", "处理", "Outcome"), ("", "原因", "Reason")])}
            <tbody>
                {move || {
                    let imported = state.imported.get();
                    let l = lang.get();
                    imported.0.report.files.iter().flat_map(|f| {
                        let path = f.path.clone();
                        f.issues.iter().take(500).map(move |i| view! {
                            <tr class={if i.rejected { "issue rejected" } else { "issue" }}>
                                <td>{path.clone()}</td>
                                <td class="num">{i.row}</td>
                                <td>{i.column.clone()}</td>
                                <td><code>{i.value.clone()}</code></td>
                                <td>{if i.rejected { tr(l, "整行拒绝", "row rejected") } else { tr(l, "值忽略", "value ignored") }}</td>
                                <td>{match l { Lang::Zh => i.problem.message_zh(), Lang::En => i.problem.to_string() }}</td>
                            </tr>
                        })
                    }).collect::<Vec<_>>()
                }}
            </tbody>
        </table>
        </Show>
    }
}
