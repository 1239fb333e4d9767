/*!
Records written as YAML (SPEC 6): a list of mappings with the same field
names as the CSV headers (English or Chinese), read into the same
[`Table`] as a CSV so every command reads both alike.

```yaml
- id: R-01
  title: 核心供應商延遲交貨
  owner: 風險管控主管
  likelihood: 4
  impact: 5
- id: C-01
  parties: [業務部門, 財務部門]      # a list is the `;`-separated cell
```

Numbers and booleans become the text a CSV cell would hold; a record's line
is the line its mapping starts on. The file is read through the one YAML
door ([`crate::yaml`]), so its budgets hold and a syntax error is a finding
with line and column.
*/

use std::io::Read;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::headers::{self, Schema};
use super::input::Input;
use super::records::{Record, Table};
use super::ReadOptions;
use crate::diag::Rejected;
use crate::source::Sources;
use crate::yaml::SpannedMap;

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
}

impl Scalar {
    fn text(&self) -> String {
        match self {
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(n) => n.to_string(),
            Scalar::Float(x) => x.to_string(),
            Scalar::Text(s) => s.trim().to_string(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Value {
    List(Vec<Scalar>),
    One(Scalar),
}

type Row = Spanned<SpannedMap<Option<Value>>>;

/// Whether a path names a YAML file.
pub fn is_yaml(input: &Input) -> bool {
    input
        .path
        .as_ref()
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Reads `raw` as a YAML list of records of `schema`.
pub fn read(
    input: &Input,
    mut raw: Box<dyn Read + Send>,
    schema: Schema,
    opts: &ReadOptions,
    sources: &mut Sources,
) -> anyhow::Result<Table> {
    let name = &input.name;
    let mut bytes = Vec::new();
    raw.read_to_end(&mut bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let text = crate::yaml::decode(&bytes).map_err(|(l, c, m)| anyhow::anyhow!("{name}:{l}:{c}: {m}"))?;
    let file = sources.add(name.clone(), text);
    let rows: Vec<Row> = match crate::yaml::parse(sources, file) {
        Ok(rows) => rows,
        Err(d) => {
            let sources = std::mem::take(sources);
            let context = format!("{name} is not a YAML list of records");
            return Err(Rejected { context, sources, diagnostics: vec![*d] }.into());
        }
    };
    // A column per standard field, however each record spells it (`可能性`
    // in one record and `likelihood` in the next are one column), named as
    // it is first spelled; other keys are columns of their own.
    let column =
        |key: &str| headers::standard(key, schema, &opts.columns).map_or_else(|| key.to_string(), str::to_string);
    let mut keys: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut records = Vec::with_capacity(rows.len());
    for row in &rows {
        let line = row.referenced.line();
        let mut cells: Vec<Option<String>> = Vec::new();
        let mut spelled: Vec<(usize, &str)> = Vec::new();
        for (key, value) in &row.value.0 {
            let k = column(&key.value);
            let i = match keys.iter().position(|x| *x == k) {
                Some(i) => i,
                None => {
                    keys.push(k.clone());
                    names.push(key.value.clone());
                    keys.len() - 1
                }
            };
            if let Some((_, first)) = spelled.iter().find(|(j, _)| *j == i) {
                anyhow::bail!("{name}:{line}: fields `{first}` and `{}` both mean `{k}`; keep one", key.value);
            }
            spelled.push((i, &key.value));
            if cells.len() <= i {
                cells.resize(i + 1, None);
            }
            cells[i] = Some(match value {
                None => String::new(),
                Some(Value::One(s)) => s.text(),
                Some(Value::List(items)) => items.iter().map(Scalar::text).collect::<Vec<_>>().join(";"),
            });
        }
        records.push(Record { line, cells: cells.into_iter().map(Option::unwrap_or_default).collect() });
    }
    let headers = headers::resolve(&names, schema, &opts.columns);
    let header_line = records.first().map_or(1, |r| r.line);
    Ok(Table { file, headers, header_line, encoding: encoding_rs::UTF_8, records })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tabular::headers::Column;

    const SCHEMA: Schema = &[
        Column { name: "id", synonyms: &["編號"] },
        Column { name: "parties", synonyms: &["涉及部門"] },
        Column { name: "likelihood", synonyms: &["可能性"] },
    ];

    fn table(text: &str) -> anyhow::Result<Table> {
        let input = Input { name: "r.yaml".into(), path: Some("r.yaml".into()) };
        read(
            &input,
            Box::new(std::io::Cursor::new(text.as_bytes().to_vec())),
            SCHEMA,
            &ReadOptions::default(),
            &mut Sources::default(),
        )
    }

    #[test]
    fn records_with_lists_numbers_and_lines() {
        let t = table("# register\n- 編號: R1\n  可能性: 4\n  涉及部門: [財務部門, it]\n- id: R2\n  likelihood: 2.5\n")
            .unwrap();
        assert_eq!(t.records.len(), 2);
        assert_eq!((t.records[0].line, t.records[1].line), (2, 5));
        assert_eq!(t.cell(&t.records[0], "parties"), Some("財務部門;it"));
        assert_eq!(t.cell(&t.records[0], "likelihood"), Some("4"));
        assert_eq!(t.cell(&t.records[1], "likelihood"), Some("2.5"));
        assert_eq!(t.cell(&t.records[1], "parties"), Some(""));
    }

    #[test]
    fn not_a_list_is_refused_with_its_place() {
        let err = table("id: R1\n").unwrap_err();
        assert!(err.downcast_ref::<Rejected>().is_some(), "{err}");
        let err = table("- 編號: R1\n  id: R2\n").unwrap_err().to_string();
        assert!(err.contains("r.yaml:1: fields `編號` and `id` both mean `id`"), "{err}");
    }
}
