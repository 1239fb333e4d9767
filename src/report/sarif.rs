/*!
SARIF 2.1.0 for GitHub code scanning (SPEC 2.2): every rule in the driver with
its description and default level; one result per finding with `ruleId`,
`level`, message and physical locations (primary first); a
`partialFingerprints` hash of rule, roles and items that stays put when lines
move.
*/

use serde_json::{json, Value};

use super::{fnv1a64, Input, Render};
use crate::diag::Diagnostic;
use crate::rule::Rule;

pub struct Sarif;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn fingerprint(d: &Diagnostic) -> String {
    let key = format!("{}\0{}\0{}", d.rule.id(), d.roles.join("\x1f"), d.items.join("\x1f"));
    format!("{:016x}", fnv1a64(key.as_bytes()))
}

impl Render for Sarif {
    fn render(&self, input: &Input) -> String {
        let rules: Vec<Value> = Rule::ALL
            .iter()
            .map(|r| {
                json!({
                    "id": r.id(),
                    "name": r.id(),
                    "shortDescription": {"text": r.description()},
                    "fullDescription": {"text": r.description()},
                    "defaultConfiguration": {"level": r.default_severity().as_str()},
                    "properties": {"tags": ["opsroles"]},
                })
            })
            .collect();
        let results: Vec<Value> = input
            .report
            .diagnostics
            .iter()
            .map(|d| {
                let locations: Vec<Value> = d
                    .spots
                    .iter()
                    .map(|s| {
                        json!({
                            "physicalLocation": {
                                "artifactLocation": {"uri": input.sources.name(s.loc.file)},
                                "region": {"startLine": s.loc.line, "startColumn": s.loc.column},
                            },
                            "message": {"text": if s.label.is_empty() { d.rule.id() } else { s.label.as_str() }},
                        })
                    })
                    .collect();
                let index = Rule::ALL.iter().position(|r| *r == d.rule).unwrap_or(0);
                json!({
                    "ruleId": d.rule.id(),
                    "ruleIndex": index,
                    "level": d.severity.as_str(),
                    "message": {"text": d.message},
                    "locations": locations,
                    "partialFingerprints": {"opsroles/v1": fingerprint(d)},
                    "properties": {"roles": d.roles, "items": d.items},
                })
            })
            .collect();
        let doc = json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "opsroles",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        });
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }
}
