/*!
`missing-section`: the report's 明確職責清單 asks every role for duties,
authority and KPIs; a role without one of them (absent or empty) is flagged.
*/

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for role in ctx.roles {
        let sections = [
            ("duties", role.duties().is_empty()),
            ("authority", role.authority().is_empty()),
            ("kpis", role.kpis().is_empty()),
        ];
        for (name, missing) in sections {
            if missing {
                out.push(
                    Diagnostic::new(Code::MissingSection, format!("role `{}` has no {name}", role.id()))
                        .at(role.loc(&role.doc.id), format!("add `{name}:`"))
                        .role(role.id())
                        .item(name),
                );
            }
        }
    }
}
