/*!
Risk levels (SPEC 6.1): likelihood × impact (1–25) graded by the lower
bounds of `risk.levels` — by default 1–4 低 low, 5–9 一般 medium, 10–16 較大
high, 20–25 重大 critical — the mainland's four-colour scale (blue, yellow,
orange, red).
*/

use serde::Serialize;

use crate::config::RiskLevels;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Low,
    Medium,
    High,
    Critical,
}

crate::display_by_serde_name!(Level);

impl Level {
    /// Worst first.
    pub const ALL_DESC: [Level; 4] = [Level::Critical, Level::High, Level::Medium, Level::Low];

    /// The level of a likelihood × impact score.
    pub fn of(score: u8, levels: &RiskLevels) -> Level {
        let s = u32::from(score);
        if s >= levels.critical {
            Level::Critical
        } else if s >= levels.high {
            Level::High
        } else if s >= levels.medium {
            Level::Medium
        } else {
            Level::Low
        }
    }

    /// One letter, for the heat map without colour: L, M, H, C.
    pub fn letter(self) -> char {
        match self {
            Level::Low => 'L',
            Level::Medium => 'M',
            Level::High => 'H',
            Level::Critical => 'C',
        }
    }

    /// The mainland's names for the four grades.
    pub fn zh(self) -> &'static str {
        match self {
            Level::Low => "低",
            Level::Medium => "一般",
            Level::High => "較大",
            Level::Critical => "重大",
        }
    }

    /// Whether a `--fail-on high` gate counts it (high or worse).
    pub fn at_least(self, other: Level) -> bool {
        self >= other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_bounds() {
        let l = RiskLevels::default();
        let got: Vec<(u8, Level)> = [1, 4, 5, 9, 10, 16, 20, 25].iter().map(|&s| (s, Level::of(s, &l))).collect();
        use Level::*;
        assert_eq!(
            got,
            [(1, Low), (4, Low), (5, Medium), (9, Medium), (10, High), (16, High), (20, Critical), (25, Critical)]
        );
    }

    #[test]
    fn configured_bounds() {
        let l = RiskLevels { low: 1, medium: 3, high: 8, critical: 15 };
        assert_eq!(Level::of(2, &l), Level::Low);
        assert_eq!(Level::of(3, &l), Level::Medium);
        assert_eq!(Level::of(15, &l), Level::Critical);
    }
}
