/*!
The terminal format, readable at 80 columns: the register worst first, two
lines per risk (level, L × I, id and title; then owner, status, due date,
FMEA), the 5×5 heat map, the summary per level and the records line.

The heat map is coloured on a terminal — blue, yellow, orange and red
backgrounds for low, medium, high and critical — and reads the same
without colour: every cell shows its level's letter and its count
(`·` for none), likelihood 5 → 1 from top to bottom, impact 1 → 5 from left
to right.
*/

use std::io::{self, Write};

use anstyle::{Ansi256Color, AnsiColor, Color, Style};

use super::{level, status, summary_line, RiskOutput};
use crate::render::columns::{push_padded, width};
use crate::render::escape::terminal as defang;
use crate::render::lang::{Label, Lang};
use crate::render::Render;
use crate::risk::{Level, Register, Risk};

pub struct Human;

/// Background and text colours of a level's heat map cells.
fn cell_style(l: Level) -> Style {
    let (bg, fg): (Color, Color) = match l {
        Level::Low => (AnsiColor::Blue.into(), AnsiColor::BrightWhite.into()),
        Level::Medium => (AnsiColor::Yellow.into(), AnsiColor::Black.into()),
        Level::High => (Ansi256Color(208).into(), AnsiColor::Black.into()),
        Level::Critical => (AnsiColor::Red.into(), AnsiColor::BrightWhite.into()),
    };
    Style::new().bg_color(Some(bg)).fg_color(Some(fg)).bold()
}

/// Text colour of a level in the register.
fn text_style(l: Level) -> Style {
    let c: Color = match l {
        Level::Low => AnsiColor::Blue.into(),
        Level::Medium => AnsiColor::Yellow.into(),
        Level::High => Ansi256Color(208).into(),
        Level::Critical => AnsiColor::Red.into(),
    };
    Style::new().fg_color(Some(c)).bold()
}

fn paint(text: &str, style: Style) -> String {
    format!("{style}{text}{style:#}")
}

/// The heat map lines (ANSI colour included; stripped when colour is off).
pub fn heatmap(reg: &Register, lang: Lang) -> String {
    let most = reg.heatmap.iter().flatten().max().copied().unwrap_or(0);
    let width = most.to_string().len().max(2);
    let mut out = match lang {
        Lang::Zh => format!("{} · 行: 可能性 5 → 1 · 列: 影響 1 → 5\n", Label::HeatMap.text(lang)),
        Lang::En => "Heat map · rows: likelihood 5 → 1 · columns: impact 1 → 5\n".to_string(),
    };
    let cell = width + 4;
    let mut head = "     ".to_string();
    for impact in 1..=5 {
        head.push_str(&format!(" {impact:^cell$}"));
    }
    out.push_str(head.trim_end());
    out.push('\n');
    for (i, row) in reg.heatmap.iter().enumerate() {
        let likelihood = 5 - i;
        out.push_str(&format!("  {likelihood}  "));
        for (j, n) in row.iter().enumerate() {
            let l = Level::of((likelihood * (j + 1)) as u8, &reg.levels);
            let count = if *n == 0 { "·".to_string() } else { n.to_string() };
            out.push(' ');
            out.push_str(&paint(&format!(" {} {count:>width$} ", l.letter()), cell_style(l)));
        }
        out.push('\n');
    }
    let legend: Vec<String> = [Level::Low, Level::Medium, Level::High, Level::Critical]
        .iter()
        .map(|l| format!("{} {}", paint(&l.letter().to_string(), text_style(*l)), level(*l, lang)))
        .collect();
    out.push_str(&format!("     {}\n", legend.join(" · ")));
    out
}

fn due_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "到期",
        Lang::En => "due",
    }
}

/// The second line of a risk: owner · status · due · FMEA.
fn details(r: &Risk, lang: Lang) -> String {
    let l = |x: Label| x.text(lang);
    let mut parts = vec![defang(&r.owner_title), status(r.status, lang)];
    match (r.due, r.overdue) {
        (Some(d), true) => {
            parts.push(paint(&format!("{} {d} {}", due_word(lang), l(Label::Overdue)), text_style(Level::Critical)))
        }
        (Some(d), false) => parts.push(format!("{} {d}", due_word(lang))),
        (None, _) => {}
    }
    if let (Some(f), Some(rpn), Some(ap)) = (r.fmea, r.rpn, r.action_priority) {
        parts.push(format!("S{} O{} D{} RPN {rpn} AP {ap}", f.severity, f.occurrence, f.detection));
    }
    parts.join(" · ")
}

impl Render<RiskOutput<'_>> for Human {
    fn render(&self, o: &RiskOutput, w: &mut dyn Write) -> io::Result<()> {
        let (reg, lang) = (o.register, o.lang);
        let l = |x: Label| x.text(lang);
        let mut out = format!(
            "{} {} · {} · {} {}\n\n",
            defang(o.department),
            l(Label::RiskRegister),
            reg.today,
            reg.risks.len(),
            l(Label::RisksCounted)
        );
        // Written straight into the text: a register can hold 100,000 risks.
        let levels: Vec<String> =
            [Level::Low, Level::Medium, Level::High, Level::Critical].iter().map(|l| level(*l, lang)).collect();
        let level_w = levels.iter().map(|l| width(l)).max().unwrap_or(0);
        let scores: Vec<String> =
            reg.risks.iter().map(|r| format!("{}×{}={}", r.likelihood, r.impact, r.score)).collect();
        let score_w = scores.iter().map(|s| width(s)).max().unwrap_or(0);
        let ids: Vec<String> = reg.risks.iter().map(|r| defang(&r.id)).collect();
        let id_w = ids.iter().map(|i| width(i)).max().unwrap_or(0);
        for ((r, score), id) in reg.risks.iter().zip(&scores).zip(&ids) {
            let st = text_style(r.level);
            out.push_str(&format!("{st}"));
            push_padded(&mut out, &levels[r.level as usize], level_w, false);
            out.push_str(&format!("{st:#}  "));
            push_padded(&mut out, score, score_w, true);
            out.push_str("  ");
            push_padded(&mut out, id, id_w, false);
            out.push_str("  ");
            out.push_str(&defang(&r.title));
            out.push_str("\n    ");
            out.push_str(&details(r, lang));
            out.push('\n');
        }
        if !reg.risks.is_empty() {
            out.push('\n');
        }
        out.push_str(&heatmap(reg, lang));
        out.push('\n');
        out.push_str(&summary_line(reg, lang));
        out.push('\n');
        out.push_str(&crate::render::lang::records_line(&reg.rows, lang));
        out.push('\n');
        w.write_all(out.as_bytes())
    }
}
