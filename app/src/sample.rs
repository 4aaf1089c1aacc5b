//! The sample county (data/sample), so the dashboard is useful the moment
//! it opens. Its files are served beside the app (trunk copies them to
//! `sample/`) and fetched from the page's own origin at start: kept out of
//! the wasm, they no longer weigh on the first download, and the browser
//! caches them separately from the code.

use leptos::prelude::*;
use leptos::task::spawn_local;
use openness_core::import::InputFile;

use crate::browser::fetch_bytes;
use crate::loader::{self, Load};
use crate::state::AppState;

/// The sample's name, shown as the data source.
pub const SAMPLE_NAME: &str = "鄂托克前旗 2019（示例数据）";

/// The sample exports, as served under `sample/`.
const SAMPLE_FILES: [&str; 8] = [
    "部门名单.csv",
    "主动公开目录.csv",
    "政策解读.xlsx",
    "依申请公开登记.csv",
    "网民留言.txt",
    "政务舆情.json",
    "执法公示.csv",
    "网站栏目.csv",
];

/// Loads the sample county, showing `notes` when done.
pub fn load_sample(state: AppState, mut notes: Vec<String>) {
    spawn_local(async move {
        state.busy.set(Some(
            "正在载入示例数据 Loading the sample county…".to_owned(),
        ));
        let mut files = Vec::new();
        for name in SAMPLE_FILES {
            let url = format!(
                "sample/{}",
                String::from(js_sys::encode_uri_component(name))
            );
            match fetch_bytes(&url).await {
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
