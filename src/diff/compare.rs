/*!
Comparing two sets of roles by meaning: roles by id, duties by id across the
whole org ([`super::duties`]), authority, KPIs and competencies by id within
their role.

Changes come out grouped by role in catalogue order (the reporting tree, as
[`crate::model::catalogue`] orders it; roles the change removed after, in
their old order), and within a role as the role file reads: its own fields,
duties, authority, competencies, KPIs — each item where it stands in the
file after the change, removed items after the rest.
*/

use std::collections::BTreeMap;

use super::change::{Change, Kind};
use super::duties;
use super::fields::{plain, text, value};
use super::names::Names;
use crate::model::catalogue;
use crate::model::{Anchor, Authority, Competency, Kpi, Role, Sp};

/// Every change from `old` to `new`, grouped by role, in catalogue order.
pub fn compare(old: &[Role], new: &[Role], names: &Names) -> Vec<Change> {
    let old_roles = by_id(old);
    let new_roles = by_id(new);
    let mut duty_changes = duties::compare(old, new, names);
    let mut out = Vec::new();
    for id in role_order(old, new) {
        let title = names.role(id);
        match (old_roles.get(id), new_roles.get(id)) {
            (None, Some(n)) => {
                out.push(Change::new(Kind::RoleAdded, id, title).field("title", None, Some(n.doc.title.value.clone())))
            }
            (Some(o), None) => out.push(Change::new(Kind::RoleRemoved, id, title).field(
                "title",
                Some(o.doc.title.value.clone()),
                None,
            )),
            (Some(o), Some(n)) => role_fields(o, n, title, &mut out),
            (None, None) => {}
        }
        for (_, changes) in duty_changes.remove(id).unwrap_or_default() {
            out.extend(changes);
        }
        if let (Some(o), Some(n)) = (old_roles.get(id), new_roles.get(id)) {
            let base = |kind| Change::new(kind, id, title);
            per_role(o.authority(), n.authority(), base(Kind::AuthorityAdded), authority_fields, names, &mut out);
            per_role(
                o.competencies(),
                n.competencies(),
                base(Kind::CompetencyAdded),
                competency_fields,
                names,
                &mut out,
            );
            per_role(o.kpis(), n.kpis(), base(Kind::KpiAdded), kpi_fields, names, &mut out);
        }
    }
    out
}

/// Role ids in catalogue order after the change, then the removed ones in
/// their order before it.
pub fn role_order<'a>(old: &'a [Role], new: &'a [Role]) -> Vec<&'a str> {
    let mut seen = std::collections::BTreeSet::new();
    let mut ids = Vec::new();
    for roles in [new, old] {
        for i in catalogue::order(roles) {
            if seen.insert(roles[i].id()) {
                ids.push(roles[i].id());
            }
        }
    }
    ids
}

/// Roles by id; with duplicate ids, the first (a `check` error anyway).
fn by_id(roles: &[Role]) -> BTreeMap<&str, &Role> {
    let mut m = BTreeMap::new();
    for r in roles {
        m.entry(r.id()).or_insert(r);
    }
    m
}

fn opt(v: &Option<Sp<String>>) -> Option<&str> {
    v.as_ref().map(|s| s.value.as_str())
}

fn role_fields(o: &Role, n: &Role, title: Option<&str>, out: &mut Vec<Change>) {
    let base = Change::new(Kind::RoleChanged, n.id(), title);
    let (a, b) = (&o.doc, &n.doc);
    text(out, &base, "title", Some(&a.title.value), Some(&b.title.value));
    text(out, &base, "title_en", opt(&a.title_en), opt(&b.title_en));
    plain(out, &base, "reports_to", opt(&a.reports_to), opt(&b.reports_to));
    let headcount = |d: &crate::model::RoleDoc| d.headcount.as_ref().map(|h| h.value);
    value(out, &base, "headcount", headcount(a), headcount(b), |h| h.map(|h| h.to_string()));
    text(out, &base, "positioning", opt(&a.positioning), opt(&b.positioning));
}

/// An item of a role: matched by id within the role.
trait Item {
    fn id(&self) -> &str;
    fn title(&self) -> &str;
}

macro_rules! item {
    ($($t:ty),*) => {$(
        impl Item for $t {
            fn id(&self) -> &str {
                &self.id.value
            }
            fn title(&self) -> &str {
                &self.title.value
            }
        }
    )*};
}

item!(Authority, Kpi, Competency);

/// Items of one role matched by id (the first of a repeated id): added and
/// changed in the order of the file after the change, then removed ones in
/// their order before it. `base` has the kind of an addition; removal and
/// change are the next two kinds.
fn per_role<T: Item>(
    old: &[Sp<T>],
    new: &[Sp<T>],
    base: Change,
    compare: fn(&T, &T, &Change, &Names, &mut Vec<Change>),
    names: &Names,
    out: &mut Vec<Change>,
) {
    let (removed, changed) = match base.kind {
        Kind::AuthorityAdded => (Kind::AuthorityRemoved, Kind::AuthorityChanged),
        Kind::KpiAdded => (Kind::KpiRemoved, Kind::KpiChanged),
        _ => (Kind::CompetencyRemoved, Kind::CompetencyChanged),
    };
    let (o, n) = (first_of(old), first_of(new));
    let with = |kind: Kind, item: &T| {
        let mut c = base.clone().item(item.id(), item.title());
        c.kind = kind;
        c
    };
    for (i, x) in new.iter().enumerate() {
        let nv = &x.value;
        if n.get(nv.id()) != Some(&i) {
            continue;
        }
        match o.get(nv.id()) {
            None => out.push(with(base.kind, nv)),
            Some(&j) => compare(&old[j].value, nv, &with(changed, nv), names, out),
        }
    }
    for (j, x) in old.iter().enumerate() {
        let ov = &x.value;
        if o.get(ov.id()) == Some(&j) && !n.contains_key(ov.id()) {
            out.push(with(removed, ov));
        }
    }
}

/// Each id's first position.
fn first_of<T: Item>(items: &[Sp<T>]) -> BTreeMap<&str, usize> {
    let mut m: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, x) in items.iter().enumerate() {
        m.entry(x.value.id()).or_insert(i);
    }
    m
}

fn authority_fields(o: &Authority, n: &Authority, base: &Change, _: &Names, out: &mut Vec<Change>) {
    text(out, base, "title", Some(&o.title.value), Some(&n.title.value));
    text(out, base, "description", opt(&o.description), opt(&n.description));
}

fn competency_fields(o: &Competency, n: &Competency, base: &Change, _: &Names, out: &mut Vec<Change>) {
    text(out, base, "title", Some(&o.title.value), Some(&n.title.value));
    text(out, base, "description", opt(&o.description), opt(&n.description));
    value(out, base, "level", o.level.value, n.level.value, |l| Some(l.to_string()));
}

/// An anchor as written: `5`, or `[90, 110]` for a range.
fn anchor(a: &Option<Anchor>) -> Option<String> {
    a.map(|a| match a {
        Anchor::Value(v) => v.to_string(),
        Anchor::Range([lo, hi]) => format!("[{lo}, {hi}]"),
    })
}

fn ratio(k: &Kpi) -> Option<(&str, &str)> {
    k.ratio.as_ref().map(|r| (r.value.numerator.as_str(), r.value.denominator.as_str()))
}

fn kpi_fields(o: &Kpi, n: &Kpi, base: &Change, _: &Names, out: &mut Vec<Change>) {
    text(out, base, "title", Some(&o.title.value), Some(&n.title.value));
    text(out, base, "description", opt(&o.description), opt(&n.description));
    plain(out, base, "metric", opt(&o.metric), opt(&n.metric));
    value(out, base, "ratio", ratio(o), ratio(n), |r| r.map(|(a, b)| format!("{a}/{b}")));
    value(out, base, "unit", o.unit.value, n.unit.value, |u| Some(u.to_string()));
    value(out, base, "direction", o.direction.value, n.direction.value, |d| Some(d.to_string()));
    let a = |x: &Option<Sp<Anchor>>| x.as_ref().map(|a| a.value);
    value(out, base, "threshold", a(&o.threshold), a(&n.threshold), anchor);
    value(out, base, "target", Some(o.target.value), Some(n.target.value), anchor);
    value(out, base, "stretch", a(&o.stretch), a(&n.stretch), anchor);
    value(out, base, "weight", o.weight.value, n.weight.value, |w| Some(w.to_string()));
    let agg = |k: &Kpi| k.aggregate.as_ref().map(|a| a.value);
    value(out, base, "aggregate", agg(o), agg(n), |a| a.map(|a| a.to_string()));
}

/// The KPI fields whose change can move a score (SPEC 3.3).
pub const SCORING_FIELDS: &[&str] =
    &["metric", "ratio", "unit", "direction", "threshold", "target", "stretch", "weight", "aggregate"];
