/*!
The human diff: changes grouped by role, `+` added, `-` removed, `~` changed,
`→` moved, in colour on a terminal; with `--check`, the findings introduced
and resolved, rustc-style.
*/

use anstyle::{AnsiColor, Style};

use super::{count, describe, sign};
use crate::diff::Report;
use crate::text::defang;

fn style(sign: char) -> Style {
    let c = match sign {
        '+' => AnsiColor::Green,
        '-' => AnsiColor::Red,
        '→' => AnsiColor::Cyan,
        _ => AnsiColor::Yellow,
    };
    Style::new().fg_color(Some(c.into()))
}

pub fn render(r: &Report) -> String {
    let bold = Style::new().bold();
    let mut out = format!("{bold}opsroles diff {} → {}{bold:#}\n", defang(&r.old), defang(&r.new));
    let mut role = None;
    for c in &r.changes {
        if role != Some(&c.role) {
            out.push_str(&format!("\n{bold}{}{bold:#}\n", defang(&c.role)));
            role = Some(&c.role);
        }
        let s = sign(c.kind);
        let st = style(s);
        out.push_str(&format!("  {st}{s} {}{st:#}\n", defang(&describe(c))));
    }
    out.push_str(&format!("\n{}\n", count(r.changes.len())));
    if let Some((introduced, resolved)) = &r.check {
        for (title, checked) in [("introduced", introduced), ("resolved", resolved)] {
            out.push_str(&format!("\n{bold}check: {} {title}{bold:#}\n", checked.diagnostics.len()));
            if !checked.diagnostics.is_empty() {
                out.push_str(&crate::report::human::render_ansi(&checked.sources, &checked.diagnostics));
            }
        }
    }
    out
}
