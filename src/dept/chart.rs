/*!
Section 2, the organisation chart: the `reports_to` tree. Roles whose
`reports_to` is missing, unknown or part of a cycle are roots, so every role
appears exactly once. Children are in catalogue order (by id), so the tree
— and its drawing — is the same for the same files.
*/

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::Org;

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub headcount: Option<u32>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tree {
    pub roots: Vec<Node>,
}

impl Tree {
    /// Every node, depth first.
    pub fn nodes(&self) -> Vec<&Node> {
        fn walk<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
            out.push(n);
            for c in &n.children {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        for r in &self.roots {
            walk(r, &mut out);
        }
        out
    }
}

pub(super) fn tree(org: &Org) -> Tree {
    // One role per id (the first, if `duplicate-id`).
    let mut roles: BTreeMap<&str, &crate::model::Role> = BTreeMap::new();
    for r in &org.roles {
        roles.entry(r.id()).or_insert(r);
    }
    let parent = |id: &str| -> Option<&str> {
        let p = roles.get(id)?.doc.reports_to.as_ref()?.value.as_str();
        roles.contains_key(p).then_some(p)
    };
    // A role on a cycle (or below one) is a root: walk up until a root or a repeat.
    let mut root_of_cycle = BTreeSet::new();
    for &id in roles.keys() {
        let mut seen = BTreeSet::new();
        let mut cur = id;
        while let Some(p) = parent(cur) {
            if !seen.insert(cur) {
                root_of_cycle.insert(cur);
                break;
            }
            cur = p;
        }
    }
    let mut children: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut roots = Vec::new();
    for &id in roles.keys() {
        match parent(id) {
            Some(p) if !root_of_cycle.contains(id) => children.entry(p).or_default().push(id),
            _ => roots.push(id),
        }
    }
    // Cycles are broken above, so the recursion ends.
    fn node(id: &str, roles: &BTreeMap<&str, &crate::model::Role>, children: &BTreeMap<&str, Vec<&str>>) -> Node {
        let r = roles[id];
        let kids = children.get(id).cloned().unwrap_or_default();
        Node {
            id: id.to_string(),
            title: r.doc.title.value.clone(),
            title_en: r.doc.title_en.as_ref().map(|t| t.value.clone()),
            headcount: r.doc.headcount.as_ref().map(|h| h.value),
            children: kids.into_iter().map(|c| node(c, roles, children)).collect(),
        }
    }
    Tree { roots: roots.into_iter().map(|r| node(r, &roles, &children)).collect() }
}
