/*!
A self-contained HTML page of scorecards, built from the HTML kit: the page
shell (print CSS, Chinese font stack), an SVG bar chart per card, no
JavaScript, no network, written as the cards are computed. Every text from
exports and role files is escaped, so a KPI title cannot inject a script.
*/

use std::io::{self, Write};

use rust_decimal::prelude::ToPrimitive;

use super::{
    card_title, card_total, change, department_mean, how, num, rows_line, score, status, stream, summary_headers,
    title, value, yes_no, ScoreOutput, View,
};
use crate::render::escape::html as esc;
use crate::render::html::{page, svg};
use crate::render::lang::Label;
use crate::render::Render;
use crate::score::card::{Card, Status};
use crate::score::Report;

pub struct Html;

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

fn th(out: &mut String, text: &str, numeric: bool) {
    out.push_str(if numeric { "<th class=\"n\">" } else { "<th>" });
    out.push_str(&esc(text));
    out.push_str("</th>");
}

fn card_text(card: &Card, r: &Report, v: View, out: &mut String) {
    let lang = v.lang;
    let compare = r.compare.is_some();
    out.push_str(&format!(
        "<section class=\"card\">\n<h2>{}</h2>\n<figure>{}</figure>\n<table>\n<thead><tr>",
        esc(&card_title(card, lang)),
        chart(card, v)
    ));
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
    for l in &card.kpis {
        let s = l.scored.as_ref().map(|s| s.score);
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td style=\"color:{}\">{}</td>",
            esc(&l.kpi.title),
            esc(&l.kpi.metric),
            esc(&value(l.value, l.kpi.unit, lang)),
            num(l.kpi.weight),
            score(s),
            colour(l.status),
            esc(status(l.status, lang))
        ));
        if compare {
            out.push_str(&format!(
                "<td class=\"n\">{}</td><td class=\"n\">{}</td>",
                score(l.compare),
                change(s, l.compare)
            ));
        }
        if v.explain {
            out.push_str(&format!("<td>{}</td>", esc(&how(l, lang))));
        }
        out.push_str("</tr>\n");
    }
    let mut total = card_total(card, lang);
    if compare {
        total.push_str(&format!(
            " · {} {} · {} {}",
            Label::Before.text(lang),
            score(card.compare),
            Label::Change.text(lang),
            change(card.score, card.compare)
        ));
    }
    out.push_str(&format!("</tbody>\n</table>\n<p class=\"s\">{}</p>\n</section>\n", esc(&total)));
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
        w.write_all(out.as_bytes())?;
        out.clear();
        let rows = stream::cards(r, v.explain, w, &|_, card, buf| card_text(card, r, v, buf))?;
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
            esc(&r.department),
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
