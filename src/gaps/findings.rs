/*!
The problems of the assessment rows as findings (SPEC 6: a record with a
problem is reported with `file:line` and the field, never dropped
silently): one finding per listed problem, one per distinct unknown or
ambiguous name (with how many rows name it and where the first are), and
one per reason whose rows were too many to list. Every one is an error:
a bad record makes the run exit 1 (SPEC 2.3), after the results of the
good ones. Superseded assessments are normal and are no finding.
*/

use crate::diag::{Code, Diagnostic, Severity};
use crate::tabular::rows::{Rows, LISTED};

pub fn of(rows: &Rows) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in rows.listed.iter().filter(|p| p.code != Code::Superseded) {
        out.push(Diagnostic::new(p.code, p.detail.clone()).severity(Severity::Error).at(p.loc, ""));
    }
    for n in &rows.names {
        let rows_word = if n.count == 1 { "row" } else { "rows" };
        let message = match n.code {
            Code::AmbiguousName => {
                format!(
                    "{} `{}` is ambiguous: it may mean {} ({} {rows_word} skipped)",
                    n.what,
                    n.name,
                    n.hint.join(" or "),
                    n.count
                )
            }
            _ => format!("unknown {} `{}` ({} {rows_word} skipped)", n.what, n.name, n.count),
        };
        let mut d = Diagnostic::new(n.code, message).severity(Severity::Error).item(n.name.clone());
        for loc in &n.first {
            d = d.at(*loc, "");
        }
        if n.code != Code::AmbiguousName {
            for h in &n.hint {
                d = d.note(h.clone());
            }
        }
        out.push(d);
    }
    for (code, count) in &rows.problems_by_reason {
        let listed = rows.listed.iter().filter(|p| p.code == *code).count() as u64;
        let named: u64 = rows.names.iter().filter(|n| n.code == *code).map(|n| n.count).sum();
        let rest = count.saturating_sub(listed + named);
        if *code != Code::Superseded && rest > 0 {
            out.push(
                Diagnostic::new(*code, format!("{rest} more rows skipped for {code} (the first {LISTED} are listed)"))
                    .severity(Severity::Error),
            );
        }
    }
    crate::diag::sort(&mut out);
    out
}
