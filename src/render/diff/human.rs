/*!
The human diff: changes grouped by role (`title (id)`, catalogue order), `+`
added, `-` removed, `~` changed, `→` moved; inside a changed sentence the
inserted and deleted characters in colour, or marked `[+…]` and `[-…]` when
colour is off; the summary line that says what kind of nothing; with
`--check` the findings introduced and resolved, rustc-style; with
`--metrics` what the change does to scores.
*/

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{describe, groups, role_heading, sign, summary, DiffOutput, Piece};
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

/// Inserted text: green and underlined; deleted: red and struck through.
fn inserted() -> Style {
    Style::new().fg_color(Some(AnsiColor::Green.into())).underline()
}

fn deleted() -> Style {
    Style::new().fg_color(Some(AnsiColor::Red.into())).strikethrough()
}

/// Pieces as terminal text: every piece defanged; edits coloured, or
/// bracketed when there is no colour to show them.
pub fn pieces(ps: &[Piece], color: bool) -> String {
    let mut s = String::new();
    for p in ps {
        match p {
            Piece::Words(t) | Piece::Keep(t) => s.push_str(&terminal(t)),
            Piece::Insert(t) if color => s.push_str(&format!("{}{}{:#}", inserted(), terminal(t), inserted())),
            Piece::Delete(t) if color => s.push_str(&format!("{}{}{:#}", deleted(), terminal(t), deleted())),
            Piece::Insert(t) => s.push_str(&format!("[+{}]", terminal(t))),
            Piece::Delete(t) => s.push_str(&format!("[-{}]", terminal(t))),
        }
    }
    s
}

impl Render<DiffOutput<'_>> for Human {
    fn render(&self, o: &DiffOutput, out: &mut dyn Write) -> io::Result<()> {
        let r = o.report;
        let bold = Style::new().bold();
        writeln!(out, "{bold}opsroles diff {} → {}{bold:#}", terminal(&r.old), terminal(&r.new))?;
        for group in groups(r) {
            writeln!(out, "\n{bold}{}{bold:#}", terminal(&role_heading(&group[0])))?;
            for c in group {
                let s = sign(c.kind);
                let st = style(s);
                // The sign carries the colour; text edits carry their own.
                writeln!(out, "  {st}{s}{st:#} {}", pieces(&describe(c, r), o.color))?;
            }
        }
        writeln!(out, "\n{}", summary(r))?;
        if let Some(checked) = &r.check {
            for (title, list) in [("introduced", &checked.introduced), ("resolved", &checked.resolved)] {
                writeln!(out, "\n{bold}check: {} {title}{bold:#}", list.len())?;
                if !list.is_empty() {
                    diagnostics::write_ansi(out, &r.sources, list)?;
                }
            }
        }
        if let Some(impact) = &r.impact {
            super::impact::human(impact, r, out)?;
        }
        Ok(())
    }
}
