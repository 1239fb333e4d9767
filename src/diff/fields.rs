/*!
Comparing one field of an item, and what a change of it carries: text with
its character edits, a value shown as before → after, a list as the
members added and removed.

Values are compared borrowed and copied only when they changed: most of a
large organisation is the same on both sides.
*/

use super::change::{Change, Member};
use super::inline;
use super::names::Names;

/// A text field people write (title, description, positioning): when it
/// changed on both sides, also the edits inside it.
pub fn text(out: &mut Vec<Change>, base: &Change, name: &str, before: Option<&str>, after: Option<&str>) {
    if before != after {
        let mut c = base.clone().field(name, before.map(str::to_string), after.map(str::to_string));
        if let (Some(b), Some(a)) = (before, after) {
            c.edits = Some(inline::edits(b, a));
        }
        out.push(c);
    }
}

/// A name or a word (an id, a unit): before → after.
pub fn plain(out: &mut Vec<Change>, base: &Change, name: &str, before: Option<&str>, after: Option<&str>) {
    if before != after {
        out.push(base.clone().field(name, before.map(str::to_string), after.map(str::to_string)));
    }
}

/// Any other value: compared as values, shown only when it changed.
pub fn value<T: PartialEq>(
    out: &mut Vec<Change>,
    base: &Change,
    name: &str,
    before: T,
    after: T,
    show: impl Fn(&T) -> Option<String>,
) {
    if before != after {
        out.push(base.clone().field(name, show(&before), show(&after)));
    }
}

/// A list of roles or partners (R, C, I): the members gained and lost, in
/// list order, beside the whole lists. Order means nothing in these lists,
/// so a reordered list is no change.
pub fn list(out: &mut Vec<Change>, base: &Change, name: &str, before: &[&str], after: &[&str], names: &Names) {
    if sorted(before) == sorted(after) {
        return;
    }
    let joined = |v: &[&str]| (!v.is_empty()).then(|| v.join(", "));
    let member = |id: &&str| Member { id: id.to_string(), title: names.member(id).map(str::to_string) };
    let mut c = base.clone().field(name, joined(before), joined(after));
    c.added = Some(minus(after, before).iter().map(member).collect());
    c.removed = Some(minus(before, after).iter().map(member).collect());
    out.push(c);
}

fn sorted<'a>(v: &[&'a str]) -> Vec<&'a str> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v
}

/// `a` without `b`, as multisets, in `a`'s order: a member listed twice
/// where it was listed once is one added.
fn minus<'a>(a: &[&'a str], b: &[&str]) -> Vec<&'a str> {
    let mut left: Vec<&str> = b.to_vec();
    a.iter()
        .filter(|x| match left.iter().position(|y| y == *x) {
            Some(i) => {
                left.remove(i);
                false
            }
            None => true,
        })
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_members_added_and_removed_not_whole_arrays() {
        let mut out = Vec::new();
        let base = Change::new(super::super::Kind::DutyChanged, "r", None);
        list(
            &mut out,
            &base,
            "consulted",
            &["it", "business", "hr"],
            &["business", "finance", "it"],
            &Names::default(),
        );
        let ids = |m: &Option<Vec<Member>>| m.as_ref().unwrap().iter().map(|m| m.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&out[0].added), ["finance"]);
        assert_eq!(ids(&out[0].removed), ["hr"]);
        // Order means nothing in R/C/I: reordering is no change.
        list(&mut out, &base, "informed", &["a", "b"], &["b", "a"], &Names::default());
        assert_eq!(out.len(), 1);
        assert_eq!(minus(&["a", "a", "b"], &["a"]), ["a", "b"]);
    }
}
