/*!
Reading YAML with positions kept.

[`parse`] is the one door through which role files and the config are read: it
strips a BOM, rejects non-UTF-8 bytes with a line and column, sets the parser's
budgets (alias bombs, depth), names full-width punctuation typed where
YAML syntax belongs ([`crate::text::fullwidth`]) and turns serde-saphyr's errors into `parse-error`
or `schema` diagnostics with "did you mean" for unknown keys and values.
*/

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::{FileId, Location, Sources};

/// Decodes raw file bytes as UTF-8 text without a BOM, or says where the
/// first invalid byte is.
pub fn decode(bytes: &[u8]) -> Result<String, (u32, u32, String)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // `good` is valid UTF-8 by construction.
            let good = std::str::from_utf8(good).unwrap_or_default();
            let line = good.matches('\n').count() as u32 + 1;
            let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            let byte = bytes[e.valid_up_to()];
            Err((line, col, format!("invalid UTF-8 (byte 0x{byte:02X}); role files and config must be UTF-8")))
        }
    }
}

fn options() -> serde_saphyr::Options {
    let mut opts = serde_saphyr::Options::default();
    let mut budget = serde_saphyr::Budget::default();
    // Role files are small and hand-written: a few thousand aliases or a depth
    // of 32 is far beyond any real one, and keeps alias bombs cheap to refuse.
    budget.max_aliases = 1_000;
    budget.max_depth = 32;
    // A role file is a few kilobytes of text; a megabyte of scalars is a
    // pasted blob or a generated accident, refused with its position.
    budget.max_total_scalar_bytes = 1024 * 1024;
    opts.budget = Some(budget);
    opts.alias_limits.max_total_replayed_events = 100_000;
    // `.nan` and `.inf` reach the rules, which report them where they matter
    // (a NaN weight is `kpi-weights`, a NaN anchor `kpi-thresholds`).
    opts.non_finite_float_policy = serde_saphyr::options::NonFiniteFloatPolicy::PassThrough;
    opts
}

/// Parses `file` of `sources` into `T`, or returns the diagnostic saying where
/// and why it could not.
pub fn parse<T: DeserializeOwned>(sources: &Sources, file: FileId) -> Result<T, Box<Diagnostic>> {
    let text = &sources.get(file).text;
    if text.trim().is_empty() || text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        let what = if text.trim().is_empty() { "the file is empty" } else { "the file has only comments" };
        let d = Diagnostic::new(Code::ParseError, format!("{what}; expected a YAML mapping"))
            .at(Location::file_start(file), "no content");
        return Err(Box::new(d));
    }
    // A full-width `：` or `，` typed with a Chinese input method reads as
    // text, so the parser's message would not say what is wrong: name it.
    if let Some(f) = crate::text::fullwidth::find(text) {
        let mut loc = sources.at(file, f.line, f.column);
        loc.len = f.found.len_utf8() as u32;
        let label = format!("`{}` here", f.found);
        let d = Diagnostic::new(Code::ParseError, f.message())
            .at(loc, label)
            .note(format!("switch the input method to half-width (English) punctuation and type `{}`", f.meant));
        return Err(Box::new(d));
    }
    serde_saphyr::from_str_with_options::<T>(text, options()).map_err(|e| Box::new(to_diagnostic(sources, file, &e)))
}

fn to_diagnostic(sources: &Sources, file: FileId, err: &serde_saphyr::Error) -> Diagnostic {
    let raw = err.without_snippet().to_string();
    let message = clean_message(&raw);
    let rule = if is_schema_error(&message) { Code::Schema } else { Code::ParseError };
    let loc = match err.location() {
        Some(l) if l.line() > 0 => {
            let mut loc = Location::from_saphyr(file, &l);
            loc.offset = sources.byte_offset(&loc) as u32;
            loc
        }
        _ => Location::file_start(file),
    };
    let mut diag = Diagnostic::new(rule, message.clone()).at(loc, "");
    if let Some(hint) = did_you_mean(&message) {
        diag = diag.note(hint);
    }
    diag
}

/// serde-saphyr appends " at line N, column M" and parser advice meant for
/// programmers; the location is shown separately.
fn clean_message(raw: &str) -> String {
    let mut msg = raw.trim().to_string();
    if let Some(i) = msg.rfind(" at line ") {
        if msg[i..].contains("column") {
            msg.truncate(i);
        }
    }
    if let Some(i) = msg.find(", set DuplicateKeyPolicy") {
        msg.truncate(i);
    }
    // Rust type names mean nothing to the HR team editing the file.
    match msg.as_str() {
        "invalid u8" | "invalid u16" | "invalid u32" | "invalid u64" => "expected a whole number ≥ 0".to_string(),
        "invalid floating point" => "expected a number".to_string(),
        _ => msg,
    }
}

fn is_schema_error(msg: &str) -> bool {
    const SCHEMA: &[&str] = &[
        "unknown field",
        "missing field",
        "invalid type",
        "invalid value",
        "invalid length",
        "unknown variant",
        "expected ",
        "expected a whole number",
        "expected a number",
        "out of range",
        "did not match any variant",
        "null",
    ];
    !msg.contains("while scanning")
        && !msg.contains("while parsing")
        && (msg.starts_with("invalid ") || SCHEMA.iter().any(|p| msg.contains(p)))
}

/// For "unknown field `titel`, expected one of `id`, `title`" (and the same
/// for enum variants): "did you mean `title`?".
fn did_you_mean(msg: &str) -> Option<String> {
    let rest = msg.strip_prefix("unknown field ").or_else(|| msg.strip_prefix("unknown variant "))?;
    let word = rest.split('`').nth(1)?;
    let expected = rest.split_once("expected ")?.1;
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    let candidates: Vec<&str> =
        expected.split(',').map(|c| c.trim().trim_matches('`')).filter(|c| !c.is_empty()).collect();
    crate::text::suggest::nearest(word, candidates).map(|near| format!("did you mean `{near}`?"))
}

/// A mapping read in file order with the position of each key kept
/// (`BTreeMap<Spanned<String>, _>` is not possible: spans are not ordered).
#[derive(Debug, Clone)]
pub struct SpannedMap<V>(pub Vec<(Spanned<String>, V)>);

impl<V> Default for SpannedMap<V> {
    fn default() -> Self {
        SpannedMap(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for SpannedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = SpannedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    entries.push((key, map.next_value()?));
                }
                Ok(SpannedMap(entries))
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        id: String,
        title: Option<String>,
    }

    fn parse_text(text: &str) -> Result<Doc, Box<Diagnostic>> {
        let mut s = Sources::default();
        let f = s.add("t.yaml".into(), text.into());
        parse(&s, f)
    }

    #[test]
    fn unknown_key_is_a_schema_error_with_a_suggestion() {
        let d = parse_text("id: a\ntitel: x\n").unwrap_err();
        assert_eq!(d.code, Code::Schema);
        assert_eq!((d.spots[0].loc.line, d.spots[0].loc.column), (2, 1));
        assert_eq!(d.notes, vec!["did you mean `title`?".to_string()]);
    }

    #[test]
    fn duplicate_key_is_a_parse_error_at_the_second_key() {
        let d = parse_text("id: a\nid: b\n").unwrap_err();
        assert_eq!(d.code, Code::ParseError);
        assert_eq!(d.spots[0].loc.line, 2);
        assert!(d.message.contains("duplicate"), "{}", d.message);
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let (line, col, _) = decode(b"id: a\ntitle: \xff\n").unwrap_err();
        assert_eq!((line, col), (2, 8));
    }

    #[test]
    fn bom_is_removed() {
        assert_eq!(decode(b"\xEF\xBB\xBFid: a").unwrap(), "id: a");
    }
}
