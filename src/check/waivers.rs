/*!
Waivers: accepted exceptions with a reason and an expiry date (SPEC 1.2, 2.1).

A waiver hides the findings of its rule whose items are exactly the waiver's
items (as a set). An expired waiver hides nothing and is reported as
`expired-waiver`; a live waiver that hides nothing is reported as
`unused-waiver` (an expired one is not also "unused").
*/

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::config::Waiver;
use crate::diag::Code;
use crate::diag::Diagnostic;

pub fn apply(found: Vec<Diagnostic>, waivers: &[Waiver], today: NaiveDate) -> Vec<Diagnostic> {
    let mut used = vec![false; waivers.len()];
    let mut kept: Vec<Diagnostic> = found
        .into_iter()
        .filter(|d| {
            let items: BTreeSet<&str> = d.items.iter().map(String::as_str).collect();
            let hit = waivers.iter().position(|w| {
                w.rule == d.code
                    && w.expires >= today
                    && w.items.iter().map(String::as_str).collect::<BTreeSet<_>>() == items
            });
            if let Some(i) = hit {
                used[i] = true;
            }
            hit.is_none()
        })
        .collect();
    for (w, used) in waivers.iter().zip(used) {
        let items: Vec<String> = w.items.iter().cloned().collect();
        let list = items.join(", ");
        let d = if w.expires < today {
            Diagnostic::new(
                Code::ExpiredWaiver,
                format!("waiver for `{}` on [{list}] expired on {}", w.rule, w.expires),
            )
            .at(w.loc, "expired waiver")
            .note(format!("reason given: {}", w.reason))
            .note("renew the waiver with a new `expires` date, or resolve the finding")
        } else if !used {
            Diagnostic::new(Code::UnusedWaiver, format!("waiver for `{}` on [{list}] matches no finding", w.rule))
                .at(w.loc, "unused waiver")
                .note("remove the waiver: the problem it covered is gone")
        } else {
            continue;
        };
        let mut d = d;
        d.items = items;
        kept.push(d);
    }
    kept
}
