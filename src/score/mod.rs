/*!
`opsroles score`: KPI scorecards from metric exports (SPEC 3).

- [`layout`]: the columns of a metric export (long or wide);
- [`plan`]: the KPIs of the role files and the names that reach them;
- [`read`], [`tally`]: streaming rows into per-(entity, KPI) accumulators;
- [`formula`], [`card`]: the scoring model in decimal arithmetic, scorecards;

Reading files, encodings, numbers, periods and the row accounting are the
shared ones of [`crate::tabular`].
*/

mod cache;
pub mod card;
pub mod fatal;
pub mod formula;
pub mod layout;
pub mod plan;
pub mod read;
mod split;
pub mod tally;
pub use fatal::Fatal;
pub use read::{Options, Progress, Silent};

use crate::score::card::Card;
use crate::score::plan::Plan;
use crate::source::FileId;
use crate::tabular::input::Input;
use crate::tabular::period::Period;
use crate::tabular::rows::Rows;

/// Everything a scorecard renderer shows.
#[derive(Debug)]
pub struct Report {
    pub department: String,
    /// The scored period: `--period`, else the smallest month, quarter or
    /// year covering the rows; `None` when the exports have no period column.
    pub period: Option<Period>,
    pub label: String,
    pub compare: Option<Period>,
    pub rows: Rows,
    pub cards: Vec<Card>,
    /// For stderr: ignored columns, encodings, period hints.
    pub notes: Vec<String>,
    pub by_role: bool,
}

/// Reads the exports and builds the scorecards.
pub fn run(
    inputs: Vec<(Input, Box<dyn std::io::Read + Send>)>,
    files: &[FileId],
    plan: &Plan,
    opts: &Options,
    department: &str,
    progress: &dyn Progress,
) -> Result<Report, Fatal> {
    let read = read::read_all(inputs, files, plan, opts, progress)?;
    let mut notes = read.notes;
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
    let cards = card::cards(&read.tally, plan, opts.compare.is_some(), opts.explain);
    Ok(Report {
        department: department.to_string(),
        period,
        label,
        compare: opts.compare,
        rows: read.rows,
        cards,
        notes,
        by_role: opts.by_role,
    })
}
