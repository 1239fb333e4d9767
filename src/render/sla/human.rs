/*!
The terminal format, readable at 80 columns: two lines per conflict by
raise date (id, state in colour — green met, yellow late, plain open, amber
due-today, red overdue — raised, due, resolved, working days, escalated;
then the matter and the parties), the summary, the summary per party, and
the records line.
*/

use std::io::{self, Write};

use anstyle::{Ansi256Color, AnsiColor, Color, Style};

use super::{days, heading, share, state, summary_line, SlaOutput};
use crate::render::columns::{lines, push_date, push_padded, width, Cell};
use crate::render::escape::terminal as defang;
use crate::render::lang::{Label, Lang};
use crate::render::Render;
use crate::sla::State;

pub struct Human;

fn style(s: State) -> Style {
    let c: Option<Color> = match s {
        State::Met => Some(AnsiColor::Green.into()),
        State::Late => Some(AnsiColor::Yellow.into()),
        State::Open => None,
        State::DueToday => Some(Ansi256Color(208).into()),
        State::Overdue => Some(AnsiColor::Red.into()),
    };
    Style::new().fg_color(c).bold()
}

/// Short state names for the per-party columns.
fn short(s: State, lang: Lang) -> &'static str {
    match (s, lang) {
        (State::Met, Lang::Zh) => "按時",
        (State::Late, Lang::Zh) => "逾期",
        (State::Open, Lang::Zh) => "處理中",
        (State::DueToday, Lang::Zh) => "今日",
        (State::Overdue, Lang::Zh) => "已逾期",
        (State::Met, Lang::En) => "met",
        (State::Late, Lang::En) => "late",
        (State::Open, Lang::En) => "open",
        (State::DueToday, Lang::En) => "due today",
        (State::Overdue, Lang::En) => "overdue",
    }
}

impl Render<SlaOutput<'_>> for Human {
    fn render(&self, o: &SlaOutput, w: &mut dyn Write) -> io::Result<()> {
        let (log, lang) = (o.log, o.lang);
        let l = |x: Label| x.text(lang);
        let mut out = format!(
            "{} {} · {} {}\n{}\n\n",
            defang(o.department),
            l(Label::ConflictLog),
            log.conflicts.len(),
            l(Label::ConflictsCounted),
            defang(&heading(o))
        );
        if !log.conflicts.is_empty() {
            // Written straight into the text: a log can hold 100,000 conflicts.
            let heads = [
                l(Label::Id),
                l(Label::State),
                l(Label::Raised),
                l(Label::Due),
                l(Label::Resolved),
                l(Label::WorkingDays),
                l(Label::Escalated),
            ];
            let ids: Vec<String> = log.conflicts.iter().map(|c| defang(&c.id)).collect();
            let id_w = ids.iter().map(|i| width(i)).chain([width(heads[0])]).max().unwrap_or(0);
            let st_w = State::ALL.iter().map(|s| width(&state(*s, lang))).chain([width(heads[1])]).max().unwrap_or(0);
            let date_w = |h: &str| width(h).max(10);
            let day_w = width(heads[5]).max(4);
            let ws = [id_w, st_w, date_w(heads[2]), date_w(heads[3]), date_w(heads[4]), day_w];
            for (k, h) in heads.iter().enumerate() {
                if k > 0 {
                    out.push_str("  ");
                }
                match k {
                    6 => out.push_str(h),
                    5 => push_padded(&mut out, h, ws[k], true),
                    _ => push_padded(&mut out, h, ws[k], false),
                }
            }
            out.push('\n');
            let labels: Vec<String> = State::ALL.iter().map(|s| state(*s, lang)).collect();
            let default = log.coordinator.as_ref().map(|(id, _)| id);
            let lead = " ".repeat(id_w + 2);
            for (c, id) in log.conflicts.iter().zip(&ids) {
                push_padded(&mut out, id, id_w, false);
                out.push_str("  ");
                let st = style(c.state);
                let label = &labels[State::ALL.iter().position(|s| *s == c.state).unwrap_or(0)];
                out.push_str(&format!("{st}"));
                push_padded(&mut out, label, st_w, false);
                out.push_str(&format!("{st:#}"));
                for (k, d) in [(2, Some(c.raised)), (3, Some(c.due)), (4, c.resolved)] {
                    out.push_str("  ");
                    match d {
                        Some(d) => {
                            push_date(&mut out, d);
                            push_padded(&mut out, "", ws[k] - 10, false);
                        }
                        None => push_padded(&mut out, "—", ws[k], false),
                    }
                }
                out.push_str("  ");
                push_padded(&mut out, &c.days.map_or("—".to_string(), |d| d.to_string()), day_w, true);
                out.push_str("  ");
                match c.escalated {
                    Some(d) => push_date(&mut out, d),
                    None => out.push('—'),
                }
                out.push('\n');
                out.push_str(&lead);
                out.push_str(&defang(&c.title));
                out.push_str(" · ");
                out.push_str(&defang(&c.party_titles.join("、")));
                if let (Some(owner), true) = (&c.owner_title, c.owner.as_ref() != default) {
                    out.push_str(" · ");
                    out.push_str(l(Label::Coordinator));
                    out.push(' ');
                    out.push_str(&defang(owner));
                }
                out.push('\n');
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "{}: {}\n",
            l(Label::Summary),
            summary_line(&log.summary, lang).replacen(
                &format!(" · {}", l(Label::MetShare)),
                &format!(
                    "\n{}  {}",
                    " ".repeat(unicode_width::UnicodeWidthStr::width(l(Label::Summary))),
                    l(Label::MetShare)
                ),
                1,
            )
        ));
        if !log.parties.is_empty() {
            out.push('\n');
            let (party, share_h, median_h, max_h) = match lang {
                Lang::Zh => ("部門", "按時率", "中位", "最長"),
                Lang::En => ("party", "met %", "median", "max"),
            };
            let mut head = vec![Cell::left(party), Cell::right(l(Label::Total))];
            head.extend(State::ALL.iter().map(|s| Cell::right(short(*s, lang))));
            head.extend([Cell::right(share_h), Cell::right(median_h), Cell::right(max_h)]);
            let mut rows = vec![head];
            for p in &log.parties {
                let s = &p.summary;
                let mut row = vec![Cell::left(defang(&p.title)), Cell::right(s.total.to_string())];
                row.extend(State::ALL.iter().map(|st| Cell::right(s.count(*st).to_string())));
                row.push(Cell::right(share(s.met_share)));
                row.push(Cell::right(days(s.median_days)));
                row.push(Cell::right(s.max_days.map_or("—".to_string(), |d| d.to_string())));
                rows.push(row);
            }
            for line in lines(&rows, 0) {
                out.push_str(&line);
                out.push('\n');
            }
            out.push('\n');
        }
        out.push_str(&crate::render::lang::records_line(&log.rows, lang));
        out.push('\n');
        w.write_all(out.as_bytes())
    }
}
