/*!
`uncovered-function`: a department function (config `functions:`) that no duty
serves. Silent when a role file could not be read, since its duties are unknown.
*/

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.partial {
        return;
    }
    for f in &ctx.config.functions {
        let covered = ctx.roles.iter().flat_map(|r| r.duties()).any(|d| d.value.function.value == f.id);
        if covered {
            continue;
        }
        let mut d = Diagnostic::new(Code::UncoveredFunction, format!("function `{}` ({}) has no duty", f.id, f.title))
            .item(f.id.as_str())
            .note("give some role a duty with this `function`, or remove the function from the config");
        if let Some(loc) = f.loc {
            d = d.at(loc, "declared here");
        }
        out.push(d);
    }
}
