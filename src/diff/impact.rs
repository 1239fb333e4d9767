/*!
What a change does to scores (`diff --metrics`): the same export scored under
the role files of both sides, and per person the score and grade before and
after, with the KPIs of their role that the change touched — weights,
anchors, direction, metric, KPIs added or removed — and that person's score
on each.

It is `opsroles score`, twice: the same gate on role problems
([`crate::check::gate`]), the same plan and reader, each side's own
`scoring:` and `columns:` config. So the "before" column is what `score`
shows on the old side, to the digit. People are matched by who they are
(the person cell, with their number) and their role's id, and listed by the
size of their change; unchanged people are counted, not listed.
*/

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::bail;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::change::{Change, Kind};
use super::compare::SCORING_FIELDS;
use super::side::Side;
use crate::score::card::Card;
use crate::score::plan::Plan;
use crate::source::{FileId, Sources};
use crate::tabular::period::Period;

/// `--metrics` and `--period`.
#[derive(Debug, Clone)]
pub struct Metrics {
    pub paths: Vec<PathBuf>,
    pub period: Option<Period>,
}

/// A person's scorecard on one side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub score: Option<Decimal>,
    pub grade: String,
    pub coverage: Decimal,
    pub insufficient: bool,
}

/// A KPI field the change touched: `weight` 30 → 35.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMove {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A KPI of the person's role that the change touched.
#[derive(Debug, Clone)]
pub struct KpiMove {
    pub id: String,
    pub title: String,
    /// `None`: not a KPI of the role on that side.
    pub weight_before: Option<Decimal>,
    pub weight_after: Option<Decimal>,
    /// The person's score on the KPI (`None`: no value, or no such KPI).
    pub score_before: Option<Decimal>,
    pub score_after: Option<Decimal>,
    /// What changed in its definition (empty for a KPI added or removed).
    pub fields: Vec<FieldMove>,
}

#[derive(Debug, Clone)]
pub struct Person {
    /// As scorecards name them: `張偉`, or `張偉 (E001)`.
    pub entity: String,
    pub role: String,
    pub role_title: String,
    /// `None`: no scorecard on that side (the role is new, or gone).
    pub before: Option<Standing>,
    pub after: Option<Standing>,
    pub kpis: Vec<KpiMove>,
}

impl Person {
    /// After − before, when both sides have a score.
    pub fn change(&self) -> Option<Decimal> {
        Some(self.after.as_ref()?.score? - self.before.as_ref()?.score?)
    }
}

/// The score impact of a change.
#[derive(Debug, Clone)]
pub struct Impact {
    /// The exports, as named on the command line.
    pub inputs: Vec<String>,
    /// The scored period's label (as `score` shows it).
    pub period: String,
    pub rows_read: u64,
    pub rows_used_before: u64,
    pub rows_used_after: u64,
    /// People whose scorecard changed, largest change first.
    pub people: Vec<Person>,
    /// People with a scorecard the change does not move.
    pub unchanged: usize,
    /// Whether the `scoring:` config differs between the sides.
    pub scoring_changed: bool,
}

fn standing(c: &Card) -> Standing {
    Standing { score: c.score, grade: c.grade.clone(), coverage: c.coverage, insufficient: c.insufficient }
}

/// The scoring plan of one side's role files, or why they cannot be scored
/// (the side's role files have errors `score` refuses).
fn plan_side(side: &Side, sources: &Sources, today: NaiveDate) -> Result<Plan, String> {
    let blocking = crate::check::gate::blocking(&side.org, &side.config, sources, today);
    if !blocking.is_empty() {
        let mut rules: Vec<&str> = blocking.iter().map(|d| d.code.id()).collect();
        rules.dedup();
        return Err(format!(
            "the role files of {} have errors that make scores meaningless ({}); run `opsroles check`",
            side.label,
            rules.join(", ")
        ));
    }
    Plan::new(&side.org.roles, side.config.scoring.clone()).map_err(|e| format!("{}: {e}", side.label))
}

/// Scores the exports under one side's plan, as `score` would.
fn score_side<'p>(
    side: &Side,
    plan: &'p Plan,
    metrics: &Metrics,
    files: &[FileId],
) -> anyhow::Result<crate::score::Report<'p>> {
    let opts = crate::score::Options {
        period: metrics.period,
        read: crate::tabular::ReadOptions { columns: side.config.columns.clone(), ..Default::default() },
        ..Default::default()
    };
    let inputs = crate::tabular::input::open_all(&metrics.paths)?;
    Ok(crate::score::run(inputs, files, plan, &opts, &side.config.department, &crate::score::Silent)?)
}

/// Scores the exports under both sides and compares, person by person.
/// `Ok(Err(why))` when a side's role files cannot be scored.
pub fn impact(
    old: &Side,
    new: &Side,
    changes: &[Change],
    role_rank: &BTreeMap<String, usize>,
    metrics: &Metrics,
    sources: &mut Sources,
    today: NaiveDate,
) -> anyhow::Result<Result<Impact, String>> {
    if metrics.paths.iter().any(|p| p.as_os_str() == "-") {
        bail!("--metrics cannot read standard input: the export is read once for each side; pass a file");
    }
    // Registered once; each side reads them through its own handles.
    let inputs = crate::tabular::input::open_all(&metrics.paths)?;
    let names: Vec<String> = inputs.iter().map(|(i, _)| i.name.clone()).collect();
    drop(inputs);
    let files: Vec<FileId> = names.iter().map(|n| sources.add_table(n.clone())).collect();
    let (plan_before, plan_after) = match (plan_side(old, sources, today), plan_side(new, sources, today)) {
        (Ok(b), Ok(a)) => (b, a),
        (Err(why), _) | (_, Err(why)) => return Ok(Err(why)),
    };
    let before = score_side(old, &plan_before, metrics, &files)?;
    let after = score_side(new, &plan_after, metrics, &files)?;
    let (cards_before, cards_after): (Vec<Card>, Vec<Card>) =
        (before.cards(false).collect(), after.cards(false).collect());
    let moves = kpi_moves(changes);
    let key = |c: &Card| (c.role.id.clone(), c.entity.clone());
    // (role, entity) → the person's card before and after.
    type Pair<'c, 'p> = (Option<&'c Card<'p>>, Option<&'c Card<'p>>);
    let mut pairs: BTreeMap<(String, String), Pair> = BTreeMap::new();
    for c in &cards_before {
        pairs.entry(key(c)).or_default().0 = Some(c);
    }
    for c in &cards_after {
        pairs.entry(key(c)).or_default().1 = Some(c);
    }
    let mut people = Vec::new();
    let mut unchanged = 0;
    for ((role, entity), (b, a)) in pairs {
        let (sb, sa) = (b.map(standing), a.map(standing));
        if sb == sa {
            unchanged += 1;
            continue;
        }
        let role_title = a.or(b).map(|c| c.role.title.clone()).unwrap_or_default();
        let kpis = moves.get(role.as_str()).map_or_else(Vec::new, |m| person_kpis(m, b, a));
        people.push(Person { entity, role, role_title, before: sb, after: sa, kpis });
    }
    let rank = |p: &Person| role_rank.get(&p.role).copied().unwrap_or(usize::MAX);
    people.sort_by(|x, y| {
        let size = |p: &Person| p.change().map(|d| Reverse(d.abs()));
        // No score on one side is the largest change of all.
        (size(x).is_some(), size(x), rank(x), &x.entity).cmp(&(size(y).is_some(), size(y), rank(y), &y.entity))
    });
    Ok(Ok(Impact {
        inputs: names,
        period: after.label.clone(),
        rows_read: after.rows.read,
        rows_used_before: before.rows.used,
        rows_used_after: after.rows.used,
        people,
        unchanged,
        scoring_changed: old.config.scoring != new.config.scoring,
    }))
}

/// The KPIs each role's change touched, by role id: (KPI id, title, the
/// scoring fields that changed), in the order of the changes.
type Moves<'a> = BTreeMap<&'a str, Vec<(&'a str, &'a str, Vec<FieldMove>)>>;

fn kpi_moves(changes: &[Change]) -> Moves<'_> {
    let mut m: Moves = BTreeMap::new();
    for c in changes {
        let (Some(id), Some(title)) = (c.item.as_deref(), c.title.as_deref()) else { continue };
        let relevant = match c.kind {
            Kind::KpiAdded | Kind::KpiRemoved => true,
            Kind::KpiChanged => c.field.as_deref().is_some_and(|f| SCORING_FIELDS.contains(&f)),
            _ => false,
        };
        if !relevant {
            continue;
        }
        let list = m.entry(c.role.as_str()).or_default();
        let i = match list.iter().position(|(k, _, _)| *k == id) {
            Some(i) => i,
            None => {
                list.push((id, title, Vec::new()));
                list.len() - 1
            }
        };
        if let (Kind::KpiChanged, Some(field)) = (c.kind, c.field.as_ref()) {
            list[i].2.push(FieldMove { field: field.clone(), before: c.before.clone(), after: c.after.clone() });
        }
    }
    m
}

fn person_kpis(moves: &[(&str, &str, Vec<FieldMove>)], b: Option<&Card>, a: Option<&Card>) -> Vec<KpiMove> {
    let line = |c: Option<&Card>, id: &str| {
        c.and_then(|c| c.kpis.iter().find(|l| l.kpi.id == id))
            .map(|l| (l.kpi.weight, l.scored.as_ref().map(|s| s.score)))
    };
    moves
        .iter()
        .map(|(id, title, fields)| {
            let (lb, la) = (line(b, id), line(a, id));
            KpiMove {
                id: id.to_string(),
                title: title.to_string(),
                weight_before: lb.map(|l| l.0),
                weight_after: la.map(|l| l.0),
                score_before: lb.and_then(|l| l.1),
                score_after: la.and_then(|l| l.1),
                fields: fields.clone(),
            }
        })
        .collect()
}
