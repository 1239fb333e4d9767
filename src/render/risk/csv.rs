/*!
The risk register as CSV, one row per risk (worst first) with the field
names of the input, so the file reads back as a register. Text cells are
defused against spreadsheet formulas; numbers stay numbers.
*/

use std::io::{self, Write};

use super::RiskOutput;
use crate::render::escape::csv_cell as text;
use crate::render::Render;

pub struct Csv;

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

impl Render<RiskOutput<'_>> for Csv {
    fn render(&self, o: &RiskOutput, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record([
            "id",
            "title",
            "owner",
            "category",
            "likelihood",
            "impact",
            "score",
            "level",
            "severity",
            "occurrence",
            "detection",
            "rpn",
            "action_priority",
            "status",
            "response",
            "due",
            "overdue",
        ])?;
        for r in &o.register.risks {
            w.write_record([
                text(&r.id),
                text(&r.title),
                text(&r.owner),
                text(&r.category),
                r.likelihood.to_string(),
                r.impact.to_string(),
                r.score.to_string(),
                r.level.to_string(),
                opt(r.fmea.map(|f| f.severity)),
                opt(r.fmea.map(|f| f.occurrence)),
                opt(r.fmea.map(|f| f.detection)),
                opt(r.rpn),
                opt(r.action_priority),
                r.status.to_string(),
                text(&r.response),
                opt(r.due),
                r.overdue.to_string(),
            ])?;
        }
        w.flush()
    }
}
