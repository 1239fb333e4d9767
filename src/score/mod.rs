/*!
`opsroles score`: KPI scorecards from metric exports (SPEC 3).

- [`layout`]: the columns of a metric export (long or wide);
- [`plan`]: the KPIs of the role files and the names that reach them;
- [`read`], [`tally`]: streaming rows into per-(entity, KPI) accumulators;
- [`periods`]: which periods the exports cover, for empty selections;
- [`formula`], [`card`]: the scoring model in decimal arithmetic, scorecards.

Reading files, encodings, numbers, periods and the row accounting are the
shared ones of [`crate::tabular`]. A [`Report`] keeps the tally, not the
cards: each card is computed when a renderer asks for it (SPEC 3.5).
*/

mod cache;
pub mod card;
pub mod formula;
pub mod layout;
pub mod periods;
pub mod plan;
pub mod read;
pub mod tally;
pub use read::{Fatal, IgnoredColumn, Options, Progress, Silent};

use crate::score::card::{Card, Subject};
use crate::score::plan::Plan;
use crate::score::tally::Tally;
use crate::source::FileId;
use crate::tabular::input::Input;
use crate::tabular::period::Period;
use crate::tabular::rows::Rows;

/// Everything a scorecard renderer shows.
#[derive(Debug)]
pub struct Report<'p> {
    pub plan: &'p Plan,
    pub department: String,
    /// The scored period: `--period`, else the smallest month, quarter or
    /// year covering the rows; `None` when the exports have no period column.
    pub period: Option<Period>,
    pub label: String,
    pub compare: Option<Period>,
    pub rows: Rows,
    /// For stderr: encodings, period hints.
    pub notes: Vec<String>,
    /// For stderr: selections that found nothing (`--compare` with no rows).
    pub warnings: Vec<String>,
    /// Export columns that were not read.
    pub ignored_columns: Vec<IgnoredColumn>,
    /// `--period` selected no row at all: what the exports cover instead.
    pub empty_selection: Option<String>,
    /// The quarters and span the exports' dated rows cover
    /// (`2026-Q3 (2026-07 – 2026-09)`); `None` without dated rows.
    pub covered: Option<String>,
    pub by_role: bool,
    /// Whether people are known by a number column (cards show `張偉 (E001)`).
    pub person_ids: bool,
    tally: Tally,
    /// Card order: by role, then entity.
    order: Vec<u32>,
    /// `--by role` over people: each role's people, and where in `members`.
    members: Vec<u32>,
    groups: Vec<(u32, std::ops::Range<usize>)>,
}

impl<'p> Report<'p> {
    /// How many cards there are.
    pub fn len(&self) -> usize {
        if self.groups.is_empty() {
            self.order.len()
        } else {
            self.groups.len()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Card `i` (in order: by role, then entity), computed now.
    pub fn card(&self, i: usize, explain: bool) -> Card<'p> {
        let subject = match self.groups.get(i) {
            Some((role, range)) => Subject::Role { role: *role as usize, people: &self.members[range.clone()] },
            None => Subject::Entity(self.order[i] as usize),
        };
        card::card(self.plan, &self.tally, subject, explain)
    }

    /// Every card, in order, each computed as it is reached.
    pub fn cards(&self, explain: bool) -> impl Iterator<Item = Card<'p>> + '_ {
        (0..self.len()).map(move |i| self.card(i, explain))
    }
}

/// Reads the exports and prepares the scorecards.
pub fn run<'p>(
    inputs: Vec<(Input, Box<dyn std::io::Read + Send>)>,
    files: &[FileId],
    plan: &'p Plan,
    opts: &Options,
    department: &str,
    progress: &dyn Progress,
) -> Result<Report<'p>, Fatal> {
    let read = read::read_all(inputs, files, plan, opts, progress)?;
    let mut notes = read.notes;
    let mut warnings = Vec::new();
    let (period, label) = match (opts.period, read.span) {
        (Some(p), _) => (Some(p), p.to_string()),
        (None, Some(span)) => {
            let cover = span.cover().unwrap_or(span);
            if cover.longer_than_a_quarter() {
                notes.push(format!(
                    "the rows span {} to {}, more than a quarter; pass --period to score one period",
                    span.start, span.end
                ));
            }
            (Some(cover), cover.to_string())
        }
        (None, None) => (None, if read.dated { "-".to_string() } else { "all rows".to_string() }),
    };
    let covered = read.coverage.covered();
    let empty_selection = match opts.period {
        Some(p) if read.in_main == 0 => Some(format!("no row is in {p}; {}", read.coverage.hint())),
        _ => None,
    };
    if let Some(c) = opts.compare.filter(|_| read.in_compare == 0) {
        let covered = if read.coverage.is_empty() {
            "the exports have no dated rows".to_string()
        } else {
            format!("the exports cover {}", read.coverage.describe())
        };
        warnings.push(format!("--compare {c}: no row is in {c}, so there is nothing to compare with; {covered}"));
    }
    let tally = read.tally;
    let mut order: Vec<u32> = (0..tally.entities.len() as u32).filter(|&e| tally.main_rows[e as usize] > 0).collect();
    order.sort_by_cached_key(|&e| {
        let ent = tally.entities[e as usize];
        (plan.roles[ent.role as usize].id.clone(), tally.person_label(e as usize).unwrap_or_default())
    });
    // `--by role` with people: one card per role over its people.
    let (mut members, mut groups) = (Vec::new(), Vec::new());
    if opts.by_role && order.iter().any(|&e| tally.entities[e as usize].person.is_some()) {
        let mut i = 0;
        while i < order.len() {
            let role = tally.entities[order[i] as usize].role;
            let start = members.len();
            while i < order.len() && tally.entities[order[i] as usize].role == role {
                members.push(order[i]);
                i += 1;
            }
            groups.push((role, start..members.len()));
        }
    }
    Ok(Report {
        plan,
        department: department.to_string(),
        period,
        label,
        compare: opts.compare,
        rows: read.rows,
        notes,
        warnings,
        ignored_columns: read.ignored_columns,
        empty_selection,
        covered,
        by_role: opts.by_role,
        person_ids: read.person_ids,
        tally,
        order,
        members,
        groups,
    })
}
