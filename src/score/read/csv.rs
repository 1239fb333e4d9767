/*!
Records from a CSV export, in batches, on a thread of their own (the parser
stage; the scoring thread works through earlier batches meanwhile).

A metric export is millions of short lines, nearly all without a quote, and
parsing them is the floor of a run (SPEC 3.5). So a line with no `"` and no
stray `\r` is split where it lies — its fields are ranges of the bytes read,
found by a SIMD search for the delimiter — and only a line that has either
goes through `csv_core`, the state machine under the `csv` crate, which
continues across reads for a quoted field that spans lines. The records are
the same as the `csv` crate's (flexible, CR, LF or CRLF ends a record, blank
lines skipped, `""` inside quotes is a quote); a test holds the two equal.

Each record carries its true line: one plus the line feeds before its first
byte, counted as the bytes go by (the `csv` crate's own count is wrong after
CRLF and blank lines).
*/

use std::io::Read;
use std::sync::mpsc;

use super::Fatal;

/// The longest record, and the most fields one may have: a file past these
/// in one record has an unclosed quote or is not CSV, and memory stays
/// bounded whatever the input.
const MAX_RECORD: usize = 64 * 1024 * 1024;
const MAX_FIELDS: usize = 100_000;

/// Bytes read per batch (at least the opened reader's buffer, which then
/// hands reads straight through).
const CHUNK: usize = crate::tabular::open::BUFFER;

/// One record's place in a batch.
#[derive(Debug, Clone, Copy)]
struct Span {
    /// Its first field in `fields`, and how many it has.
    first: u32,
    len: u32,
    line: u64,
}

/// A field range with this bit set is in a batch's `unquoted`, else in `data`.
const UNQUOTED: u32 = 1 << 31;

/// Records read by the parser thread: fields are ranges of the bytes read
/// (`data`), or of `unquoted` for the fields of quoted records.
#[derive(Debug, Default)]
pub(super) struct Batch {
    /// A buffer, kept at its size between batches (no zeroing per read);
    /// the bytes read are `data[..len]`.
    data: Vec<u8>,
    len: usize,
    unquoted: Vec<u8>,
    fields: Vec<(u32, u32)>,
    spans: Vec<Span>,
}

/// A record of a batch: its fields by index, and its line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Record<'a> {
    data: &'a [u8],
    unquoted: &'a [u8],
    fields: &'a [(u32, u32)],
    pub line: u64,
}

impl Record<'_> {
    pub fn len(&self) -> usize {
        self.fields.len()
    }
}

impl std::ops::Index<usize> for Record<'_> {
    type Output = [u8];

    #[inline]
    fn index(&self, i: usize) -> &[u8] {
        let (a, b) = self.fields[i];
        if a & UNQUOTED == 0 {
            &self.data[a as usize..b as usize]
        } else {
            &self.unquoted[(a & !UNQUOTED) as usize..(b & !UNQUOTED) as usize]
        }
    }
}

impl Batch {
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        self.spans.iter().map(|s| Record {
            data: &self.data,
            unquoted: &self.unquoted,
            fields: &self.fields[s.first as usize..(s.first + s.len) as usize],
            line: s.line,
        })
    }

    fn clear(&mut self) {
        self.len = 0;
        self.unquoted.clear();
        self.fields.clear();
        self.spans.clear();
    }
}

/// A quoted record being parsed by `csv_core`, possibly across reads.
struct Quoted {
    out: Vec<u8>,
    ends: Vec<usize>,
    nout: usize,
    nend: usize,
    line: u64,
    /// Line feeds read so far, those since the last byte that is no line
    /// end, and the quoting state: a record the end of the file ends inside a
    /// quoted field across lines never closed its quote.
    feeds: u64,
    trailing: u64,
    quotes: crate::tabular::lines::QuoteState,
}

/// Splits a stream of CSV bytes into batches of records.
pub(super) struct Splitter<R> {
    reader: R,
    name: String,
    delimiter: u8,
    core: csv_core::Reader,
    /// Bytes of the next record not yet complete, carried to the next batch.
    carry: Vec<u8>,
    /// A quoted record in progress.
    quoted: Option<Quoted>,
    /// One plus the line feeds before the next unread byte.
    line: u64,
    eof: bool,
    /// Bytes read per batch.
    chunk: usize,
    /// [`MAX_RECORD`], smaller in tests.
    max_record: usize,
}

impl<R: Read> Splitter<R> {
    pub fn new(reader: R, delimiter: u8, name: &str) -> Self {
        Splitter {
            chunk: CHUNK,
            max_record: MAX_RECORD,
            reader,
            name: name.to_string(),
            delimiter,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            carry: Vec::new(),
            quoted: None,
            line: 1,
            eof: false,
        }
    }

    /// Fills `b` with the next records; `false` when the input is done and
    /// `b` holds none.
    pub fn fill(&mut self, b: &mut Batch) -> Result<bool, Fatal> {
        b.clear();
        while b.spans.is_empty() && !(self.eof && self.carry.is_empty() && self.quoted.is_none()) {
            // Nothing kept from the last round: its bytes were line ends, or
            // are in a quoted record's state, or carried.
            b.clear();
            let start = self.carry.len();
            if b.data.len() < start {
                b.data.resize(start, 0);
            }
            b.data[..start].copy_from_slice(&self.carry);
            self.carry.clear();
            b.len = start;
            if !self.eof {
                // Room for a read of the opened reader's buffer past what is
                // wanted: every read asks for at least that much and so is
                // handed straight through. A long record carried whole grows the read as much, so that
                // splitting it again costs linear time, not quadratic.
                let want = self.chunk.max(start);
                if b.data.len() < start + want + self.chunk {
                    b.data.resize(start + want + self.chunk, 0);
                }
                let mut n = 0;
                while n < want && !self.eof {
                    let k = read_some(&mut self.reader, &mut b.data[start + n..])
                        .map_err(|e| Fatal(crate::tabular::records::io_error(&self.name, e).to_string()))?;
                    n += k;
                    self.eof = k == 0;
                }
                b.len = start + n;
            }
            self.split(b)?;
        }
        Ok(!b.spans.is_empty())
    }

    /// Splits the whole records of `b.data`; the rest goes to `carry`.
    ///
    /// One SIMD pass finds the delimiters and line ends; a record holding a
    /// `"` (found by a search run once per quote) or a CR that does not end
    /// its line goes to `csv_core` instead.
    fn split(&mut self, b: &mut Batch) -> Result<(), Fatal> {
        let end = b.len;
        let mut pos = 0;
        'records: loop {
            if self.quoted.is_some() {
                match self.quoted_record(b, pos)? {
                    Some(next) => pos = next,
                    None => return Ok(()),
                }
            }
            // What comes before a record: line ends of the last one, blank lines.
            while pos < end && matches!(b.data[pos], b'\n' | b'\r') {
                self.line += u64::from(b.data[pos] == b'\n');
                pos += 1;
            }
            if pos == end {
                return Ok(());
            }
            let quote = memchr::memchr(b'"', &b.data[pos..end]).map_or(end, |q| pos + q);
            let (mut start, mut field, mut first) = (pos, pos, b.fields.len());
            for i in memchr::memchr3_iter(self.delimiter, b'\n', b'\r', &b.data[pos..end]) {
                let i = pos + i;
                let c = b.data[i];
                if c == self.delimiter {
                    b.fields.push((field as u32, i as u32));
                    field = i + 1;
                    continue;
                }
                if c == b'\r' {
                    match b.data.get(i + 1) {
                        // CRLF: the LF ends the record.
                        Some(b'\n') => continue,
                        // Which it is shows with the next read.
                        None if !self.eof => break,
                        // A CR alone ends a record, as in csv; csv_core reads it.
                        _ => {
                            b.fields.truncate(first);
                            pos = self.start_quoted(&b.data[..end], start);
                            continue 'records;
                        }
                    }
                }
                if quote < i {
                    b.fields.truncate(first);
                    pos = self.start_quoted(&b.data[..end], start);
                    continue 'records;
                }
                let text_end = if i > start && b.data[i - 1] == b'\r' { i - 1 } else { i };
                if text_end > start {
                    self.push(&mut b.fields, &mut b.spans, first, field, text_end)?;
                }
                self.line += 1;
                (start, field, first) = (i + 1, i + 1, b.fields.len());
            }
            // The bytes from `start` are a record not yet ended.
            if start == end {
                return Ok(());
            }
            if self.eof {
                if quote < end || b.data[start..end].contains(&b'\r') {
                    b.fields.truncate(first);
                    pos = self.start_quoted(&b.data[..end], start);
                    continue;
                }
                self.push(&mut b.fields, &mut b.spans, first, field, end)?;
                return Ok(());
            }
            if end - start > self.max_record {
                return Err(self.too_long_at(self.line));
            }
            b.fields.truncate(first);
            self.carry.extend_from_slice(&b.data[start..end]);
            b.len = start;
            return Ok(());
        }
    }

    /// Ends a record split in place: its last field, then its span.
    #[inline]
    fn push(
        &self,
        fields: &mut Vec<(u32, u32)>,
        spans: &mut Vec<Span>,
        first: usize,
        field: usize,
        text_end: usize,
    ) -> Result<(), Fatal> {
        fields.push((field as u32, text_end as u32));
        let len = fields.len() - first;
        if len > MAX_FIELDS {
            return Err(self.too_long_at(self.line));
        }
        spans.push(Span { first: first as u32, len: len as u32, line: self.line });
        Ok(())
    }

    /// The record at `at` is read by `csv_core`, from its first byte after
    /// any line ends (counted, so the record has its own line). Returns
    /// where `csv_core` starts.
    fn start_quoted(&mut self, data: &[u8], mut at: usize) -> usize {
        while at < data.len() && matches!(data[at], b'\n' | b'\r') {
            self.line += u64::from(data[at] == b'\n');
            at += 1;
        }
        if at < data.len() || self.eof {
            self.quoted = Some(Quoted {
                out: vec![0; 256],
                ends: vec![0; 32],
                nout: 0,
                nend: 0,
                line: self.line,
                feeds: 0,
                trailing: 0,
                quotes: crate::tabular::lines::QuoteState::new(self.delimiter),
            });
            self.core.reset();
        }
        at
    }

    /// Continues the quoted record over `b.data[pos..]`: the position after
    /// it when it ends, `None` when it needs the next read (what it has read
    /// so far is in `csv_core`'s state and the record's output).
    fn quoted_record(&mut self, b: &mut Batch, pos: usize) -> Result<Option<usize>, Fatal> {
        let end = b.len;
        let Some(q) = self.quoted.as_mut() else { return Ok(Some(pos)) };
        let mut at = pos;
        loop {
            // An empty input tells csv_core that the input has ended.
            if at == end && !self.eof {
                return Ok(None);
            }
            let at_eof = at == end;
            let input = &b.data[at..end];
            let (res, nin, nout, nend) = self.core.read_record(input, &mut q.out[q.nout..], &mut q.ends[q.nend..]);
            let consumed = &input[..nin];
            let feeds = memchr::memchr_iter(b'\n', consumed).count() as u64;
            self.line += feeds;
            q.feeds += feeds;
            q.quotes.feed(consumed);
            q.trailing = match consumed.iter().rposition(|&c| c != b'\n' && c != b'\r') {
                Some(i) => memchr::memchr_iter(b'\n', &consumed[i..]).count() as u64,
                None => q.trailing + feeds,
            };
            at += nin;
            q.nout += nout;
            q.nend += nend;
            if q.nout > self.max_record || q.nend > MAX_FIELDS {
                let line = q.line;
                return Err(self.too_long_at(line));
            }
            match res {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => {
                    let n = q.out.len() * 2;
                    q.out.resize(n, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    let n = q.ends.len() * 2;
                    q.ends.resize(n, 0);
                }
                csv_core::ReadRecordResult::Record => {
                    // Ended by the end of the file, not by a line end: a quote
                    // left open swallowed every line after it (csv's reading).
                    if at_eof && q.feeds > q.trailing && q.quotes.open() {
                        let unclosed = crate::tabular::lines::UnclosedQuote { line: q.line };
                        return Err(Fatal(format!("{}:{}: {unclosed}", self.name, q.line)));
                    }
                    let base = b.unquoted.len();
                    b.unquoted.extend_from_slice(&q.out[..q.nout]);
                    let first = b.fields.len() as u32;
                    let mut start = 0;
                    for &e in &q.ends[..q.nend] {
                        b.fields.push(((base + start) as u32 | UNQUOTED, (base + e) as u32 | UNQUOTED));
                        start = e;
                    }
                    b.spans.push(Span { first, len: q.nend as u32, line: q.line });
                    self.quoted = None;
                    return Ok(Some(at));
                }
                csv_core::ReadRecordResult::End => {
                    self.quoted = None;
                    return Ok(Some(end));
                }
            }
        }
    }

    fn too_long_at(&self, line: u64) -> Fatal {
        Fatal(format!(
            "{}:{line}: a record longer than {} bytes or {MAX_FIELDS} fields (an unclosed quote?)",
            self.name, self.max_record
        ))
    }
}

/// One read, retried when interrupted.
fn read_some(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match r.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            other => return other,
        }
    }
}

/// The parser stage: fills recycled batches until the input ends, an error
/// occurs (sent on, then stop), or the scoring side hangs up.
pub(super) fn run<R: Read>(
    mut splitter: Splitter<R>,
    full: &mpsc::SyncSender<Result<Batch, Fatal>>,
    empty: &mpsc::Receiver<Batch>,
) {
    loop {
        let mut b = empty.try_recv().unwrap_or_default();
        match splitter.fill(&mut b) {
            Ok(true) => {
                if full.send(Ok(b)).is_err() {
                    return;
                }
            }
            Ok(false) => return,
            Err(e) => {
                let _ = full.send(Err(e));
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Split = Result<Vec<(Vec<Vec<u8>>, u64)>, String>;

    /// Records and lines as the `csv` crate reads them (lines made true,
    /// and a quote the end of the file leaves open an error: see
    /// [`crate::tabular::lines`]).
    fn by_csv_crate(data: &[u8], delimiter: u8) -> Split {
        let mut csv = ::csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(crate::tabular::lines::Lines::new(data).delimiter(delimiter));
        let mut rec = ::csv::ByteRecord::new();
        let mut out = Vec::new();
        loop {
            match crate::tabular::lines::read_record(&mut csv, &mut rec) {
                Ok(true) => out.push((rec.iter().map(<[u8]>::to_vec).collect(), rec.position().unwrap().line())),
                Ok(false) => return Ok(out),
                Err(e) => match e.into_kind() {
                    ::csv::ErrorKind::Io(io) => {
                        let u = crate::tabular::lines::as_unclosed_quote(&io).expect("an unclosed quote");
                        return Err(format!("t.csv:{}: {u}", u.line));
                    }
                    other => panic!("{other:?}"),
                },
            }
        }
    }

    fn by_splitter(data: &[u8], delimiter: u8, chunk: usize) -> Split {
        let mut s = Splitter::new(data, delimiter, "t.csv");
        s.chunk = chunk;
        let mut b = Batch::default();
        let mut out = Vec::new();
        while s.fill(&mut b).map_err(|e| e.0)? {
            for r in b.records() {
                out.push(((0..r.len()).map(|i| r[i].to_vec()).collect(), r.line));
            }
        }
        Ok(out)
    }

    #[test]
    fn records_and_lines_as_the_csv_crate_reads_them() {
        for data in [
            "a,b\nc,d\n",
            "a,b\r\nc,d\r\n\r\ne,f",
            "h\n\n\nx,\"q\"\"uote\",z\n\"multi\r\nline\",2\n",
            "a\rb\rc\n",
            "\"unclosed,x\ny\n",
            ",,\n,\n",
            "only",
            "",
            "\n\n",
            "張偉,\"流程,管理\"\r\n李娜,3",
            "bc,aa\n\naa",
        ] {
            for chunk in [1, 2, 3, 5, 64] {
                assert_eq!(
                    by_splitter(data.as_bytes(), b',', chunk),
                    by_csv_crate(data.as_bytes(), b','),
                    "{data:?} in chunks of {chunk}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn any_bytes_split_like_the_csv_crate(
            parts in proptest::collection::vec(prop_oneof![
                Just("a"), Just("bc"), Just(","), Just(";"), Just("\t"), Just("\""), Just("\r"), Just("\n"),
                Just(" "), Just("張"), Just("\r\n"),
            ], 0..60),
            chunk in 1usize..9,
            delimiter in prop_oneof![Just(b','), Just(b';'), Just(b'\t')],
        ) {
            let data: String = parts.concat();
            let bytes = data.as_bytes();
            prop_assert_eq!(by_splitter(bytes, delimiter, chunk), by_csv_crate(bytes, delimiter), "{:?}", data);
        }
    }

    #[test]
    fn a_record_past_the_limit_is_an_error_naming_its_line() {
        let mut data = b"a,b\n\"open".to_vec();
        data.extend(std::iter::repeat_n(b'x', 5000));
        let mut s = Splitter::new(&data[..], b',', "t.csv");
        s.max_record = 1000;
        s.chunk = 64;
        let mut b = Batch::default();
        let err = loop {
            match s.fill(&mut b) {
                Ok(true) => {}
                Ok(false) => panic!("no error"),
                Err(e) => break e,
            }
        };
        assert_eq!(err.0, "t.csv:2: a record longer than 1000 bytes or 100000 fields (an unclosed quote?)");
        // Unquoted, too; and a line of nothing but delimiters.
        let long = vec![b'y'; 5000];
        let mut s = Splitter::new(&long[..], b',', "t.csv");
        (s.max_record, s.chunk) = (1000, 64);
        assert!(s.fill(&mut b).unwrap_err().0.starts_with("t.csv:1: a record longer than"));
        let commas = vec![b','; MAX_FIELDS + 1];
        let mut s = Splitter::new(&commas[..], b',', "t.csv");
        assert!(s.fill(&mut b).unwrap_err().0.starts_with("t.csv:1: a record longer than"));
    }
}
