/*!
JSON scorecards, the shape of SPEC 3.4. Numbers are exact JSON numbers with
at most 4 decimals (never passed through `f64`); `--compare` adds
`compare_score` and `change` fields.
*/

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::ScoreOutput;
use crate::render::json::{pretty, Num};
use crate::render::Render;
use crate::score::card::{Card, KpiLine};
use crate::tabular::period::Period;

pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    period: PeriodJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    compare_period: Option<PeriodJson<'a>>,
    rows: RowsJson<'a>,
    scorecards: Vec<CardJson<'a>>,
}

#[derive(Serialize)]
struct PeriodJson<'a> {
    label: std::borrow::Cow<'a, str>,
    start: Option<String>,
    end: Option<String>,
}

impl<'a> PeriodJson<'a> {
    fn new(label: std::borrow::Cow<'a, str>, p: Option<Period>) -> Self {
        PeriodJson { label, start: p.map(|p| p.start.to_string()), end: p.map(|p| p.end.to_string()) }
    }
}

#[derive(Serialize)]
struct RowsJson<'a> {
    read: u64,
    used: u64,
    skipped: u64,
    skipped_by_reason: BTreeMap<&'a str, u64>,
    ignored_cells: u64,
}

#[derive(Serialize)]
struct CardJson<'a> {
    entity: &'a str,
    role: &'a str,
    score: Option<Num>,
    grade: &'a str,
    complete: bool,
    coverage: Num,
    status: &'static str,
    kpis: Vec<KpiJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    compare_score: Option<Option<Num>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    change: Option<Option<Num>>,
}

#[derive(Serialize)]
struct KpiJson<'a> {
    id: &'a str,
    metric: &'a str,
    value: Option<Num>,
    score: Option<Num>,
    weight: Num,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    compare_score: Option<Option<Num>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Option<Explain<'a>>>,
}

#[derive(Serialize)]
struct Explain<'a> {
    band: String,
    formula: &'a str,
}

fn kpi<'a>(l: &'a KpiLine, compare: bool, explain: bool) -> KpiJson<'a> {
    KpiJson {
        id: &l.kpi.id,
        metric: &l.kpi.metric,
        value: Num::opt(l.value),
        score: Num::opt(l.scored.as_ref().map(|s| s.score)),
        weight: Num::of(l.kpi.weight),
        status: l.status.as_str(),
        compare_score: compare.then(|| Num::opt(l.compare)),
        explain: explain.then(|| l.scored.as_ref().map(|s| Explain { band: s.band.to_string(), formula: &s.formula })),
    }
}

fn card(c: &Card, compare: bool, explain: bool) -> CardJson<'_> {
    CardJson {
        entity: &c.entity,
        role: &c.role,
        score: Num::opt(c.score),
        grade: &c.grade,
        complete: c.complete,
        coverage: Num::of(c.coverage),
        status: if c.insufficient { "insufficient" } else { "ok" },
        kpis: c.kpis.iter().map(|l| kpi(l, compare, explain)).collect(),
        compare_score: compare.then(|| Num::opt(c.compare)),
        change: compare.then(|| match (c.score, c.compare) {
            (Some(a), Some(b)) => Some(Num::of(a - b)),
            _ => None,
        }),
    }
}

impl Render<ScoreOutput<'_>> for Json {
    fn render(&self, o: &ScoreOutput, out: &mut dyn Write) -> io::Result<()> {
        let r = o.report;
        let compare = r.compare.is_some();
        let doc = Doc {
            version: 1,
            period: PeriodJson::new(r.label.as_str().into(), r.period),
            compare_period: r.compare.map(|c| PeriodJson::new(c.to_string().into(), Some(c))),
            rows: RowsJson {
                read: r.rows.read,
                used: r.rows.used,
                skipped: r.rows.skipped,
                skipped_by_reason: r.rows.skipped_by_reason.iter().map(|(k, n)| (k.id(), *n)).collect(),
                ignored_cells: r.rows.ignored_cells,
            },
            scorecards: r.cards.iter().map(|c| card(c, compare, o.view.explain)).collect(),
        };
        pretty(&doc, out)
    }
}
