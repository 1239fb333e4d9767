/*!
CSV scorecards: one row per entity × KPI, for spreadsheets. Text cells that a
spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
carriage return) get a leading `'`; numbers stay numbers.
*/

use std::io::{self, Write};

use super::ScoreOutput;
use crate::render::escape::csv_cell as text;
use crate::render::Render;
use crate::score::formula::round;

pub struct Csv;

fn n(d: Option<rust_decimal::Decimal>) -> String {
    d.map_or(String::new(), |d| round(d, 4).normalize().to_string())
}

impl Render<ScoreOutput<'_>> for Csv {
    fn render(&self, o: &ScoreOutput, out: &mut dyn Write) -> io::Result<()> {
        let (r, view) = (o.report, o.view);
        let mut w = csv::Writer::from_writer(out);
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
        w.write_record(&header)?;
        for c in &r.cards {
            for l in &c.kpis {
                let mut rec = vec![
                    text(&r.label),
                    text(&c.entity),
                    text(&c.role),
                    text(&l.kpi.id),
                    text(&l.kpi.title),
                    text(&l.kpi.metric),
                    l.kpi.unit.to_string(),
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
                w.write_record(&rec)?;
            }
        }
        w.flush()
    }
}
