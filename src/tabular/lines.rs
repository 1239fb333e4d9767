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

/// A reader that notes where line breaks are, to number lines.
pub struct Lines<R> {
    inner: R,
    /// Offsets of the `\r` and `\n` bytes not yet passed, in order; a `\n`
    /// is marked by the top bit.
    breaks_ahead: VecDeque<u64>,
    /// Bytes handed out so far.
    read: u64,
    /// Line feeds before `counted`.
    breaks: u64,
    counted: u64,
}

const LF: u64 = 1 << 63;

impl<R: Read> Lines<R> {
    pub fn new(inner: R) -> Self {
        Lines { inner, breaks_ahead: VecDeque::new(), read: 0, breaks: 0, counted: 0 }
    }

    /// The 1-based line of the record whose first byte is at `offset` (as
    /// `csv` reports it). Offsets must not decrease from call to call.
    pub fn line_at(&mut self, offset: u64) -> u64 {
        self.count_to(offset);
        // Skip what precedes a record's content: the LF of a CRLF, blank lines.
        let mut at = self.counted;
        while let Some(&b) = self.breaks_ahead.front() {
            if b & !LF != at {
                break;
            }
            self.breaks_ahead.pop_front();
            self.breaks += u64::from(b & LF != 0);
            at += 1;
        }
        self.counted = self.counted.max(at);
        self.breaks + 1
    }

    fn count_to(&mut self, offset: u64) {
        while let Some(&b) = self.breaks_ahead.front() {
            if b & !LF >= offset {
                break;
            }
            self.breaks_ahead.pop_front();
            self.breaks += u64::from(b & LF != 0);
        }
        self.counted = self.counted.max(offset);
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for i in memchr::memchr2_iter(b'\n', b'\r', &buf[..n]) {
            let at = self.read + i as u64;
            self.breaks_ahead.push_back(if buf[i] == b'\n' { at | LF } else { at });
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

    #[test]
    fn crlf_blank_lines_and_quoted_breaks() {
        let want = vec![("a".to_string(), 1), ("R1".into(), 2), ("R2".into(), 4)];
        assert_eq!(lines("a,b\nR1,x\n\nR2,y\n"), want);
        assert_eq!(lines("a,b\r\nR1,x\r\n\r\nR2,y\r\n"), want);
        assert_eq!(lines("a,b\r\nR1,\"x\r\ny\"\r\nR2,z\r\n")[2], ("R2".to_string(), 4));
        assert_eq!(lines("a\n\n\n\nb\r\n\r\nc")[2], ("c".to_string(), 7));
    }
}
