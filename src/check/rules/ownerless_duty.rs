/*!
`ownerless-duty`: a duty with nobody Responsible — an empty `responsible` list,
or one whose roles are all unknown. With the declaring role as the single
Accountable owner, this keeps the RACI rule "exactly one A, at least one R".
*/

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for role in ctx.roles {
        for duty in role.duties() {
            let Some(r) = &duty.value.responsible else {
                continue;
            };
            let why = if r.value.is_empty() {
                "its `responsible` list is empty"
            } else if r.value.iter().all(|x| !ctx.index.is_role(&x.value)) {
                "none of its `responsible` roles exists"
            } else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    Code::OwnerlessDuty,
                    format!("duty `{}` of `{}` has nobody responsible: {why}", duty.value.id.value, role.id()),
                )
                .at(role.loc(r), "responsible")
                .role(role.id())
                .item(duty.value.id.value.as_str())
                .note("name at least one role that does the work (omit `responsible` to make it the owner)"),
            );
        }
    }
}
