/*!
CSV scorecards: one row per entity × KPI, for spreadsheets. Text cells that a
spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
carriage return) get a leading `'`; numbers stay numbers.
*/

use super::{RenderScore, View};
use crate::score::formula::round;
use crate::score::Report;

pub struct Csv;

/// A text cell made safe from spreadsheet formula injection.
pub fn text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn n(d: Option<rust_decimal::Decimal>) -> String {
    d.map_or(String::new(), |d| round(d, 4).normalize().to_string())
}

impl RenderScore for Csv {
    fn render(&self, r: &Report, view: View) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header = vec![
            "period", "entity", "role", "kpi", "title", "metric", "unit", "value", "weight", "score", "status",
            "total", "grade", "complete", "coverage",
        ];
        if r.compare.is_some() {
            header.extend(["compare_score", "compare_total"]);
        }
        if view.explain {
            header.push("how");
        }
        let _ = w.write_record(&header);
        for c in &r.cards {
            for l in &c.kpis {
                let mut rec = vec![
                    text(&r.label),
                    text(&c.entity),
                    text(&c.role),
                    text(&l.kpi.id),
                    text(&l.kpi.title),
                    text(&l.kpi.metric),
                    format!("{:?}", l.kpi.unit).to_lowercase(),
                    n(l.value),
                    n(Some(l.kpi.weight)),
                    n(l.scored.as_ref().map(|s| s.score)),
                    l.status.as_str().to_string(),
                    n(c.score),
                    text(&c.grade),
                    c.complete.to_string(),
                    n(Some(c.coverage)),
                ];
                if r.compare.is_some() {
                    rec.push(n(l.compare));
                    rec.push(n(c.compare));
                }
                if view.explain {
                    rec.push(text(&l.scored.as_ref().map_or(String::new(), |s| format!("{}: {}", s.band, s.formula))));
                }
                let _ = w.write_record(&rec);
            }
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formula_like_text_is_defused() {
        assert_eq!(super::text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(super::text("-1+2"), "'-1+2");
        assert_eq!(super::text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(super::text("張三"), "張三");
    }
}
