/*!
The one way a name read from a file — a role in an export row, a risk's
owner, a conflict's party, a metric column — becomes what it means.

Names are looked up in tiers, best first; the first tier that knows the name
decides. Within that tier, a name that leads to two different things is
[`Found::Ambiguous`]: the caller skips and reports it, naming both — never a
silent pick of whichever came first in file order.

- Roles: the exact id; then the id or title folded (NFKC, case, punctuation,
  Traditional/Simplified); then the English title folded.
- KPIs of one role: the exact metric name (or a ratio's numerator or
  denominator); the exact KPI id; then the metric, the id and the title
  folded. Two KPIs fed by one metric name (one's `metric`, another's ratio
  numerator) is a shared measurement, not an ambiguity (two KPIs taking one
  `metric` is `kpi-metric`'s error); two *different* names that fold alike
  (`on_time`, `ontime`) are ambiguous.

Misses get a "did you mean" from every name the resolver knows.
*/

use std::collections::HashMap;

use crate::text::fold;

/// What a name resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found<T> {
    One(T),
    /// Two or more candidates in the best tier, by their labels (sorted).
    Ambiguous(Vec<String>),
    None,
}

impl<T> Found<T> {
    pub fn one(self) -> Option<T> {
        match self {
            Found::One(t) => Some(t),
            _ => None,
        }
    }
}

/// A value that candidates of one group share, merged when a group appears
/// more than once in a tier.
pub trait Merge {
    fn merge(&mut self, other: Self);
}

impl Merge for usize {
    fn merge(&mut self, _: Self) {}
}

impl<T: PartialEq> Merge for Vec<T> {
    fn merge(&mut self, other: Self) {
        for x in other {
            if !self.contains(&x) {
                self.push(x);
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Candidate<T> {
    /// Candidates of one group are one meaning (one role, one metric name).
    group: String,
    label: String,
    value: T,
}

#[derive(Debug, Clone)]
struct Tier<T> {
    folded: bool,
    keys: HashMap<String, Vec<Candidate<T>>>,
}

/// A tiered name table.
#[derive(Debug, Clone)]
pub struct Resolver<T> {
    tiers: Vec<Tier<T>>,
    /// Every name it knows, for suggestions (deduplicated, in insertion
    /// order), and each folded once: a suggestion is asked per unknown name,
    /// and an export may hold millions of them.
    names: Vec<String>,
    folded_names: Vec<String>,
}

impl<T: Clone + Merge> Resolver<T> {
    /// A resolver with tiers in order, each exact (`false`) or folded (`true`).
    pub fn new(folded: &[bool]) -> Self {
        Resolver {
            tiers: folded.iter().map(|&f| Tier { folded: f, keys: HashMap::new() }).collect(),
            names: Vec::new(),
            folded_names: Vec::new(),
        }
    }

    /// Adds `name` in `tier`, meaning `value`; `group` says which candidates
    /// are the same meaning, `label` how a candidate is named when ambiguous.
    pub fn add(&mut self, tier: usize, name: &str, group: &str, label: &str, value: T) {
        let t = &mut self.tiers[tier];
        let key = if t.folded { fold(name) } else { name.trim().to_string() };
        if key.is_empty() {
            return;
        }
        let list = t.keys.entry(key).or_default();
        match list.iter_mut().find(|c| c.group == group) {
            Some(c) => c.value.merge(value),
            None => list.push(Candidate { group: group.to_string(), label: label.to_string(), value }),
        }
        if !self.names.iter().any(|n| n == name) {
            self.names.push(name.to_string());
            self.folded_names.push(fold(name));
        }
    }

    pub fn resolve(&self, name: &str) -> Found<T> {
        let trimmed = name.trim();
        let mut folded: Option<String> = None;
        for t in &self.tiers {
            let key: &str = if t.folded { folded.get_or_insert_with(|| fold(trimmed)) } else { trimmed };
            if let Some(list) = t.keys.get(key) {
                return match list.as_slice() {
                    [one] => Found::One(one.value.clone()),
                    many => {
                        let mut labels: Vec<String> = many.iter().map(|c| c.label.clone()).collect();
                        labels.sort();
                        labels.dedup();
                        Found::Ambiguous(labels)
                    }
                };
            }
        }
        Found::None
    }

    /// Every name it knows, in the order they were added.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The known name nearest to `name`, for "did you mean".
    pub fn suggest(&self, name: &str) -> Option<&str> {
        let folded = fold(name);
        let best = crate::text::suggest::nearest(&folded, self.folded_names.iter().map(String::as_str))?;
        let i = self.folded_names.iter().position(|f| f == best)?;
        Some(&self.names[i])
    }
}

/// Role names: exact id → folded id or title → folded English title.
pub fn roles(roles: &[crate::model::Role]) -> Resolver<usize> {
    let mut r = Resolver::new(&[false, true, true]);
    for (i, role) in roles.iter().enumerate() {
        let id = role.id();
        let label = format!("{} ({id})", role.doc.title.value);
        r.add(0, id, id, &label, i);
        r.add(1, id, id, &label, i);
        r.add(1, &role.doc.title.value, id, &label, i);
        if let Some(en) = &role.doc.title_en {
            r.add(2, &en.value, id, &label, i);
        }
    }
    r
}

/// A resolver that remembers its answers: a register names the same few
/// roles in every row, so each distinct name is folded and looked up once.
pub struct Memo<'a, T> {
    resolver: &'a Resolver<T>,
    seen: std::cell::RefCell<rustc_hash::FxHashMap<String, Found<T>>>,
}

impl<'a, T: Clone + Merge> Memo<'a, T> {
    pub fn new(resolver: &'a Resolver<T>) -> Self {
        Memo { resolver, seen: Default::default() }
    }

    pub fn resolve(&self, name: &str) -> Found<T> {
        if let Some(f) = self.seen.borrow().get(name) {
            return f.clone();
        }
        let f = self.resolver.resolve(name);
        self.seen.borrow_mut().insert(name.to_string(), f.clone());
        f
    }

    pub fn suggest(&self, name: &str) -> Option<&'a str> {
        self.resolver.suggest(name)
    }
}

/// What a conflict party names: a role or a partner department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub id: String,
    pub title: String,
    pub is_role: bool,
}

/// Parties of a cross-department conflict: roles and the config's partner
/// departments, by exact id → folded id or title → folded English title, or a
/// department's title without its 部門 / 部 (`財務` for 財務部門). Values index
/// the returned list.
pub fn parties(roles: &[crate::model::Role], partners: &[crate::config::Entry]) -> (Resolver<usize>, Vec<Party>) {
    let mut r = Resolver::new(&[false, true, true]);
    let mut list = Vec::new();
    for role in roles {
        let id = role.id();
        let title = &role.doc.title.value;
        let i = list.len();
        let label = format!("{title} ({id})");
        r.add(0, id, id, &label, i);
        r.add(1, id, id, &label, i);
        r.add(1, title, id, &label, i);
        if let Some(en) = &role.doc.title_en {
            r.add(2, &en.value, id, &label, i);
        }
        list.push(Party { id: id.to_string(), title: title.clone(), is_role: true });
    }
    for p in partners {
        let i = list.len();
        // A partner's id may equal a role's; the group keeps them apart.
        let group = format!("partner:{}", p.id);
        let label = format!("{} ({})", p.title, p.id);
        r.add(0, &p.id, &group, &label, i);
        r.add(1, &p.id, &group, &label, i);
        r.add(1, &p.title, &group, &label, i);
        let short = p.title.trim_end_matches("部門").trim_end_matches("部门").trim_end_matches('部');
        if !short.is_empty() && short != p.title {
            r.add(2, short, &group, &label, i);
        }
        list.push(Party { id: p.id.clone(), title: p.title.clone(), is_role: false });
    }
    (r, list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(entries: &[(usize, &str, &str)]) -> Resolver<usize> {
        let mut r = Resolver::new(&[false, true, true]);
        for &(tier, name, group) in entries {
            r.add(tier, name, group, group, group.len());
        }
        r
    }

    #[test]
    fn the_best_tier_decides() {
        // Roles `alpha` (title_en "Beta") and `beta`: the exact id wins.
        let r = table(&[(0, "alpha", "alpha"), (0, "beta", "beta"), (2, "Beta", "alpha")]);
        assert_eq!(r.resolve("beta"), Found::One(4));
        assert_eq!(r.resolve(" Beta "), Found::One(5));
    }

    #[test]
    fn two_meanings_in_one_tier_are_ambiguous_never_a_pick() {
        let r = table(&[(2, "Rounding probe", "lower-probe"), (2, "Rounding probe", "upper-probe")]);
        assert_eq!(r.resolve("rounding PROBE"), Found::Ambiguous(vec!["lower-probe".into(), "upper-probe".into()]));
        assert_eq!(r.resolve("nothing"), Found::None);
    }

    #[test]
    fn one_meaning_named_twice_is_not_ambiguous() {
        let r = table(&[(1, "流程管理經理", "pm"), (1, "流程管理经理", "pm")]);
        assert_eq!(r.resolve("流程管理經理"), Found::One(2));
    }

    #[test]
    fn suggestions_compare_folded_names() {
        let r = table(&[(0, "process-manager", "pm"), (1, "流程管理經理", "pm")]);
        assert_eq!(r.suggest("proces-manager"), Some("process-manager"));
        assert_eq!(r.suggest("流程管理经"), Some("流程管理經理"));
    }

    #[test]
    fn parties_are_roles_and_partner_departments() {
        let partners = crate::config::Config::defaults("roles".into()).partners;
        let (r, list) = parties(&[], &partners);
        let id = |name: &str| r.resolve(name).one().map(|i| list[i].id.as_str());
        assert_eq!(id("finance"), Some("finance"));
        assert_eq!(id("财务部门"), Some("finance"));
        assert_eq!(id("財務"), Some("finance"));
        assert_eq!(id("IT"), Some("it"));
        assert_eq!(id("管理層"), Some("management"));
        assert_eq!(id("採購部"), None);
    }
}
