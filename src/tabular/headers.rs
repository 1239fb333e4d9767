/*!
Which column is which, from the header row (SPEC 3.2, 6).

Each command that reads a table declares its columns as a [`Schema`]: a
standard name (`period`, `owner`, `raised` …) and the headers that mean it
in English and Chinese. Headers are compared folded (case, width,
punctuation, Traditional/Simplified), so `期間`, `期间` and `Period` are one
column; the config's `columns:` maps any other header and wins over the
synonyms. A standard column named by two headers is reported, never
resolved by position.
*/

use crate::source::Location;
use crate::text::fold;

/// A header mapped to this (`備註: ignore`) is left unread, without a warning.
pub const IGNORE_COLUMN: &str = "ignore";

/// Every standard column name a header may be mapped to.
pub const STANDARD_COLUMNS: &[&str] = &[
    IGNORE_COLUMN,
    // score (SPEC 3.2)
    "period",
    "person",
    "person_id",
    "role",
    "metric",
    "value",
    // risk (SPEC 6.1)
    "id",
    "title",
    "owner",
    "likelihood",
    "impact",
    "severity",
    "occurrence",
    "detection",
    "status",
    "response",
    "due",
    "category",
    // sla (SPEC 6.2)
    "parties",
    "raised",
    "escalated",
    "resolved",
    // gaps (SPEC 6.3)
    "competency",
    "level",
    "assessed",
];

/// Header → standard column, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    pub entries: Vec<(String, &'static str, Location)>,
}

impl ColumnMap {
    /// The standard column a header is mapped to, compared folded.
    pub fn get(&self, header: &str) -> Option<&'static str> {
        let h = fold(header);
        self.entries.iter().find(|(from, _, _)| fold(from) == h).map(|(_, to, _)| *to)
    }
}

/// A standard column of a command's table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The standard name (one of [`STANDARD_COLUMNS`]).
    pub name: &'static str,
    /// Headers that mean it, in English, Traditional and Simplified Chinese
    /// (one spelling suffices for both scripts: they are compared folded).
    pub synonyms: &'static [&'static str],
}

/// The columns a command reads.
pub type Schema = &'static [Column];

/// A header row resolved against a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headers {
    /// The headers as written (trimmed).
    pub names: Vec<String>,
    /// Standard column → its index.
    pub found: Vec<(&'static str, usize)>,
    /// Indexes of headers that are no standard column.
    pub rest: Vec<usize>,
    /// A standard column named again: (column, first index, second index).
    pub repeated: Vec<(&'static str, usize, usize)>,
}

impl Headers {
    /// The index of a standard column.
    pub fn get(&self, name: &str) -> Option<usize> {
        self.found.iter().find(|(n, _)| *n == name).map(|(_, i)| *i)
    }

    /// `期間, 員工, 崗位` — the headers, for messages.
    pub fn shown(&self) -> String {
        self.names.join(", ")
    }
}

/// The standard column a header means, if any.
pub fn standard(header: &str, schema: Schema, map: &ColumnMap) -> Option<&'static str> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    if let Some(c) = map.get(header) {
        return schema.iter().find(|col| col.name == c).map(|col| col.name);
    }
    schema.iter().find(|col| fold(col.name) == h || col.synonyms.iter().any(|s| fold(s) == h)).map(|col| col.name)
}

/// Resolves a header row.
pub fn resolve(names: &[String], schema: Schema, map: &ColumnMap) -> Headers {
    let mut h = Headers {
        names: names.iter().map(|n| n.trim().to_string()).collect(),
        found: Vec::new(),
        rest: Vec::new(),
        repeated: Vec::new(),
    };
    for (i, name) in names.iter().enumerate() {
        match standard(name, schema, map) {
            Some(c) => match h.get(c) {
                Some(first) => h.repeated.push((c, first, i)),
                None => h.found.push((c, i)),
            },
            None => h.rest.push(i),
        }
    }
    h
}

/// How a schema's columns are spelled, for a message: `role (崗位, 角色, 職位)`.
pub fn spelled(schema: Schema, name: &str) -> String {
    match schema.iter().find(|c| c.name == name) {
        Some(c) => format!(
            "{} ({})",
            c.name,
            c.synonyms.iter().filter(|s| !s.is_ascii()).copied().collect::<Vec<_>>().join(", ")
        ),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: Schema = &[
        Column { name: "period", synonyms: &["期間", "月份"] },
        Column { name: "person", synonyms: &["員工", "姓名"] },
        Column { name: "role", synonyms: &["崗位"] },
    ];

    fn h(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn headers_in_three_scripts_and_any_case() {
        for row in [
            h(&["period", "person", "role"]),
            h(&["期間", "員工", "崗位"]),
            h(&["期间", "姓名", "岗位"]),
            h(&["PERIOD", " Person ", "Role"]),
        ] {
            let r = resolve(&row, SCHEMA, &ColumnMap::default());
            assert_eq!((r.get("period"), r.get("person"), r.get("role")), (Some(0), Some(1), Some(2)), "{row:?}");
        }
    }

    #[test]
    fn a_repeated_column_is_named_not_dropped() {
        let r = resolve(&h(&["員工", "姓名", "備註"]), SCHEMA, &ColumnMap::default());
        assert_eq!(r.repeated, vec![("person", 0, 1)]);
        assert_eq!(r.rest, vec![2]);
    }

    #[test]
    fn spelled_lists_the_chinese_synonyms() {
        assert_eq!(spelled(SCHEMA, "period"), "period (期間, 月份)");
    }
}
