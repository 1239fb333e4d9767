/*!
The human format: rustc-style diagnostics rendered by codespan-reporting —
`error[rule]: message`, `--> file:line:col` for every location with the source
line, notes — then `N errors, N warnings in N roles`.
*/

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use codespan_reporting::term::{self, Chars, Config};

use super::{Input, Render};
use crate::diag::{Diagnostic, Severity};
use crate::source::{Location, Sources};
use crate::text::defang;

pub struct Human;

impl Render for Human {
    fn render(&self, input: &Input) -> String {
        let mut out = Ansi::new(Vec::new());
        emit_all(&mut out, input.sources, &input.report.diagnostics);
        let mut text = String::from_utf8_lossy(&out.into_inner()).into_owned();
        let s = input.report.summary;
        text.push_str(&format!(
            "{}, {} in {}\n",
            plural(s.errors, "error", "errors"),
            plural(s.warnings, "warning", "warnings"),
            plural(s.roles, "role", "roles")
        ));
        text
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Diagnostics with ANSI colour (stripped later when colour is off).
pub fn render_ansi(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut out = Ansi::new(Vec::new());
    emit_all(&mut out, sources, diagnostics);
    String::from_utf8_lossy(&out.into_inner()).into_owned()
}

/// Diagnostics as plain text, for error messages (config errors).
pub fn render_plain(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut out = NoColor::new(Vec::new());
    emit_all(&mut out, sources, diagnostics);
    String::from_utf8_lossy(&out.into_inner()).into_owned()
}

fn emit_all(out: &mut dyn WriteColor, sources: &Sources, diagnostics: &[Diagnostic]) {
    let mut files = SimpleFiles::new();
    let ids: Vec<usize> = sources.iter().map(|f| files.add(f.name.as_str(), defang(&f.text))).collect();
    let config = Config { chars: Chars::ascii(), ..Config::default() };
    for d in diagnostics {
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
        };
        let mut labels = Vec::new();
        let mut notes = Vec::new();
        for (n, s) in d.spots.iter().enumerate() {
            let range = label_range(sources, &s.loc);
            if line_len(sources, &s.loc) > MAX_SNIPPET_LINE {
                // Echoing a multi-megabyte line helps nobody: name the place.
                let f = sources.get(s.loc.file);
                notes.push(format!("--> {}:{}:{} (line too long to show)", f.name, s.loc.line, s.loc.column));
                continue;
            }
            let label =
                if n == 0 { Label::primary(ids[s.loc.file], range) } else { Label::secondary(ids[s.loc.file], range) };
            labels.push(label.with_message(defang(&s.label)));
        }
        notes.extend(d.notes.iter().cloned());
        let notes = notes.iter().map(|n| defang(n)).collect();
        let cs = CsDiagnostic::new(severity)
            .with_code(d.rule.id())
            .with_message(defang(&d.message))
            .with_labels(labels)
            .with_notes(notes);
        // Writing to a Vec cannot fail; a label out of range falls back to text.
        if term::emit(out, &config, &files, &cs).is_err() {
            let _ = writeln!(out, "{}[{}]: {}", d.severity.as_str(), d.rule, d.message);
        }
    }
}

/// The nearest char boundary at or before `at`, within `text`.
fn char_floor(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// Lines longer than this (in bytes) are not echoed.
const MAX_SNIPPET_LINE: usize = 1000;

fn line_len(sources: &Sources, loc: &Location) -> usize {
    let text = &sources.get(loc.file).text;
    let at = char_floor(text, loc.offset as usize);
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    end - start
}

/// The byte range to underline: the token's span when known, else the rest
/// of the line from the location (trailing space trimmed).
fn label_range(sources: &Sources, loc: &Location) -> std::ops::Range<usize> {
    let text = &sources.get(loc.file).text;
    let start = char_floor(text, loc.offset as usize);
    if loc.len > 0 {
        let end = (start + loc.len as usize).min(text.len());
        let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        return start..end;
    }
    let rest = &text[start..];
    let line = rest.split(['\n', '\r']).next().unwrap_or("");
    start..start + line.trim_end().len()
}
