//! What the CLI test files share: running the binary in a folder, and
//! `opsroles score` from the outside (the exit code and both streams, JSON
//! parsed, one card picked out).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A finished run of `opsroles`.
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `opsroles ARGS` in `dir` (killed after 30 s: a hang fails the test).
pub fn run(dir: &Path, args: &[&str]) -> Out {
    run_with(dir, args, None)
}

/// [`run`], with `stdin` when given.
pub fn run_with(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Out {
    let mut c = Command::cargo_bin("opsroles").unwrap();
    c.current_dir(dir).args(args).timeout(Duration::from_secs(30));
    if let Some(bytes) = stdin {
        c.write_stdin(bytes);
    }
    let o = c.output().unwrap();
    Out {
        code: o.status.code().expect("killed: it hung"),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// `opsroles --config <repo>/opsroles.yaml score ARGS` in the repository.
pub fn score(args: &[&str]) -> Out {
    score_in(&root(), args, None)
}

/// The same in `dir`, with `stdin` when given.
pub fn score_in(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Out {
    let config = root().join("opsroles.yaml");
    let mut all = vec!["--config", config.to_str().unwrap(), "score"];
    all.extend_from_slice(args);
    run_with(dir, &all, stdin)
}

/// `score ARGS --format json`, parsed.
pub fn json(args: &[&str]) -> Value {
    json_in(&root(), args)
}

pub fn json_in(dir: &Path, args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let o = score_in(dir, &a, None);
    serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", o.stdout, o.stderr))
}

pub fn card<'a>(doc: &'a Value, entity: &str) -> &'a Value {
    doc["scorecards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["entity"] == entity)
        .unwrap_or_else(|| panic!("no card for {entity}"))
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    std::fs::write(dir.join(name), bytes).unwrap();
    name.to_string()
}

pub fn q3_text() -> String {
    std::fs::read_to_string(root().join("examples/q3.csv")).unwrap()
}
