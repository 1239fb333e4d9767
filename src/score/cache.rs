/*!
Resolving cells through caches keyed by their raw bytes, and turning cell
bytes into text in the file's cell encoding.
*/

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};
use rustc_hash::FxHashMap;

use super::Fatal;
/// Resolved names by the raw bytes of their cell. Exports repeat values row
/// after row (the same period, role and person for a run of rows), so the
/// last key is compared first. Metric names come round in the same order
/// for every person, so a cache may also remember the order keys first
/// came in (up to `order_size` of them) and compare the key that followed
/// the last one before hashing. Then the hash map.
pub(super) struct Cache<V: Copy> {
    /// The last key and its value, when it has no place in `order`.
    last: Option<(Vec<u8>, V)>,
    /// Where the last key is in `order` (or `usize::MAX`: then in `last`).
    last_at: usize,
    order: Vec<(Box<[u8]>, V)>,
    order_size: usize,
    /// Value and place in `order` (or `u32::MAX`).
    map: FxHashMap<Box<[u8]>, (V, u32)>,
    /// Past this many keys, only values `keep` says yes to are remembered:
    /// memory stays bounded by what is kept, not by distinct junk.
    limit: usize,
    keep: fn(&V) -> bool,
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
        Cache::in_order(0)
    }

    /// A cache that predicts the next key from the order keys first came in.
    pub(super) fn in_order(order_size: usize) -> Self {
        Cache {
            last: None,
            last_at: usize::MAX,
            order: Vec::new(),
            order_size,
            map: FxHashMap::default(),
            limit: usize::MAX,
            keep: |_| true,
        }
    }

    /// Remembers at most `limit` keys, and past that only those whose value
    /// `keep` (values that cost to make again, or that resolving records).
    pub(super) fn bounded(mut self, limit: usize, keep: fn(&V) -> bool) -> Self {
        self.limit = limit;
        self.keep = keep;
        self
    }

    /// The value of `key` if it is the last key looked up.
    #[inline]
    pub(super) fn last_hit(&self, key: &[u8]) -> Option<V> {
        let (k, v) = match self.order.get(self.last_at) {
            Some((k, v)) => (&k[..], v),
            None => self.last.as_ref().map(|(k, v)| (&k[..], v))?,
        };
        same(k, key).then_some(*v)
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
        self.get_or_guess(key, enc, None, resolve, file, line)
    }

    /// [`Cache::get`], with a `guess` taken after the last key and before
    /// any lookup: what the key means when the caller recognised it as the
    /// one it expected next (exports list people in order); it must agree
    /// with `resolve`.
    #[inline]
    pub(super) fn get_or_guess(
        &mut self,
        key: &[u8],
        enc: &'static Encoding,
        guess: Option<V>,
        resolve: impl FnOnce(&str) -> V,
        file: &str,
        line: u64,
    ) -> Result<V, Fatal> {
        if let Some(v) = self.last_hit(key) {
            return Ok(v);
        }
        if let Some(v) = guess {
            self.remember(key, v, usize::MAX);
            return Ok(v);
        }
        // The key that followed the last one, the first time round.
        let next = self.last_at.wrapping_add(1);
        if let Some((k, v)) = self.order.get(next).or_else(|| self.order.first().filter(|_| next == self.order.len())) {
            if same(k, key) {
                let (v, at) = (*v, if next == self.order.len() { 0 } else { next });
                self.remember(key, v, at);
                return Ok(v);
            }
        }
        let (v, at) = match self.map.get(key) {
            Some(&(v, at)) => (v, at),
            None => {
                let v = resolve(text(key, enc, file, line)?.trim());
                let at = if self.order.len() < self.order_size {
                    self.order.push((key.into(), v));
                    self.order.len() as u32 - 1
                } else {
                    u32::MAX
                };
                if self.map.len() < self.limit || (self.keep)(&v) {
                    self.map.insert(key.into(), (v, at));
                }
                (v, at)
            }
        };
        self.remember(key, v, if at == u32::MAX { usize::MAX } else { at as usize });
        Ok(v)
    }

    fn remember(&mut self, key: &[u8], v: V, at: usize) {
        self.last_at = at;
        if at != usize::MAX {
            // The key is `order[at]`: no copy needed.
            return;
        }
        match &mut self.last {
            Some((k, lv)) => {
                k.clear();
                k.extend_from_slice(key);
                *lv = v;
            }
            None => self.last = Some((key.to_vec(), v)),
        }
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
    simdutf8::basic::from_utf8(b).map_err(|_| Fatal(format!("{file}:{line}: bytes that are not valid UTF-8 (force the file's encoding with --encoding, e.g. gb18030 or big5)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_a_repeating_order_are_predicted_and_agree_with_the_map() {
        let mut c: Cache<usize> = Cache::in_order(8);
        let keys: Vec<String> = (0..5).map(|i| format!("metric_{i}")).collect();
        let mut resolved = 0;
        for round in 0..4 {
            for (i, k) in keys.iter().enumerate() {
                let v = c
                    .get(
                        k.as_bytes(),
                        UTF_8,
                        |s| {
                            resolved += 1;
                            s.len() * 100 + i
                        },
                        "f",
                        1,
                    )
                    .unwrap();
                assert_eq!(v, k.len() * 100 + i, "round {round}");
            }
        }
        assert_eq!(resolved, 5, "each key resolved once");
        // Out of order, and a key seen past the remembered order.
        assert_eq!(c.get(b"metric_3", UTF_8, |_| 0, "f", 1).unwrap(), 803);
        assert_eq!(c.get(b"metric_1", UTF_8, |_| 0, "f", 1).unwrap(), 801);
        assert_eq!(c.get(b"metric_2", UTF_8, |_| 0, "f", 1).unwrap(), 802);
        let mut small: Cache<u8> = Cache::in_order(1);
        for k in [b"a", b"b", b"a", b"b"] {
            let want = k[0];
            assert_eq!(small.get(k, UTF_8, |s| s.as_bytes()[0], "f", 1).unwrap(), want);
        }
    }
    #[test]
    fn past_its_limit_a_bounded_cache_remembers_only_what_it_keeps() {
        // Keeps even values: past two keys, odd ones are resolved every time.
        let mut c: Cache<usize> = Cache::in_order(0).bounded(2, |v| v % 2 == 0);
        let mut resolved = 0;
        let mut get = |c: &mut Cache<usize>, k: &str| {
            c.get(
                k.as_bytes(),
                UTF_8,
                |s| {
                    resolved += 1;
                    s.len()
                },
                "f",
                1,
            )
            .unwrap()
        };
        for k in ["a", "bb", "ccc", "dddd", "ccc", "dddd", "a", "ccc"] {
            assert_eq!(get(&mut c, k), k.len());
        }
        // a, bb: under the limit; ccc resolved three times; dddd once.
        assert_eq!(resolved, 2 + 3 + 1);
        assert_eq!(c.map.len(), 3);
    }
}
