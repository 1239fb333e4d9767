/*!
The terminal format: one comfy-table block per scorecard (CJK-width aware),
status in colour (green / amber / red / grey), then a summary table sorted by
role and entity, and the row accounting. `--explain` adds the band and the
formula of each KPI score.
*/

use anstyle::{AnsiColor, Style};
use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table as Comfy};

use std::io::{self, Write};

use super::{card_title, card_total, change, num, period_line, rows_line, score, value_with_unit, ScoreOutput};
use crate::render::escape::terminal as defang;
use crate::render::Render;
use crate::score::card::Status;

pub struct Table;

fn coloured(text: &str, status: Status) -> String {
    let color = match status {
        Status::Exceeded | Status::Met => AnsiColor::Green,
        Status::Below => AnsiColor::Yellow,
        Status::Failed => AnsiColor::Red,
        Status::Missing => AnsiColor::BrightBlack,
    };
    let style = Style::new().fg_color(Some(color.into()));
    format!("{style}{text}{style:#}")
}

fn new_table(headers: Vec<&str>) -> Comfy {
    let mut t = Comfy::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Disabled).force_no_tty();
    t.set_header(headers);
    t
}

fn right(s: String) -> Cell {
    Cell::new(s).set_alignment(CellAlignment::Right)
}

impl Render<ScoreOutput<'_>> for Table {
    fn render(&self, o: &ScoreOutput, w: &mut dyn Write) -> io::Result<()> {
        let (r, view) = (o.report, o.view);
        let mut out = format!("{} KPI scorecards · {}\n", r.department, period_line(r));
        if let Some(c) = r.compare {
            out.push_str(&format!("compared with {c}\n"));
        }
        for card in &r.cards {
            out.push('\n');
            out.push_str(&defang(&card_title(card)));
            out.push('\n');
            let mut headers = vec!["KPI", "metric", "value", "weight", "score", "status"];
            if r.compare.is_some() {
                headers.extend(["before", "change"]);
            }
            if view.explain {
                headers.push("how");
            }
            let mut t = new_table(headers);
            for line in &card.kpis {
                let s = line.scored.as_ref().map(|s| s.score);
                let mut row = vec![
                    Cell::new(defang(&format!("{} {}", line.kpi.title, line.kpi.id))),
                    Cell::new(defang(&line.kpi.metric)),
                    right(value_with_unit(line.value, line.kpi.unit)),
                    right(num(line.kpi.weight)),
                    right(score(s)),
                    Cell::new(coloured(line.status.as_str(), line.status)),
                ];
                if r.compare.is_some() {
                    row.push(right(score(line.compare)));
                    row.push(right(change(s, line.compare)));
                }
                if view.explain {
                    row.push(Cell::new(match &line.scored {
                        Some(sc) => {
                            format!("{}: {} = {}", sc.band, sc.formula, score(Some(sc.score)))
                        }
                        None => "no value in the period".to_string(),
                    }));
                }
                t.add_row(row);
            }
            out.push_str(&t.to_string());
            out.push('\n');
            out.push_str(&card_total(card));
            if r.compare.is_some() {
                out.push_str(&format!(
                    " · before {} · change {}",
                    score(card.compare),
                    change(card.score, card.compare)
                ));
            }
            out.push('\n');
        }
        out.push_str("\nsummary\n");
        let mut t = new_table(vec!["entity", "role", "score", "grade", "complete"]);
        for c in &r.cards {
            t.add_row(vec![
                Cell::new(defang(&c.entity)),
                Cell::new(defang(&format!("{} ({})", c.role_title, c.role))),
                right(score(c.score)),
                Cell::new(&c.grade),
                Cell::new(if c.complete { "yes" } else { "no" }),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
        out.push_str(&rows_line(r));
        out.push('\n');
        w.write_all(out.as_bytes())
    }
}
