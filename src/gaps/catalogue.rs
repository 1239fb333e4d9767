/*!
The competencies of the organisation, as `gaps` needs them: each one once
(the same id in several roles is one competency, SPEC 1.1), the level each
role requires, and how a name in an assessment finds one.

A name is looked up in tiers over the competencies of the row's role first
(SPEC 6.3: "a competency of that role"), then — for mentors, who may be
assessed in what other roles require — over every other role's:

1. the exact id, of any role (ids are one meaning org-wide);
2. the id or title of a competency of the row's role, folded;
3. the id or title of another role's competency, folded.

`數據分析` finds the director's `data-analysis` and `數據分析能力` the
coordinator's: one competency, so not ambiguous. Two *different*
competencies whose titles fold alike in the deciding tier are ambiguous and
reported, never picked.
*/

use std::collections::BTreeMap;

use crate::model::names::{Found, Resolver};
use crate::model::Role;

/// One competency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competency {
    pub id: String,
    /// Its title in the first role (in role order) that requires it.
    pub title: String,
}

/// Every competency some role requires, and per role what it requires.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// Sorted by id; a competency's index is its place here.
    pub competencies: Vec<Competency>,
    /// Per role (index into the org's roles): (competency, required level),
    /// in the role file's order.
    pub required: Vec<Vec<(usize, u8)>>,
    /// Per role: the role it reports to, when that role exists.
    pub reports_to: Vec<Option<usize>>,
    resolvers: Vec<Resolver<usize>>,
}

impl Catalogue {
    pub fn new(roles: &[Role]) -> Catalogue {
        let mut by_id: BTreeMap<&str, &str> = BTreeMap::new();
        for role in roles {
            for c in role.competencies() {
                by_id.entry(c.value.id.value.as_str()).or_insert(c.value.title.value.as_str());
            }
        }
        let competencies: Vec<Competency> =
            by_id.iter().map(|(id, title)| Competency { id: id.to_string(), title: title.to_string() }).collect();
        let index = |id: &str| competencies.binary_search_by(|c| c.id.as_str().cmp(id)).ok();
        let required: Vec<Vec<(usize, u8)>> = roles
            .iter()
            .map(|role| {
                let mut list: Vec<(usize, u8)> = Vec::new();
                for c in role.competencies() {
                    // A competency listed twice in one role is `duplicate-id`,
                    // which stops the run first; keep the first regardless.
                    if let Some(i) = index(&c.value.id.value).filter(|i| !list.iter().any(|(j, _)| j == i)) {
                        list.push((i, c.value.level.value));
                    }
                }
                list
            })
            .collect();
        let reports_to = roles
            .iter()
            .map(|r| r.doc.reports_to.as_ref().and_then(|up| roles.iter().position(|x| x.id() == up.value)))
            .collect();
        let resolvers = (0..roles.len()).map(|own| resolver(roles, own, &competencies)).collect();
        Catalogue { competencies, required, reports_to, resolvers }
    }

    /// The competency a name in a row of role `role` means.
    pub fn resolve(&self, role: usize, name: &str) -> Found<usize> {
        self.resolvers[role].resolve(name)
    }

    /// The known name nearest to `name`, for "did you mean".
    pub fn suggest(&self, role: usize, name: &str) -> Option<&str> {
        self.resolvers[role].suggest(name)
    }

    /// The level `role` requires in `competency`, if it requires it.
    pub fn required_level(&self, role: usize, competency: usize) -> Option<u8> {
        self.required[role].iter().find(|(c, _)| *c == competency).map(|(_, l)| *l)
    }

    /// The title of a competency as `role` calls it, else its first title.
    pub fn title_in(&self, roles: &[Role], role: Option<usize>, competency: usize) -> String {
        let c = &self.competencies[competency];
        role.and_then(|r| roles.get(r))
            .and_then(|r| r.competencies().iter().find(|x| x.value.id.value == c.id))
            .map_or_else(|| c.title.clone(), |x| x.value.title.value.clone())
    }
}

/// The tiers for rows of role `own`.
fn resolver(roles: &[Role], own: usize, competencies: &[Competency]) -> Resolver<usize> {
    let index = |id: &str| competencies.binary_search_by(|c| c.id.as_str().cmp(id)).ok();
    let mut r = Resolver::new(&[false, true, true]);
    // Own role first, so that suggestions prefer its names.
    let order = std::iter::once(own).chain((0..roles.len()).filter(|&i| i != own));
    for i in order {
        for c in roles[i].competencies() {
            let (id, title) = (c.value.id.value.as_str(), c.value.title.value.as_str());
            let Some(k) = index(id) else { continue };
            let label = format!("{title} ({id})");
            let tier = if i == own { 1 } else { 2 };
            r.add(0, id, id, &label, k);
            r.add(tier, id, id, &label, k);
            r.add(tier, title, id, &label, k);
        }
    }
    r
}
