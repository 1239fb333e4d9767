/*!
The duty comparison that `overlapping-duty` and `similar-duty` share, run
once per check: every duty of every role through the overlap detector
(`check::overlap`), with duties whose text is identical grouped first.

Identical texts are one finding, not n² of them: 2,000 duties all titled
待定 used to make 1.9 million warnings and 3.5 GB. A text shared by three
or more duties of at least two roles is reported once, naming how many
share it; two of them (from different roles) stand for the group in the
detection, so the group's kind (the same work, or only the same words) is
the detector's verdict on them, and the group's similarities to other duties
are found once.
*/

use std::collections::BTreeMap;

use super::overlap::{self, Duty as Text, Kind, Thresholds};
use crate::model::{Duty, Role, Sp};

/// A duty and the index of the role that declares it.
pub type Held<'a> = (usize, &'a Sp<Duty>);

/// A pair the detector reported.
#[derive(Debug)]
pub struct Pair<'a> {
    pub a: Held<'a>,
    pub b: Held<'a>,
    pub finding: overlap::Finding,
    /// Other duties with the same text as `a` or `b` (their groups).
    pub same_text: usize,
}

/// Three or more duties of two or more roles with one text.
#[derive(Debug)]
pub struct Group<'a> {
    pub duties: Vec<Held<'a>>,
    pub kind: Kind,
}

#[derive(Debug, Default)]
pub struct Comparison<'a> {
    pub pairs: Vec<Pair<'a>>,
    pub groups: Vec<Group<'a>>,
}

/// Compares every duty of `roles`.
pub fn compare<'a>(roles: &'a [Role], t: Thresholds) -> Comparison<'a> {
    let all: Vec<Held<'a>> =
        roles.iter().enumerate().flat_map(|(i, r)| r.duties().iter().map(move |d| (i, d))).collect();
    // Duties by their folded text, in load order.
    let mut by_text: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (n, (_, d)) in all.iter().enumerate() {
        let text = crate::text::fold(&format!(
            "{}{}",
            d.value.title.value,
            d.value.description.as_ref().map_or("", |s| s.value.as_str())
        ));
        by_text.entry(text).or_default().push(n);
    }
    // Which duties take part in the detection; a big group sends two.
    let mut members: Vec<usize> = Vec::new();
    let mut groups: Vec<(Vec<usize>, usize, usize)> = Vec::new();
    let mut group_of: BTreeMap<usize, usize> = BTreeMap::new();
    for list in by_text.values() {
        let roles_of = |n: &usize| roles[all[*n].0].id();
        let mut distinct: Vec<&str> = list.iter().map(roles_of).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if list.len() >= 3 && distinct.len() >= 2 {
            let first = list[0];
            let twin = list.iter().copied().find(|n| roles_of(n) != roles_of(&first)).unwrap_or(list[1]);
            let g = groups.len();
            group_of.insert(first, g);
            group_of.insert(twin, g);
            members.extend([first, twin]);
            groups.push((list.clone(), first, twin));
        } else {
            members.extend(list.iter().copied());
        }
    }
    members.sort_unstable();
    let texts: Vec<Text> = members
        .iter()
        .map(|&n| {
            let (r, d) = all[n];
            Text {
                role: roles[r].id(),
                id: &d.value.id.value,
                title: &d.value.title.value,
                description: d.value.description.as_ref().map_or("", |s| s.value.as_str()),
            }
        })
        .collect();
    let found = overlap::detect(&texts, t);
    let mut out = Comparison::default();
    let mut group_kind: Vec<Option<Kind>> = vec![None; groups.len()];
    for f in found {
        let (na, nb) = (members[f.a], members[f.b]);
        match (group_of.get(&na), group_of.get(&nb)) {
            // The two that stand for a group: the group's verdict.
            (Some(ga), Some(gb)) if ga == gb => {
                group_kind[*ga] = Some(group_kind[*ga].map_or(f.kind, |k| k.min(f.kind)));
            }
            (ga, gb) => {
                // A group's twin repeats its first member's pairs.
                let twin = |n: usize, g: Option<&usize>| g.is_some_and(|g| groups[*g].2 == n);
                if twin(na, ga) || twin(nb, gb) {
                    continue;
                }
                let same_text = ga.map_or(0, |g| groups[*g].0.len() - 1) + gb.map_or(0, |g| groups[*g].0.len() - 1);
                out.pairs.push(Pair { a: all[na], b: all[nb], finding: f, same_text });
            }
        }
    }
    for ((list, _, _), kind) in groups.into_iter().zip(group_kind) {
        // Identical text is at least borderline (the lexical floor is 1).
        out.groups
            .push(Group { duties: list.into_iter().map(|n| all[n]).collect(), kind: kind.unwrap_or(Kind::Similar) });
    }
    out
}

/// The text a duty is compared by, as the message quotes it.
fn quoted(d: &Duty) -> String {
    match &d.description {
        Some(desc) => format!("{}: {}", d.title.value, desc.value),
        None => d.title.value.clone(),
    }
}

/// A pair's finding under `code` (`overlapping-duty` or `similar-duty`).
pub fn pair_diagnostic(ctx: &super::Ctx, p: &Pair, code: crate::diag::Code) -> crate::diag::Diagnostic {
    let ((ra, a), (rb, b)) = (p.a, p.b);
    let (role_a, role_b) = (&ctx.roles[ra], &ctx.roles[rb]);
    let f = &p.finding;
    let verdict = match f.kind {
        Kind::Overlap => "describe the same work",
        Kind::Similar => "may describe the same work",
    };
    let mut why = vec![format!("{:.0}%", (f.score * 100.0).floor())];
    if !f.shared.is_empty() {
        why.push(format!("shared: {}", f.shared.iter().take(6).cloned().collect::<Vec<_>>().join("、")));
    }
    if !f.synonyms.is_empty() {
        let syn: Vec<String> = f.synonyms.iter().take(6).map(|(x, y)| format!("{x}↔{y}")).collect();
        why.push(format!("synonyms: {}", syn.join("、")));
    }
    let mut d = crate::diag::Diagnostic::new(
        code,
        format!(
            "duties `{}` ({}) and `{}` ({}) {verdict} ({})",
            a.value.id.value,
            role_a.id(),
            b.value.id.value,
            role_b.id(),
            why.join("; ")
        ),
    )
    .at(role_a.loc(&a.value.id), format!("`{}` in `{}`", a.value.id.value, role_a.id()))
    .at(role_b.loc(&b.value.id), format!("`{}` in `{}`", b.value.id.value, role_b.id()))
    .role(role_a.id())
    .role(role_b.id())
    .item(a.value.id.value.as_str())
    .item(b.value.id.value.as_str())
    .note(format!("「{}」 vs 「{}」", quoted(&a.value), quoted(&b.value)));
    if p.same_text > 0 {
        d = d.note(format!(
            "{} more duties have the same text as one of these (see the finding that groups them)",
            p.same_text
        ));
    }
    d = d.note(
        "give the work to one role and make the other consulted, or reword the duties so each says what is its own",
    );
    d.note(format!(
        "score {:.4}: the same work at ≥ {}, borderline at ≥ {}; wording alike {:.4} (character bigrams)",
        f.score, ctx.config.overlap, ctx.config.similarity, f.lexical
    ))
}

/// How many duties of a group are named with their place (the rest counted).
const GROUP_SHOWN: usize = 10;

/// A group's finding under `code`.
pub fn group_diagnostic(ctx: &super::Ctx, g: &Group, code: crate::diag::Code) -> crate::diag::Diagnostic {
    let mut roles: Vec<&str> = g.duties.iter().map(|(r, _)| ctx.roles[*r].id()).collect();
    roles.sort_unstable();
    roles.dedup();
    let (_, first) = g.duties[0];
    let verdict = match g.kind {
        Kind::Overlap => "describe the same work in the same words",
        Kind::Similar => "have the same text",
    };
    let mut d = crate::diag::Diagnostic::new(
        code,
        format!("{} duties of {} roles {verdict}: 「{}」", g.duties.len(), roles.len(), quoted(&first.value)),
    );
    for (r, duty) in g.duties.iter().take(GROUP_SHOWN) {
        let role = &ctx.roles[*r];
        d = d.at(role.loc(&duty.value.id), format!("`{}` in `{}`", duty.value.id.value, role.id()));
    }
    if g.duties.len() > GROUP_SHOWN {
        d = d.note(format!("and {} more", g.duties.len() - GROUP_SHOWN));
    }
    for r in &roles {
        d = d.role(*r);
    }
    let mut items: Vec<&str> = g.duties.iter().map(|(_, x)| x.value.id.value.as_str()).collect();
    items.sort_unstable();
    items.dedup();
    for i in items {
        d = d.item(i);
    }
    d.note(
        "a text shared by many duties is often a placeholder: write what each role does, or keep the duty in one role",
    )
}
