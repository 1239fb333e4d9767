/*!
Streaming an export into the tally, accounting for every row (SPEC 3.2).

Each row is *used* when it gives at least one value to a scorecard, else
*skipped* for the reason of its first problem. Names are resolved through
caches keyed by the raw bytes of the cell (with a one-entry "same as the last
row" check in front), so a row costs a few comparisons and a number parse.
*/

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{IsTerminal, Read};
use std::sync::atomic::Ordering;
use std::sync::mpsc;

use csv::ByteRecord;
use encoding_rs::{Encoding, UTF_8};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::model::Unit;
use crate::score::columns::{self, Kind, Layout};
use crate::score::input;
use crate::score::number::{self, Cell};
use crate::score::period::{self, Period};
use crate::score::plan::{MetricMatch, Part, Plan};
use crate::score::tally::{LastKey, Tally};

/// Why a row was skipped, or a cell not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    MissingValue,
    BadValue,
    UnknownMetric,
    UnknownRole,
    OutsidePeriod,
    ZeroDenominator,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::MissingValue => "missing-value",
            Reason::BadValue => "bad-value",
            Reason::UnknownMetric => "unknown-metric",
            Reason::UnknownRole => "unknown-role",
            Reason::OutsidePeriod => "outside-period",
            Reason::ZeroDenominator => "zero-denominator",
        }
    }

    /// The problems `--strict` fails on.
    pub fn is_strict(self) -> bool {
        matches!(
            self,
            Reason::BadValue | Reason::UnknownMetric | Reason::UnknownRole
        )
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub reason: Reason,
    pub file: String,
    pub line: u64,
    pub detail: String,
    /// A problem in a cell of a row that was still used (wide layout).
    pub in_used_row: bool,
}

/// How many problems of each reason are listed (all are counted).
pub const LISTED: usize = 20;

#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub read: u64,
    pub used: u64,
    pub skipped: u64,
    pub skipped_by_reason: BTreeMap<Reason, u64>,
    /// Problems of every kind, counted (skipped rows and cells of used rows).
    pub problems_by_reason: BTreeMap<Reason, u64>,
    /// The first [`LISTED`] problems of each reason.
    pub listed: Vec<Problem>,
    /// Non-empty wide-layout cells for a metric the row's role has no KPI for.
    pub ignored_cells: u64,
}

impl Rows {
    fn problem(
        &mut self,
        reason: Reason,
        file: &str,
        line: u64,
        detail: String,
        in_used_row: bool,
    ) {
        let n = self.problems_by_reason.entry(reason).or_default();
        *n += 1;
        if *n as usize <= LISTED {
            self.listed.push(Problem {
                reason,
                file: file.to_string(),
                line,
                detail,
                in_used_row,
            });
        }
    }

    fn skip(&mut self, reason: Reason, file: &str, line: u64, detail: String) {
        self.skipped += 1;
        *self.skipped_by_reason.entry(reason).or_default() += 1;
        self.problem(reason, file, line, detail, false);
    }

    /// Whether `--strict` fails.
    pub fn strict_failure(&self) -> bool {
        self.problems_by_reason.keys().any(|r| r.is_strict())
    }
}

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

/// Resolved names by the raw bytes of their cell. Exports repeat values row
/// after row (the same period, role and person for a run of rows), so the
/// last key is compared first; metric names cycle, so their caches also keep
/// a small ring of recent keys (names of different lengths are rejected at
/// once). Then the hash map.
struct Cache<V: Copy> {
    last: Option<(Vec<u8>, V)>,
    ring: Vec<(Vec<u8>, V)>,
    ring_size: usize,
    next: usize,
    map: FxHashMap<Box<[u8]>, V>,
}

/// Byte equality for short keys, eight bytes at a time, without a call into
/// libc's memcmp (which costs more than the comparison for cell-sized keys).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in (&mut x).zip(&mut y) {
        let word = |c: &[u8]| u64::from_ne_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if word(p) != word(q) {
            return false;
        }
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

impl<V: Copy> Cache<V> {
    fn new() -> Self {
        Cache::with_ring(0)
    }

    fn with_ring(ring_size: usize) -> Self {
        Cache {
            last: None,
            ring: Vec::with_capacity(ring_size),
            ring_size,
            next: 0,
            map: FxHashMap::default(),
        }
    }

    #[inline]
    fn get(
        &mut self,
        key: &[u8],
        enc: &'static Encoding,
        resolve: impl FnOnce(&str) -> V,
        file: &str,
        line: u64,
    ) -> Result<V, Fatal> {
        if let Some((k, v)) = &self.last {
            if same(k, key) {
                return Ok(*v);
            }
        }
        let hit = self
            .ring
            .iter()
            .find(|(k, _)| same(k, key))
            .map(|(_, v)| *v);
        let v = match hit {
            Some(v) => v,
            None => {
                let v = match self.map.get(key) {
                    Some(&v) => v,
                    None => {
                        let v = resolve(text(key, enc, file, line)?.trim());
                        self.map.insert(key.into(), v);
                        v
                    }
                };
                if self.ring_size > 0 {
                    if self.ring.len() < self.ring_size {
                        self.ring.push((key.to_vec(), v));
                    } else {
                        let slot = &mut self.ring[self.next];
                        slot.0.clear();
                        slot.0.extend_from_slice(key);
                        slot.1 = v;
                        self.next = (self.next + 1) % self.ring_size;
                    }
                }
                v
            }
        };
        match &mut self.last {
            Some((k, lv)) => {
                k.clear();
                k.extend_from_slice(key);
                *lv = v;
            }
            None => self.last = Some((key.to_vec(), v)),
        }
        Ok(v)
    }
}

/// A cell's text in the cell encoding, or the error naming its line.
fn text<'a>(
    b: &'a [u8],
    enc: &'static Encoding,
    file: &str,
    line: u64,
) -> Result<Cow<'a, str>, Fatal> {
    if enc == UTF_8 {
        return utf8(b, file, line).map(Cow::Borrowed);
    }
    enc.decode_without_bom_handling_and_without_replacement(b)
        .ok_or_else(|| Fatal(format!("{file}:{line}: bytes that are not valid {} (force another encoding with --encoding)", enc.name())))
}

/// A cell as shown in a message, whatever it holds.
fn show(b: &[u8], enc: &'static Encoding) -> String {
    enc.decode_without_bom_handling(b).0.trim().to_string()
}

fn utf8<'a>(b: &'a [u8], file: &str, line: u64) -> Result<&'a str, Fatal> {
    std::str::from_utf8(b).map_err(|_| Fatal(format!("{file}:{line}: bytes that are not valid UTF-8 (force the file's encoding with --encoding, e.g. gb18030 or big5)")))
}

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

/// Records read by the parser thread: `recs[..len]` are this batch's.
struct Batch {
    recs: Vec<ByteRecord>,
    len: usize,
}

const BATCH: usize = 4096;

/// The parser stage: fills recycled batches until the input ends, an error
/// occurs (sent on, then stop), or the scoring side hangs up.
fn split<R: std::io::Read>(
    mut csv: csv::Reader<R>,
    name: &str,
    full: &mpsc::SyncSender<Result<Batch, Fatal>>,
    empty: &mpsc::Receiver<Batch>,
) {
    loop {
        let mut b = empty.try_recv().unwrap_or_else(|_| Batch {
            recs: Vec::with_capacity(BATCH),
            len: 0,
        });
        b.len = 0;
        let mut eof = false;
        while b.len < BATCH {
            if b.recs.len() == b.len {
                b.recs.push(ByteRecord::new());
            }
            match csv.read_byte_record(&mut b.recs[b.len]) {
                Ok(true) => b.len += 1,
                Ok(false) => {
                    eof = true;
                    break;
                }
                Err(e) => {
                    let _ = full.send(Err(csv_fatal(name, e)));
                    return;
                }
            }
        }
        if (b.len > 0 && full.send(Ok(b)).is_err()) || eof {
            return;
        }
    }
}

/// Reads every source into one tally.
pub fn read_all(
    sources: Vec<(Source, Box<dyn Read + Send>)>,
    plan: &Plan,
    opts: &Options,
) -> Result<Read_, Fatal> {
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
    Ok(Read_ {
        tally: r.tally,
        rows: r.rows,
        span: r.span,
        dated: r.dated,
        notes: r.notes,
    })
}

fn io_fatal(name: &str, e: std::io::Error) -> Fatal {
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<input::DecodeError>())
    {
        Some(d) => Fatal(format!(
            "{name}:{}: bytes that are not valid {} (force another encoding with --encoding)",
            d.line, d.encoding
        )),
        None => Fatal(format!("{name}: {e}")),
    }
}

fn csv_fatal(name: &str, e: csv::Error) -> Fatal {
    let line = e.position().map(|p| p.line());
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io_fatal(name, io),
        other => Fatal(format!("{name}:{}: {:?}", line.unwrap_or(0), other)),
    }
}

impl Reader<'_> {
    fn read_file(
        &mut self,
        file_no: u32,
        source: &Source,
        raw: Box<dyn Read + Send>,
    ) -> Result<(), Fatal> {
        let name = source.name.as_str();
        let opened = input::open(raw, self.opts.encoding, self.opts.delimiter)
            .map_err(|e| io_fatal(name, e))?;
        // Caches are keyed by raw bytes: a new file may use another encoding.
        if opened.cells != self.cells {
            self.periods = Cache::new();
            self.roles = Cache::new();
            self.persons = Cache::new();
            self.metrics = self
                .plan
                .roles
                .iter()
                .map(|_| Cache::with_ring(16))
                .collect();
            self.last_entity = None;
            self.cells = opened.cells;
        }
        if opened.encoding != encoding_rs::UTF_8 {
            self.notes
                .push(format!("{name}: read as {}", opened.encoding.name()));
        }
        let progress = self.progress_bar(source);
        let counter = opened.progress.clone();
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(opened.delimiter)
            .from_reader(opened.reader);
        let mut rec = ByteRecord::new();
        if !csv
            .read_byte_record(&mut rec)
            .map_err(|e| csv_fatal(name, e))?
        {
            return Err(Fatal(format!(
                "{name}: the file is empty; expected a header row"
            )));
        }
        let header_line = rec.position().map_or(1, |p| p.line());
        let headers: Vec<String> = rec
            .iter()
            .map(|h| text(h, self.cells, name, header_line).map(|s| s.trim().to_string()))
            .collect::<Result<_, _>>()?;
        if headers.iter().any(|h| h.contains('\0')) || headers.iter().all(|h| h.is_empty()) {
            return Err(Fatal(format!(
                "{name}:{header_line}: no header row (the first line has no column names)"
            )));
        }
        let layout = columns::layout(&headers, &self.opts.columns, self.plan)
            .map_err(|m| Fatal(format!("{name}:{header_line}: {m}")))?;
        if !layout.ignored.is_empty() {
            self.notes.push(format!(
                "{name}: ignored columns: {}",
                layout.ignored.join(", ")
            ));
        }
        if layout.period.is_some() {
            self.dated = true;
        } else if self.opts.period.is_some() || self.opts.compare.is_some() {
            return Err(Fatal(format!("{name}:{header_line}: --period and --compare need a period column (期間/月份/period)")));
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
                        let detail =
                            format!("the row has {} fields, the header {}", rec.len(), width);
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
        let len = source
            .path
            .as_ref()
            .and_then(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())?;
        if len < 32 * 1024 * 1024 {
            return None;
        }
        let pb = indicatif::ProgressBar::new(len);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
        ) {
            pb.set_style(style.progress_chars("=> "));
        }
        pb.set_message(source.name.clone());
        Some(pb)
    }

    /// Scores one row; `Ok` whether it was used or skipped.
    fn row(
        &mut self,
        layout: &Layout,
        rec: &ByteRecord,
        file: u32,
        name: &str,
        line: u64,
    ) -> Result<(), Fatal> {
        // Period: which set the row belongs to.
        let mut period = None;
        if let Some(c) = layout.period {
            let raw = &rec[c];
            match self
                .periods
                .get(raw, self.cells, period::parse, name, line)?
            {
                Some(p) => period = Some(p),
                None => {
                    let detail = format!("`{}` is not a period", show(raw, self.cells));
                    self.rows.skip(Reason::BadValue, name, line, detail);
                    return Ok(());
                }
            }
        }
        let in_compare =
            matches!((self.opts.compare, period), (Some(c), Some(p)) if c.contains(&p));
        let in_main = match (self.opts.period, period) {
            (Some(m), Some(p)) => m.contains(&p),
            _ => !in_compare,
        };
        if !in_main && !in_compare {
            let p = period.map_or(String::new(), |p| p.to_string());
            let scored = self.opts.period.map_or(String::new(), |p| p.to_string());
            self.rows.skip(
                Reason::OutsidePeriod,
                name,
                line,
                format!("{p} is outside {scored}"),
            );
            return Ok(());
        }
        let plan = self.plan;
        let raw_role = &rec[layout.role];
        let Some(role) = self
            .roles
            .get(raw_role, self.cells, |s| plan.role(s), name, line)?
        else {
            let detail = format!("`{}` is no role's id or title", show(raw_role, self.cells));
            self.rows.skip(Reason::UnknownRole, name, line, detail);
            return Ok(());
        };
        let person = match layout.person {
            Some(c) if !self.opts.by_role => {
                let (tally, cells) = (&mut self.tally, self.cells);
                // An empty (or blank) cell resolves to no person.
                match self.persons.get(
                    &rec[c],
                    cells,
                    |s| (!s.is_empty()).then(|| tally.person(s)),
                    name,
                    line,
                )? {
                    Some(p) => Some(p),
                    None => {
                        self.rows.skip(
                            Reason::MissingValue,
                            name,
                            line,
                            "the person cell is empty".to_string(),
                        );
                        return Ok(());
                    }
                }
            }
            _ => None,
        };
        let key = LastKey {
            end: period.map(|p| p.end),
            start: period.map(|p| p.start),
            file,
            line,
        };
        let entity = match self.last_entity {
            Some((k, e)) if k == (person, role) => e,
            _ => {
                let e = self.tally.entity(person, role);
                self.last_entity = Some(((person, role), e));
                e
            }
        };
        if in_main {
            self.tally.main_rows[entity] += 1;
        }
        match &layout.kind {
            Kind::Long { metric, value } => self.long_row(
                role,
                entity,
                (in_main, in_compare),
                key,
                &rec[*metric],
                &rec[*value],
                name,
            ),
            Kind::Wide { metrics } => {
                self.wide_row(role, entity, (in_main, in_compare), key, rec, metrics, name)
            }
        }?;
        Ok(())
    }

    /// What wide column `mi` (headed `header`) means for `role`, resolved once
    /// per file. Headers are already text, whatever the file's encoding.
    fn resolve_header(&mut self, role: usize, mi: usize, header: &str) -> Resolved {
        if self.wide.len() <= role {
            self.wide.resize(role + 1, Vec::new());
        }
        if self.wide[role].len() <= mi {
            self.wide[role].resize(mi + 1, None);
        }
        if let Some(r) = self.wide[role][mi] {
            return r;
        }
        let r = match self.plan.metric(role, header) {
            MetricMatch::Targets(t) => {
                self.targets.push(t);
                Resolved::Targets(self.targets.len() as u32 - 1)
            }
            MetricMatch::OtherRole => Resolved::OtherRole,
            MetricMatch::Unknown => Resolved::Unknown,
        };
        self.wide[role][mi] = Some(r);
        r
    }

    fn resolve_metric(
        &mut self,
        role: usize,
        raw: &[u8],
        name: &str,
        line: u64,
    ) -> Result<Resolved, Fatal> {
        let plan = self.plan;
        let targets = &mut self.targets;
        self.metrics[role].get(
            raw,
            self.cells,
            |s| match plan.metric(role, s) {
                MetricMatch::Targets(t) => {
                    targets.push(t);
                    Resolved::Targets(targets.len() as u32 - 1)
                }
                MetricMatch::OtherRole => Resolved::OtherRole,
                MetricMatch::Unknown => Resolved::Unknown,
            },
            name,
            line,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn long_row(
        &mut self,
        role: usize,
        entity: usize,
        sets: (bool, bool),
        key: LastKey,
        raw_metric: &[u8],
        raw_value: &[u8],
        name: &str,
    ) -> Result<(), Fatal> {
        let line = key.line;
        let targets = match self.resolve_metric(role, raw_metric, name, line)? {
            Resolved::Targets(t) => t,
            Resolved::OtherRole => {
                let detail = format!(
                    "`{}` is not a KPI of {}",
                    show(raw_metric, self.cells),
                    self.plan.roles[role].id
                );
                self.rows.skip(Reason::UnknownMetric, name, line, detail);
                return Ok(());
            }
            Resolved::Unknown => {
                let detail = format!("no KPI measures `{}`", show(raw_metric, self.cells));
                self.rows.skip(Reason::UnknownMetric, name, line, detail);
                return Ok(());
            }
        };
        let cell = match number::parse_plain(raw_value) {
            Some(value) if !self.opts.decimal_comma => Cell::Number {
                value,
                percent: false,
            },
            _ => number::parse(
                &text(raw_value, self.cells, name, line)?,
                self.opts.decimal_comma,
            ),
        };
        match cell {
            Cell::Number { value, percent } => {
                self.add(targets, role, entity, sets, key, value, percent);
                self.rows.used += 1;
            }
            Cell::Missing { dash } => {
                let detail = if dash {
                    "`-` read as missing (Excel's accounting format also shows zero as `-`)"
                        .to_string()
                } else {
                    "no value".to_string()
                };
                self.rows.skip(Reason::MissingValue, name, line, detail);
            }
            Cell::Bad => {
                let detail = format!("`{}` is not a number", show(raw_value, self.cells));
                self.rows.skip(Reason::BadValue, name, line, detail);
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn wide_row(
        &mut self,
        role: usize,
        entity: usize,
        sets: (bool, bool),
        key: LastKey,
        rec: &ByteRecord,
        metrics: &[(usize, String)],
        name: &str,
    ) -> Result<(), Fatal> {
        let line = key.line;
        let mut used = false;
        let mut first: Option<(Reason, String)> = None;
        let mut cell_problems = Vec::new();
        for (mi, (col, header)) in metrics.iter().enumerate() {
            let raw = &rec[*col];
            let targets = match self.resolve_header(role, mi, header) {
                Resolved::Targets(t) => t,
                _ => {
                    if !raw.iter().all(|b| b.is_ascii_whitespace()) {
                        self.rows.ignored_cells += 1;
                    }
                    continue;
                }
            };
            let cell = match number::parse_plain(raw) {
                Some(value) if !self.opts.decimal_comma => Cell::Number {
                    value,
                    percent: false,
                },
                _ => number::parse(&text(raw, self.cells, name, line)?, self.opts.decimal_comma),
            };
            match cell {
                Cell::Number { value, percent } => {
                    self.add(targets, role, entity, sets, key, value, percent);
                    used = true;
                }
                Cell::Missing { dash } => {
                    let detail = if dash {
                        format!("{header}: `-` read as missing (Excel's accounting zero?)")
                    } else {
                        format!("{header}: no value")
                    };
                    cell_problems.push((Reason::MissingValue, detail));
                }
                Cell::Bad => cell_problems.push((
                    Reason::BadValue,
                    format!("{header}: `{}` is not a number", show(raw, self.cells)),
                )),
            }
        }
        if used {
            self.rows.used += 1;
            for (reason, detail) in cell_problems {
                self.rows.problem(reason, name, line, detail, true);
            }
        } else {
            if first.is_none() {
                first = cell_problems
                    .iter()
                    .find(|(r, _)| *r == Reason::BadValue)
                    .cloned()
                    .or_else(|| cell_problems.first().cloned());
            }
            let (reason, detail) = first.unwrap_or((
                Reason::MissingValue,
                "no metric cell has a value for this role".to_string(),
            ));
            self.rows.skip(reason, name, line, detail);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        targets: u32,
        role: usize,
        entity: usize,
        (in_main, in_compare): (bool, bool),
        key: LastKey,
        value: Decimal,
        percent: bool,
    ) {
        let plan = self.plan;
        let only_ratio = self.targets[targets as usize]
            .iter()
            .all(|(_, p)| *p != Part::Value);
        for &(kpi, part) in &self.targets[targets as usize] {
            let k = &plan.roles[role].kpis[kpi];
            // `85%` for a ratio-unit KPI (0–1) is 0.85; for percent KPIs it is 85.
            let v = if percent && k.unit == Unit::Ratio {
                value / Decimal::ONE_HUNDRED
            } else {
                value
            };
            for (set, on) in [(false, in_main), (true, in_compare)] {
                if on {
                    self.tally
                        .acc(set, entity, kpi)
                        .add(part, v, key, k.aggregate);
                }
            }
        }
        if only_ratio {
            if let Some(&(kpi, _)) = self.targets[targets as usize].first() {
                for (set, on) in [(false, in_main), (true, in_compare)] {
                    if on {
                        self.tally
                            .acc(set, entity, kpi)
                            .note_ratio_row(key.file, key.line);
                    }
                }
            }
        }
        if in_main {
            if let (Some(start), Some(end)) = (key.start, key.end) {
                let p = Period { start, end };
                self.span = Some(match self.span {
                    Some(s) if s.start <= p.start && p.end <= s.end => s,
                    Some(s) => Period {
                        start: s.start.min(p.start),
                        end: s.end.max(p.end),
                    },
                    None => p,
                });
            }
        }
    }

    /// Rows whose only use was a ratio whose denominator summed to zero gave
    /// nothing to a scorecard after all: they are skipped as `zero-denominator`.
    fn settle_zero_denominators(&mut self) {
        let mut moved = Vec::new();
        for (e, entity) in self.tally.entities.iter().enumerate() {
            for (ki, k) in self.plan.roles[entity.role].kpis.iter().enumerate() {
                for set in [false, true] {
                    let acc = self.tally.get(set, e, ki);
                    if acc.ratio_rows > 0 && acc.zero_denominator(k) {
                        let who = entity
                            .person
                            .clone()
                            .unwrap_or_else(|| self.plan.roles[entity.role].id.clone());
                        let detail = format!(
                            "{who}: the denominator of {} ({}) sums to zero",
                            k.id, k.metric
                        );
                        moved.push((acc.ratio_rows, acc.ratio_lines.clone(), detail));
                    }
                }
            }
        }
        for (n, lines, detail) in moved {
            let n = u64::from(n).min(self.rows.used);
            self.rows.used -= n;
            self.rows.skipped += n;
            *self
                .rows
                .skipped_by_reason
                .entry(Reason::ZeroDenominator)
                .or_default() += n;
            for (file, line) in lines {
                let name = self
                    .file_names
                    .get(file as usize)
                    .cloned()
                    .unwrap_or_default();
                self.rows
                    .problem(Reason::ZeroDenominator, &name, line, detail.clone(), false);
            }
        }
    }
}
