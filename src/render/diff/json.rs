/*!
The diff as JSON: `{"version":1,"old":…,"new":…,"changes":[…]}`, and with
`--check` `"diagnostics":{"introduced":[…],"resolved":[…]}` in the shape of
`check --format json`.
*/

use std::io::{self, Write};

use serde::Serialize;

use crate::diff::{Change, Report};
use crate::render::json::{pretty, Finding};
use crate::render::Render;

pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    old: &'a str,
    new: &'a str,
    changes: &'a [Change],
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<Checked<'a>>,
}

#[derive(Serialize)]
struct Checked<'a> {
    introduced: Vec<Finding<'a>>,
    resolved: Vec<Finding<'a>>,
}

fn list<'a>(ds: &'a [crate::diag::Diagnostic], sources: &'a crate::source::Sources) -> Vec<Finding<'a>> {
    ds.iter().map(|d| Finding::new(d, sources)).collect()
}

impl Render<Report> for Json {
    fn render(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        let doc = Doc {
            version: 1,
            old: &r.old,
            new: &r.new,
            changes: &r.changes,
            diagnostics: r.check.as_ref().map(|c| Checked {
                introduced: list(&c.introduced, &r.sources),
                resolved: list(&c.resolved, &r.sources),
            }),
        };
        pretty(&doc, out)
    }
}
