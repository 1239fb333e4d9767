//! Benchmark of `opsroles diff REV1 REV2` on a generated 2,000-role org
//! (40,000 duties; generator: `opsroles_synth`) in a scratch git repository:
//! the second commit moves 40 duties between roles and reweights KPIs in
//! 200 roles. Times reading both revisions through git and comparing, best
//! and median of 5, with and without `--check`. Target (issue): under 1 s.
//!
//!     cargo bench --bench diff

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use opsroles::diff::side::{self, Shared, Spec};

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git").arg("-C").arg(dir).args(args).output().unwrap().status.success();
    assert!(ok, "git {args:?}");
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    opsroles_synth::write_org(dir, 2000, 20, 7).unwrap();
    git(dir, &["init", "-q"]);
    git(dir, &["-c", "user.email=b@b", "-c", "user.name=b", "add", "-A"]);
    git(dir, &["-c", "user.email=b@b", "-c", "user.name=b", "commit", "-q", "-m", "one"]);
    // Move the last duty of roles 0, 50, 100, … to the next role; reweight every tenth role.
    let mut moved = 0;
    for r in (0..2000).step_by(50) {
        let from = dir.join(format!("roles/role-{r:05}.yaml"));
        let to = dir.join(format!("roles/role-{:05}.yaml", r + 1));
        let text = std::fs::read_to_string(&from).unwrap();
        let start = text.rfind("  - id: duty-").unwrap();
        let end = start + text[start..].find("authority:").unwrap();
        let block = &text[start..end];
        std::fs::write(&from, format!("{}{}", &text[..start], &text[end..])).unwrap();
        let target = std::fs::read_to_string(&to).unwrap().replacen("authority:", &format!("{block}authority:"), 1);
        std::fs::write(&to, target).unwrap();
        moved += 1;
    }
    for r in (0..2000).step_by(10) {
        let p = dir.join(format!("roles/role-{r:05}.yaml"));
        let text = std::fs::read_to_string(&p)
            .unwrap()
            .replace("    weight: 60\n", "    weight: 55\n")
            .replace("    weight: 40", "    weight: 45");
        std::fs::write(&p, text).unwrap();
    }
    git(dir, &["-c", "user.email=b@b", "-c", "user.name=b", "commit", "-q", "-a", "-m", "two"]);
    std::env::set_current_dir(dir).unwrap();
    let config = dir.join("opsroles.yaml");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    println!("opsroles diff HEAD~1 HEAD: 2,000 roles, 40,000 duties, {moved} duties moved");
    for check in [false, true] {
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let mut sources = opsroles::source::Sources::default();
            let cfg = opsroles::config::load(Some(&config), &mut sources).map_err(|e| format!("{e:?}")).unwrap();
            let (mut memo, mut blobs) = Default::default();
            let mut shared = Shared {
                roots: Default::default(),
                sources: &mut sources,
                memo: &mut memo,
                blobs: &mut blobs,
                config: &cfg,
            };
            let old = side::load(&Spec::Revision("HEAD~1".into()), &mut shared).unwrap();
            let new = side::load(&Spec::Revision("HEAD".into()), &mut shared).unwrap();
            let opts = opsroles::diff::Options { check, today, metrics: None };
            let report = opsroles::diff::diff(old, new, sources, &opts).unwrap();
            let data = opsroles::render::diff::DiffOutput { report: &report, color: false };
            let text = opsroles::render::to_string(opsroles::render::diff::DiffFormat::Json, &data);
            times.push(t.elapsed().as_secs_f64());
            n = report.changes.len();
            std::hint::black_box(text);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        // Our own target for the plain diff (no issue names one); --check
        // runs every rule on both sides, about twice `check` (benches/check.rs).
        let note = if check { "checks both sides" } else { "our target < 1 s" };
        println!(
            "  {:<13} best {:.3} s  median {:.3} s  ({n} changes; {note})",
            if check { "with --check" } else { "diff" },
            times[0],
            times[2]
        );
    }
}
