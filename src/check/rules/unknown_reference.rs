/*!
`unknown-reference`: a name that points at nothing — `reports_to` or an R role
that is not a role, a C/I entry that is neither a role nor a partner
department, a duty `function` the config does not define, or a `separation`
item that is no duty or authority. Each comes with the nearest known name.
*/

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::model::{Role, Sp};
use crate::text::suggest::nearest;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let roles: Vec<&str> = ctx.index.role_ids().collect();
    let roles_and_partners: Vec<&str> = roles.iter().copied().chain(ctx.index.partners.iter().copied()).collect();
    let functions: Vec<&str> = ctx.index.functions.iter().copied().collect();
    for role in ctx.roles {
        if let Some(r) = &role.doc.reports_to {
            if !ctx.index.is_role(&r.value) {
                out.push(unknown(role, r, "reports_to", "role", &roles, None));
            }
        }
        for duty in role.duties() {
            let d = &duty.value;
            let duty_id = Some(d.id.value.as_str());
            if !ctx.index.functions.contains(d.function.value.as_str()) {
                out.push(unknown(role, &d.function, "function", "department function", &functions, duty_id));
            }
            for x in d.responsible.iter().flat_map(|r| &r.value) {
                if ctx.index.is_role(&x.value) {
                    continue;
                }
                let mut diag = unknown(role, x, "responsible", "role", &roles, duty_id);
                if ctx.index.partners.contains(x.value.as_str()) {
                    diag = diag.note(
                        "a partner department can be consulted or informed, but R must be a role of this department",
                    );
                }
                out.push(diag);
            }
            for (field, list) in [("consulted", &d.consulted), ("informed", &d.informed)] {
                for x in list {
                    if !ctx.index.is_role(&x.value) && !ctx.index.partners.contains(x.value.as_str()) {
                        out.push(unknown(role, x, field, "role or partner department", &roles_and_partners, duty_id));
                    }
                }
            }
        }
    }
    if !ctx.partial {
        separation_items(ctx, out);
    }
}

fn unknown(role: &Role, name: &Sp<String>, field: &str, kind: &str, known: &[&str], duty: Option<&str>) -> Diagnostic {
    let place = duty.map_or(String::new(), |d| format!(" of duty `{d}`"));
    let mut diag = Diagnostic::new(
        Code::UnknownReference,
        format!("`{field}`{place} in `{}` names unknown {kind} `{}`", role.id(), name.value),
    )
    .at(role.loc(name), format!("no {kind} has this id"))
    .role(role.id())
    .item(name.value.as_str());
    if let Some(d) = duty {
        diag = diag.item(d);
    }
    if let Some(near) = nearest(&name.value, known.iter().copied()) {
        diag = diag.note(format!("did you mean `{near}`?"));
    }
    diag
}

fn separation_items(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let items: Vec<&str> = ctx.index.duties.keys().chain(ctx.index.authorities.keys()).copied().collect();
    for sep in &ctx.config.separation {
        for (item, loc) in &sep.items {
            if ctx.index.is_item(item) {
                continue;
            }
            let mut d = Diagnostic::new(
                Code::UnknownReference,
                format!("separation rule names unknown duty or authority `{item}`"),
            )
            .at(*loc, "no duty or authority has this id")
            .item(item.as_str());
            if let Some(near) = nearest(item, items.iter().copied()) {
                d = d.note(format!("did you mean `{near}`?"));
            }
            out.push(d);
        }
    }
}
