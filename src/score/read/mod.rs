/*!
Streaming an export into the tally, accounting for every row (SPEC 3.2).

Each row is *used* when it gives at least one value to a scorecard, else
*skipped* for the reason of its first problem. Names are resolved through
caches keyed by the raw bytes of the cell (with a one-entry "same as the last
row" check in front), so a row costs a few comparisons and a number parse.
*/

use std::fmt;
use std::io::{IsTerminal, Read};
use std::sync::atomic::Ordering;
use std::sync::mpsc;

use csv::ByteRecord;
use encoding_rs::{Encoding, UTF_8};

mod row;

use super::cache::{show, text, Cache};
pub use super::rows::{Problem, Reason, Rows, LISTED};
use super::split::{split, Batch};

use crate::score::columns;
use crate::score::input;
use crate::score::period::Period;
use crate::score::plan::{Part, Plan};
use crate::score::tally::Tally;

/// An input: a path, or `-` for stdin.
#[derive(Debug, Clone)]
pub struct Source {
    /// As shown in messages.
    pub name: String,
    pub path: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub period: Option<Period>,
    pub compare: Option<Period>,
    pub decimal_comma: bool,
    pub by_role: bool,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub delimiter: Option<u8>,
    pub columns: Vec<(String, String)>,
    pub progress: bool,
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
    /// Notes for stderr (ignored columns, encodings).
    pub notes: Vec<String>,
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

#[derive(Clone, Copy)]
enum Resolved {
    Targets(u32),
    OtherRole,
    Unknown,
}

/// State shared by all files of a run.
struct Reader<'a> {
    plan: &'a Plan,
    opts: &'a Options,
    tally: Tally,
    rows: Rows,
    span: Option<Period>,
    targets: Vec<Vec<(usize, Part)>>,
    periods: Cache<Option<Period>>,
    roles: Cache<Option<usize>>,
    metrics: Vec<Cache<Resolved>>,
    persons: Cache<Option<u32>>,
    /// Wide layout: [role][metric column] → meaning, for the current file.
    wide: Vec<Vec<Option<Resolved>>>,
    /// The encoding of the current file's cells (see `input::open`).
    cells: &'static Encoding,
    /// The last (person, role) → entity, since rows come grouped by person.
    last_entity: Option<((Option<u32>, usize), usize)>,
    notes: Vec<String>,
    dated: bool,
    file_names: Vec<String>,
}

/// Reads every source into one tally.
pub fn read_all(sources: Vec<(Source, Box<dyn Read + Send>)>, plan: &Plan, opts: &Options) -> Result<Read_, Fatal> {
    let mut r = Reader {
        plan,
        opts,
        tally: Tally::new(plan.max_kpis),
        rows: Rows::default(),
        span: None,
        targets: Vec::new(),
        periods: Cache::new(),
        roles: Cache::new(),
        metrics: plan.roles.iter().map(|_| Cache::with_ring(16)).collect(),
        persons: Cache::new(),
        last_entity: None,
        wide: Vec::new(),
        cells: UTF_8,
        notes: Vec::new(),
        dated: false,
        file_names: sources.iter().map(|(s, _)| s.name.clone()).collect(),
    };
    for (file_no, (source, raw)) in sources.into_iter().enumerate() {
        r.read_file(file_no as u32, &source, raw)?;
    }
    r.settle_zero_denominators();
    Ok(Read_ { tally: r.tally, rows: r.rows, span: r.span, dated: r.dated, notes: r.notes })
}

fn io_fatal(name: &str, e: std::io::Error) -> Fatal {
    match e.get_ref().and_then(|inner| inner.downcast_ref::<input::DecodeError>()) {
        Some(d) => Fatal(format!(
            "{name}:{}: bytes that are not valid {} (force another encoding with --encoding)",
            d.line, d.encoding
        )),
        None => Fatal(format!("{name}: {e}")),
    }
}

pub(super) fn csv_fatal(name: &str, e: csv::Error) -> Fatal {
    let line = e.position().map(|p| p.line());
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io_fatal(name, io),
        other => Fatal(format!("{name}:{}: {:?}", line.unwrap_or(0), other)),
    }
}

impl Reader<'_> {
    fn read_file(&mut self, file_no: u32, source: &Source, raw: Box<dyn Read + Send>) -> Result<(), Fatal> {
        let name = source.name.as_str();
        let opened = input::open(raw, self.opts.encoding, self.opts.delimiter).map_err(|e| io_fatal(name, e))?;
        // Caches are keyed by raw bytes: a new file may use another encoding.
        if opened.cells != self.cells {
            self.periods = Cache::new();
            self.roles = Cache::new();
            self.persons = Cache::new();
            self.metrics = self.plan.roles.iter().map(|_| Cache::with_ring(16)).collect();
            self.last_entity = None;
            self.cells = opened.cells;
        }
        if opened.encoding != encoding_rs::UTF_8 {
            self.notes.push(format!("{name}: read as {}", opened.encoding.name()));
        }
        let progress = self.progress_bar(source);
        let counter = opened.progress.clone();
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(opened.delimiter)
            .from_reader(opened.reader);
        let mut rec = ByteRecord::new();
        if !csv.read_byte_record(&mut rec).map_err(|e| csv_fatal(name, e))? {
            return Err(Fatal(format!("{name}: the file is empty; expected a header row")));
        }
        let header_line = rec.position().map_or(1, |p| p.line());
        let headers: Vec<String> = rec
            .iter()
            .map(|h| text(h, self.cells, name, header_line).map(|s| s.trim().to_string()))
            .collect::<Result<_, _>>()?;
        if headers.iter().any(|h| h.contains('\0')) || headers.iter().all(|h| h.is_empty()) {
            return Err(Fatal(format!("{name}:{header_line}: no header row (the first line has no column names)")));
        }
        let layout = columns::layout(&headers, &self.opts.columns, self.plan)
            .map_err(|m| Fatal(format!("{name}:{header_line}: {m}")))?;
        if !layout.ignored.is_empty() {
            self.notes.push(format!("{name}: ignored columns: {}", layout.ignored.join(", ")));
        }
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
        // parse floor), this one scores them. Batches are recycled, so the
        // records' buffers are allocated once.
        let (full_tx, full_rx) = mpsc::sync_channel::<Result<Batch, Fatal>>(4);
        let (empty_tx, empty_rx) = mpsc::channel::<Batch>();
        let parser_name = name.to_string();
        std::thread::scope(|scope| -> Result<(), Fatal> {
            scope.spawn(move || split(csv, &parser_name, &full_tx, &empty_rx));
            for batch in full_rx {
                let batch = batch?;
                if let Some(pb) = &progress {
                    pb.set_position(counter.load(Ordering::Relaxed));
                }
                for rec in &batch.recs[..batch.len] {
                    let line = rec.position().map_or(0, |p| p.line());
                    self.rows.read += 1;
                    if rec.len() != width {
                        let detail = format!("the row has {} fields, the header {}", rec.len(), width);
                        self.rows.skip(Reason::BadValue, name, line, detail);
                        continue;
                    }
                    self.row(&layout, rec, file_no, name, line)?;
                }
                // The parser may have finished; then the batch is just dropped.
                let _ = empty_tx.send(batch);
            }
            Ok(())
        })?;
        if let Some(pb) = progress {
            pb.finish_and_clear();
        }
        Ok(())
    }

    fn progress_bar(&self, source: &Source) -> Option<indicatif::ProgressBar> {
        if !self.opts.progress || !std::io::stderr().is_terminal() {
            return None;
        }
        let len = source.path.as_ref().and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len())?;
        if len < 32 * 1024 * 1024 {
            return None;
        }
        let pb = indicatif::ProgressBar::new(len);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
        {
            pb.set_style(style.progress_chars("=> "));
        }
        pb.set_message(source.name.clone());
        Some(pb)
    }
}
