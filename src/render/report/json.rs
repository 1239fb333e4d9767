/*!
The report as JSON: `{"version":1, …}`, the data of every section — the
report's model serialized, so the JSON is exactly what the other formats show.
*/

use std::io::{self, Write};

use super::ReportOutput;
use crate::render::json::pretty;
use crate::render::Render;

pub struct Json;

impl Render<ReportOutput<'_>> for Json {
    fn render(&self, o: &ReportOutput, out: &mut dyn Write) -> io::Result<()> {
        pretty(o.report, out)
    }
}
