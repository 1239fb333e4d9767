/*!
The conflict log as CSV, one row per conflict with the input's field names
and the computed `due`, `days` and `state`; parties joined by `;`. Text
cells are defused against spreadsheet formulas.
*/

use std::io::{self, Write};

use super::SlaOutput;
use crate::render::escape::csv_cell as text;
use crate::render::Render;

pub struct Csv;

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

impl Render<SlaOutput<'_>> for Csv {
    fn render(&self, o: &SlaOutput, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["id", "title", "parties", "owner", "raised", "due", "escalated", "resolved", "days", "state"])?;
        for c in &o.log.conflicts {
            w.write_record([
                text(&c.id),
                text(&c.title),
                text(&c.parties.join(";")),
                text(c.owner.as_deref().unwrap_or("")),
                c.raised.to_string(),
                c.due.to_string(),
                opt(c.escalated),
                opt(c.resolved),
                opt(c.days),
                c.state.to_string(),
            ])?;
        }
        w.flush()
    }
}
