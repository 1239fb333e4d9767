/*!
`similar-duty`: two duties of different roles that are close to the same
work but below the `overlapping-duty` threshold — or whose wording is
near-identical (the lexical floor: a character-bigram Jaccard of the folded
title + description at or above `similarity` is always at least this).
A warning: a reviewer decides whether the two are one duty.
*/

use crate::check::duties::{group_diagnostic, pair_diagnostic};
use crate::check::overlap::Kind;
use crate::check::Ctx;
use crate::diag::{Code, Diagnostic};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let c = ctx.comparison();
    for p in c.pairs.iter().filter(|p| p.finding.kind == Kind::Similar) {
        out.push(pair_diagnostic(ctx, p, Code::SimilarDuty));
    }
    for g in c.groups.iter().filter(|g| g.kind == Kind::Similar) {
        out.push(group_diagnostic(ctx, g, Code::SimilarDuty));
    }
}
