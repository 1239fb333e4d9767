//! Benchmark of `opsroles check` on generated organisations (the data
//! generator is `opsroles_synth`): load every role file and run every rule,
//! `similar-duty` included, as the CLI does; then the overlap detector of
//! issue 12 (`check::overlap::detect`) on the same loaded duties.
//!
//!     cargo bench --bench check                 # 10,000 and 40,000 duties
//!     cargo bench --bench check -- --all-pairs  # also time the O(n²) scan
//!
//! Prints the best and median of 5 runs per size, the CPU time a run costs
//! (the detector segments on every core, so its CPU time can exceed its wall
//! time), and the pairs found.
//! Targets (foundation issue, issue 12): 10,000 duties < 0.5 s; 2,000 roles /
//! 40,000 duties < 4 s for check and detector together, on the project's
//! 2-core machine.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use opsroles::check::overlap::{self, Duty, Kind, Thresholds};
use opsroles::check::similar::{all_pairs, join, Record};
use opsroles::diag::Code;

/// (role, id, title, description) of every duty of the org in `dir`.
fn load_duties(dir: &std::path::Path) -> Vec<(String, String, String, String)> {
    let mut sources = opsroles::source::Sources::default();
    let loaded = opsroles::model::load::load_paths(&[dir.join("roles")], &mut sources).unwrap();
    let mut out = Vec::new();
    for r in &loaded.roles {
        for d in r.duties() {
            let desc = d.value.description.as_ref().map_or(String::new(), |s| s.value.clone());
            out.push((r.id().to_string(), d.value.id.value.clone(), d.value.title.value.clone(), desc));
        }
    }
    out
}

fn run_check(dir: &std::path::Path) -> (usize, usize) {
    let mut sources = opsroles::source::Sources::default();
    let config =
        opsroles::config::load(Some(&dir.join("opsroles.yaml")), &mut sources).map_err(|e| format!("{e:?}")).unwrap();
    let loaded = opsroles::model::load::load_paths(std::slice::from_ref(&config.roles_dir), &mut sources).unwrap();
    let opts = opsroles::check::Options {
        levels: opsroles::check::Levels::default(),
        deny_warnings: false,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        waivers: true,
    };
    let report = opsroles::check::run(&loaded, &config, &sources, &opts);
    let similar = report.diagnostics.iter().filter(|d| d.code == Code::SimilarDuty).count();
    (report.summary.duties, similar)
}

/// CPU seconds this process has used (user + system), from /proc on Linux:
/// on a machine shared with other jobs it says what the work cost when the
/// wall clock says how long it had to wait. `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Mean CPU seconds per run of `f` over `runs` runs, as text.
fn cpu_per_run(runs: usize, mut f: impl FnMut()) -> String {
    let before = cpu_seconds();
    for _ in 0..runs {
        f();
    }
    match (before, cpu_seconds()) {
        (Some(a), Some(b)) => format!("{:.2} s", (b - a) / runs as f64),
        _ => "n/a".to_string(),
    }
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    times.sort();
    (times[0], times[times.len() / 2], last.unwrap())
}

fn main() {
    let all = std::env::args().any(|a| a == "--all-pairs");
    let base = tempfile::tempdir().unwrap();
    println!("opsroles check benchmark ({} cores)", std::thread::available_parallelism().map_or(1, |n| n.get()));
    for (roles, per_role, target) in [(500, 20, 0.5), (2000, 20, 4.0)] {
        let dir: PathBuf = base.path().join(format!("org-{roles}"));
        opsroles_synth::write_org(&dir, roles, per_role, 7).unwrap();
        let (best, median, (duties, similar)) = time(5, || run_check(&dir));
        let cpu = cpu_per_run(3, || {
            run_check(&dir);
        });
        println!(
            "check  {roles:>5} roles {duties:>6} duties: best {:>7.3} s  median {:>7.3} s  cpu {cpu}  (target < {target} s)  similar-duty pairs: {similar}",
            best.as_secs_f64(),
            median.as_secs_f64()
        );
        // The detector on the loaded duties; its first run also starts the
        // segmenter (jieba's dictionary and the thesaurus), once per process.
        let rows = load_duties(&dir);
        let duties: Vec<Duty> =
            rows.iter().map(|(role, id, title, desc)| Duty { role, id, title, description: desc }).collect();
        let first = Instant::now();
        overlap::detect(&duties, Thresholds::default());
        let first = first.elapsed();
        let (obest, omedian, found) = time(5, || overlap::detect(&duties, Thresholds::default()));
        let errors = found.iter().filter(|f| f.kind == Kind::Overlap).count();
        let ocpu = cpu_per_run(3, || {
            overlap::detect(&duties, Thresholds::default());
        });
        println!(
            "overlap {roles:>4} roles {:>6} duties: best {:>7.3} s  median {:>7.3} s  cpu {ocpu}  first {:.3} s  pairs: {} overlap, {} similar;  check + overlap best {:.3} s (target < {target} s)",
            duties.len(),
            obest.as_secs_f64(),
            omedian.as_secs_f64(),
            first.as_secs_f64(),
            errors,
            found.len() - errors,
            (best + obest).as_secs_f64()
        );
    }
    // The join alone, against the all-pairs scan it must equal.
    let (texts, planted) = opsroles_synth::duty_texts(10_000, 7);
    let records: Vec<Record> = texts.iter().map(|t| Record::new(t)).collect();
    let (best, _, pairs) = time(5, || join(&records, 0.8));
    println!(
        "join   10,000 texts: best {:.3} s, {} pairs ({} planted)",
        best.as_secs_f64(),
        pairs.len(),
        planted.len()
    );
    if all {
        let (t, _, reference) = time(1, || all_pairs(&records, 0.8));
        let n = records.len() as f64;
        println!(
            "all-pairs 10,000 texts: {:.3} s ({:.3} µs a pair), {} pairs, equal to join: {}",
            t.as_secs_f64(),
            t.as_secs_f64() * 1e6 / (n * (n - 1.0) / 2.0),
            reference.len(),
            reference == pairs
        );
    }
}
