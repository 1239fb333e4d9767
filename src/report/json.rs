/*!
The JSON format (SPEC 2.2): `{"version":1,"summary":{…},"diagnostics":[…]}`.
*/

use serde::Serialize;

use super::{Input, Render};
use crate::diag::{Diagnostic, Summary};
use crate::source::Sources;

pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    summary: Summary,
    diagnostics: Vec<Diag<'a>>,
}

#[derive(Serialize)]
struct Diag<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    locations: Vec<Loc<'a>>,
    roles: &'a [String],
    items: &'a [String],
}

#[derive(Serialize)]
struct Loc<'a> {
    file: &'a str,
    line: u32,
    column: u32,
}

impl<'a> Diag<'a> {
    fn new(d: &'a Diagnostic, sources: &'a Sources) -> Self {
        Diag {
            rule: d.rule.id(),
            severity: d.severity.as_str(),
            message: &d.message,
            locations: d
                .spots
                .iter()
                .map(|s| Loc { file: sources.name(s.loc.file), line: s.loc.line, column: s.loc.column })
                .collect(),
            roles: &d.roles,
            items: &d.items,
        }
    }
}

/// One finding as a JSON value, the shape of `check --format json`.
pub fn diagnostic_value(d: &Diagnostic, sources: &Sources) -> serde_json::Value {
    serde_json::to_value(Diag::new(d, sources)).unwrap_or_default()
}

impl Render for Json {
    fn render(&self, input: &Input) -> String {
        let doc = Doc {
            version: 1,
            summary: input.report.summary,
            diagnostics: input.report.diagnostics.iter().map(|d| Diag::new(d, input.sources)).collect(),
        };
        // Serializing plain structs of strings and numbers cannot fail.
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }
}
