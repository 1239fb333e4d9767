/*!
CSV for spreadsheets: one row per person × competency their role
requires, with its status (`met`, `gap`, `unassessed`) and, for a gap, the
mentor or nothing (training only). Text cells a spreadsheet would run as a
formula get a leading `'`; numbers stay numbers.
*/

use std::io::{self, Write};

use super::GapsOutput;
use crate::render::escape::csv_cell as text;
use crate::render::Render;

pub struct Csv;

const HEADER: &[&str] = &[
    "person",
    "role",
    "competency",
    "title",
    "required",
    "assessed",
    "gap",
    "status",
    "mentor",
    "mentor_role",
    "mentor_level",
    "relation",
];

impl Render<GapsOutput<'_>> for Csv {
    fn render(&self, o: &GapsOutput, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(HEADER)?;
        for p in &o.report.people {
            for l in &p.lines {
                let status = match (l.assessed, l.gap()) {
                    (None, _) => "unassessed",
                    (Some(_), Some(_)) => "gap",
                    (Some(_), None) => "met",
                };
                let m = l.mentor.as_ref();
                w.write_record([
                    text(&p.name),
                    text(&p.role.id),
                    text(&l.competency.id),
                    text(&l.competency.title),
                    l.required.to_string(),
                    l.assessed.map_or(String::new(), |a| a.to_string()),
                    l.gap().map_or(String::new(), |g| g.to_string()),
                    status.to_string(),
                    m.map_or(String::new(), |m| text(&m.name)),
                    m.map_or(String::new(), |m| text(&m.role)),
                    m.map_or(String::new(), |m| m.level.to_string()),
                    m.map_or(String::new(), |m| super::relation(m.relation).to_string()),
                ])?;
            }
        }
        w.flush()
    }
}
