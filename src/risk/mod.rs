/*!
The risk register (SPEC 6.1, the report's 風險矩陣 and FMEA): risks read from
registers, graded by likelihood × impact, rated by FMEA, counted in a 5×5
heat map, and the findings a risk supervisor acts on.

- [`record`]: the columns and the reading of one row;
- [`level`]: likelihood × impact → low / medium / high / critical;
- [`fmea`]: RPN and the AIAG-VDA action priority table;
- [`findings`]: duplicates, overdue responses, unplanned risks.

A row with an error (an empty required field, a bad rating or date, an
unknown owner or status, a duplicate id) is skipped and counted; every row
is read, used or skipped. The domain never prints.
*/

pub mod findings;
pub mod fmea;
pub mod level;
pub mod record;

use rustc_hash::FxHashMap;

use chrono::NaiveDate;

use crate::config::{Priority, RiskConfig};
use crate::diag::{Code, Diagnostic};
use crate::model::Role;
use crate::source::Location;
use crate::tabular::fields::Fields;
use crate::tabular::records::Table;
use crate::tabular::rows::Rows;

pub use fmea::Ratings;
pub use level::Level;
pub use record::Status;

/// A risk as graded.
#[derive(Debug, Clone)]
pub struct Risk {
    pub id: String,
    pub title: String,
    /// The owning role's id and title.
    pub owner: String,
    pub owner_title: String,
    pub category: String,
    pub likelihood: u8,
    pub impact: u8,
    /// likelihood × impact.
    pub score: u8,
    pub level: Level,
    pub fmea: Option<Ratings>,
    pub rpn: Option<u16>,
    pub action_priority: Option<Priority>,
    pub status: Status,
    pub response: String,
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    pub loc: Location,
}

/// Risks per level, and overdue responses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub low: usize,
    pub medium: usize,
    pub high: usize,
    pub critical: usize,
    pub overdue: usize,
}

impl Summary {
    pub fn of(&self, level: Level) -> usize {
        match level {
            Level::Low => self.low,
            Level::Medium => self.medium,
            Level::High => self.high,
            Level::Critical => self.critical,
        }
    }
}

/// The register as assessed.
#[derive(Debug)]
pub struct Register {
    pub today: NaiveDate,
    /// The level bounds the risks were graded by (for the heat map's cells).
    pub levels: crate::config::RiskLevels,
    /// Worst first: by level, then likelihood × impact, then id.
    pub risks: Vec<Risk>,
    /// `heatmap[i][j]`: risks of likelihood 5 − i and impact j + 1.
    pub heatmap: [[usize; 5]; 5],
    pub summary: Summary,
    /// Problems and findings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    pub rows: Rows,
}

/// What `--fail-on` fails on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// A risk of level high or critical that is not closed.
    High,
    /// A critical risk that is not closed.
    Critical,
    /// A response past its due date.
    Overdue,
}

impl Register {
    /// Whether the `--fail-on` gate fails.
    pub fn fails(&self, on: FailOn) -> bool {
        let live = |r: &&Risk| r.status != Status::Closed;
        match on {
            FailOn::High => self.risks.iter().filter(live).any(|r| r.level.at_least(Level::High)),
            FailOn::Critical => self.risks.iter().filter(live).any(|r| r.level == Level::Critical),
            FailOn::Overdue => self.risks.iter().any(|r| r.overdue),
        }
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == crate::diag::Severity::Error)
    }
}

/// The columns a table lacks, as a message naming the headers it has.
pub fn missing_columns(table: &Table, file: &str) -> Option<String> {
    crate::tabular::fields::missing_columns(table, record::SCHEMA, record::REQUIRED, file)
}

static EMPTY: crate::tabular::records::Record = crate::tabular::records::Record { line: 0, cells: Vec::new() };

/// Reads and grades every risk of `tables`.
pub fn assess(tables: &[Table], roles: &[Role], config: &RiskConfig, today: NaiveDate) -> Register {
    let names = crate::model::names::roles(roles);
    let resolver = crate::model::names::Memo::new(&names);
    let mut rows = Rows::default();
    let mut diagnostics = Vec::new();
    let mut risks: Vec<Risk> = Vec::new();
    let mut seen: FxHashMap<String, Location> = FxHashMap::default();
    for table in tables {
        let probe = Fields::new(table, &EMPTY);
        let labels = [probe.header("due"), probe.header("response")];
        for rec in &table.records {
            rows.read += 1;
            let mut f = Fields::new(table, rec);
            let row = record::read(&mut f, &resolver, roles);
            let loc = f.loc();
            let mut problems = std::mem::take(&mut f.problems);
            let row = row.filter(|r| match seen.get(&r.id) {
                Some(first) => {
                    problems.push(findings::duplicate(&r.id, loc, *first));
                    false
                }
                None => {
                    seen.insert(r.id.clone(), loc);
                    true
                }
            });
            match row {
                Some(r) => {
                    rows.used += 1;
                    let role = &roles[r.owner];
                    let risk = grade(r, role, config, today, loc);
                    problems.extend(findings::about(&risk, today, role.id(), [&labels[0], &labels[1]]));
                    risks.push(risk);
                }
                None => {
                    let code = problems.first().map_or(Code::MissingField, |d| d.code);
                    let detail = problems.first().map_or_else(String::new, |d| d.message.clone());
                    rows.skip(code, loc, detail);
                }
            }
            diagnostics.extend(problems);
        }
    }
    // Sorted through an index: a risk is large, and moving 100,000 of them
    // around a merge sort costs more than the comparisons.
    let mut order: Vec<usize> = (0..risks.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&risks[i], &risks[j]);
        b.level.cmp(&a.level).then(b.score.cmp(&a.score)).then_with(|| a.id.cmp(&b.id)).then(a.loc.cmp(&b.loc))
    });
    let mut slots: Vec<Option<Risk>> = risks.into_iter().map(Some).collect();
    let risks: Vec<Risk> = order.iter().filter_map(|&i| slots[i].take()).collect();
    let mut heatmap = [[0usize; 5]; 5];
    let mut summary = Summary::default();
    for r in &risks {
        heatmap[usize::from(5 - r.likelihood)][usize::from(r.impact - 1)] += 1;
        match r.level {
            Level::Low => summary.low += 1,
            Level::Medium => summary.medium += 1,
            Level::High => summary.high += 1,
            Level::Critical => summary.critical += 1,
        }
        summary.overdue += usize::from(r.overdue);
    }
    Register { today, levels: config.levels, risks, heatmap, summary, diagnostics, rows }
}

fn grade(r: record::Row, role: &Role, config: &RiskConfig, today: NaiveDate, loc: Location) -> Risk {
    let score = r.likelihood * r.impact;
    let mut risk = Risk {
        id: r.id,
        title: r.title,
        owner: role.id().to_string(),
        owner_title: role.doc.title.value.clone(),
        category: r.category,
        likelihood: r.likelihood,
        impact: r.impact,
        score,
        level: Level::of(score, &config.levels),
        fmea: r.fmea,
        rpn: r.fmea.map(Ratings::rpn),
        action_priority: r.fmea.map(|f| fmea::priority(f, config)),
        status: r.status,
        response: r.response,
        due: r.due,
        overdue: false,
        loc,
    };
    risk.overdue = findings::is_overdue(&risk, today);
    risk
}
