/*!
Findings of any command, rustc-style, rendered by codespan-reporting:
`error[code]: message`, `--> file:line:col` for every location with the
source line under it, then notes. A row of an export has no text kept, so
it is named `--> file:line` without a snippet.
*/

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use codespan_reporting::term::{self, Chars, Config};

use crate::diag::{Diagnostic, Severity};
use crate::render::escape::terminal;
use crate::source::{Location, Sources};

/// Writes findings with ANSI colour (stripped later when colour is off).
pub fn write_ansi(out: &mut dyn Write, sources: &Sources, diagnostics: &[Diagnostic]) -> io::Result<()> {
    let mut buf = Ansi::new(Vec::new());
    emit_all(&mut buf, sources, diagnostics);
    out.write_all(&buf.into_inner())
}

/// Findings as plain text, for error messages.
pub fn plain(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut out = NoColor::new(Vec::new());
    emit_all(&mut out, sources, diagnostics);
    String::from_utf8_lossy(&out.into_inner()).into_owned()
}

/// Findings with ANSI colour, as a string.
pub fn ansi(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_ansi(&mut out, sources, diagnostics);
    String::from_utf8_lossy(&out).into_owned()
}

fn emit_all(out: &mut dyn WriteColor, sources: &Sources, diagnostics: &[Diagnostic]) {
    let mut files = SimpleFiles::new();
    let ids: Vec<usize> = sources.iter().map(|(_, f)| files.add(f.name.as_str(), terminal(&f.text))).collect();
    let config = Config { chars: Chars::ascii(), ..Config::default() };
    for d in diagnostics {
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
        };
        let mut labels = Vec::new();
        let mut notes = Vec::new();
        for (n, s) in d.spots.iter().enumerate() {
            let file = s.loc.file;
            if s.loc.column == 0 || sources.text(file).is_empty() {
                // A row of a table, or a file whose text is not kept.
                let label = if s.label.is_empty() { String::new() } else { format!(": {}", s.label) };
                notes.push(format!("--> {}{label}", sources.position(&s.loc)));
                continue;
            }
            if line_len(sources, &s.loc) > MAX_SNIPPET_LINE {
                // Echoing a multi-megabyte line helps nobody: name the place.
                notes.push(format!("--> {} (line too long to show)", sources.position(&s.loc)));
                continue;
            }
            let range = label_range(sources, &s.loc);
            let idx = ids[file.index()];
            let label = if n == 0 { Label::primary(idx, range) } else { Label::secondary(idx, range) };
            labels.push(label.with_message(terminal(&s.label)));
        }
        notes.extend(d.notes.iter().cloned());
        let notes = notes.iter().map(|n| terminal(n)).collect();
        let cs = CsDiagnostic::new(severity)
            .with_code(d.code.id())
            .with_message(terminal(&d.message))
            .with_labels(labels)
            .with_notes(notes);
        // Writing to a Vec cannot fail; a label out of range falls back to text.
        if term::emit(out, &config, &files, &cs).is_err() {
            let _ = writeln!(out, "{}[{}]: {}", d.severity.as_str(), d.code, terminal(&d.message));
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
    let text = sources.text(loc.file);
    let at = char_floor(text, loc.offset as usize);
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    end - start
}

/// The byte range to underline: the token's span when known, else the rest
/// of the line from the location (trailing space trimmed).
fn label_range(sources: &Sources, loc: &Location) -> std::ops::Range<usize> {
    let text = sources.text(loc.file);
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
