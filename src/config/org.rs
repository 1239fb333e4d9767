/*!
`functions:` and `partners:` — the department's core functions (核心職能) and
the departments outside it that duties may consult or inform (SPEC 1.2).
*/

use serde_saphyr::Spanned;

use super::Checker;
use crate::source::Location;

/// A named entry of `functions:` or `partners:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub title: String,
    /// Where the config declares it (`None` for a default).
    pub loc: Option<Location>,
}

const FUNCTIONS: &[(&str, &str)] = &[
    ("process", "流程管理"),
    ("resource", "資源協調"),
    ("performance", "績效監控"),
    ("risk", "風險管控"),
    ("collaboration", "跨部門協同"),
];

const PARTNERS: &[(&str, &str)] = &[
    ("business", "業務部門"),
    ("finance", "財務部門"),
    ("hr", "人力資源部門"),
    ("it", "IT部門"),
    ("management", "管理層"),
];

fn defaults(pairs: &[(&str, &str)]) -> Vec<Entry> {
    pairs.iter().map(|(id, title)| Entry { id: id.to_string(), title: title.to_string(), loc: None }).collect()
}

/// The seed department's five functions.
pub(super) fn default_functions() -> Vec<Entry> {
    defaults(FUNCTIONS)
}

/// The seed report's partner departments (report 三(一)).
pub(super) fn default_partners() -> Vec<Entry> {
    defaults(PARTNERS)
}

pub(super) fn entries(map: &[(Spanned<String>, Spanned<String>)], c: &mut Checker, what: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for (k, v) in map {
        if k.value.trim().is_empty() {
            c.error(&k.referenced, format!("a {what} needs an id"), "empty id");
            continue;
        }
        out.push(Entry { id: k.value.clone(), title: v.value.clone(), loc: Some(c.loc(&k.referenced)) });
    }
    out
}
