/*!
`rules:`, `similarity:`, `overlap:` and `separation:` — how `opsroles check`
judges the roles: a severity per rule, the thresholds of the duty
comparison (`overlap` and above is the same work, `similarity` and above is
borderline), and the items no one role may hold together (segregation of
duties).
*/

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::Checker;
use crate::diag::{Code, Diagnostic, Severity};
use crate::source::Location;
use crate::yaml::SpannedMap;

/// A rule's configured severity (`None` = off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleLevel {
    pub rule: Code,
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Separation {
    pub items: Vec<(String, Location)>,
    pub reason: String,
    pub loc: Location,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSeparation {
    #[schemars(with = "Vec<String>")]
    items: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    reason: Option<Spanned<String>>,
}

pub(super) fn levels(raw: &SpannedMap<Spanned<String>>, c: &mut Checker) -> Vec<RuleLevel> {
    let mut out = Vec::new();
    for (key, level) in &raw.0 {
        let rule = match Code::parse_rule(&key.value) {
            Ok(r) => r,
            Err(msg) => {
                c.error(&key.referenced, msg, "in `rules:`");
                continue;
            }
        };
        let severity = match level.value.as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "off" | "allow" => None,
            other => {
                c.error(
                    &level.referenced,
                    format!("unknown severity `{other}` for rule `{rule}`"),
                    "expected error, warning or off",
                );
                continue;
            }
        };
        out.push(RuleLevel { rule, severity });
    }
    out
}

pub(super) fn threshold(s: &Spanned<f64>, name: &str, c: &mut Checker) -> f64 {
    if s.value > 0.0 && s.value <= 1.0 {
        s.value
    } else {
        c.error(&s.referenced, format!("`{name}` must be a number in (0, 1]"), "out of range");
        s.value
    }
}

/// `overlap` (the same work) cannot be below `similarity` (borderline).
pub(super) fn thresholds_in_order(overlap: &Spanned<f64>, s: f64, o: f64, c: &mut Checker) {
    if o < s {
        c.error(&overlap.referenced, format!("`overlap` ({o}) must be at least `similarity` ({s})"), "");
    }
}

pub(super) fn separation(raw: &[Spanned<RawSeparation>], c: &mut Checker) -> Vec<Separation> {
    let mut out = Vec::new();
    for sep in raw {
        if sep.value.items.len() < 2 {
            c.push(
                Diagnostic::new(Code::Schema, "a separation entry needs at least two items")
                    .at(c.loc(&sep.referenced), ""),
            );
        }
        out.push(Separation {
            items: sep.value.items.iter().map(|i| (i.value.clone(), c.loc(&i.referenced))).collect(),
            reason: sep.value.reason.as_ref().map(|r| r.value.clone()).unwrap_or_default(),
            loc: c.loc(&sep.referenced),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::problems;

    #[test]
    fn a_misspelt_rule_and_an_unknown_severity_are_errors_at_their_lines() {
        let p = problems("rules:\n  similar-duties: error\n  raci-conflict: loud\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with("2: unknown rule `similar-duties` (did you mean `similar-duty`?)"), "{p:?}");
        assert!(p[1].starts_with("3: unknown severity `loud`"), "{p:?}");
    }

    #[test]
    fn a_row_code_is_not_a_rule() {
        assert_eq!(problems("rules:\n  bad-value: off\n").len(), 1);
    }

    #[test]
    fn similarity_out_of_range() {
        assert_eq!(problems("similarity: 1.5\n"), vec!["1: `similarity` must be a number in (0, 1]".to_string()]);
        assert_eq!(
            problems("similarity: 0.7\noverlap: 0.6\n"),
            vec!["2: `overlap` (0.6) must be at least `similarity` (0.7)".to_string()]
        );
        assert!(problems("similarity: 0.9\n").is_empty());
        assert_eq!(super::super::tests::parse("similarity: 0.9\n").overlap, 0.9);
    }
}
