/*!
JSON, exactly the shape of SPEC 6.3: `people` (gaps and unassessed
competencies per person), `training`, `mentoring`, `uncovered`, `rows`,
`diagnostics` (as in `check`'s JSON). Roles and competencies by id; the
mean gap an exact decimal with at most 4 places.
*/

use std::io::{self, Write};

use serde::Serialize;

use super::GapsOutput;
use crate::render::json::{pretty, Finding, Num};
use crate::render::Render;

pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    people: Vec<PersonJson<'a>>,
    training: Vec<CourseJson<'a>>,
    mentoring: Vec<PairJson<'a>>,
    uncovered: Vec<UncoveredJson<'a>>,
    rows: RowsJson,
    diagnostics: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct PersonJson<'a> {
    person: &'a str,
    role: &'a str,
    gaps: Vec<GapJson<'a>>,
    unassessed: Vec<&'a str>,
}

#[derive(Serialize)]
struct GapJson<'a> {
    competency: &'a str,
    required: u8,
    assessed: u8,
    gap: u8,
}

#[derive(Serialize)]
struct CourseJson<'a> {
    competency: &'a str,
    people: Vec<&'a str>,
    total_gap: u64,
    mean_gap: Num,
}

#[derive(Serialize)]
struct PairJson<'a> {
    mentee: &'a str,
    competency: &'a str,
    mentor: &'a str,
    mentor_level: u8,
    required: u8,
}

#[derive(Serialize)]
struct UncoveredJson<'a> {
    person: &'a str,
    competency: &'a str,
}

#[derive(Serialize)]
struct RowsJson {
    read: u64,
    used: u64,
    skipped: u64,
}

impl Render<GapsOutput<'_>> for Json {
    fn render(&self, data: &GapsOutput, out: &mut dyn Write) -> io::Result<()> {
        let r = data.report;
        let doc = Doc {
            version: 1,
            people: r
                .people
                .iter()
                .map(|p| PersonJson {
                    person: &p.name,
                    role: &p.role.id,
                    gaps: p
                        .lines
                        .iter()
                        .filter_map(|l| {
                            Some(GapJson {
                                competency: &l.competency.id,
                                required: l.required,
                                assessed: l.assessed?,
                                gap: l.gap()?,
                            })
                        })
                        .collect(),
                    unassessed: p.unassessed().map(|l| l.competency.id.as_ref()).collect(),
                })
                .collect(),
            training: r
                .training
                .iter()
                .map(|c| CourseJson {
                    competency: &c.competency.id,
                    people: c.people.iter().map(|(n, _)| n.as_ref()).collect(),
                    total_gap: c.total_gap,
                    mean_gap: Num::of(c.mean_gap),
                })
                .collect(),
            mentoring: r
                .pairs
                .iter()
                .filter_map(|p| {
                    let m = p.mentor.as_ref()?;
                    Some(PairJson {
                        mentee: &p.mentee,
                        competency: &p.competency.id,
                        mentor: &m.name,
                        mentor_level: m.level,
                        required: p.required,
                    })
                })
                .collect(),
            uncovered: r
                .uncovered()
                .map(|p| UncoveredJson { person: &p.mentee, competency: &p.competency.id })
                .collect(),
            rows: RowsJson { read: r.rows.read, used: r.rows.used, skipped: r.rows.skipped },
            diagnostics: r.diagnostics.iter().map(|d| Finding::new(d, data.sources)).collect(),
        };
        pretty(&doc, out)
    }
}
