/*!
Assessment records (SPEC 6.3): who holds which role, and which level each
person was assessed at in each competency.

Tables come from [`crate::tabular::records`] — the same encodings,
delimiters and Chinese headers as `score` — and every row is accounted for
([`Rows`]: read = used + skipped). A row is *used* when its assessment is
the one in force; it is *skipped* for its first problem, each named with
`file:line` and the field:

- `missing-value` — an empty person, role or competency;
- `unknown-role`, `ambiguous-name` — the role, by the shared resolver
  ([`crate::model::names::roles`]); a competency name that folds to two
  competencies is `ambiguous-name` too;
- `unknown-competency` — no role requires it (with a did-you-mean);
- `bad-level` — not a whole number from 1 to 5, or empty;
- `bad-value` — an `assessed` date that is not a date;
- `role-conflict` — a person already named with another role (a person has
  one role; the first row that names a known role sets it);
- `superseded` — an older assessment of the same person × competency: the
  latest `assessed` date counts (undated rows are older than dated ones),
  and on the same date the later row.
*/

use anyhow::bail;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use super::catalogue::Catalogue;
use super::level;
use crate::diag::Code;
use crate::model::names::Found;
use crate::model::Role;
use crate::source::{Location, Sources};
use crate::tabular::headers::{Column, Schema};
use crate::tabular::records::Table;
use crate::tabular::rows::{Rows, LISTED};

/// The columns of an assessment table, with their Chinese synonyms (each
/// spelling stands for its Traditional and Simplified forms).
pub const SCHEMA: Schema = &[
    Column { name: "person", synonyms: &["員工", "姓名", "員工姓名", "人員", "name", "employee", "staff"] },
    Column { name: "role", synonyms: &["崗位", "角色", "職位", "崗位名稱", "職務", "position", "job"] },
    Column {
        name: "competency", synonyms: &["能力", "能力項", "能力要求", "關鍵能力", "技能", "skill", "competence"]
    },
    Column {
        name: "level", synonyms: &["等級", "能力等級", "評估等級", "評級", "水平", "熟練度", "proficiency"]
    },
    Column {
        name: "assessed",
        synonyms: &["評估日期", "評估時間", "考核日期", "日期", "date", "assessed_on", "assessment_date"],
    },
];

/// Columns a table cannot do without.
const REQUIRED: &[&str] = &["person", "role", "competency", "level"];

/// A person, with the role the assessments name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// Index into the org's roles.
    pub role: usize,
}

/// An assessment in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessment {
    pub person: usize,
    pub competency: usize,
    pub level: u8,
    pub assessed: Option<NaiveDate>,
    pub loc: Location,
}

/// What the tables say.
#[derive(Debug, Clone, Default)]
pub struct Assessments {
    /// In name order: a person's index is their place here.
    pub people: Vec<Person>,
    /// One per person × competency, sorted by (person, competency).
    pub levels: Vec<Assessment>,
    pub rows: Rows,
    /// Headers that are no column of an assessment, per table (ignored).
    pub ignored_columns: Vec<(String, Vec<String>)>,
}

impl Assessments {
    /// A person's assessed level in a competency.
    pub fn level(&self, person: usize, competency: usize) -> Option<u8> {
        self.levels
            .binary_search_by_key(&(person, competency), |a| (a.person, a.competency))
            .ok()
            .map(|i| self.levels[i].level)
    }
}

/// Fails (exit 2) when a table lacks a column that every record needs.
pub fn check_columns(tables: &[Table], sources: &Sources) -> anyhow::Result<()> {
    for t in tables {
        if let Some(message) = crate::tabular::fields::missing_columns(t, SCHEMA, REQUIRED, sources.name(t.file)) {
            bail!(message);
        }
    }
    Ok(())
}

/// Reads the tables (columns already checked with [`check_columns`]).
pub fn read(tables: &[Table], roles: &[Role], catalogue: &Catalogue, sources: &Sources) -> Assessments {
    let role_names = crate::model::names::roles(roles);
    let mut role_cache: HashMap<&str, Found<usize>> = HashMap::default();
    let mut competency_cache: HashMap<(usize, &str), Found<usize>> = HashMap::default();
    let mut date_cache: HashMap<&str, Option<NaiveDate>> = HashMap::default();
    // Person name → index into `seen`: (name, role, where the role was set).
    let mut person_index: HashMap<&str, usize> = HashMap::default();
    let mut seen: Vec<(&str, usize, Location)> = Vec::new();
    let mut rows = Rows::default();
    // Rows that passed every check, `person` indexing `seen`.
    let mut candidates: Vec<Assessment> = Vec::new();
    let mut ignored_columns = Vec::new();
    for table in tables {
        let rest: Vec<String> =
            table.headers.rest.iter().map(|&i| table.headers.names[i].clone()).filter(|h| !h.is_empty()).collect();
        if !rest.is_empty() {
            ignored_columns.push((sources.name(table.file).to_string(), rest));
        }
        let field = |name: &str| -> String {
            let header = table.headers.get(name).map_or(name, |i| table.headers.names[i].as_str());
            if crate::text::fold(header) == name {
                format!("`{name}`")
            } else {
                format!("`{header}` ({name})")
            }
        };
        for record in &table.records {
            rows.read += 1;
            let loc = table.loc(record);
            let cell = |name: &str| table.cell(record, name).unwrap_or("");
            let person = cell("person");
            if person.is_empty() {
                rows.skip(Code::MissingValue, loc, format!("{} is empty", field("person")));
                continue;
            }
            let role_name = cell("role");
            if role_name.is_empty() {
                rows.skip(Code::MissingValue, loc, format!("{} is empty", field("role")));
                continue;
            }
            let role = match role_cache.entry(role_name).or_insert_with(|| role_names.resolve(role_name)) {
                Found::One(r) => *r,
                Found::Ambiguous(labels) => {
                    let labels = labels.clone();
                    rows.skip_name(Code::AmbiguousName, "role", role_name, loc, || labels);
                    continue;
                }
                Found::None => {
                    rows.skip_name(Code::UnknownRole, "role", role_name, loc, || {
                        role_names.suggest(role_name).map(|s| format!("did you mean `{s}`?")).into_iter().collect()
                    });
                    continue;
                }
            };
            let who = *person_index.entry(person).or_insert_with(|| {
                seen.push((person, role, loc));
                seen.len() - 1
            });
            let (_, first, at) = seen[who];
            if first != role {
                rows.skip(
                    Code::RoleConflict,
                    loc,
                    format!(
                        "{}: `{person}` is {} here but {} at {}; a person has one role",
                        field("role"),
                        roles[role].id(),
                        roles[first].id(),
                        sources.position(&at)
                    ),
                );
                continue;
            }
            let name = cell("competency");
            if name.is_empty() {
                rows.skip(Code::MissingValue, loc, format!("{} is empty", field("competency")));
                continue;
            }
            let competency = match competency_cache.entry((role, name)).or_insert_with(|| catalogue.resolve(role, name))
            {
                Found::One(c) => *c,
                Found::Ambiguous(labels) => {
                    let labels = labels.clone();
                    rows.skip_name(Code::AmbiguousName, "competency", name, loc, || labels);
                    continue;
                }
                Found::None => {
                    rows.skip_name(Code::UnknownCompetency, "competency", name, loc, || {
                        catalogue.suggest(role, name).map(|s| format!("did you mean `{s}`?")).into_iter().collect()
                    });
                    continue;
                }
            };
            let level = match level::parse(cell("level")) {
                Ok(l) => l,
                Err(why) => {
                    rows.skip(Code::BadLevel, loc, format!("{}: {why}", field("level")));
                    continue;
                }
            };
            let date = cell("assessed");
            let assessed = if date.is_empty() {
                None
            } else {
                match date_cache.entry(date).or_insert_with(|| crate::tabular::date::parse(date)) {
                    Some(d) => Some(*d),
                    None => {
                        rows.skip(Code::BadValue, loc, format!("{}: `{date}` is not a date", field("assessed")));
                        continue;
                    }
                }
            };
            candidates.push(Assessment { person: who, competency, level, assessed, loc });
        }
    }
    // People in name order; then per person × competency the latest counts.
    let mut order: Vec<usize> = (0..seen.len()).collect();
    order.sort_unstable_by_key(|&i| seen[i].0);
    let mut rank = vec![0; seen.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let people: Vec<Person> = order.iter().map(|&i| Person { name: seen[i].0.to_string(), role: seen[i].1 }).collect();
    let mut all = candidates;
    for a in &mut all {
        a.person = rank[a.person];
    }
    all.sort_unstable_by_key(|a| (a.person, a.competency, a.assessed, a.loc));
    let mut levels: Vec<Assessment> = Vec::with_capacity(all.len());
    for (i, a) in all.iter().enumerate() {
        match all.get(i + 1).filter(|next| (next.person, next.competency) == (a.person, a.competency)) {
            Some(_) => {
                // Only the listed ones need their words (there may be
                // thousands of re-assessments).
                let listed = rows.problems_by_reason.get(&Code::Superseded).copied().unwrap_or(0) < LISTED as u64;
                let detail = if listed {
                    let same = |x: &&Assessment| (x.person, x.competency) == (a.person, a.competency);
                    let winner = all[i..].iter().take_while(same).last().unwrap_or(a);
                    let when = winner.assessed.map_or(String::new(), |d| format!(" of {d}"));
                    format!("an older assessment; the one{when} at {} counts", sources.position(&winner.loc))
                } else {
                    String::new()
                };
                rows.skip(Code::Superseded, a.loc, detail);
            }
            None => {
                rows.used += 1;
                levels.push(*a);
            }
        }
    }
    Assessments { people, levels, rows, ignored_columns }
}

#[cfg(test)]
mod tests;
