//! Benchmark of `opsroles risk` and `opsroles sla` on 100,000 generated
//! records each (the target: under 1 s), end to end: the release
//! binary run as users run it, config, roles, reading, grading, the
//! calendar, rendering to a pipe.
//!
//!     cargo bench --bench records
//!     cargo bench --bench records -- --records 300000
//!
//! The generator (`opsroles_synth::records`) writes a risk register and a
//! conflict log with Chinese headers under target/bench-data/ (every row
//! valid; conflicts raised across 2004–2026). Each format is run 5 times;
//! best and median wall time are reported.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data")
}

fn generate(n: usize) -> (PathBuf, PathBuf) {
    let dir = data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let risks = dir.join(format!("risks-{n}.csv"));
    let conflicts = dir.join(format!("conflicts-{n}.csv"));
    std::fs::write(&risks, opsroles_synth::records::risks_csv(n, 7)).unwrap();
    std::fs::write(&conflicts, opsroles_synth::records::conflicts_csv(n, 11)).unwrap();
    (risks, conflicts)
}

/// One run; the wall time in seconds.
fn time(args: &[&str]) -> f64 {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_opsroles"))
        .current_dir(root)
        .args(["--today", "2026-12-31", "--quiet"])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    let secs = t.elapsed().as_secs_f64();
    // risk exits 1 for --fail-on-free runs only with errors, which generated
    // rows never have; sla likewise.
    assert!(status.success(), "{args:?}: {status}");
    secs
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let n: usize = args
        .iter()
        .position(|a| a == "--records")
        .and_then(|i| args.get(i + 1))
        .map_or(100_000, |s| s.parse().unwrap());
    let (risks, conflicts) = generate(n);
    let (risks, conflicts) = (risks.to_str().unwrap().to_string(), conflicts.to_str().unwrap().to_string());
    println!(
        "data: {n} risks ({:.1} MB), {n} conflicts ({:.1} MB)",
        std::fs::metadata(&risks).unwrap().len() as f64 / 1e6,
        std::fs::metadata(&conflicts).unwrap().len() as f64 / 1e6
    );
    let runs: Vec<(String, Vec<&str>)> = vec![
        ("risk --format human".into(), vec!["risk", &risks]),
        ("risk --format json".into(), vec!["risk", &risks, "--format", "json"]),
        ("sla --format human".into(), vec!["sla", &conflicts]),
        ("sla --format json".into(), vec!["sla", &conflicts, "--format", "json"]),
    ];
    for (name, a) in &runs {
        time(a); // warm-up: page cache, first run
        let mut t: Vec<f64> = (0..5).map(|_| time(a)).collect();
        t.sort_by(|x, y| x.total_cmp(y));
        println!("{name:<22} best {:6.3} s  median {:6.3} s  {:5.0} k records/s", t[0], t[2], n as f64 / t[0] / 1e3);
    }
}
