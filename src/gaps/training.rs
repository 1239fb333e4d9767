/*!
The training plan (SPEC 6.3): per competency, the people with a gap in
it, their total and mean gap, the largest total first — the report's BPMN
training for process modelling and data-analysis training for the
coordinators, sized by how far short people are.
*/

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// One competency to train.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    pub competency: usize,
    /// (person, gap), the largest gap first, then by name (person indexes
    /// are in name order).
    pub people: Vec<(usize, u8)>,
    pub total_gap: u64,
    pub mean_gap: Decimal,
}

/// The plan from every (person, competency, gap): largest total gap first,
/// then the larger mean, then by competency (index order is id order).
pub fn plan(gaps: impl IntoIterator<Item = (usize, usize, u8)>) -> Vec<Course> {
    let mut by: BTreeMap<usize, Vec<(usize, u8)>> = BTreeMap::new();
    for (person, competency, gap) in gaps {
        by.entry(competency).or_default().push((person, gap));
    }
    let mut plan: Vec<Course> = by
        .into_iter()
        .map(|(competency, mut people)| {
            people.sort_by_key(|&(p, g)| (std::cmp::Reverse(g), p));
            let total_gap: u64 = people.iter().map(|&(_, g)| u64::from(g)).sum();
            let mean_gap = Decimal::from(total_gap) / Decimal::from(people.len() as u64);
            Course { competency, people, total_gap, mean_gap }
        })
        .collect();
    plan.sort_by(|a, b| {
        b.total_gap.cmp(&a.total_gap).then(b.mean_gap.cmp(&a.mean_gap)).then(a.competency.cmp(&b.competency))
    });
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_total_first_with_exact_means() {
        // Competency 0: gaps 1 + 1 + 1 = 3 (mean 1); competency 1: 2 + 2 = 4
        // (mean 2); competency 2: 3 (mean 3) — ties competency 0 on total,
        // wins on mean.
        let plan = plan([(0, 0, 1), (1, 0, 1), (2, 0, 1), (0, 1, 2), (3, 1, 2), (4, 2, 3)]);
        let order: Vec<(usize, u64, Decimal)> = plan.iter().map(|c| (c.competency, c.total_gap, c.mean_gap)).collect();
        assert_eq!(order, vec![(1, 4, Decimal::from(2)), (2, 3, Decimal::from(3)), (0, 3, Decimal::ONE)]);
    }

    #[test]
    fn people_largest_gap_first_then_by_name() {
        let plan = plan([(5, 0, 1), (2, 0, 3), (1, 0, 1)]);
        assert_eq!(plan[0].people, vec![(2, 3), (1, 1), (5, 1)]);
        // 5 / 3 is kept exact; JSON rounds it to 4 places.
        assert_eq!(plan[0].mean_gap.round_dp(4), "1.6667".parse::<Decimal>().unwrap());
    }
}
