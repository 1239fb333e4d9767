/*!
SARIF 2.1.0 for GitHub code scanning (SPEC 2.2): every rule in the driver with
its description and default level; one result per finding with `ruleId`,
`level`, message and physical locations (primary first, URIs
percent-encoded); a `partialFingerprints` hash of rule, roles and items that
stays put when lines move.
*/

use std::io::{self, Write};

use serde_json::{json, Value};

use super::CheckOutput;
use crate::diag::{Code, Diagnostic};
use crate::render::escape::uri_path;
use crate::render::json::pretty;
use crate::render::{fnv1a64, Render};

pub struct Sarif;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn fingerprint(d: &Diagnostic) -> String {
    let key = format!("{}\0{}\0{}", d.code.id(), d.roles.join("\x1f"), d.items.join("\x1f"));
    format!("{:016x}", fnv1a64(key.as_bytes()))
}

impl Render<CheckOutput<'_>> for Sarif {
    fn render(&self, input: &CheckOutput, out: &mut dyn Write) -> io::Result<()> {
        let rules: Vec<Code> = Code::rules().collect();
        let driver_rules: Vec<Value> = rules
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
                        let mut region = json!({"startLine": s.loc.line});
                        if s.loc.column > 0 {
                            region["startColumn"] = json!(s.loc.column);
                        }
                        json!({
                            "physicalLocation": {
                                "artifactLocation": {"uri": uri_path(input.sources.name(s.loc.file))},
                                "region": region,
                            },
                            "message": {"text": if s.label.is_empty() { d.code.id() } else { s.label.as_str() }},
                        })
                    })
                    .collect();
                let index = rules.iter().position(|r| *r == d.code).unwrap_or(0);
                json!({
                    "ruleId": d.code.id(),
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
                    "rules": driver_rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        });
        pretty(&doc, out)
    }
}
