/*!
Markdown scorecards for reports and pull requests. Text from exports and role
files is escaped for tables (`|`, line breaks) so a cell cannot break the table.
*/

use super::{card_title, card_total, change, num, period_line, rows_line, score, value_with_unit, RenderScore, View};
use crate::score::Report;

pub struct Markdown;

/// A table cell: `|` escaped, line breaks folded, Markdown emphasis kept literal.
pub fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('<', "&lt;")
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

impl RenderScore for Markdown {
    fn render(&self, r: &Report, view: View) -> String {
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
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(super::cell("a|b\nc"), "a\\|b c");
        assert_eq!(super::cell("<script>"), "&lt;script>");
    }
}
