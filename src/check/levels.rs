/*!
Severity per rule: the default, then config `rules:`, then the command line's
`--allow`, `--warn` and `--deny` (a rule named by several: deny wins over warn,
warn over allow).
*/

use std::collections::BTreeMap;

use crate::config::RuleLevel;
use crate::diag::{Code, Diagnostic, Severity};

#[derive(Debug, Clone, Default)]
pub struct Levels {
    overrides: BTreeMap<Code, Option<Severity>>,
}

impl Levels {
    pub fn new(config: &[RuleLevel], allow: &[Code], warn: &[Code], deny: &[Code]) -> Self {
        let mut overrides: BTreeMap<Code, Option<Severity>> = config.iter().map(|l| (l.rule, l.severity)).collect();
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
    pub fn get(&self, rule: Code) -> Option<Severity> {
        self.overrides.get(&rule).copied().unwrap_or(Some(rule.default_severity()))
    }

    /// Sets each finding's severity and drops those of rules that are off.
    pub fn apply(&self, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
        found
            .into_iter()
            .filter_map(|mut d| {
                d.severity = self.get(d.code)?;
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
            &[
                RuleLevel { rule: Code::SimilarDuty, severity: None },
                RuleLevel { rule: Code::MissingSection, severity: Some(Severity::Error) },
            ],
            &[Code::MissingSection],
            &[Code::DuplicateDuty],
            &[Code::DuplicateDuty],
        );
        assert_eq!(levels.get(Code::SimilarDuty), None);
        assert_eq!(levels.get(Code::MissingSection), None);
        assert_eq!(levels.get(Code::DuplicateDuty), Some(Severity::Error));
        assert_eq!(levels.get(Code::RaciConflict), Some(Severity::Warning));
    }
}
