/*!
The human diff: changes grouped by role, `+` added, `-` removed, `~` changed,
`→` moved, in colour on a terminal; with `--check`, the findings introduced
and resolved, rustc-style.
*/

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{count, describe, sign};
use crate::diff::Report;
use crate::render::escape::terminal;
use crate::render::{diagnostics, Render};

pub struct Human;

fn style(sign: char) -> Style {
    let c = match sign {
        '+' => AnsiColor::Green,
        '-' => AnsiColor::Red,
        '→' => AnsiColor::Cyan,
        _ => AnsiColor::Yellow,
    };
    Style::new().fg_color(Some(c.into()))
}

impl Render<Report> for Human {
    fn render(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        let bold = Style::new().bold();
        writeln!(out, "{bold}opsroles diff {} → {}{bold:#}", terminal(&r.old), terminal(&r.new))?;
        let mut role = None;
        for c in &r.changes {
            if role != Some(&c.role) {
                writeln!(out, "\n{bold}{}{bold:#}", terminal(&c.role))?;
                role = Some(&c.role);
            }
            let s = sign(c.kind);
            let st = style(s);
            writeln!(out, "  {st}{s} {}{st:#}", terminal(&describe(c)))?;
        }
        writeln!(out, "\n{}", count(r.changes.len()))?;
        if let Some(checked) = &r.check {
            for (title, list) in [("introduced", &checked.introduced), ("resolved", &checked.resolved)] {
                writeln!(out, "\n{bold}check: {} {title}{bold:#}", list.len())?;
                if !list.is_empty() {
                    diagnostics::write_ansi(out, &r.sources, list)?;
                }
            }
        }
        Ok(())
    }
}
