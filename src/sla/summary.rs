/*!
The SLA summary (SPEC 6.2): how many conflicts in each state, the share
met (over resolved conflicts), the median and slowest working days to
resolve — for all conflicts, and per party involved.
*/

use rust_decimal::Decimal;

use super::state::State;
use super::Conflict;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub total: usize,
    pub met: usize,
    pub late: usize,
    pub open: usize,
    pub due_today: usize,
    pub overdue: usize,
    /// met / (met + late); `None` when nothing is resolved.
    pub met_share: Option<Decimal>,
    pub median_days: Option<Decimal>,
    pub max_days: Option<u32>,
}

impl Summary {
    pub fn of<'a>(conflicts: impl IntoIterator<Item = &'a Conflict>) -> Summary {
        let mut s = Summary::default();
        let mut days = Vec::new();
        for c in conflicts {
            s.total += 1;
            match c.state {
                State::Met => s.met += 1,
                State::Late => s.late += 1,
                State::Open => s.open += 1,
                State::DueToday => s.due_today += 1,
                State::Overdue => s.overdue += 1,
            }
            days.extend(c.days);
        }
        let resolved = s.met + s.late;
        if resolved > 0 {
            s.met_share = Some(Decimal::from(s.met) / Decimal::from(resolved));
        }
        s.median_days = median(&mut days);
        s.max_days = days.iter().max().copied();
        s
    }

    pub fn count(&self, state: State) -> usize {
        match state {
            State::Met => self.met,
            State::Late => self.late,
            State::Open => self.open,
            State::DueToday => self.due_today,
            State::Overdue => self.overdue,
        }
    }
}

/// The median; the mean of the two middle values for an even count.
fn median(v: &mut [u32]) -> Option<Decimal> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        Decimal::from(v[n / 2])
    } else {
        (Decimal::from(v[n / 2 - 1]) + Decimal::from(v[n / 2])) / Decimal::TWO
    })
}

/// The summary of the conflicts one party is involved in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartySummary {
    pub id: String,
    pub title: String,
    pub summary: Summary,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5, 1, 3]), Some(Decimal::from(3)));
        assert_eq!(median(&mut [4, 1, 3, 2]), Some("2.5".parse().unwrap()));
    }
}
