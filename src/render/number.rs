/*!
Decimals as text, fast: rounded half away from zero to a number of places,
either fixed (`98.5`, `100.0`) or with trailing zeros dropped (`82`,
`99.6667`), optionally with thousands separators (`1,234,567`).

Renderers write hundreds of thousands of numbers for a company's export;
`Decimal`'s `Display` after a `round_dp` costs several times this, which
reaches the digits through one 64-bit division per digit.
*/

use rust_decimal::{Decimal, RoundingStrategy};

/// How to write a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Decimal places to round to.
    pub dp: u32,
    /// Drop trailing zeros (and a bare point).
    pub trim: bool,
    /// Thousands separators in the integer part.
    pub group: bool,
}

impl Style {
    /// Exactly `dp` places: `98.5`, `100.0`.
    pub const fn fixed(dp: u32) -> Style {
        Style { dp, trim: false, group: false }
    }

    /// At most `dp` places: `82`, `99.6667`.
    pub const fn trimmed(dp: u32) -> Style {
        Style { dp, trim: true, group: false }
    }

    pub const fn grouped(self) -> Style {
        Style { group: true, ..self }
    }
}

/// Appends `d` written in `style` to `out`.
pub fn write(out: &mut String, d: Decimal, style: Style) {
    let r = if d.scale() > style.dp {
        d.round_dp_with_strategy(style.dp, RoundingStrategy::MidpointAwayFromZero)
    } else {
        d
    };
    let scale = r.scale() as usize;
    let m = r.mantissa();
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    let abs = m.unsigned_abs();
    if let Ok(mut small) = u64::try_from(abs) {
        loop {
            i -= 1;
            buf[i] = b'0' + (small % 10) as u8;
            small /= 10;
            if small == 0 {
                break;
            }
        }
    } else {
        let mut big = abs;
        loop {
            i -= 1;
            buf[i] = b'0' + (big % 10) as u8;
            big /= 10;
            if big == 0 {
                break;
            }
        }
    }
    // At least one integer digit: `0.05` has digits `5` and scale 2.
    while buf.len() - i < scale + 1 {
        i -= 1;
        buf[i] = b'0';
    }
    let digits = &buf[i..];
    let (int, frac) = digits.split_at(digits.len() - scale);
    let mut frac_len = frac.len();
    if style.trim {
        while frac_len > 0 && frac[frac_len - 1] == b'0' {
            frac_len -= 1;
        }
    }
    let zero = abs == 0 || (int.iter().all(|&b| b == b'0') && frac[..frac_len].iter().all(|&b| b == b'0'));
    if m < 0 && !zero {
        out.push('-');
    }
    for (k, &b) in int.iter().enumerate() {
        if style.group && k > 0 && (int.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(b as char);
    }
    let pad = if style.trim { 0 } else { style.dp as usize - frac_len.min(style.dp as usize) };
    if frac_len + pad > 0 {
        out.push('.');
        for &b in &frac[..frac_len] {
            out.push(b as char);
        }
        for _ in 0..pad {
            out.push('0');
        }
    }
}

/// `d` written in `style`.
pub fn format(d: Decimal, style: Style) -> String {
    let mut s = String::with_capacity(16);
    write(&mut s, d, style);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn fixed_places_round_half_away_from_zero() {
        assert_eq!(format(d("60.75"), Style::fixed(1)), "60.8");
        assert_eq!(format(d("-60.75"), Style::fixed(1)), "-60.8");
        assert_eq!(format(d("100"), Style::fixed(1)), "100.0");
        assert_eq!(format(d("0.05"), Style::fixed(1)), "0.1");
        assert_eq!(format(d("0.04"), Style::fixed(1)), "0.0");
        assert_eq!(format(d("-0.04"), Style::fixed(1)), "0.0", "no negative zero");
        assert_eq!(format(d("7"), Style::fixed(0)), "7");
    }

    #[test]
    fn trimmed_places_match_round_then_normalize() {
        for s in ["82", "82.000", "99.666666", "-0.00001", "12345678901234.5678", "0.5", "1E-28", "-7.25"] {
            let v = d(s);
            let want = crate::decimal::round(v, 4).normalize();
            let want = if want.is_zero() { "0".to_string() } else { want.to_string() };
            assert_eq!(format(v, Style::trimmed(4)), want, "{s}");
        }
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(format(d("1234567"), Style::fixed(0).grouped()), "1,234,567");
        assert_eq!(format(d("-1234.5"), Style::fixed(2).grouped()), "-1,234.50");
        assert_eq!(format(d("999"), Style::fixed(0).grouped()), "999");
        assert_eq!(format(d("1000"), Style::trimmed(2).grouped()), "1,000");
    }

    #[test]
    fn agrees_with_decimal_display_on_many_values() {
        for m in (-20_000i64..20_000).step_by(7) {
            for scale in 0..6 {
                let v = Decimal::new(m * 7919, scale);
                let mut want = crate::decimal::round(v, 2);
                want.rescale(2);
                let want = if want.is_zero() { "0.00".to_string() } else { want.to_string() };
                assert_eq!(format(v, Style::fixed(2)), want, "{v}");
            }
        }
    }
}
