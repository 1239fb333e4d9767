/*!
Comparing two sets of roles by meaning: roles by id, duties by id across the
whole org (so a duty whose owner changed is *moved*, never removed and
added), authority, KPIs and competencies by id within their role.
*/

use std::collections::BTreeMap;

use super::change::{Change, Kind};
use crate::model::{Anchor, Authority, Competency, Duty, Kpi, Role, Sp};

/// Every change from `old` to `new`, grouped by role, in a stable order.
pub fn compare(old: &[Role], new: &[Role]) -> Vec<Change> {
    let mut out = Vec::new();
    let old_roles = by_id(old);
    let new_roles = by_id(new);
    for (id, n) in &new_roles {
        match old_roles.get(id) {
            None => out.push(Change::new(Kind::RoleAdded, id).field("title", None, Some(n.doc.title.value.clone()))),
            Some(o) => {
                role_fields(o, n, &mut out);
                per_role(id, o.authority(), n.authority(), Kind::AuthorityAdded, authority_fields, &mut out);
                per_role(id, o.kpis(), n.kpis(), Kind::KpiAdded, kpi_fields, &mut out);
                per_role(id, o.competencies(), n.competencies(), Kind::CompetencyAdded, competency_fields, &mut out);
            }
        }
    }
    for (id, o) in &old_roles {
        if !new_roles.contains_key(id) {
            out.push(Change::new(Kind::RoleRemoved, id).field("title", Some(o.doc.title.value.clone()), None));
        }
    }
    duties(old, new, &mut out);
    out.sort();
    out
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

/// A text field: compared borrowed, copied only when it changed (most of a
/// large org is unchanged).
fn field(out: &mut Vec<Change>, base: &Change, name: &str, before: Option<&str>, after: Option<&str>) {
    if before != after {
        out.push(base.clone().field(name, before.map(str::to_string), after.map(str::to_string)));
    }
}

/// Title and description, which every kind of item has.
fn texts(
    out: &mut Vec<Change>,
    base: &Change,
    o: (&Sp<String>, &Option<Sp<String>>),
    n: (&Sp<String>, &Option<Sp<String>>),
) {
    field(out, base, "title", Some(o.0.value.as_str()), Some(n.0.value.as_str()));
    field(out, base, "description", opt(o.1), opt(n.1));
}

/// Any other field: compared as values, shown only when it changed.
fn field_with<T: PartialEq>(
    out: &mut Vec<Change>,
    base: &Change,
    name: &str,
    before: T,
    after: T,
    show: impl Fn(&T) -> Option<String>,
) {
    if before != after {
        out.push(base.clone().field(name, show(&before), show(&after)));
    }
}

fn role_fields(o: &Role, n: &Role, out: &mut Vec<Change>) {
    let base = Change::new(Kind::RoleChanged, n.id());
    let (a, b) = (&o.doc, &n.doc);
    field(out, &base, "title", Some(a.title.value.as_str()), Some(b.title.value.as_str()));
    field(out, &base, "title_en", opt(&a.title_en), opt(&b.title_en));
    field(out, &base, "reports_to", opt(&a.reports_to), opt(&b.reports_to));
    field_with(
        out,
        &base,
        "headcount",
        a.headcount.as_ref().map(|h| h.value),
        b.headcount.as_ref().map(|h| h.value),
        |h| h.map(|h| h.to_string()),
    );
    field(out, &base, "positioning", opt(&a.positioning), opt(&b.positioning));
}

trait HasId {
    fn id(&self) -> &str;
}

impl HasId for Authority {
    fn id(&self) -> &str {
        &self.id.value
    }
}

impl HasId for Kpi {
    fn id(&self) -> &str {
        &self.id.value
    }
}

impl HasId for Competency {
    fn id(&self) -> &str {
        &self.id.value
    }
}

/// Items of one role matched by id. `added` is the kind for an addition;
/// removal and change are the next two kinds.
fn per_role<T: HasId>(
    role: &str,
    old: &[Sp<T>],
    new: &[Sp<T>],
    added: Kind,
    fields: fn(&T, &T, &Change, &mut Vec<Change>),
    out: &mut Vec<Change>,
) {
    let (removed, changed) = match added {
        Kind::AuthorityAdded => (Kind::AuthorityRemoved, Kind::AuthorityChanged),
        Kind::KpiAdded => (Kind::KpiRemoved, Kind::KpiChanged),
        _ => (Kind::CompetencyRemoved, Kind::CompetencyChanged),
    };
    let o: BTreeMap<&str, &T> = old.iter().map(|x| (x.value.id(), &x.value)).collect();
    let n: BTreeMap<&str, &T> = new.iter().map(|x| (x.value.id(), &x.value)).collect();
    for (id, nv) in &n {
        match o.get(id) {
            None => out.push(Change::new(added, role).item(id)),
            Some(ov) => fields(ov, nv, &Change::new(changed, role).item(id), out),
        }
    }
    for id in o.keys() {
        if !n.contains_key(id) {
            out.push(Change::new(removed, role).item(id));
        }
    }
}

fn authority_fields(o: &Authority, n: &Authority, base: &Change, out: &mut Vec<Change>) {
    texts(out, base, (&o.title, &o.description), (&n.title, &n.description));
}

fn competency_fields(o: &Competency, n: &Competency, base: &Change, out: &mut Vec<Change>) {
    texts(out, base, (&o.title, &o.description), (&n.title, &n.description));
    field_with(out, base, "level", o.level.value, n.level.value, |l| Some(l.to_string()));
}

fn anchor(a: &Option<Anchor>) -> Option<String> {
    a.map(|a| match a {
        Anchor::Value(v) => v.to_string(),
        Anchor::Range([lo, hi]) => format!("[{lo}, {hi}]"),
    })
}

fn debug_lower<T: std::fmt::Debug>(v: &T) -> String {
    format!("{v:?}").to_lowercase()
}

fn ratio(k: &Kpi) -> Option<(&str, &str)> {
    k.ratio.as_ref().map(|r| (r.value.numerator.as_str(), r.value.denominator.as_str()))
}

fn kpi_fields(o: &Kpi, n: &Kpi, base: &Change, out: &mut Vec<Change>) {
    texts(out, base, (&o.title, &o.description), (&n.title, &n.description));
    field(out, base, "metric", opt(&o.metric), opt(&n.metric));
    let (ro, rn) = (ratio(o), ratio(n));
    field_with(out, base, "ratio", ro, rn, |r| r.map(|(a, b)| format!("{a}/{b}")));
    field_with(out, base, "unit", o.unit.value, n.unit.value, |u| Some(debug_lower(u)));
    field_with(out, base, "direction", o.direction.value, n.direction.value, |d| Some(debug_lower(d)));
    let a = |x: &Option<Sp<Anchor>>| x.as_ref().map(|a| a.value);
    field_with(out, base, "threshold", a(&o.threshold), a(&n.threshold), anchor);
    field_with(out, base, "target", Some(o.target.value), Some(n.target.value), anchor);
    field_with(out, base, "stretch", a(&o.stretch), a(&n.stretch), anchor);
    field_with(out, base, "weight", o.weight.value, n.weight.value, |w| Some(w.to_string()));
    let agg = |k: &Kpi| k.aggregate.as_ref().map(|a| a.value);
    field_with(out, base, "aggregate", agg(o), agg(n), |a| a.map(|a| debug_lower(&a)));
}

fn names(v: &[Sp<String>]) -> Vec<&str> {
    v.iter().map(|s| s.value.as_str()).collect()
}

fn list(v: &Vec<&str>) -> Option<String> {
    (!v.is_empty()).then(|| v.join(", "))
}

fn duty_fields(owner_before: &str, o: &Duty, owner_after: &str, n: &Duty, base: &Change, out: &mut Vec<Change>) {
    texts(out, base, (&o.title, &o.description), (&n.title, &n.description));
    field(out, base, "function", Some(o.function.value.as_str()), Some(n.function.value.as_str()));
    // R as it means: an omitted list is the owner alone. Both omitted is no
    // change, even when the owner changed (that is the move itself).
    if o.responsible.is_some() || n.responsible.is_some() {
        field_with(out, base, "responsible", o.responsible_ids(owner_before), n.responsible_ids(owner_after), list);
    }
    field_with(out, base, "consulted", names(&o.consulted), names(&n.consulted), list);
    field_with(out, base, "informed", names(&o.informed), names(&n.informed), list);
}

/// Duties by id across the org: moved, added, removed, changed.
fn duties(old: &[Role], new: &[Role], out: &mut Vec<Change>) {
    let index = |roles: &[Role]| -> BTreeMap<String, (String, usize, usize)> {
        let mut m = BTreeMap::new();
        for (ri, r) in roles.iter().enumerate() {
            for (di, d) in r.duties().iter().enumerate() {
                m.entry(d.value.id.value.clone()).or_insert((r.id().to_string(), ri, di));
            }
        }
        m
    };
    let (o, n) = (index(old), index(new));
    for (id, (to, nri, ndi)) in &n {
        let nd = &new[*nri].duties()[*ndi].value;
        match o.get(id) {
            None => {
                out.push(Change::new(Kind::DutyAdded, to).item(id).field("title", None, Some(nd.title.value.clone())))
            }
            Some((from, ori, odi)) => {
                let od = &old[*ori].duties()[*odi].value;
                if from != to {
                    let mut c = Change::new(Kind::DutyMoved, to).item(id);
                    c.from_role = Some(from.clone());
                    c.to_role = Some(to.clone());
                    out.push(c);
                }
                duty_fields(from, od, to, nd, &Change::new(Kind::DutyChanged, to).item(id), out);
            }
        }
    }
    for (id, (from, ori, odi)) in &o {
        if !n.contains_key(id) {
            let od = &old[*ori].duties()[*odi].value;
            out.push(Change::new(Kind::DutyRemoved, from).item(id).field("title", Some(od.title.value.clone()), None));
        }
    }
}
