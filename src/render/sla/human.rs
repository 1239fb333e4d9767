/*!
The terminal format, readable at 80 columns: two lines per conflict by
raise date (id, state in colour — green met, yellow late, plain open, amber
due-today, red overdue — raised, due, resolved, working days, escalated;
then the matter and the parties), the summary, the summary per party, and
the records line.
*/

use std::io::{self, Write};

use anstyle::{Ansi256Color, AnsiColor, Color, Style};

use super::{days, heading, records_line, share, state, summary_line, SlaOutput};
use crate::render::columns::{lines, Cell};
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

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or("—".to_string(), |d| d.to_string())
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
            let mut rows = vec![vec![
                Cell::left(l(Label::Id)),
                Cell::left(l(Label::State)),
                Cell::left(l(Label::Raised)),
                Cell::left(l(Label::Due)),
                Cell::left(l(Label::Resolved)),
                Cell::right(l(Label::WorkingDays)),
                Cell::left(l(Label::Escalated)),
            ]];
            for c in &log.conflicts {
                rows.push(vec![
                    Cell::left(defang(&c.id)),
                    Cell::left(state(c.state, lang)).styled(style(c.state)),
                    Cell::left(c.raised.to_string()),
                    Cell::left(c.due.to_string()),
                    Cell::left(date(c.resolved)),
                    Cell::right(c.days.map_or("—".to_string(), |d| d.to_string())),
                    Cell::left(match c.escalated {
                        Some(d) => d.to_string(),
                        None => "—".to_string(),
                    }),
                ]);
            }
            let lead =
                rows.iter().map(|r| unicode_width::UnicodeWidthStr::width(r[0].text.as_str())).max().unwrap_or(0) + 2;
            let all = lines(&rows, 0);
            out.push_str(&all[0]);
            out.push('\n');
            for (line, c) in all[1..].iter().zip(&log.conflicts) {
                out.push_str(line);
                out.push('\n');
                let mut second =
                    format!("{}{} · {}", " ".repeat(lead), defang(&c.title), defang(&c.party_titles.join("、")));
                let default = log.coordinator.as_ref().map(|(id, _)| id);
                if let (Some(owner), true) = (&c.owner_title, c.owner.as_ref() != default) {
                    second.push_str(&format!(" · {} {}", l(Label::Coordinator), defang(owner)));
                }
                out.push_str(&second);
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
        out.push_str(&records_line(log, lang));
        out.push('\n');
        w.write_all(out.as_bytes())
    }
}
