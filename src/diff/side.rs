/*!
One side of a diff: the roles of a directory, a single role file, the
working tree, or a git revision — each with the config in force there, so
`--check` can run the rules on both sides. Both sides register their files
in the run's one `Sources`, so every finding points into the right file.

At a revision, the roles directory is found from the config committed at that
revision (at the working config's path), else as in the working tree.
*/

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::config::{Config, ConfigError};
use crate::git::{Blobs, Repo};
use crate::model::load::{Memo, Pending};
use crate::model::Org;
use crate::source::{display_path, FileId, Sources};

/// What an argument of `opsroles diff` names.
#[derive(Debug, Clone)]
pub enum Spec {
    /// An existing file or directory.
    Path(PathBuf),
    /// A git revision.
    Revision(String),
    /// The roles directory on disk, untracked files included.
    WorkTree,
}

impl Spec {
    /// An argument that names an existing path is a path; anything else a
    /// revision (refused if it could pass for an option).
    pub fn parse(arg: &str) -> anyhow::Result<Spec> {
        if Path::new(arg).exists() {
            return Ok(Spec::Path(PathBuf::from(arg)));
        }
        if arg.starts_with('-') {
            bail!("refusing revision `{arg}`: it starts with `-` and could be taken for an option");
        }
        Ok(Spec::Revision(arg.to_string()))
    }
}

pub struct Side {
    pub label: String,
    pub org: Org,
    pub config: Config,
    /// Every role file of the side (read or not), keyed by its path under
    /// the roles directory (empty for a single file), for pairing the files
    /// of two sides by text.
    pub files: Vec<(String, FileId)>,
}

/// The files registered in `sources` since `start`, keyed by their name
/// without `prefix` (a single file, when `prefix` is its whole name, has the
/// empty key).
fn files_since(sources: &Sources, start: usize, prefix: &str) -> Vec<(String, FileId)> {
    sources.iter().skip(start).map(|(id, f)| (f.name.strip_prefix(prefix).unwrap_or(&f.name).to_string(), id)).collect()
}

/// The display prefix of files under `dir`, or the whole name of a file.
fn prefix_of(path: &Path) -> String {
    let shown = display_path(path);
    if path.is_dir() {
        if shown == "." {
            String::new()
        } else {
            format!("{shown}/")
        }
    } else {
        shown
    }
}

/// What both sides of a run share: the run's sources, parse results and
/// fetched blobs, and the working config.
pub struct Shared<'a> {
    /// Where working-tree role files may be (see `model::load::Roots`).
    pub roots: crate::model::load::Roots,
    pub sources: &'a mut Sources,
    pub memo: &'a mut Memo,
    pub blobs: &'a mut Blobs,
    /// The working config, already registered in `sources`.
    pub config: &'a Config,
}

/// Loads a side.
pub fn load(spec: &Spec, shared: &mut Shared) -> anyhow::Result<Side> {
    match spec {
        Spec::Path(p) => {
            let start = shared.sources.iter().count();
            let org = crate::model::load::load_paths_with(
                std::slice::from_ref(p),
                &shared.roots,
                shared.sources,
                shared.memo,
            )?;
            let files = files_since(shared.sources, start, &prefix_of(p));
            Ok(Side { label: display_path(p), org, config: shared.config.clone(), files })
        }
        Spec::WorkTree => {
            let dir = &shared.config.roles_dir;
            if !dir.is_dir() {
                bail!("no roles directory at {}", display_path(dir));
            }
            let start = shared.sources.iter().count();
            let org = crate::model::load::load_paths_with(
                std::slice::from_ref(dir),
                &shared.roots,
                shared.sources,
                shared.memo,
            )?;
            let files = files_since(shared.sources, start, &prefix_of(dir));
            Ok(Side { label: "working tree".to_string(), org, config: shared.config.clone(), files })
        }
        Spec::Revision(rev) => revision(rev, shared),
    }
}

fn revision(rev: &str, shared: &mut Shared) -> anyhow::Result<Side> {
    let repo = Repo::discover()
        .with_context(|| format!("`{rev}` is neither an existing path nor, outside a git repository, a revision"))?;
    let commit = repo.resolve(rev)?;
    // The config as committed at that revision, at the working config's path.
    let committed = match shared.config.path.as_deref().and_then(|p| repo.relative(p)) {
        Some(rel) => repo.blob(&commit, &rel)?.map(|bytes| (rel, bytes)),
        None => None,
    };
    let (config, roles_rel) = match committed {
        Some((rel, bytes)) => {
            let dir_rel = Path::new(&rel).parent().map(Path::to_path_buf).unwrap_or_default();
            let config = crate::config::from_bytes(format!("{rev}:{rel}"), &bytes, &dir_rel, shared.sources).map_err(
                |e| match e {
                    ConfigError::Unreadable(m) => anyhow::anyhow!(m),
                    ConfigError::Invalid(ds) => crate::diag::Rejected::error(
                        &format!("invalid configuration at {rev}"),
                        std::mem::take(shared.sources),
                        ds,
                    ),
                },
            )?;
            let roles = config.roles_dir.to_string_lossy().replace('\\', "/");
            (config, normalize_rel(&roles))
        }
        None => {
            let rel = repo.relative(&shared.config.roles_dir).with_context(|| {
                format!("the roles directory {} is outside the git repository", display_path(&shared.config.roles_dir))
            })?;
            (shared.config.clone(), rel)
        }
    };
    let files: Vec<(String, String)> = repo
        .ls(&commit, &roles_rel)?
        .into_iter()
        .filter(|(p, _)| p.ends_with(".yaml") || p.ends_with(".yml"))
        .collect();
    if files.is_empty() {
        bail!("no role files in {roles_rel} at {rev}");
    }
    let hashes: Vec<String> = files.iter().map(|(_, h)| h.clone()).collect();
    let blobs = shared.blobs.fetch(&repo, &hashes)?;
    let pending = files
        .iter()
        .zip(blobs)
        .map(|((path, _), bytes)| Pending { name: format!("{rev}:{path}"), stem: stem(path), bytes: bytes.to_vec() })
        .collect();
    let mut org = Org::default();
    let start = shared.sources.iter().count();
    crate::model::load::load_many(pending, shared.sources, &mut org, shared.memo);
    let prefix = if roles_rel == "." { format!("{rev}:") } else { format!("{rev}:{roles_rel}/") };
    let files = files_since(shared.sources, start, &prefix);
    Ok(Side { label: rev.to_string(), org, config, files })
}

fn stem(path: &str) -> String {
    Path::new(path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// `a/./b/../c` → `a/c`, relative to the repository root.
fn normalize_rel(p: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// A single role file (or nothing, for git's `/dev/null`), as the external
/// diff driver gets it: `name` is the file's path in the repository (git
/// runs the driver at the top of the work tree).
///
/// With `in_context` (`--check`), the side is the working tree's roles with
/// this file as given in place of the one on disk: the rules judge a role
/// in its department, not alone (alone, every `reports_to` is unknown and
/// every function uncovered).
pub fn file(name: &str, path: &Path, shared: &mut Shared, in_context: bool) -> anyhow::Result<Side> {
    let start = shared.sources.iter().count();
    let mut org = Org::default();
    let mut excluded = Vec::new();
    let dir = shared.config.roles_dir.clone();
    if in_context && dir.is_dir() {
        org = crate::model::load::load_paths_with(
            std::slice::from_ref(&dir),
            &shared.roots,
            shared.sources,
            shared.memo,
        )?;
        excluded = shared.sources.iter().skip(start).filter(|(_, f)| f.name == name).map(|(id, _)| id).collect();
        let here = |l: Option<&crate::source::Location>| l.is_some_and(|l| excluded.contains(&l.file));
        org.roles.retain(|r| !excluded.contains(&r.file));
        let before = org.diagnostics.len();
        org.diagnostics.retain(|d| !here(d.primary()));
        if org.diagnostics.len() != before {
            org.unreadable.remove(&stem(name));
        }
        org.files -= excluded.len().min(org.files);
    }
    if path != Path::new("/dev/null") {
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", display_path(path)))?;
        let pending = Pending { name: name.to_string(), stem: stem(name), bytes };
        crate::model::load::load_many(vec![pending], shared.sources, &mut org, shared.memo);
    }
    let files = files_since(shared.sources, start, "").into_iter().filter(|(_, id)| !excluded.contains(id)).collect();
    Ok(Side { label: name.to_string(), org, config: shared.config.clone(), files })
}
