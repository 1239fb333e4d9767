/*!
`duplicate-duty`: the same duty id declared by two roles — two owners, which the
report warns ends with neither taking responsibility.
*/

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;

use super::and_list;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (id, decls) in &ctx.index.duties {
        let mut owners: Vec<&str> = decls.iter().map(|(r, _)| ctx.roles[*r].id()).collect();
        owners.dedup();
        if owners.len() < 2 {
            continue;
        }
        let mut d = Diagnostic::new(Code::DuplicateDuty, format!("duty `{id}` is declared by {} roles: {}", owners.len(), and_list(&owners)))
            .item(*id)
            .note("declare a duty once, in the role that is accountable for it; list the others in responsible/consulted/informed");
        for (i, (r, duty)) in decls.iter().enumerate() {
            let role = &ctx.roles[*r];
            let label = if i == 0 {
                format!("declared by `{}`", role.id())
            } else {
                format!("also declared by `{}`", role.id())
            };
            d = d.at(role.loc(&duty.value.id), label);
        }
        d.roles = owners.iter().map(|s| s.to_string()).collect();
        out.push(d);
    }
}
