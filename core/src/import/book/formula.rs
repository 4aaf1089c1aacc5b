//! Shared formulas of XLSX: written once, in the first cell of a range,
//! and meant in every other cell with its relative references moved.

use super::{Merge, column_number};
use crate::xlsx::column_name;

/// A shared formula: its text, where it was written, and the cells it covers.
pub(super) struct SharedFormula {
    text: String,
    at: (u32, u32),
    covers: Merge,
}

impl SharedFormula {
    pub(super) fn new(text: String, at: (u32, u32), covers: Merge) -> SharedFormula {
        SharedFormula { text, at, covers }
    }

    /// The formula as written in cell `at`: relative references moved by
    /// the distance from where it was written.
    pub(super) fn shifted_to(&self, at: (u32, u32)) -> Option<String> {
        let inside = |v: u32, a: u32, b: u32| a <= v && v <= b;
        if !inside(at.0, self.covers.first.0, self.covers.last.0)
            || !inside(at.1, self.covers.first.1, self.covers.last.1)
        {
            return None;
        }
        let rows = i64::from(at.0) - i64::from(self.at.0);
        let cols = i64::from(at.1) - i64::from(self.at.1);
        Some(shift_references(&self.text, rows, cols))
    }
}

/// Moves the relative cell references of formula `f` (not those after `$`,
/// not inside quotes) by `rows` and `cols`.
fn shift_references(f: &str, rows: i64, cols: i64) -> String {
    let mut out = String::with_capacity(f.len());
    let mut quoted = false;
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String| {
        for (i, part) in token.split(':').enumerate() {
            if i > 0 {
                out.push(':');
            }
            out.push_str(&shift_one(part, rows, cols).unwrap_or_else(|| part.to_owned()));
        }
        token.clear();
    };
    for c in f.chars() {
        if !quoted && (c.is_ascii_alphanumeric() || c == '$' || c == ':') {
            token.push(c);
        } else {
            flush(&mut token, &mut out);
            out.push(c);
            if c == '"' {
                quoted = !quoted;
            }
        }
    }
    flush(&mut token, &mut out);
    out
}

/// One reference such as `B$3` moved, or `None` when `part` is no reference.
fn shift_one(part: &str, rows: i64, cols: i64) -> Option<String> {
    let b = part.as_bytes();
    let col_fixed = b.first() == Some(&b'$');
    let rest = &part[usize::from(col_fixed)..];
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (col_text, rest) = rest.split_at(letters);
    let row_fixed = rest.starts_with('$');
    let digits = &rest[usize::from(row_fixed)..];
    if letters == 0
        || letters > 3
        || digits.is_empty()
        || !digits.bytes().all(|d| d.is_ascii_digit())
    {
        return None;
    }
    let col = i64::from(column_number(col_text.as_bytes()));
    let row: i64 = digits.parse().ok()?;
    let col = if col_fixed { col } else { col + cols };
    let row = if row_fixed { row } else { row + rows };
    if col < 1 || row < 1 {
        return None;
    }
    Some(format!(
        "{}{}{}{}",
        if col_fixed { "$" } else { "" },
        column_name((col - 1) as usize),
        if row_fixed { "$" } else { "" },
        row
    ))
}

#[cfg(test)]
mod tests {
    use super::shift_references;

    #[test]
    fn shared_formulas_move_relative_references_only() {
        assert_eq!(shift_references("A2*2+$B$1+C$1", 3, 1), "B5*2+$B$1+D$1");
        assert_eq!(
            shift_references("SUM(A1:A3)&\"A1\"", 1, 0),
            "SUM(A2:A4)&\"A1\""
        );
    }
}
