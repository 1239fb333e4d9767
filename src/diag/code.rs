/*!
Every finding's stable code, and its severity (SPEC 2.1, 3.2, 6).

A code is a kebab-case name that appears in config `rules:`, in
`--deny/--warn/--allow`, in waivers and in every output format, so it never
changes once shipped; a snapshot test of [`Code::ALL`] makes renaming one a
reviewed diff. Codes come in families: the rules of `opsroles check`, the
reasons a row of an export is skipped, and the findings of `risk`, `sla` and
`gaps`. Only check rules take severity overrides.
*/

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning` (its serde name).
    pub fn as_str(self) -> &'static str {
        crate::text::name::name(&self)
    }
}

crate::display_by_serde_name!(Severity);

/// Which part of the tool reports a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// A rule of `opsroles check` (severity configurable, waivable).
    Check,
    /// Why a row of an export was skipped, or a cell not used (SPEC 3.2).
    Row,
    /// A finding of `risk`, `sla` or `gaps` about a record.
    Record,
}

macro_rules! codes {
    ($( $variant:ident = $id:literal, $family:ident, $sev:ident, $desc:literal; )*) => {
        /// A finding's stable code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $variant, )* }

        impl Code {
            /// Every code, check rules first in the order the SPEC lists them.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The stable id, e.g. `duplicate-duty`.
            pub fn id(self) -> &'static str {
                match self { $( Code::$variant => $id, )* }
            }

            pub fn family(self) -> Family {
                match self { $( Code::$variant => Family::$family, )* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }

            /// One sentence on what the code means.
            pub fn description(self) -> &'static str {
                match self { $( Code::$variant => $desc, )* }
            }
        }
    };
}

codes! {
    // The rules of `opsroles check` (SPEC 2.1).
    DuplicateDuty = "duplicate-duty", Check, Error,
        "The same duty id is declared by two roles, so the duty has two owners.";
    OverlappingDuty = "overlapping-duty", Check, Error,
        "Two duties of different roles describe the same work, possibly in other words (synonyms, script, vocabulary, order).";
    SimilarDuty = "similar-duty", Check, Warning,
        "Two duties of different roles are close to the same work, or their texts are near-identical (character-bigram Jaccard).";
    SharedAuthority = "shared-authority", Check, Error,
        "The same authority (by id or by normalised title) is held by two roles.";
    UncoveredFunction = "uncovered-function", Check, Error,
        "A department function has no duty.";
    OwnerlessDuty = "ownerless-duty", Check, Error,
        "A duty has no known Responsible role, so nobody does the work.";
    SeparationOfDuties = "separation-of-duties", Check, Error,
        "One role holds two items that a separation rule keeps apart.";
    UnknownReference = "unknown-reference", Check, Error,
        "A reference names no known role, partner department, function or item.";
    ReportingCycle = "reporting-cycle", Check, Error,
        "The reports_to links form a cycle.";
    IdMismatch = "id-mismatch", Check, Error,
        "A role id differs from its file name, or an id is not lowercase kebab-case.";
    DuplicateId = "duplicate-id", Check, Error,
        "Two roles share an id, or a KPI or competency id repeats within a role.";
    MissingSection = "missing-section", Check, Warning,
        "A role has no duties, no authority or no KPIs.";
    RaciConflict = "raci-conflict", Check, Warning,
        "A role holds two of R/C/I for one duty, or the owner is listed as C or I.";
    DuplicateTitle = "duplicate-title", Check, Warning,
        "Two roles (or two KPIs of one role) have titles, ids or metrics that fold to the same text, so an export naming them is ambiguous.";
    KpiWeights = "kpi-weights", Check, Error,
        "A role's KPI weights do not sum to 100, or a weight is negative or not finite.";
    KpiThresholds = "kpi-thresholds", Check, Error,
        "KPI threshold, target and stretch are not ordered for the KPI's direction.";
    KpiMetric = "kpi-metric", Check, Error,
        "A KPI has neither or both of `metric` and `ratio`, or takes the `metric` another KPI of its role takes.";
    ExpiredWaiver = "expired-waiver", Check, Error,
        "A waiver is past its expiry date.";
    UnusedWaiver = "unused-waiver", Check, Warning,
        "A waiver matches no finding.";
    ParseError = "parse-error", Check, Error,
        "A file cannot be read as YAML.";
    Schema = "schema", Check, Error,
        "A file is YAML but does not fit the schema.";

    // Why a row of an export is skipped, or a cell not used (SPEC 3.2).
    MissingValue = "missing-value", Row, Warning,
        "A row or cell has no value.";
    BadValue = "bad-value", Row, Warning,
        "A cell cannot be read as the number, date or period its column needs.";
    UnknownMetric = "unknown-metric", Row, Warning,
        "A metric name that no KPI of the row's role measures.";
    UnknownRole = "unknown-role", Row, Warning,
        "A role name that is no role's id or title.";
    AmbiguousName = "ambiguous-name", Row, Warning,
        "A name that folds to two roles, or to two KPIs of one role: its rows are skipped, never given to one of them.";
    OutsidePeriod = "outside-period", Row, Warning,
        "A row whose period lies outside the scored period.";
    ZeroDenominator = "zero-denominator", Row, Warning,
        "A ratio KPI whose denominator sums to zero.";
    Superseded = "superseded", Row, Warning,
        "An older assessment of the same person and competency: the latest one counts.";
    UnknownColumn = "unknown-column", Row, Warning,
        "An export column that is no known column and names no KPI: it is not read.";

    // Findings of `risk` and `sla` about a record (SPEC 6, 6.1, 6.2).
    MissingField = "missing-field", Record, Error,
        "A record leaves a required field empty.";
    BadDate = "bad-date", Record, Error,
        "A date that cannot be read or cannot be (2025-02-30), or dates out of order (resolved before raised).";
    BadRating = "bad-rating", Record, Error,
        "A rating out of range or not a whole number, or only some of the three FMEA ratings.";
    UnknownStatus = "unknown-status", Record, Error,
        "A risk status that is none of open, mitigating, closed and accepted.";
    UnknownOwner = "unknown-owner", Record, Error,
        "An owner that names no role, or names two.";
    UnknownParty = "unknown-party", Record, Error,
        "A conflict party that names no role or partner department, or names two.";
    DuplicateRisk = "duplicate-risk", Record, Error,
        "Two risks share an id.";
    DuplicateConflict = "duplicate-conflict", Record, Error,
        "Two conflicts share an id.";
    OverdueResponse = "overdue-response", Record, Warning,
        "An open or mitigating risk whose response is past its due date.";
    UnplannedRisk = "unplanned-risk", Record, Warning,
        "A high or critical risk, open or mitigating, with no response.";
    NoCalendarData = "no-calendar-data", Record, Warning,
        "A date in a year the calendar preset has no official holidays for: only weekends and the configured dates count.";

    // Findings of `gaps` about an assessment record (SPEC 6.3).
    UnknownCompetency = "unknown-competency", Record, Error,
        "A competency name that is no role's competency id or title.";
    BadLevel = "bad-level", Record, Error,
        "An assessed level that is not a whole number from 1 to 5.";
    RoleConflict = "role-conflict", Record, Error,
        "A person named with two different roles; a person has one role.";
}

impl Code {
    /// The rules of `opsroles check`, in the SPEC's order.
    pub fn rules() -> impl Iterator<Item = Code> {
        Code::ALL.iter().copied().filter(|c| c.family() == Family::Check)
    }

    /// Whether this is a rule of `opsroles check`.
    pub fn is_rule(self) -> bool {
        self.family() == Family::Check
    }

    /// The check rule named `s`, with a suggestion when it is misspelt.
    pub fn parse_rule(s: &str) -> Result<Code, String> {
        Code::rules().find(|r| r.id() == s).ok_or_else(|| {
            let ids: Vec<&str> = Code::rules().map(|r| r.id()).collect();
            match crate::text::suggest::nearest(s, ids.iter().copied()) {
                Some(near) => format!("unknown rule `{s}` (did you mean `{near}`?)"),
                None => format!("unknown rule `{s}`"),
            }
        })
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// Parses a check rule (for `--deny RULE` and config `rules:`).
impl FromStr for Code {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::parse_rule(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_round_trips_through_its_id() {
        for rule in Code::rules() {
            assert_eq!(rule.id().parse::<Code>(), Ok(rule));
        }
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<&str> = Code::ALL.iter().map(|c| c.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Code::ALL.len());
    }

    #[test]
    fn codes_are_a_reviewed_list() {
        let listed: Vec<String> = Code::ALL
            .iter()
            .map(|c| format!("{} {:?} {}", c.id(), c.family(), c.default_severity().as_str()))
            .collect();
        insta::assert_snapshot!(listed.join("\n"));
    }

    #[test]
    fn a_misspelt_rule_gets_a_suggestion() {
        let err = "similar-duties".parse::<Code>().unwrap_err();
        assert!(err.contains("did you mean `similar-duty`"), "{err}");
    }

    #[test]
    fn row_codes_are_not_rules() {
        assert!("bad-value".parse::<Code>().is_err());
        assert!(!Code::BadValue.is_rule());
    }
}
