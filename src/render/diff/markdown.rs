/*!
The diff as Markdown for a pull-request comment: one table per role (headed
`title (id)`, catalogue order), a changed sentence with `<ins>`/`<del>`
around the characters inserted and deleted, the summary line, the findings
of `--check`, and the score table of `--metrics`.

Every piece of role text goes through [`md_cell`] (inside the `<ins>` and
`<del>` the tool writes too), so no `|`, link, image or HTML from a role
file reaches the comment. `<ins>`/`<del>` rather than `**`/`~~`: GitHub does
not open emphasis next to the full-width punctuation Chinese text is full of.
*/

use std::io::{self, Write};

use super::{groups, item, role_heading, sign, summary, value, DiffOutput, Piece};
use crate::diff::Kind;
use crate::render::escape::{md_cell, md_code};
use crate::render::Render;

pub struct Markdown;

/// Pieces as a Markdown table cell.
pub fn pieces(ps: &[Piece]) -> String {
    ps.iter()
        .map(|p| match p {
            Piece::Words(t) | Piece::Keep(t) => md_cell(t),
            Piece::Insert(t) => format!("<ins>{}</ins>", md_cell(t)),
            Piece::Delete(t) => format!("<del>{}</del>", md_cell(t)),
        })
        .collect()
}

impl Render<DiffOutput<'_>> for Markdown {
    fn render(&self, o: &DiffOutput, out: &mut dyn Write) -> io::Result<()> {
        let r = o.report;
        writeln!(out, "## opsroles diff: {} → {}", md_code(&r.old), md_code(&r.new))?;
        for group in groups(r) {
            writeln!(
                out,
                "\n### {}\n\n| | change | item | field | before → after |\n|---|---|---|---|---|",
                md_cell(&role_heading(&group[0]))
            )?;
            for c in group {
                let (field, change) = match c.kind {
                    Kind::DutyMoved => ("owner".to_string(), pieces(&describe_move(c))),
                    k if sign(k) == '~' => (md_cell(c.field.as_deref().unwrap_or("")), pieces(&value(c, r))),
                    // Added and removed: the item column says it all.
                    _ => (String::new(), String::new()),
                };
                let what = if c.item.is_some() { md_cell(&item(c)) } else { String::new() };
                writeln!(out, "| {} | {} | {what} | {field} | {change} |", sign(c.kind), c.kind.as_str())?;
            }
        }
        writeln!(out, "\n**{}**", md_cell(&summary(r)))?;
        if let Some(checked) = &r.check {
            for (title, list) in [("introduced", &checked.introduced), ("resolved", &checked.resolved)] {
                writeln!(out, "\n### check: {} {title}", list.len())?;
                if !list.is_empty() {
                    writeln!(out)?;
                }
                for d in list {
                    let at = d.primary().map_or(String::new(), |l| format!(" ({})", md_code(&r.sources.position(l))));
                    writeln!(out, "- **{}[{}]** {}{at}", d.severity.as_str(), d.code, md_cell(&d.message))?;
                }
            }
        }
        if let Some(impact) = &r.impact {
            super::impact::markdown(impact, out)?;
        }
        Ok(())
    }
}

/// `from → to` of a moved duty, with titles.
fn describe_move(c: &crate::diff::Change) -> Vec<Piece> {
    let from = super::named(c.from_role_title.as_deref(), c.from_role.as_deref().unwrap_or(""));
    let to = super::named(c.to_role_title.as_deref(), c.to_role.as_deref().unwrap_or(""));
    vec![Piece::Words(format!("{from} → {to}"))]
}
