/*!
Streaming an export into the tally, accounting for every row (SPEC 3.2).

Each row is *used* when it gives at least one value to a scorecard, else
*skipped* for the reason of its first problem. Names are resolved through
caches keyed by the raw bytes of the cell (with a one-entry "same as the last
row" check in front), so a row costs a few comparisons and a number parse.
Opening, encodings, headers and the accounting are the shared ones of
[`crate::tabular`]; this is the fast path on top of them.

The shape for any source of rows: a file is opened and split into batches
of records (`csv.rs`, on a thread of its own), its header row becomes a
[`layout::Layout`], then every record goes through [`Reader::row`] (in
`row.rs`) with its line. A reader of another format (a spreadsheet) feeds
records to the same function.
*/

use std::fmt;
use std::io::Read;
use std::sync::atomic::Ordering;
use std::sync::mpsc;

use encoding_rs::{Encoding, UTF_8};
use rustc_hash::FxHashMap;

mod csv;
mod names;
mod ratio;
mod row;

use self::csv::Batch;
use super::cache::{text, Cache};

use crate::diag::Code;
use crate::score::layout;
use crate::score::periods::Coverage;
use crate::score::plan::{Plan, Targets};
use crate::score::tally::Tally;
use crate::source::{FileId, Location};
use crate::tabular::input::Input;
use crate::tabular::period::Period;
use crate::tabular::rows::Rows;

/// Progress of reading, reported to whoever draws it (the domain draws nothing).
pub trait Progress: Sync {
    /// A file of `len` bytes (if known) is being read.
    fn start(&self, name: &str, len: Option<u64>);
    /// `bytes` of it have been read.
    fn advance(&self, bytes: u64);
    fn finish(&self);
}

/// No progress shown.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: &str, _: Option<u64>) {}
    fn advance(&self, _: u64) {}
    fn finish(&self) {}
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub period: Option<Period>,
    pub compare: Option<Period>,
    pub decimal_comma: bool,
    pub by_role: bool,
    pub read: crate::tabular::ReadOptions,
    /// Spell out each KPI score's formula (`--explain`).
    pub explain: bool,
}

/// What reading produced.
#[derive(Debug)]
pub struct Read_ {
    pub tally: Tally,
    pub rows: Rows,
    /// The range the used rows of the scored period cover.
    pub span: Option<Period>,
    /// Whether any export had a period column.
    pub dated: bool,
    /// Notes for stderr (encodings).
    pub notes: Vec<String>,
    /// Columns that were not read.
    pub ignored_columns: Vec<IgnoredColumn>,
    /// The periods of every dated row, selected or not.
    pub coverage: Coverage,
    /// Rows whose period is in the scored period, and in the compared one
    /// (whether or not they were used).
    pub in_main: u64,
    pub in_compare: u64,
    /// Whether people were known by a number column (`張偉 (E001)`).
    pub person_ids: bool,
}

/// An export column that was not read (SPEC 3.2: a warning; `--strict`
/// fails on it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredColumn {
    pub file: String,
    pub name: String,
    /// `did you mean …?`, or why a known name is not read.
    pub hint: Option<String>,
}

/// A problem that stops the run (exit 2): the file and what is wrong.
#[derive(Debug)]
pub struct Fatal(pub String);

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Fatal {}

/// How many metric names a role's cache remembers in order of first sight:
/// more than any role has KPIs, so a long export's metric column, which
/// repeats one order for every person, is predicted without hashing.
const METRIC_ORDER: usize = 64;

/// How many distinct role or metric names a cache remembers before it
/// remembers only the names that mean something: an export of millions of
/// distinct unknown names costs a lookup each, not memory each (issue 14).
const NAMES_CACHED: usize = 4096;

fn metric_cache() -> Cache<Resolved> {
    Cache::in_order(METRIC_ORDER).bounded(NAMES_CACHED, |r| !matches!(r, Resolved::Unknown | Resolved::OtherRole))
}

fn role_cache() -> Cache<RoleName> {
    Cache::new().bounded(NAMES_CACHED, |r| !matches!(r, RoleName::Unknown))
}

/// A role cell, resolved.
#[derive(Clone, Copy)]
enum RoleName {
    One(usize),
    /// Index into the reader's candidate lists.
    Ambiguous(u32),
    Unknown,
}

/// A metric name (a long row's metric cell, or a wide header) for a role.
#[derive(Clone, Copy)]
enum Resolved {
    /// Index into the reader's target lists.
    Targets(u32),
    Ambiguous(u32),
    OtherRole,
    Unknown,
}

/// Rows whose only use was ratio parts: they become `zero-denominator` rows
/// if every ratio they fed ends without a value. Keyed by (entity, the set of
/// ratio KPIs fed, which period sets), so memory grows with people × KPIs —
/// by a count and the first row, not a list of rows.
struct RatioOnly {
    count: u32,
    first: Location,
}

/// Which period sets a row belongs to: (the scored period, the compared one).
type Sets = (bool, bool);

/// A period cell, resolved: the period, and whether it is in the scored
/// period (bit 0) and the compared one (bit 1).
type PeriodCell = Option<(Period, u8)>;

/// State shared by all files of a run.
struct Reader<'a> {
    plan: &'a Plan,
    opts: &'a Options,
    tally: Tally,
    rows: Rows,
    span: Option<Period>,
    targets: Vec<Targets>,
    candidates: Vec<Vec<String>>,
    periods: Cache<PeriodCell>,
    roles: Cache<RoleName>,
    metrics: Vec<Cache<Resolved>>,
    persons: Cache<Option<u32>>,
    coverage: Coverage,
    in_main: u64,
    in_compare: u64,
    person_ids: bool,
    ignored_columns: Vec<IgnoredColumn>,
    /// Wide layout: [role][metric column] → meaning, for the current file.
    wide: Vec<Vec<Option<Resolved>>>,
    /// The encoding of the current file's cells (see `tabular::open`).
    cells: &'static Encoding,
    /// The last (person, role) → entity, since rows come grouped by person.
    last_entity: Option<((Option<u32>, usize), usize)>,
    ratio_sets: Vec<Vec<usize>>,
    ratio_only: FxHashMap<(u32, u32, u8), RatioOnly>,
    notes: Vec<String>,
    dated: bool,
    file: FileId,
}

/// Reads every input into one tally. `files` are the inputs' ids in the
/// run's sources, in order.
pub fn read_all(
    inputs: Vec<(Input, Box<dyn Read + Send>)>,
    files: &[FileId],
    plan: &Plan,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Read_, Fatal> {
    let Some(&first) = files.first() else {
        return Err(Fatal("no export to read".to_string()));
    };
    let mut r = Reader {
        plan,
        opts,
        tally: Tally::new(plan.max_slots, opts.compare.is_some()),
        rows: Rows::default(),
        span: None,
        targets: Vec::new(),
        candidates: Vec::new(),
        periods: Cache::new(),
        roles: role_cache(),
        metrics: plan.roles.iter().map(|_| metric_cache()).collect(),
        persons: Cache::new(),
        coverage: Coverage::default(),
        in_main: 0,
        in_compare: 0,
        person_ids: false,
        ignored_columns: Vec::new(),
        last_entity: None,
        wide: Vec::new(),
        cells: UTF_8,
        ratio_sets: Vec::new(),
        ratio_only: FxHashMap::default(),
        notes: Vec::new(),
        dated: false,
        file: first,
    };
    for (file_no, (input, raw)) in inputs.into_iter().enumerate() {
        r.file = files[file_no];
        r.read_file(file_no as u32, &input, raw, progress)?;
    }
    r.settle_zero_denominators();
    Ok(Read_ {
        tally: r.tally,
        rows: r.rows,
        span: r.span,
        dated: r.dated,
        notes: r.notes,
        ignored_columns: r.ignored_columns,
        coverage: r.coverage,
        in_main: r.in_main,
        in_compare: r.in_compare,
        person_ids: r.person_ids,
    })
}

fn io_fatal(name: &str, e: std::io::Error) -> Fatal {
    Fatal(crate::tabular::records::io_error(name, e).to_string())
}

impl Reader<'_> {
    fn read_file(
        &mut self,
        file_no: u32,
        input: &Input,
        raw: Box<dyn Read + Send>,
        progress: &dyn Progress,
    ) -> Result<(), Fatal> {
        let name = input.name.as_str();
        let opened = crate::tabular::open::open(raw, self.opts.read.encoding, self.opts.read.delimiter)
            .map_err(|e| io_fatal(name, e))?;
        // Caches are keyed by raw bytes: a new file may use another encoding.
        if opened.cells != self.cells {
            self.periods = Cache::new();
            self.roles = role_cache();
            self.persons = Cache::new();
            self.metrics = self.plan.roles.iter().map(|_| metric_cache()).collect();
            self.last_entity = None;
            self.cells = opened.cells;
        }
        if opened.encoding != encoding_rs::UTF_8 {
            self.notes.push(format!("{name}: read as {}", opened.encoding.name()));
        }
        progress.start(name, input.path.as_ref().and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len()));
        let counter = opened.progress.clone();
        let mut splitter = csv::Splitter::new(opened.reader, opened.delimiter, name);
        let mut first = Batch::default();
        if !splitter.fill(&mut first)? {
            return Err(Fatal(format!("{name}: the file is empty; expected a header row")));
        }
        let Some(rec) = first.records().next() else {
            return Err(Fatal(format!("{name}: the file is empty; expected a header row")));
        };
        let header_line = rec.line;
        let headers: Vec<String> = (0..rec.len())
            .map(|i| text(&rec[i], self.cells, name, header_line).map(|s| s.trim().to_string()))
            .collect::<Result<_, _>>()?;
        if headers.iter().any(|h| h.contains('\0')) || headers.iter().all(|h| h.is_empty()) {
            return Err(Fatal(format!("{name}:{header_line}: no header row (the first line has no column names)")));
        }
        let layout = layout::layout(&headers, &self.opts.read.columns, self.plan, self.opts.by_role)
            .map_err(|m| Fatal(format!("{name}:{header_line}: {m}")))?;
        for i in &layout.ignored {
            let column = IgnoredColumn { file: name.to_string(), name: i.name.clone(), hint: i.hint.clone() };
            self.ignored_columns.push(column);
        }
        if layout.person_id.is_some() {
            self.person_ids = true;
        }
        // Person keys mean something else in a file with (or without) a
        // number column: resolve them afresh.
        self.persons = Cache::new();
        self.last_entity = None;
        if layout.period.is_some() {
            self.dated = true;
        } else if self.opts.period.is_some() || self.opts.compare.is_some() {
            return Err(Fatal(format!(
                "{name}:{header_line}: --period and --compare need a period column (期間/月份/period)"
            )));
        }
        self.wide.clear();
        let width = headers.len();
        // Two stages on two cores: a thread splits records into batches (the
        // parse floor), this one scores them. Batches are recycled, so their
        // buffers are allocated once.
        let (full_tx, full_rx) = mpsc::sync_channel::<Result<Batch, Fatal>>(4);
        let (empty_tx, empty_rx) = mpsc::channel::<Batch>();
        std::thread::scope(|scope| -> Result<(), Fatal> {
            scope.spawn(move || csv::run(splitter, &full_tx, &empty_rx));
            self.batch(&layout, &first, 1, width, file_no, name)?;
            for batch in full_rx {
                let batch = batch?;
                progress.advance(counter.load(Ordering::Relaxed));
                self.batch(&layout, &batch, 0, width, file_no, name)?;
                // The parser may have finished; then the batch is just dropped.
                let _ = empty_tx.send(batch);
            }
            Ok(())
        })?;
        progress.finish();
        Ok(())
    }

    /// The rows of a batch (after its first `skip`, the header).
    fn batch(
        &mut self,
        layout: &layout::Layout,
        batch: &Batch,
        skip: usize,
        width: usize,
        file_no: u32,
        name: &str,
    ) -> Result<(), Fatal> {
        for rec in batch.records().skip(skip) {
            let line = rec.line;
            self.rows.read += 1;
            if rec.len() != width {
                let detail = format!("the row has {} fields, the header {}", rec.len(), width);
                self.rows.skip(Code::BadValue, Location::row(self.file, line), detail);
                continue;
            }
            self.row(layout, &rec, file_no, name, line)?;
        }
        Ok(())
    }
}
