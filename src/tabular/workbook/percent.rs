/*!
Which cells are formatted as percentages — the one number format that
changes what a value means to a KPI. A cell holding 0.15 and shown as
`15.0%` is 15 to a percent KPI; read as 0.15 it would score as 0.15 %, a
wrong number with exit 0.

calamine gives the number format of each `.xlsx` cell (its styles), but not
of `.xls` or `.ods` cells; those are read from the file here ([`super::xls`],
[`super::ods`]). A format code is a percentage when the section that applies
to the value's sign has a `%` outside quotes, escapes and brackets.
*/

use std::collections::{HashMap, HashSet};

use calamine::{Data, StyleRange};

/// The percentage-formatted cells of one sheet, by absolute (row, column).
pub enum Cells {
    /// `.xlsx`: every cell's style.
    Styles(StyleRange),
    /// `.xls`: the format codes with a `%` anywhere, and the cells using them.
    Codes { codes: Vec<String>, at: HashMap<(u32, u32), u32> },
    /// `.ods`: cells whose value type is `percentage`.
    Set(HashSet<(u32, u32)>),
}

impl Cells {
    pub fn from_styles(styles: &StyleRange) -> Cells {
        Cells::Styles(styles.clone())
    }

    /// Whether the cell at `pos`, holding `value`, shows it as a percentage.
    pub fn is_percent(&self, pos: (u32, u32), value: &Data) -> bool {
        let sign = match value {
            Data::Float(f) => f.partial_cmp(&0.0),
            Data::Int(i) => Some(i.cmp(&0)),
            _ => return false,
        };
        let Some(sign) = sign else { return false };
        match self {
            Cells::Styles(styles) => styles
                .get(pos)
                .and_then(|s| s.number_format.as_ref())
                .is_some_and(|f| is_percent_code(&f.format_code, sign)),
            Cells::Codes { codes, at } => {
                at.get(&pos).and_then(|i| codes.get(*i as usize)).is_some_and(|c| is_percent_code(c, sign))
            }
            Cells::Set(set) => set.contains(&pos),
        }
    }
}

/// Whether format `code` shows a value of this sign as a percentage. A code
/// has up to four `;`-separated sections: positive, negative, zero, text.
pub fn is_percent_code(code: &str, sign: std::cmp::Ordering) -> bool {
    let sections = split_sections(code);
    let section = match (sign, sections.len()) {
        (std::cmp::Ordering::Less, n) if n >= 2 => sections[1],
        (std::cmp::Ordering::Equal, n) if n >= 3 => sections[2],
        _ => sections[0],
    };
    has_percent(section)
}

/// Whether a code has a `%` anywhere outside quotes (a cheap first filter).
pub fn mentions_percent(code: &str) -> bool {
    split_sections(code).into_iter().any(has_percent)
}

fn split_sections(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut quoted, mut escaped, mut bracket) = (0, false, false, false);
    for (i, ch) in code.char_indices() {
        match ch {
            _ if escaped => escaped = false,
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            ';' if !quoted && !bracket => {
                out.push(&code[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&code[start..]);
    out
}

fn has_percent(section: &str) -> bool {
    let (mut quoted, mut escaped, mut bracket) = (false, false, false);
    for ch in section.chars() {
        match ch {
            _ if escaped => escaped = false,
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            '%' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering::{Equal, Greater, Less};

    #[test]
    fn percent_format_codes() {
        for code in ["0%", "0.00%", "0.0%", "#,##0.0%", "0.0%;-0.0%", "[Red]0.0%", "0.0 %"] {
            assert!(is_percent_code(code, Greater), "{code}");
        }
        for code in ["General", "0.00", "#,##0", "yyyy-mm-dd", "0.0\"%\"", "0.0\\%", "@", "[$%-409]0.00"] {
            assert!(!is_percent_code(code, Greater), "{code}");
        }
    }

    #[test]
    fn the_section_for_the_sign_decides() {
        assert!(is_percent_code("0%;(0%)", Less));
        assert!(!is_percent_code("0%;0.00", Less));
        assert!(is_percent_code("0.00;0.00;0%", Equal));
        assert!(is_percent_code("0%", Less), "one section serves every sign");
        assert!(mentions_percent("0.00;0%"));
        assert!(!mentions_percent("0.00\"%\""));
    }
}
