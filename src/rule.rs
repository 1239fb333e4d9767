/*!
The registry of rules `opsroles check` knows (SPEC 2.1).

Rule ids are stable kebab-case names: they appear in config `rules:`, in
`--deny/--warn/--allow`, in waivers and in every output format. A snapshot test
of [`Rule::ALL`] makes renaming one a reviewed change.
*/

use std::fmt;
use std::str::FromStr;

use crate::diag::Severity;

macro_rules! rules {
    ($( $variant:ident = $id:literal, $sev:ident, $desc:literal; )*) => {
        /// A check rule.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $( $variant, )* }

        impl Rule {
            /// Every rule, in the order the SPEC lists them.
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The stable id, e.g. `duplicate-duty`.
            pub fn id(self) -> &'static str {
                match self { $( Rule::$variant => $id, )* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $( Rule::$variant => Severity::$sev, )* }
            }

            /// One sentence on what the rule catches.
            pub fn description(self) -> &'static str {
                match self { $( Rule::$variant => $desc, )* }
            }
        }
    };
}

rules! {
    DuplicateDuty = "duplicate-duty", Error,
        "The same duty id is declared by two roles, so the duty has two owners.";
    SimilarDuty = "similar-duty", Warning,
        "Two duties of different roles have near-identical text (character-bigram Jaccard similarity).";
    SharedAuthority = "shared-authority", Error,
        "The same authority (by id or by normalised title) is held by two roles.";
    UncoveredFunction = "uncovered-function", Error,
        "A department function has no duty.";
    OwnerlessDuty = "ownerless-duty", Error,
        "A duty has no known Responsible role, so nobody does the work.";
    SeparationOfDuties = "separation-of-duties", Error,
        "One role holds two items that a separation rule keeps apart.";
    UnknownReference = "unknown-reference", Error,
        "A reference names no known role, partner department, function or item.";
    ReportingCycle = "reporting-cycle", Error,
        "The reports_to links form a cycle.";
    IdMismatch = "id-mismatch", Error,
        "A role id differs from its file name, or an id is not lowercase kebab-case.";
    DuplicateId = "duplicate-id", Error,
        "Two roles share an id, or a KPI or competency id repeats within a role.";
    MissingSection = "missing-section", Warning,
        "A role has no duties, no authority or no KPIs.";
    RaciConflict = "raci-conflict", Warning,
        "A role holds two of R/C/I for one duty, or the owner is listed as C or I.";
    KpiWeights = "kpi-weights", Error,
        "A role's KPI weights do not sum to 100, or a weight is negative or not finite.";
    KpiThresholds = "kpi-thresholds", Error,
        "KPI threshold, target and stretch are not ordered for the KPI's direction.";
    KpiMetric = "kpi-metric", Error,
        "A KPI has neither or both of `metric` and `ratio`.";
    ExpiredWaiver = "expired-waiver", Error,
        "A waiver is past its expiry date.";
    UnusedWaiver = "unused-waiver", Warning,
        "A waiver matches no finding.";
    ParseError = "parse-error", Error,
        "A file cannot be read as YAML.";
    Schema = "schema", Error,
        "A file is YAML but does not fit the schema.";
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::ALL.iter().copied().find(|r| r.id() == s).ok_or_else(|| {
            let ids = Rule::ALL.iter().map(|r| r.id());
            match crate::suggest::nearest(s, ids) {
                Some(near) => format!("unknown rule `{s}` (did you mean `{near}`?)"),
                None => format!("unknown rule `{s}`"),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_round_trips_through_its_id() {
        for &rule in Rule::ALL {
            assert_eq!(rule.id().parse::<Rule>(), Ok(rule));
        }
    }

    #[test]
    fn rule_ids_are_a_reviewed_list() {
        let listed: Vec<String> =
            Rule::ALL.iter().map(|r| format!("{} {}", r.id(), r.default_severity().as_str())).collect();
        insta::assert_snapshot!(listed.join("\n"));
    }

    #[test]
    fn a_misspelt_rule_gets_a_suggestion() {
        let err = "similar-duties".parse::<Rule>().unwrap_err();
        assert!(err.contains("did you mean `similar-duty`"), "{err}");
    }
}
