/*!
The conflict log as JSON, the shape of SPEC 6.2: `version`, `today`,
`conflict_days`, `calendar` (`preset`, `years_without_data`), `conflicts`
(dates `YYYY-MM-DD`; `escalated`, `resolved` and `days` `null` while
absent), `summary` (`met_share` over resolved conflicts, `null` when none)
and `diagnostics` as in `check`'s JSON.
*/

use std::io::{self, Write};

use serde::Serialize;

use super::SlaOutput;
use crate::config::Preset;
use crate::render::json::{pretty, Finding, Num};
use crate::render::Render;
use crate::sla::State;

pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    today: String,
    conflict_days: u32,
    calendar: CalendarJson<'a>,
    conflicts: Vec<ConflictJson<'a>>,
    summary: SummaryJson,
    diagnostics: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct CalendarJson<'a> {
    preset: Preset,
    years_without_data: &'a [i32],
}

#[derive(Serialize)]
struct ConflictJson<'a> {
    id: &'a str,
    title: &'a str,
    parties: &'a [String],
    raised: String,
    due: String,
    escalated: Option<String>,
    resolved: Option<String>,
    days: Option<u32>,
    state: State,
}

#[derive(Serialize)]
struct SummaryJson {
    total: usize,
    met: usize,
    late: usize,
    open: usize,
    due_today: usize,
    overdue: usize,
    met_share: Option<Num>,
    median_days: Option<Num>,
    max_days: Option<u32>,
}

impl Render<SlaOutput<'_>> for Json {
    fn render(&self, o: &SlaOutput, out: &mut dyn Write) -> io::Result<()> {
        let log = o.log;
        let s = &log.summary;
        let doc = Doc {
            version: 1,
            today: log.today.to_string(),
            conflict_days: log.conflict_days,
            calendar: CalendarJson { preset: o.preset, years_without_data: &log.years_without_data },
            conflicts: log
                .conflicts
                .iter()
                .map(|c| ConflictJson {
                    id: &c.id,
                    title: &c.title,
                    parties: &c.parties,
                    raised: c.raised.to_string(),
                    due: c.due.to_string(),
                    escalated: c.escalated.map(|d| d.to_string()),
                    resolved: c.resolved.map(|d| d.to_string()),
                    days: c.days,
                    state: c.state,
                })
                .collect(),
            summary: SummaryJson {
                total: s.total,
                met: s.met,
                late: s.late,
                open: s.open,
                due_today: s.due_today,
                overdue: s.overdue,
                met_share: Num::opt(s.met_share),
                median_days: Num::opt(s.median_days),
                max_days: s.max_days,
            },
            diagnostics: log.diagnostics.iter().map(|d| Finding::new(d, o.sources)).collect(),
        };
        pretty(&doc, out)
    }
}
