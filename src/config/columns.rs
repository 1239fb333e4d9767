/*!
`columns:` — an export header mapped to a standard column, for exports whose
headers no synonym covers (`columns: {部門人員: person, 考核期: period}`), or
to `ignore`: a column the export has for other readers (`備註: ignore`), which
a command then neither reads nor warns about.

The standard columns are those of every command that reads a table (score,
risk, sla, gaps); each command's column schema uses these names, and a test
there keeps the two lists in step.
*/

use serde_saphyr::Spanned;

use super::Checker;
use crate::source::Location;
use crate::yaml::SpannedMap;

/// A column mapped here is left unread, without a warning.
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
        let h = crate::text::fold(header);
        self.entries.iter().find(|(from, _, _)| crate::text::fold(from) == h).map(|(_, to, _)| *to)
    }
}

pub(super) fn validate(raw: &SpannedMap<Spanned<String>>, c: &mut Checker) -> ColumnMap {
    let mut out = ColumnMap::default();
    for (header, column) in &raw.0 {
        match STANDARD_COLUMNS.iter().find(|s| **s == column.value) {
            Some(std) => out.entries.push((header.value.clone(), std, c.loc(&header.referenced))),
            None => {
                let hint = crate::text::suggest::nearest(&column.value, STANDARD_COLUMNS.iter().copied())
                    .map_or(String::new(), |n| format!(" (did you mean `{n}`?)"));
                c.error(
                    &column.referenced,
                    format!("`columns:` maps `{}` to unknown column `{}`{hint}", header.value, column.value),
                    "not a standard column",
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{parse, problems};

    #[test]
    fn maps_headers_folded() {
        let c = parse("columns: {部門人員: person, 考核期: period}\n");
        assert_eq!(c.columns.get("部门人员"), Some("person"));
        assert_eq!(c.columns.get("其他"), None);
    }

    #[test]
    fn unknown_targets_get_a_suggestion() {
        let p = problems("columns: {部門人員: persn}\n");
        assert_eq!(p, vec!["1: `columns:` maps `部門人員` to unknown column `persn` (did you mean `person`?)"]);
    }
}
