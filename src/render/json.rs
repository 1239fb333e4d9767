/*!
JSON pieces every JSON format shares: exact decimal numbers ([`Num`]) and a
finding in the shape of `check --format json` ([`Finding`]).

Decimals are written as JSON numbers with their exact digits (through
serde_json's `RawValue`), never through `f64`: `12345678901234.5678` stays
`12345678901234.5678`, and a score checked by hand matches to the digit.
*/

use serde::Serialize;

pub use crate::decimal::Num;

use crate::diag::Diagnostic;
use crate::source::Sources;

/// A finding as JSON: `rule`, `severity`, `message`, `locations`, `roles`,
/// `items` (SPEC 2.2).
#[derive(Debug, Serialize)]
pub struct Finding<'a> {
    pub rule: &'static str,
    pub severity: &'static str,
    pub message: &'a str,
    pub locations: Vec<Loc<'a>>,
    pub roles: &'a [String],
    pub items: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct Loc<'a> {
    pub file: &'a str,
    pub line: u32,
    /// Left out for a row of a table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

impl<'a> Finding<'a> {
    pub fn new(d: &'a Diagnostic, sources: &'a Sources) -> Self {
        Finding {
            rule: d.code.id(),
            severity: d.severity.as_str(),
            message: &d.message,
            locations: d
                .spots
                .iter()
                .map(|s| Loc {
                    file: sources.name(s.loc.file),
                    line: s.loc.line,
                    column: (s.loc.column > 0).then_some(s.loc.column),
                })
                .collect(),
            roles: &d.roles,
            items: &d.items,
        }
    }
}

/// Pretty JSON of `value` followed by a newline.
pub fn pretty<T: Serialize>(value: &T, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    use rust_decimal::Decimal;

    /// Defect: JSON lost digits (`12345678901234.5678` became
    /// `12345678901234.568`) by passing decimals through `f64`.
    #[test]
    fn json_loses_digits() {
        let v: Decimal = "12345678901234.5678".parse().unwrap();
        assert_eq!(serde_json::to_string(&Num::of(v)).unwrap(), "12345678901234.5678");
        assert_eq!(serde_json::to_string(&Num::of("99.66666".parse().unwrap())).unwrap(), "99.6667");
        assert_eq!(serde_json::to_string(&Num::of("84.00".parse().unwrap())).unwrap(), "84");
        assert_eq!(serde_json::to_string(&Num::of("-0.00001".parse().unwrap())).unwrap(), "0");
    }
}
