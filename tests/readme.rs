//! The README's commands work as written: every `opsroles …` line of its
//! `sh` blocks runs — the "First run" block from an empty folder, word for
//! word with its `cd`; the others inside a project `opsroles init` wrote,
//! with two commits of history for `diff`. A line may find problems (exit 1)
//! but never be a usage error or name a file that is not there (exit 2).
//! Lines with placeholders (`<…>`), pipes, redirections or home paths are
//! for the reader's machine and are skipped; a line ending in `\\` goes on
//! on the next.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_opsroles"))
}

/// The `sh` blocks of the README, each as its lines.
fn blocks() -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in text.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```sh") => current = Some(Vec::new()),
            (Some(_), "```") => out.push(current.take().unwrap()),
            // A line ending in `\` continues on the next one.
            (Some(b), l) => match b.last_mut() {
                Some(prev) if prev.ends_with('\\') => {
                    prev.pop();
                    prev.push(' ');
                    prev.push_str(l.trim_start());
                }
                _ => b.push(l.to_string()),
            },
            _ => {}
        }
    }
    out
}

/// A line without its trailing `# comment`.
fn command(line: &str) -> String {
    match line.find("  #").or_else(|| line.find(" # ")) {
        Some(i) => line[..i].trim().to_string(),
        None => line.trim().to_string(),
    }
}

fn runnable(cmd: &str) -> bool {
    cmd.starts_with("opsroles ") && !cmd.contains(['<', '>', '|', '~', '$'])
}

/// Runs `cmd` (split on spaces; the README's commands quote nothing) in `dir`.
fn run(dir: &Path, cmd: &str) -> (i32, String) {
    let words: Vec<&str> = cmd.split_whitespace().collect();
    let o = Command::new(bin()).current_dir(dir).args(&words[1..]).output().unwrap();
    (o.status.code().unwrap_or(-1), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git").current_dir(dir).args(args).output().unwrap().status.success();
    assert!(ok, "git {args:?}");
}

#[test]
fn the_first_run_block_runs_as_written() {
    let blocks = blocks();
    let first = blocks.iter().find(|b| b.iter().any(|l| l.starts_with("opsroles init demo"))).expect("first-run block");
    let tmp = tempfile::tempdir().unwrap();
    let mut dir = tmp.path().to_path_buf();
    for line in first {
        let cmd = command(line);
        if let Some(sub) = cmd.strip_prefix("cd ") {
            dir = dir.join(sub);
            continue;
        }
        let (code, err) = run(&dir, &cmd);
        assert_eq!(code, 0, "`{cmd}`: {err}");
    }
}

#[test]
fn every_other_opsroles_line_runs_in_a_project() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    assert!(Command::new(bin()).current_dir(dir).args(["init", "-q"]).status().unwrap().success());
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "user.email", "hr@example.com"]);
    git(dir, &["config", "user.name", "HR"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "seed"]);
    let pm = dir.join("roles/process-manager.yaml");
    let text = std::fs::read_to_string(&pm).unwrap();
    std::fs::write(&pm, text.replacen("headcount: 3\n", "headcount: 4\n", 1)).unwrap();
    git(dir, &["commit", "-q", "-am", "one more process manager"]);
    let copy = Command::new("cp").current_dir(dir).args(["-r", "roles", "old-roles"]).status().unwrap();
    assert!(copy.success());
    let mut ran = 0;
    for block in blocks().iter().filter(|b| !b.iter().any(|l| l.starts_with("opsroles init demo"))) {
        for line in block {
            let cmd = command(line);
            if !runnable(&cmd) {
                continue;
            }
            let (code, err) = run(dir, &cmd);
            assert!(code == 0 || code == 1, "`{cmd}` exited {code}: {err}");
            ran += 1;
        }
    }
    assert!(ran >= 15, "only {ran} README lines ran");
}
