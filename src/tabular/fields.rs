/*!
Reading the fields of one record of a [`Table`] — a risk, a conflict, an
assessment — and collecting every problem in it as a finding that names
`file:line` and the field as the file spells its header (`可能性`, not
`likelihood`), so the person who keeps the sheet finds the cell.

A record's problems are all collected, not just the first: a row with a bad
date and an unknown owner says both. The command decides what a problem
means for the record (skipped when any is an error).
*/

use chrono::NaiveDate;

use super::records::{Record, Table};
use crate::diag::{Code, Diagnostic};
use crate::source::Location;

/// A field that could not be read; its problem is already recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bad;

/// One record being read.
pub struct Fields<'a> {
    pub table: &'a Table,
    pub record: &'a Record,
    /// What is wrong with it, in field order.
    pub problems: Vec<Diagnostic>,
}

impl<'a> Fields<'a> {
    pub fn new(table: &'a Table, record: &'a Record) -> Self {
        Fields { table, record, problems: Vec::new() }
    }

    pub fn loc(&self) -> Location {
        self.table.loc(self.record)
    }

    /// The cell of standard column `name` (`""` when empty or absent).
    pub fn text(&self, name: &str) -> &'a str {
        self.table.cell(self.record, name).unwrap_or("")
    }

    /// How the file names the column: its header as written, with the
    /// standard name when they differ (`可能性 (likelihood)`).
    pub fn header(&self, name: &str) -> String {
        match self.table.headers.get(name).and_then(|i| self.table.headers.names.get(i)) {
            Some(h) if h != name => format!("{h} ({name})"),
            _ => name.to_string(),
        }
    }

    /// Records a problem in field `name`.
    pub fn problem(&mut self, code: Code, name: &str, message: String) {
        self.problem_with(code, name, message, None);
    }

    /// A problem with a note (a suggestion, the candidates).
    pub fn problem_with(&mut self, code: Code, name: &str, message: String, note: Option<String>) {
        let mut d = Diagnostic::new(code, message).at(self.loc(), format!("field {}", self.header(name)));
        if let Some(n) = note {
            d = d.note(n);
        }
        self.problems.push(d);
    }

    /// A field that must not be empty.
    pub fn required(&mut self, name: &str) -> Option<&'a str> {
        let v = self.text(name);
        if v.is_empty() {
            self.problem(Code::MissingField, name, format!("{} is empty", self.header(name)));
            return None;
        }
        Some(v)
    }

    /// An optional date field: `Ok(None)` when empty, `Err(())` when it is
    /// not a date (the problem recorded).
    pub fn date(&mut self, name: &str) -> Result<Option<NaiveDate>, Bad> {
        let v = self.text(name);
        if v.is_empty() {
            return Ok(None);
        }
        match super::date::parse(v) {
            Some(d) => Ok(Some(d)),
            None => {
                self.problem(
                    Code::BadDate,
                    name,
                    format!("{} `{v}` is not a date (write YYYY-MM-DD)", self.header(name)),
                );
                Err(Bad)
            }
        }
    }

    /// A required date field.
    pub fn required_date(&mut self, name: &str) -> Option<NaiveDate> {
        if self.text(name).is_empty() {
            self.required(name);
            return None;
        }
        self.date(name).ok().flatten()
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|d| d.severity == crate::diag::Severity::Error)
    }
}

/// A message naming the `required` columns that `table` lacks (as the
/// schema spells them) and the headers it has; `None` when none is missing.
pub fn missing_columns(table: &Table, schema: super::headers::Schema, required: &[&str], file: &str) -> Option<String> {
    let missing: Vec<String> = required
        .iter()
        .filter(|n| table.headers.get(n).is_none())
        .map(|n| super::headers::spelled(schema, n))
        .collect();
    if missing.is_empty() {
        return None;
    }
    Some(format!(
        "{file}:{}: no {} {}; the headers are: {} (or map a header in `columns:` of opsroles.yaml)",
        table.header_line,
        missing.join(", "),
        if missing.len() == 1 { "column" } else { "columns" },
        table.headers.shown()
    ))
}

/// A whole-number rating from `lo` to `hi` (`3`, `３`, `3.0`), else why not.
pub fn rating(raw: &str, lo: u8, hi: u8) -> Result<u8, &'static str> {
    match super::number::parse(raw, false) {
        super::number::Cell::Number { value, percent: false } => {
            if !value.fract().is_zero() {
                return Err("not a whole number");
            }
            match rust_decimal::prelude::ToPrimitive::to_u8(&value) {
                Some(n) if (lo..=hi).contains(&n) => Ok(n),
                _ => Err("out of range"),
            }
        }
        _ => Err("not a number"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_are_whole_numbers_in_range() {
        assert_eq!(rating("3", 1, 5), Ok(3));
        assert_eq!(rating("３", 1, 5), Ok(3));
        assert_eq!(rating("3.0", 1, 5), Ok(3));
        assert_eq!(rating("10", 1, 10), Ok(10));
        assert_eq!(rating("0", 1, 5), Err("out of range"));
        assert_eq!(rating("6", 1, 5), Err("out of range"));
        assert_eq!(rating("-1", 1, 5), Err("out of range"));
        assert_eq!(rating("300", 1, 5), Err("out of range"));
        assert_eq!(rating("2.5", 1, 5), Err("not a whole number"));
        assert_eq!(rating("50%", 1, 5), Err("not a number"));
        assert_eq!(rating("高", 1, 5), Err("not a number"));
    }
}
