//! Worksheets laid out cell by cell, for forms with a fixed layout such as
//! the 年报 statistical tables (RULES §7): every cell has its place and
//! style, header cells are merged as on the printed form, and every cell
//! of a merged region carries the border so the printed box is closed.

use std::fmt::Write as _;

use super::package::{Part, package};
use super::{cell_xml, column_name, sheet_names, text_cell};
use crate::sheet::Cell;

/// How a placed cell looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The form's title: bold, large, centred.
    Title,
    /// A section line (二、主动公开政府信息情况): bold, no box.
    Section,
    /// A boxed header cell: bold on grey, centred, wrapped.
    Head,
    /// A boxed text cell (a row label), wrapped.
    Label,
    /// A boxed whole number, centred.
    Int,
    /// A boxed decimal as it is, centred.
    Number,
    /// Unboxed plain text (notes under a form).
    Plain,
}

impl Style {
    fn xf(self) -> u8 {
        match self {
            Style::Plain => 0,
            Style::Head => 8,
            Style::Label => 9,
            Style::Int => 10,
            Style::Number => 11,
            Style::Section => 12,
            Style::Title => 13,
        }
    }

    fn boxed(self) -> bool {
        matches!(
            self,
            Style::Head | Style::Label | Style::Int | Style::Number
        )
    }
}

/// One cell at its place: row and column from 0; `span` rows and columns
/// (1 × 1 for a single cell).
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Row, from 0.
    pub row: u32,
    /// Column, from 0.
    pub col: u32,
    /// Rows and columns the cell covers.
    pub span: (u32, u32),
    /// The value.
    pub cell: Cell,
    /// Its look.
    pub style: Style,
}

/// A worksheet with a fixed layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// The sheet's name (made valid and unique when written).
    pub name: String,
    /// Column widths in characters, from column A.
    pub widths: Vec<f64>,
    /// Row heights in points, for rows that need more than one line.
    pub heights: Vec<(u32, f64)>,
    /// The cells, in any order.
    pub cells: Vec<Placed>,
    /// Print in landscape.
    pub landscape: bool,
}

/// A workbook with one worksheet per layout, in order.
pub fn layout_workbook(layouts: &[Layout]) -> Vec<u8> {
    let names = sheet_names(layouts.iter().map(|l| l.name.as_str()));
    let parts: Vec<Part> = layouts
        .iter()
        .zip(names)
        .map(|(layout, name)| Part {
            name,
            xml: worksheet(layout),
            filter: None,
        })
        .collect();
    package(&parts)
}

fn worksheet(layout: &Layout) -> String {
    // Every position a merged region covers gets a styled blank cell, so
    // its border is drawn; the region's value sits in its top-left cell.
    let mut grid: std::collections::BTreeMap<(u32, u32), (Option<&Cell>, Style)> =
        std::collections::BTreeMap::new();
    for p in &layout.cells {
        for r in p.row..p.row + p.span.0.max(1) {
            for c in p.col..p.col + p.span.1.max(1) {
                let value = (r == p.row && c == p.col).then_some(&p.cell);
                if value.is_some() || p.style.boxed() {
                    grid.insert((r, c), (value, p.style));
                }
            }
        }
    }
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0" showGridLines="0"/></sheetViews>"#,
    );
    if !layout.widths.is_empty() {
        xml.push_str("<cols>");
        for (c, w) in layout.widths.iter().enumerate() {
            let _ = write!(
                xml,
                r#"<col min="{n}" max="{n}" width="{w}" customWidth="1"/>"#,
                n = c + 1
            );
        }
        xml.push_str("</cols>");
    }
    xml.push_str("<sheetData>");
    let mut current: Option<u32> = None;
    for (&(r, c), &(value, style)) in &grid {
        if current != Some(r) {
            if current.is_some() {
                xml.push_str("</row>");
            }
            match layout.heights.iter().find(|(row, _)| *row == r) {
                Some((_, h)) => {
                    let _ = write!(xml, r#"<row r="{}" ht="{h}" customHeight="1">"#, r + 1);
                }
                None => {
                    let _ = write!(xml, r#"<row r="{}">"#, r + 1);
                }
            }
            current = Some(r);
        }
        let at = format!("{}{}", column_name(c as usize), r + 1);
        match value {
            Some(Cell::Text(t)) => text_cell(&mut xml, &at, t, style.xf()),
            Some(Cell::Empty) | None => {
                let _ = write!(xml, r#"<c r="{at}" s="{}"/>"#, style.xf());
            }
            Some(cell) => cell_xml(&mut xml, &at, cell, Some(style.xf())),
        }
    }
    if current.is_some() {
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData>");
    let merges: Vec<&Placed> = layout
        .cells
        .iter()
        .filter(|p| p.span.0 > 1 || p.span.1 > 1)
        .collect();
    if !merges.is_empty() {
        let _ = write!(xml, r#"<mergeCells count="{}">"#, merges.len());
        for p in merges {
            let _ = write!(
                xml,
                r#"<mergeCell ref="{}{}:{}{}"/>"#,
                column_name(p.col as usize),
                p.row + 1,
                column_name((p.col + p.span.1.max(1) - 1) as usize),
                p.row + p.span.0.max(1)
            );
        }
        xml.push_str("</mergeCells>");
    }
    let orientation = if layout.landscape {
        "landscape"
    } else {
        "portrait"
    };
    let _ = write!(
        xml,
        r#"<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/></worksheet>"#
    );
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_regions_are_boxed_and_listed() {
        let layout = Layout {
            name: "全县".to_owned(),
            widths: vec![10.0, 10.0],
            heights: vec![(0, 30.0)],
            cells: vec![
                Placed {
                    row: 0,
                    col: 0,
                    span: (1, 2),
                    cell: Cell::text("申请人情况"),
                    style: Style::Head,
                },
                Placed {
                    row: 1,
                    col: 1,
                    span: (1, 1),
                    cell: Cell::Int(7),
                    style: Style::Int,
                },
            ],
            landscape: false,
        };
        let xml = worksheet(&layout);
        assert!(xml.contains(r#"<mergeCell ref="A1:B1"/>"#), "{xml}");
        assert!(xml.contains(r#"<c r="B1" s="8"/>"#), "{xml}");
        assert!(xml.contains(r#"<c r="B2" s="10"><v>7</v></c>"#), "{xml}");
        assert!(xml.contains(r#"<row r="1" ht="30" customHeight="1">"#));
        let book = layout_workbook(&[layout]);
        assert_eq!(&book[..2], b"PK");
    }
}
