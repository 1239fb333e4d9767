/*!
The organisation: every role as loaded, what could not be read, and the
lookup tables that rules and commands share — roles by id, duties and
authorities by id, the functions and partner departments of the config.
*/

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::model::{Authority, Duty, Role, Sp};

/// The roles of one side of a run, as loaded.
#[derive(Debug, Default)]
pub struct Org {
    pub roles: Vec<Role>,
    /// `parse-error` and `schema` findings of loading.
    pub diagnostics: Vec<Diagnostic>,
    /// Stems of role files that could not be read: their ids still count as
    /// known roles, so a broken file does not also make every reference to it
    /// an `unknown-reference`.
    pub unreadable: BTreeSet<String>,
    /// How many role files were found (read or not).
    pub files: usize,
}

impl Org {
    /// The role with this id (the first, if `duplicate-id`).
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id() == id)
    }

    pub fn duty_count(&self) -> usize {
        self.roles.iter().map(|r| r.duties().len()).sum()
    }

    pub fn index<'a>(&'a self, config: &'a Config) -> OrgIndex<'a> {
        OrgIndex::build(&self.roles, config, &self.unreadable)
    }
}

/// A duty or authority and the index of the role that declares it.
pub type Held<'a, T> = (usize, &'a Sp<T>);

/// Lookups over an [`Org`].
pub struct OrgIndex<'a> {
    /// Role id → indexes of roles declaring it (more than one is `duplicate-id`).
    pub roles: BTreeMap<&'a str, Vec<usize>>,
    /// Ids of role files that could not be read (from their file names).
    pub unreadable: &'a BTreeSet<String>,
    pub duties: BTreeMap<&'a str, Vec<Held<'a, Duty>>>,
    pub authorities: BTreeMap<&'a str, Vec<Held<'a, Authority>>>,
    pub partners: BTreeSet<&'a str>,
    pub functions: BTreeSet<&'a str>,
}

impl<'a> OrgIndex<'a> {
    pub fn build(roles: &'a [Role], config: &'a Config, unreadable: &'a BTreeSet<String>) -> Self {
        let mut index = OrgIndex {
            roles: BTreeMap::new(),
            unreadable,
            duties: BTreeMap::new(),
            authorities: BTreeMap::new(),
            partners: config.partners.iter().map(|p| p.id.as_str()).collect(),
            functions: config.functions.iter().map(|f| f.id.as_str()).collect(),
        };
        for (i, role) in roles.iter().enumerate() {
            index.roles.entry(role.id()).or_default().push(i);
            for d in role.duties() {
                index.duties.entry(d.value.id.value.as_str()).or_default().push((i, d));
            }
            for a in role.authority() {
                index.authorities.entry(a.value.id.value.as_str()).or_default().push((i, a));
            }
        }
        index
    }

    /// Whether `id` names a role (read, or in a file that could not be read).
    pub fn is_role(&self, id: &str) -> bool {
        self.roles.contains_key(id) || self.unreadable.contains(id)
    }

    /// Whether `id` names a duty or an authority.
    pub fn is_item(&self, id: &str) -> bool {
        self.duties.contains_key(id) || self.authorities.contains_key(id)
    }

    /// Every role id, for suggestions.
    pub fn role_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.roles.keys().copied().chain(self.unreadable.iter().map(String::as_str))
    }
}
