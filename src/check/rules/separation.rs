/*!
`separation-of-duties`: one role holds two items of one `separation` entry of
the config. Holding an item is owning the duty, being Responsible for it, or
having the authority.
*/

use std::collections::BTreeMap;

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::Location;

use super::and_list;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for sep in &ctx.config.separation {
        // role id → (item, where it is held)
        let mut held: BTreeMap<&str, Vec<(&str, Location, &str)>> = BTreeMap::new();
        for (item, _) in &sep.items {
            for &(r, duty) in ctx.index.duties.get(item.as_str()).into_iter().flatten() {
                let role = &ctx.roles[r];
                held.entry(role.id()).or_default().push((item, role.loc(&duty.value.id), "owns the duty"));
                if let Some(resp) = &duty.value.responsible {
                    for x in &resp.value {
                        if x.value != role.id() {
                            held.entry(x.value.as_str()).or_default().push((
                                item,
                                role.loc(x),
                                "is responsible for the duty",
                            ));
                        }
                    }
                }
            }
            for &(r, auth) in ctx.index.authorities.get(item.as_str()).into_iter().flatten() {
                let role = &ctx.roles[r];
                held.entry(role.id()).or_default().push((item, role.loc(&auth.value.id), "has the authority"));
            }
        }
        for (who, mut items) in held {
            items.sort_by_key(|i| i.1);
            let mut names: Vec<&str> = items.iter().map(|(i, _, _)| *i).collect();
            names.sort();
            names.dedup();
            if names.len() < 2 {
                continue;
            }
            let reason = if sep.reason.is_empty() { String::new() } else { format!(" ({})", sep.reason) };
            let mut d = Diagnostic::new(
                Code::SeparationOfDuties,
                format!("role `{who}` holds {}, which must be kept apart{reason}", and_list(&names)),
            )
            .role(who);
            for (item, loc, how) in &items {
                d = d.at(*loc, format!("`{who}` {how} `{item}`"));
            }
            d = d.at(sep.loc, "separation rule");
            d.items = names.iter().map(|s| s.to_string()).collect();
            out.push(d);
        }
    }
}
