/*!
The order of the role catalogue (崗位說明書): the reporting tree from the
top, depth first — a head of department, then each role reporting to it
with the roles under that one — siblings in file order.

Readers find a role where the organisation puts it, not where the alphabet
does, so every listing by role (a diff grouped by role, the report's
catalogue) uses this order. Roles whose `reports_to` names no role, and roles
caught in a reporting cycle, start trees of their own, in file order.
*/

use std::collections::BTreeMap;

use crate::model::Role;

/// Indexes into `roles`, in catalogue order; each role exactly once.
pub fn order(roles: &[Role]) -> Vec<usize> {
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, r) in roles.iter().enumerate() {
        by_id.entry(r.id()).or_insert(i);
    }
    let boss = |i: usize| -> Option<usize> {
        let to = roles[i].doc.reports_to.as_ref()?;
        by_id.get(to.value.as_str()).copied().filter(|&b| b != i)
    };
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); roles.len()];
    let mut roots = Vec::new();
    for i in 0..roles.len() {
        match boss(i) {
            Some(b) => children[b].push(i),
            None => roots.push(i),
        }
    }
    let mut seen = vec![false; roles.len()];
    let mut out = Vec::with_capacity(roles.len());
    let visit = |start: usize, out: &mut Vec<usize>, seen: &mut Vec<bool>| {
        let mut stack = vec![start];
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            out.push(i);
            stack.extend(children[i].iter().rev().filter(|&&c| !seen[c]));
        }
    };
    for r in roots {
        visit(r, &mut out, &mut seen);
    }
    // What is left hangs off a cycle: start with the first such role in file order.
    for i in 0..roles.len() {
        if !seen[i] {
            visit(i, &mut out, &mut seen);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::load_paths;
    use crate::source::Sources;

    fn ids(files: &[(&str, Option<&str>)]) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        for (id, boss) in files {
            let to = boss.map_or(String::new(), |b| format!("reports_to: {b}\n"));
            std::fs::write(dir.path().join(format!("{id}.yaml")), format!("id: {id}\ntitle: {id}\n{to}")).unwrap();
        }
        let org = load_paths(&[dir.path().to_path_buf()], &mut Sources::default()).unwrap();
        order(&org.roles).into_iter().map(|i| org.roles[i].id().to_string()).collect()
    }

    #[test]
    fn the_head_first_then_each_branch_depth_first() {
        let got = ids(&[
            ("analyst", Some("manager")),
            ("director", None),
            ("manager", Some("director")),
            ("auditor", Some("director")),
            ("stray", Some("nobody")),
        ]);
        // Files are read in sorted order: analyst, auditor, director, manager, stray.
        assert_eq!(got, ["director", "auditor", "manager", "analyst", "stray"]);
    }

    #[test]
    fn a_reporting_cycle_still_lists_every_role_once() {
        let got = ids(&[("a", Some("b")), ("b", Some("a")), ("c", Some("c")), ("d", Some("b"))]);
        assert_eq!(got, ["c", "a", "b", "d"]);
    }
}
