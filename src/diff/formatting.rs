/*!
What kind of nothing: when no change of meaning was found, whether the role
files are the same, or differ only in comments and formatting (and in how
many lines), or differ where they could not be read. A reviewer must be
able to tell "this change only touched comments" from "the diff could not
read the file".

Files of the two sides are paired by their path under the roles directory
(the single file of a file argument, or of git's diff driver, pairs with
the other side's); files left over are paired by file name, which is the
role id — a file moved to a sub-folder.
*/

use std::collections::BTreeMap;

use similar::{Algorithm, DiffTag};

use super::side::Side;
use crate::source::{FileId, Sources};

/// Past this many lines of changed middle, lines are counted, not diffed
/// (Myers is O((N+M)·D); this bounds a hostile file, deterministically).
const MAX_LINES: usize = 20_000;

/// How the role files' text differs beyond what was compared by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Texts {
    /// Changed lines in files read on both sides.
    pub lines: usize,
    /// Files paired only by file name (moved or renamed folders).
    pub moved: usize,
    /// Files that changed but could not be read on a side, or that exist on
    /// one side only without a role in them.
    pub opaque: usize,
}

struct File<'a> {
    name: &'a str,
    text: &'a str,
    readable: bool,
}

fn files<'a>(side: &'a Side, sources: &'a Sources) -> BTreeMap<&'a str, File<'a>> {
    let roles: Vec<FileId> = side.org.roles.iter().map(|r| r.file).collect();
    side.files
        .iter()
        .map(|(key, id)| {
            let name = sources.name(*id);
            let stem = name.rsplit(['/', ':']).next().unwrap_or(name);
            let file = File { name: stem, text: sources.text(*id), readable: roles.contains(id) };
            (key.as_str(), file)
        })
        .collect()
}

/// Compares the text of every role file of both sides.
pub fn texts(old: &Side, new: &Side, sources: &Sources) -> Texts {
    let (mut a, mut b) = (files(old, sources), files(new, sources));
    let mut t = Texts::default();
    let keys: Vec<&str> = a.keys().filter(|k| b.contains_key(*k)).copied().collect();
    let mut pairs: Vec<(File, File)> = keys.iter().filter_map(|k| Some((a.remove(k)?, b.remove(k)?))).collect();
    // What is left: paired by file name when that name is unique on both sides.
    let unique = |m: &BTreeMap<&str, File>, name: &str| m.values().filter(|f| f.name == name).count() == 1;
    let names: Vec<&str> = a.values().map(|f| f.name).filter(|n| unique(&a, n) && unique(&b, n)).collect();
    for name in names {
        let ka = a.iter().find(|(_, f)| f.name == name).map(|(k, _)| *k);
        let kb = b.iter().find(|(_, f)| f.name == name).map(|(k, _)| *k);
        if let (Some(ka), Some(kb)) = (ka, kb) {
            if let (Some(fa), Some(fb)) = (a.remove(ka), b.remove(kb)) {
                t.moved += 1;
                pairs.push((fa, fb));
            }
        }
    }
    for (fa, fb) in pairs {
        if fa.text == fb.text && fa.readable == fb.readable {
            continue;
        }
        if fa.readable && fb.readable {
            t.lines += changed_lines(fa.text, fb.text);
        } else {
            t.opaque += 1;
        }
    }
    t.opaque += a.len() + b.len();
    t
}

/// Lines changed from `a` to `b`: a line replaced counts once.
pub fn changed_lines(a: &str, b: &str) -> usize {
    if a == b {
        return 0;
    }
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.split('\n').collect(), b.split('\n').collect());
    let head = la.iter().zip(&lb).take_while(|(x, y)| x == y).count();
    let tail = la[head..].iter().rev().zip(lb[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&la[head..la.len() - tail], &lb[head..lb.len() - tail]);
    if ma.len() + mb.len() > MAX_LINES {
        return ma.len().max(mb.len());
    }
    similar::capture_diff_slices(Algorithm::Myers, ma, mb)
        .iter()
        .map(|op| {
            let (tag, old, new) = op.as_tag_tuple();
            match tag {
                DiffTag::Equal => 0,
                DiffTag::Delete => old.len(),
                DiffTag::Insert => new.len(),
                DiffTag::Replace => old.len().max(new.len()),
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::changed_lines;

    #[test]
    fn changed_lines_count_a_replaced_line_once() {
        assert_eq!(changed_lines("a\n# x\nb\n", "a\n# y\nb\n"), 1);
        assert_eq!(changed_lines("a\nb\n", "a\n# new\nb\n"), 1);
        assert_eq!(changed_lines("a\n# 1\n# 2\nb\n", "a\nb\n"), 2);
        assert_eq!(changed_lines("a\n", "a"), 1, "a final newline is a line of formatting");
        assert_eq!(changed_lines("a: 1\n", "a:   1\n"), 1);
        assert_eq!(changed_lines("same\n", "same\n"), 0);
    }
}
