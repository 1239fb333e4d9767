/*!
The risk register as JSON, the shape of SPEC 6.1: `version`, `today`,
`risks` (worst first), `heatmap` (`[i][j]` = likelihood 5 − i, impact j + 1),
`summary` per level and overdue, and `diagnostics` as in `check`'s JSON.
`status` is always the English value; FMEA fields are `null` without FMEA
ratings; empty text fields are `null`.
*/

use std::io::{self, Write};

use serde::Serialize;

use super::RiskOutput;
use crate::config::Priority;
use crate::render::json::{pretty, Finding};
use crate::render::Render;
use crate::risk::{Level, Status};

pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    today: String,
    risks: Vec<RiskJson<'a>>,
    heatmap: [[usize; 5]; 5],
    summary: SummaryJson,
    diagnostics: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct RiskJson<'a> {
    id: &'a str,
    title: &'a str,
    owner: &'a str,
    category: Option<&'a str>,
    likelihood: u8,
    impact: u8,
    score: u8,
    level: Level,
    severity: Option<u8>,
    occurrence: Option<u8>,
    detection: Option<u8>,
    rpn: Option<u16>,
    action_priority: Option<Priority>,
    status: Status,
    response: Option<&'a str>,
    due: Option<String>,
    overdue: bool,
}

#[derive(Serialize)]
struct SummaryJson {
    low: usize,
    medium: usize,
    high: usize,
    critical: usize,
    overdue: usize,
}

fn text(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

impl Render<RiskOutput<'_>> for Json {
    fn render(&self, o: &RiskOutput, out: &mut dyn Write) -> io::Result<()> {
        let reg = o.register;
        let s = reg.summary;
        let doc = Doc {
            version: 1,
            today: reg.today.to_string(),
            risks: reg
                .risks
                .iter()
                .map(|r| RiskJson {
                    id: &r.id,
                    title: &r.title,
                    owner: &r.owner,
                    category: text(&r.category),
                    likelihood: r.likelihood,
                    impact: r.impact,
                    score: r.score,
                    level: r.level,
                    severity: r.fmea.map(|f| f.severity),
                    occurrence: r.fmea.map(|f| f.occurrence),
                    detection: r.fmea.map(|f| f.detection),
                    rpn: r.rpn,
                    action_priority: r.action_priority,
                    status: r.status,
                    response: text(&r.response),
                    due: r.due.map(|d| d.to_string()),
                    overdue: r.overdue,
                })
                .collect(),
            heatmap: reg.heatmap,
            summary: SummaryJson {
                low: s.low,
                medium: s.medium,
                high: s.high,
                critical: s.critical,
                overdue: s.overdue,
            },
            diagnostics: reg.diagnostics.iter().map(|d| Finding::new(d, o.sources)).collect(),
        };
        pretty(&doc, out)
    }
}
