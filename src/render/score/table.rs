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
    card_title, card_total, change, department_mean, how, mean_row_second, num, rows_line, score, status, stream,
    summary_headers, title, write_score, write_value, yes_no, ScoreOutput, SummaryRow, View,
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

/// What every card of a role repeats — its KPIs' names, metrics and
/// weights — made safe for a terminal and measured once, not per card.
struct RoleText {
    /// `title id`, `title`, the metric, the weight, with display widths.
    wide: Vec<(String, usize)>,
    narrow: Vec<(String, usize)>,
    metric: Vec<(String, usize)>,
    weight: Vec<(String, usize)>,
}

fn role_texts(r: &Report) -> Vec<RoleText> {
    let measured = |s: String| {
        let w = grid::width(&s);
        (s, w)
    };
    r.plan
        .roles
        .iter()
        .map(|role| RoleText {
            wide: role.kpis.iter().map(|k| measured(defang(&format!("{} {}", k.title, k.id)))).collect(),
            narrow: role.kpis.iter().map(|k| measured(defang(&k.title))).collect(),
            metric: role.kpis.iter().map(|k| measured(defang(&k.metric))).collect(),
            weight: role.kpis.iter().map(|k| measured(num(k.weight))).collect(),
        })
        .collect()
}

fn card_text(card: &Card, r: &Report, texts: &[RoleText], v: View, out: &mut String) {
    let role_ix = card.role_ix;
    let text = &texts[role_ix];
    let lang = v.lang;
    let narrow = v.width.is_some_and(|w| w < NARROW);
    let compare = r.compare.is_some();
    out.push('\n');
    line_to_fit(out, &defang(&card_title(card, lang)), v.width);
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
    // Values and scores of the whole card in one buffer, then borrowed by
    // the cells: no string per cell.
    let mut numbers = String::with_capacity(card.kpis.len() * 16);
    let mut spans = Vec::with_capacity(card.kpis.len() * 3);
    for line in &card.kpis {
        let s = line.scored.as_ref().map(|s| s.score);
        let mut mark = |numbers: &mut String, write: &dyn Fn(&mut String)| {
            let start = numbers.len();
            write(numbers);
            spans.push(start..numbers.len());
        };
        mark(&mut numbers, &|n| write_value(n, line.value, line.kpi.unit, lang));
        mark(&mut numbers, &|n| write_score(n, s));
        if compare {
            mark(&mut numbers, &|n| write_score(n, line.compare));
        }
    }
    let per_line = if compare { 3 } else { 2 };
    for (k, line) in card.kpis.iter().enumerate() {
        let s = line.scored.as_ref().map(|s| s.score);
        let number = |i: usize| Cell::new(&numbers[spans[k * per_line + i].clone()]);
        let (kpi, kpi_width) = if narrow { &text.narrow[k] } else { &text.wide[k] };
        t.push(Cell::measured(kpi, *kpi_width));
        if !narrow {
            t.push(Cell::measured(&text.metric[k].0, text.metric[k].1));
        }
        t.push(number(0));
        t.push(Cell::measured(&text.weight[k].0, text.weight[k].1));
        t.push(number(1));
        t.push(if v.color {
            Cell::styled(status(line.status, lang), style(line.status))
        } else {
            Cell::new(status(line.status, lang))
        });
        if compare {
            t.push(number(2));
            t.push(Cell::new(change(s, line.compare)));
        }
        if how_column {
            t.push(Cell::new(defang(&how(line, lang))));
        }
    }
    t.write(out, v.width);
    let total = card_total(card, lang, compare);
    line_to_fit(out, &total, v.width);
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

/// A line of text, wrapped at spaces to the terminal's width when known.
fn line_to_fit(out: &mut String, text: &str, width: Option<usize>) {
    match width {
        Some(w) if grid::width(text) > w => {
            for piece in grid::wrap(text, w) {
                out.push_str(&piece);
                out.push('\n');
            }
        }
        _ => {
            out.push_str(text);
            out.push('\n');
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
        Cell::new(defang(&mean_row_second(r, rows))),
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
            let texts = role_texts(r);
            stream::cards(r, v.explain, w, &|_, card, buf| card_text(card, r, &texts, v, buf))?
        };
        summary_text(r, &rows, v, &mut out);
        out.push('\n');
        out.push_str(&rows_line(r, lang));
        out.push('\n');
        w.write_all(out.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;
    use crate::render::score::ScoreFormat;
    use crate::score::plan::Plan;
    use crate::tabular::input::Input;

    fn plan() -> Plan {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("roles");
        let org = crate::model::load::load_paths(&[dir], &mut crate::source::Sources::default()).unwrap();
        Plan::new(&org.roles, crate::config::Scoring::default()).unwrap()
    }

    fn report<'p>(plan: &'p Plan, csv: String, opts: crate::score::Options) -> Report<'p> {
        let mut sources = crate::source::Sources::default();
        let file = sources.add_table("t.csv".into());
        let input: (Input, Box<dyn Read + Send>) =
            (Input { name: "t.csv".into(), path: None }, Box::new(Cursor::new(csv.into_bytes())));
        crate::score::run(vec![input], &[file], plan, &opts, "運營管理部", &crate::score::Silent).unwrap()
    }

    fn q3() -> String {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/q3.csv")).unwrap()
    }

    fn render(r: &Report, view: View) -> String {
        crate::render::to_string(ScoreFormat::Table, &ScoreOutput { report: r, view })
    }

    #[test]
    fn below_100_columns_cards_take_the_narrow_layout() {
        let plan = plan();
        let q2 =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/q2.csv")).unwrap();
        let both = format!("{q2}{}", q3().split_once('\n').unwrap().1);
        let opts = crate::score::Options {
            period: crate::tabular::period::parse("2026-Q3"),
            compare: crate::tabular::period::parse("2026-Q2"),
            ..Default::default()
        };
        let r = report(&plan, both, opts);
        for lang in [Lang::Zh, Lang::En] {
            let view = View { explain: true, lang, width: Some(80), terminal: true, ..View::default() };
            let text = render(&r, view);
            let plain = String::from_utf8(anstream::adapter::strip_bytes(text.as_bytes()).into_vec()).unwrap();
            for line in plain.lines() {
                assert!(grid::width(line) <= 80, "{} columns: {line}", grid::width(line));
            }
            assert!(!plain.contains(Label::Metric.text(lang)), "no metric column:\n{plain}");
            assert!(plain.contains("  流程效率提升率: "), "explanations under the table:\n{plain}");
        }
        // 100 columns and more: the wide layout, metric column and all.
        let wide = render(&r, View { lang: Lang::En, width: Some(120), terminal: true, ..View::default() });
        assert!(wide.contains("│ Metric "), "{wide}");
    }

    #[test]
    fn past_200_cards_a_terminal_gets_the_summary_only() {
        let plan = plan();
        let mut csv = String::from("period,person,role,metric,value\n");
        for p in 0..201 {
            csv.push_str(&format!("2026-07,員工{p:03},process-manager,sop_coverage,90\n"));
        }
        let r = report(&plan, csv, Default::default());
        assert_eq!(r.len(), 201);
        let view = View { lang: Lang::En, terminal: true, ..View::default() };
        let text = render(&r, view);
        assert!(text.contains("201 scorecards: a terminal shows only the summary. Every card: --format csv"), "{text}");
        assert!(!text.contains("員工000 · "), "no card:\n{text}");
        assert!(text.contains("│ 員工200 "), "every summary line:\n{text}");
        // Into a pipe or a file, every card.
        let piped = render(&r, View { lang: Lang::En, terminal: false, ..View::default() });
        assert!(piped.contains("員工000 · 流程管理經理 (process-manager)"));
        assert!(piped.contains("員工200 · 流程管理經理 (process-manager)"));
        assert!(!piped.contains("a terminal shows only"));
    }
}
