/*!
Gaps (SPEC 6.3): for each person, each competency their role requires,
compared with their assessed level. Gap = required − assessed when that is
positive; a required competency with no assessment is *unassessed* —
listed, not a gap, since nobody knows whether it is one.
*/

use super::catalogue::Catalogue;
use super::record::Assessments;

/// One required competency of one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub competency: usize,
    pub required: u8,
    /// `None`: unassessed.
    pub assessed: Option<u8>,
}

impl Line {
    /// Required − assessed when > 0.
    pub fn gap(&self) -> Option<u8> {
        self.assessed.and_then(|a| self.required.checked_sub(a)).filter(|g| *g > 0)
    }
}

/// Per person (in the order of `assessments.people`), every competency
/// their role requires, in the role file's order.
pub fn lines(assessments: &Assessments, catalogue: &Catalogue) -> Vec<Vec<Line>> {
    assessments
        .people
        .iter()
        .enumerate()
        .map(|(p, person)| {
            catalogue.required[person.role]
                .iter()
                .map(|&(competency, required)| Line {
                    competency,
                    required,
                    assessed: assessments.level(p, competency),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_is_a_shortfall_only() {
        let line = |assessed| Line { competency: 0, required: 4, assessed };
        assert_eq!(line(Some(2)).gap(), Some(2));
        assert_eq!(line(Some(4)).gap(), None);
        assert_eq!(line(Some(5)).gap(), None);
        assert_eq!(line(None).gap(), None);
    }
}
