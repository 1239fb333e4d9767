/*!
Opening a project: the config in force, the role files it names, and the one
[`Sources`] of the run that every file registers in.

Every command that reads roles opens them here, so the config search, the
"no roles directory" message and the reading of role files exist once. A
config that cannot be used stops the run with its findings ([`Rejected`]).
*/

use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::config::{Config, ConfigError};
use crate::context::Context;
use crate::diag::{Diagnostic, Rejected};
use crate::model::Org;
use crate::source::{display_path, Sources};

/// A project as one side of a run sees it.
#[derive(Debug)]
pub struct Workspace {
    pub sources: Sources,
    pub config: Config,
    pub org: Org,
}

/// Turns a config problem into the run's error, moving the sources the
/// findings point into along with them.
pub fn config_error(e: ConfigError, sources: Sources) -> anyhow::Error {
    match e {
        ConfigError::Unreadable(msg) => anyhow::anyhow!(msg),
        ConfigError::Invalid(diagnostics) => reject("invalid configuration", sources, diagnostics),
    }
}

/// Findings that stop a run (exit 2), with the sources they point into.
pub fn reject(context: &str, sources: Sources, diagnostics: Vec<Diagnostic>) -> anyhow::Error {
    Rejected::error(context, sources, diagnostics)
}

/// Loads the config in force into `sources`.
pub fn load_config(ctx: &Context, sources: &mut Sources) -> anyhow::Result<Config> {
    let path = ctx.config_path();
    match crate::config::load(path.as_deref(), sources) {
        Ok(c) => Ok(c),
        Err(e) => Err(config_error(e, std::mem::take(sources))),
    }
}

impl Workspace {
    /// The config in force and the roles under `paths` (default: the
    /// configured roles directory, or `roles` as an override).
    pub fn open(ctx: &Context, paths: &[PathBuf], roles_override: Option<&Path>) -> anyhow::Result<Workspace> {
        let mut sources = Sources::default();
        let config = load_config(ctx, &mut sources)?;
        let paths = if !paths.is_empty() {
            paths.to_vec()
        } else {
            let dir = roles_override.map_or_else(|| config.roles_dir.clone(), Path::to_path_buf);
            if !dir.is_dir() {
                bail!("{}", no_roles_message(&config, &dir, roles_override.is_some()));
            }
            vec![dir]
        };
        // Folders the user names are inside the project by choice.
        let mut roots = roots(ctx, &config);
        for p in &paths {
            roots.add(p);
        }
        let org = crate::model::load::load_paths_with(&paths, &roots, &mut sources, &mut Default::default())?;
        Ok(Workspace { sources, config, org })
    }
}

/// Where role files may be: the project's folder (that of `opsroles.yaml`, or
/// the current directory without one) and the configured roles directory.
pub fn roots(ctx: &Context, config: &Config) -> crate::model::load::Roots {
    let project = config.path.as_deref().and_then(Path::parent).map_or_else(
        || ctx.cwd.clone(),
        |p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p.to_path_buf()
            }
        },
    );
    crate::model::load::Roots::new(&[&project, &config.roles_dir])
}

fn no_roles_message(config: &Config, dir: &Path, overridden: bool) -> String {
    let shown = display_path(dir);
    if overridden {
        return format!("no roles directory at {shown}");
    }
    match &config.path {
        Some(p) => format!(
            "no roles directory at {shown} (`roles:` of {} points there; create it, or run `opsroles init`)",
            display_path(p)
        ),
        None => format!(
            "no opsroles.yaml found here or above; run `opsroles init` to start a project\n(or `cd` into one, or pass role files: there is no {shown}/ here either)"
        ),
    }
}
