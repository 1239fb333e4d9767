//! Helpers for the `opsroles diff` tests: a git repository holding the
//! seed's department in a temporary directory, edits and commits in it, and
//! runs of the binary there.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command as Proc;

use assert_cmd::Command;
use serde_json::Value;

pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("opsroles")
}

pub fn git(dir: &Path, args: &[&str]) {
    let out = Proc::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_DATE", "2026-11-26T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-26T10:00:00Z")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A repository holding the seed's department, committed.
pub fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out =
        Command::cargo_bin("opsroles").unwrap().current_dir(dir.path()).args(["init", "-q", "."]).output().unwrap();
    assert!(out.status.success());
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["config", "user.email", "hr@example.com"]);
    git(dir.path(), &["config", "user.name", "HR"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "seed"]);
    dir
}

pub fn edit(dir: &Path, file: &str, f: impl FnOnce(String) -> String) {
    let p = dir.join(file);
    let text = std::fs::read_to_string(&p).unwrap();
    let new = f(text.clone());
    assert_ne!(text, new, "the edit of {file} changed nothing");
    std::fs::write(p, new).unwrap();
}

pub fn commit(dir: &Path, msg: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", msg]);
}

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// `opsroles --today 2026-11-26 diff ARGS` in `dir`.
pub fn diff(dir: &Path, args: &[&str]) -> Out {
    let o = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(dir)
        .args(["--today", "2026-11-26", "diff"])
        .args(args)
        .output()
        .unwrap();
    Out {
        code: o.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// The JSON document of `diff ARGS --format json` (exit 0 asserted).
pub fn doc(dir: &Path, args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let o = diff(dir, &a);
    assert_eq!(o.code, 0, "{}", o.stderr);
    serde_json::from_str(&o.stdout).unwrap()
}

/// The changes of `diff ARGS`, whole.
pub fn changes_full(dir: &Path, args: &[&str]) -> Vec<Value> {
    doc(dir, args)["changes"].as_array().unwrap().clone()
}

/// The changes of `diff ARGS` as facts: kind, role, item, field, before,
/// after, from_role, to_role — titles, edits and members left out (tests of
/// those look at them on their own).
pub fn changes(dir: &Path, args: &[&str]) -> Vec<Value> {
    changes_full(dir, args)
        .into_iter()
        .map(|mut c| {
            let m = c.as_object_mut().unwrap();
            for k in ["role_title", "title", "from_role_title", "to_role_title", "edits", "added", "removed"] {
                m.remove(k);
            }
            c
        })
        .collect()
}

/// Cuts the duty `id` (its whole list item) out of `text`.
pub fn cut_duty(text: &str, id: &str) -> (String, String) {
    let start = text.find(&format!("  - id: {id}\n")).unwrap();
    // The item ends at the next list item or the blank line closing the list.
    let rest = &text[start + 1..];
    let next = [rest.find("\n  - id: "), rest.find("\n\n")].into_iter().flatten().min();
    let end = next.map_or(text.len(), |e| start + 1 + e + 1);
    (format!("{}{}", &text[..start], &text[end..]), text[start..end].to_string())
}
