/*!
`reporting-cycle`: `reports_to` links that come back to where they started.
Each cycle is reported once, naming every role in it.
*/

use std::collections::{BTreeMap, BTreeSet};

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // The first role declaring an id speaks for it (duplicates are `duplicate-id`).
    let boss: BTreeMap<&str, (usize, &str)> = ctx
        .index
        .roles
        .iter()
        .filter_map(|(id, idx)| {
            let role = &ctx.roles[idx[0]];
            role.doc.reports_to.as_ref().map(|r| (*id, (idx[0], r.value.as_str())))
        })
        .collect();
    let mut reported: BTreeSet<Vec<&str>> = BTreeSet::new();
    for &start in boss.keys() {
        let mut path = vec![start];
        let mut cur = start;
        while let Some(&(_, next)) = boss.get(cur) {
            if let Some(pos) = path.iter().position(|&p| p == next) {
                let mut cycle = path[pos..].to_vec();
                // Rotate to start at the smallest id so each cycle has one key.
                let min = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
                cycle.rotate_left(min);
                if reported.insert(cycle.clone()) {
                    out.push(diagnostic(ctx, &boss, &cycle));
                }
                break;
            }
            path.push(next);
            cur = next;
        }
    }
}

fn diagnostic(ctx: &Ctx, boss: &BTreeMap<&str, (usize, &str)>, cycle: &[&str]) -> Diagnostic {
    let chain: Vec<&str> = cycle.iter().copied().chain(cycle.first().copied()).collect();
    let mut d = Diagnostic::new(Code::ReportingCycle, format!("reports_to forms a cycle: {}", chain.join(" → ")));
    for id in cycle {
        let (i, _) = boss[id];
        let role = &ctx.roles[i];
        if let Some(r) = &role.doc.reports_to {
            d = d.at(role.loc(r), format!("`{id}` reports to `{}`", r.value));
        }
        d = d.role(*id);
    }
    d.note("one role in the cycle must report outside it, or to nobody")
}
