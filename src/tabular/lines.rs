/*!
True line numbers for CSV records.

The `csv` crate's `Position::line` is wrong after CRLF line endings (the
line of the previous record: BurntSushi/rust-csv#395) and after blank lines
(rust-csv#208) — and Excel on Windows writes CRLF, so every `file:line` of
such an export would be off. Byte offsets are right, so [`Lines`] watches
the bytes the parser reads and turns a record's byte offset into its line:
one plus the line breaks before the record's first byte (skipping the tail
of a CRLF and blank lines, which a record never starts with). Records come in
order, so counting is one pass over the file; only the bytes the parser
has not yet passed are kept.

The same bytes show an unterminated quote: the csv crate reads a quote that
never closes as one cell holding the rest of the file — 89 people of a
100-person export vanish, exit 0. A last record that spans lines and that
the end of the file leaves inside a quoted field ([`QuoteState`]), or a record that grows
past [`MAX_RECORD`] bytes, is an [`UnclosedQuote`] naming the line where it
opened.
*/

use std::collections::VecDeque;
use std::io::{self, Read};

/// No record of a real export comes near this; a quote left open does.
pub const MAX_RECORD: u64 = 8 * 1024 * 1024;

/// A quote that opens a cell and never closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnclosedQuote {
    pub line: u64,
}

impl std::fmt::Display for UnclosedQuote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a quote opened on this line is never closed, so every line after it would be read as one cell; close or remove the quote")
    }
}

impl std::error::Error for UnclosedQuote {}

/// The [`UnclosedQuote`] inside an I/O error, if that is what it is.
pub fn as_unclosed_quote(e: &io::Error) -> Option<UnclosedQuote> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<UnclosedQuote>()).copied()
}

/// Where a CSV parser stands with respect to quotes, fed a record's bytes
/// from its first: enough to tell whether the end of the input left a quoted
/// field open — which `csv_core` (under the csv crate) does not show. Its
/// rules are csv_core's (a quote opens a field only at its start; `""`
/// inside is a quote; a byte after the closing quote continues the field);
/// a property test holds the two equal.
#[derive(Debug, Clone, Copy)]
pub struct QuoteState {
    delimiter: u8,
    state: Field,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Start,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: its end, or the first of `""`.
    QuoteSeen,
}

impl QuoteState {
    pub fn new(delimiter: u8) -> Self {
        QuoteState { delimiter, state: Field::Start }
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            let end = b == self.delimiter || b == b'\n' || b == b'\r';
            self.state = match (self.state, b) {
                (Field::Quoted, b'"') => Field::QuoteSeen,
                (Field::Quoted, _) => Field::Quoted,
                (Field::QuoteSeen, b'"') => Field::Quoted,
                (_, _) if end => Field::Start,
                (Field::Start, b'"') => Field::Quoted,
                _ => Field::Unquoted,
            };
        }
    }

    /// Inside a quoted field: the next line would be part of it.
    pub fn open(&self) -> bool {
        self.state == Field::Quoted
    }
}

/// A reader that remembers recent bytes to number lines.
pub struct Lines<R> {
    inner: R,
    /// The file's delimiter (whether a quote opens a field depends on it).
    delimiter: u8,
    /// Chunks read but not yet counted past: (offset of the first byte, bytes).
    chunks: VecDeque<(u64, Vec<u8>)>,
    /// Bytes handed out so far.
    read: u64,
    /// Line breaks before `counted`.
    breaks: u64,
    counted: u64,
    /// The line of the last record numbered.
    last_line: u64,
}

impl<R: Read> Lines<R> {
    pub fn new(inner: R) -> Self {
        Lines { inner, delimiter: b',', chunks: VecDeque::new(), read: 0, breaks: 0, counted: 0, last_line: 0 }
    }

    /// The delimiter the csv reader over this one uses (default `,`).
    pub fn delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = delimiter;
        self
    }

    /// The 1-based line of the record whose first byte is at `offset` (as
    /// `csv` reports it). Offsets must not decrease from call to call.
    pub fn line_at(&mut self, offset: u64) -> u64 {
        self.count_to(offset);
        // Skip what precedes a record's content: the LF of a CRLF, blank lines.
        let mut at = self.counted;
        loop {
            match self.byte(at) {
                Some(b'\n') => {
                    self.count_to(at + 1);
                    at += 1;
                }
                Some(b'\r') => at += 1,
                _ => break,
            }
        }
        self.last_line = self.breaks + 1;
        self.last_line
    }

    /// After the last record: whether the end of the file left it inside a
    /// quoted field that spans lines.
    fn unclosed_at_end(&self) -> Option<UnclosedQuote> {
        if self.last_line == 0 {
            return None;
        }
        let mut quotes = QuoteState::new(self.delimiter);
        let (mut feeds, mut trailing) = (0u64, 0u64);
        for (start, bytes) in &self.chunks {
            let from = self.counted.saturating_sub(*start).min(bytes.len() as u64) as usize;
            quotes.feed(&bytes[from..]);
            for &b in &bytes[from..] {
                match b {
                    b'\n' => (feeds, trailing) = (feeds + 1, trailing + 1),
                    b'\r' => {}
                    _ => trailing = 0,
                }
            }
        }
        (feeds > trailing && quotes.open()).then_some(UnclosedQuote { line: self.last_line })
    }

    fn byte(&self, at: u64) -> Option<u8> {
        self.chunks
            .iter()
            .find(|(start, b)| *start <= at && at < start + b.len() as u64)
            .map(|(s, b)| b[(at - s) as usize])
    }

    fn count_to(&mut self, offset: u64) {
        while self.counted < offset {
            let Some((start, bytes)) = self.chunks.front() else { return };
            let end = start + bytes.len() as u64;
            let from = (self.counted - start) as usize;
            let to = (offset.min(end) - start) as usize;
            self.breaks += memchr::memchr_iter(b'\n', &bytes[from..to]).count() as u64;
            self.counted = offset.min(end);
            if self.counted == end {
                self.chunks.pop_front();
            }
        }
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read - self.counted > MAX_RECORD {
            // The record after the last one numbered never ends.
            let err = UnclosedQuote { line: self.last_line + 1 };
            return Err(io::Error::new(io::ErrorKind::InvalidData, err));
        }
        let n = self.inner.read(buf)?;
        if n > 0 {
            self.chunks.push_back((self.read, buf[..n].to_vec()));
            self.read += n as u64;
        }
        Ok(n)
    }
}

/// Reads the next record and gives it its true line (see [`Lines`]).
pub fn read_record<R: Read>(csv: &mut csv::Reader<Lines<R>>, rec: &mut csv::ByteRecord) -> csv::Result<bool> {
    if !csv.read_byte_record(rec)? {
        if let Some(u) = csv.get_ref().unclosed_at_end() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, u).into());
        }
        return Ok(false);
    }
    if let Some(mut pos) = rec.position().cloned() {
        let line = csv.get_mut().line_at(pos.byte());
        pos.set_line(line);
        rec.set_position(Some(pos));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(data: &str) -> Vec<(String, u64)> {
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(3)
            .from_reader(Lines::new(data.as_bytes()));
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        while read_record(&mut csv, &mut rec).unwrap() {
            out.push((String::from_utf8_lossy(&rec[0]).into_owned(), rec.position().unwrap().line()));
        }
        out
    }

    fn read_all(data: &str) -> Result<usize, u64> {
        let mut csv =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(Lines::new(data.as_bytes()));
        let mut rec = csv::ByteRecord::new();
        let mut n = 0;
        loop {
            match read_record(&mut csv, &mut rec) {
                Ok(true) => n += 1,
                Ok(false) => return Ok(n),
                Err(e) => match e.into_kind() {
                    csv::ErrorKind::Io(io) => return Err(as_unclosed_quote(&io).expect("an unclosed quote").line),
                    other => panic!("{other:?}"),
                },
            }
        }
    }

    /// Issue 14: one unterminated quote at line 12 of a 100-person export
    /// swallowed every following line: 89 people vanished, exit 0.
    #[test]
    fn an_unterminated_quote_names_the_line_where_it_opened() {
        let mut text = String::from("period,person,role,metric,value\n");
        for i in 2..=101 {
            let person = if i == 12 { "\"張偉".to_string() } else { format!("p{i}") };
            text.push_str(&format!("2026-07,{person},process-manager,sop_coverage,90\n"));
        }
        assert_eq!(read_all(&text), Err(12));
        // A quoted cell that spans lines and closes is fine, at the end too.
        assert_eq!(read_all("a,b\n1,\"x\ny\"\n"), Ok(2));
        // A stray quote inside an unquoted last cell swallows nothing.
        assert_eq!(read_all("a,b\n1,5\"\n"), Ok(2));
        // A quote left open early in a big file stops reading, bounded.
        let mut big = String::from("a,b\n1,\"open\n");
        while (big.len() as u64) < MAX_RECORD + 1_000_000 {
            big.push_str("2026-07,row\n");
        }
        assert_eq!(read_all(&big), Err(2));
    }

    #[test]
    fn crlf_blank_lines_and_quoted_breaks() {
        let want = vec![("a".to_string(), 1), ("R1".into(), 2), ("R2".into(), 4)];
        assert_eq!(lines("a,b\nR1,x\n\nR2,y\n"), want);
        assert_eq!(lines("a,b\r\nR1,x\r\n\r\nR2,y\r\n"), want);
        assert_eq!(lines("a,b\r\nR1,\"x\r\ny\"\r\nR2,z\r\n")[2], ("R2".to_string(), 4));
        assert_eq!(lines("a\n\n\n\nb\r\n\r\nc")[2], ("c".to_string(), 7));
    }

    /// Whether csv_core, in NFA mode (whose state survives a clone; the DFA
    /// tables of a clone are not copied), sees the input end in a quoted field.
    fn csv_core_open(data: &[u8], delimiter: u8) -> bool {
        let mut core = csv_core::ReaderBuilder::new().delimiter(delimiter).nfa(true).build();
        let (mut out, mut ends) = ([0u8; 1024], [0usize; 256]);
        let mut input = data;
        while !input.is_empty() {
            let (_, nin, _, _) = core.read_record(input, &mut out, &mut ends);
            input = &input[nin..];
        }
        // One more line: part of a quoted field, or a record of its own.
        let (r, ..) = core.read_record(b"x\n", &mut out, &mut ends);
        matches!(r, csv_core::ReadRecordResult::InputEmpty)
    }

    #[test]
    fn the_csv_core_oracle_tells_open_from_closed() {
        assert!(csv_core_open(b"a,\"b\nc", b','));
        assert!(!csv_core_open(b"a,\"b\nc\"", b','));
        assert!(!csv_core_open(b"a,b\"", b','));
        assert!(!csv_core_open(b"a;\"b\"x\"", b';'));
    }

    proptest::proptest! {
        #[test]
        fn quote_state_agrees_with_csv_core(
            parts in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just("a"), proptest::strategy::Just(","), proptest::strategy::Just(";"),
                proptest::strategy::Just("\""), proptest::strategy::Just("\r"), proptest::strategy::Just("\n"),
                proptest::strategy::Just(" "), proptest::strategy::Just("\r\n"),
            ], 0..40),
            delimiter in proptest::prop_oneof![proptest::strategy::Just(b','), proptest::strategy::Just(b';')],
        ) {
            let data = parts.concat();
            let mut q = QuoteState::new(delimiter);
            q.feed(data.as_bytes());
            proptest::prop_assert_eq!(q.open(), csv_core_open(data.as_bytes(), delimiter), "{:?}", data);
        }
    }
}
