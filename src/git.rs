/*!
Reading files at a git revision with the `git` executable.

No argument from the command line reaches git where it could be read as an
option: revisions that start with `-` are refused, `--end-of-options` comes
before every revision, and paths come after `--`. Names are read with `-z`,
so paths with spaces and Chinese characters arrive as they are; file
contents come through one `git cat-file --batch`, so thousands of files cost
two processes, and nothing is written to disk.
*/

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use anyhow::{bail, Context};
use rustc_hash::FxHashMap;

/// Blob contents by object id: a blob both revisions of a diff share is
/// fetched from git once.
#[derive(Debug, Default)]
pub struct Blobs {
    by_id: FxHashMap<String, Arc<[u8]>>,
}

impl Blobs {
    /// The contents of `hashes`, in order, asking git only for those not
    /// fetched before.
    pub fn fetch(&mut self, repo: &Repo, hashes: &[String]) -> anyhow::Result<Vec<Arc<[u8]>>> {
        let mut missing: Vec<String> = hashes.iter().filter(|h| !self.by_id.contains_key(*h)).cloned().collect();
        missing.sort();
        missing.dedup();
        for (hash, bytes) in missing.iter().zip(repo.cat(&missing)?) {
            self.by_id.insert(hash.clone(), bytes.into());
        }
        hashes
            .iter()
            .map(|h| self.by_id.get(h).cloned().with_context(|| format!("git did not return object {h}")))
            .collect()
    }
}

/// A git work tree.
#[derive(Debug, Clone)]
pub struct Repo {
    pub root: PathBuf,
}

fn git(root: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(root).env("GIT_TERMINAL_PROMPT", "0").env_remove("GIT_DIR").env_remove("GIT_WORK_TREE");
    c
}

fn run(mut c: Command, what: &str) -> anyhow::Result<Vec<u8>> {
    let out =
        c.stderr(Stdio::piped()).output().with_context(|| format!("cannot run git to {what} (is git installed?)"))?;
    if !out.status.success() {
        bail!("git could not {what}: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(out.stdout)
}

impl Repo {
    /// The repository holding the current directory, if any.
    pub fn discover() -> Option<Repo> {
        let out = git(Path::new(".")).args(["rev-parse", "--show-toplevel"]).stderr(Stdio::null()).output().ok()?;
        if !out.status.success() {
            return None;
        }
        let root = String::from_utf8(out.stdout).ok()?;
        Some(Repo { root: PathBuf::from(root.trim_end_matches(['\n', '\r'])) })
    }

    /// The commit a revision names, or an error: unknown revisions and
    /// anything that looks like an option are refused.
    pub fn resolve(&self, rev: &str) -> anyhow::Result<String> {
        if rev.starts_with('-') {
            bail!("refusing revision `{rev}`: it starts with `-` and could be taken for an option");
        }
        if rev.is_empty() || rev.contains('\0') {
            bail!("empty revision");
        }
        let mut c = git(&self.root);
        c.args(["rev-parse", "--verify", "--quiet", "--end-of-options"]).arg(format!("{rev}^{{commit}}"));
        let out = c.stderr(Stdio::null()).output().context("cannot run git (is git installed?)")?;
        if !out.status.success() {
            bail!("unknown revision `{rev}` (neither an existing path nor a git revision)");
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// The blob of `path` (relative to the root) at `commit`, if it exists.
    pub fn blob(&self, commit: &str, path: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let files = self.ls(commit, path)?;
        match files.into_iter().find(|(p, _)| p == path) {
            Some((_, hash)) => Ok(self.cat(&[hash])?.pop()),
            None => Ok(None),
        }
    }

    /// Blob paths and hashes under `dir` at `commit` (recursively).
    pub fn ls(&self, commit: &str, dir: &str) -> anyhow::Result<Vec<(String, String)>> {
        let mut c = git(&self.root);
        c.args(["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", commit, "--"]);
        if !dir.is_empty() && dir != "." {
            c.arg(dir);
        }
        let out = run(c, "list files")?;
        let mut files = Vec::new();
        for entry in out.split(|&b| b == 0).filter(|e| !e.is_empty()) {
            // "<mode> SP <type> SP <hash> TAB <path>"
            let Some(tab) = entry.iter().position(|&b| b == b'\t') else {
                continue;
            };
            let meta = String::from_utf8_lossy(&entry[..tab]);
            let mut parts = meta.split(' ');
            let (_, kind, hash) = (parts.next(), parts.next(), parts.next());
            if kind == Some("blob") {
                if let Some(hash) = hash {
                    files.push((String::from_utf8_lossy(&entry[tab + 1..]).into_owned(), hash.to_string()));
                }
            }
        }
        Ok(files)
    }

    /// The contents of blobs, in order, through one `git cat-file --batch`.
    pub fn cat(&self, hashes: &[String]) -> anyhow::Result<Vec<Vec<u8>>> {
        if hashes.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = git(&self.root)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .context("cannot run git cat-file")?;
        let mut stdin = child.stdin.take().context("git cat-file: no stdin")?;
        let request: Vec<u8> = hashes.iter().flat_map(|h| format!("{h}\n").into_bytes()).collect();
        // Write from another thread: git answers while we still write.
        let writer = std::thread::spawn(move || stdin.write_all(&request));
        let mut out = BufReader::new(child.stdout.take().context("git cat-file: no stdout")?);
        let mut blobs = Vec::with_capacity(hashes.len());
        let mut header = String::new();
        for h in hashes {
            header.clear();
            out.read_line(&mut header)?;
            // "<hash> blob <size>\n", or "<hash> missing\n"
            let size: usize = header
                .split_whitespace()
                .nth(2)
                .and_then(|s| s.parse().ok())
                .with_context(|| format!("git cat-file: no object {h}"))?;
            let mut buf = vec![0; size + 1];
            out.read_exact(&mut buf)?;
            buf.pop();
            blobs.push(buf);
        }
        let _ = writer.join();
        let _ = child.wait();
        Ok(blobs)
    }

    /// The commit of HEAD, short, with `+dirty` when files under `path`
    /// differ from it (modified, added or untracked); `None` without a commit.
    pub fn describe(&self, path: &Path) -> Option<String> {
        let mut c = git(&self.root);
        c.args(["rev-parse", "--short", "--verify", "--quiet", "HEAD"]);
        let head = String::from_utf8(c.stderr(Stdio::null()).output().ok()?.stdout).ok()?.trim().to_string();
        if head.is_empty() {
            return None;
        }
        let rel = self.relative(path).unwrap_or_else(|| ".".to_string());
        let mut c = git(&self.root);
        c.args(["status", "--porcelain", "--untracked-files=all", "--"]).arg(&rel);
        let dirty = c.stderr(Stdio::null()).output().map(|o| !o.stdout.is_empty()).unwrap_or(false);
        Some(if dirty { format!("{head}+dirty") } else { head })
    }

    /// `path` relative to the repository root, with `/`.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let abs = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().ok()?.join(path) };
        let abs = abs.canonicalize().unwrap_or(abs);
        let root = self.root.canonicalize().unwrap_or_else(|_| self.root.clone());
        let rel = abs.strip_prefix(&root).ok()?;
        let s = rel.to_string_lossy().replace('\\', "/");
        Some(if s.is_empty() { ".".to_string() } else { s })
    }
}
