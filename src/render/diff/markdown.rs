/*!
The diff as Markdown for a pull-request comment: one table per role, Chinese
text as it is, every cell escaped so no `|`, link, image or HTML from a role
file reaches the comment.
*/

use std::io::{self, Write};

use super::{count, sign};
use crate::diff::Report;
use crate::render::escape::{md_cell, md_code};
use crate::render::Render;

pub struct Markdown;

fn v(s: &Option<String>) -> String {
    s.as_deref().map_or(String::new(), md_cell)
}

impl Render<Report> for Markdown {
    fn render(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "## opsroles diff: {} → {}", md_code(&r.old), md_code(&r.new))?;
        if r.changes.is_empty() {
            writeln!(out, "\nNo changes to the roles.")?;
        }
        let mut role = None;
        for c in &r.changes {
            if role != Some(&c.role) {
                writeln!(
                    out,
                    "\n### {}\n\n| | change | item | field | before | after |\n|---|---|---|---|---|---|",
                    md_cell(&c.role)
                )?;
                role = Some(&c.role);
            }
            let (field, before, after) = match (c.from_role.as_ref(), c.to_role.as_ref()) {
                (Some(_), Some(_)) => ("owner".to_string(), v(&c.from_role), v(&c.to_role)),
                _ => (v(&c.field), v(&c.before), v(&c.after)),
            };
            writeln!(
                out,
                "| {} | {} | {} | {field} | {before} | {after} |",
                sign(c.kind),
                c.kind.as_str(),
                v(&c.item)
            )?;
        }
        writeln!(out, "\n**{}**", count(r.changes.len()))?;
        if let Some(checked) = &r.check {
            for (title, list) in [("introduced", &checked.introduced), ("resolved", &checked.resolved)] {
                writeln!(out, "\n### check: {} {title}\n", list.len())?;
                for d in list {
                    let at = d.primary().map_or(String::new(), |l| format!(" ({})", md_code(&r.sources.position(l))));
                    writeln!(out, "- **{}[{}]** {}{at}", d.severity.as_str(), d.code, md_cell(&d.message))?;
                }
            }
        }
        Ok(())
    }
}
