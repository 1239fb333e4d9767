//! The pairing against the two things it must beat or equal: greedy
//! first-come, which it must beat where greedy loses a gap, and an
//! exhaustive search, whose optimum it must equal on every small instance.

use std::collections::HashMap;

use proptest::prelude::*;

use super::*;

/// A department drawn at random: roles (reporting upwards only, so no
/// cycles) with required levels, people with assessed levels.
#[derive(Debug, Clone)]
struct World {
    reports_to: Vec<Option<usize>>,
    required: Vec<Vec<(usize, u8)>>,
    people: Vec<(usize, Vec<(usize, u8)>)>,
    max_mentees: u32,
}

impl World {
    fn random(seed: u64, people: usize, roles: usize, competencies: usize, max_mentees: u32) -> World {
        let mut rng = opsroles_synth::Rng::new(seed);
        let reports_to = (0..roles).map(|r| if r == 0 { None } else { Some(rng.below(r)) }).collect();
        let required = (0..roles)
            .map(|_| {
                let mut list = Vec::new();
                for c in 0..competencies {
                    if rng.below(3) > 0 {
                        list.push((c, 2 + rng.below(4) as u8));
                    }
                }
                list
            })
            .collect();
        let people = (0..people)
            .map(|_| {
                let role = rng.below(roles);
                let mut levels = Vec::new();
                for c in 0..competencies {
                    if rng.below(4) > 0 {
                        levels.push((c, 1 + rng.below(5) as u8));
                    }
                }
                (role, levels)
            })
            .collect();
        World { reports_to, required, people, max_mentees }
    }

    /// Gaps and skills as `gaps` derives them from assessments.
    fn instance(&self) -> (Vec<Need>, Vec<Skill>) {
        let mut needs = Vec::new();
        let mut skills = Vec::new();
        for (person, (role, levels)) in self.people.iter().enumerate() {
            for &(competency, level) in levels {
                skills.push(Skill { person, role: *role, competency, level });
                if let Some(&(_, required)) = self.required[*role].iter().find(|(c, _)| *c == competency) {
                    if level < required {
                        needs.push(Need { person, role: *role, competency, required });
                    }
                }
            }
        }
        (needs, skills)
    }

    fn rules(&self) -> Rules<'_> {
        Rules { reports_to: &self.reports_to, max_mentees: self.max_mentees }
    }
}

/// What the pairing maximises, in order: pairs, same-role pairs,
/// reports-to pairs, total margin.
type Objective = (usize, usize, usize, i64);

fn objective(needs: &[Need], result: &[Option<Match>]) -> Objective {
    let mut o = (0, 0, 0, 0);
    for (n, m) in needs.iter().zip(result) {
        if let Some(m) = m {
            o.0 += 1;
            o.1 += usize::from(m.relation == Relation::SameRole);
            o.2 += usize::from(m.relation == Relation::ReportsTo);
            o.3 += i64::from(m.level) - i64::from(n.required);
        }
    }
    o
}

/// The mentors each need could have: (person, level, relation).
fn candidates(needs: &[Need], skills: &[Skill], rules: &Rules) -> Vec<Vec<(usize, u8, Relation)>> {
    needs
        .iter()
        .map(|n| {
            skills
                .iter()
                .filter(|s| s.competency == n.competency && valid(n, s.person, s.level))
                .map(|s| (s.person, s.level, Relation::of(n.role, s.role, rules.reports_to)))
                .collect()
        })
        .collect()
}

/// Every pair valid, every need at most once, no mentor over capacity.
fn assert_valid(needs: &[Need], skills: &[Skill], rules: &Rules, result: &[Option<Match>]) {
    let levels: HashMap<(usize, usize), (u8, usize)> =
        skills.iter().map(|s| ((s.person, s.competency), (s.level, s.role))).collect();
    let mut load: HashMap<usize, u32> = HashMap::new();
    assert_eq!(result.len(), needs.len());
    for (n, m) in needs.iter().zip(result) {
        let Some(m) = m else { continue };
        assert_ne!(m.mentor, n.person, "self-mentoring: {n:?}");
        let (level, role) = levels[&(m.mentor, n.competency)];
        assert_eq!(level, m.level, "reported level is the mentor's assessed level");
        assert!(level > n.required, "{m:?} cannot mentor {n:?}");
        assert_eq!(m.relation, Relation::of(n.role, role, rules.reports_to));
        *load.entry(m.mentor).or_default() += 1;
    }
    for (mentor, l) in load {
        assert!(l <= rules.max_mentees, "mentor {mentor} has {l} pairs");
    }
}

/// The best objective of any valid pairing, by exhaustive search.
fn brute_force(needs: &[Need], skills: &[Skill], rules: &Rules) -> Objective {
    fn go(
        i: usize,
        needs: &[Need],
        cands: &[Vec<(usize, u8, Relation)>],
        load: &mut HashMap<usize, u32>,
        k: u32,
        acc: Objective,
        best: &mut Objective,
    ) {
        if acc.0 + (needs.len() - i) < best.0 {
            return;
        }
        if i == needs.len() {
            *best = (*best).max(acc);
            return;
        }
        go(i + 1, needs, cands, load, k, acc, best);
        for &(m, level, rel) in &cands[i] {
            let l = load.entry(m).or_default();
            if *l == k {
                continue;
            }
            *l += 1;
            let next = (
                acc.0 + 1,
                acc.1 + usize::from(rel == Relation::SameRole),
                acc.2 + usize::from(rel == Relation::ReportsTo),
                acc.3 + i64::from(level) - i64::from(needs[i].required),
            );
            go(i + 1, needs, cands, load, k, next, best);
            *load.get_mut(&m).unwrap() -= 1;
        }
    }
    let cands = candidates(needs, skills, rules);
    let mut best = (0, 0, 0, 0);
    go(0, needs, &cands, &mut HashMap::new(), rules.max_mentees, (0, 0, 0, 0), &mut best);
    best
}

/// Greedy first-come: each gap in turn takes the best mentor still free.
fn greedy(needs: &[Need], skills: &[Skill], rules: &Rules) -> Vec<Option<Match>> {
    let cands = candidates(needs, skills, rules);
    let mut load: HashMap<usize, u32> = HashMap::new();
    needs
        .iter()
        .zip(cands)
        .map(|(n, mut c)| {
            c.sort_by_key(|&(m, level, rel)| (rel, std::cmp::Reverse(level), m));
            let &(mentor, level, relation) =
                c.iter().find(|(m, _, _)| load.get(m).copied().unwrap_or(0) < rules.max_mentees)?;
            *load.entry(mentor).or_default() += 1;
            let _ = n;
            Some(Match { mentor, level, relation })
        })
        .collect()
}

/// People 0 and 2 are process managers (role 0, reporting to the director,
/// role 1); person 1 is the director. Person 0 could mentor modelling (X)
/// and communication (Y), person 1 only X; one mentee each. Greedy gives
/// X to person 0 — same role, the SPEC's first preference — and then nobody
/// is left for Y. The maximum covers both: X from the director.
#[test]
fn greedy_leaves_a_gap_that_the_maximum_covers() {
    let (x, y) = (0, 1);
    let world = World {
        reports_to: vec![Some(1), None],
        required: vec![vec![(x, 4), (y, 4)], vec![(x, 4)]],
        people: vec![
            (0, vec![(x, 5), (y, 5)]),
            (1, vec![(x, 5)]),
            (0, vec![(x, 2), (y, 4)]),
            (0, vec![(x, 4), (y, 2)]),
        ],
        max_mentees: 1,
    };
    let (needs, skills) = world.instance();
    assert_eq!(needs.len(), 2);
    let rules = world.rules();
    let g = greedy(&needs, &skills, &rules);
    assert_eq!(objective(&needs, &g).0, 1, "greedy covers one gap");
    let ours = pair(&needs, &skills, &rules);
    assert_valid(&needs, &skills, &rules, &ours);
    assert_eq!(ours[0], Some(Match { mentor: 1, level: 5, relation: Relation::ReportsTo }));
    assert_eq!(ours[1], Some(Match { mentor: 0, level: 5, relation: Relation::SameRole }));
}

#[test]
fn preferences_same_role_then_reports_to_then_margin_then_name() {
    // Role 0 reports to role 1; role 2 is elsewhere. One gap in X
    // (required 3) of person 9, role 0.
    let reports_to = vec![Some(1), None, None];
    let rules = Rules { reports_to: &reports_to, max_mentees: 2 };
    let need = [Need { person: 9, role: 0, competency: 0, required: 3 }];
    let skill = |person, role, level| Skill { person, role, competency: 0, level };
    let best = |skills: &[Skill]| pair(&need, skills, &rules)[0].map(|m| m.mentor);
    // Same role at margin 1 beats the director at margin 2 and another role at 2.
    assert_eq!(best(&[skill(1, 2, 5), skill(2, 1, 5), skill(3, 0, 4)]), Some(3));
    // Without a same-role mentor, the role reported to beats a larger margin elsewhere.
    assert_eq!(best(&[skill(1, 2, 5), skill(2, 1, 4)]), Some(2));
    // Same relation: the larger margin.
    assert_eq!(best(&[skill(1, 0, 4), skill(2, 0, 5)]), Some(2));
    // Everything equal: the first name.
    assert_eq!(best(&[skill(4, 0, 5), skill(2, 0, 5), skill(7, 0, 5)]), Some(2));
    // Nobody above the requirement: training only.
    assert_eq!(best(&[skill(1, 0, 3)]), None);
}

#[test]
fn a_mentor_counts_every_pair_against_the_limit() {
    // One mentor, level 5 in two competencies; one mentee lacking both.
    // With max_mentees 1 only one of the two gaps gets the mentor.
    let reports_to = vec![None];
    let needs = [
        Need { person: 1, role: 0, competency: 0, required: 4 },
        Need { person: 1, role: 0, competency: 1, required: 4 },
    ];
    let skills =
        [Skill { person: 0, role: 0, competency: 0, level: 5 }, Skill { person: 0, role: 0, competency: 1, level: 5 }];
    let one = pair(&needs, &skills, &Rules { reports_to: &reports_to, max_mentees: 1 });
    assert_eq!(one.iter().flatten().count(), 1);
    let two = pair(&needs, &skills, &Rules { reports_to: &reports_to, max_mentees: 2 });
    assert_eq!(two.iter().flatten().count(), 2);
}

#[test]
fn interchangeable_mentees_and_mentors_pair_by_name() {
    // Three mentees of one group, two identical mentors with one slot each:
    // the first two mentees by name get the first two mentors by name.
    let reports_to = vec![None];
    let needs: Vec<Need> = [8, 6, 7].iter().map(|&p| Need { person: p, role: 0, competency: 0, required: 3 }).collect();
    let skills: Vec<Skill> = [3, 1].iter().map(|&p| Skill { person: p, role: 0, competency: 0, level: 5 }).collect();
    let got = pair(&needs, &skills, &Rules { reports_to: &reports_to, max_mentees: 1 });
    let mentors: Vec<Option<usize>> = got.iter().map(|m| m.map(|m| m.mentor)).collect();
    assert_eq!(mentors, vec![None, Some(1), Some(3)]);
}

#[test]
fn nothing_to_pair() {
    let got = pair(
        &[],
        &[Skill { person: 0, role: 0, competency: 0, level: 5 }],
        &Rules { reports_to: &[None], max_mentees: 2 },
    );
    assert!(got.is_empty());
}

/// The same maximum as ac-library-rs's own min-cost-flow solver run on the
/// uncompressed network (one node per gap and per person), with the
/// lexicographic objective folded into one integer.
fn reference(needs: &[Need], skills: &[Skill], rules: &Rules) -> (i64, i64) {
    let cands = candidates(needs, skills, rules);
    let people = skills.iter().map(|s| s.person + 1).max().unwrap_or(0);
    let g = needs.len() as i64;
    let w1 = 5 * g + 1;
    let w2 = w1 * (g + 1);
    let (s, t) = (0, 1);
    let mut mcf = ac_library::MinCostFlowGraph::<i64>::new(2 + needs.len() + people);
    for (i, list) in cands.iter().enumerate() {
        mcf.add_edge(s, 2 + i, 1, 0);
        for &(m, level, rel) in list {
            let c = cost(rel, level, needs[i].required);
            mcf.add_edge(2 + i, 2 + needs.len() + m, 1, c[0] * w2 + c[1] * w1 + c[2]);
        }
    }
    for m in 0..people {
        mcf.add_edge(2 + needs.len() + m, t, i64::from(rules.max_mentees), 0);
    }
    let (flow, total) = mcf.flow(s, t, i64::MAX);
    (flow, total)
}

fn folded(needs: &[Need], result: &[Option<Match>]) -> (i64, i64) {
    let g = needs.len() as i64;
    let w1 = 5 * g + 1;
    let w2 = w1 * (g + 1);
    let mut out = (0, 0);
    for (n, m) in needs.iter().zip(result) {
        if let Some(m) = m {
            let c = cost(m.relation, m.level, n.required);
            out.0 += 1;
            out.1 += c[0] * w2 + c[1] * w1 + c[2];
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_pair_is_valid_and_the_result_is_the_exhaustive_optimum(
        seed in any::<u64>(),
        people in 2usize..7,
        roles in 1usize..4,
        competencies in 1usize..4,
        max_mentees in 1u32..3,
    ) {
        let world = World::random(seed, people, roles, competencies, max_mentees);
        let (needs, skills) = world.instance();
        prop_assume!(needs.len() <= 7);
        let rules = world.rules();
        let ours = pair(&needs, &skills, &rules);
        assert_valid(&needs, &skills, &rules, &ours);
        prop_assert_eq!(objective(&needs, &ours), brute_force(&needs, &skills, &rules), "{:?}", world);
    }

    #[test]
    fn medium_instances_match_an_uncompressed_min_cost_flow(
        seed in any::<u64>(),
        people in 10usize..60,
        roles in 1usize..5,
        competencies in 1usize..6,
        max_mentees in 1u32..4,
    ) {
        let world = World::random(seed, people, roles, competencies, max_mentees);
        let (needs, skills) = world.instance();
        let rules = world.rules();
        let ours = pair(&needs, &skills, &rules);
        assert_valid(&needs, &skills, &rules, &ours);
        prop_assert_eq!(folded(&needs, &ours), reference(&needs, &skills, &rules));
    }
}
