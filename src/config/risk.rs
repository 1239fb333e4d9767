/*!
`risk:` — how the risk register grades risks (SPEC 6.1): the lower bound of
each level on likelihood × impact (1–25), FMEA by AIAG-VDA action priority
(`ap`, with an optional replacement table) or by RPN against a threshold
(`rpn`, for RPN-only shops).

An `action_priority` table is a list of rules, first match wins; each rule
gives ranges of severity, occurrence and detection (`9-10`, or one number)
and a priority `H`, `M` or `L`. A replacement table must cover all 1,000
combinations, so no rating is ever left without a priority.
*/

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::Checker;
use crate::yaml::SpannedMap;

/// The lower bound of each level on likelihood × impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskLevels {
    pub low: u32,
    pub medium: u32,
    pub high: u32,
    pub critical: u32,
}

impl Default for RiskLevels {
    fn default() -> Self {
        RiskLevels { low: 1, medium: 5, high: 10, critical: 20 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Fmea {
    /// AIAG-VDA 2019 action priority.
    Ap,
    /// RPN = S × O × D against `rpn_threshold`.
    Rpn,
}

crate::display_by_serde_name!(Fmea);

/// An FMEA action priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, schemars::JsonSchema)]
pub enum Priority {
    H,
    M,
    L,
}

crate::display_by_serde_name!(Priority);

/// One rule of an action priority table: inclusive ranges of S, O and D.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApRule {
    pub severity: (u8, u8),
    pub occurrence: (u8, u8),
    pub detection: (u8, u8),
    pub priority: Priority,
}

impl ApRule {
    pub fn matches(&self, s: u8, o: u8, d: u8) -> bool {
        let within = |(lo, hi): (u8, u8), v: u8| lo <= v && v <= hi;
        within(self.severity, s) && within(self.occurrence, o) && within(self.detection, d)
    }
}

/// `risk:` validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskConfig {
    pub levels: RiskLevels,
    pub fmea: Fmea,
    pub rpn_threshold: u32,
    /// A replacement for the shipped AIAG-VDA table, when configured.
    pub action_priority: Option<Vec<ApRule>>,
}

impl Default for RiskConfig {
    fn default() -> Self {
        RiskConfig { levels: RiskLevels::default(), fmea: Fmea::Ap, rpn_threshold: 100, action_priority: None }
    }
}

/// A range as written: `9-10` or `9`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
enum RawRange {
    One(u8),
    Text(String),
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawApRule {
    #[schemars(with = "RawRange")]
    severity: Spanned<RawRange>,
    #[schemars(with = "RawRange")]
    occurrence: Spanned<RawRange>,
    #[schemars(with = "RawRange")]
    detection: Spanned<RawRange>,
    #[schemars(with = "Priority")]
    priority: Spanned<Priority>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRisk {
    #[serde(default)]
    #[schemars(with = "Option<std::collections::BTreeMap<String, u32>>")]
    levels: Option<Spanned<SpannedMap<Spanned<u32>>>>,
    #[serde(default)]
    #[schemars(with = "Option<Fmea>")]
    fmea: Option<Spanned<Fmea>>,
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    rpn_threshold: Option<Spanned<u32>>,
    #[serde(default)]
    #[schemars(with = "Option<Vec<RawApRule>>")]
    action_priority: Option<Spanned<Vec<Spanned<RawApRule>>>>,
}

const LEVELS: [&str; 4] = ["low", "medium", "high", "critical"];

fn levels(raw: &Spanned<SpannedMap<Spanned<u32>>>, c: &mut Checker) -> RiskLevels {
    let d = RiskLevels::default();
    let mut v = [d.low, d.medium, d.high, d.critical];
    let before = c.errors.len();
    for (k, n) in &raw.value.0 {
        let Some(i) = LEVELS.iter().position(|l| *l == k.value) else {
            let hint = crate::text::suggest::nearest(&k.value, LEVELS)
                .map_or(String::new(), |n| format!(" (did you mean `{n}`?)"));
            c.error(
                &k.referenced,
                format!("unknown risk level `{}`{hint}", k.value),
                "expected low, medium, high or critical",
            );
            continue;
        };
        if !(1..=25).contains(&n.value) {
            c.error(
                &n.referenced,
                format!("level `{}` must start at a score from 1 to 25, not {}", k.value, n.value),
                "",
            );
            continue;
        }
        v[i] = n.value;
    }
    if c.errors.len() == before {
        if v[0] != 1 {
            c.error(
                &raw.referenced,
                format!("`low` must start at 1, so every likelihood × impact has a level (here {})", v[0]),
                "",
            );
        } else if !(v[0] < v[1] && v[1] < v[2] && v[2] < v[3]) {
            c.error(
                &raw.referenced,
                format!(
                    "risk levels must rise: low < medium < high < critical (here {} / {} / {} / {})",
                    v[0], v[1], v[2], v[3]
                ),
                "",
            );
        }
    }
    RiskLevels { low: v[0], medium: v[1], high: v[2], critical: v[3] }
}

fn range(r: &Spanned<RawRange>, what: &str, c: &mut Checker) -> Option<(u8, u8)> {
    let parsed = match &r.value {
        RawRange::One(n) => Some((*n, *n)),
        RawRange::Text(t) => {
            let t = t.trim();
            match t.split_once('-') {
                Some((a, b)) => a.trim().parse().ok().zip(b.trim().parse().ok()),
                None => t.parse().ok().map(|n| (n, n)),
            }
        }
    };
    match parsed {
        Some((lo, hi)) if 1 <= lo && lo <= hi && hi <= 10 => Some((lo, hi)),
        _ => {
            c.error(&r.referenced, format!("{what} must be a rating 1–10 or a range like `7-8`"), "");
            None
        }
    }
}

fn table(raw: &Spanned<Vec<Spanned<RawApRule>>>, c: &mut Checker) -> Option<Vec<ApRule>> {
    let mut rules = Vec::new();
    let mut ok = true;
    for r in &raw.value {
        let s = range(&r.value.severity, "`severity`", c);
        let o = range(&r.value.occurrence, "`occurrence`", c);
        let d = range(&r.value.detection, "`detection`", c);
        match (s, o, d) {
            (Some(severity), Some(occurrence), Some(detection)) => {
                rules.push(ApRule { severity, occurrence, detection, priority: r.value.priority.value })
            }
            _ => ok = false,
        }
    }
    if !ok {
        return None;
    }
    for s in 1..=10 {
        for o in 1..=10 {
            for d in 1..=10 {
                if !rules.iter().any(|r| r.matches(s, o, d)) {
                    c.error(
                        &raw.referenced,
                        format!("`action_priority` gives no priority for S {s}, O {o}, D {d}: the table must cover every rating"),
                        "",
                    );
                    return None;
                }
            }
        }
    }
    Some(rules)
}

pub(super) fn validate(raw: &Spanned<RawRisk>, c: &mut Checker) -> RiskConfig {
    let r = &raw.value;
    let mut out = RiskConfig::default();
    if let Some(l) = &r.levels {
        out.levels = levels(l, c);
    }
    if let Some(f) = &r.fmea {
        out.fmea = f.value;
    }
    if let Some(t) = &r.rpn_threshold {
        if (1..=1000).contains(&t.value) {
            out.rpn_threshold = t.value;
        } else {
            c.error(&t.referenced, format!("`rpn_threshold` must be 1 to 1000 (RPN = S × O × D), not {}", t.value), "");
        }
    }
    if let Some(t) = &r.action_priority {
        out.action_priority = table(t, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{parse, problems};
    use super::*;

    /// Defect: `risk: {levels: {low: 30, high: 2}}` was accepted.
    #[test]
    fn config_values_silently_become_defaults_risk_levels() {
        let p = problems("risk:\n  levels: {low: 30, high: 2}\n");
        assert_eq!(p, vec!["2: level `low` must start at a score from 1 to 25, not 30"]);
        let p = problems("risk:\n  levels: {low: 1, high: 2}\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("2: risk levels must rise"), "{p:?}");
        assert_eq!(problems("risk:\n  levels: {hihg: 12}\n").len(), 1);
    }

    #[test]
    fn a_replacement_table_must_cover_every_rating() {
        let p = problems(
            "risk:\n  action_priority:\n    - {severity: 9-10, occurrence: 1-10, detection: 1-10, priority: H}\n",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("no priority for S 1, O 1, D 1"), "{p:?}");
        let c = parse("risk:\n  fmea: ap\n  action_priority:\n    - {severity: 9-10, occurrence: 1-10, detection: 1-10, priority: H}\n    - {severity: 1-8, occurrence: 1-10, detection: '1-10', priority: L}\n");
        let t = c.risk.action_priority.unwrap();
        assert_eq!(t.len(), 2);
        assert!(t[0].matches(9, 1, 10) && !t[0].matches(8, 1, 1));
    }

    #[test]
    fn rpn_mode() {
        let c = parse("risk:\n  fmea: rpn\n  rpn_threshold: 120\n");
        assert_eq!((c.risk.fmea, c.risk.rpn_threshold), (Fmea::Rpn, 120));
        assert_eq!(problems("risk:\n  rpn_threshold: 0\n").len(), 1);
    }
}
