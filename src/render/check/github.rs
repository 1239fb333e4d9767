/*!
GitHub Actions workflow commands (SPEC 2.2): one `::error` or `::warning` per
finding, annotated on the primary location, and nothing else.
*/

use std::io::{self, Write};

use super::CheckOutput;
use crate::render::escape::{gh_data, gh_property};
use crate::render::Render;

pub struct Github;

impl Render<CheckOutput<'_>> for Github {
    fn render(&self, input: &CheckOutput, out: &mut dyn Write) -> io::Result<()> {
        for d in &input.report.diagnostics {
            let mut props = Vec::new();
            if let Some(loc) = d.primary() {
                props.push(format!("file={}", gh_property(input.sources.name(loc.file))));
                props.push(format!("line={}", loc.line));
                if loc.column > 0 {
                    props.push(format!("col={}", loc.column));
                }
            }
            props.push(format!("title={}", gh_property(d.code.id())));
            writeln!(out, "::{} {}::{}", d.severity.as_str(), props.join(","), gh_data(&d.message))?;
        }
        Ok(())
    }
}
