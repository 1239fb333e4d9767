/*!
`columns:` — an export header mapped to a standard column, for exports whose
headers no synonym covers (`columns: {部門人員: person, 考核期: period}`), or
to `ignore`: a column the export has for other readers (`備註: ignore`), which
a command then neither reads nor warns about.

The standard columns ([`STANDARD_COLUMNS`]) are those of every command that
reads a table (score, risk, sla, gaps); the map itself is
[`crate::tabular::headers::ColumnMap`], which reading applies.
*/

use serde_saphyr::Spanned;

use super::Checker;
pub use crate::tabular::headers::{ColumnMap, IGNORE_COLUMN, STANDARD_COLUMNS};
use crate::yaml::SpannedMap;

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
