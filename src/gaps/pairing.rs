/*!
Mentor pairing (導師制, SPEC 6.3), provably best.

Every gap may get one mentor: a different person whose assessed level in
the competency is at least the mentee's required level + 1; a mentor takes
at most `mentoring.max_mentees` pairs in total. Among valid pairings the
one chosen covers the **most gaps** any valid pairing can (a maximum
b-matching — greedy first-come leaves gaps uncovered when it spends a
mentor who could serve several on the one gap another could also have
taken), and among those it has the most mentors of the mentee's own role,
then the most of the role the mentee reports to, then the largest total
margin (mentor level − required level). All four at once are one
minimum-cost maximum flow with lexicographic costs ([`super::flow`]).

Scale: 50,000 people with 10 assessed competencies have hundreds of
thousands of gaps and skills, and an arc per (gap, possible mentor) would be
billions. Nothing in the objective tells apart two gaps of one competency,
one required level and one mentee role, nor two mentors of one role with
the same levels in the same competencies; so the network has one node per
such *group* of gaps, per *offer* (competency, mentor level, mentor role)
and per *type* of mentor, with capacities counting their members:

```text
source ─(gaps in group)→ group (role, competency, required)
       ─(cost)→ offer (competency, level, mentor role)
       ─→ type (role, its offers) ─(max_mentees × members)→ sink
```

Any flow in it splits into person-to-person pairs and back, so its optimum
is the optimum of the pairing. Within a group, a type or an offer, people
are interchangeable, and ties go by name: person indexes are in name order
(the caller's promise), the first mentee gets the first unit of the best
offer, and a type's first mentor fills first.
*/

use std::collections::BTreeMap;

use super::flow::{Cost, Network};

/// A gap that may get a mentor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    /// The mentee; person indexes are in name order.
    pub person: usize,
    /// The mentee's role.
    pub role: usize,
    pub competency: usize,
    /// The level the mentee's role requires.
    pub required: u8,
}

/// An assessed level, which may make its holder a mentor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skill {
    pub person: usize,
    /// The holder's role.
    pub role: usize,
    pub competency: usize,
    pub level: u8,
}

/// What pairing depends on besides people.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    /// Per role index, the role it reports to.
    pub reports_to: &'a [Option<usize>],
    /// Pairs per mentor in total (≥ 1).
    pub max_mentees: u32,
}

/// How a mentor's role stands to the mentee's, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    SameRole,
    ReportsTo,
    Other,
}

impl Relation {
    pub fn of(mentee_role: usize, mentor_role: usize, reports_to: &[Option<usize>]) -> Relation {
        if mentee_role == mentor_role {
            Relation::SameRole
        } else if reports_to.get(mentee_role).copied().flatten() == Some(mentor_role) {
            Relation::ReportsTo
        } else {
            Relation::Other
        }
    }
}

/// A gap's mentor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub mentor: usize,
    /// The mentor's assessed level in the competency.
    pub level: u8,
    pub relation: Relation,
}

/// Whether `mentor` at `level` may mentor `need`.
pub fn valid(need: &Need, mentor: usize, level: u8) -> bool {
    mentor != need.person && u16::from(level) > u16::from(need.required)
}

/// The cost of one pair: fewer is better, compared lexicographically —
/// not the same role, not the reports-to role, margin short of the most.
fn cost(relation: Relation, level: u8, required: u8) -> Cost {
    let margin = i64::from(level) - i64::from(required);
    [i64::from(relation != Relation::SameRole), i64::from(relation != Relation::ReportsTo), 5 - margin]
}

/// What a mentor can offer: (competency, level) pairs, sorted.
type Offers = Vec<(usize, u8)>;

/// The best pairing: per need (in the order given), its mentor or `None`
/// for "training only".
pub fn pair(needs: &[Need], skills: &[Skill], rules: &Rules) -> Vec<Option<Match>> {
    let k = i64::from(rules.max_mentees.max(1));
    let mut out = vec![None; needs.len()];

    // Gaps by (role, competency, required), mentees in name order.
    let mut groups: BTreeMap<(usize, usize, u8), Vec<usize>> = BTreeMap::new();
    for (i, n) in needs.iter().enumerate() {
        groups.entry((n.role, n.competency, n.required)).or_default().push(i);
    }
    for list in groups.values_mut() {
        list.sort_by_key(|&i| needs[i].person);
    }
    // The lowest requirement of each competency someone lacks: a level at
    // or below it mentors nobody.
    let mut lowest: BTreeMap<usize, u8> = BTreeMap::new();
    for &(_, c, r) in groups.keys() {
        let e = lowest.entry(c).or_insert(r);
        *e = (*e).min(r);
    }
    // Each possible mentor's offers, then mentors of one role and the same
    // offers as one type (members in name order).
    let mut mentors: BTreeMap<usize, (usize, Vec<(usize, u8)>)> = BTreeMap::new();
    for s in skills {
        if lowest.get(&s.competency).is_some_and(|&r| s.level > r) {
            mentors.entry(s.person).or_insert_with(|| (s.role, Vec::new())).1.push((s.competency, s.level));
        }
    }
    let mut types: BTreeMap<(usize, Offers), Vec<usize>> = BTreeMap::new();
    for (person, (role, mut offers)) in mentors {
        offers.sort_unstable();
        offers.dedup_by_key(|o| o.0);
        types.entry((role, offers)).or_default().push(person);
    }
    let mut offers: BTreeMap<(usize, u8, usize), usize> = BTreeMap::new();
    for (role, list) in types.keys() {
        for &(c, l) in list {
            let next = offers.len();
            offers.entry((c, l, *role)).or_insert(next);
        }
    }

    // Nodes: 0 source, 1 sink, then groups, offers, types.
    let (source, sink) = (0, 1);
    let group_node = |g: usize| 2 + g;
    let offer_base = 2 + groups.len();
    let type_base = offer_base + offers.len();
    let mut net = Network::new(type_base + types.len());
    let mut group_arcs: Vec<Vec<(usize, usize, Cost)>> = Vec::with_capacity(groups.len());
    for (g, (&(role, c, r), list)) in groups.iter().enumerate() {
        net.add(source, group_node(g), list.len() as i64, [0; 3]);
        let mut arcs = Vec::new();
        for (&(_, level, mentor_role), &o) in offers.range((c, r.saturating_add(1), 0)..(c + 1, 0, 0)) {
            let cost = cost(Relation::of(role, mentor_role, rules.reports_to), level, r);
            arcs.push((net.add(group_node(g), offer_base + o, list.len() as i64, cost), o, cost));
        }
        group_arcs.push(arcs);
    }
    let mut offer_arcs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); offers.len()];
    for (t, ((role, list), members)) in types.iter().enumerate() {
        let cap = k * members.len() as i64;
        for &(c, l) in list {
            let o = offers[&(c, l, *role)];
            offer_arcs[o].push((net.add(offer_base + o, type_base + t, cap, [0; 3]), t));
        }
        net.add(type_base + t, sink, cap, [0; 3]);
    }
    net.min_cost_max_flow(source, sink);

    // Gaps to offers: within a group, the first mentees by name take the
    // best offers.
    let mut arriving: Vec<Vec<usize>> = vec![Vec::new(); offers.len()];
    for (list, arcs) in groups.values().zip(&group_arcs) {
        let mut units: Vec<(Cost, usize, i64)> =
            arcs.iter().map(|&(a, o, c)| (c, o, net.flow(a))).filter(|u| u.2 > 0).collect();
        units.sort_by_key(|u| (u.0, u.1));
        let mut mentees = list.iter();
        for (_, o, f) in units {
            arriving[o].extend(mentees.by_ref().take(f as usize));
        }
    }
    // Offers to mentors: a type's members fill in name order, up to k each.
    let type_members: Vec<&Vec<usize>> = types.values().collect();
    let mut filled: Vec<(usize, i64)> = vec![(0, 0); types.len()];
    let offer_keys: Vec<(usize, u8, usize)> = {
        let mut v = vec![(0, 0, 0); offers.len()];
        for (key, &o) in &offers {
            v[o] = *key;
        }
        v
    };
    for (o, arcs) in offer_arcs.iter_mut().enumerate() {
        arcs.sort_by_key(|&(_, t)| type_members[t][0]);
        let mut mentees = arriving[o].clone();
        mentees.sort_by_key(|&i| needs[i].person);
        let mut mentees = mentees.into_iter();
        let (_, level, mentor_role) = offer_keys[o];
        for &(a, t) in arcs.iter() {
            for _ in 0..net.flow(a) {
                let Some(i) = mentees.next() else { break };
                let (member, used) = &mut filled[t];
                if *used == k {
                    *member += 1;
                    *used = 0;
                }
                *used += 1;
                let mentor = type_members[t][*member];
                let need = &needs[i];
                debug_assert!(valid(need, mentor, level));
                out[i] =
                    Some(Match { mentor, level, relation: Relation::of(need.role, mentor_role, rules.reports_to) });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
