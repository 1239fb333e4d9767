/*!
A self-contained HTML page of scorecards: inline CSS and SVG bar charts, no
JavaScript, no network, prints well. Every text from exports and role files is
HTML-escaped, so a duty title cannot inject a script.
*/

use rust_decimal::prelude::ToPrimitive;

use super::{card_title, card_total, change, num, period_line, rows_line, score, value_with_unit, RenderScore, View};
use crate::score::card::{Card, Status};
use crate::score::Report;

pub struct Html;

/// HTML-escaped text (see [`crate::report::xml_escape`]).
pub fn esc(s: &str) -> String {
    crate::report::xml_escape(s)
}

fn colour(s: Status) -> &'static str {
    match s {
        Status::Exceeded | Status::Met => "#2e7d32",
        Status::Below => "#f9a825",
        Status::Failed => "#c62828",
        Status::Missing => "#9e9e9e",
    }
}

/// One bar per KPI on the 0–120 scale, with the 60 and 100 marks.
fn chart(card: &Card) -> String {
    let (w, bar_h, gap, label_w) = (520.0, 16.0, 6.0, 200.0);
    let scale = (w - label_w - 50.0) / 120.0;
    let h = card.kpis.len() as f64 * (bar_h + gap) + gap;
    let mut svg = format!("<svg role=\"img\" aria-label=\"KPI scores\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">");
    for mark in [60.0, 100.0] {
        let x = label_w + mark * scale;
        svg.push_str(&format!(
            "<line x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{h}\" stroke=\"#bbb\" stroke-dasharray=\"3 3\"/>"
        ));
    }
    for (i, l) in card.kpis.iter().enumerate() {
        let y = gap + i as f64 * (bar_h + gap);
        let s = l.scored.as_ref().and_then(|s| s.score.to_f64()).unwrap_or(0.0).clamp(0.0, 120.0);
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{:.1}\" height=\"{bar_h}\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{}\" font-size=\"11\">{}</text>",
            label_w - 6.0,
            y + bar_h - 4.0,
            esc(&l.kpi.title),
            s * scale,
            colour(l.status),
            label_w + s * scale + 4.0,
            y + bar_h - 4.0,
            esc(&score(l.scored.as_ref().map(|s| s.score)))
        ));
    }
    svg.push_str("</svg>");
    svg
}

impl RenderScore for Html {
    fn render(&self, r: &Report, view: View) -> String {
        let title = format!("{} KPI scorecards · {}", r.department, period_line(r));
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"zh-Hant\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody{{font-family:system-ui,\"Noto Sans CJK TC\",\"Microsoft JhengHei\",sans-serif;margin:2em;color:#222}}\ntable{{border-collapse:collapse;margin:.5em 0}}td,th{{border:1px solid #ccc;padding:.25em .5em}}td.n{{text-align:right}}\nsection{{break-inside:avoid;margin-bottom:1.5em}}.s{{font-weight:bold}}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n",
            esc(&title),
            esc(&title)
        );
        if let Some(c) = r.compare {
            out.push_str(&format!("<p>Compared with {}.</p>\n", esc(&c.to_string())));
        }
        for card in &r.cards {
            out.push_str(&format!("<section>\n<h2>{}</h2>\n{}\n<table>\n<tr><th>KPI</th><th>metric</th><th>value</th><th>weight</th><th>score</th><th>status</th>", esc(&card_title(card)), chart(card)));
            if r.compare.is_some() {
                out.push_str("<th>before</th><th>change</th>");
            }
            if view.explain {
                out.push_str("<th>how</th>");
            }
            out.push_str("</tr>\n");
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
            out.push_str(&format!("</table>\n<p class=\"s\">{}</p>\n</section>\n", esc(&card_total(card))));
        }
        out.push_str("<h2>Summary</h2>\n<table>\n<tr><th>entity</th><th>role</th><th>score</th><th>grade</th><th>complete</th></tr>\n");
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
        out.push_str(&format!("</table>\n<p>{}</p>\n</body>\n</html>\n", esc(&rows_line(r))));
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_cannot_inject_markup() {
        assert_eq!(super::esc("<script>alert('x')</script>"), "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;");
    }
}
