/*!
`shared-authority`: one decision right held by two roles — the same authority
id, or the same title once normalised (so 審批流程優化方案 and 审批流程优化方案
are one authority).
*/

use std::collections::BTreeMap;

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::model::{Authority, Sp};
use crate::text::fold;

use super::and_list;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (id, held) in &ctx.index.authorities {
        let mut roles: Vec<&str> = held.iter().map(|(r, _)| ctx.roles[*r].id()).collect();
        roles.dedup();
        if roles.len() >= 2 {
            let msg = format!("authority `{id}` is held by {} roles: {}", roles.len(), and_list(&roles));
            out.push(diagnostic(ctx, msg, held, &roles, vec![id.to_string()]));
        }
    }
    let mut by_title: BTreeMap<String, Vec<(usize, &Sp<Authority>)>> = BTreeMap::new();
    for held in ctx.index.authorities.values() {
        for &(r, a) in held {
            by_title.entry(fold(&a.value.title.value)).or_default().push((r, a));
        }
    }
    for (key, held) in by_title {
        let mut ids: Vec<&str> = held.iter().map(|(_, a)| a.value.id.value.as_str()).collect();
        ids.sort();
        ids.dedup();
        let mut roles: Vec<&str> = held.iter().map(|(r, _)| ctx.roles[*r].id()).collect();
        roles.sort();
        roles.dedup();
        // One id in several roles is reported above; here, different ids.
        if key.is_empty() || ids.len() < 2 || roles.len() < 2 {
            continue;
        }
        let title = &held[0].1.value.title.value;
        let msg =
            format!("authority 「{title}」 is held by {} roles under different ids: {}", roles.len(), and_list(&ids));
        out.push(diagnostic(ctx, msg, &held, &roles, ids.iter().map(|s| s.to_string()).collect()));
    }
}

fn diagnostic(
    ctx: &Ctx,
    msg: String,
    held: &[(usize, &Sp<Authority>)],
    roles: &[&str],
    items: Vec<String>,
) -> Diagnostic {
    let mut d = Diagnostic::new(Code::SharedAuthority, msg)
        .note("a decision right belongs to one role; others can be consulted");
    for (r, a) in held {
        let role = &ctx.roles[*r];
        d = d.at(role.loc(&a.value.id), format!("held by `{}`", role.id()));
    }
    d.roles = roles.iter().map(|s| s.to_string()).collect();
    d.items = items;
    d
}
