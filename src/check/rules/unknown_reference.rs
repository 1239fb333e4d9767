/*!
`unknown-reference`: a name that points at nothing — `reports_to` or an R role
that is not a role, a C/I entry that is neither a role nor a partner
department, a duty `function` the config does not define, or a `separation`
item that is no duty or authority. Each comes with the nearest known name;
a *title* where an id belongs (`consulted: [財務部門, 運營總監]`, as people
write them) gets the id it names, through the one name resolver.
*/

use crate::check::Ctx;
use crate::config::Entry;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::model::names::{self, Found, Resolver};
use crate::model::{Role, Sp};
use crate::text::suggest::nearest;

/// Titles of roles, partner departments and functions, to turn a title
/// written where an id belongs into that id.
struct Titles<'a> {
    roles: Resolver<usize>,
    role_list: &'a [Role],
    partners: &'a [Entry],
    functions: &'a [Entry],
}

impl Titles<'_> {
    /// The id `name` is the title of, among roles (and `entries`).
    fn id(&self, name: &str, roles: bool, entries: &[Entry]) -> Option<String> {
        if roles {
            if let Found::One(i) = self.roles.resolve(name) {
                return Some(self.role_list[i].id().to_string());
            }
        }
        let folded = crate::text::fold(name);
        let mut hits = entries.iter().filter(|e| crate::text::fold(&e.title) == folded);
        match (hits.next(), hits.next()) {
            (Some(e), None) => Some(e.id.clone()),
            _ => None,
        }
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let titles = Titles {
        roles: names::roles(ctx.roles),
        role_list: ctx.roles,
        partners: &ctx.config.partners,
        functions: &ctx.config.functions,
    };
    let roles: Vec<&str> = ctx.index.role_ids().collect();
    let roles_and_partners: Vec<&str> = roles.iter().copied().chain(ctx.index.partners.iter().copied()).collect();
    let functions: Vec<&str> = ctx.index.functions.iter().copied().collect();
    for role in ctx.roles {
        if let Some(r) = &role.doc.reports_to {
            if !ctx.index.is_role(&r.value) {
                out.push(titled(unknown(role, r, "reports_to", "role", &roles, None), titles.id(&r.value, true, &[])));
            }
        }
        for duty in role.duties() {
            let d = &duty.value;
            let duty_id = Some(d.id.value.as_str());
            if !ctx.index.functions.contains(d.function.value.as_str()) {
                let diag = unknown(role, &d.function, "function", "department function", &functions, duty_id);
                out.push(titled(diag, titles.id(&d.function.value, false, titles.functions)));
            }
            for x in d.responsible.iter().flat_map(|r| &r.value) {
                if ctx.index.is_role(&x.value) {
                    continue;
                }
                let mut diag =
                    titled(unknown(role, x, "responsible", "role", &roles, duty_id), titles.id(&x.value, true, &[]));
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
                        let diag = unknown(role, x, field, "role or partner department", &roles_and_partners, duty_id);
                        out.push(titled(diag, titles.id(&x.value, true, titles.partners)));
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

/// Replaces the spelling suggestion with the id when the name is a title.
fn titled(mut diag: Diagnostic, id: Option<String>) -> Diagnostic {
    if let Some(id) = id {
        diag.notes.retain(|n| !n.starts_with("did you mean"));
        let name = diag.items.first().cloned().unwrap_or_default();
        diag = diag.note(format!("did you mean `{id}`? `{name}` is its title; references use ids"));
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
