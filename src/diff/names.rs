/*!
The titles people know for the ids a diff names: roles (from their files)
and partner departments (from the config), the side after the change first,
the side before it for what the change removed. Titles stay in the language
the files are written in.
*/

use std::collections::BTreeMap;

use crate::config::Config;
use crate::model::Role;

#[derive(Debug, Default, Clone)]
pub struct Names {
    roles: BTreeMap<String, String>,
    partners: BTreeMap<String, String>,
}

impl Names {
    /// Titles of both sides, the new side's winning.
    pub fn new(new: (&[Role], &Config), old: (&[Role], &Config)) -> Self {
        let mut names = Names::default();
        for (roles, config) in [new, old] {
            for r in roles {
                names.roles.entry(r.id().to_string()).or_insert_with(|| r.doc.title.value.clone());
            }
            for p in &config.partners {
                names.partners.entry(p.id.clone()).or_insert_with(|| p.title.clone());
            }
        }
        names
    }

    /// The title of a role.
    pub fn role(&self, id: &str) -> Option<&str> {
        self.roles.get(id).map(String::as_str)
    }

    /// The title of what an R/C/I list names: a role, else a partner department.
    pub fn member(&self, id: &str) -> Option<&str> {
        self.role(id).or_else(|| self.partners.get(id).map(String::as_str))
    }
}
