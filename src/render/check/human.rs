/*!
The human format: every finding rustc-style (see
[`crate::render::diagnostics`]), then `N errors, N warnings in N roles`.
*/

use std::io::{self, Write};

use super::CheckOutput;
use crate::render::{diagnostics, plural, Render};

pub struct Human;

impl Render<CheckOutput<'_>> for Human {
    fn render(&self, input: &CheckOutput, out: &mut dyn Write) -> io::Result<()> {
        diagnostics::write_ansi(out, input.sources, &input.report.diagnostics)?;
        let s = input.report.summary;
        writeln!(
            out,
            "{}, {} in {}",
            plural(s.errors, "error", "errors"),
            plural(s.warnings, "warning", "warnings"),
            plural(s.roles, "role", "roles")
        )
    }
}
