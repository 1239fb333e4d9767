/*!
The terminal format: one table per scorecard (CJK-width aware), status in
colour (green / amber / red / grey), then a summary sorted by role and
entity with the department mean, and the row accounting. `--explain` adds
how each KPI score was reached.

Cards fit the terminal: below 100 columns a narrow layout drops the metric
column and the KPI id and puts the explanations under the table; long text
wraps. On a terminal, more than [`MAX_CARDS`] cards show only the summary
and say how to get every card; into a file or a pipe every card is written.
*/

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{
    card_title, card_total, change, department_mean, how, num, rows_line, score, status, stream, summary_headers,
    title, value, yes_no, ScoreOutput, SummaryRow, View,
};
use crate::render::escape::terminal as defang;
use crate::render::grid::{self, Align, Cell, Grid};
use crate::render::lang::{Label, Lang};
use crate::render::Render;
use crate::score::card::{Card, Status};
use crate::score::Report;

pub struct Table;

/// More cards than this on a terminal: the summary only.
pub const MAX_CARDS: usize = 200;
/// Narrower terminals get the narrow layout.
pub const NARROW: usize = 100;

fn style(status: Status) -> Style {
    let color = match status {
        Status::Exceeded | Status::Met => AnsiColor::Green,
        Status::Below => AnsiColor::Yellow,
        Status::Failed => AnsiColor::Red,
        Status::Missing => AnsiColor::BrightBlack,
    };
    Style::new().fg_color(Some(color.into()))
}

fn card_text(card: &Card, r: &Report, v: View, out: &mut String) {
    let lang = v.lang;
    let narrow = v.width.is_some_and(|w| w < NARROW);
    let compare = r.compare.is_some();
    out.push('\n');
    out.push_str(&defang(&card_title(card, lang)));
    out.push('\n');
    let mut headers = vec![Label::Kpi.text(lang)];
    let mut align = vec![Align::Left];
    if !narrow {
        headers.push(Label::Metric.text(lang));
        align.push(Align::Left);
    }
    headers.extend([Label::Value.text(lang), Label::Weight.text(lang), Label::Score.text(lang)]);
    headers.push(Label::Status.text(lang));
    align.extend([Align::Right, Align::Right, Align::Right, Align::Left]);
    if compare {
        headers.extend([Label::Before.text(lang), Label::Change.text(lang)]);
        align.extend([Align::Right, Align::Right]);
    }
    let how_column = v.explain && !narrow;
    if how_column {
        headers.push(Label::How.text(lang));
        align.push(Align::Left);
    }
    let flex = if how_column { headers.len() - 1 } else { 0 };
    let mut t = Grid::new(&headers, &align).flex(flex);
    for line in &card.kpis {
        let s = line.scored.as_ref().map(|s| s.score);
        let kpi = if narrow { line.kpi.title.clone() } else { format!("{} {}", line.kpi.title, line.kpi.id) };
        let mut row = vec![Cell::new(defang(&kpi))];
        if !narrow {
            row.push(Cell::new(defang(&line.kpi.metric)));
        }
        row.extend([
            Cell::new(value(line.value, line.kpi.unit, lang)),
            Cell::new(num(line.kpi.weight)),
            Cell::new(score(s)),
            Cell::styled(status(line.status, lang), style(line.status)),
        ]);
        if compare {
            row.push(Cell::new(score(line.compare)));
            row.push(Cell::new(change(s, line.compare)));
        }
        if how_column {
            row.push(Cell::new(defang(&how(line, lang))));
        }
        t.row(row);
    }
    t.write(out, v.width);
    out.push_str(&card_total(card, lang));
    if compare {
        out.push_str(&format!(
            " · {} {} · {} {}",
            Label::Before.text(lang),
            score(card.compare),
            Label::Change.text(lang),
            change(card.score, card.compare)
        ));
    }
    out.push('\n');
    if v.explain && narrow {
        let width = v.width.unwrap_or(NARROW).saturating_sub(4).max(20);
        for line in &card.kpis {
            let text = defang(&format!("{}: {}", line.kpi.title, how(line, lang)));
            for (i, piece) in grid::wrap(&text, width).iter().enumerate() {
                out.push_str(if i == 0 { "  " } else { "    " });
                out.push_str(piece);
                out.push('\n');
            }
        }
    }
}

fn summary_text(r: &Report, rows: &[SummaryRow], v: View, out: &mut String) {
    let lang = v.lang;
    let compare = r.compare.is_some();
    out.push('\n');
    out.push_str(Label::Summary.text(lang));
    out.push('\n');
    let headers = summary_headers(r.by_role, compare, lang);
    let mut align = vec![Align::Left, Align::Left, Align::Right, Align::Left, Align::Left];
    if compare {
        align.extend([Align::Right, Align::Right]);
    }
    let mut t = Grid::new(&headers, &align).flex(1);
    for row in rows {
        let mut cells = vec![
            Cell::new(defang(&row.entity)),
            Cell::new(defang(&row.role)),
            Cell::new(score(row.score)),
            Cell::new(defang(&row.grade)),
            Cell::new(yes_no(row.complete, lang)),
        ];
        if compare {
            cells.push(Cell::new(score(row.compare)));
            cells.push(Cell::new(change(row.score, row.compare)));
        }
        t.row(cells);
    }
    let (mean, before) = department_mean(rows);
    let mut cells = vec![
        Cell::new(Label::DepartmentMean.text(lang)),
        Cell::new(defang(&r.department)),
        Cell::new(score(mean)),
        Cell::new(""),
        Cell::new(""),
    ];
    if compare {
        cells.push(Cell::new(score(before)));
        cells.push(Cell::new(change(mean, before)));
    }
    t.row(cells);
    t.write(out, v.width);
}

/// The note in place of the cards, past [`MAX_CARDS`] on a terminal.
fn summary_only(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "\n共 {n} 張考核卡,終端只顯示摘要。全部考核卡:--format csv(或 markdown、html、json)、-o 文件,或管道輸出(例如 | less)。\n"
        ),
        Lang::En => format!(
            "\n{n} scorecards: a terminal shows only the summary. Every card: --format csv (or markdown, html, json), -o FILE, or a pipe (e.g. | less).\n"
        ),
    }
}

impl Render<ScoreOutput<'_, '_>> for Table {
    fn render(&self, o: &ScoreOutput, w: &mut dyn Write) -> io::Result<()> {
        let (r, v) = (o.report, o.view);
        let lang = v.lang;
        let mut out = format!("{}\n", defang(&title(r, lang)));
        if let Some(c) = r.compare {
            out.push_str(&format!("{} {c}\n", Label::ComparedWith.text(lang)));
        }
        if r.is_empty() {
            out.push_str(&format!("\n{}\n\n{}\n", Label::NoScorecards.text(lang), rows_line(r, lang)));
            return w.write_all(out.as_bytes());
        }
        w.write_all(out.as_bytes())?;
        out.clear();
        let rows = if v.terminal && r.len() > MAX_CARDS {
            out.push_str(&summary_only(r.len(), lang));
            stream::summary(r)
        } else {
            stream::cards(r, v.explain, w, &|_, card, buf| card_text(card, r, v, buf))?
        };
        summary_text(r, &rows, v, &mut out);
        out.push('\n');
        out.push_str(&rows_line(r, lang));
        out.push('\n');
        w.write_all(out.as_bytes())
    }
}
