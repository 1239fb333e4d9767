//! What the CLI test files share: running the binary in a folder.

#![allow(dead_code)]

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

/// A finished run of `opsroles`.
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `opsroles ARGS` in `dir` (killed after 30 s: a hang fails the test).
pub fn run(dir: &Path, args: &[&str]) -> Out {
    let o = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    Out {
        code: o.status.code().expect("killed: it hung"),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}
