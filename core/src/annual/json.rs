//! The JSON of `openness annual --format json` (RULES §7).

use serde_json::{Map, Value, json};

use super::table2::{BLOCKS, Documents};
use super::table3::ROWS;
use super::{Annual, Unit};
use crate::import::ImportReport;
use crate::value::amount_wan;

/// The whole document: year, units, county.
pub fn annual_json(annual: &Annual, report: &ImportReport) -> Value {
    let units: Vec<Value> = annual
        .units
        .iter()
        .map(|u| {
            let mut v = Map::new();
            v.insert("dept".into(), json!(u.name));
            v.insert("group".into(), json!(u.group));
            tables(&mut v, u);
            v.insert(
                "findings".into(),
                u.findings
                    .iter()
                    .map(|f| {
                        json!({
                            "path": report.files.get(f.source.file as usize).map(|r| r.path.as_str()),
                            "row": f.source.row,
                            "id": f.id,
                            "problem": f.problem.key(),
                            "value": f.value,
                        })
                    })
                    .collect(),
            );
            Value::Object(v)
        })
        .collect();
    let mut county = Map::new();
    tables(&mut county, &annual.county);
    json!({"year": annual.year, "units": units, "county": county})
}

fn documents(d: &Documents) -> Value {
    json!({"made": d.made, "repealed": d.repealed, "in_force": d.in_force})
}

/// `table2`, `table3`, `table4` and `checks` of one unit.
fn tables(v: &mut Map<String, Value>, u: &Unit) {
    let t2 = &u.table2;
    v.insert(
        "table2".into(),
        json!({
            "rules": documents(&t2.rules),
            "normative_documents": documents(&t2.normative_documents),
            "licensing": t2.licensing,
            "penalty": t2.penalty,
            "coercion": t2.coercion,
            "fees_wan": t2.fees.map(amount_wan),
        }),
    );
    let t3: Map<String, Value> = ROWS
        .iter()
        .zip(&u.table3)
        .map(|(row, counts)| (row.key.to_owned(), json!(counts)))
        .collect();
    v.insert("table3".into(), Value::Object(t3));
    let t4: Map<String, Value> = BLOCKS
        .iter()
        .zip(&u.table4)
        .map(|(key, counts)| ((*key).to_owned(), json!(counts)))
        .collect();
    v.insert("table4".into(), Value::Object(t4));
    let checks: Vec<Value> = u
        .checks()
        .iter()
        .map(|c| {
            let (field, line) = c.line.field();
            let mut m = Map::new();
            m.insert("rule".into(), json!(c.rule.key()));
            m.insert(field.into(), json!(line));
            m.insert("left".into(), json!(c.left));
            m.insert("right".into(), json!(c.right));
            m.insert("ok".into(), json!(c.ok()));
            Value::Object(m)
        })
        .collect();
    v.insert("checks".into(), Value::Array(checks));
}
