/*!
A self-contained HTML page of scorecards, built from the HTML kit: the page
shell (print CSS, Chinese font stack), an SVG bar chart per card, no
JavaScript, no network, written as the cards are computed. Every text from
exports and role files is escaped, so a KPI title cannot inject a script.

A page of a whole company's cards is an archive, not something to scroll
through: past [`MAX_CHARTS`] cards the charts are left out (each score is in
its table, in colour) and the page says so.
*/

use std::io::{self, Write};

use rust_decimal::prelude::ToPrimitive;

use super::{
    card_title, card_total, change, department_mean, how, mean_row_second, num, rows_line, score, status, stream,
    summary_headers, title, write_score, write_value, yes_no, ScoreOutput, View,
};
use crate::render::escape::html as esc;
use crate::render::html::{page, svg};
use crate::render::lang::Label;
use crate::render::Render;
use crate::score::card::{Card, Status};
use crate::score::Report;

pub struct Html;

/// Cards drawn with a chart; past this, tables only.
pub const MAX_CHARTS: usize = 200;

pub(super) fn colour(s: Status) -> &'static str {
    match s {
        Status::Exceeded | Status::Met => "#2e7d32",
        Status::Below => "#b7791f",
        Status::Failed => "#c62828",
        Status::Missing => "#9e9e9e",
    }
}

/// One bar per KPI on the 0–120 scale, with the 60 and 100 marks.
fn chart(card: &Card, v: View) -> String {
    svg::bars(&svg::Bars {
        title: format!("{} — {}", card_title(card, v.lang), Label::Score.text(v.lang)),
        axis: Label::Score.text(v.lang).to_string(),
        max: 120.0,
        bars: card
            .kpis
            .iter()
            .map(|l| {
                let s = l.scored.as_ref().map(|s| s.score);
                svg::Bar {
                    label: l.kpi.title.clone(),
                    value: s.and_then(|s| s.to_f64()).unwrap_or(0.0),
                    shown: score(s),
                    color: colour(l.status),
                }
            })
            .collect(),
        marks: vec![(60.0, "60".into()), (100.0, "100".into())],
        legend: Vec::new(),
    })
}

/// The note that charts are left out.
fn no_charts(n: usize, lang: crate::render::lang::Lang) -> String {
    match lang {
        crate::render::lang::Lang::Zh => {
            format!("共 {n} 張考核卡:超過 {MAX_CHARTS} 張時不畫圖表,得分見各表。")
        }
        crate::render::lang::Lang::En => {
            format!("{n} scorecards: past {MAX_CHARTS}, cards have no chart; each score is in its table.")
        }
    }
}

fn th(out: &mut String, text: &str, numeric: bool) {
    out.push_str(if numeric { "<th class=\"n\">" } else { "<th>" });
    out.push_str(&esc(text));
    out.push_str("</th>");
}

/// Each KPI's `<td>title</td><td>metric</td>` and weight, escaped once per role.
fn role_cells(r: &Report) -> Vec<Vec<(String, String)>> {
    super::per_kpi(r, |k| {
        (format!("<tr><td>{}</td><td>{}</td><td class=\"n\">", esc(&k.title), esc(&k.metric)), num(k.weight))
    })
}

fn card_text(card: &Card, r: &Report, cells: &[Vec<(String, String)>], v: View, out: &mut String) {
    let lang = v.lang;
    let compare = r.compare.is_some();
    let role_ix = card.role_ix;
    out.push_str("<section class=\"card\">\n<h2>");
    out.push_str(&esc(&card_title(card, lang)));
    out.push_str("</h2>\n");
    if r.len() <= MAX_CHARTS {
        out.push_str("<figure>");
        out.push_str(&chart(card, v));
        out.push_str("</figure>\n");
    }
    out.push_str("<table>\n<thead><tr>");
    th(out, Label::Kpi.text(lang), false);
    th(out, Label::Metric.text(lang), false);
    for l in [Label::Value, Label::Weight, Label::Score] {
        th(out, l.text(lang), true);
    }
    th(out, Label::Status.text(lang), false);
    if compare {
        th(out, Label::Before.text(lang), true);
        th(out, Label::Change.text(lang), true);
    }
    if v.explain {
        th(out, Label::How.text(lang), false);
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (l, (lead, weight)) in card.kpis.iter().zip(&cells[role_ix]) {
        let s = l.scored.as_ref().map(|s| s.score);
        out.push_str(lead);
        // Values hold nothing to escape: digits, `.`, `,`, `%`, `¥`, unit words.
        write_value(out, l.value, l.kpi.unit, lang);
        out.push_str("</td><td class=\"n\">");
        out.push_str(weight);
        out.push_str("</td><td class=\"n\">");
        write_score(out, s);
        out.push_str("</td><td style=\"color:");
        out.push_str(colour(l.status));
        out.push_str("\">");
        out.push_str(status(l.status, lang));
        out.push_str("</td>");
        if compare {
            out.push_str("<td class=\"n\">");
            write_score(out, l.compare);
            out.push_str("</td><td class=\"n\">");
            out.push_str(&change(s, l.compare));
            out.push_str("</td>");
        }
        if v.explain {
            out.push_str("<td>");
            out.push_str(&esc(&how(l, lang)));
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    let total = card_total(card, lang, compare);
    out.push_str("</tbody>\n</table>\n<p class=\"s\">");
    out.push_str(&esc(&total));
    out.push_str("</p>\n</section>\n");
}

impl Render<ScoreOutput<'_, '_>> for Html {
    fn render(&self, o: &ScoreOutput, w: &mut dyn Write) -> io::Result<()> {
        let (r, v) = (o.report, o.view);
        let lang = v.lang;
        let compare = r.compare.is_some();
        let heading = title(r, lang);
        page::begin(w, lang, &heading, "section.card{margin-bottom:1.5em}.s{font-weight:bold}\n")?;
        let mut out = format!("<h1>{}</h1>\n", esc(&heading));
        if let Some(c) = r.compare {
            out.push_str(&format!("<p>{} {}.</p>\n", esc(Label::ComparedWith.text(lang)), esc(&c.to_string())));
        }
        if r.len() > MAX_CHARTS {
            out.push_str(&format!("<p class=\"muted\">{}</p>\n", esc(&no_charts(r.len(), lang))));
        }
        w.write_all(out.as_bytes())?;
        out.clear();
        let cells = role_cells(r);
        let rows = stream::cards(r, v.explain, w, &|_, card, buf| card_text(card, r, &cells, v, buf))?;
        out.push_str(&format!("<h2>{}</h2>\n<table>\n<thead><tr>", esc(Label::Summary.text(lang))));
        for (i, h) in summary_headers(r.by_role, compare, lang).iter().enumerate() {
            th(&mut out, h, i == 2 || i >= 5);
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for s in &rows {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td>",
                esc(&s.entity),
                esc(&s.role),
                score(s.score),
                esc(&s.grade),
                yes_no(s.complete, lang)
            ));
            if compare {
                out.push_str(&format!(
                    "<td class=\"n\">{}</td><td class=\"n\">{}</td>",
                    score(s.compare),
                    change(s.score, s.compare)
                ));
            }
            out.push_str("</tr>\n");
        }
        let (mean, before) = department_mean(&rows);
        out.push_str(&format!(
            "<tr><th>{}</th><td>{}</td><th class=\"n\">{}</th><td></td><td></td>",
            esc(Label::DepartmentMean.text(lang)),
            esc(&mean_row_second(r, &rows)),
            score(mean)
        ));
        if compare {
            out.push_str(&format!(
                "<td class=\"n\">{}</td><td class=\"n\">{}</td>",
                score(before),
                change(mean, before)
            ));
        }
        out.push_str(&format!("</tr>\n</tbody>\n</table>\n<p>{}</p>\n", esc(&rows_line(r, lang))));
        w.write_all(out.as_bytes())?;
        page::end(w)
    }
}
