/*!
True line numbers for CSV records.

The `csv` crate's `Position::line` is wrong after CRLF line endings (the
line of the previous record: BurntSushi/rust-csv#395) and after blank lines
(rust-csv#208) — and Excel on Windows writes CRLF, so every `file:line` of
such an export would be off. Byte offsets are right, so [`Lines`] watches
the bytes the parser reads and turns a record's byte offset into its line:
one plus the line breaks before the record's first byte (skipping the tail
of a CRLF and blank lines, which a record never starts with).

Only where the line-break bytes are is kept, found in bulk as each chunk
passes (a SIMD search), never the bytes themselves; records come in order,
so numbering a record pops the breaks before it — a few operations per
record, whatever its length.
*/

use std::collections::VecDeque;
use std::io::{self, Read};

/// A `\n` among the break offsets is marked by the top bit (a `\r` is not).
const LF: u64 = 1 << 63;

/// Turns records' byte offsets into lines, from where the line breaks are.
#[derive(Debug, Default)]
pub struct Numbering {
    /// Offsets of the `\r` and `\n` bytes not yet passed, in order.
    ahead: VecDeque<u64>,
    /// Line feeds before `counted`.
    breaks: u64,
    counted: u64,
}

impl Numbering {
    /// Notes breaks found further on (offsets in order, after those before).
    pub fn extend(&mut self, found: impl IntoIterator<Item = u64>) {
        self.ahead.extend(found);
    }

    /// The 1-based line of the record whose first byte is at `offset` (as
    /// `csv` reports it). Offsets must not decrease from call to call, and
    /// the breaks before `offset` must have been noted.
    pub fn line_at(&mut self, offset: u64) -> u64 {
        while let Some(&b) = self.ahead.front() {
            if b & !LF >= offset {
                break;
            }
            self.ahead.pop_front();
            self.breaks += u64::from(b & LF != 0);
        }
        // Skip what precedes a record's content: the LF of a CRLF, blank lines.
        let mut at = self.counted.max(offset);
        while let Some(&b) = self.ahead.front() {
            if b & !LF != at {
                break;
            }
            self.ahead.pop_front();
            self.breaks += u64::from(b & LF != 0);
            at += 1;
        }
        self.counted = at;
        self.breaks + 1
    }
}

/// A reader that notes where line breaks are, to number lines.
pub struct Lines<R> {
    inner: R,
    /// Breaks found and not yet handed to a [`Numbering`].
    found: Vec<u64>,
    /// Bytes handed out so far.
    read: u64,
    numbering: Numbering,
}

impl<R: Read> Lines<R> {
    pub fn new(inner: R) -> Self {
        Lines { inner, found: Vec::new(), read: 0, numbering: Numbering::default() }
    }

    /// The numbering so far, for records numbered elsewhere from now on
    /// (another thread, fed by [`Lines::take_found`]).
    pub fn take_numbering(&mut self) -> Numbering {
        let mut n = std::mem::take(&mut self.numbering);
        n.extend(self.found.drain(..));
        n
    }

    /// Appends the breaks found since the last call to `into`.
    pub fn take_found(&mut self, into: &mut Vec<u64>) {
        into.append(&mut self.found);
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for i in memchr::memchr2_iter(b'\n', b'\r', &buf[..n]) {
            let at = self.read + i as u64;
            self.found.push(if buf[i] == b'\n' { at | LF } else { at });
        }
        self.read += n as u64;
        Ok(n)
    }
}

/// Reads the next record and gives it its true line (see [`Lines`]).
pub fn read_record<R: Read>(csv: &mut csv::Reader<Lines<R>>, rec: &mut csv::ByteRecord) -> csv::Result<bool> {
    if !csv.read_byte_record(rec)? {
        return Ok(false);
    }
    if let Some(mut pos) = rec.position().cloned() {
        let lines = csv.get_mut();
        lines.numbering.extend(lines.found.drain(..));
        pos.set_line(lines.numbering.line_at(pos.byte()));
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

    /// Records numbered elsewhere, from the breaks handed over in batches.
    fn lines_numbered_apart(data: &str) -> Vec<(String, u64)> {
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(3)
            .from_reader(Lines::new(data.as_bytes()));
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        assert!(read_record(&mut csv, &mut rec).unwrap());
        out.push((String::from_utf8_lossy(&rec[0]).into_owned(), rec.position().unwrap().line()));
        let mut numbering = csv.get_mut().take_numbering();
        let mut found = Vec::new();
        let mut batch = Vec::new();
        while csv.read_byte_record(&mut rec).unwrap() {
            batch.push((String::from_utf8_lossy(&rec[0]).into_owned(), rec.position().unwrap().byte()));
            if batch.len() == 2 {
                csv.get_mut().take_found(&mut found);
                numbering.extend(found.drain(..));
                out.extend(batch.drain(..).map(|(f, b)| (f, numbering.line_at(b))));
            }
        }
        csv.get_mut().take_found(&mut found);
        numbering.extend(found.drain(..));
        out.extend(batch.drain(..).map(|(f, b)| (f, numbering.line_at(b))));
        out
    }

    #[test]
    fn crlf_blank_lines_and_quoted_breaks() {
        let want = vec![("a".to_string(), 1), ("R1".into(), 2), ("R2".into(), 4)];
        assert_eq!(lines("a,b\nR1,x\n\nR2,y\n"), want);
        assert_eq!(lines("a,b\r\nR1,x\r\n\r\nR2,y\r\n"), want);
        assert_eq!(lines("a,b\r\nR1,\"x\r\ny\"\r\nR2,z\r\n")[2], ("R2".to_string(), 4));
        assert_eq!(lines("a\n\n\n\nb\r\n\r\nc")[2], ("c".to_string(), 7));
        for data in ["a,b\nR1,x\n\nR2,y\n", "a,b\r\nR1,\"x\r\ny\"\r\nR2,z\r\n\r\nR3,w", "a\n\n\n\nb\r\n\r\nc\nd\ne\r\n"]
        {
            assert_eq!(lines_numbered_apart(data), lines(data), "{data:?}");
        }
    }
}
