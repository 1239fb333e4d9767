/*!
`waivers:` — accepted exceptions to a check rule, each with the items it
covers, a reason and an expiry date (SPEC 1.2). What a waiver hides is
decided by `check`; here it is only read and validated.
*/

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::Checker;
use crate::diag::Code;
use crate::source::Location;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiver {
    pub rule: Code,
    pub items: BTreeSet<String>,
    pub reason: String,
    pub expires: NaiveDate,
    pub loc: Location,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWaiver {
    #[schemars(with = "String")]
    rule: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    items: Vec<Spanned<String>>,
    #[schemars(with = "String")]
    reason: Spanned<String>,
    #[schemars(with = "String")]
    expires: Spanned<String>,
}

pub(super) fn validate(raw: &[Spanned<RawWaiver>], c: &mut Checker) -> Vec<Waiver> {
    let mut out = Vec::new();
    for w in raw {
        let loc = c.loc(&w.referenced);
        let rule = match Code::parse_rule(&w.value.rule.value) {
            Ok(r) => Some(r),
            Err(msg) => {
                c.error(&w.value.rule.referenced, msg, "waiver rule");
                None
            }
        };
        if w.value.reason.value.trim().is_empty() {
            c.error(&w.value.reason.referenced, "a waiver needs a reason", "");
        }
        if w.value.items.is_empty() {
            c.error(&w.referenced, "a waiver needs the items it covers", "");
        }
        let expires = c.date(&w.value.expires, "`expires`");
        if let (Some(rule), Some(expires)) = (rule, expires) {
            out.push(Waiver {
                rule,
                items: w.value.items.iter().map(|i| i.value.clone()).collect(),
                reason: w.value.reason.value.clone(),
                expires,
                loc,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{parse, problems};

    #[test]
    fn a_waiver_needs_a_rule_a_reason_and_a_date() {
        let text = "waivers:\n  - rule: similar-duty\n    items: [a, b]\n    reason: ''\n    expires: 2027-13-01\n";
        let p = problems(text);
        assert_eq!(p, vec!["4: a waiver needs a reason", "5: `expires` must be a date YYYY-MM-DD, not `2027-13-01`"]);
    }

    #[test]
    fn a_valid_waiver() {
        let c =
            parse("waivers:\n  - rule: similar-duty\n    items: [b, a]\n    reason: 已對齊\n    expires: 2027-03-31\n");
        assert_eq!(c.waivers[0].items.iter().collect::<Vec<_>>(), ["a", "b"]);
    }
}
