/*!
`opsroles diff OLD [NEW]`: the semantic diff of two sets of roles; also git's
external diff driver (seven arguments, always exit 0).
*/

use std::path::Path;

use anyhow::bail;

use super::Outcome;
use crate::cli::DiffArgs;
use crate::context::Context;
use crate::diff::side::{self, Shared, Spec};
use crate::render::Format;
use crate::source::Sources;

pub fn run(args: &DiffArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    if args.args.len() == 7 {
        return Ok(driver(args, ctx));
    }
    let (old, new) = match args.args.as_slice() {
        [one] => (Spec::parse(one)?, Spec::WorkTree),
        [a, b] => (Spec::parse(a)?, Spec::parse(b)?),
        _ => bail!("diff takes OLD [NEW] (or git's seven external-diff arguments), not {} arguments", args.args.len()),
    };
    let mut sources = Sources::default();
    let config = crate::workspace::load_config(ctx, &mut sources)?;
    let (mut memo, mut blobs) = Default::default();
    let roots = crate::workspace::roots(ctx, &config);
    let mut shared = Shared { roots, sources: &mut sources, memo: &mut memo, blobs: &mut blobs, config: &config };
    let old = side::load(&old, &mut shared)?;
    let new = side::load(&new, &mut shared)?;
    let report = crate::diff::diff(old, new, sources, args.check, ctx.today);
    warn_unreadable(&report);
    crate::output::emit(args.output.as_deref(), args.format.kind(), ctx.color, |w| {
        args.format.renderer().render(&report, w)
    })?;
    let differs = !report.changes.is_empty() || report.readability_changed;
    Ok(if args.exit_code && differs { Outcome::Failure } else { Outcome::Success })
}

/// git's external diff driver: `path old-file old-hex old-mode new-file
/// new-hex new-mode`. git requires exit 0, so problems go to stderr only.
fn driver(args: &DiffArgs, ctx: &Context) -> Outcome {
    let a = &args.args;
    let result = (|| -> anyhow::Result<()> {
        let mut sources = Sources::default();
        let config = crate::workspace::load_config(ctx, &mut sources)?;
        let (mut memo, mut blobs) = Default::default();
        let roots = crate::workspace::roots(ctx, &config);
        let mut shared = Shared { roots, sources: &mut sources, memo: &mut memo, blobs: &mut blobs, config: &config };
        let old = side::file(&a[0], Path::new(&a[1]), &mut shared)?;
        let new = side::file(&a[0], Path::new(&a[4]), &mut shared)?;
        let report = crate::diff::diff(old, new, sources, args.check, ctx.today);
        warn_unreadable(&report);
        crate::output::emit(args.output.as_deref(), args.format.kind(), ctx.color, |w| {
            args.format.renderer().render(&report, w)
        })
    })();
    if let Err(e) = result {
        use crate::render::escape::terminal;
        let _ = std::io::Write::write_fmt(
            &mut anstream::stderr(),
            format_args!("opsroles diff: {}: {}\n", terminal(&a[0]), terminal(&format!("{e:#}"))),
        );
    }
    Outcome::Success
}

/// Role files that could not be read are named on stderr, since their roles
/// are left out of the diff.
fn warn_unreadable(report: &crate::diff::Report) {
    use crate::render::escape::terminal;
    for u in &report.unreadable {
        let _ = std::io::Write::write_fmt(
            &mut anstream::stderr(),
            format_args!("warning: {} (this role file cannot be compared; run `opsroles check`)\n", terminal(u)),
        );
    }
}
