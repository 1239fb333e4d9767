/*!
`opsroles diff OLD [NEW]`: the semantic diff of two sets of roles, with
`--check` the findings the change introduces and resolves (`--fail-on
introduced` fails on new errors), with `--metrics` what it does to scores;
also git's external diff driver (seven arguments, always exit 0).
*/

use std::io::Write as _;
use std::path::Path;

use anyhow::{bail, Context as _};

use super::Outcome;
use crate::cli::{DiffArgs, DiffFailOn};
use crate::context::Context;
use crate::diff::impact::Metrics;
use crate::diff::side::{self, Shared, Spec};
use crate::render::diff::DiffOutput;
use crate::render::escape::terminal;
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
    let metrics = if args.metrics.is_empty() {
        None
    } else {
        let period = args
            .period
            .as_deref()
            .map(|p| {
                crate::tabular::period::parse(p)
                    .with_context(|| format!("--period `{p}` is not a period (try 2026-Q3, 2026-07 or 2026)"))
            })
            .transpose()?;
        Some(Metrics { paths: args.metrics.clone(), period })
    };
    let mut sources = Sources::default();
    let config = crate::workspace::load_config(ctx, &mut sources)?;
    let (mut memo, mut blobs) = Default::default();
    let roots = crate::workspace::roots(ctx, &config);
    let mut shared = Shared { roots, sources: &mut sources, memo: &mut memo, blobs: &mut blobs, config: &config };
    let old = side::load(&old, &mut shared)?;
    let new = side::load(&new, &mut shared)?;
    let opts = crate::diff::Options { check: args.check, today: ctx.today, metrics };
    let report = crate::diff::diff(old, new, sources, &opts)?;
    warn_unreadable(&report);
    render(args, ctx, &report)?;
    if args.fail_on == Some(DiffFailOn::Introduced) {
        if let Some(checked) = report.check.as_ref().filter(|c| c.introduces_errors()) {
            let n = checked.introduced.iter().filter(|d| d.severity == crate::diag::Severity::Error).count();
            let what = if n == 1 { "error" } else { "errors" };
            let _ = writeln!(anstream::stderr(), "error: the change introduces {n} {what} (--fail-on introduced)");
            return Ok(Outcome::Failure);
        }
    }
    Ok(if args.exit_code && report.differs() { Outcome::Failure } else { Outcome::Success })
}

/// Whether colour reaches the reader of standard output (`-o` files never
/// get it).
fn colored(args: &DiffArgs, ctx: &Context) -> bool {
    args.output.is_none()
        && anstream::AutoStream::new(std::io::stdout(), ctx.color).current_choice() != anstream::ColorChoice::Never
}

fn render(args: &DiffArgs, ctx: &Context, report: &crate::diff::Report) -> anyhow::Result<()> {
    let data = DiffOutput { report, color: colored(args, ctx) };
    crate::output::emit(args.output.as_deref(), args.format.kind(), ctx.color, |w| {
        args.format.renderer().render(&data, w)
    })
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
        let old = side::file(&a[0], Path::new(&a[1]), &mut shared, args.check)?;
        let new = side::file(&a[0], Path::new(&a[4]), &mut shared, args.check)?;
        let opts = crate::diff::Options { check: args.check, today: ctx.today, metrics: None };
        let report = crate::diff::diff(old, new, sources, &opts)?;
        warn_unreadable(&report);
        render(args, ctx, &report)
    })();
    if let Err(e) = result {
        let _ = writeln!(anstream::stderr(), "opsroles diff: {}: {}", terminal(&a[0]), terminal(&format!("{e:#}")));
    }
    Outcome::Success
}

/// Role files that could not be read are named on stderr, since their roles
/// are left out of the diff.
fn warn_unreadable(report: &crate::diff::Report) {
    for u in &report.unreadable {
        let _ = writeln!(
            anstream::stderr(),
            "warning: {} (this role file cannot be compared; run `opsroles check`)",
            terminal(u)
        );
    }
}
