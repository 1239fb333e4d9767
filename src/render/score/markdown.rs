/*!
Markdown scorecards for reports and pull requests, written as the cards are
computed. Text from exports and role files is escaped for tables (`|`, line
breaks, link and image syntax) so a cell cannot break the table.
*/

use std::io::{self, Write};

use super::{
    card_title, card_total, change, department_mean, how, mean_row_second, num, rows_line, score, status, stream,
    summary_headers, title, write_score, write_value, yes_no, ScoreOutput, View,
};
use crate::render::escape::md_cell as cell;
use crate::render::lang::Label;
use crate::render::Render;
use crate::score::card::Card;
use crate::score::Report;

pub struct Markdown;

fn row(out: &mut String, cells: &[String]) {
    out.push_str("| ");
    out.push_str(&cells.join(" | "));
    out.push_str(" |\n");
}

/// What every card of a role repeats, escaped once: each KPI's
/// `| title (id) | metric | ` and its weight.
fn role_cells(r: &Report) -> Vec<Vec<(String, String)>> {
    super::per_kpi(r, |k| {
        (format!("| {} | {} | ", cell(&format!("{} ({})", k.title, k.id)), cell(&k.metric)), num(k.weight))
    })
}

/// The head of every card's table: the header row and the alignment row.
fn table_head(r: &Report, v: View) -> String {
    let lang = v.lang;
    let mut headers: Vec<String> =
        [Label::Kpi, Label::Metric, Label::Value, Label::Weight, Label::Score, Label::Status]
            .map(|l| l.text(lang).to_string())
            .to_vec();
    let mut rule = "| --- | --- | ---: | ---: | ---: | --- |".to_string();
    if r.compare.is_some() {
        headers.extend([Label::Before.text(lang).to_string(), Label::Change.text(lang).to_string()]);
        rule.push_str(" ---: | ---: |");
    }
    if v.explain {
        headers.push(Label::How.text(lang).to_string());
        rule.push_str(" --- |");
    }
    let mut out = String::new();
    row(&mut out, &headers);
    out.push_str(&rule);
    out.push('\n');
    out
}

fn card_text(card: &Card, r: &Report, cells: &[Vec<(String, String)>], head: &str, v: View, out: &mut String) {
    let lang = v.lang;
    let role_ix = card.role_ix;
    out.push_str("## ");
    out.push_str(&cell(&card_title(card, lang)));
    out.push_str("\n\n");
    out.push_str(head);
    for (line, (lead, weight)) in card.kpis.iter().zip(&cells[role_ix]) {
        let s = line.scored.as_ref().map(|s| s.score);
        out.push_str(lead);
        // Values hold no Markdown: digits, `.`, `,`, `%`, `¥`, unit words.
        write_value(out, line.value, line.kpi.unit, lang);
        out.push_str(" | ");
        out.push_str(weight);
        out.push_str(" | ");
        write_score(out, s);
        out.push_str(" | ");
        out.push_str(status(line.status, lang));
        if r.compare.is_some() {
            out.push_str(" | ");
            write_score(out, line.compare);
            out.push_str(" | ");
            out.push_str(&change(s, line.compare));
        }
        if v.explain {
            out.push_str(" | ");
            out.push_str(&cell(&how(line, lang)));
        }
        out.push_str(" |\n");
    }
    let total = card_total(card, lang, r.compare.is_some());
    out.push_str("\n**");
    out.push_str(&cell(&total));
    out.push_str("**\n\n");
}

impl Render<ScoreOutput<'_, '_>> for Markdown {
    fn render(&self, o: &ScoreOutput, w: &mut dyn Write) -> io::Result<()> {
        let (r, v) = (o.report, o.view);
        let lang = v.lang;
        let mut out = format!("# {}\n\n", cell(&title(r, lang)));
        if let Some(c) = r.compare {
            out.push_str(&format!("{} {c}.\n\n", Label::ComparedWith.text(lang)));
        }
        w.write_all(out.as_bytes())?;
        out.clear();
        let (cells, head) = (role_cells(r), table_head(r, v));
        let rows = stream::cards(r, v.explain, w, &|_, card, buf| card_text(card, r, &cells, &head, v, buf))?;
        out.push_str(&format!("## {}\n\n", Label::Summary.text(lang)));
        let compare = r.compare.is_some();
        row(&mut out, &summary_headers(r.by_role, compare, lang).iter().map(|h| h.to_string()).collect::<Vec<_>>());
        out.push_str(if compare {
            "| --- | --- | ---: | --- | --- | ---: | ---: |\n"
        } else {
            "| --- | --- | ---: | --- | --- |\n"
        });
        for s in &rows {
            let mut cells =
                vec![cell(&s.entity), cell(&s.role), score(s.score), cell(&s.grade), yes_no(s.complete, lang).into()];
            if compare {
                cells.push(score(s.compare));
                cells.push(change(s.score, s.compare));
            }
            row(&mut out, &cells);
        }
        let (mean, before) = department_mean(&rows);
        let mut cells = vec![
            format!("**{}**", Label::DepartmentMean.text(lang)),
            cell(&mean_row_second(r, &rows)),
            format!("**{}**", score(mean)),
            String::new(),
            String::new(),
        ];
        if compare {
            cells.push(score(before));
            cells.push(change(mean, before));
        }
        row(&mut out, &cells);
        out.push_str(&format!("\n{}\n", rows_line(r, lang)));
        w.write_all(out.as_bytes())
    }
}
