/*!
Decimal numbers as users write them.

Scores, weights and anchors are decimal, not binary floating point, so that
what an analyst checks by hand or in Excel matches to the last shown digit
(SPEC 3.3). YAML hands numbers over as `f64`; [`from_f64`] turns them back into
the decimal the user typed; [`Num`] writes one into JSON with its exact digits. Every value the tool computes with stays within
[`MAX_VALUE`], so no sum or product can overflow.
*/

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

/// The largest magnitude a value may have (10^15). No KPI in an operations
/// department measures beyond a thousand trillion; bounding values keeps every
/// sum and score far inside decimal range (about 7.9e28). Larger cells and
/// anchors are refused, never wrapped or rounded.
pub const MAX_VALUE: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// The decimal a YAML number was written as. Rust prints an `f64` as the
/// shortest text that reads back to it, which for what people type (9.5, 0.8,
/// 500000) is exactly what they typed: 0.8 becomes 0.8, not
/// 0.8000000000000000444…. `None` for NaN, infinities and values beyond
/// [`MAX_VALUE`].
pub fn from_f64(v: f64) -> Option<Decimal> {
    if !v.is_finite() {
        return None;
    }
    let text = format!("{v}");
    let d = text.parse::<Decimal>().ok().or_else(|| Decimal::from_scientific(&format!("{v:e}")).ok())?;
    (d.abs() <= MAX_VALUE).then_some(d)
}

/// Rounds half away from zero to `dp` decimals: 60.75 → 60.8.
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// A decimal written as an exact JSON number, rounded to `dp` places
/// (half away from zero), trailing zeros dropped.
#[derive(Debug, Clone, Copy)]
pub struct Num {
    pub value: Decimal,
    pub dp: u32,
}

impl Num {
    /// Scores, values and weights: at most 4 decimals (SPEC 3.4).
    pub fn of(value: Decimal) -> Self {
        Num { value, dp: 4 }
    }

    pub fn opt(value: Option<Decimal>) -> Option<Self> {
        value.map(Num::of)
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = round(self.value, self.dp);
        let text = if r.is_zero() { "0".to_string() } else { r.normalize().to_string() };
        match serde_json::value::RawValue::from_string(text) {
            Ok(raw) => raw.serialize(s),
            Err(e) => Err(serde::ser::Error::custom(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_numbers_become_the_decimals_people_typed() {
        assert_eq!(from_f64(0.8).unwrap().to_string(), "0.8");
        assert_eq!(from_f64(9.5).unwrap().to_string(), "9.5");
        assert_eq!(from_f64(500000.0).unwrap().to_string(), "500000");
        assert_eq!(from_f64(1e-14).unwrap().to_string(), "0.00000000000001");
    }

    #[test]
    fn unusable_numbers_are_refused_not_defaulted() {
        assert_eq!(from_f64(f64::NAN), None);
        assert_eq!(from_f64(f64::INFINITY), None);
        assert_eq!(from_f64(1e40), None);
        assert_eq!(from_f64(-1e16), None);
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round("60.75".parse().unwrap(), 1).to_string(), "60.8");
        assert_eq!(round("-60.75".parse().unwrap(), 1).to_string(), "-60.8");
    }
}
