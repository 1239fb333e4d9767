/*!
Cell values as analysts' exports spell them (SPEC 3.2).

`85`, `85.5%`, `85.5 %`, `1,234.5`, full-width digits and `％`, currency signs
(`¥ ￥ $ € 元`), `(1,234)` and `−12` as negatives, `1.2E+03`; with
`--decimal-comma`, `1.234,5`. Missing: empty, `—`, `N/A`, `#N/A`, `#DIV/0!`,
`無`, `暫無`, `不適用` (and Simplified spellings); a lone `-` is missing too but
flagged, since Excel's accounting format shows zero as `-`. Anything else is a
bad value — never a guess: `1,5` without `--decimal-comma` is refused, not
read as 15.

[`parse_counted`] also reads a number followed by a unit word — `3個`, `12次`,
`8分`, `3.5天`, `4小時` — and says which unit it was, for the caller to check
against what the column measures (a count KPI takes `3個`, not `4小時`).
*/

use std::str::FromStr;

use rust_decimal::Decimal;

/// The largest magnitude a value may have. No KPI in an operations
/// department measures beyond a thousand trillion; bounding values keeps every
/// sum and score far inside decimal range (about 7.9e28), so arithmetic can
/// never overflow. Larger cells are bad values.
pub const MAX_VALUE: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// A number, and whether it was written with a percent sign.
    Number {
        value: Decimal,
        percent: bool,
    },
    /// One of the missing-value spellings. `dash` is the lone `-`, which
    /// Excel's accounting format also uses for zero.
    Missing {
        dash: bool,
    },
    Bad,
}

const MISSING: &[&str] = &[
    "",
    "—",
    "–",
    "n/a",
    "#n/a",
    "na",
    "#div/0!",
    "#value!",
    "#ref!",
    "#num!",
    "#null!",
    "無",
    "无",
    "暫無",
    "暂无",
    "不適用",
    "不适用",
    "null",
];

/// What a unit word after a number says the number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitWord {
    /// 個, 次, 件, 項, 人, 起, 筆: things counted.
    Count,
    /// 分: points of a score.
    Points,
    /// 天, 日, 工作日: days.
    Days,
    /// 小時, 時: hours.
    Hours,
}

impl UnitWord {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitWord::Count => "count",
            UnitWord::Points => "score",
            UnitWord::Days => "days",
            UnitWord::Hours => "hours",
        }
    }
}

/// Unit words, longest first so `4個小時` is hours, not a count.
const UNIT_WORDS: &[(&str, UnitWord)] = &[
    ("個工作日", UnitWord::Days),
    ("个工作日", UnitWord::Days),
    ("個小時", UnitWord::Hours),
    ("个小时", UnitWord::Hours),
    ("工作日", UnitWord::Days),
    ("小時", UnitWord::Hours),
    ("小时", UnitWord::Hours),
    ("天", UnitWord::Days),
    ("日", UnitWord::Days),
    ("時", UnitWord::Hours),
    ("时", UnitWord::Hours),
    ("個", UnitWord::Count),
    ("个", UnitWord::Count),
    ("次", UnitWord::Count),
    ("件", UnitWord::Count),
    ("項", UnitWord::Count),
    ("项", UnitWord::Count),
    ("人", UnitWord::Count),
    ("起", UnitWord::Count),
    ("筆", UnitWord::Count),
    ("笔", UnitWord::Count),
    ("分", UnitWord::Points),
];

/// Parses a cell that may end in a unit word (`3個`, `4 小時`): the number
/// and the unit it names. A unit word with no number before it is bad.
pub fn parse_counted(raw: &str, decimal_comma: bool) -> (Cell, Option<UnitWord>) {
    let t = raw.trim();
    for (word, unit) in UNIT_WORDS {
        if let Some(rest) = t.strip_suffix(word) {
            let rest = rest.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
            return match parse(rest, decimal_comma) {
                cell @ Cell::Number { percent: false, .. } => (cell, Some(*unit)),
                _ => (Cell::Bad, None),
            };
        }
    }
    (parse(t, decimal_comma), None)
}

/// The common case, straight from bytes: `[-]digits[.digits]`, at most 18
/// digits. `None` means "not that simple": use [`parse`].
#[inline]
pub fn parse_plain(raw: &[u8]) -> Option<Decimal> {
    let (neg, digits) = match raw.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, raw),
    };
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut scale: Option<u32> = None;
    let mut count = 0;
    for (i, &b) in digits.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
            }
            b'.' if scale.is_none() && i > 0 && i + 1 < digits.len() => scale = Some((digits.len() - i - 1) as u32),
            _ => return None,
        }
    }
    if count > 18 {
        return None;
    }
    let scale = scale.unwrap_or(0);
    // Out of range (|v| > 10^15, i.e. mantissa > 10^(15 + scale)) is not
    // "plain": the full parser says it is bad. Compared as integers: a
    // decimal comparison costs more than the whole parse.
    const LIMIT: [u64; 4] = [10u64.pow(15), 10u64.pow(16), 10u64.pow(17), 10u64.pow(18)];
    if LIMIT.get(scale as usize).is_some_and(|&limit| mantissa > limit) {
        return None;
    }
    // From its parts (inlined), not `Decimal::new` (a call whose result
    // comes back through memory, on the path of every value of an export).
    Some(Decimal::from_parts(mantissa as u32, (mantissa >> 32) as u32, 0, neg && mantissa != 0, scale))
}

/// Parses one cell. `decimal_comma` reads `1.234,5` as 1234.5.
pub fn parse(raw: &str, decimal_comma: bool) -> Cell {
    // Fast path: plain ASCII numbers, the overwhelming majority of cells.
    let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !decimal_comma && !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') && t != "-" {
        return match Decimal::from_str(t) {
            Ok(value) if value.abs() <= MAX_VALUE => Cell::Number { value, percent: false },
            _ => Cell::Bad,
        };
    }
    slow(t, decimal_comma)
}

fn slow(t: &str, decimal_comma: bool) -> Cell {
    // Full-width forms (０-９ ％ ． ， － （ ）) to ASCII; the ideographic space to a space.
    let mut s: String = t
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' => ' ',
            '−' | '–' if t.chars().count() > 1 => '-',
            c => c,
        })
        .collect();
    s = s.trim().to_string();
    if s == "-" {
        return Cell::Missing { dash: true };
    }
    if MISSING.iter().any(|m| s.eq_ignore_ascii_case(m)) {
        return Cell::Missing { dash: false };
    }
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') && s.len() >= 2 {
        negative = true;
        s = s[1..s.len() - 1].trim().to_string();
    }
    let mut percent = false;
    if let Some(rest) = s.strip_suffix('%') {
        percent = true;
        s = rest.trim_end().to_string();
    }
    for sign in ["¥", "￥", "$", "€", "元", "RMB", "CNY"] {
        if let Some(rest) = s.strip_prefix(sign) {
            s = rest.trim_start().to_string();
        }
        if let Some(rest) = s.strip_suffix(sign) {
            s = rest.trim_end().to_string();
        }
    }
    if let Some(rest) = s.strip_prefix('-') {
        if negative {
            return Cell::Bad;
        }
        negative = true;
        s = rest.trim_start().to_string();
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.to_string();
    }
    // `(2.5%)`: the percent sign may sit inside the parentheses too.
    if !percent {
        if let Some(rest) = s.strip_suffix('%') {
            percent = true;
            s = rest.trim_end().to_string();
        }
    }
    let (group, point) = if decimal_comma { ('.', ',') } else { (',', '.') };
    let Some(plain) = ungroup(&s, group, point) else {
        return Cell::Bad;
    };
    let value = if plain.contains(['e', 'E']) { Decimal::from_scientific(&plain) } else { Decimal::from_str(&plain) };
    match value {
        Ok(v) if v.abs() <= MAX_VALUE => Cell::Number { value: if negative { -v } else { v }, percent },
        _ => Cell::Bad,
    }
}

/// Removes thousands separators, which must form groups of three digits, and
/// turns the decimal mark into `.`. `None` when the digits are malformed.
fn ungroup(s: &str, group: char, point: char) -> Option<String> {
    let (int, frac) = match s.split_once(point) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if int.is_empty() && frac.is_none() {
        return None;
    }
    let parts: Vec<&str> = int.split(group).collect();
    if parts.len() > 1 {
        let first_ok = (1..=3).contains(&parts[0].len());
        if !first_ok || parts[1..].iter().any(|p| p.len() != 3) {
            return None;
        }
    }
    let digits: String = parts.concat();
    let ok = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    match frac {
        Some(f) => {
            let (mantissa, exp) = split_exp(f);
            if !ok(&digits) || !ok(mantissa) || (digits.is_empty() && mantissa.is_empty()) {
                return None;
            }
            Some(format!("{}.{}{}", if digits.is_empty() { "0" } else { &digits }, mantissa, exp))
        }
        None => {
            let (mantissa, exp) = split_exp(&digits);
            if mantissa.is_empty() || !ok(mantissa) {
                return None;
            }
            Some(format!("{mantissa}{exp}"))
        }
    }
}

/// Splits `12E+03` into `12` and `E+03` (exponent checked for digits).
fn split_exp(s: &str) -> (&str, &str) {
    match s.find(['e', 'E']) {
        Some(i) => {
            let exp = &s[i + 1..];
            let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                (&s[..i], &s[i..])
            } else {
                (s, "")
            }
        }
        None => (s, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn num(s: &str) -> (Decimal, bool) {
        match parse(s, false) {
            Cell::Number { value, percent } => (value, percent),
            other => panic!("{s:?} → {other:?}"),
        }
    }

    #[test]
    fn every_number_spelling_of_the_spec() {
        assert_eq!(num("85"), (d("85"), false));
        assert_eq!(num("85.5%"), (d("85.5"), true));
        assert_eq!(num("85.5 %"), (d("85.5"), true));
        assert_eq!(num("1,234.5"), (d("1234.5"), false));
        assert_eq!(num("１２３．５"), (d("123.5"), false));
        assert_eq!(num("８５．５％"), (d("85.5"), true));
        assert_eq!(num("¥1,200"), (d("1200"), false));
        assert_eq!(num("￥ 1,200.50"), (d("1200.50"), false));
        assert_eq!(num("$3"), (d("3"), false));
        assert_eq!(num("€ 4.5"), (d("4.5"), false));
        assert_eq!(num("350000元"), (d("350000"), false));
        assert_eq!(num("(1,234)"), (d("-1234"), false));
        assert_eq!(num("−12"), (d("-12"), false));
        assert_eq!(num("-12.5"), (d("-12.5"), false));
        assert_eq!(num("(2.5%)"), (d("-2.5"), true));
        assert_eq!(num("1.2E+03"), (d("1200"), false));
        assert_eq!(num(" 7 "), (d("7"), false));
    }

    #[test]
    fn decimal_comma_only_when_asked() {
        assert_eq!(parse("1.234,5", true), Cell::Number { value: d("1234.5"), percent: false });
        assert_eq!(parse("12,5 %", true), Cell::Number { value: d("12.5"), percent: true });
        assert_eq!(parse("1.234,5", false), Cell::Bad);
        // Never guessed: `1,5` is not fifteen.
        assert_eq!(parse("1,5", false), Cell::Bad);
        assert_eq!(parse("1,23,456", false), Cell::Bad);
    }

    #[test]
    fn the_full_width_decimal_point() {
        assert_eq!(num("９２．５"), (d("92.5"), false));
    }

    #[test]
    fn missing_spellings() {
        for m in ["", "  ", "—", "N/A", "n/a", "#N/A", "#DIV/0!", "無", "暫無", "不適用", "无", "暂无", "不适用"]
        {
            assert_eq!(parse(m, false), Cell::Missing { dash: false }, "{m:?}");
        }
        assert_eq!(parse("-", false), Cell::Missing { dash: true });
        assert_eq!(parse(" - ", false), Cell::Missing { dash: true });
    }

    #[test]
    fn the_fast_path_agrees_with_the_full_parser() {
        for s in ["0", "12", "-12", "12.5", "-0.25", "100.00", "999999999999999", "0.000001"] {
            let fast = parse_plain(s.as_bytes()).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(parse(s, false), Cell::Number { value: fast, percent: false }, "{s}");
        }
        for s in [
            "",
            "-",
            ".5",
            "5.",
            "1.2.3",
            "12%",
            " 12",
            "1,234",
            "9999999999999999999",
            "999999999999999999",
            "--1",
            "1e3",
        ] {
            assert_eq!(parse_plain(s.as_bytes()), None, "{s:?}");
        }
    }

    #[test]
    fn the_fast_path_bounds_values_like_the_full_parser() {
        for s in ["1000000000000000", "1000000000000000.0", "-1000000000000000", "999999999999999.99"] {
            assert_eq!(parse_plain(s.as_bytes()), Some(d(s)), "{s}");
        }
        for s in ["1000000000000001", "1000000000000000.1", "-1000000000000000.01", "10000000000000000"] {
            assert_eq!(parse_plain(s.as_bytes()), None, "{s}");
            assert_eq!(parse(s, false), Cell::Bad, "{s}");
        }
    }

    #[test]
    fn values_beyond_a_thousand_trillion_are_bad() {
        assert_eq!(MAX_VALUE.to_string(), "1000000000000000");
        assert!(matches!(parse("999999999999999.9", false), Cell::Number { .. }));
        assert_eq!(parse("1000000000000000.1", false), Cell::Bad);
        assert_eq!(parse("79,228,162,514,264,337,593,543,950,335", false), Cell::Bad);
        assert_eq!(parse("-1E+20", false), Cell::Bad);
    }

    #[test]
    fn numbers_with_unit_words() {
        let counted = |s: &str| parse_counted(s, false);
        assert_eq!(counted("3個"), (Cell::Number { value: d("3"), percent: false }, Some(UnitWord::Count)));
        assert_eq!(counted("12次").1, Some(UnitWord::Count));
        assert_eq!(counted("8分"), (Cell::Number { value: d("8"), percent: false }, Some(UnitWord::Points)));
        assert_eq!(counted("3.5天"), (Cell::Number { value: d("3.5"), percent: false }, Some(UnitWord::Days)));
        assert_eq!(counted("4小時"), (Cell::Number { value: d("4"), percent: false }, Some(UnitWord::Hours)));
        assert_eq!(counted("4 小时").1, Some(UnitWord::Hours));
        assert_eq!(counted("4個小時").1, Some(UnitWord::Hours), "not a count of 小時");
        assert_eq!(counted("2個工作日").1, Some(UnitWord::Days));
        assert_eq!(counted("１２次"), (Cell::Number { value: d("12"), percent: false }, Some(UnitWord::Count)));
        // Plain cells are as `parse` reads them; a word alone is bad.
        assert_eq!(counted("85.5%"), (Cell::Number { value: d("85.5"), percent: true }, None));
        assert_eq!(counted("—"), (Cell::Missing { dash: false }, None));
        assert_eq!(counted("個"), (Cell::Bad, None));
        assert_eq!(counted("50%次"), (Cell::Bad, None));
        assert_eq!(counted("三個"), (Cell::Bad, None));
    }

    #[test]
    fn bad_values() {
        for b in ["abc", "12abc", "1..2", "--5", "(-5)", "%", "¥", "1,2345", "12-3", "1e"] {
            assert_eq!(parse(b, false), Cell::Bad, "{b:?}");
        }
    }
}
