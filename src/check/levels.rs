/*!
Severity per rule: the default, then config `rules:`, then the command line's
`--allow`, `--warn` and `--deny` (a rule named by several: deny wins over warn,
warn over allow).
*/

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Severity};
use crate::rule::Rule;

#[derive(Debug, Clone, Default)]
pub struct Levels {
    overrides: BTreeMap<Rule, Option<Severity>>,
}

impl Levels {
    pub fn new(config: &[(Rule, Option<Severity>)], allow: &[Rule], warn: &[Rule], deny: &[Rule]) -> Self {
        let mut overrides: BTreeMap<Rule, Option<Severity>> = config.iter().copied().collect();
        for &r in allow {
            overrides.insert(r, None);
        }
        for &r in warn {
            overrides.insert(r, Some(Severity::Warning));
        }
        for &r in deny {
            overrides.insert(r, Some(Severity::Error));
        }
        Levels { overrides }
    }

    /// The severity of `rule`, or `None` when it is off.
    pub fn get(&self, rule: Rule) -> Option<Severity> {
        self.overrides.get(&rule).copied().unwrap_or(Some(rule.default_severity()))
    }

    /// Sets each finding's severity and drops those of rules that are off.
    pub fn apply(&self, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
        found
            .into_iter()
            .filter_map(|mut d| {
                d.severity = self.get(d.rule)?;
                Some(d)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_overrides_config_and_deny_wins() {
        let levels = Levels::new(
            &[(Rule::SimilarDuty, None), (Rule::MissingSection, Some(Severity::Error))],
            &[Rule::MissingSection],
            &[Rule::DuplicateDuty],
            &[Rule::DuplicateDuty],
        );
        assert_eq!(levels.get(Rule::SimilarDuty), None);
        assert_eq!(levels.get(Rule::MissingSection), None);
        assert_eq!(levels.get(Rule::DuplicateDuty), Some(Severity::Error));
        assert_eq!(levels.get(Rule::RaciConflict), Some(Severity::Warning));
    }
}
