/*!
Where a conflict stands against its deadline (SPEC 6.2). Resolved: `met`
when resolved on or before the due date, else `late` — a conflict resolved
on the rest day after its due date is late, although its working days may
equal N. Open: `open` before the due date, `due-today` on it, `overdue`
after it.
*/

use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Met,
    Late,
    Open,
    DueToday,
    Overdue,
}

crate::display_by_serde_name!(State);

impl State {
    pub const ALL: [State; 5] = [State::Met, State::Late, State::Open, State::DueToday, State::Overdue];

    pub fn of(due: NaiveDate, resolved: Option<NaiveDate>, today: NaiveDate) -> State {
        match resolved {
            Some(r) if r <= due => State::Met,
            Some(_) => State::Late,
            None if today < due => State::Open,
            None if today == due => State::DueToday,
            None => State::Overdue,
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            State::Met => "按時解決",
            State::Late => "逾期解決",
            State::Open => "處理中",
            State::DueToday => "今日到期",
            State::Overdue => "已逾期",
        }
    }

    pub fn is_resolved(self) -> bool {
        matches!(self, State::Met | State::Late)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::tabular::date::parse_iso(s).unwrap()
    }

    #[test]
    fn states() {
        let due = d("2025-10-11");
        assert_eq!(State::of(due, Some(d("2025-10-11")), d("2025-12-01")), State::Met);
        // Resolved on Sunday 10-12, the rest day after Saturday's due date:
        // still 3 working days, but late.
        assert_eq!(State::of(due, Some(d("2025-10-12")), d("2025-12-01")), State::Late);
        assert_eq!(State::of(due, None, d("2025-10-10")), State::Open);
        assert_eq!(State::of(due, None, d("2025-10-11")), State::DueToday);
        assert_eq!(State::of(due, None, d("2025-10-12")), State::Overdue);
        assert_eq!(State::DueToday.to_string(), "due-today");
    }
}
