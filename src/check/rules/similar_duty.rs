/*!
`similar-duty`: two duties with different ids, owned by different roles, whose
texts are near-identical — the report's blurred boundary, where the same work
sits in two roles under two names.

Similarity is the Jaccard index of the character-bigram sets of the normalised
title + description (see `check/similar`), found with a prefix-filtered join
that returns exactly the pairs an all-pairs scan would.
*/

use crate::check::similar::{self, Record};
use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // Every declaration of every duty, in load order.
    let duties: Vec<(usize, &crate::model::Sp<crate::model::Duty>)> =
        ctx.roles.iter().enumerate().flat_map(|(i, r)| r.duties().iter().map(move |d| (i, d))).collect();
    let records: Vec<Record> = duties.iter().map(|(_, d)| Record::new(&d.value.text())).collect();
    for pair in similar::join(&records, ctx.config.similarity) {
        let (ra, a) = duties[pair.a];
        let (rb, b) = duties[pair.b];
        let (role_a, role_b) = (&ctx.roles[ra], &ctx.roles[rb]);
        if a.value.id.value == b.value.id.value || role_a.id() == role_b.id() {
            continue;
        }
        let pct = (pair.score * 100.0).floor();
        let mut d = Diagnostic::new(
            Code::SimilarDuty,
            format!(
                "duties `{}` ({}) and `{}` ({}) are {pct}% similar: 「{}」 vs 「{}」",
                a.value.id.value,
                role_a.id(),
                b.value.id.value,
                role_b.id(),
                a.value.text(),
                b.value.text()
            ),
        )
        .at(role_a.loc(&a.value.id), format!("`{}` in `{}`", a.value.id.value, role_a.id()))
        .at(role_b.loc(&b.value.id), format!("`{}` in `{}`", b.value.id.value, role_b.id()))
        .role(role_a.id())
        .role(role_b.id())
        .item(a.value.id.value.as_str())
        .item(b.value.id.value.as_str())
        .note(
            "give the work to one role and make the other consulted, or reword the duties so each says what is its own",
        );
        d.notes.push(format!("similarity {:.4} ≥ threshold {}", pair.score, ctx.config.similarity));
        out.push(d);
    }
}
