//! Charts drawn with plotters on any `DrawingBackend`: the browser passes
//! an SVG string backend (crisp on projectors at any devicePixelRatio).
//!
//! Every chart is horizontal bars, one row per department, labelled with
//! text (never colour alone) and drawn in the Okabe–Ito colour-blind-safe
//! palette.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{self as pb, BackendColor, BackendCoord, DrawingErrorKind};

use crate::state::{Lang, tr};

/// Okabe–Ito: bluish green, orange, vermillion, blue, sky blue, reddish purple.
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0, 158, 115),
    RGBColor(230, 159, 0),
    RGBColor(213, 94, 0),
    RGBColor(0, 114, 178),
    RGBColor(86, 180, 233),
    RGBColor(204, 121, 167),
];

const ROW_HEIGHT: u32 = 26;
const FONT: &str = "sans-serif";

/// One row of a bar chart: a label and one value per series (`None` =
/// not applicable, drawn as a dash).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Department name.
    pub label: String,
    /// Values per series, 0–100.
    pub values: Vec<Option<f64>>,
}

/// A bar chart's text and reference lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// Title.
    pub title: String,
    /// Series names, one per value of a row.
    pub series: Vec<String>,
    /// Stack the series (shares adding to 100) instead of grouping them.
    pub stacked: bool,
    /// Vertical reference lines with labels (targets, grade bands).
    pub marks: Vec<(f64, String)>,
    /// Shade the grade bands behind the bars: the lowest score of 合格,
    /// 良好 and 优秀 under the rules in force.
    pub bands: Option<[f64; 3]>,
}

impl Spec {
    /// Grouped bars titled `title`, one series per (中文, English) name,
    /// without marks or bands.
    pub fn new(
        title: impl Into<String>,
        lang: Lang,
        series: &[(&'static str, &'static str)],
    ) -> Spec {
        Spec {
            title: title.into(),
            series: series
                .iter()
                .map(|&(zh, en)| tr(lang, zh, en).to_owned())
                .collect(),
            stacked: false,
            marks: Vec::new(),
            bands: None,
        }
    }
}

fn short(label: &str) -> String {
    if label.chars().count() > 11 {
        let head: String = label.chars().take(10).collect();
        format!("{head}…")
    } else {
        label.to_owned()
    }
}

/// Size of a chart with `rows` rows.
pub fn size(rows: usize) -> (u32, u32) {
    (1100, 110 + ROW_HEIGHT * rows.max(1) as u32)
}

/// Draws bars on any backend.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &Spec,
    rows: &[Row],
) -> Result<(), String> {
    let fail = |err: DrawingAreaErrorKind<DB::ErrorType>| err.to_string();
    area.fill(&WHITE).map_err(fail)?;
    let n = rows.len().max(1);
    let k = spec.series.len().max(1);
    let items: Vec<(&str, RGBColor)> = spec
        .series
        .iter()
        .enumerate()
        .map(|(s, name)| (name.as_str(), PALETTE[s % PALETTE.len()]))
        .collect();
    let items = if k > 1 { items } else { Vec::new() };
    let mut chart = ChartBuilder::on(area)
        .caption(&spec.title, (FONT, 24))
        .margin(12)
        .margin_right(12 + legend_width(&items))
        .x_label_area_size(34)
        .y_label_area_size(190)
        // Row i (from the bottom) is centred on y = i, so the integer key
        // points plotters picks are exactly the label positions.
        .build_cartesian_2d(0f64..100f64, -0.5f64..(n as f64 - 0.5))
        .map_err(fail)?;
    let labels: Vec<String> = rows.iter().map(|r| short(&r.label)).collect();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_labels(11)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_labels(n)
        .y_label_formatter(&|y| {
            let r = y.round();
            if (y - r).abs() > 0.01 || r < 0.0 {
                return String::new();
            }
            let i = n - 1 - (r as usize).min(n - 1);
            labels.get(i).cloned().unwrap_or_default()
        })
        .label_style((FONT, 15))
        .draw()
        .map_err(fail)?;
    if let Some([pass, good, excellent]) = spec.bands {
        let bands = [
            (0.0, pass, RGBColor(253, 226, 226)),
            (pass, good, RGBColor(255, 244, 214)),
            (good, excellent, RGBColor(226, 239, 250)),
            (excellent, 100.0, RGBColor(222, 245, 233)),
        ];
        chart
            .draw_series(
                bands
                    .iter()
                    .map(|&(a, b, c)| Rectangle::new([(a, -0.5), (b, n as f64 - 0.5)], c.filled())),
            )
            .map_err(fail)?;
    }
    for s in 0..spec.series.len() {
        let color = PALETTE[s % PALETTE.len()];
        let bars = rows.iter().enumerate().filter_map(|(i, row)| {
            let value = row.values.get(s).copied().flatten()?;
            let bottom = (n - 1 - i) as f64 - 0.35;
            let (x0, x1, y0, y1) = if spec.stacked {
                let before: f64 = row.values.iter().take(s).map(|v| v.unwrap_or(0.0)).sum();
                (before, before + value, bottom, bottom + 0.7)
            } else {
                // The first series on top.
                let h = 0.7 / k as f64;
                (
                    0.0,
                    value,
                    bottom + h * (k - 1 - s) as f64,
                    bottom + h * (k - s) as f64,
                )
            };
            Some(Rectangle::new(
                [(x0, y0), (x1.min(100.0), y1)],
                color.filled(),
            ))
        });
        chart.draw_series(bars).map_err(fail)?;
    }
    if !spec.stacked && k == 1 {
        chart
            .draw_series(rows.iter().enumerate().filter_map(|(i, row)| {
                let v = row.values.first().copied().flatten()?;
                let y = (n - 1 - i) as f64;
                Some(Text::new(
                    format!("{v:.1}"),
                    ((v + 0.8).min(93.0), y + 0.25),
                    (FONT, 14).into_font(),
                ))
            }))
            .map_err(fail)?;
    }
    for (x, label) in &spec.marks {
        let x = *x;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(x, -0.5), (x, n as f64 - 0.5)],
                BLACK.stroke_width(2),
            )))
            .map_err(fail)?;
        chart
            .draw_series(std::iter::once(Text::new(
                label.clone(),
                (x + 0.5, n as f64 - 0.55),
                (FONT, 14).into_font(),
            )))
            .map_err(fail)?;
    }
    legend(area, chart.plotting_area().get_pixel_range(), &items).map_err(fail)?;
    area.present().map_err(fail)?;
    Ok(())
}

/// Pixels a legend of `items` takes to the right of the plot, gap
/// included; none for no items.
fn legend_width(items: &[(&str, RGBColor)]) -> u32 {
    let text_width = items.iter().map(|(name, _)| text_size(name, 15.0).0).max();
    text_width.map_or(0, |w| w + 40 + LEGEND_GAP)
}

/// Space between the plot and its legend.
const LEGEND_GAP: u32 = 12;

/// Draws a legend beside the top right of the plot (`plot`, in pixels),
/// in the margin [`legend_width`] kept for it, so it never hides a bar or
/// a point: a swatch and a name per series on a white box. Drawn by hand
/// because plotters' own legend measures every name through the DOM.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (xs, ys): (std::ops::Range<i32>, std::ops::Range<i32>),
    items: &[(&str, RGBColor)],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    const LINE: i32 = 22;
    if items.is_empty() {
        return Ok(());
    }
    let width = (legend_width(items) - LEGEND_GAP) as i32;
    let height = LINE * items.len() as i32 + 10;
    let (left, top) = (xs.end + LEGEND_GAP as i32, ys.start);
    let (right, bottom) = (left + width, top + height);
    area.draw(&Rectangle::new(
        [(left, top), (right, bottom)],
        WHITE.mix(0.9).filled(),
    ))?;
    area.draw(&Rectangle::new([(left, top), (right, bottom)], BLACK))?;
    for (i, (name, color)) in items.iter().enumerate() {
        let y = top + 5 + LINE * i as i32;
        area.draw(&Rectangle::new(
            [(left + 8, y + 5), (left + 24, y + 17)],
            color.filled(),
        ))?;
        area.draw(&Text::new(
            (*name).to_owned(),
            (left + 30, y + 3),
            (FONT, 15).into_font(),
        ))?;
    }
    Ok(())
}

/// Draws bars into an SVG document.
pub fn svg(spec: &Spec, rows: &[Row]) -> String {
    let numbers: Vec<String> = rows
        .iter()
        .map(|r| {
            let values: Vec<String> = spec
                .series
                .iter()
                .zip(&r.values)
                .map(|(name, v)| match v {
                    Some(v) => format!("{name} {v:.1}"),
                    None => format!("{name} —"),
                })
                .collect();
            format!("{}：{}", r.label, values.join("，"))
        })
        .collect();
    let svg = render(size(rows.len()), |area| draw(area, spec, rows));
    described(svg, &spec.title, &numbers.join("；"))
}

/// The chart as an image with a text alternative: `role="img"`, its title
/// as the accessible name and every number in its description, so a
/// screen reader (and a search of the page) finds what the bars show. The
/// SVG stays one well-formed element, as downloaded.
pub fn described(svg: String, title: &str, numbers: &str) -> String {
    let Some(end) = svg.find('>').filter(|_| svg.starts_with("<svg")) else {
        return svg;
    };
    format!(
        "{} role=\"img\" aria-label=\"{}\"><title>{}</title><desc>{}</desc>{}",
        &svg[..end],
        escape(title).replace('"', "&quot;"),
        escape(title),
        escape(numbers),
        &svg[end + 1..]
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Draws a histogram of working days taken with the deadline marked.
pub fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    counts: &[u32],
    deadlines: &[(u32, String)],
    x_label: &str,
) -> Result<(), String> {
    let fail = |err: DrawingAreaErrorKind<DB::ErrorType>| err.to_string();
    area.fill(&WHITE).map_err(fail)?;
    let top = f64::from(counts.iter().copied().max().unwrap_or(1).max(1)) * 1.15;
    let n = counts.len().max(1) as f64;
    let mut chart = ChartBuilder::on(area)
        .caption(title, (FONT, 24))
        .margin(12)
        .x_label_area_size(50)
        .y_label_area_size(60)
        .build_cartesian_2d(-0.5f64..n - 0.5, 0f64..top)
        .map_err(fail)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_desc(x_label)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style((FONT, 15))
        .axis_desc_style((FONT, 16))
        .draw()
        .map_err(fail)?;
    // Bars up to the shortest deadline are on time for every record; past
    // the longest, late for every record; between, it depends on the record.
    let first = deadlines.first().map_or(f64::INFINITY, |d| f64::from(d.0));
    let last = deadlines.last().map_or(f64::INFINITY, |d| f64::from(d.0));
    chart
        .draw_series(counts.iter().enumerate().map(|(i, &c)| {
            let x = i as f64;
            let color = if x <= first {
                PALETTE[0]
            } else if x <= last {
                PALETTE[1]
            } else {
                PALETTE[2]
            };
            Rectangle::new([(x - 0.4, 0.0), (x + 0.4, f64::from(c))], color.filled())
        }))
        .map_err(fail)?;
    for (k, (days, label)) in deadlines.iter().enumerate() {
        let d = f64::from(*days);
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(d + 0.5, 0.0), (d + 0.5, top)],
                BLACK.stroke_width(3),
            )))
            .map_err(fail)?;
        // A mark in the right half is labelled to the left of its line,
        // so the label stays inside the chart.
        let right_half = d > n / 2.0;
        let (x, anchor) = if right_half {
            (d + 0.2, HPos::Right)
        } else {
            (d + 0.8, HPos::Left)
        };
        let style = TextStyle::from((FONT, 16).into_font()).pos(Pos::new(anchor, VPos::Top));
        chart
            .draw_series(std::iter::once(Text::new(
                label.clone(),
                (x, top * (0.95 - 0.08 * k as f64)),
                style,
            )))
            .map_err(fail)?;
    }
    area.present().map_err(fail)
}

/// Draws monthly lines (0–100) with labelled points.
pub fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    months: &[String],
    series: &[(String, Vec<Option<f64>>)],
) -> Result<(), String> {
    let fail = |err: DrawingAreaErrorKind<DB::ErrorType>| err.to_string();
    area.fill(&WHITE).map_err(fail)?;
    let n = months.len().max(1);
    let items: Vec<(&str, RGBColor)> = series
        .iter()
        .enumerate()
        .map(|(s, (name, _))| (name.as_str(), PALETTE[(s + 3) % PALETTE.len()]))
        .collect();
    let mut chart = ChartBuilder::on(area)
        .caption(title, (FONT, 24))
        .margin(12)
        .margin_right(12 + legend_width(&items))
        .x_label_area_size(40)
        .y_label_area_size(50)
        .build_cartesian_2d(-0.5f64..n as f64 - 0.5, 0f64..105f64)
        .map_err(fail)?;
    chart
        .configure_mesh()
        .x_labels(n)
        .x_label_formatter(&|x| {
            let r = x.round();
            if (x - r).abs() > 0.01 || r < 0.0 {
                String::new()
            } else {
                months.get(r as usize).cloned().unwrap_or_default()
            }
        })
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style((FONT, 15))
        .draw()
        .map_err(fail)?;
    for (s, (_, values)) in series.iter().enumerate() {
        let color = PALETTE[(s + 3) % PALETTE.len()];
        let points: Vec<(f64, f64)> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i as f64, v)))
            .collect();
        chart
            .draw_series(std::iter::once(PathElement::new(
                points.clone(),
                color.stroke_width(3),
            )))
            .map_err(fail)?;
        chart
            .draw_series(
                points
                    .iter()
                    .map(|&(x, y)| Circle::new((x, y), 5, color.filled())),
            )
            .map_err(fail)?;
        chart
            .draw_series(points.iter().map(|&(x, y)| {
                Text::new(
                    format!("{y:.0}"),
                    (x - 0.15, (y + 6.0).min(104.0)),
                    (FONT, 13).into_font(),
                )
            }))
            .map_err(fail)?;
    }
    legend(area, chart.plotting_area().get_pixel_range(), &items).map_err(fail)?;
    area.present().map_err(fail)
}

/// Renders a drawing function into an SVG document of `size`.
pub fn render(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<Measured<SVGBackend<'_>>, Shift>) -> Result<(), String>,
) -> String {
    let mut out = String::new();
    let result = {
        let area = Measured(SVGBackend::with_string(&mut out, size)).into_drawing_area();
        draw(&area)
    };
    match result {
        Ok(()) => out,
        Err(message) => format!("<p class=\"error\">chart: {}</p>", escape(&message)),
    }
}

/// Width of a character in em of the page's sans-serif faces (Noto Sans
/// CJK and the system Latin face), close enough to lay out labels.
fn em(c: char) -> f64 {
    match c {
        '%' | '@' | 'W' | 'm' | 'w' => 0.85,
        '0'..='9' => 0.56,
        'A'..='Z' => 0.66,
        'a'..='z' => 0.52,
        ' ' => 0.28,
        c if c.is_ascii() => 0.33,
        _ => 1.0,
    }
}

/// The size of `text` at `size` px, as the browser would lay it out in one line.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let width = text.chars().map(em).sum::<f64>() * size;
    (width.ceil() as u32, (size * 1.2).ceil() as u32)
}

/// Drawing calls that [`Measured`] passes to the backend it wraps, so the
/// SVG backend still writes `<line>`, `<rect>`, `<text>` … instead of the
/// trait's pixel-by-pixel defaults.
macro_rules! forward {
    ($($name:ident [$($generics:tt)*] ($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $name<$($generics)*>(
                &mut self,
                $($arg: $ty),*
            ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
                self.0.$name($($arg),*)
            }
        )*
    };
}

/// A backend that estimates text sizes from character widths.
///
/// plotters' browser font measures each label by putting it in the DOM and
/// reading its size back, which forces a layout per label: a third of the
/// time of a chart redraw. The SVG itself is drawn by the inner backend,
/// and the text is anchored (start, middle, end) by the browser, so the
/// estimate only places the axis and caption areas.
pub struct Measured<B>(pub B);

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }

    forward! {
        draw_pixel[](point: BackendCoord, color: BackendColor);
        draw_line[S: pb::BackendStyle](from: BackendCoord, to: BackendCoord, style: &S);
        draw_rect[S: pb::BackendStyle](upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool);
        draw_path[S: pb::BackendStyle, I: IntoIterator<Item = BackendCoord>](path: I, style: &S);
        draw_circle[S: pb::BackendStyle](center: BackendCoord, radius: u32, style: &S, fill: bool);
        fill_polygon[S: pb::BackendStyle, I: IntoIterator<Item = BackendCoord>](vert: I, style: &S);
        draw_text[S: pb::BackendTextStyle](text: &str, style: &S, pos: BackendCoord);
    }

    fn estimate_text_size<S: pb::BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(text_size(text, style.size()))
    }
}

#[cfg(test)]
mod tests;
