/*!
Cross-department conflicts against "resolved within N working days" (SPEC
6.2, the report's 沖突提交 → 運營部門協調 → 管理層裁決).

- [`record`]: the columns and the reading of one row;
- [`state`]: met, late, open, due-today, overdue;
- [`summary`]: counts, share met, median and slowest days, per party.

Working days come from [`crate::calendar`], counted from the day after the
raise: `due` is the N-th working day after `raised`, `days` the working days
in (raised, resolved]. A date in a year the calendar has no official data
for gives one `no-calendar-data` warning per year, at the first record that
needed it (an error with `--strict`). A row with an error is skipped and
counted. The domain never prints.
*/

pub mod record;
pub mod state;
pub mod summary;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::calendar::{Calendar, Why};
use crate::config::Config;
use crate::diag::{Code, Diagnostic, Severity};
use crate::model::names::Found;
use crate::model::Role;
use crate::source::Location;
use crate::tabular::fields::Fields;
use crate::tabular::records::Table;
use crate::tabular::rows::Rows;

pub use state::State;
pub use summary::{PartySummary, Summary};

/// A conflict against its deadline.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub id: String,
    pub title: String,
    /// Party ids, as written (roles and partner departments).
    pub parties: Vec<String>,
    /// Their titles (業務部門 …), in the same order.
    pub party_titles: Vec<String>,
    pub raised: NaiveDate,
    pub due: NaiveDate,
    pub escalated: Option<NaiveDate>,
    pub resolved: Option<NaiveDate>,
    /// Working days in (raised, resolved].
    pub days: Option<u32>,
    pub state: State,
    /// The coordinating role's id: the row's, else the default.
    pub owner: Option<String>,
    pub owner_title: Option<String>,
    pub loc: Location,
}

/// The log as assessed.
#[derive(Debug)]
pub struct Log {
    pub today: NaiveDate,
    pub conflict_days: u32,
    /// By raise date, then id.
    pub conflicts: Vec<Conflict>,
    pub summary: Summary,
    /// Per party, by party id.
    pub parties: Vec<PartySummary>,
    pub years_without_data: Vec<i32>,
    /// The default coordinator (id, title), when there is one.
    pub coordinator: Option<(String, String)>,
    pub diagnostics: Vec<Diagnostic>,
    pub rows: Rows,
}

impl Log {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// The default coordinator: config `sla.owner` (which must name a role), else
/// the one role that declares `collaboration` duties. `Err` is the config
/// finding, at the `owner:` line.
pub fn coordinator(roles: &[Role], config: &Config) -> Result<Option<usize>, Box<Diagnostic>> {
    let resolver = crate::model::names::roles(roles);
    if let Some((name, loc)) = &config.sla.owner {
        return match resolver.resolve(name) {
            Found::One(i) => Ok(Some(i)),
            Found::Ambiguous(c) => Err(Box::new(
                Diagnostic::new(
                    Code::UnknownOwner,
                    format!("`sla.owner` `{name}` names more than one role: {}", c.join(", ")),
                )
                .at(*loc, "not one role"),
            )),
            Found::None => {
                let mut d =
                    Diagnostic::new(Code::UnknownOwner, format!("`sla.owner` `{name}` is no role's id or title"))
                        .at(*loc, "no such role");
                if let Some(s) = resolver.suggest(name) {
                    d = d.note(format!("did you mean `{s}`?"));
                }
                Err(Box::new(d))
            }
        };
    }
    let owners: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| r.duties().iter().any(|d| d.value.function.value == "collaboration"))
        .map(|(i, _)| i)
        .collect();
    Ok(match owners.as_slice() {
        [one] => Some(*one),
        _ => None,
    })
}

/// What a run is assessed against.
pub struct Options<'a> {
    pub config: &'a Config,
    pub calendar: &'a Calendar,
    pub coordinator: Option<usize>,
    pub today: NaiveDate,
    /// `no-calendar-data` is an error.
    pub strict: bool,
}

/// Reads every conflict of `tables` and puts it against its deadline.
pub fn assess(tables: &[Table], roles: &[Role], o: &Options) -> Log {
    let (party_resolver, party_list) = crate::model::names::parties(roles, &o.config.partners);
    let role_resolver = crate::model::names::roles(roles);
    let (party_memo, role_memo) =
        (crate::model::names::Memo::new(&party_resolver), crate::model::names::Memo::new(&role_resolver));
    let names = record::Names { parties: &party_memo, party_list: &party_list, roles: &role_memo, today: o.today };
    let n = o.config.sla.conflict_days;
    let mut rows = Rows::default();
    let mut diagnostics = Vec::new();
    let mut conflicts = Vec::new();
    let mut seen: rustc_hash::FxHashMap<String, Location> = Default::default();
    let mut first_without_data: BTreeMap<i32, Location> = BTreeMap::new();
    for table in tables {
        for rec in &table.records {
            rows.read += 1;
            let mut f = Fields::new(table, rec);
            let row = record::read(&mut f, &names);
            let loc = f.loc();
            let mut problems = std::mem::take(&mut f.problems);
            let row = row.filter(|r| match seen.get(&r.id) {
                Some(first) => {
                    problems.push(
                        Diagnostic::new(
                            Code::DuplicateConflict,
                            format!("conflict `{}` is listed twice; the second is left out", r.id),
                        )
                        .at(loc, "field id")
                        .at(*first, "first listed here")
                        .item(&r.id),
                    );
                    false
                }
                None => {
                    seen.insert(r.id.clone(), loc);
                    true
                }
            });
            let conflict = row.and_then(|r| {
                let due = o.calendar.add_workdays(r.raised, n)?;
                let days = r.resolved.map(|d| o.calendar.workdays_between(r.raised, d));
                let owner = r.owner.or(o.coordinator).and_then(|i| roles.get(i));
                Some(Conflict {
                    id: r.id,
                    title: r.title,
                    parties: r.parties.iter().map(|&i| party_list[i].id.clone()).collect(),
                    party_titles: r.parties.iter().map(|&i| party_list[i].title.clone()).collect(),
                    raised: r.raised,
                    due,
                    escalated: r.escalated,
                    resolved: r.resolved,
                    days,
                    state: State::of(due, r.resolved, o.today),
                    owner: owner.map(|r| r.id().to_string()),
                    owner_title: owner.map(|r| r.doc.title.value.clone()),
                    loc,
                })
            });
            for y in o.calendar.years_without_data() {
                first_without_data.entry(y).or_insert(loc);
            }
            match conflict {
                Some(c) => {
                    rows.used += 1;
                    conflicts.push(c);
                }
                None => {
                    let code = problems.first().map_or(Code::BadDate, |d| d.code);
                    let detail = problems.first().map_or_else(String::new, |d| d.message.clone());
                    rows.skip(code, loc, detail);
                }
            }
            diagnostics.extend(problems);
        }
    }
    diagnostics.extend(first_without_data.iter().map(|(y, loc)| no_data(*y, Some(*loc), o.strict)));
    // Sorted through an index: moving whole conflicts costs more than comparing them.
    let mut order: Vec<usize> = (0..conflicts.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&conflicts[i], &conflicts[j]);
        a.raised.cmp(&b.raised).then_with(|| a.id.cmp(&b.id)).then(a.loc.cmp(&b.loc))
    });
    let mut slots: Vec<Option<Conflict>> = conflicts.into_iter().map(Some).collect();
    let conflicts: Vec<Conflict> = order.iter().filter_map(|&i| slots[i].take()).collect();
    let summary = Summary::of(&conflicts);
    let mut parties = Vec::new();
    for p in &party_list {
        let mine: Vec<&Conflict> = conflicts.iter().filter(|c| c.parties.contains(&p.id)).collect();
        if !mine.is_empty() {
            parties.push(PartySummary { id: p.id.clone(), title: p.title.clone(), summary: Summary::of(mine) });
        }
    }
    parties.sort_by(|a, b| a.id.cmp(&b.id));
    let coordinator = o.coordinator.and_then(|i| roles.get(i)).map(|r| (r.id().to_string(), r.doc.title.value.clone()));
    Log {
        today: o.today,
        conflict_days: n,
        conflicts,
        summary,
        parties,
        years_without_data: o.calendar.years_without_data(),
        coordinator,
        diagnostics,
        rows,
    }
}

/// The finding for a year without official data.
pub fn no_data(year: i32, at: Option<Location>, strict: bool) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::NoCalendarData,
        format!("no official holiday data for {year}: only weekends and the configured dates count"),
    )
    .note("add the year's holidays and make-up workdays to `calendar.holidays` and `calendar.workdays`, or upgrade opsroles");
    if let Some(loc) = at {
        d = d.at(loc, format!("needs {year}"));
    }
    if strict {
        d = d.severity(Severity::Error);
    }
    d
}

/// `sla --due`: the due date of a conflict raised on `raised`, and every day
/// counted or passed over on the way.
#[derive(Debug, Clone)]
pub struct Due {
    pub raised: NaiveDate,
    pub days: u32,
    pub due: NaiveDate,
    /// The days after `raised` up to `due`, and why each counts or not.
    pub path: Vec<(NaiveDate, Why)>,
    pub years_without_data: Vec<i32>,
}

/// The due date `days` working days after `raised`; `None` past the end of
/// the calendar.
pub fn due(calendar: &Calendar, raised: NaiveDate, days: u32) -> Option<Due> {
    let due = calendar.add_workdays(raised, days)?;
    let path = raised.iter_days().skip(1).take_while(|d| *d <= due).map(|d| (d, calendar.why(d))).collect();
    Some(Due { raised, days, due, path, years_without_data: calendar.years_without_data() })
}
