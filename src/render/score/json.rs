/*!
JSON scorecards, the shape of SPEC 3.4, written as they are computed: the
head (period, row accounting), then each card as it is reached — never a
document tree of a company's 41,667 cards (SPEC 3.5).

Numbers are exact JSON numbers with at most 4 decimals (never passed through
`f64`); `--compare` adds `compare_score` and `change`, `--by role` the
`people` a card pools, `--explain` each score's band and formula (with a
ratio's summed numerator and denominator). Each KPI is one line of the
card's object.
*/

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::{stream, ScoreOutput};
use crate::render::number::{self, Style};
use crate::render::Render;
use crate::score::card::Card;
use crate::score::Report;
use crate::tabular::period::Period;

pub struct Json;

/// Appends `s` as a JSON string.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escaped.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escaped);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Appends a number (at most 4 decimals) or `null`.
fn number(out: &mut String, v: Option<Decimal>) {
    match v {
        Some(v) => number::write(out, v, Style::trimmed(4)),
        None => out.push_str("null"),
    }
}

fn period(out: &mut String, label: &str, p: Option<Period>) {
    out.push_str("{\"label\": ");
    string(out, label);
    for (key, d) in [("start", p.map(|p| p.start)), ("end", p.map(|p| p.end))] {
        out.push_str(&format!(", \"{key}\": "));
        match d {
            Some(d) => string(out, &d.to_string()),
            None => out.push_str("null"),
        }
    }
    out.push('}');
}

fn head(r: &Report) -> String {
    let mut out = String::from("{\n  \"version\": 1,\n  \"period\": ");
    period(&mut out, &r.label, r.period);
    if let Some(c) = r.compare {
        out.push_str(",\n  \"compare_period\": ");
        period(&mut out, &c.to_string(), Some(c));
    }
    let rows = &r.rows;
    out.push_str(&format!(
        ",\n  \"rows\": {{\n    \"read\": {},\n    \"used\": {},\n    \"skipped\": {},\n    \"skipped_by_reason\": {{",
        rows.read, rows.used, rows.skipped
    ));
    for (i, (code, n)) in rows.skipped_by_reason.iter().enumerate() {
        out.push_str(if i == 0 { "" } else { ", " });
        string(&mut out, code.id());
        out.push_str(&format!(": {n}"));
    }
    out.push_str(&format!("}},\n    \"ignored_cells\": {},\n    \"ignored_columns\": [", rows.ignored_cells));
    for (i, c) in r.ignored_columns.iter().enumerate() {
        out.push_str(if i == 0 { "\n      {\"file\": " } else { ",\n      {\"file\": " });
        string(&mut out, &c.file);
        out.push_str(", \"column\": ");
        string(&mut out, &c.name);
        out.push_str(", \"hint\": ");
        match &c.hint {
            Some(h) => string(&mut out, h),
            None => out.push_str("null"),
        }
        out.push('}');
    }
    out.push_str(if r.ignored_columns.is_empty() {
        "]\n  },\n  \"scorecards\": ["
    } else {
        "\n    ]\n  },\n  \"scorecards\": ["
    });
    out
}

/// Each KPI's `{"id": …, "metric": …, "value": ` and `, "weight": …`,
/// written once per role rather than per card.
fn role_parts(r: &Report) -> Vec<Vec<(String, String)>> {
    super::per_kpi(r, |k| {
        let mut head = String::from("{\"id\": ");
        string(&mut head, &k.id);
        head.push_str(", \"metric\": ");
        string(&mut head, &k.metric);
        head.push_str(", \"value\": ");
        let mut weight = String::from(", \"weight\": ");
        number(&mut weight, Some(k.weight));
        (head, weight)
    })
}

fn card(c: &Card, parts: &[(String, String)], compare: bool, explain: bool, first: bool, out: &mut String) {
    out.push_str(if first { "\n    {\n      \"entity\": " } else { ",\n    {\n      \"entity\": " });
    string(out, &c.entity);
    if let Some(id) = &c.person_id {
        out.push_str(",\n      \"person_id\": ");
        string(out, id);
    }
    out.push_str(",\n      \"role\": ");
    string(out, &c.role.id);
    out.push_str(",\n      \"score\": ");
    number(out, c.score);
    out.push_str(",\n      \"grade\": ");
    string(out, &c.grade);
    out.push_str(if c.complete { ",\n      \"complete\": true" } else { ",\n      \"complete\": false" });
    out.push_str(",\n      \"coverage\": ");
    number(out, Some(c.coverage));
    out.push_str(if c.insufficient { ",\n      \"status\": \"insufficient\"" } else { ",\n      \"status\": \"ok\"" });
    if let Some(n) = c.people {
        out.push_str(&format!(",\n      \"people\": {n}"));
    }
    if compare {
        out.push_str(",\n      \"compare_score\": ");
        number(out, c.compare);
        out.push_str(",\n      \"change\": ");
        number(out, c.score.zip(c.compare).map(|(a, b)| a - b));
    }
    out.push_str(",\n      \"kpis\": [");
    for (i, (l, (head, weight))) in c.kpis.iter().zip(parts).enumerate() {
        out.push_str(if i == 0 { "\n        " } else { ",\n        " });
        out.push_str(head);
        number(out, l.value);
        out.push_str(", \"score\": ");
        number(out, l.scored.as_ref().map(|s| s.score));
        out.push_str(weight);
        out.push_str(", \"status\": \"");
        out.push_str(l.status.as_str());
        out.push('"');
        if let Some(n) = l.people {
            out.push_str(&format!(", \"people\": {n}"));
        }
        if compare {
            out.push_str(", \"compare_score\": ");
            number(out, l.compare);
        }
        if explain {
            out.push_str(", \"explain\": ");
            match &l.scored {
                Some(s) => {
                    out.push_str("{\"band\": ");
                    string(out, &s.band.to_string());
                    out.push_str(", \"formula\": ");
                    string(out, &s.formula);
                    if let Some((n, d)) = l.parts {
                        out.push_str(", \"numerator\": ");
                        number(out, Some(n));
                        out.push_str(", \"denominator\": ");
                        number(out, Some(d));
                    }
                    out.push('}');
                }
                None => out.push_str("null"),
            }
        }
        out.push('}');
    }
    out.push_str(if c.kpis.is_empty() { "]\n    }" } else { "\n      ]\n    }" });
}

impl Render<ScoreOutput<'_, '_>> for Json {
    fn render(&self, o: &ScoreOutput, w: &mut dyn Write) -> io::Result<()> {
        let r = o.report;
        let (compare, explain) = (r.compare.is_some(), o.view.explain);
        w.write_all(head(r).as_bytes())?;
        let parts = role_parts(r);
        stream::cards(r, explain, w, &|i, c, buf| {
            let role_ix = c.role_ix;
            card(c, &parts[role_ix], compare, explain, i == 0, buf)
        })?;
        w.write_all(if r.is_empty() { b"]\n}\n" } else { b"\n  ]\n}\n" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        let mut out = String::new();
        string(&mut out, "a\"b\\c\nd\u{1}張");
        assert_eq!(out, r#""a\"b\\c\nd\u0001張""#);
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), "a\"b\\c\nd\u{1}張");
    }
}
