/*!
Resolving cells through caches keyed by their raw bytes, and turning cell
bytes into text in the file's cell encoding.
*/

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};
use rustc_hash::FxHashMap;

use super::fatal::Fatal;
/// Resolved names by the raw bytes of their cell. Exports repeat values row
/// after row (the same period, role and person for a run of rows), so the
/// last key is compared first; metric names cycle, so their caches also keep
/// a small ring of recent keys (names of different lengths are rejected at
/// once). Then the hash map.
pub(super) struct Cache<V: Copy> {
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
    pub(super) fn new() -> Self {
        Cache::with_ring(0)
    }

    pub(super) fn with_ring(ring_size: usize) -> Self {
        Cache { last: None, ring: Vec::with_capacity(ring_size), ring_size, next: 0, map: FxHashMap::default() }
    }

    #[inline]
    pub(super) fn get(
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
        let hit = self.ring.iter().find(|(k, _)| same(k, key)).map(|(_, v)| *v);
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
pub(super) fn text<'a>(b: &'a [u8], enc: &'static Encoding, file: &str, line: u64) -> Result<Cow<'a, str>, Fatal> {
    if enc == UTF_8 {
        return utf8(b, file, line).map(Cow::Borrowed);
    }
    enc.decode_without_bom_handling_and_without_replacement(b).ok_or_else(|| {
        Fatal(format!(
            "{file}:{line}: bytes that are not valid {} (force another encoding with --encoding)",
            enc.name()
        ))
    })
}

/// A cell as shown in a message, whatever it holds.
pub(super) fn show(b: &[u8], enc: &'static Encoding) -> String {
    enc.decode_without_bom_handling(b).0.trim().to_string()
}

pub(super) fn utf8<'a>(b: &'a [u8], file: &str, line: u64) -> Result<&'a str, Fatal> {
    std::str::from_utf8(b).map_err(|_| Fatal(format!("{file}:{line}: bytes that are not valid UTF-8 (force the file's encoding with --encoding, e.g. gb18030 or big5)")))
}
