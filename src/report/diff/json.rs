/*!
The diff as JSON: `{"version":1,"old":…,"new":…,"changes":[…]}`, and with
`--check` `"diagnostics":{"introduced":[…],"resolved":[…]}` in the shape of
`check --format json`.
*/

use serde_json::json;

use crate::diff::Report;
use crate::report::json::diagnostic_value;

pub fn render(r: &Report) -> String {
    let mut doc = json!({
        "version": 1,
        "old": r.old,
        "new": r.new,
        "changes": r.changes.iter().map(|c| serde_json::to_value(c).unwrap_or_default()).collect::<Vec<_>>(),
    });
    if let Some((introduced, resolved)) = &r.check {
        let list = |c: &crate::diff::Checked| {
            c.diagnostics.iter().map(|d| diagnostic_value(d, &c.sources)).collect::<Vec<_>>()
        };
        doc["diagnostics"] = json!({"introduced": list(introduced), "resolved": list(resolved)});
    }
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
