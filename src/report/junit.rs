/*!
JUnit XML (SPEC 2.2): one testcase per rule that ran; each error is a
`<failure>` (message attribute, and the full text in the body); warnings go to
the testcase's `<system-out>`.
*/

use super::{xml_escape, Input, Render};
use crate::diag::{Diagnostic, Severity};
use crate::source::Sources;

pub struct Junit;

fn text(d: &Diagnostic, sources: &Sources) -> String {
    let mut t = format!("{}[{}]: {}\n", d.severity.as_str(), d.rule, d.message);
    for s in &d.spots {
        t.push_str(&format!("  --> {}:{}:{}\n", sources.name(s.loc.file), s.loc.line, s.loc.column));
    }
    for n in &d.notes {
        t.push_str(&format!("  = {n}\n"));
    }
    t
}

impl Render for Junit {
    fn render(&self, input: &Input) -> String {
        let diags = &input.report.diagnostics;
        let failed_cases =
            input.ran.iter().filter(|r| diags.iter().any(|d| d.rule == **r && d.severity == Severity::Error)).count();
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str(&format!(
            "<testsuites name=\"opsroles\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
            input.ran.len(),
            failed_cases
        ));
        out.push_str(&format!(
            "  <testsuite name=\"opsroles check\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
            input.ran.len(),
            failed_cases
        ));
        for rule in input.ran {
            let mine: Vec<&Diagnostic> = diags.iter().filter(|d| d.rule == *rule).collect();
            out.push_str(&format!("    <testcase name=\"{}\" classname=\"opsroles.check\"", rule.id()));
            if mine.is_empty() {
                out.push_str("/>\n");
                continue;
            }
            out.push_str(">\n");
            for d in mine.iter().filter(|d| d.severity == Severity::Error) {
                out.push_str(&format!(
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                    xml_escape(&d.message),
                    rule.id(),
                    xml_escape(&text(d, input.sources))
                ));
            }
            let warnings: String =
                mine.iter().filter(|d| d.severity == Severity::Warning).map(|d| text(d, input.sources)).collect();
            if !warnings.is_empty() {
                out.push_str(&format!("      <system-out>{}</system-out>\n", xml_escape(&warnings)));
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n</testsuites>\n");
        out
    }
}
