/*!
JUnit XML (SPEC 2.2): one testcase per rule that ran; each error is a
`<failure>` (message attribute, and the full text in the body); warnings go to
the testcase's `<system-out>`.
*/

use super::{Input, Render};
use crate::diag::{Diagnostic, Severity};
use crate::source::Sources;

pub struct Junit;

/// Escapes text for XML 1.0 attributes and content; characters XML cannot
/// hold at all (most C0 controls) become U+FFFD.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn text(d: &Diagnostic, sources: &Sources) -> String {
    let mut t = format!("{}[{}]: {}\n", d.severity.as_str(), d.rule, d.message);
    for s in &d.spots {
        t.push_str(&format!(
            "  --> {}:{}:{}\n",
            sources.name(s.loc.file),
            s.loc.line,
            s.loc.column
        ));
    }
    for n in &d.notes {
        t.push_str(&format!("  = {n}\n"));
    }
    t
}

impl Render for Junit {
    fn render(&self, input: &Input) -> String {
        let diags = &input.report.diagnostics;
        let failed_cases = input
            .ran
            .iter()
            .filter(|r| {
                diags
                    .iter()
                    .any(|d| d.rule == **r && d.severity == Severity::Error)
            })
            .count();
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
            out.push_str(&format!(
                "    <testcase name=\"{}\" classname=\"opsroles.check\"",
                rule.id()
            ));
            if mine.is_empty() {
                out.push_str("/>\n");
                continue;
            }
            out.push_str(">\n");
            for d in mine.iter().filter(|d| d.severity == Severity::Error) {
                out.push_str(&format!(
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                    esc(&d.message),
                    rule.id(),
                    esc(&text(d, input.sources))
                ));
            }
            let warnings: String = mine
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .map(|d| text(d, input.sources))
                .collect();
            if !warnings.is_empty() {
                out.push_str(&format!(
                    "      <system-out>{}</system-out>\n",
                    esc(&warnings)
                ));
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n</testsuites>\n");
        out
    }
}
