/*!
`scoring:` — the scores at the KPI anchors, how missing KPIs count, the
coverage below which a scorecard has "insufficient data", and the grade
boundaries (SPEC 3.3). Every number becomes the decimal the user typed; one
that cannot (NaN, 1e40) is an error at its line, never a silent zero.
*/

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::Checker;
use crate::decimal::from_f64;
use crate::yaml::SpannedMap;

/// The scores at the anchors: threshold → 60, target → 100, stretch → 120.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub threshold: Decimal,
    pub target: Decimal,
    pub stretch: Decimal,
}

impl Default for Scale {
    fn default() -> Self {
        Scale { threshold: Decimal::from(60), target: Decimal::from(100), stretch: Decimal::from(120) }
    }
}

/// How KPIs without a value count in the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Missing {
    /// Over the KPIs with a value; the card is marked incomplete.
    Renormalize,
    /// Missing KPIs score 0.
    Zero,
}

crate::display_by_serde_name!(Missing);

/// `scoring:` validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scoring {
    pub scale: Scale,
    pub missing: Missing,
    pub min_coverage: Decimal,
    /// Grade name and lowest score, highest first; below the last: `D`.
    pub grades: Vec<(String, Decimal)>,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            scale: Scale::default(),
            missing: Missing::Renormalize,
            min_coverage: Decimal::new(5, 1),
            grades: [("S", 110), ("A", 100), ("B", 80), ("C", 60)]
                .iter()
                .map(|(g, s)| (g.to_string(), Decimal::from(*s)))
                .collect(),
        }
    }
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScoring {
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    threshold_score: Option<Spanned<f64>>,
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    target_score: Option<Spanned<f64>>,
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    stretch_score: Option<Spanned<f64>>,
    #[serde(default)]
    #[schemars(with = "Option<Missing>")]
    missing: Option<Spanned<Missing>>,
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    min_coverage: Option<Spanned<f64>>,
    #[serde(default)]
    #[schemars(with = "Option<std::collections::BTreeMap<String, f64>>")]
    grades: Option<SpannedMap<Spanned<f64>>>,
}

/// The highest score any anchor may have.
const MAX_SCORE: i64 = 1000;

fn score_value(v: &Spanned<f64>, what: &str, c: &mut Checker) -> Option<Decimal> {
    match from_f64(v.value) {
        Some(d) if d >= Decimal::ZERO && d <= Decimal::from(MAX_SCORE) => Some(d),
        _ => {
            c.error(&v.referenced, format!("{what} must be a score from 0 to {MAX_SCORE}, not {}", v.value), "");
            None
        }
    }
}

pub(super) fn validate(raw: &Spanned<RawScoring>, c: &mut Checker) -> Scoring {
    let s = &raw.value;
    let mut out = Scoring::default();
    let mut scale = out.scale;
    let mut ok = true;
    for (field, slot) in [
        (&s.threshold_score, &mut scale.threshold),
        (&s.target_score, &mut scale.target),
        (&s.stretch_score, &mut scale.stretch),
    ] {
        if let Some(v) = field {
            match score_value(v, "an anchor score", c) {
                Some(d) => *slot = d,
                None => ok = false,
            }
        }
    }
    if ok && !(scale.threshold < scale.target && scale.target <= scale.stretch) {
        c.error(
            &raw.referenced,
            format!(
                "scoring anchors must satisfy threshold_score < target_score ≤ stretch_score (here {} / {} / {})",
                scale.threshold, scale.target, scale.stretch
            ),
            "",
        );
    }
    out.scale = scale;
    if let Some(m) = &s.missing {
        out.missing = m.value;
    }
    if let Some(v) = &s.min_coverage {
        match from_f64(v.value) {
            Some(d) if d >= Decimal::ZERO && d <= Decimal::ONE => out.min_coverage = d,
            _ => c.error(&v.referenced, format!("`min_coverage` must be between 0 and 1, not {}", v.value), ""),
        }
    }
    if let Some(SpannedMap(grades)) = &s.grades {
        let mut list = Vec::new();
        for (name, v) in grades {
            if let Some(d) = score_value(v, &format!("grade `{}`", name.value), c) {
                list.push((name.value.clone(), d));
            }
        }
        list.sort_by_key(|g| std::cmp::Reverse(g.1));
        if list.is_empty() {
            c.error(&raw.referenced, "`grades` needs at least one grade", "");
        }
        out.grades = list;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{parse, problems};
    use rust_decimal::Decimal;

    /// Defect: `grades: {S: 1e40, …}` became a grade boundary of 0, so every
    /// card graded S, even one scoring 50.
    #[test]
    fn config_values_silently_become_defaults_grade_1e40() {
        let p = problems("scoring:\n  grades: {S: 1e40, A: 100, B: 80, C: 60}\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("2: grade `S` must be a score from 0 to 1000"), "{p:?}");
    }

    #[test]
    fn anchors_out_of_order_and_coverage_out_of_range() {
        let p = problems("scoring:\n  threshold_score: 100\n  target_score: 60\n  min_coverage: 2\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with("2: scoring anchors must satisfy threshold_score < target_score"), "{p:?}");
        assert!(p[1].starts_with("4: `min_coverage` must be between 0 and 1"), "{p:?}");
    }

    #[test]
    fn grades_sorted_highest_first() {
        let c = parse("scoring:\n  grades: {C: 60, A: 95.5}\n");
        assert_eq!(c.scoring.grades, vec![("A".to_string(), "95.5".parse().unwrap()), ("C".into(), Decimal::from(60))]);
    }
}
