/*!
Scorecards from the tally (SPEC 3.3, 3.4): each KPI's value and score, the
weighted total, coverage, grade and status, and the comparison period.

A card is computed when a renderer asks for it and dropped after it is
written, so a company's 41,667 cards never sit in memory together.

A role's card (`--by role`) pools its people: each person's value of a KPI
is aggregated over the period first (the KPI's own aggregate), then the
role's value is the mean over the people who have one — a target is per
person, so three process managers' 3 + 3 + 4 optimisations are 3.33 each,
not 10 against a target of 2.
*/

use rust_decimal::Decimal;

use crate::config::Missing;
use crate::score::formula::{round, score_with, Scored};
use crate::score::plan::{KpiPlan, Plan, RolePlan};
use crate::score::tally::{KpiValue, Tally};

/// A KPI's status on its rounded score (SPEC 3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Exceeded,
    Met,
    Below,
    Failed,
    Missing,
}

crate::display_by_serde_name!(Status);

impl Status {
    pub fn as_str(self) -> &'static str {
        crate::text::name::name(&self)
    }
}

#[derive(Debug, Clone)]
pub struct KpiLine<'p> {
    pub kpi: &'p KpiPlan,
    pub value: Option<Decimal>,
    /// A ratio from its parts: (Σ numerator, Σ denominator).
    pub parts: Option<(Decimal, Decimal)>,
    pub scored: Option<Scored>,
    pub status: Status,
    /// The KPI's score in the comparison period, when one was asked for.
    pub compare: Option<Decimal>,
    /// A role's card: how many of its people have a value for the KPI.
    pub people: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct Card<'p> {
    /// As shown: `張偉`, `張偉 (E001)`, or the role id for a role's card.
    pub entity: String,
    /// Whether the card is one person's (else a role's).
    pub person: bool,
    /// The person's number, when the export has a number column.
    pub person_id: Option<String>,
    pub role: &'p RolePlan,
    /// The role's place in the plan (for what renderers prepare per role).
    pub role_ix: usize,
    pub score: Option<Decimal>,
    pub grade: String,
    pub complete: bool,
    pub coverage: Decimal,
    pub insufficient: bool,
    pub kpis: Vec<KpiLine<'p>>,
    pub compare: Option<Decimal>,
    /// A role's card: the people it pools (`None`: the export has no person
    /// column, and the role's rows are aggregated as one).
    pub people: Option<u32>,
}

/// Score, coverage and completeness of one set of KPI scores.
struct Total {
    score: Option<Decimal>,
    coverage: Decimal,
    complete: bool,
}

fn total(weights_scores: &[(Decimal, Option<Decimal>)], missing: Missing) -> Total {
    let all: Decimal = weights_scores.iter().map(|(w, _)| *w).sum();
    let present: Decimal = weights_scores.iter().filter(|(_, s)| s.is_some()).map(|(w, _)| *w).sum();
    let weighted: Decimal = weights_scores.iter().filter_map(|(w, s)| s.map(|s| *w * s)).sum();
    let coverage = if all.is_zero() { Decimal::ZERO } else { present / all };
    let denominator = match missing {
        Missing::Renormalize => present,
        Missing::Zero => all,
    };
    let has_value = weights_scores.iter().any(|(_, s)| s.is_some());
    let score = (!denominator.is_zero() && has_value).then(|| weighted / denominator);
    Total { score, coverage, complete: weights_scores.iter().all(|(_, s)| s.is_some()) }
}

/// The grade of a score, on its one-decimal rounding.
pub fn grade(score: Decimal, grades: &[(String, Decimal)]) -> String {
    let shown = round(score, 1);
    grades.iter().find(|(_, min)| shown >= *min).map_or_else(|| "D".to_string(), |(g, _)| g.clone())
}

fn status(s: Option<Decimal>, plan: &Plan) -> Status {
    let Some(s) = s else { return Status::Missing };
    let shown = round(s, 1);
    let scale = &plan.scoring.scale;
    if shown > scale.target {
        Status::Exceeded
    } else if shown == scale.target {
        Status::Met
    } else if shown >= scale.threshold {
        Status::Below
    } else {
        Status::Failed
    }
}

/// Who a card is for.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// One entity of the tally: a person in a role, or a role's pooled rows
    /// when the export has no person column.
    Entity(usize),
    /// A role's card over its people (entities of the role).
    Role { role: usize, people: &'a [u32] },
}

/// The mean of the values present, and how many there were.
fn mean(values: impl Iterator<Item = Option<Decimal>>) -> (Option<Decimal>, u32) {
    let (mut sum, mut n) = (Decimal::ZERO, 0u32);
    for v in values.flatten() {
        sum += v;
        n += 1;
    }
    ((n > 0).then(|| sum / Decimal::from(n)), n)
}

/// Computes one card. `explain` spells out each KPI's formula.
pub fn card<'p>(plan: &'p Plan, tally: &Tally, subject: Subject, explain: bool) -> Card<'p> {
    let compare = tally.has_compare();
    let (role_ix, entity, person_id, people) = match subject {
        Subject::Entity(e) => {
            let ent = tally.entities[e];
            let role = &plan.roles[ent.role as usize];
            let person = ent.person.map(|p| &tally.persons[p as usize]);
            let label = person.map_or_else(|| role.id.clone(), |p| p.label());
            let id = person.filter(|p| p.name.is_some()).map(|p| p.key.to_string());
            (ent.role as usize, label, id, None)
        }
        Subject::Role { role, people } => (role, plan.roles[role].id.clone(), None, Some(people.len() as u32)),
    };
    let role = &plan.roles[role_ix];
    let mut lines = Vec::with_capacity(role.kpis.len());
    let mut now = Vec::with_capacity(role.kpis.len());
    let mut then = Vec::with_capacity(role.kpis.len());
    let scale = &plan.scoring.scale;
    for k in &role.kpis {
        let (current, before, pooled): (KpiValue, Option<Decimal>, Option<u32>) = match subject {
            Subject::Entity(e) => (tally.value(false, e, k), tally.value(true, e, k).value, None),
            Subject::Role { people, .. } => {
                let (value, n) = mean(people.iter().map(|&e| tally.value(false, e as usize, k).value));
                let (before, _) = mean(people.iter().map(|&e| tally.value(true, e as usize, k).value));
                (KpiValue { value, parts: None }, before, Some(n))
            }
        };
        let scored = current.value.map(|v| score_with(&k.anchors, v, scale, explain));
        let before = before.filter(|_| compare).map(|v| score_with(&k.anchors, v, scale, false).score);
        now.push((k.weight, scored.as_ref().map(|s| s.score)));
        then.push((k.weight, before));
        let status = status(scored.as_ref().map(|s| s.score), plan);
        lines.push(KpiLine {
            kpi: k,
            value: current.value,
            parts: current.parts,
            scored,
            status,
            compare: before,
            people: pooled,
        });
    }
    let t = total(&now, plan.scoring.missing);
    let insufficient = t.coverage < plan.scoring.min_coverage;
    let grade = match (t.score, insufficient) {
        (Some(s), false) => grade(s, &plan.scoring.grades),
        _ => "-".to_string(),
    };
    let compare_total = compare.then(|| total(&then, plan.scoring.missing).score).flatten();
    Card {
        entity,
        person: matches!(subject, Subject::Entity(e) if tally.entities[e].person.is_some()),
        person_id,
        role,
        role_ix,
        score: t.score,
        grade,
        complete: t.complete,
        coverage: t.coverage,
        insufficient,
        kpis: lines,
        compare: compare_total,
        people,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn spec_worked_example_weights_40_30_30() {
        let t = total(&[(d("40"), Some(d("92"))), (d("30"), None), (d("30"), Some(d("110")))], Missing::Renormalize);
        let s = t.score.unwrap();
        assert_eq!(crate::score::formula::fmt1(s), "99.7");
        assert_eq!(grade(s, &crate::config::Scoring::default().grades), "B");
        assert_eq!(t.coverage, d("0.7"));
        assert!(!t.complete);
    }

    #[test]
    fn missing_as_zero() {
        let t = total(&[(d("40"), Some(d("92"))), (d("30"), None), (d("30"), Some(d("110")))], Missing::Zero);
        // (40·92 + 30·0 + 30·110) / 100 = 69.8
        assert_eq!(t.score.unwrap(), d("69.8"));
    }

    #[test]
    fn grades_apply_to_the_rounded_score() {
        let g = crate::config::Scoring::default().grades;
        assert_eq!(grade(d("99.95"), &g), "A");
        assert_eq!(grade(d("99.94"), &g), "B");
        assert_eq!(grade(d("110"), &g), "S");
        assert_eq!(grade(d("59.94"), &g), "D");
        assert_eq!(grade(d("59.95"), &g), "C");
    }

    #[test]
    fn a_role_mean_counts_only_people_with_a_value() {
        assert_eq!(mean([Some(d("3")), Some(d("3")), Some(d("4"))].into_iter()), (Some(d("10") / d("3")), 3));
        assert_eq!(mean([Some(d("3")), None].into_iter()), (Some(d("3")), 1));
        assert_eq!(mean([None, None].into_iter()), (None, 0));
    }

    proptest::proptest! {
        #[test]
        fn the_total_is_the_weighted_mean_of_the_kpi_scores(
            parts in proptest::collection::vec((1u32..100, proptest::option::of(0u32..1200)), 1..10)
        ) {
            let ws: Vec<(Decimal, Option<Decimal>)> = parts.iter().map(|(w, s)| (Decimal::from(*w), s.map(|s| Decimal::new(i64::from(s), 1)))).collect();
            let t = total(&ws, Missing::Renormalize);
            let present: Vec<&(Decimal, Option<Decimal>)> = ws.iter().filter(|(_, s)| s.is_some()).collect();
            if present.is_empty() {
                proptest::prop_assert_eq!(t.score, None);
            } else {
                let sw: Decimal = present.iter().map(|(w, _)| *w).sum();
                let mean: Decimal = present.iter().map(|(w, s)| *w * s.unwrap()).sum::<Decimal>() / sw;
                proptest::prop_assert_eq!(t.score, Some(mean));
                let lo = present.iter().map(|(_, s)| s.unwrap()).min().unwrap();
                let hi = present.iter().map(|(_, s)| s.unwrap()).max().unwrap();
                proptest::prop_assert!(t.score.unwrap() >= lo && t.score.unwrap() <= hi);
            }
        }
    }

    #[test]
    fn no_values_no_score() {
        let t = total(&[(d("50"), None), (d("50"), None)], Missing::Renormalize);
        assert_eq!((t.score, t.coverage), (None, Decimal::ZERO));
    }
}
