/*!
The JSON format (SPEC 2.2): `{"version":1,"summary":{…},"diagnostics":[…]}`.
*/

use std::io::{self, Write};

use serde::Serialize;

use super::CheckOutput;
use crate::diag::Summary;
use crate::render::json::{pretty, Finding};
use crate::render::Render;

pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    summary: Summary,
    diagnostics: Vec<Finding<'a>>,
}

impl Render<CheckOutput<'_>> for Json {
    fn render(&self, input: &CheckOutput, out: &mut dyn Write) -> io::Result<()> {
        let doc = Doc {
            version: 1,
            summary: input.report.summary,
            diagnostics: input.report.diagnostics.iter().map(|d| Finding::new(d, input.sources)).collect(),
        };
        pretty(&doc, out)
    }
}
