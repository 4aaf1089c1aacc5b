//! The charts' layout, measured without a browser.

use super::*;

/// Attribute `name` of an element's text `el` (what follows `<tag `).
fn attr(el: &str, name: &str) -> Option<f64> {
    format!(" {el}")
        .split(&format!(" {name}=\""))
        .nth(1)?
        .split('"')
        .next()?
        .parse()
        .ok()
}

#[test]
fn the_legend_stands_beside_the_plot_and_hides_no_bar() {
    // Stacked shares that fill every row to 100: the plot's lower right,
    // where the legend used to be, is all bars.
    let spec = Spec {
        stacked: true,
        ..Spec::new(
            "按时率",
            Lang::Zh,
            &[
                ("按时", "On time"),
                ("超期完成", "Late"),
                ("逾期未办", "Overdue"),
            ],
        )
    };
    let rows: Vec<Row> = (0..12)
        .map(|i| Row {
            label: format!("部门{i}"),
            values: vec![Some(60.0), Some(35.0), Some(5.0)],
        })
        .collect();
    let svg = svg(&spec, &rows);
    // Bars: the palette-filled rectangles taller than a legend swatch.
    let bars_end = svg
        .split("<rect ")
        .skip(1)
        .filter(|el| attr(el, "height").is_some_and(|h| h > 14.0) && el.contains("fill=\"#"))
        .filter(|el| !el.contains("fill=\"#FFFFFF\""))
        .filter_map(|el| Some(attr(el, "x")? + attr(el, "width")?))
        .fold(0.0, f64::max);
    let (width, _) = size(rows.len());
    assert!(bars_end > 500.0, "bars found: {bars_end}");
    for name in ["按时", "超期完成", "逾期未办"] {
        let x = svg
            .split("<text ")
            .find(|el| {
                el.split('>')
                    .nth(1)
                    .is_some_and(|t| t.split('<').next().unwrap_or_default().trim() == name)
            })
            .and_then(|el| attr(el, "x"))
            .unwrap_or_else(|| panic!("{name} in the legend"));
        assert!(
            x > bars_end && x < f64::from(width),
            "{name} at x = {x}, bars end at {bars_end}"
        );
    }
}

#[test]
fn a_chart_is_an_image_named_by_its_title_with_its_numbers_as_text() {
    let svg = described(
        "<svg width=\"10\" height=\"10\"><rect/></svg>".to_owned(),
        "按时率 <%>",
        "旗教育局：按时 95.0",
    );
    assert_eq!(
        svg,
        "<svg width=\"10\" height=\"10\" role=\"img\" aria-label=\"按时率 &lt;%&gt;\"><title>按时率 &lt;%&gt;</title><desc>旗教育局：按时 95.0</desc><rect/></svg>"
    );
    assert_eq!(described("<p>x</p>".to_owned(), "t", "n"), "<p>x</p>");
}
