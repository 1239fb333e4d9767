/*!
`sla:` — cross-department conflicts are resolved within `conflict_days`
working days (the report's 3), coordinated by `owner` (a role id; by default
the owner of the `collaboration` duties). Whether `owner` names a role is
checked where the roles are known.
*/

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::Checker;
use crate::source::Location;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaConfig {
    pub conflict_days: u32,
    /// The coordinating role as written, and where.
    pub owner: Option<(String, Location)>,
}

impl Default for SlaConfig {
    fn default() -> Self {
        SlaConfig { conflict_days: 3, owner: None }
    }
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSla {
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    conflict_days: Option<Spanned<u32>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    owner: Option<Spanned<String>>,
}

/// A deadline further out than a working year is a typo, not a policy.
const MAX_DAYS: u32 = 250;

pub(super) fn validate(raw: &Spanned<RawSla>, c: &mut Checker) -> SlaConfig {
    let mut out = SlaConfig::default();
    if let Some(d) = &raw.value.conflict_days {
        if (1..=MAX_DAYS).contains(&d.value) {
            out.conflict_days = d.value;
        } else {
            c.error(
                &d.referenced,
                format!("`conflict_days` must be 1 to {MAX_DAYS} working days, not {}", d.value),
                "",
            );
        }
    }
    if let Some(o) = &raw.value.owner {
        out.owner = Some((o.value.clone(), c.loc(&o.referenced)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{parse, problems};

    #[test]
    fn zero_days_is_refused() {
        assert_eq!(
            problems("sla:\n  conflict_days: 0\n"),
            vec!["2: `conflict_days` must be 1 to 250 working days, not 0"]
        );
    }

    #[test]
    fn owner_is_kept_with_its_place() {
        let c = parse("sla:\n  conflict_days: 5\n  owner: operations-director\n");
        assert_eq!(c.sla.conflict_days, 5);
        assert_eq!(c.sla.owner.as_ref().map(|(o, l)| (o.as_str(), l.line)), Some(("operations-director", 3)));
    }
}
