/*!
`overlapping-duty`: two duties of different roles that describe the same
work — possibly in other words: synonyms (收集 / 調研, 人員 / 人力),
Traditional or Simplified script, Taiwan or mainland vocabulary, filler
words, another order, a short title inside a longer description. This is the
report's 職責邊界模糊: the same work in two roles, until neither does it.
Different work that shares words (drafting vs approving one plan) is not an
overlap. The detector is `check::overlap`; the message names the score, the
shared key words and the synonyms that matched, so a reviewer sees why.
*/

use crate::check::duties::{group_diagnostic, pair_diagnostic};
use crate::check::overlap::Kind;
use crate::check::Ctx;
use crate::diag::{Code, Diagnostic};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let c = ctx.comparison();
    for p in c.pairs.iter().filter(|p| p.finding.kind == Kind::Overlap) {
        out.push(pair_diagnostic(ctx, p, Code::OverlappingDuty));
    }
    for g in c.groups.iter().filter(|g| g.kind == Kind::Overlap) {
        out.push(group_diagnostic(ctx, g, Code::OverlappingDuty));
    }
}
