//! Projection mode (投屏) in real headless Chromium at 1920×1080, 1280×720
//! and 3840×2160: the stage fits without scrollbars or cut-off text, body
//! text is at least 28 px on the 1080p stage, slides advance after the
//! interval and stop when paused, and the keys move between slides. A
//! screenshot of every slide at 1920×1080 goes to target/e2e-screenshots/.

use openness_e2e::{Browser, FIT_CHECK};

/// The sample county is fetched after the page starts: its playlist has
/// at least six slides once it is in.
const PLAYLIST_READY: &str = "const c = document.querySelector('#slide-count'); return !!c && parseInt(c.textContent.split('/')[1]) >= 6";

fn counter(b: &Browser) -> (u64, u64) {
    let text = b
        .eval("return document.querySelector('#slide-count').textContent")
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (i, n) = text.split_once(" / ").unwrap_or(("0", "0"));
    (i.trim().parse().unwrap_or(0), n.trim().parse().unwrap_or(0))
}

fn key(b: &Browser, name: &str) {
    b.eval(&format!("window.dispatchEvent(new KeyboardEvent('keydown', {{key: {name:?}, bubbles: true}})); return true"));
}

const FONT_CHECK: &str = r"
const small = [];
for (const el of document.querySelectorAll('#stage *')) {
  const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
  if (text && parseFloat(getComputedStyle(el).fontSize) < 28) small.push(el.tagName + '.' + el.className + ' ' + getComputedStyle(el).fontSize + ' ' + el.textContent.slice(0, 20));
}
return small;
";

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn every_slide_fits_every_screen_without_scrollbars_or_cut_off_text() {
    for (w, h) in [(1920, 1080), (1280, 720), (3840, 2160)] {
        let b = Browser::open(w, h);
        b.goto("/?present=1&rotate=600");
        b.wait_for("the sample county's playlist", PLAYLIST_READY);
        b.wait_for(
            "the stage",
            "return !!document.querySelector('#stage .stage-body')",
        );
        let (_, n) = counter(&b);
        assert!(
            n >= 6,
            "the playlist has the ranking pages and the topic slides, got {n}"
        );
        for i in 1..=n {
            assert_eq!(counter(&b).0, i);
            let problems = b.eval(FIT_CHECK);
            assert_eq!(problems, serde_json::json!([]), "slide {i} at {w}x{h}");
            if w == 1920 {
                assert_eq!(
                    b.eval(FONT_CHECK),
                    serde_json::json!([]),
                    "text below 28 px on slide {i}"
                );
                b.screenshot(&format!("present-{i:02}-1920x1080"));
            }
            if w == 1280 && i == 1 {
                b.screenshot("present-01-1280x720");
            }
            if w == 3840 && i == 1 {
                b.screenshot("present-01-3840x2160");
            }
            key(&b, "ArrowRight");
        }
        assert_eq!(counter(&b).0, 1, "wraps around after the last slide");
    }
    let light = Browser::open(1920, 1080);
    light.goto("/?present=1&rotate=600&theme=light&slides=dept:%E6%97%97%E8%83%BD%E6%BA%90%E5%B1%80,attention");
    light.wait_for(
        "the sample county's two chosen slides",
        "const c = document.querySelector('#slide-count'); return !!c && parseInt(c.textContent.split('/')[1]) >= 2 && document.body.textContent.includes('旗能源局')",
    );
    light.wait_for(
        "the stage",
        "return !!document.querySelector('#stage .stage-body')",
    );
    assert_eq!(counter(&light), (1, 2));
    assert!(
        light
            .eval("return document.querySelector('.stage-body').textContent")
            .as_str()
            .unwrap_or_default()
            .contains("旗能源局")
    );
    assert_eq!(light.eval(FIT_CHECK), serde_json::json!([]));
    light.screenshot("present-dept-light-1920x1080");
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn slides_advance_after_the_interval_and_stop_when_paused() {
    let b = Browser::open(1920, 1080);
    b.goto("/?present=1&rotate=2");
    b.wait_for("the sample county's playlist", PLAYLIST_READY);
    b.wait_for(
        "the stage",
        "return !!document.querySelector('#slide-count')",
    );
    assert_eq!(counter(&b).0, 1);
    b.wait_for(
        "the second slide after 2 s",
        "return document.querySelector('#slide-count').textContent.startsWith('2 /')",
    );
    key(&b, "p");
    let held = counter(&b).0;
    std::thread::sleep(std::time::Duration::from_secs(5));
    assert_eq!(counter(&b).0, held, "paused: no advance");
    assert!(
        b.eval("return document.querySelector('#play-state').textContent")
            .as_str()
            .unwrap_or_default()
            .contains("暂停")
    );
    key(&b, "p");
    // Resumes once the keyboard has been idle (8 s at most) plus the interval.
    b.wait_for(
        "advancing again",
        &format!(
            "return !document.querySelector('#slide-count').textContent.startsWith('{held} /')"
        ),
    );
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn keys_move_between_slides_and_escape_leaves() {
    let b = Browser::open(1280, 720);
    b.goto("/?present=1&rotate=600");
    b.wait_for("the sample county's playlist", PLAYLIST_READY);
    b.wait_for(
        "the stage",
        "return !!document.querySelector('#slide-count')",
    );
    let (_, n) = counter(&b);
    key(&b, "ArrowRight");
    assert_eq!(counter(&b).0, 2);
    key(&b, " ");
    assert_eq!(counter(&b).0, 3);
    key(&b, "ArrowLeft");
    assert_eq!(counter(&b).0, 2);
    key(&b, "End");
    assert_eq!(counter(&b).0, n);
    key(&b, "Home");
    assert_eq!(counter(&b).0, 1);
    assert!(
        b.eval("return location.search")
            .as_str()
            .unwrap_or_default()
            .contains("present=1")
    );
    key(&b, "Escape");
    b.wait_for(
        "the dashboard",
        "return !document.querySelector('#present') && !!document.querySelector('#ranking-table')",
    );
    assert!(
        !b.eval("return location.search")
            .as_str()
            .unwrap_or_default()
            .contains("present")
    );
    // The button enters it again.
    b.click("#present-button");
    b.wait_for(
        "the stage again",
        "return !!document.querySelector('#stage')",
    );
    b.click("#p-deck");
    b.wait_for(
        "the printable deck",
        &format!("return document.querySelectorAll('.deck-page').length == {n}"),
    );
    b.screenshot("present-deck-1280x720");
}

#[test]
#[ignore = "needs dist/, chromium and chromedriver: run scripts/test.sh"]
fn a_long_source_name_gives_way_to_the_period_on_one_line() {
    let dir = std::env::temp_dir().join(format!("openness-present-long-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let names = [
        "鄂托克前旗人民政府办公室主动公开目录导出2019年全年",
        "鄂托克前旗行政审批和政务服务局依申请公开登记台账2019",
        "鄂托克前旗网民留言办理情况统计表2019年度",
    ];
    let paths: Vec<String> = names
        .iter()
        .map(|n| {
            let path = dir.join(format!("{n}.csv"));
            let csv = "索引号,标题,发布机构,成文日期,发布日期\nT-1,文件一,测试局甲,2019-03-01,2019-03-05\n";
            std::fs::write(&path, csv).expect("write csv");
            path.display().to_string()
        })
        .collect();
    let b = Browser::on_data_page();
    b.send_keys("#file-input", &paths.join("\n"));
    b.wait_for(
        "the three files",
        "return document.querySelectorAll('#import-report tbody tr').length == 3",
    );
    // On a laptop the page header gives way too: its buttons keep one line.
    b.set_viewport(1366, 768);
    let buttons = b.eval(
        "return ['#present-button', '#lang-toggle'].map(s => {
           const r = document.createRange();
           r.selectNodeContents(document.querySelector(s));
           return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size == 1;
         });",
    );
    assert_eq!(
        buttons,
        serde_json::json!([true, true]),
        "header buttons on one line at 1366 px"
    );
    b.screenshot("data-long-source-laptop");
    b.set_viewport(1920, 1080);
    b.click("#present-button");
    b.wait_for(
        "the stage",
        "return !!document.querySelector('#stage .p-window')",
    );
    let layout = b.eval(
        "const q = s => document.querySelector(s);
         const src = q('.p-source'), s = src.getBoundingClientRect(), w = q('.p-window').getBoundingClientRect(), st = q('#stage').getBoundingClientRect();
         return {one_line: Math.abs(s.top - w.top) < 2, inside: w.right <= st.right + 1, shortened: src.scrollWidth > src.clientWidth, full_name_on_hover: src.title.includes('依申请公开登记台账')};",
    );
    for check in ["one_line", "inside", "shortened", "full_name_on_hover"] {
        assert_eq!(layout[check], true, "{check}: {layout}");
    }
    b.screenshot("present-long-source");
    std::fs::remove_dir_all(dir).ok();
}
