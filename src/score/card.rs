/*!
Scorecards from the tally (SPEC 3.3, 3.4): each KPI's value and score, the
weighted total, coverage, grade and status, and the comparison period.
*/

use rust_decimal::Decimal;

use crate::config::Missing;
use crate::score::formula::{round, score_with, Scored};
use crate::score::plan::{KpiPlan, Plan};
use crate::score::tally::{Acc, Tally};

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
pub struct KpiLine {
    pub kpi: KpiPlan,
    pub value: Option<Decimal>,
    pub scored: Option<Scored>,
    pub status: Status,
    /// The KPI's score in the comparison period, when one was asked for.
    pub compare: Option<Decimal>,
}

#[derive(Debug, Clone)]
pub struct Card {
    /// The person, or the role id for a whole-role card.
    pub entity: String,
    pub person: Option<String>,
    pub role: String,
    pub role_title: String,
    pub score: Option<Decimal>,
    pub grade: String,
    pub complete: bool,
    pub coverage: Decimal,
    pub insufficient: bool,
    pub kpis: Vec<KpiLine>,
    pub compare: Option<Decimal>,
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

fn kpi_score(acc: &Acc, k: &KpiPlan, plan: &Plan, explain: bool) -> (Option<Decimal>, Option<Scored>) {
    let value = acc.value(k);
    (value, value.map(|v| score_with(&k.anchors, v, &plan.scoring.scale, explain)))
}

/// One scorecard per entity with rows in the scored period, sorted by role,
/// then entity.
pub fn cards(tally: &Tally, plan: &Plan, compare: bool, explain: bool) -> Vec<Card> {
    let mut out = Vec::new();
    for (e, entity) in tally.entities.iter().enumerate() {
        if tally.main_rows[e] == 0 {
            continue;
        }
        let role = &plan.roles[entity.role];
        let mut lines = Vec::new();
        let mut now = Vec::new();
        let mut then = Vec::new();
        for (ki, k) in role.kpis.iter().enumerate() {
            let (value, scored) = kpi_score(tally.get(false, e, ki), k, plan, explain);
            let before =
                compare.then(|| kpi_score(tally.get(true, e, ki), k, plan, false).1.map(|s| s.score)).flatten();
            now.push((k.weight, scored.as_ref().map(|s| s.score)));
            then.push((k.weight, before));
            let status = status(scored.as_ref().map(|s| s.score), plan);
            lines.push(KpiLine { kpi: k.clone(), value, scored, status, compare: before });
        }
        let t = total(&now, plan.scoring.missing);
        let insufficient = t.coverage < plan.scoring.min_coverage;
        let grade = match (t.score, insufficient) {
            (Some(s), false) => grade(s, &plan.scoring.grades),
            _ => "-".to_string(),
        };
        let compare_total = compare.then(|| total(&then, plan.scoring.missing).score).flatten();
        out.push(Card {
            entity: entity.person.clone().unwrap_or_else(|| role.id.clone()),
            person: entity.person.clone(),
            role: role.id.clone(),
            role_title: role.title.clone(),
            score: t.score,
            grade,
            complete: t.complete,
            coverage: t.coverage,
            insufficient,
            kpis: lines,
            compare: compare_total,
        });
    }
    out.sort_by(|a, b| (&a.role, &a.entity).cmp(&(&b.role, &b.entity)));
    out
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
