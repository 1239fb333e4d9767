/*!
Section 9, cross-department conflicts: the share resolved within
`sla.conflict_days` working days, the median and slowest days, the open
items past due, the summary per department, and how many conflicts took how
many working days (the chart's data) — as the `sla` command counts them.
*/

use std::collections::BTreeMap;

use serde::Serialize;

use crate::decimal::Num;
use crate::sla::state::State;
use crate::sla::Log;

#[derive(Debug, Serialize)]
pub struct PartyRow {
    pub id: String,
    pub title: String,
    pub total: usize,
    pub met: usize,
    pub late: usize,
    pub open: usize,
    pub overdue: usize,
    pub met_share: Option<Num>,
}

#[derive(Debug, Serialize)]
pub struct OpenItem {
    pub id: String,
    pub title: String,
    pub parties: Vec<String>,
    pub raised: String,
    pub due: String,
    pub state: State,
}

#[derive(Debug, Serialize)]
pub struct Conflicts {
    pub inputs: Vec<String>,
    pub conflict_days: u32,
    pub total: usize,
    pub met: usize,
    pub late: usize,
    pub open: usize,
    pub overdue: usize,
    /// Over resolved conflicts, 0..1.
    pub met_share: Option<Num>,
    pub median_days: Option<Num>,
    pub max_days: Option<u32>,
    /// Open conflicts past their due date or due today.
    pub past_due: Vec<OpenItem>,
    pub parties: Vec<PartyRow>,
    /// Working days to resolve → conflicts.
    pub days: Vec<(u32, usize)>,
    pub years_without_data: Vec<i32>,
}

pub(super) fn conflicts(log: &Log, inputs: Vec<String>) -> Conflicts {
    let s = &log.summary;
    let mut days: BTreeMap<u32, usize> = BTreeMap::new();
    for c in &log.conflicts {
        if let (Some(d), Some(_)) = (c.days, c.resolved) {
            *days.entry(d).or_default() += 1;
        }
    }
    let past_due = log
        .conflicts
        .iter()
        .filter(|c| matches!(c.state, State::Overdue | State::DueToday))
        .map(|c| OpenItem {
            id: c.id.clone(),
            title: c.title.clone(),
            parties: c.party_titles.clone(),
            raised: c.raised.to_string(),
            due: c.due.to_string(),
            state: c.state,
        })
        .collect();
    Conflicts {
        inputs,
        conflict_days: log.conflict_days,
        total: s.total,
        met: s.met,
        late: s.late,
        open: s.open,
        overdue: s.overdue,
        met_share: s.met_share.map(|v| Num { value: v, dp: 4 }),
        median_days: s.median_days.map(Num::of),
        max_days: s.max_days,
        past_due,
        parties: log
            .parties
            .iter()
            .map(|p| PartyRow {
                id: p.id.clone(),
                title: p.title.clone(),
                total: p.summary.total,
                met: p.summary.met,
                late: p.summary.late,
                open: p.summary.open,
                overdue: p.summary.overdue,
                met_share: p.summary.met_share.map(Num::of),
            })
            .collect(),
        days: days.into_iter().collect(),
        years_without_data: log.years_without_data.clone(),
    }
}
