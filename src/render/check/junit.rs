/*!
JUnit XML (SPEC 2.2): one testcase per rule that ran; each error is a
`<failure>` (message attribute, and the full text in the body); warnings go to
the testcase's `<system-out>`.
*/

use std::io::{self, Write};

use super::CheckOutput;
use crate::diag::{Diagnostic, Severity};
use crate::render::escape::xml;
use crate::render::Render;
use crate::source::Sources;

pub struct Junit;

fn text(d: &Diagnostic, sources: &Sources) -> String {
    let mut t = format!("{}[{}]: {}\n", d.severity.as_str(), d.code, d.message);
    for s in &d.spots {
        t.push_str(&format!("  --> {}\n", sources.position(&s.loc)));
    }
    for n in &d.notes {
        t.push_str(&format!("  = {n}\n"));
    }
    t
}

impl Render<CheckOutput<'_>> for Junit {
    fn render(&self, input: &CheckOutput, out: &mut dyn Write) -> io::Result<()> {
        let diags = &input.report.diagnostics;
        let failed_cases =
            input.ran.iter().filter(|r| diags.iter().any(|d| d.code == **r && d.severity == Severity::Error)).count();
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"opsroles\" tests=\"{}\" failures=\"{failed_cases}\" errors=\"0\">",
            input.ran.len()
        )?;
        writeln!(
            out,
            "  <testsuite name=\"opsroles check\" tests=\"{}\" failures=\"{failed_cases}\" errors=\"0\" skipped=\"0\">",
            input.ran.len()
        )?;
        for rule in input.ran {
            let mine: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == *rule).collect();
            write!(out, "    <testcase name=\"{}\" classname=\"opsroles.check\"", rule.id())?;
            if mine.is_empty() {
                writeln!(out, "/>")?;
                continue;
            }
            writeln!(out, ">")?;
            for d in mine.iter().filter(|d| d.severity == Severity::Error) {
                writeln!(
                    out,
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                    xml(&d.message),
                    rule.id(),
                    xml(&text(d, input.sources))
                )?;
            }
            let warnings: String =
                mine.iter().filter(|d| d.severity == Severity::Warning).map(|d| text(d, input.sources)).collect();
            if !warnings.is_empty() {
                writeln!(out, "      <system-out>{}</system-out>", xml(&warnings))?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>\n</testsuites>")
    }
}
