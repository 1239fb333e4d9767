/*!
A self-contained HTML page of scorecards, built from the HTML kit: the page
shell (print CSS, Chinese font stack), an SVG bar chart per card, no
JavaScript, no network. Every text from exports and role files is escaped, so
a KPI title cannot inject a script.
*/

use std::io::{self, Write};

use rust_decimal::prelude::ToPrimitive;

use super::{card_title, card_total, change, num, period_line, rows_line, score, value_with_unit, ScoreOutput};
use crate::render::escape::html as esc;
use crate::render::html::{page, svg};
use crate::render::lang::Lang;
use crate::render::Render;
use crate::score::card::{Card, Status};

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
fn chart(card: &Card) -> String {
    svg::bars(&svg::Bars {
        title: format!("{} — KPI scores", card_title(card)),
        axis: "score".to_string(),
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

impl Render<ScoreOutput<'_>> for Html {
    fn render(&self, o: &ScoreOutput, w: &mut dyn Write) -> io::Result<()> {
        let (r, view) = (o.report, o.view);
        let title = format!("{} KPI scorecards · {}", r.department, period_line(r));
        page::begin(w, Lang::Zh, &title, "section.card{margin-bottom:1.5em}.s{font-weight:bold}\n")?;
        let mut out = format!("<h1>{}</h1>\n", esc(&title));
        if let Some(c) = r.compare {
            out.push_str(&format!("<p>Compared with {}.</p>\n", esc(&c.to_string())));
        }
        for card in &r.cards {
            out.push_str(&format!("<section class=\"card\">\n<h2>{}</h2>\n<figure>{}</figure>\n<table>\n<thead><tr><th>KPI</th><th>metric</th><th class=\"n\">value</th><th class=\"n\">weight</th><th class=\"n\">score</th><th>status</th>", esc(&card_title(card)), chart(card)));
            if r.compare.is_some() {
                out.push_str("<th class=\"n\">before</th><th class=\"n\">change</th>");
            }
            if view.explain {
                out.push_str("<th>how</th>");
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for l in &card.kpis {
                let s = l.scored.as_ref().map(|s| s.score);
                out.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td style=\"color:{}\">{}</td>",
                    esc(&l.kpi.title),
                    esc(&l.kpi.metric),
                    esc(&value_with_unit(l.value, l.kpi.unit)),
                    num(l.kpi.weight),
                    score(s),
                    colour(l.status),
                    l.status.as_str()
                ));
                if r.compare.is_some() {
                    out.push_str(&format!(
                        "<td class=\"n\">{}</td><td class=\"n\">{}</td>",
                        score(l.compare),
                        change(s, l.compare)
                    ));
                }
                if view.explain {
                    out.push_str(&format!(
                        "<td>{}</td>",
                        esc(&l.scored.as_ref().map_or(String::new(), |sc| format!("{}: {}", sc.band, sc.formula)))
                    ));
                }
                out.push_str("</tr>\n");
            }
            out.push_str(&format!("</tbody>\n</table>\n<p class=\"s\">{}</p>\n</section>\n", esc(&card_total(card))));
            w.write_all(out.as_bytes())?;
            out.clear();
        }
        out.push_str("<h2>Summary</h2>\n<table>\n<thead><tr><th>entity</th><th>role</th><th class=\"n\">score</th><th>grade</th><th>complete</th></tr></thead>\n<tbody>\n");
        for c in &r.cards {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{} ({})</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&c.entity),
                esc(&c.role_title),
                esc(&c.role),
                score(c.score),
                esc(&c.grade),
                if c.complete { "yes" } else { "no" }
            ));
        }
        out.push_str(&format!("</tbody>\n</table>\n<p>{}</p>\n", esc(&rows_line(r))));
        w.write_all(out.as_bytes())?;
        page::end(w)
    }
}
