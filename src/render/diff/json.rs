/*!
The diff as JSON: `{"version":1,"old":…,"new":…,"summary":{…},"changes":[…]}`;
every id keeps its place and gains its title beside it; a changed text has
`before`, `after` and its `edits`; a changed list its `added` and `removed`
members. With `--check`, `"diagnostics":{"introduced":[…],"resolved":[…]}`
in the shape of `check --format json`; with `--metrics`, `"impact"`.
*/

use std::io::{self, Write};

use serde::Serialize;

use crate::diff::impact::{Impact, KpiMove, Person, Standing};
use crate::diff::{Change, Difference, Report};
use crate::render::json::{pretty, Finding, Num};
use crate::render::Render;

use super::DiffOutput;

pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    old: &'a str,
    new: &'a str,
    summary: Summary,
    changes: &'a [Change],
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<Checked<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    impact: Option<ImpactDoc<'a>>,
}

/// `difference`: `meaning`, `formatting` (comments or formatting only, with
/// the number of `formatting_lines`), `unreadable` or `none`.
#[derive(Serialize)]
struct Summary {
    changes: usize,
    difference: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    formatting_lines: Option<usize>,
}

#[derive(Serialize)]
struct Checked<'a> {
    introduced: Vec<Finding<'a>>,
    resolved: Vec<Finding<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ImpactDoc<'a> {
    Compared(Compared<'a>),
    Unavailable { unavailable: &'a str },
}

#[derive(Serialize)]
struct Compared<'a> {
    inputs: &'a [String],
    period: &'a str,
    rows: Rows,
    unchanged: usize,
    scoring_changed: bool,
    people: Vec<PersonDoc<'a>>,
}

#[derive(Serialize)]
struct Rows {
    read: u64,
    used_before: u64,
    used_after: u64,
}

#[derive(Serialize)]
struct PersonDoc<'a> {
    entity: &'a str,
    role: &'a str,
    role_title: &'a str,
    before: Option<StandingDoc<'a>>,
    after: Option<StandingDoc<'a>>,
    change: Option<Num>,
    kpis: Vec<KpiDoc<'a>>,
}

#[derive(Serialize)]
struct StandingDoc<'a> {
    score: Option<Num>,
    grade: &'a str,
    coverage: Num,
    status: &'static str,
}

#[derive(Serialize)]
struct KpiDoc<'a> {
    id: &'a str,
    title: &'a str,
    weight_before: Option<Num>,
    weight_after: Option<Num>,
    score_before: Option<Num>,
    score_after: Option<Num>,
    fields: Vec<FieldDoc<'a>>,
}

#[derive(Serialize)]
struct FieldDoc<'a> {
    field: &'a str,
    before: Option<&'a str>,
    after: Option<&'a str>,
}

fn standing(s: &Option<Standing>) -> Option<StandingDoc<'_>> {
    s.as_ref().map(|s| StandingDoc {
        score: Num::opt(s.score),
        grade: &s.grade,
        coverage: Num::of(s.coverage),
        status: if s.insufficient { "insufficient" } else { "ok" },
    })
}

fn kpi(k: &KpiMove) -> KpiDoc<'_> {
    KpiDoc {
        id: &k.id,
        title: &k.title,
        weight_before: Num::opt(k.weight_before),
        weight_after: Num::opt(k.weight_after),
        score_before: Num::opt(k.score_before),
        score_after: Num::opt(k.score_after),
        fields: k
            .fields
            .iter()
            .map(|f| FieldDoc { field: &f.field, before: f.before.as_deref(), after: f.after.as_deref() })
            .collect(),
    }
}

fn person(p: &Person) -> PersonDoc<'_> {
    PersonDoc {
        entity: &p.entity,
        role: &p.role,
        role_title: &p.role_title,
        before: standing(&p.before),
        after: standing(&p.after),
        change: Num::opt(p.change()),
        kpis: p.kpis.iter().map(kpi).collect(),
    }
}

fn impact(i: &Result<Impact, String>) -> ImpactDoc<'_> {
    match i {
        Err(why) => ImpactDoc::Unavailable { unavailable: why },
        Ok(i) => ImpactDoc::Compared(Compared {
            inputs: &i.inputs,
            period: &i.period,
            rows: Rows { read: i.rows_read, used_before: i.rows_used_before, used_after: i.rows_used_after },
            unchanged: i.unchanged,
            scoring_changed: i.scoring_changed,
            people: i.people.iter().map(person).collect(),
        }),
    }
}

fn list<'a>(ds: &'a [crate::diag::Diagnostic], sources: &'a crate::source::Sources) -> Vec<Finding<'a>> {
    ds.iter().map(|d| Finding::new(d, sources)).collect()
}

impl Render<DiffOutput<'_>> for Json {
    fn render(&self, o: &DiffOutput, out: &mut dyn Write) -> io::Result<()> {
        let r: &Report = o.report;
        let difference = match r.difference {
            Difference::Meaning => "meaning",
            Difference::Formatting => "formatting",
            Difference::Unreadable => "unreadable",
            Difference::None => "none",
        };
        let doc = Doc {
            version: 1,
            old: &r.old,
            new: &r.new,
            summary: Summary {
                changes: r.changes.len(),
                difference,
                formatting_lines: (r.difference == Difference::Formatting).then_some(r.texts.lines),
            },
            changes: &r.changes,
            diagnostics: r.check.as_ref().map(|c| Checked {
                introduced: list(&c.introduced, &r.sources),
                resolved: list(&c.resolved, &r.sources),
            }),
            impact: r.impact.as_ref().map(impact),
        };
        pretty(&doc, out)
    }
}
