//! Benchmark of `opsroles score` on a large long-layout export, against the
//! parse floor: a raw `csv::ByteRecord` pass over the same file.
//!
//!     cargo bench --bench score                  # 10,000,000 rows (~560 MB)
//!     cargo bench --bench score -- --rows 1000000
//!
//! The data generator writes daily measurements (2026-Q3) of ~23,000 people
//! in the five seed roles, role titles in Chinese, once as UTF-8 and once as
//! GB18030, under target/bench-data/ (reused when present). Each measurement
//! runs in a fresh child process, so its peak memory (VmHWM) is its own; the
//! three kinds of run are interleaved, 5 rounds, best and median reported.
//! Targets (issue): score ≤ 1.67× the raw pass; peak memory < 100 MB and not
//! growing with rows; GB18030 within 1.1× of UTF-8.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const ROLES: &[(&str, &[&str])] = &[
    (
        "運營總監",
        &[
            "ops_goal_attainment",
            "process_cycle_reduction",
            "process_cost_reduction",
            "cross_department_satisfaction",
            "major_risk_incidents",
            "risk_loss_amount",
            "team_kpi_pass_rate",
            "team_cohesion",
        ],
    ),
    ("流程管理經理", &["process_optimizations", "process_cycle_reduction", "sop_coverage", "process_satisfaction"]),
    (
        "資源協調專員",
        &[
            "resource_utilization",
            "idle_hours",
            "total_hours",
            "resource_demand_satisfaction",
            "inventory_reduction",
            "labor_cost_saving",
        ],
    ),
    ("績效分析師", &["kpi_coverage", "report_delay_days", "root_cause_accuracy", "performance_improvement"]),
    (
        "風險管控主管",
        &["risk_identification_rate", "risk_response_hours", "risk_loss_reduction", "risk_report_quality"],
    ),
];

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data")
}

/// People in the generated department: 170 blocks of the seed's roster
/// (1 director, 3 process managers, 3 coordinators, 3 analysts, 2 risk
/// supervisors). Fixed, so that more rows means more readings per person,
/// never more people: memory may grow with people × KPIs, not with rows.
const BLOCKS: u64 = 170;

/// Writes `rows` rows of hourly readings in 2026-Q3 (up to 92 days × 10
/// hours per person and metric, cycling); returns the UTF-8 and GB18030 paths.
fn generate(rows: u64) -> (PathBuf, PathBuf) {
    let dir = data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let utf8 = dir.join(format!("score-v2-{rows}.csv"));
    let gbk = dir.join(format!("score-v2-{rows}-gb18030.csv"));
    if utf8.exists() && gbk.exists() {
        return (utf8, gbk);
    }
    let mut out8 = BufWriter::with_capacity(1 << 20, std::fs::File::create(&utf8).unwrap());
    let mut outg = BufWriter::with_capacity(1 << 20, std::fs::File::create(&gbk).unwrap());
    let header = "期間,員工,崗位,指標,數值\n";
    out8.write_all(header.as_bytes()).unwrap();
    outg.write_all(&encoding_rs::GB18030.encode(header).0).unwrap();
    let mut rng = opsroles_synth::Rng::new(42);
    let start = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
    let mut line = String::new();
    let mut written = 0u64;
    let roster: Vec<(u64, usize)> = (0..BLOCKS)
        .flat_map(|b| {
            [(0usize, 1u64), (1, 3), (2, 3), (3, 3), (4, 2)]
                .into_iter()
                .flat_map(move |(r, n)| (0..n).map(move |i| (b * 12 + i, r)))
        })
        .enumerate()
        .map(|(p, (_, r))| (p as u64 + 1, r))
        .collect();
    'outer: for slot in 0.. {
        // One reading of every metric of every person per (day, hour) slot.
        let day = (slot / 10) % 92;
        let hour = 8 + slot % 10;
        let date = start + chrono::Duration::days(day as i64);
        for &(person, r) in &roster {
            let (title, metrics) = ROLES[r];
            for m in metrics.iter() {
                let v = rng.below(10_000);
                line.clear();
                use std::fmt::Write as _;
                let _ = writeln!(line, "{date} {hour:02}:00,員工{person:05},{title},{m},{}.{:02}", v / 100, v % 100);
                out8.write_all(line.as_bytes()).unwrap();
                outg.write_all(&encoding_rs::GB18030.encode(&line).0).unwrap();
                written += 1;
                if written == rows {
                    break 'outer;
                }
            }
        }
    }
    out8.flush().unwrap();
    outg.flush().unwrap();
    (utf8, gbk)
}

fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Child: one measured run. Prints `seconds peak_kb`.
fn child(kind: &str, path: &Path) {
    let t = Instant::now();
    match kind {
        "raw" => {
            let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(path).unwrap();
            let mut rec = csv::ByteRecord::new();
            let mut n = 0u64;
            let mut bytes = 0usize;
            while rdr.read_byte_record(&mut rec).unwrap() {
                n += 1;
                bytes += rec.as_slice().len();
            }
            std::hint::black_box((n, bytes));
        }
        _ => {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            let mut sources = opsroles::source::Sources::default();
            let config = opsroles::config::load(Some(&root.join("opsroles.yaml")), &mut sources)
                .map_err(|e| format!("{e:?}"))
                .unwrap();
            let org = opsroles::model::load::load_paths(std::slice::from_ref(&config.roles_dir), &mut sources).unwrap();
            let plan = opsroles::score::plan::Plan::new(&org.roles, config.scoring.clone()).unwrap();
            let inputs = opsroles::tabular::input::open_all(&[path.to_path_buf()]).unwrap();
            let files = vec![sources.add_table(path.display().to_string())];
            let opts = opsroles::score::Options::default();
            let report =
                opsroles::score::run(inputs, &files, &plan, &opts, &config.department, &opsroles::score::Silent)
                    .unwrap();
            let data = opsroles::render::score::ScoreOutput { report: &report, view: Default::default() };
            let json = opsroles::render::to_string(opsroles::render::score::ScoreFormat::Json, &data);
            assert_eq!(report.rows.read, report.rows.used, "every generated row is usable");
            std::hint::black_box(json);
        }
    }
    println!("{} {}", t.elapsed().as_secs_f64(), peak_kb());
}

fn measure(kind: &str, path: &Path) -> (f64, u64) {
    let out = Command::new(std::env::current_exe().unwrap()).args(["--child", kind]).arg(path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text.split_whitespace();
    (it.next().unwrap().parse().unwrap(), it.next().unwrap().parse().unwrap())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if args.first().map(String::as_str) == Some("--child") {
        return child(&args[1], Path::new(&args[2]));
    }
    let rows: u64 = args
        .iter()
        .position(|a| a == "--rows")
        .and_then(|i| args.get(i + 1))
        .map_or(10_000_000, |s| s.parse().unwrap());
    let t = Instant::now();
    let (utf8, gbk) = generate(rows);
    let size = std::fs::metadata(&utf8).unwrap().len();
    println!(
        "data: {rows} rows, {:.0} MB UTF-8, {:.0} MB GB18030 (ready in {:.1} s)",
        size as f64 / 1e6,
        std::fs::metadata(&gbk).unwrap().len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let mut runs: Vec<(&str, Vec<(f64, u64)>)> = vec![
        ("raw csv::ByteRecord pass", vec![]),
        ("opsroles score (UTF-8)", vec![]),
        ("opsroles score (GB18030)", vec![]),
    ];
    // A warm-up pass puts the files in the page cache for every contender alike.
    measure("raw", &utf8);
    measure("raw", &gbk);
    for _ in 0..5 {
        runs[0].1.push(measure("raw", &utf8));
        runs[1].1.push(measure("score", &utf8));
        runs[2].1.push(measure("score", &gbk));
    }
    let stats = |v: &Vec<(f64, u64)>| {
        let mut t: Vec<f64> = v.iter().map(|x| x.0).collect();
        t.sort_by(|a, b| a.total_cmp(b));
        (t[0], t[t.len() / 2], v.iter().map(|x| x.1).max().unwrap_or(0))
    };
    let (raw_best, raw_median, _) = stats(&runs[0].1);
    for (name, v) in &runs {
        let (best, median, peak) = stats(v);
        println!(
            "{name:<28} best {best:6.2} s  median {median:6.2} s  {:6.1} M rows/s  peak {:5.1} MB  ×{:.2} of raw (median ×{:.2})",
            rows as f64 / best / 1e6,
            peak as f64 / 1024.0,
            best / raw_best,
            median / raw_median
        );
    }
    let (u, _, _) = stats(&runs[1].1);
    let (g, _, _) = stats(&runs[2].1);
    println!("GB18030 / UTF-8: ×{:.2}", g / u);
}
