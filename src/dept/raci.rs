/*!
Sections 3 and 4: function coverage (how many duties each role is
Responsible for in each department function — an uncovered function stands
out) and the RACI matrix (duties grouped by function × roles, then partner
departments; the owner is Accountable).
*/

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::Config;
use crate::model::Org;

#[derive(Debug, Serialize)]
pub struct FunctionRow {
    pub id: String,
    pub title: String,
    /// Duties of this function per role id (roles with none left out).
    pub by_role: BTreeMap<String, usize>,
    pub duties: usize,
    pub covered: bool,
}

#[derive(Debug, Serialize)]
pub struct Coverage {
    /// Role ids, in catalogue order (the columns).
    pub roles: Vec<String>,
    pub functions: Vec<FunctionRow>,
}

/// One duty's row: who holds which letter.
#[derive(Debug, Serialize)]
pub struct RaciRow {
    pub duty: String,
    pub title: String,
    pub owner: String,
    /// Role or partner id → letters (`A`, `R`, `C`, `I`), in that order.
    pub cells: BTreeMap<String, String>,
}

#[derive(Debug, Serialize)]
pub struct RaciGroup {
    pub function: String,
    pub title: String,
    /// The roles and partners that hold a letter in this group, in catalogue order.
    pub columns: Vec<String>,
    pub rows: Vec<RaciRow>,
}

#[derive(Debug, Serialize)]
pub struct Raci {
    /// Column labels: role and partner ids → their titles.
    pub titles: BTreeMap<String, String>,
    pub groups: Vec<RaciGroup>,
}

pub(super) fn coverage(org: &Org, config: &Config) -> Coverage {
    let roles: Vec<String> = org.roles.iter().map(|r| r.id().to_string()).collect();
    let functions = config
        .functions
        .iter()
        .map(|f| {
            let mut by_role: BTreeMap<String, usize> = BTreeMap::new();
            let mut duties = 0;
            for role in &org.roles {
                for d in role.duties().iter().filter(|d| d.value.function.value == f.id) {
                    duties += 1;
                    for r in d.value.responsible_ids(role.id()) {
                        *by_role.entry(r.to_string()).or_default() += 1;
                    }
                }
            }
            FunctionRow { id: f.id.clone(), title: f.title.clone(), by_role, duties, covered: duties > 0 }
        })
        .collect();
    Coverage { roles, functions }
}

pub(super) fn raci(org: &Org, config: &Config) -> Raci {
    let mut titles: BTreeMap<String, String> = BTreeMap::new();
    for r in &org.roles {
        titles.entry(r.id().to_string()).or_insert_with(|| r.doc.title.value.clone());
    }
    for p in &config.partners {
        titles.entry(p.id.clone()).or_insert_with(|| p.title.clone());
    }
    // Column order: roles in catalogue order, then partners in config order.
    let order: Vec<String> =
        org.roles.iter().map(|r| r.id().to_string()).chain(config.partners.iter().map(|p| p.id.clone())).collect();
    let mut function_ids: Vec<(String, String)> =
        config.functions.iter().map(|f| (f.id.clone(), f.title.clone())).collect();
    // Duties of a function the config does not define still appear, last.
    for role in &org.roles {
        for d in role.duties() {
            if !function_ids.iter().any(|(id, _)| *id == d.value.function.value) {
                function_ids.push((d.value.function.value.clone(), d.value.function.value.clone()));
            }
        }
    }
    let groups = function_ids
        .into_iter()
        .map(|(fid, ftitle)| {
            let mut rows = Vec::new();
            for role in &org.roles {
                for d in role.duties().iter().filter(|d| d.value.function.value == fid) {
                    let d = &d.value;
                    let mut cells: BTreeMap<String, String> = BTreeMap::new();
                    let mut add = |who: &str, letter: char| {
                        let cell = cells.entry(who.to_string()).or_default();
                        if !cell.contains(letter) {
                            cell.push(letter);
                        }
                    };
                    add(role.id(), 'A');
                    for r in d.responsible_ids(role.id()) {
                        add(r, 'R');
                    }
                    for c in &d.consulted {
                        add(&c.value, 'C');
                    }
                    for i in &d.informed {
                        add(&i.value, 'I');
                    }
                    rows.push(RaciRow {
                        duty: d.id.value.clone(),
                        title: d.title.value.clone(),
                        owner: role.id().to_string(),
                        cells,
                    });
                }
            }
            let present: std::collections::BTreeSet<&str> =
                rows.iter().flat_map(|r| r.cells.keys().map(String::as_str)).collect();
            let columns = order.iter().filter(|c| present.contains(c.as_str())).cloned().collect();
            RaciGroup { function: fid, title: ftitle, columns, rows }
        })
        .filter(|g| !g.rows.is_empty())
        .collect();
    Raci { titles, groups }
}
