/*!
Which encoding an export is in, and proof that every byte of it decodes
(SPEC 3.2).

The encodings of this field, and nothing else, are recognised: UTF-8 (with
or without a BOM), UTF-16 with a BOM, GB18030 (what Excel and WPS write on
the mainland; also its own BOM `84 31 95 33`), and Big5 (Taiwan, Hong Kong).
A file that is not UTF-8 is GB18030 or Big5 — whichever decodes cleanly; when
both do, the one whose text reads as common Chinese characters. No Western
or Cyrillic code page is ever guessed: a file valid in none of these is an
error naming its first bad line and what it looked like, and a file that
switches encodings part-way is an error naming the line where the second
one starts. `--encoding` forces any label encoding_rs knows.
*/

use std::collections::HashSet;
use std::sync::OnceLock;

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// The encoding found, and how many bytes of BOM to skip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub encoding: &'static Encoding,
    pub bom: usize,
}

/// Why a file cannot be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undecodable {
    /// Valid in none of the encodings tried.
    Invalid { line: u64, tried: String, looked_like: String },
    /// One encoding up to `line`, another from it on.
    Mixed { line: u64, first: &'static str, second: &'static str, looked_like: String },
}

impl Undecodable {
    /// The line the problem is on.
    pub fn line(&self) -> u64 {
        match self {
            Undecodable::Invalid { line, .. } | Undecodable::Mixed { line, .. } => *line,
        }
    }
}

/// The message, without the line (see [`Undecodable::line`]).
impl std::fmt::Display for Undecodable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Undecodable::Invalid { tried, looked_like, .. } => {
                write!(f, "bytes that are not valid {tried} ({looked_like}); force the file's encoding with --encoding")
            }
            Undecodable::Mixed { first, second, looked_like, .. } => write!(
                f,
                "the file is {first} before this line but this line is {second} ({looked_like}); \
                 save the export again in one encoding"
            ),
        }
    }
}

impl std::error::Error for Undecodable {}

const GB18030_BOM: &[u8] = &[0x84, 0x31, 0x95, 0x33];

/// The encoding of a file from its first bytes. `complete` says whether the
/// sample is the whole file (else its last character may be cut).
pub fn detect(sample: &[u8], complete: bool) -> Result<Detected, Undecodable> {
    if let Some((e, len)) = Encoding::for_bom(sample) {
        return Ok(Detected { encoding: e, bom: len });
    }
    if sample.starts_with(GB18030_BOM) {
        return Ok(Detected { encoding: GB18030, bom: GB18030_BOM.len() });
    }
    let utf8_ok = match std::str::from_utf8(sample) {
        Ok(_) => true,
        // Cut mid-character at the end of the sample: still UTF-8.
        Err(e) => e.error_len().is_none() && !complete,
    };
    if utf8_ok {
        return Ok(Detected { encoding: UTF_8, bom: 0 });
    }
    let body = cut_to_last_line(sample, complete);
    if let Some(err) = mixed_with_utf8(body) {
        return Err(err);
    }
    let candidates: Vec<&'static Encoding> = [GB18030, BIG5]
        .into_iter()
        .filter(|e| e.decode_without_bom_handling_and_without_replacement(body).is_some())
        .collect();
    match candidates.as_slice() {
        [] => Err(invalid(body, "UTF-8, GB18030 or Big5")),
        [one] => Ok(Detected { encoding: one, bom: 0 }),
        _ => {
            let gb = commonness(&GB18030.decode_without_bom_handling(body).0);
            let big5 = commonness(&BIG5.decode_without_bom_handling(body).0);
            Ok(Detected { encoding: if big5 > gb { BIG5 } else { GB18030 }, bom: 0 })
        }
    }
}

/// The sample up to its last line break, when it is not the whole file (a
/// cut multi-byte character would not decode).
fn cut_to_last_line(sample: &[u8], complete: bool) -> &[u8] {
    if complete {
        return sample;
    }
    match memchr::memrchr(b'\n', sample) {
        Some(i) => &sample[..=i],
        None => sample,
    }
}

/// A sample with lines of UTF-8 Chinese and lines that are not UTF-8 at all.
fn mixed_with_utf8(body: &[u8]) -> Option<Undecodable> {
    let mut first_utf8 = None;
    let mut first_other = None;
    for (i, line) in body.split(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(s) if has_cjk(s) => first_utf8 = first_utf8.or(Some(i)),
            Ok(_) => {}
            Err(_) => first_other = first_other.or(Some((i, line))),
        }
    }
    let (u, (o, line)) = (first_utf8?, first_other?);
    let legacy = [GB18030, BIG5]
        .into_iter()
        .find(|e| e.decode_without_bom_handling_and_without_replacement(line).is_some())
        .unwrap_or(GB18030);
    let (at, first, second, shown) = if u < o {
        (o, "UTF-8", legacy.name(), legacy.decode_without_bom_handling(line).0.into_owned())
    } else {
        let utf8_line = body.split(|&b| b == b'\n').nth(u).unwrap_or_default();
        (u, legacy.name(), "UTF-8", String::from_utf8_lossy(utf8_line).into_owned())
    };
    Some(Undecodable::Mixed { line: at as u64 + 1, first, second, looked_like: looked_like(&shown) })
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| c >= '\u{2E80}')
}

/// The first line that does not decode in `tried`, shown as UTF-8 would show it.
pub fn invalid(body: &[u8], tried: &str) -> Undecodable {
    let bad = match std::str::from_utf8(body) {
        Ok(_) => body.len(),
        Err(e) => e.valid_up_to(),
    };
    let line = memchr::memchr_iter(b'\n', &body[..bad]).count() as u64 + 1;
    let start = memchr::memrchr(b'\n', &body[..bad]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &body[bad..]).map_or(body.len(), |i| bad + i);
    Undecodable::Invalid {
        line,
        tried: tried.to_string(),
        looked_like: looked_like(&String::from_utf8_lossy(&body[start..end])),
    }
}

/// A line as shown in a message: control characters dropped, at most 60
/// characters.
pub fn looked_like(s: &str) -> String {
    let clean: String = s.trim_end_matches(['\r', '\n']).chars().filter(|c| !c.is_control()).collect();
    let mut shown: String = clean.chars().take(60).collect();
    if clean.chars().count() > 60 {
        shown.push('…');
    }
    format!("it reads 「{shown}」")
}

/// The 1,500 most frequent Chinese characters (Simplified).
fn common() -> &'static HashSet<char> {
    static COMMON: OnceLock<HashSet<char>> = OnceLock::new();
    COMMON.get_or_init(|| {
        include_str!("common_hanzi.txt").lines().filter(|l| !l.starts_with('#')).flat_map(str::chars).collect()
    })
}

/// The share of Chinese characters in `text` that are common ones (after
/// folding Traditional to Simplified); 0 for text without any.
pub fn commonness(text: &str) -> f64 {
    let cjk: String = text.chars().filter(|&c| ('\u{3400}'..='\u{9FFF}').contains(&c) || c >= '\u{F900}').collect();
    if cjk.is_empty() {
        return 0.0;
    }
    let folded = fast2s::convert(&cjk);
    let set = common();
    let hits = folded.chars().filter(|c| set.contains(c)).count();
    hits as f64 / folded.chars().count() as f64
}

/// Whether an encoding is one whose bytes below 0x40 are always ASCII, so
/// CSV can be split on the file's own bytes (see `open`).
pub fn ascii_compatible_below_0x40(e: &'static Encoding) -> bool {
    e != UTF_16LE && e != UTF_16BE && e != encoding_rs::ISO_2022_JP && e != encoding_rs::REPLACEMENT
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRAD: &str = "期間,員工,崗位,指標,數值\n2026-07,張偉,流程管理經理,流程效率提升率,12.5%\n";
    const SIMP: &str = "期间,员工,岗位,指标,数值\n2026-07,张伟,流程管理经理,流程效率提升率,12.5%\n";

    fn enc(s: &str, e: &'static Encoding) -> Vec<u8> {
        e.encode(s).0.into_owned()
    }

    /// Defect: a GB18030 file of two rows was "read as windows-1251" and its
    /// card titled `Нх·ј`.
    #[test]
    fn encoding_detection_guesses_western_and_cyrillic_code_pages_two_row_gb18030() {
        let two_rows = "员工,岗位,数值\n张伟,流程管理经理,3\n";
        assert_eq!(detect(&enc(two_rows, GB18030), true).unwrap().encoding, GB18030);
        assert_eq!(detect(&enc(SIMP, GB18030), true).unwrap().encoding, GB18030);
    }

    #[test]
    fn big5_is_told_from_gb18030() {
        assert_eq!(detect(&enc(TRAD, BIG5), true).unwrap().encoding, BIG5);
        assert_eq!(detect(&enc("員工,崗位\n陳志強,資源協調專員\n", BIG5), true).unwrap().encoding, BIG5);
        // Traditional text in GB18030 (mainland Excel with Traditional data).
        assert_eq!(detect(&enc(TRAD, GB18030), true).unwrap().encoding, GB18030);
    }

    /// Defect: a UTF-8 export with one pasted GB18030 line was read as
    /// windows-1252, every name garbled.
    #[test]
    fn encoding_detection_guesses_western_and_cyrillic_code_pages_mixed_file() {
        let mut bytes = SIMP.as_bytes().to_vec();
        bytes.extend(enc("2026-08,李娜,资源协调专员,资源利用率,86%\n", GB18030));
        match detect(&bytes, true) {
            Err(Undecodable::Mixed { line: 3, first: "UTF-8", second: "gb18030", .. }) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn boms() {
        assert_eq!(detect(b"\xEF\xBB\xBFa,b\n", true).unwrap(), Detected { encoding: UTF_8, bom: 3 });
        assert_eq!(detect(b"\xFF\xFEa\0", true).unwrap(), Detected { encoding: UTF_16LE, bom: 2 });
        let mut gb = GB18030_BOM.to_vec();
        gb.extend(enc(SIMP, GB18030));
        assert_eq!(detect(&gb, true).unwrap(), Detected { encoding: GB18030, bom: 4 });
    }

    #[test]
    fn nothing_else_is_guessed() {
        // Latin-1 text is valid in none of the field's encodings... or reads
        // as rare characters: either way never windows-1252.
        let latin1 = b"name,value\nJos\xe9,3\n";
        match detect(latin1, true) {
            Ok(d) => assert!(d.encoding == GB18030 || d.encoding == BIG5),
            Err(Undecodable::Invalid { line, .. }) => assert_eq!(line, 2),
            Err(e) => panic!("{e}"),
        }
        let junk = b"a,b\n\xff\xff\xff\n";
        assert!(matches!(detect(junk, true), Err(Undecodable::Invalid { line: 2, .. })), "{:?}", detect(junk, true));
    }

    #[test]
    fn commonness_separates_right_and_wrong_decodings() {
        let right = commonness("張偉,流程管理經理,流程效率提升率");
        let wrong = commonness(&GB18030.decode_without_bom_handling(&enc("張偉,流程管理經理,流程效率提升率", BIG5)).0);
        assert!(right > 0.8 && wrong < right, "{right} {wrong}");
    }
}
