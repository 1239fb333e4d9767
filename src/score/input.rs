/*!
Opening an export: the encoding and the delimiter (SPEC 3.2).

UTF-8 with or without BOM and UTF-16 with BOM are recognised by their bytes;
otherwise a sample that is not UTF-8 goes to chardetng, which tells GBK
(read as its superset GB18030, as mainland Excel and WPS write it) from Big5
and the rest. `--encoding` forces one. Decoding is strict: a byte sequence
that is not valid in the encoding is an error naming the line, never a
replacement character in a name.
*/

use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

const SAMPLE: usize = 64 * 1024;

/// An opened export: UTF-8 bytes to parse, and what was found out.
pub struct Opened {
    pub reader: Box<dyn BufRead + Send>,
    pub encoding: &'static Encoding,
    /// The encoding of the bytes `reader` yields: UTF-8, or the file's own
    /// legacy encoding when its bytes can be split as they are (see [`open`]).
    pub cells: &'static Encoding,
    pub delimiter: u8,
    /// Raw bytes read so far (for a progress bar).
    pub progress: Arc<AtomicU64>,
}

/// A decoding failure: the line of the first byte that does not decode.
#[derive(Debug)]
pub struct DecodeError {
    pub line: u64,
    pub encoding: &'static str,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: bytes that are not valid {} (force another with --encoding)", self.line, self.encoding)
    }
}

impl std::error::Error for DecodeError {}

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

/// Opens `raw` with the given or detected encoding and delimiter.
pub fn open(raw: Box<dyn Read + Send>, forced: Option<&'static Encoding>, delimiter: Option<u8>) -> io::Result<Opened> {
    let progress = Arc::new(AtomicU64::new(0));
    let mut raw = Counting { inner: raw, count: progress.clone() };
    let mut sample = Vec::with_capacity(SAMPLE);
    (&mut raw).take(SAMPLE as u64).read_to_end(&mut sample)?;
    let complete = sample.len() < SAMPLE;
    let (encoding, bom) = match forced {
        Some(e) => (e, bom_len(&sample, e)),
        None => detect(&sample, complete),
    };
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&sample[bom..], encoding));
    let chained = Cursor::new(sample).chain(raw);
    let cells = if splits_safely(encoding, delimiter) { encoding } else { UTF_8 };
    let reader: Box<dyn BufRead + Send> = if cells == encoding {
        let mut r = BufReader::with_capacity(256 * 1024, chained);
        skip(&mut r, bom)?;
        Box::new(r)
    } else {
        let decoder =
            if bom > 0 { encoding.new_decoder_with_bom_removal() } else { encoding.new_decoder_without_bom_handling() };
        Box::new(BufReader::with_capacity(256 * 1024, Transcode::new(chained, decoder, encoding.name())))
    };
    Ok(Opened { reader, encoding, cells, delimiter, progress })
}

/// Whether CSV can be split on the file's own bytes. In GB18030, GBK, Big5,
/// Shift_JIS, the EUC family and single-byte encodings, every byte below 0x40
/// is the ASCII character (multi-byte trail bytes are 0x30–0x39 in GB18030's
/// four-byte form, else 0x40 and up), so `,` `;` tab `"` CR and LF never occur
/// inside a character. Then only the distinct cells that are looked at need
/// decoding — once each, through the caches — instead of every byte of the
/// file. UTF-16 and ISO-2022-JP are not split that way, nor a delimiter ≥ 0x40
/// (`|` is a Big5 trail byte).
fn splits_safely(e: &'static Encoding, delimiter: u8) -> bool {
    e != UTF_8
        && e != UTF_16LE
        && e != UTF_16BE
        && e != encoding_rs::ISO_2022_JP
        && e != encoding_rs::REPLACEMENT
        && delimiter < 0x40
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
        _ => 0,
    }
}

/// The encoding of a sample, and the length of its BOM.
pub fn detect(sample: &[u8], complete: bool) -> (&'static Encoding, usize) {
    if let Some((e, len)) = Encoding::for_bom(sample) {
        return (e, len);
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return (UTF_8, 0),
        // Cut mid-character at the end of the sample: still UTF-8.
        Err(e) if e.error_len().is_none() && !complete => return (UTF_8, 0),
        Err(_) => {}
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(sample, complete);
    let guess = det.guess(None, chardetng::Utf8Detection::Deny);
    // GB18030 is GBK's superset and what Excel and WPS on the mainland write.
    let guess = if guess == GBK { GB18030 } else { guess };
    (guess, 0)
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
            self.lines += memchr_count(&self.out[..written]);
            self.out_pos = 0;
            self.out_len = written;
            match result {
                DecoderResult::Malformed(_, _) => {
                    let err = DecodeError { line: self.lines + 1, encoding: self.name };
                    return Err(io::Error::new(io::ErrorKind::InvalidData, err));
                }
                DecoderResult::InputEmpty if self.eof => self.finished = true,
                _ => {}
            }
        }
        Ok(())
    }
}

fn memchr_count(b: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', b).count() as u64
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
    use encoding_rs::BIG5;

    /// Opens `bytes` and returns the text it yields (cells of split-safe
    /// encodings decoded here, as the reader does per cell).
    fn read_all(bytes: &[u8], forced: Option<&'static Encoding>) -> io::Result<(String, &'static str, u8)> {
        read_with(bytes, forced, None)
    }

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

    const TEXT: &str = "期間,員工,崗位,指標,數值\n2026-07,張三,流程管理經理,流程效率提升率,12.5%\n";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(read_all(TEXT.as_bytes(), None).unwrap(), (TEXT.to_string(), "UTF-8", b','));
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat();
        assert_eq!(read_all(&with_bom, None).unwrap().0, TEXT);
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in TEXT.encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(read_all(&le, None).unwrap(), (TEXT.to_string(), "UTF-16LE", b','));
        let mut be = vec![0xFE, 0xFF];
        for u in TEXT.encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(read_all(&be, None).unwrap().0, TEXT);
    }

    #[test]
    fn gb18030_and_big5_are_detected() {
        let simplified = "期间,员工,岗位,指标,数值\n2026-07,张三,流程管理经理,流程效率提升率,12.5%\n2026-08,李四,资源协调专员,资源利用率,86%\n";
        let (gbk, _, _) = GB18030.encode(simplified);
        assert_eq!(read_all(&gbk, None).unwrap(), (simplified.to_string(), "gb18030", b','));
        let (big5, _, _) = BIG5.encode(TEXT);
        let (text, enc, _) = read_all(&big5, None).unwrap();
        assert_eq!((text.as_str(), enc), (TEXT, "Big5"));
    }

    #[test]
    fn the_transcoder_names_the_line_of_an_undecodable_byte() {
        // With `|`, a possible Big5/GBK trail byte, the file is transcoded whole.
        let mut bytes = GB18030.encode("期间|员工\n2026-07|张三\n").0.into_owned();
        bytes.extend(b"2026-08|\x81\n");
        let err = read_with(&bytes, Some(GB18030), Some(b'|')).unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
        let err = read_with("甲乙丙\n丁戊己\n".as_bytes(), Some(BIG5), Some(b'|')).unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
    }

    #[test]
    fn legacy_encodings_are_split_on_their_own_bytes_unless_unsafe() {
        let gb = GB18030.encode("期间,员工\n").0.into_owned();
        let o = open(Box::new(Cursor::new(gb.clone())), Some(GB18030), None).unwrap();
        assert_eq!(o.cells, GB18030);
        let o = open(Box::new(Cursor::new(gb)), Some(GB18030), Some(b'|')).unwrap();
        assert_eq!(o.cells, UTF_8);
        let mut le = vec![0xFF, 0xFE];
        le.extend("a,b\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(open(Box::new(Cursor::new(le)), None, None).unwrap().cells, UTF_8);
    }

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(read_all(b"a;b;c\n1;2;3\n", None).unwrap().2, b';');
        assert_eq!(read_all(b"a\tb\tc\n1\t2\t3\n", None).unwrap().2, b'\t');
        assert_eq!(read_all(b"\"a;x\",b,c\n", None).unwrap().2, b',');
    }
}
