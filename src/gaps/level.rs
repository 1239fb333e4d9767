/*!
An assessed level as people write it: a whole number from 1 to 5 (SPEC
6.3), also `４` (full width), `4.0`, `4級`, `L4` or `Lv 4`. Anything else —
`0`, `6`, `2.5`, `高`, an empty cell — is a bad level, never rounded or
guessed.
*/

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

use crate::tabular::number::{self, Cell};

/// The level in `cell`, or why it is none.
pub fn parse(cell: &str) -> Result<u8, String> {
    // The common case, `1` to `5`, without normalising anything.
    if let [d @ b'1'..=b'5'] = cell.as_bytes() {
        return Ok(d - b'0');
    }
    let text: String = cell.nfkc().collect();
    let t = text.trim();
    if t.is_empty() {
        return Err("empty; a level from 1 to 5 is needed".to_string());
    }
    let lower = t.to_lowercase();
    let bare = lower.strip_suffix('級').or_else(|| lower.strip_suffix('级')).unwrap_or(&lower);
    let bare = ["level", "lv.", "lv", "l"].iter().find_map(|p| bare.strip_prefix(p)).unwrap_or(bare).trim();
    match number::parse(bare, false) {
        Cell::Number { value, percent: false } if value.fract().is_zero() => {
            if value >= Decimal::ONE && value <= Decimal::from(5) {
                value.to_u8().ok_or_else(|| format!("`{t}` is outside 1 to 5"))
            } else {
                Err(format!("`{t}` is outside 1 to 5"))
            }
        }
        Cell::Number { percent: false, .. } => Err(format!("`{t}` is not a whole level (1 to 5)")),
        _ => Err(format!("`{t}` is not a level (a whole number from 1 to 5)")),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn levels_as_people_write_them() {
        for (cell, level) in [
            ("1", 1),
            ("5", 5),
            (" 3 ", 3),
            ("４", 4),
            ("4.0", 4),
            ("4級", 4),
            ("3级", 3),
            ("L4", 4),
            ("Lv 2", 2),
            ("level 5", 5),
        ] {
            assert_eq!(parse(cell), Ok(level), "{cell}");
        }
    }

    #[test]
    fn bad_levels_say_why() {
        assert_eq!(parse("0"), Err("`0` is outside 1 to 5".to_string()));
        assert_eq!(parse("6"), Err("`6` is outside 1 to 5".to_string()));
        assert_eq!(parse("-1"), Err("`-1` is outside 1 to 5".to_string()));
        assert_eq!(parse("2.5"), Err("`2.5` is not a whole level (1 to 5)".to_string()));
        assert_eq!(parse(""), Err("empty; a level from 1 to 5 is needed".to_string()));
        assert_eq!(parse("  "), Err("empty; a level from 1 to 5 is needed".to_string()));
        for junk in ["高", "80%", "N/A", "4-5", "99999999999999999999999"] {
            assert!(parse(junk).is_err(), "{junk}");
        }
    }
}
