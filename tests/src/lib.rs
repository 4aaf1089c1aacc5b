//! A small WebDriver harness for the dashboard's end-to-end tests.
//!
//! It serves the packaged site (`target/package/openness-dashboard/`,
//! written by scripts/package.sh) under the sub-path [`BASE`], as an
//! intranet portal would, from a local static server that answers nothing
//! outside it; starts `chromedriver`, and opens headless Chromium sessions. WebDriver
//! is JSON over HTTP on loopback, so a blocking `TcpStream` client is all
//! it takes; the harness depends on nothing but `serde_json`.
//!
//! Every helper panics with a message on failure: this is test code.
#![allow(
    clippy::missing_panics_doc,
    reason = "test harness: panicking is how it fails a test"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Where the tests save their screenshots (named in the README).
pub fn screenshot_dir() -> PathBuf {
    root().join("target").join("e2e-screenshots")
}

/// The sub-path the site is served under: every URL the page uses must be
/// relative for it to load there.
pub const BASE: &str = "/apps/openness/";

/// The packaged static site.
pub fn site_dir() -> PathBuf {
    root()
        .join("target")
        .join("package")
        .join("openness-dashboard")
}

/// The packaged single file, as a `file://` URL.
pub fn single_file_url() -> String {
    let path = root()
        .join("target")
        .join("package")
        .join("openness-dashboard.html");
    assert!(
        path.exists(),
        "{} is missing: run scripts/package.sh first (scripts/test.sh does)",
        path.display()
    );
    let path = std::fs::canonicalize(&path).expect("absolute path");
    format!("file://{}", path.display())
}

/// A static file server over the site on an ephemeral loopback port,
/// under [`BASE`], that records every path requested.
#[derive(Debug)]
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub origin: String,
    /// Every request line's path, in order.
    pub requests: Arc<Mutex<Vec<String>>>,
}

fn mime(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn serve_one(mut stream: TcpStream, dist: &Path, requests: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut line = String::new();
    // Chromium opens speculative connections and may close them unused:
    // no request line, nothing to record.
    if reader.read_line(&mut line).is_err() || line.trim().is_empty() {
        return;
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).map_or(true, |n| n == 0) || header.trim().is_empty() {
            break;
        }
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    requests.lock().map(|mut r| r.push(path.clone())).ok();
    let raw = path.split('?').next().unwrap_or("/");
    // The sample's file names are Chinese, escaped in the URL.
    let decoded = openness_core::text::percent_decode(raw).unwrap_or_else(|| raw.to_owned());
    // Nothing outside the sub-path exists, as on a portal hosting the app.
    let file = match decoded.strip_prefix(BASE) {
        Some("") => Some("index.html"),
        Some(f) if !f.contains("..") => Some(f),
        _ => None,
    };
    let (status, body, kind) = match file.map(|f| (f, std::fs::read(dist.join(f)))) {
        Some((f, Ok(body))) => ("200 OK", body, mime(f)),
        _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&body));
}

/// Asserts that the test server was asked only for the app's own files
/// under [`BASE`] (the page, its wasm/js/css, the sample county): nothing
/// else was fetched, and nothing at the server's root.
pub fn assert_only_own_files_served() {
    let served = server()
        .requests
        .lock()
        .map(|r| r.clone())
        .unwrap_or_default();
    assert!(
        served.iter().all(|p| p == "/favicon.ico"
            || p.strip_prefix(BASE).is_some_and(|f| f.is_empty()
                || f.starts_with('?')
                || f.starts_with("index.html")
                || f.starts_with("legacy.html")
                || f.starts_with("openness-app")
                || f.starts_with("main")
                || f.starts_with("sample/"))),
        "{served:?}"
    );
}

/// The one server of this test process.
pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let dist = site_dir();
        assert!(
            dist.join("index.html").exists() && dist.join("legacy.html").exists(),
            "{} is missing: run scripts/package.sh first (scripts/test.sh does)",
            dist.display()
        );
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let origin = format!("http://{}", listener.local_addr().expect("address"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let dist = dist.clone();
                let log = Arc::clone(&log);
                std::thread::spawn(move || serve_one(stream, &dist, &log));
            }
        });
        Server { origin, requests }
    })
}

/// The chromedriver process of this test process.
struct Driver {
    port: u16,
    _child: Child,
}

fn driver() -> &'static Mutex<Driver> {
    static DRIVER: OnceLock<Mutex<Driver>> = OnceLock::new();
    DRIVER.get_or_init(|| {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        let child = Command::new(
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned()),
        )
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts (apt-get install chromium-driver)");
        // Recorded so that scripts/test.sh stops this chromedriver, and no other.
        let pids = root().join("target").join("e2e-chromedriver.pids");
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(pids)
        {
            let _ = writeln!(f, "{}", child.id());
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Mutex::new(Driver {
            port,
            _child: child,
        })
    })
}

fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to chromedriver");
    stream.set_read_timeout(Some(Duration::from_mins(2))).ok();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .expect("send to chromedriver");
    // Read the head, then exactly Content-Length bytes (chromedriver may
    // keep the connection open).
    let mut reader = BufReader::new(stream);
    let mut length = None;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line).expect("read from chromedriver");
        if n == 0 || line.trim().is_empty() {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse::<usize>().ok();
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let body = if let Some(n) = length {
        let mut body = vec![0; n];
        reader.read_exact(&mut body).expect("read the body");
        body
    } else {
        let mut body = Vec::new();
        reader.read_to_end(&mut body).expect("read the body");
        if chunked { dechunk(&body) } else { body }
    };
    // Decoded once the body is whole: a chunk may end inside a character.
    let payload = String::from_utf8_lossy(&body);
    serde_json::from_str(&payload)
        .unwrap_or_else(|e| panic!("chromedriver answered non-JSON ({e}): {payload:.300}"))
}

/// The body of a chunked HTTP response, as bytes (chunk sizes count bytes,
/// and a chunk may end inside a multi-byte character).
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&rest[..eol]).unwrap_or("").trim();
        let Ok(n) = usize::from_str_radix(size.split(';').next().unwrap_or(""), 16) else {
            break;
        };
        let after = &rest[eol + 2..];
        if n == 0 || after.len() < n {
            break;
        }
        out.extend_from_slice(&after[..n]);
        rest = after[n..].strip_prefix(b"\r\n").unwrap_or(&after[n..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::dechunk;

    #[test]
    fn a_character_split_across_chunks_survives() {
        // 部 is E9 83 A8: the first chunk ends inside it.
        let body = b"2\r\n\xe9\x83\r\n4\r\n\xa8\xe9\x97\xa8\r\n0\r\n\r\n";
        assert_eq!(String::from_utf8(dechunk(body)).as_deref(), Ok("部门"));
    }
}

/// JavaScript returning the problems of the projection slide shown (empty
/// when it fits): scrollbars, a stage off screen, cut-off or outside text.
pub const FIT_CHECK: &str = include_str!("../fit-check.js");

/// The directive `name` of the policy `csp` (e.g. `script-src 'self' …`), or "".
pub fn directive<'a>(csp: &'a str, name: &str) -> &'a str {
    csp.split(';')
        .map(str::trim)
        .find(|d| d.split_whitespace().next() == Some(name))
        .unwrap_or_default()
}

/// A headless Chromium session.
#[derive(Debug)]
pub struct Browser {
    port: u16,
    session: String,
    /// Where this session's downloads are saved.
    pub downloads: PathBuf,
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Browser {
    /// Opens Chromium with a viewport of `width`×`height`.
    pub fn open(width: u32, height: u32) -> Browser {
        static OPENED: AtomicUsize = AtomicUsize::new(0);
        let port = driver().lock().map(|d| d.port).expect("driver lock");
        let profile = std::env::temp_dir().join(format!(
            "openness-e2e-{}-{}",
            std::process::id(),
            OPENED.fetch_add(1, Ordering::Relaxed)
        ));
        let downloads = profile.join("downloads");
        std::fs::create_dir_all(&downloads).expect("download folder");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "prefs": {"download.default_directory": downloads.display().to_string(),
                          "download.prompt_for_download": false,
                          "profile.default_content_setting_values.automatic_downloads": 1},
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned()),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                         "--disable-dev-shm-usage", "--hide-scrollbars",
                         format!("--window-size={width},{height}"),
                         format!("--user-data-dir={}", profile.display())]
            }
        }}});
        let answer = http(port, "POST", "/session", Some(&caps));
        let session = answer["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"))
            .to_owned();
        let browser = Browser {
            port,
            session,
            downloads,
        };
        browser.set_viewport(width, height);
        browser
    }

    fn cmd(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let answer = http(
            self.port,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        );
        if let Some(error) = answer["value"]["error"].as_str() {
            panic!(
                "WebDriver {method} {path}: {error}: {}",
                answer["value"]["message"]
            );
        }
        answer["value"].clone()
    }

    /// Makes the page viewport exactly `width`×`height` CSS pixels.
    pub fn set_viewport(&self, width: u32, height: u32) {
        self.cmd(
            "POST",
            "/window/rect",
            Some(&json!({"width": width, "height": height})),
        );
        let inner = self.eval("return [window.innerWidth, window.innerHeight]");
        let dw = i64::from(width) - inner[0].as_i64().unwrap_or(i64::from(width));
        let dh = i64::from(height) - inner[1].as_i64().unwrap_or(i64::from(height));
        if dw != 0 || dh != 0 {
            self.cmd(
                "POST",
                "/window/rect",
                Some(&json!({"width": i64::from(width) + dw, "height": i64::from(height) + dh})),
            );
        }
    }

    /// Opens a path of the served app, relative to [`BASE`] (e.g. `/?view=data`).
    pub fn goto(&self, path: &str) {
        let url = format!("{}{BASE}{}", server().origin, path.trim_start_matches('/'));
        self.goto_url(&url);
    }

    /// Opens any URL (e.g. the single file's `file://` URL).
    pub fn goto_url(&self, url: &str) {
        self.cmd("POST", "/url", Some(&json!({"url": url})));
    }

    /// Runs JavaScript (a function body) and returns its result.
    pub fn eval(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(&json!({"script": script, "args": []})),
        )
    }

    /// Waits until `script` returns true; panics with `what` after 20 s.
    pub fn wait_for(&self, what: &str, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if self.eval(script).as_bool() == Some(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits for the app to mount and score.
    pub fn wait_ready(&self) {
        self.wait_for("the app to render", "return !!document.querySelector('#main') && !!document.querySelector('#window-line') && document.querySelector('#window-line').textContent.length > 0 && !document.getElementById('busy')");
    }

    /// The WebDriver id of the first element matching `css`.
    pub fn find(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            Some(&json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_owned()
    }

    /// Clicks the first element matching `css`.
    pub fn click(&self, css: &str) {
        let id = self.find(css);
        self.cmd("POST", &format!("/element/{id}/click"), Some(&json!({})));
    }

    /// Clicks (as a user would: a real click, not a script's) the first
    /// button whose text contains `text`.
    pub fn click_button(&self, text: &str) {
        let v = self.cmd(
            "POST",
            "/element",
            Some(&json!({"using": "xpath", "value": format!("//button[contains(., {text:?})]")})),
        );
        let id = v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no button {text:?}"))
            .to_owned();
        self.cmd("POST", &format!("/element/{id}/click"), Some(&json!({})));
    }

    /// Types into the first element matching `css` (for a file input: paths, one per line).
    pub fn send_keys(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(&json!({"text": text})),
        );
    }

    /// A 1920×1080 page on the data view (数据导入), ready for files.
    pub fn on_data_page() -> Browser {
        let b = Browser::open(1920, 1080);
        b.goto("/?view=data");
        b.wait_ready();
        b
    }

    /// Picks `file` in the data view's file input, as a user choosing it.
    pub fn pick_file(&self, file: &Path) {
        self.send_keys("#file-input", &file.display().to_string());
    }

    /// Clears an input.
    pub fn clear(&self, css: &str) {
        let id = self.find(css);
        self.cmd("POST", &format!("/element/{id}/clear"), Some(&json!({})));
    }

    /// The text of the first element matching `css` ("" when none does).
    pub fn text(&self, css: &str) -> String {
        self.eval(&format!(
            "const e = document.querySelector({css:?}); return e ? e.textContent : ''"
        ))
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// The page's Content Security Policy (its `<meta>`).
    pub fn csp(&self) -> String {
        self.eval(
            "const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); return m ? m.content : ''",
        )
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Runs a Chrome DevTools Protocol command (chromedriver's `goog/cdp/execute`).
    pub fn cdp(&self, cmd: &str, params: &Value) -> Value {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(&json!({"cmd": cmd, "params": params})),
        )
    }

    /// Waits until a download named `name` is complete; returns its bytes.
    pub fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.join(name);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(bytes) = std::fs::read(&path)
                && !bytes.is_empty()
            {
                return bytes;
            }
            assert!(
                Instant::now() < deadline,
                "no download {name} in {}",
                self.downloads.display()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Saves a PNG screenshot as `target/e2e-screenshots/NAME.png`.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let data = self.cmd("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap_or_default())
            .expect("PNG base64");
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
    }
}
