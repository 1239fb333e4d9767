/*!
`duplicate-id`: two roles with one id; a duty, authority, KPI or competency id
twice within one role. (The same duty id in two roles is `duplicate-duty`.)
*/

use std::collections::BTreeMap;

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::model::{Role, Sp};
use crate::source::Location;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (id, idx) in &ctx.index.roles {
        if idx.len() < 2 {
            continue;
        }
        let mut d = Diagnostic::new(Code::DuplicateId, format!("role id `{id}` is declared by {} files", idx.len()))
            .role(*id)
            .item(*id);
        for &i in idx {
            let role = &ctx.roles[i];
            d = d.at(role.loc(&role.doc.id), ctx.sources.name(role.file).to_string());
        }
        out.push(d);
    }
    for role in ctx.roles {
        let duties = role.duties().iter().map(|d| (&d.value.id, role.loc(&d.value.id)));
        within(role, "duty", duties, out);
        let auth = role.authority().iter().map(|a| (&a.value.id, role.loc(&a.value.id)));
        within(role, "authority", auth, out);
        let kpis = role.kpis().iter().map(|k| (&k.value.id, role.loc(&k.value.id)));
        within(role, "KPI", kpis, out);
        let comps = role.competencies().iter().map(|c| (&c.value.id, role.loc(&c.value.id)));
        within(role, "competency", comps, out);
    }
}

fn within<'a>(
    role: &Role,
    kind: &str,
    ids: impl Iterator<Item = (&'a Sp<String>, Location)>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: BTreeMap<&str, Vec<Location>> = BTreeMap::new();
    for (id, loc) in ids {
        seen.entry(id.value.as_str()).or_default().push(loc);
    }
    for (id, locs) in seen {
        if locs.len() < 2 {
            continue;
        }
        let mut d = Diagnostic::new(
            Code::DuplicateId,
            format!("{kind} id `{id}` appears {} times in role `{}`", locs.len(), role.id()),
        )
        .role(role.id())
        .item(id);
        for (i, loc) in locs.into_iter().enumerate() {
            d = d.at(loc, if i == 0 { "first here" } else { "again here" });
        }
        out.push(d);
    }
}
