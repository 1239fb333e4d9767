/*!
`duplicate-title`: names that an export cannot tell apart (SPEC 3.2).

An export names a role by id or title and a metric by the KPI's metric, id
or title, compared folded (case, width, punctuation, Traditional/Simplified).
Two roles whose `title` or `title_en` fold to the same text — or one role's
title that folds to another role's id — make such a name ambiguous; so do
two KPIs of one role whose id, title or metric fold alike. Scoring then skips
the rows as `ambiguous-name` rather than guess; this warning says so before
any export is read. (Two KPIs fed by the same metric name share a
measurement on purpose and are not reported.)
*/

use std::collections::BTreeMap;

use crate::check::Ctx;
use crate::diag::{Code, Diagnostic};
use crate::model::Role;
use crate::source::Location;
use crate::text::fold;

/// One name of an owner (a role, or a KPI of a role).
struct Name<'a> {
    owner: usize,
    field: &'static str,
    text: &'a str,
    loc: Location,
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    roles(ctx, out);
    for role in ctx.roles {
        kpis(role, out);
    }
}

fn roles(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let mut names: BTreeMap<String, Vec<Name>> = BTreeMap::new();
    for (i, role) in ctx.roles.iter().enumerate() {
        let mut fields = vec![("id", &role.doc.id), ("title", &role.doc.title)];
        if let Some(en) = &role.doc.title_en {
            fields.push(("title_en", en));
        }
        for (field, value) in fields {
            let name = Name { owner: i, field, text: &value.value, loc: role.loc(value) };
            names.entry(fold(&value.value)).or_default().push(name);
        }
    }
    for (key, list) in names {
        let mut owners: Vec<usize> = list.iter().map(|n| n.owner).collect();
        owners.sort_unstable();
        owners.dedup();
        // Only a title clashing with another role's name; equal ids are `duplicate-id`.
        let titled = list.iter().any(|n| n.field != "id");
        if key.is_empty() || owners.len() < 2 || !titled {
            continue;
        }
        let ids: Vec<&str> = owners.iter().map(|&o| ctx.roles[o].id()).collect();
        let parts: Vec<String> =
            list.iter().map(|n| format!("{} `{}` of `{}`", n.field, n.text, ctx.roles[n.owner].id())).collect();
        let mut d = Diagnostic::new(
            Code::DuplicateTitle,
            format!(
                "roles {} have names that fold to the same text ({}): an export naming it is ambiguous",
                super::and_list(&ids),
                parts.join(", ")
            ),
        )
        .note("give each role a title of its own; exports then name roles without ambiguity");
        for n in &list {
            d = d.at(n.loc, format!("{} of `{}`", n.field, ctx.roles[n.owner].id()));
        }
        for id in &ids {
            d = d.role(*id).item(*id);
        }
        out.push(d);
    }
}

fn kpis(role: &Role, out: &mut Vec<Diagnostic>) {
    let mut names: BTreeMap<String, Vec<Name>> = BTreeMap::new();
    for (i, k) in role.kpis().iter().enumerate() {
        let k = &k.value;
        let mut fields: Vec<(&'static str, &crate::model::Sp<String>)> = vec![("id", &k.id), ("title", &k.title)];
        if let Some(m) = &k.metric {
            fields.push(("metric", m));
        }
        for (field, value) in fields {
            names.entry(fold(&value.value)).or_default().push(Name {
                owner: i,
                field,
                text: &value.value,
                loc: role.loc(value),
            });
        }
    }
    for (key, list) in names {
        let mut owners: Vec<usize> = list.iter().map(|n| n.owner).collect();
        owners.sort_unstable();
        owners.dedup();
        if key.is_empty() || owners.len() < 2 {
            continue;
        }
        // The same metric name feeding several KPIs is a shared measurement.
        let texts: Vec<(&str, &str)> = list.iter().map(|n| (n.field, n.text)).collect();
        if texts.iter().all(|(f, t)| *f == "metric" && *t == texts[0].1) {
            continue;
        }
        // Equal KPI ids are `duplicate-id`.
        if texts.iter().all(|(f, t)| *f == "id" && *t == texts[0].1) {
            continue;
        }
        let kpis = role.kpis();
        let ids: Vec<&str> = owners.iter().map(|&o| kpis[o].value.id.value.as_str()).collect();
        let parts: Vec<String> =
            list.iter().map(|n| format!("{} `{}` of `{}`", n.field, n.text, kpis[n.owner].value.id.value)).collect();
        let mut d = Diagnostic::new(
            Code::DuplicateTitle,
            format!(
                "KPIs {} of role `{}` have names that fold to the same text ({}): an export naming it is ambiguous",
                super::and_list(&ids),
                role.id(),
                parts.join(", ")
            ),
        )
        .role(role.id())
        .note("rename one so that every metric name, id and title of a role is distinct once case, width and punctuation are ignored");
        for n in &list {
            d = d.at(n.loc, format!("{} of `{}`", n.field, kpis[n.owner].value.id.value));
        }
        for id in &ids {
            d = d.item(*id);
        }
        out.push(d);
    }
}
