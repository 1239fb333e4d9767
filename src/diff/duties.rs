/*!
Duties matched by id across the whole organisation: a duty whose owner
changed is *moved*, never removed and added.

A duty is declared once, but a change can break that (and `check` says
`duplicate-duty`). Declarations are therefore matched one by one: first
those in the same role on both sides (the k-th declaration in a role with
the k-th); of what is left, one declaration before and one after is a move,
anything else is declarations added and removed. A second declaration of an
existing duty in another role is *added* — never "no change", never a move
of the first.
*/

use std::collections::BTreeMap;

use super::change::{Change, Kind};
use super::fields;
use super::names::Names;
use crate::model::{Duty, Role, Sp};

/// One declaration of a duty.
#[derive(Clone, Copy)]
struct Decl<'a> {
    role: usize,
    at: usize,
    duty: &'a Duty,
}

/// Where a duty change is shown: in the group of `role`, before the
/// removals, by position in the role file after the change; removals after,
/// by position before it.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    pub removed: bool,
    pub role_index: usize,
    pub at: usize,
}

/// Duty changes by the id of the role whose group shows them, each with its
/// slot there.
pub type ByRole = BTreeMap<String, Vec<(Slot, Vec<Change>)>>;

fn decls(roles: &[Role]) -> BTreeMap<&str, Vec<Decl<'_>>> {
    let mut m: BTreeMap<&str, Vec<Decl>> = BTreeMap::new();
    for (ri, r) in roles.iter().enumerate() {
        for (at, d) in r.duties().iter().enumerate() {
            m.entry(d.value.id.value.as_str()).or_default().push(Decl { role: ri, at, duty: &d.value });
        }
    }
    m
}

/// Every duty change from `old` to `new`, by the role that shows it.
pub fn compare(old: &[Role], new: &[Role], names: &Names) -> ByRole {
    let (o, n) = (decls(old), decls(new));
    let mut out = ByRole::new();
    let mut ids: Vec<&str> = o.keys().chain(n.keys()).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let olds = o.get(id).map_or(&[][..], Vec::as_slice);
        let news = n.get(id).map_or(&[][..], Vec::as_slice);
        let mut left: Vec<Option<Decl>> = olds.iter().copied().map(Some).collect();
        let mut pairs = Vec::new();
        let mut added = Vec::new();
        for nd in news {
            let same = left.iter().position(|od| od.is_some_and(|od| old[od.role].id() == new[nd.role].id()));
            match same.and_then(|i| left[i].take()) {
                Some(od) => pairs.push((od, *nd)),
                None => added.push(*nd),
            }
        }
        let mut removed: Vec<Decl> = left.into_iter().flatten().collect();
        if added.len() == 1 && removed.len() == 1 {
            pairs.push((removed.remove(0), added.remove(0)));
        }
        for (od, nd) in pairs {
            let (from, to) = (&old[od.role], &new[nd.role]);
            let mut changes = Vec::new();
            if from.id() != to.id() {
                let mut c = Change::new(Kind::DutyMoved, to.id(), names.role(to.id())).item(id, &nd.duty.title.value);
                c.from_role = Some(from.id().to_string());
                c.from_role_title = names.role(from.id()).map(str::to_string);
                c.to_role = Some(to.id().to_string());
                c.to_role_title = c.role_title.clone();
                changes.push(c);
            }
            let base = Change::new(Kind::DutyChanged, to.id(), names.role(to.id())).item(id, &nd.duty.title.value);
            duty_fields(from.id(), od.duty, to.id(), nd.duty, &base, names, &mut changes);
            if !changes.is_empty() {
                let slot = Slot { removed: false, role_index: nd.role, at: nd.at };
                out.entry(to.id().to_string()).or_default().push((slot, changes));
            }
        }
        for nd in added {
            let to = new[nd.role].id();
            let c = Change::new(Kind::DutyAdded, to, names.role(to)).item(id, &nd.duty.title.value).field(
                "title",
                None,
                Some(nd.duty.title.value.clone()),
            );
            let slot = Slot { removed: false, role_index: nd.role, at: nd.at };
            out.entry(to.to_string()).or_default().push((slot, vec![c]));
        }
        for od in removed {
            let from = old[od.role].id();
            let c = Change::new(Kind::DutyRemoved, from, names.role(from)).item(id, &od.duty.title.value).field(
                "title",
                Some(od.duty.title.value.clone()),
                None,
            );
            let slot = Slot { removed: true, role_index: od.role, at: od.at };
            out.entry(from.to_string()).or_default().push((slot, vec![c]));
        }
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| a.0.cmp(&b.0));
    }
    out
}

fn desc(d: &Duty) -> Option<&str> {
    d.description.as_ref().map(|s| s.value.as_str())
}

fn ids(v: &[Sp<String>]) -> Vec<&str> {
    v.iter().map(|s| s.value.as_str()).collect()
}

fn duty_fields(
    owner_before: &str,
    o: &Duty,
    owner_after: &str,
    n: &Duty,
    base: &Change,
    names: &Names,
    out: &mut Vec<Change>,
) {
    fields::text(out, base, "title", Some(&o.title.value), Some(&n.title.value));
    fields::text(out, base, "description", desc(o), desc(n));
    fields::plain(out, base, "function", Some(&o.function.value), Some(&n.function.value));
    // R as it means: an omitted list is the owner alone. Both omitted is no
    // change, even when the owner changed (that is the move itself).
    if o.responsible.is_some() || n.responsible.is_some() {
        let (r0, r1) = (o.responsible_ids(owner_before), n.responsible_ids(owner_after));
        fields::list(out, base, "responsible", &r0, &r1, names);
    }
    fields::list(out, base, "consulted", &ids(&o.consulted), &ids(&n.consulted), names);
    fields::list(out, base, "informed", &ids(&o.informed), &ids(&n.informed), names);
}
