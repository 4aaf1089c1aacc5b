//! The few browser services the app uses: downloads, the URL query, and
//! local storage. Everything stays on this device; nothing is sent anywhere.

use base64::Engine as _;
use gloo_storage::{LocalStorage, Storage};
use openness_core::import::{InputFile, TextIntake};
use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(|e| format!("{e:?}"))?;
    Ok(())
}

/// Copies the element with id `id` to the clipboard as the browser
/// renders it (HTML with its table layout, and plain text), the way a
/// user's selection and Ctrl+C would: a word processor pastes it as a
/// table. `execCommand` works in every kernel the offices run, down to
/// Chromium 86, where the asynchronous clipboard cannot write HTML.
pub fn copy_element(id: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let element = document.get_element_by_id(id).ok_or("nothing to copy")?;
    let selection = window
        .get_selection()
        .ok()
        .flatten()
        .ok_or("no selection")?;
    let range = document.create_range().map_err(|e| format!("{e:?}"))?;
    range
        .select_node_contents(&element)
        .map_err(|e| format!("{e:?}"))?;
    let _ = selection.remove_all_ranges();
    selection.add_range(&range).map_err(|e| format!("{e:?}"))?;
    let html: web_sys::HtmlDocument = document.dyn_into().map_err(|_| "not an HTML document")?;
    let copied = html.exec_command("copy").unwrap_or(false);
    let _ = selection.remove_all_ranges();
    if copied {
        Ok(())
    } else {
        Err("copy refused".to_owned())
    }
}

/// A file the browser read, as the import takes it. UTF-8 text (nearly
/// every export) is copied into wasm memory a mebibyte at a time straight
/// into its text ([`TextIntake`]), so a 110 MB export never has its bytes
/// and its text in wasm memory together; anything else is copied whole.
pub fn input_file(name: String, buffer: &js_sys::ArrayBuffer) -> InputFile {
    let array = js_sys::Uint8Array::new(buffer);
    let len = array.length();
    let mut from = 0_u32;
    let read = |piece: &mut [u8]| {
        let to = from
            .saturating_add(u32::try_from(piece.len()).unwrap_or(u32::MAX))
            .min(len);
        array
            .subarray(from, to)
            .copy_to(&mut piece[..(to - from) as usize]);
        let n = (to - from) as usize;
        from = to;
        Ok::<_, std::convert::Infallible>(n)
    };
    let Ok(taken) = TextIntake::read(name.clone(), len as usize, read);
    taken.unwrap_or_else(|| InputFile::new(name, array.to_vec()))
}

/// Reads a file the user picked ([`input_file`]).
pub async fn read_file(file: web_sys::File) -> Result<InputFile, String> {
    let name = file.name();
    let buffer = gloo_file::futures::read_as_array_buffer(&gloo_file::File::from(file))
        .await
        .map_err(|e| e.to_string())?;
    Ok(input_file(name, &buffer))
}

/// The bytes at `url` on the page's own origin (the CSP allows no other).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    fetch_buffer(url)
        .await
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
}

/// The bytes at `url`, left in the browser's memory.
pub async fn fetch_buffer(url: &str) -> Result<js_sys::ArrayBuffer, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("{url}: {e:?}"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = response.array_buffer().map_err(|e| format!("{e:?}"))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer)
        .await
        .map_err(|e| format!("{e:?}"))?;
    buffer
        .dyn_into()
        .map_err(|_| format!("{url}: not an array buffer"))
}

/// The page's query string as key/value pairs.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    parse_query(&search)
}

/// `?a=1&b=%E6%97%97` as key/value pairs, `+` as a space; a malformed
/// escape is kept as written.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// `+` as a space, then percent-decoding; the text as written when it is
/// not valid.
fn decode(s: &str) -> String {
    let s = s.replace('+', " ");
    openness_core::text::percent_decode(&s).unwrap_or(s)
}

fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// Replaces the query string without reloading or adding history entries.
pub fn set_query(pairs: &[(&str, String)]) {
    let query: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.join("&"))
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

const RULES_KEY: &str = "openness.rules.toml";
const FILES_KEY: &str = "openness.files";
/// Local storage holds about 5 MB; larger data is kept for the session only.
const MAX_STORED_BYTES: usize = 3_000_000;

/// Saves the rules file locally.
pub fn save_rules(toml: &str) {
    let _ = LocalStorage::set(RULES_KEY, toml);
}

/// The locally saved rules file, if any.
pub fn load_rules() -> Option<String> {
    LocalStorage::get(RULES_KEY).ok()
}

/// Saves the loaded files locally when they fit; returns whether they did.
pub fn save_files(name: &str, files: &[InputFile]) -> bool {
    let total: usize = files.iter().map(InputFile::len).sum();
    if total > MAX_STORED_BYTES {
        LocalStorage::delete(FILES_KEY);
        return false;
    }
    let b64 = base64::engine::general_purpose::STANDARD;
    let list: Vec<serde_json::Value> = files
        .iter()
        .map(|f| serde_json::json!({"path": f.path, "bytes": b64.encode(f.bytes())}))
        .collect();
    LocalStorage::set(FILES_KEY, serde_json::json!({"name": name, "files": list})).is_ok()
}

/// What local storage held: the files, or a message when it was corrupt.
pub enum Stored {
    /// Nothing saved.
    Nothing,
    /// Saved files and their source name.
    Files(String, Vec<InputFile>),
    /// The saved data could not be read; it was discarded.
    Corrupt(String),
}

/// The locally saved files.
pub fn load_files() -> Stored {
    let Ok(value) = LocalStorage::get::<serde_json::Value>(FILES_KEY) else {
        return if LocalStorage::raw()
            .get_item(FILES_KEY)
            .ok()
            .flatten()
            .is_some()
        {
            LocalStorage::delete(FILES_KEY);
            Stored::Corrupt("本地保存的数据已损坏，已丢弃。".to_owned())
        } else {
            Stored::Nothing
        };
    };
    let b64 = base64::engine::general_purpose::STANDARD;
    let name = value["name"].as_str().unwrap_or_default().to_owned();
    let files: Option<Vec<InputFile>> = value["files"].as_array().and_then(|list| {
        list.iter()
            .map(|f| {
                Some(InputFile::new(
                    f["path"].as_str()?,
                    b64.decode(f["bytes"].as_str()?).ok()?,
                ))
            })
            .collect()
    });
    match files {
        Some(files) if !files.is_empty() => Stored::Files(name, files),
        _ => {
            LocalStorage::delete(FILES_KEY);
            Stored::Corrupt("本地保存的数据已损坏，已丢弃。".to_owned())
        }
    }
}

/// Forgets the files saved on this device (the rules stay).
pub fn forget_saved_files() {
    LocalStorage::delete(FILES_KEY);
}

/// Forgets everything saved on this device.
pub fn forget_everything() {
    LocalStorage::delete(FILES_KEY);
    LocalStorage::delete(RULES_KEY);
}

/// Renders an SVG document to a PNG at `scale`× and offers it as a download.
pub fn download_svg_as_png(name: &str, svg: &str, scale: f64) -> Result<(), String> {
    use wasm_bindgen::closure::Closure;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let array = js_sys::Uint8Array::from(svg.as_bytes());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(
        &js_sys::Array::of1(&array),
        &options,
    )
    .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let image = web_sys::HtmlImageElement::new().map_err(|e| format!("{e:?}"))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a canvas".to_owned())?;
    let name = name.to_owned();
    let loaded = image.clone();
    let onload = Closure::once_into_js(move || {
        let (w, h) = (
            f64::from(loaded.natural_width()) * scale,
            f64::from(loaded.natural_height()) * scale,
        );
        canvas.set_width(w as u32);
        canvas.set_height(h as u32);
        if let Ok(Some(ctx)) = canvas.get_context("2d")
            && let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>()
        {
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, w, h);
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w, h);
        }
        let _ = web_sys::Url::revoke_object_url(&loaded.src());
        if let Ok(data) = canvas.to_data_url_with_type("image/png") {
            let b64 = data.split_once(',').map_or("", |(_, b)| b);
            if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(b64) {
                let _ = download(&name, "image/png", &bytes);
            }
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_query;

    #[test]
    fn queries_decode_like_the_browser() {
        let pairs = parse_query(
            "?view=selfcheck&dept=%E6%97%97%E8%83%BD%E6%BA%90%E5%B1%80&q=a+b&flag&bad=%E6%97",
        );
        let want = [
            ("view", "selfcheck"),
            ("dept", "旗能源局"),
            ("q", "a b"),
            ("flag", ""),
            ("bad", "%E6%97"),
        ];
        let got: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(got, want);
        assert!(parse_query("").is_empty());
        assert_eq!(parse_query("?x=%zz")[0].1, "%zz");
    }
}
