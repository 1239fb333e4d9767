/*!
Markdown scorecards for reports and pull requests. Text from exports and role
files is escaped for tables (`|`, line breaks) so a cell cannot break the table.
*/

use std::io::{self, Write};

use super::{card_title, card_total, change, num, period_line, rows_line, score, value_with_unit, ScoreOutput};
use crate::render::escape::md_cell as cell;
use crate::render::Render;

pub struct Markdown;

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

impl Render<ScoreOutput<'_>> for Markdown {
    fn render(&self, o: &ScoreOutput, w: &mut dyn Write) -> io::Result<()> {
        let (r, view) = (o.report, o.view);
        let mut out = format!("# {} KPI scorecards — {}\n\n", cell(&r.department), period_line(r));
        if let Some(c) = r.compare {
            out.push_str(&format!("Compared with {c}.\n\n"));
        }
        for card in &r.cards {
            out.push_str(&format!("## {}\n\n", cell(&card_title(card))));
            let mut headers: Vec<String> =
                ["KPI", "metric", "value", "weight", "score", "status"].map(String::from).to_vec();
            if r.compare.is_some() {
                headers.extend(["before".to_string(), "change".to_string()]);
            }
            if view.explain {
                headers.push("how".to_string());
            }
            out.push_str(&row(&headers));
            out.push_str(&row(&headers.iter().map(|_| "---".to_string()).collect::<Vec<_>>()));
            for line in &card.kpis {
                let s = line.scored.as_ref().map(|s| s.score);
                let mut cells = vec![
                    cell(&format!("{} ({})", line.kpi.title, line.kpi.id)),
                    cell(&line.kpi.metric),
                    cell(&value_with_unit(line.value, line.kpi.unit)),
                    num(line.kpi.weight),
                    score(s),
                    line.status.as_str().to_string(),
                ];
                if r.compare.is_some() {
                    cells.push(score(line.compare));
                    cells.push(change(s, line.compare));
                }
                if view.explain {
                    cells.push(cell(
                        &line
                            .scored
                            .as_ref()
                            .map_or("no value in the period".to_string(), |sc| format!("{}: {}", sc.band, sc.formula)),
                    ));
                }
                out.push_str(&row(&cells));
            }
            out.push_str(&format!("\n**{}**\n\n", cell(&card_total(card))));
        }
        out.push_str("## Summary\n\n");
        out.push_str(&row(&["entity", "role", "score", "grade", "complete"].map(String::from)));
        out.push_str("| --- | --- | ---: | --- | --- |\n");
        for c in &r.cards {
            out.push_str(&row(&[
                cell(&c.entity),
                cell(&format!("{} ({})", c.role_title, c.role)),
                score(c.score),
                cell(&c.grade),
                (if c.complete { "yes" } else { "no" }).to_string(),
            ]));
        }
        out.push_str(&format!("\n{}\n", rows_line(r)));
        w.write_all(out.as_bytes())
    }
}
