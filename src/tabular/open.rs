/*!
Opening an export: the encoding (see [`super::encoding`]), the delimiter, and
a reader that proves every byte decodes — the whole file, not a sample.

Bytes reach the CSV parser in one of two ways. UTF-8, GB18030, Big5 and the
other encodings whose bytes below 0x40 are always ASCII are split on their
own bytes (`,` `;` tab `"` CR LF never occur inside a character), so only
the distinct cells that are looked at need decoding, while a validator
checks every byte on the way through. UTF-16, and a delimiter of 0x40 or
above (`|` is a Big5 trail byte), go through a strict transcoder to UTF-8.
Either way a byte that does not decode is an error naming its line.
*/

use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use super::encoding::{self, looked_like, Undecodable};

const SAMPLE: usize = 64 * 1024;

/// The read buffer. A CSV reader given a buffer at least this large reads
/// through [`Opened::reader`] without a second copy of every byte (a
/// `BufReader` hands a read of its capacity or more straight through).
pub const BUFFER: usize = 256 * 1024;

/// An opened export: bytes to parse, and what was found out.
pub struct Opened {
    pub reader: Box<dyn BufRead + Send>,
    pub encoding: &'static Encoding,
    /// The encoding of the bytes `reader` yields: UTF-8, or the file's own
    /// legacy encoding when its bytes can be split as they are.
    pub cells: &'static Encoding,
    pub delimiter: u8,
    /// Raw bytes read so far (for a progress bar).
    pub progress: Arc<AtomicU64>,
}

/// Counts raw bytes read, for progress.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Looks an `--encoding` label up (`gbk`, `gb18030`, `big5`, `utf-8`, `utf-16le` …).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// The `io::Error` that carries an [`Undecodable`].
fn undecodable(u: Undecodable) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, u)
}

/// The [`Undecodable`] inside an I/O error, if that is what it is.
pub fn as_undecodable(e: &io::Error) -> Option<&Undecodable> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<Undecodable>())
}

/// Opens `raw` with the given or detected encoding and delimiter.
pub fn open(raw: Box<dyn Read + Send>, forced: Option<&'static Encoding>, delimiter: Option<u8>) -> io::Result<Opened> {
    let progress = Arc::new(AtomicU64::new(0));
    let mut raw = Counting { inner: raw, count: progress.clone() };
    let mut sample = Vec::with_capacity(SAMPLE);
    (&mut raw).take(SAMPLE as u64).read_to_end(&mut sample)?;
    let complete = sample.len() < SAMPLE;
    let detected = match forced {
        Some(e) => encoding::Detected { encoding: e, bom: bom_len(&sample, e) },
        None => encoding::detect(&sample, complete).map_err(undecodable)?,
    };
    let (enc, bom) = (detected.encoding, detected.bom);
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&sample[bom..], enc));
    let chained = Cursor::new(sample).chain(raw);
    let split_safe = encoding::ascii_compatible_below_0x40(enc) && delimiter < 0x40;
    let reader: Box<dyn BufRead + Send> = if split_safe {
        let mut r = BufReader::with_capacity(BUFFER, Validate::new(chained, enc));
        skip(&mut r, bom)?;
        Box::new(r)
    } else {
        let decoder = if bom > 0 { enc.new_decoder_with_bom_removal() } else { enc.new_decoder_without_bom_handling() };
        Box::new(BufReader::with_capacity(BUFFER, Transcode::new(chained, decoder, enc.name())))
    };
    Ok(Opened { reader, encoding: enc, cells: if split_safe { enc } else { UTF_8 }, delimiter, progress })
}

fn skip(r: &mut impl BufRead, n: usize) -> io::Result<()> {
    let mut left = n;
    while left > 0 {
        let avail = r.fill_buf()?.len().min(left);
        if avail == 0 {
            break;
        }
        r.consume(avail);
        left -= avail;
    }
    Ok(())
}

fn bom_len(sample: &[u8], e: &'static Encoding) -> usize {
    match Encoding::for_bom(sample) {
        Some((found, len)) if found == e => len,
        _ if e == GB18030 && sample.starts_with(&[0x84, 0x31, 0x95, 0x33]) => 4,
        _ => 0,
    }
}

/// Comma, semicolon or tab: whichever the header line has most of, outside quotes.
fn sniff_delimiter(sample: &[u8], encoding: &'static Encoding) -> u8 {
    let text: String = if encoding == UTF_16LE || encoding == UTF_16BE {
        encoding.decode_without_bom_handling(sample).0.into_owned()
    } else {
        String::from_utf8_lossy(sample).into_owned()
    };
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                for c in counts.iter_mut() {
                    if c.0 == b {
                        c.1 += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts.iter().copied().max_by_key(|&(d, n)| (n, d == b',')).map_or(b',', |(d, n)| if n == 0 { b',' } else { d })
}

/// Passes bytes through unchanged after checking that they decode in the
/// file's encoding — every byte of the file, so a bad byte in a column the
/// command never reads still stops the run — and that no line of a legacy
/// file is UTF-8 Chinese (a file of mixed encodings).
struct Validate<R> {
    inner: R,
    encoding: &'static Encoding,
    decoder: Option<encoding_rs::Decoder>,
    scratch: Vec<u8>,
    /// An incomplete UTF-8 sequence at the end of the last chunk.
    carry: Vec<u8>,
    /// Line breaks before the current chunk.
    lines: u64,
    /// The current line so far (for the message when it is bad), bounded.
    line_start: Vec<u8>,
    /// Whether UTF-8 Chinese has been seen (a later non-UTF-8 line then
    /// means the file mixes encodings).
    seen_cjk: bool,
}

impl<R: Read> Validate<R> {
    fn new(inner: R, encoding: &'static Encoding) -> Self {
        let decoder = (encoding != UTF_8).then(|| encoding.new_decoder_without_bom_handling());
        Validate {
            inner,
            encoding,
            decoder,
            scratch: vec![0; 3 * 64 * 1024 + 16],
            carry: Vec::new(),
            lines: 0,
            line_start: Vec::new(),
            seen_cjk: false,
        }
    }

    /// The complete line of `chunk` holding byte `at` (with what came before
    /// it in earlier chunks).
    fn line_at(&self, chunk: &[u8], at: usize) -> Vec<u8> {
        let start = memchr::memrchr(b'\n', &chunk[..at]).map(|i| i + 1);
        let end = memchr::memchr(b'\n', &chunk[at..]).map_or(chunk.len(), |i| at + i);
        match start {
            Some(s) => chunk[s..end].to_vec(),
            None => [self.line_start.as_slice(), &chunk[..end]].concat(),
        }
    }

    fn check(&mut self, chunk: &[u8], last: bool) -> Result<(), Undecodable> {
        if self.encoding == UTF_8 {
            self.check_utf8(chunk, last)
        } else {
            self.check_legacy(chunk, last)
        }
    }

    fn check_utf8(&mut self, chunk: &[u8], last: bool) -> Result<(), Undecodable> {
        let joined: Vec<u8>;
        let data: &[u8] = if self.carry.is_empty() {
            chunk
        } else {
            joined = [self.carry.as_slice(), chunk].concat();
            &joined
        };
        // A carried partial character holds no line break.
        self.carry.clear();
        // The SIMD check says only yes or no (the standard one below says
        // where), over the complete characters: a chunk usually ends inside
        // a Chinese one, whose first bytes are carried to the next chunk.
        let complete = if last { data.len() } else { complete_utf8_prefix(data) };
        if let Ok(valid) = simdutf8::basic::from_utf8(&data[..complete]) {
            if !self.seen_cjk && !valid.is_ascii() {
                self.seen_cjk = valid.chars().any(|c| c >= '\u{2E80}');
            }
            self.carry.extend_from_slice(&data[complete..]);
            return Ok(());
        }
        let valid = match std::str::from_utf8(data) {
            Ok(s) => s,
            Err(e) if e.error_len().is_none() && !last => {
                self.carry.extend_from_slice(&data[e.valid_up_to()..]);
                std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or_default()
            }
            Err(e) => {
                let at = e.valid_up_to();
                let line_no = self.lines + memchr::memchr_iter(b'\n', &data[..at]).count() as u64 + 1;
                let line = self.line_at(data, at);
                let legacy = [GB18030, BIG5]
                    .into_iter()
                    .find(|e| e.decode_without_bom_handling_and_without_replacement(&line).is_some());
                return Err(match legacy {
                    Some(l) if self.seen_cjk => Undecodable::Mixed {
                        line: line_no,
                        first: "UTF-8",
                        second: l.name(),
                        looked_like: looked_like(&l.decode_without_bom_handling(&line).0),
                    },
                    Some(l) => Undecodable::Invalid {
                        line: line_no,
                        tried: format!(
                            "UTF-8, which the start of the file is (as {} {})",
                            l.name(),
                            looked_like(&l.decode_without_bom_handling(&line).0)
                        ),
                        looked_like: looked_like(&String::from_utf8_lossy(&line)),
                    },
                    None => Undecodable::Invalid {
                        line: line_no,
                        tried: "UTF-8".into(),
                        looked_like: looked_like(&String::from_utf8_lossy(&line)),
                    },
                });
            }
        };
        if !self.seen_cjk && !valid.is_ascii() {
            self.seen_cjk = valid.chars().any(|c| c >= '\u{2E80}');
        }
        Ok(())
    }

    fn check_legacy(&mut self, chunk: &[u8], last: bool) -> Result<(), Undecodable> {
        let Some(decoder) = self.decoder.as_mut() else { return Ok(()) };
        let mut pos = 0;
        loop {
            let (result, read, _) = decoder.decode_to_utf8_without_replacement(&chunk[pos..], &mut self.scratch, last);
            match result {
                DecoderResult::InputEmpty => break,
                DecoderResult::OutputFull => pos += read,
                DecoderResult::Malformed(_, _) => {
                    let at = (pos + read).saturating_sub(1).min(chunk.len().saturating_sub(1));
                    let line = self.lines + memchr::memchr_iter(b'\n', &chunk[..at]).count() as u64 + 1;
                    let text = self.line_at(chunk, at);
                    return Err(Undecodable::Invalid {
                        line,
                        tried: self.encoding.name().to_string(),
                        looked_like: looked_like(&self.encoding.decode_without_bom_handling(&text).0),
                    });
                }
            }
        }
        // A line of UTF-8 Chinese in a GB18030 or Big5 file.
        let mut start = 0;
        for (n, end) in memchr::memchr_iter(b'\n', chunk).chain(std::iter::once(chunk.len())).enumerate() {
            let line = &chunk[start..end];
            if line.iter().any(|&b| b >= 0x80) {
                if let Ok(s) = std::str::from_utf8(line) {
                    if s.chars().any(|c| c >= '\u{2E80}') && start > 0 {
                        return Err(Undecodable::Mixed {
                            line: self.lines + n as u64 + 1,
                            first: self.encoding.name(),
                            second: "UTF-8",
                            looked_like: looked_like(s),
                        });
                    }
                }
            }
            start = end + 1;
        }
        Ok(())
    }

    fn advance(&mut self, chunk: &[u8]) {
        let breaks = memchr::memchr_iter(b'\n', chunk).count() as u64;
        self.lines += breaks;
        match memchr::memrchr(b'\n', chunk) {
            Some(i) => {
                self.line_start.clear();
                self.line_start.extend_from_slice(&chunk[i + 1..]);
            }
            None if self.line_start.len() < 4096 => self.line_start.extend_from_slice(chunk),
            None => {}
        }
    }
}

impl<R: Read> Read for Validate<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.check(&buf[..n], n == 0).map_err(undecodable)?;
        self.advance(&buf[..n]);
        Ok(n)
    }
}

/// The length of `data` without a UTF-8 sequence cut off at its end (at
/// most 3 bytes shorter). Invalid bytes are left for the validator to find.
fn complete_utf8_prefix(data: &[u8]) -> usize {
    for back in 1..=data.len().min(4) {
        let b = data[data.len() - back];
        if b & 0xC0 != 0x80 {
            // A lead byte (or ASCII): how long its sequence is.
            let need = match b {
                0x00..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            return if need > back { data.len() - back } else { data.len() };
        }
    }
    data.len()
}

/// A `Read` that decodes a legacy encoding to UTF-8, failing on malformed input.
struct Transcode<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    name: &'static str,
    inbuf: Vec<u8>,
    in_pos: usize,
    in_len: usize,
    eof: bool,
    finished: bool,
    out: Vec<u8>,
    out_pos: usize,
    out_len: usize,
    lines: u64,
}

impl<R: Read> Transcode<R> {
    fn new(inner: R, decoder: encoding_rs::Decoder, name: &'static str) -> Self {
        Transcode {
            inner,
            decoder,
            name,
            inbuf: vec![0; 128 * 1024],
            in_pos: 0,
            in_len: 0,
            eof: false,
            finished: false,
            out: vec![0; 3 * 128 * 1024 + 16],
            out_pos: 0,
            out_len: 0,
            lines: 0,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        while self.out_pos == self.out_len && !self.finished {
            if self.in_pos == self.in_len && !self.eof {
                self.in_len = self.inner.read(&mut self.inbuf)?;
                self.in_pos = 0;
                self.eof = self.in_len == 0;
            }
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.inbuf[self.in_pos..self.in_len],
                &mut self.out,
                self.eof,
            );
            self.in_pos += read;
            self.lines += memchr::memchr_iter(b'\n', &self.out[..written]).count() as u64;
            self.out_pos = 0;
            self.out_len = written;
            match result {
                DecoderResult::Malformed(_, _) => {
                    let shown = String::from_utf8_lossy(&self.out[..written]);
                    let line_text = shown.rsplit('\n').next().unwrap_or("");
                    return Err(undecodable(Undecodable::Invalid {
                        line: self.lines + 1,
                        tried: self.name.to_string(),
                        looked_like: looked_like(line_text),
                    }));
                }
                DecoderResult::InputEmpty if self.eof => self.finished = true,
                _ => {}
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for Transcode<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.refill()?;
        let n = (self.out_len - self.out_pos).min(buf.len());
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Opens `bytes` and returns the text it yields (cells of split-safe
    /// encodings decoded here, as the reader does per cell).
    fn read_with(
        bytes: &[u8],
        forced: Option<&'static Encoding>,
        delimiter: Option<u8>,
    ) -> io::Result<(String, &'static str, u8)> {
        let mut o = open(Box::new(Cursor::new(bytes.to_vec())), forced, delimiter)?;
        let mut raw = Vec::new();
        o.reader.read_to_end(&mut raw)?;
        let s = o.cells.decode_without_bom_handling_and_without_replacement(&raw).map(|s| s.into_owned());
        let s = s.ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "undecodable"))?;
        Ok((s, o.encoding.name(), o.delimiter))
    }

    fn read_all(bytes: &[u8]) -> io::Result<(String, &'static str, u8)> {
        read_with(bytes, None, None)
    }

    const TEXT: &str = "期間,員工,崗位,指標,數值\n2026-07,張三,流程管理經理,流程效率提升率,12.5%\n";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(read_all(TEXT.as_bytes()).unwrap(), (TEXT.to_string(), "UTF-8", b','));
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat();
        assert_eq!(read_all(&with_bom).unwrap().0, TEXT);
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in TEXT.encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(read_all(&le).unwrap(), (TEXT.to_string(), "UTF-16LE", b','));
        let mut be = vec![0xFE, 0xFF];
        for u in TEXT.encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(read_all(&be).unwrap().0, TEXT);
    }

    #[test]
    fn gb18030_and_big5_are_detected() {
        let simplified = "期间,员工,岗位,指标,数值\n2026-07,张三,流程管理经理,流程效率提升率,12.5%\n";
        let gbk = GB18030.encode(simplified).0.into_owned();
        assert_eq!(read_all(&gbk).unwrap(), (simplified.to_string(), "gb18030", b','));
        let big5 = BIG5.encode(TEXT).0.into_owned();
        let (text, enc, _) = read_all(&big5).unwrap();
        assert_eq!((text.as_str(), enc), (TEXT, "Big5"));
    }

    #[test]
    fn the_transcoder_names_the_line_of_an_undecodable_byte() {
        // With `|`, a possible Big5/GBK trail byte, the file is transcoded whole.
        let mut bytes = GB18030.encode("期间|员工\n2026-07|张三\n").0.into_owned();
        bytes.extend(b"2026-08|\x81\n");
        let err = read_with(&bytes, Some(GB18030), Some(b'|')).unwrap_err();
        assert_eq!(as_undecodable(&err).map(|u| u.line()), Some(3), "{err}");
    }

    /// Issue 14: bytes that do not decode after the first 64 KiB, in a column
    /// never read, must still stop the run.
    #[test]
    fn a_bad_byte_after_the_sample_is_found() {
        let mut text = String::from("期間,員工,數值\n");
        while text.len() < 200_000 {
            text.push_str("2026-07,張三,3\n");
        }
        let lines = text.lines().count();
        let mut bytes = text.into_bytes();
        bytes.extend(b"2026-08,\xff\xfe,3\n");
        let err = read_all(&bytes).unwrap_err();
        let u = as_undecodable(&err).unwrap();
        assert!(matches!(u, Undecodable::Invalid { line, .. } if *line == lines as u64 + 1), "{u:?}");
        // In GB18030 too.
        let mut gb = GB18030.encode("期间,员工,数值\n").0.into_owned();
        while gb.len() < 200_000 {
            gb.extend(GB18030.encode("2026-07,张三,3\n").0.iter());
        }
        gb.extend(b"2026-08,\x81\x20,3\n");
        assert!(read_all(&gb).is_err());
    }

    #[test]
    fn a_utf8_line_after_the_sample_in_a_gb18030_file_is_mixed() {
        let mut gb = GB18030.encode("期间,员工,数值\n").0.into_owned();
        while gb.len() < 100_000 {
            gb.extend(GB18030.encode("2026-07,张三,3\n").0.iter());
        }
        gb.extend("2026-08,李娜,4\n".as_bytes());
        let err = read_all(&gb).unwrap_err();
        assert!(matches!(as_undecodable(&err), Some(Undecodable::Mixed { second: "UTF-8", .. })), "{err}");
    }

    #[test]
    fn a_character_cut_by_a_chunk_is_carried_not_refused() {
        let text = "張偉".as_bytes();
        assert_eq!(complete_utf8_prefix(text), 6);
        assert_eq!(complete_utf8_prefix(&text[..5]), 3);
        assert_eq!(complete_utf8_prefix(&text[..4]), 3);
        assert_eq!(complete_utf8_prefix(&text[..3]), 3);
        assert_eq!(complete_utf8_prefix(b"ab"), 2);
        assert_eq!(complete_utf8_prefix(b""), 0);
        // Read through chunks of every size: each cut point in a character.
        let line = "2026-07,張偉,流程管理經理,sop_coverage,90\n".repeat(50);
        for chunk in 1..12 {
            let mut v = Validate::new(ChunkedReader { data: line.as_bytes(), chunk }, UTF_8);
            let mut out = Vec::new();
            v.read_to_end(&mut out).unwrap();
            assert_eq!(out, line.as_bytes());
        }
    }

    struct ChunkedReader<'a> {
        data: &'a [u8],
        chunk: usize,
    }

    impl Read for ChunkedReader<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.chunk.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(read_all(b"a;b;c\n1;2;3\n").unwrap().2, b';');
        assert_eq!(read_all(b"a\tb\tc\n1\t2\t3\n").unwrap().2, b'\t');
        assert_eq!(read_all(b"\"a;x\",b,c\n").unwrap().2, b',');
    }
}
