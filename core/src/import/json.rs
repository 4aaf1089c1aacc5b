//! JSON exports: an array of objects, one object a row.
//!
//! The header is every key in order of first appearance; scalar values
//! become cell text (numbers as written, `null` as empty), nested values
//! their JSON text.

use serde_json::Value;

use super::FileProblem;
use super::grid::{Grid, Header};
use crate::schema::Kind;

/// Reads a JSON array of objects into a grid whose first row is the header.
pub(crate) fn read(text: &str, wanted: Option<Kind>) -> Result<(Grid, Header), FileProblem> {
    let value: Value = serde_json::from_str(text).map_err(|e| FileProblem::JsonSyntax {
        detail: e.to_string(),
    })?;
    let Value::Array(items) = value else {
        return Err(FileProblem::JsonNotRows);
    };
    if items.is_empty() {
        return Err(FileProblem::JsonEmpty);
    }
    let mut keys: Vec<String> = Vec::new();
    for item in &items {
        let Value::Object(object) = item else {
            return Err(FileProblem::JsonNotRows);
        };
        for key in object.keys() {
            if !keys.contains(key) {
                keys.push(key.clone());
            }
        }
    }
    let (grid, ()) = Grid::build(String::new(), |_, body| {
        for key in &keys {
            body.push_owned(key);
        }
        body.end_row(0);
        for (i, item) in items.iter().enumerate() {
            for key in &keys {
                body.push_owned(&value_text(item.get(key).unwrap_or(&Value::Null)));
            }
            body.end_row(i as u32 + 1);
        }
    });
    let header = grid
        .find_header(wanted)
        .filter(|h| h.index == 0)
        .ok_or(FileProblem::JsonNoHeader)?;
    Ok((grid, header))
}

fn value_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}
