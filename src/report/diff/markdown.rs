/*!
The diff as Markdown for a pull-request comment: one table per role, Chinese
text as it is, cells escaped so no `|` breaks a table.
*/

use super::{count, sign};
use crate::diff::Report;
use crate::report::score::markdown::cell;

fn v(s: &Option<String>) -> String {
    s.as_deref().map_or(String::new(), cell)
}

pub fn render(r: &Report) -> String {
    let mut out = format!("## opsroles diff: `{}` → `{}`\n", cell(&r.old), cell(&r.new));
    if r.changes.is_empty() {
        out.push_str("\nNo changes to the roles.\n");
    }
    let mut role = None;
    for c in &r.changes {
        if role != Some(&c.role) {
            out.push_str(&format!(
                "\n### {}\n\n| | change | item | field | before | after |\n|---|---|---|---|---|---|\n",
                cell(&c.role)
            ));
            role = Some(&c.role);
        }
        let (field, before, after) = match (c.from_role.as_ref(), c.to_role.as_ref()) {
            (Some(_), Some(_)) => ("owner".to_string(), v(&c.from_role), v(&c.to_role)),
            _ => (v(&c.field), v(&c.before), v(&c.after)),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {field} | {before} | {after} |\n",
            sign(c.kind),
            c.kind.as_str(),
            v(&c.item)
        ));
    }
    out.push_str(&format!("\n**{}**\n", count(r.changes.len())));
    if let Some((introduced, resolved)) = &r.check {
        for (title, checked) in [("introduced", introduced), ("resolved", resolved)] {
            out.push_str(&format!("\n### check: {} {title}\n\n", checked.diagnostics.len()));
            for d in &checked.diagnostics {
                let at =
                    d.primary().map_or(String::new(), |l| format!(" (`{}:{}`)", checked.sources.name(l.file), l.line));
                out.push_str(&format!("- **{}[{}]** {}{at}\n", d.severity.as_str(), d.rule, cell(&d.message)));
            }
        }
    }
    out
}
