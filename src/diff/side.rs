/*!
One side of a diff: the roles of a directory, a single role file, the
working tree, or a git revision — each with the config in force there, so
`--check` can run the rules on both sides.

At a revision, the roles directory is found from the config committed at that
revision (at the working config's path), else as in the working tree.
*/

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::git::Repo;
use crate::config::Config;
use crate::load::{Loaded, Memo, Pending};
use crate::source::{display_path, Sources};

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
    /// An argument that names an existing path is a path; anything else a revision.
    pub fn parse(arg: &str) -> Spec {
        if Path::new(arg).exists() {
            Spec::Path(PathBuf::from(arg))
        } else {
            Spec::Revision(arg.to_string())
        }
    }
}

pub struct Side {
    pub label: String,
    pub loaded: Loaded,
    pub sources: Sources,
    pub config: Config,
}

/// Loads a side. `config_path` is the working config (if any); `memo` shares
/// parsed files between the two sides of a diff.
pub fn load(spec: &Spec, config_path: Option<&Path>, memo: &mut Memo) -> anyhow::Result<Side> {
    let mut sources = Sources::default();
    match spec {
        Spec::Path(p) => {
            let config = crate::config::load(config_path, &mut sources)?;
            let loaded = crate::load::load_paths_with(std::slice::from_ref(p), &mut sources, memo)?;
            Ok(Side { label: display_path(p), loaded, sources, config })
        }
        Spec::WorkTree => {
            let config = crate::config::load(config_path, &mut sources)?;
            if !config.roles_dir.is_dir() {
                bail!("no roles directory at {}", display_path(&config.roles_dir));
            }
            let loaded = crate::load::load_paths_with(std::slice::from_ref(&config.roles_dir), &mut sources, memo)?;
            Ok(Side { label: "working tree".to_string(), loaded, sources, config })
        }
        Spec::Revision(rev) => revision(rev, config_path, sources, memo),
    }
}

fn revision(rev: &str, config_path: Option<&Path>, mut sources: Sources, memo: &mut Memo) -> anyhow::Result<Side> {
    if rev.starts_with('-') {
        bail!("refusing revision `{rev}`: it starts with `-` and could be taken for an option");
    }
    let repo = Repo::discover()
        .with_context(|| format!("`{rev}` is neither an existing path nor, outside a git repository, a revision"))?;
    let commit = repo.resolve(rev)?;
    let working = crate::config::load(config_path, &mut Sources::default())?;
    // The config as committed at that revision, at the working config's path.
    let committed = match config_path.and_then(|p| repo.relative(p)) {
        Some(rel) => repo.blob(&commit, &rel)?.map(|bytes| (rel, bytes)),
        None => None,
    };
    let (config, roles_rel) = match committed {
        Some((rel, bytes)) => {
            let dir_rel = Path::new(&rel).parent().map(Path::to_path_buf).unwrap_or_default();
            let config = crate::config::from_bytes(format!("{rev}:{rel}"), &bytes, &dir_rel, &mut sources)?;
            let roles = config.roles_dir.to_string_lossy().replace('\\', "/");
            (config, normalize_rel(&roles))
        }
        None => {
            let rel = repo.relative(&working.roles_dir).with_context(|| {
                format!("the roles directory {} is outside the git repository", display_path(&working.roles_dir))
            })?;
            (working, rel)
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
    // Blobs the other side already fetched (same object id, same bytes) are not asked for again.
    let mut missing: Vec<String> =
        files.iter().map(|(_, h)| h.clone()).filter(|h| !memo.blobs.contains_key(h)).collect();
    missing.dedup();
    for (hash, bytes) in missing.iter().zip(repo.cat(&missing)?) {
        memo.blobs.insert(hash.clone(), bytes.into());
    }
    let pending = files
        .iter()
        .map(|(path, hash)| {
            let bytes = memo.blobs.get(hash).with_context(|| format!("git did not return {path} at {rev}"))?.to_vec();
            Ok(Pending { name: format!("{rev}:{path}"), stem: stem(path), bytes })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut loaded = Loaded::default();
    crate::load::load_many(pending, &mut sources, &mut loaded, memo);
    Ok(Side { label: rev.to_string(), loaded, sources, config })
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
/// diff driver gets it: `name` is the file's path in the repository.
pub fn file(name: &str, path: &Path, config: &Config) -> anyhow::Result<Side> {
    let mut sources = Sources::default();
    let mut loaded = Loaded::default();
    if path != Path::new("/dev/null") {
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", display_path(path)))?;
        let pending = Pending { name: name.to_string(), stem: stem(name), bytes };
        crate::load::load_many(vec![pending], &mut sources, &mut loaded, &mut Memo::default());
    }
    let config = Config { file: None, ..config.clone() };
    Ok(Side { label: name.to_string(), loaded, sources, config })
}
