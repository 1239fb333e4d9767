/*!
`opsroles diff OLD [NEW]`: the semantic diff of two sets of roles; also git's
external diff driver (seven arguments, always exit 0).
*/

use std::path::Path;

use anyhow::bail;

use super::Outcome;
use crate::cli::{DiffArgs, Global};
use crate::diff::side::{self, Spec};

pub fn run(args: &DiffArgs, global: &Global) -> anyhow::Result<Outcome> {
    let today = global.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let config_path = crate::config::discover(global.config.as_deref());
    if args.args.len() == 7 {
        return Ok(driver(args, global, config_path.as_deref(), today));
    }
    let (old, new) = match args.args.as_slice() {
        [one] => (spec(one)?, Spec::WorkTree),
        [a, b] => (spec(a)?, spec(b)?),
        _ => bail!("diff takes OLD [NEW] (or git's seven external-diff arguments), not {} arguments", args.args.len()),
    };
    let mut memo = crate::load::Memo::default();
    let old = side::load(&old, config_path.as_deref(), &mut memo)?;
    let new = side::load(&new, config_path.as_deref(), &mut memo)?;
    let report = crate::diff::diff(old, new, args.check, today);
    warn_unreadable(&report);
    let text = args.format.render(&report);
    crate::output::emit(&text, args.output.as_deref(), global.color)?;
    let differs = !report.changes.is_empty() || report.readability_changed;
    Ok(if args.exit_code && differs { Outcome::Failure } else { Outcome::Success })
}

/// An argument: a path if it exists, else a revision (refused if it could
/// pass for an option).
fn spec(arg: &str) -> anyhow::Result<Spec> {
    let s = Spec::parse(arg);
    if let Spec::Revision(r) = &s {
        if r.starts_with('-') {
            bail!("refusing revision `{r}`: it starts with `-` and could be taken for an option");
        }
    }
    Ok(s)
}

/// git's external diff driver: `path old-file old-hex old-mode new-file
/// new-hex new-mode`. git requires exit 0, so problems go to stderr only.
fn driver(args: &DiffArgs, global: &Global, config_path: Option<&Path>, today: chrono::NaiveDate) -> Outcome {
    let a = &args.args;
    let result = (|| -> anyhow::Result<()> {
        let config = crate::config::load(config_path, &mut crate::source::Sources::default())?;
        let old = side::file(&a[0], Path::new(&a[1]), &config)?;
        let new = side::file(&a[0], Path::new(&a[4]), &config)?;
        let report = crate::diff::diff(old, new, args.check, today);
        warn_unreadable(&report);
        crate::output::emit(&args.format.render(&report), args.output.as_deref(), global.color)
    })();
    if let Err(e) = result {
        anstream::eprintln!(
            "opsroles diff: {}: {}",
            crate::text::defang(&a[0]),
            crate::text::defang(&format!("{e:#}"))
        );
    }
    Outcome::Success
}

/// Role files that could not be read are named on stderr, since their roles
/// are left out of the diff.
fn warn_unreadable(report: &crate::diff::Report) {
    for u in &report.unreadable {
        anstream::eprintln!(
            "warning: {} (this role file cannot be compared; run `opsroles check`)",
            crate::text::defang(u)
        );
    }
}
