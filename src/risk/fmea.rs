/*!
FMEA (SPEC 6.1): RPN = severity × occurrence × detection, and the action
priority of the AIAG-VDA FMEA Handbook (1st edition, 2019), shipped here as
data in the config's own [`ApRule`] form so `risk.action_priority` can
replace it rule for rule. Shops that still rank by RPN set `risk.fmea: rpn`:
then a risk needs action (H) when its RPN reaches `risk.rpn_threshold`, and
is L otherwise.

The table is the handbook's, S 9–10 / 7–8 / 4–6 / 2–3 / 1 by O 8–10 / 6–7 /
4–5 / 2–3 / 1 by D 7–10 / 5–6 / 2–4 / 1; a test checks that it gives
exactly one priority to each of the 1,000 ratings and never a lower one
for a worse rating.
*/

use crate::config::{ApRule, Fmea, Priority, RiskConfig};

/// Severity, occurrence and detection, each 1–10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratings {
    pub severity: u8,
    pub occurrence: u8,
    pub detection: u8,
}

impl Ratings {
    pub fn rpn(self) -> u16 {
        u16::from(self.severity) * u16::from(self.occurrence) * u16::from(self.detection)
    }
}

const fn rule(severity: (u8, u8), occurrence: (u8, u8), detection: (u8, u8), priority: Priority) -> ApRule {
    ApRule { severity, occurrence, detection, priority }
}

use Priority::{H, L, M};

const S10: (u8, u8) = (9, 10);
const S8: (u8, u8) = (7, 8);
const S6: (u8, u8) = (4, 6);
const S3: (u8, u8) = (2, 3);
const S1: (u8, u8) = (1, 1);
const O10: (u8, u8) = (8, 10);
const O7: (u8, u8) = (6, 7);
const O5: (u8, u8) = (4, 5);
const O3: (u8, u8) = (2, 3);
const O1: (u8, u8) = (1, 1);
const D10: (u8, u8) = (7, 10);
const D6: (u8, u8) = (5, 6);
const D4: (u8, u8) = (2, 4);
const D1: (u8, u8) = (1, 1);

/// AIAG-VDA FMEA Handbook (2019), action priority for DFMEA and PFMEA.
#[rustfmt::skip]
pub const AIAG_VDA_2019: &[ApRule] = &[
    // Severity 9–10
    rule(S10, O10, D10, H), rule(S10, O10, D6, H), rule(S10, O10, D4, H), rule(S10, O10, D1, H),
    rule(S10, O7,  D10, H), rule(S10, O7,  D6, H), rule(S10, O7,  D4, H), rule(S10, O7,  D1, H),
    rule(S10, O5,  D10, H), rule(S10, O5,  D6, H), rule(S10, O5,  D4, H), rule(S10, O5,  D1, M),
    rule(S10, O3,  D10, H), rule(S10, O3,  D6, M), rule(S10, O3,  D4, L), rule(S10, O3,  D1, L),
    rule(S10, O1,  D10, L), rule(S10, O1,  D6, L), rule(S10, O1,  D4, L), rule(S10, O1,  D1, L),
    // Severity 7–8
    rule(S8,  O10, D10, H), rule(S8,  O10, D6, H), rule(S8,  O10, D4, H), rule(S8,  O10, D1, H),
    rule(S8,  O7,  D10, H), rule(S8,  O7,  D6, H), rule(S8,  O7,  D4, H), rule(S8,  O7,  D1, M),
    rule(S8,  O5,  D10, H), rule(S8,  O5,  D6, M), rule(S8,  O5,  D4, M), rule(S8,  O5,  D1, M),
    rule(S8,  O3,  D10, M), rule(S8,  O3,  D6, M), rule(S8,  O3,  D4, L), rule(S8,  O3,  D1, L),
    rule(S8,  O1,  D10, L), rule(S8,  O1,  D6, L), rule(S8,  O1,  D4, L), rule(S8,  O1,  D1, L),
    // Severity 4–6
    rule(S6,  O10, D10, H), rule(S6,  O10, D6, H), rule(S6,  O10, D4, M), rule(S6,  O10, D1, M),
    rule(S6,  O7,  D10, M), rule(S6,  O7,  D6, M), rule(S6,  O7,  D4, M), rule(S6,  O7,  D1, L),
    rule(S6,  O5,  D10, M), rule(S6,  O5,  D6, L), rule(S6,  O5,  D4, L), rule(S6,  O5,  D1, L),
    rule(S6,  O3,  D10, L), rule(S6,  O3,  D6, L), rule(S6,  O3,  D4, L), rule(S6,  O3,  D1, L),
    rule(S6,  O1,  D10, L), rule(S6,  O1,  D6, L), rule(S6,  O1,  D4, L), rule(S6,  O1,  D1, L),
    // Severity 2–3
    rule(S3,  O10, D10, M), rule(S3,  O10, D6, M), rule(S3,  O10, D4, L), rule(S3,  O10, D1, L),
    rule(S3,  O7,  D10, L), rule(S3,  O7,  D6, L), rule(S3,  O7,  D4, L), rule(S3,  O7,  D1, L),
    rule(S3,  O5,  D10, L), rule(S3,  O5,  D6, L), rule(S3,  O5,  D4, L), rule(S3,  O5,  D1, L),
    rule(S3,  O3,  D10, L), rule(S3,  O3,  D6, L), rule(S3,  O3,  D4, L), rule(S3,  O3,  D1, L),
    rule(S3,  O1,  D10, L), rule(S3,  O1,  D6, L), rule(S3,  O1,  D4, L), rule(S3,  O1,  D1, L),
    // Severity 1
    rule(S1, (1, 10), (1, 10), L),
];

/// The action priority of `r`: by the configured table (first matching rule)
/// or the shipped one, or by RPN against the threshold.
pub fn priority(r: Ratings, config: &RiskConfig) -> Priority {
    match config.fmea {
        Fmea::Rpn => {
            if u32::from(r.rpn()) >= config.rpn_threshold {
                H
            } else {
                L
            }
        }
        Fmea::Ap => {
            let table = config.action_priority.as_deref().unwrap_or(AIAG_VDA_2019);
            // A configured table is validated to cover every rating; should a
            // rule ever be missing, the worst priority is the safe answer.
            table
                .iter()
                .find(|rule| rule.matches(r.severity, r.occurrence, r.detection))
                .map_or(H, |rule| rule.priority)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ap(s: u8, o: u8, d: u8) -> Priority {
        priority(Ratings { severity: s, occurrence: o, detection: d }, &RiskConfig::default())
    }

    #[test]
    fn every_rating_has_exactly_one_rule() {
        for s in 1..=10 {
            for o in 1..=10 {
                for d in 1..=10 {
                    let n = AIAG_VDA_2019.iter().filter(|r| r.matches(s, o, d)).count();
                    assert_eq!(n, 1, "S{s} O{o} D{d}");
                }
            }
        }
    }

    /// A worse severity, occurrence or detection never lowers the priority
    /// (H < M < L in `Priority`'s order, so "not lower" is `<=`).
    #[test]
    fn worse_ratings_never_lower_the_priority() {
        for s in 1..=10u8 {
            for o in 1..=10u8 {
                for d in 1..=10u8 {
                    let p = ap(s, o, d);
                    if s < 10 {
                        assert!(ap(s + 1, o, d) <= p, "S{s}→{} O{o} D{d}", s + 1);
                    }
                    if o < 10 {
                        assert!(ap(s, o + 1, d) <= p, "S{s} O{o}→{} D{d}", o + 1);
                    }
                    if d < 10 {
                        assert!(ap(s, o, d + 1) <= p, "S{s} O{o} D{d}→{}", d + 1);
                    }
                }
            }
        }
    }

    /// Cells read off the handbook's table by hand, including the ones where
    /// RPN and AP disagree most.
    #[test]
    fn handbook_cells() {
        assert_eq!(ap(10, 1, 10), L, "S10 but O1: L whatever the detection");
        assert_eq!(ap(9, 4, 1), M);
        assert_eq!(ap(9, 4, 2), H);
        assert_eq!(ap(9, 2, 7), H, "RPN 126");
        assert_eq!(ap(9, 3, 4), L, "RPN 108, yet L");
        assert_eq!(ap(8, 7, 1), M);
        assert_eq!(ap(7, 4, 7), H);
        assert_eq!(ap(6, 8, 5), H);
        assert_eq!(ap(5, 5, 10), M, "RPN 250, only M");
        assert_eq!(ap(3, 9, 9), M);
        assert_eq!(ap(3, 7, 10), L);
        assert_eq!(ap(1, 10, 10), L, "RPN 100, L");
    }

    #[test]
    fn rpn_mode_uses_the_threshold() {
        let c = RiskConfig { fmea: Fmea::Rpn, rpn_threshold: 120, ..RiskConfig::default() };
        let r = |s, o, d| priority(Ratings { severity: s, occurrence: o, detection: d }, &c);
        assert_eq!(r(5, 4, 6), H, "RPN 120 reaches the threshold");
        assert_eq!(r(9, 3, 4), L, "RPN 108");
        assert_eq!(Ratings { severity: 10, occurrence: 10, detection: 10 }.rpn(), 1000);
    }

    #[test]
    fn a_configured_table_replaces_the_shipped_one() {
        let c = RiskConfig {
            action_priority: Some(vec![rule((9, 10), (1, 10), (1, 10), H), rule((1, 8), (1, 10), (1, 10), L)]),
            ..RiskConfig::default()
        };
        let r = |s| priority(Ratings { severity: s, occurrence: 1, detection: 1 }, &c);
        assert_eq!((r(9), r(8)), (H, L));
    }
}
