//! Benchmark of `opsroles gaps` on a company-sized assessment table:
//! 50,000 people × 10 competencies (the target: under 2 s, pairing
//! included).
//!
//!     cargo bench --bench gaps
//!     cargo bench --bench gaps -- --people 200000 --per-person 10
//!     cargo bench --bench gaps -- --max-mentees 1   # mentors scarcer: more rerouting
//!
//! The data generator (`opsroles_synth::write_assessments`) writes people in
//! the five shipped roles, assessed in their own role's competencies and in
//! others' up to `--per-person`, with about 3 % older re-assessments that
//! the latest supersedes; Chinese headers, role titles, competency titles
//! or ids. It lands under target/bench-data/ (reused when present).
//!
//! Two measurements, 5 rounds each, best and median:
//! - the released binary end to end (`opsroles gaps FILE --format json`,
//!   output discarded): what a user waits for;
//! - in a fresh child process, the phases: reading the table, reading the
//!   assessments and finding the gaps, pairing alone, rendering JSON; with
//!   the peak memory (VmHWM).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use opsroles::gaps::{catalogue::Catalogue, gap, pairing, record};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn roles() -> (opsroles::source::Sources, opsroles::model::Org) {
    let mut sources = opsroles::source::Sources::default();
    let org = opsroles::model::load::load_paths(&[root().join("roles")], &mut sources).unwrap();
    (sources, org)
}

fn generate(people: usize, per_person: usize) -> PathBuf {
    let dir = root().join("target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("gaps-v1-{people}x{per_person}.csv"));
    if path.exists() {
        return path;
    }
    let (_, org) = roles();
    let specs: Vec<opsroles_synth::RoleSpec> = org
        .roles
        .iter()
        .map(|r| opsroles_synth::RoleSpec {
            title: r.doc.title.value.clone(),
            competencies: r
                .competencies()
                .iter()
                .map(|c| (c.value.id.value.clone(), c.value.title.value.clone(), c.value.level.value))
                .collect(),
        })
        .collect();
    let tmp = path.with_extension("tmp");
    let mut out = BufWriter::new(std::fs::File::create(&tmp).unwrap());
    opsroles_synth::write_assessments(&mut out, &specs, people, per_person, 42).unwrap();
    out.flush().unwrap();
    drop(out);
    std::fs::rename(&tmp, &path).unwrap();
    path
}

/// CPU seconds (user + system) this process has used: on a shared machine
/// the wall clock also counts other people's work.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at `)`.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of stat(5), 12 and 13 here;
    // the kernel's USER_HZ is 100 on every Linux that ships.
    (ticks(11) + ticks(12)) / 100.0
}

fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Child: one run in phases. Prints `read analyse pair render peak_kb cpu`
/// (seconds), then the counts on a second line.
fn child(path: &Path, max_mentees: u32) {
    let cpu0 = cpu_seconds();
    let (mut sources, org) = roles();
    let t = Instant::now();
    let (input, raw) = opsroles::tabular::input::open(path).unwrap();
    let table = opsroles::tabular::records::read(
        &input,
        raw,
        record::SCHEMA,
        &opsroles::tabular::ReadOptions::default(),
        &mut sources,
    )
    .unwrap();
    let tables = [table];
    let read = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let settings = opsroles::gaps::Settings { department: "運營管理部", max_mentees };
    let report = opsroles::gaps::run(&tables, &org.roles, &settings, &sources);
    let analyse = t.elapsed().as_secs_f64();

    // Pairing alone, on the same needs and skills `run` builds (this
    // re-reading is left out of the CPU total).
    let extra0 = cpu_seconds();
    let catalogue = Catalogue::new(&org.roles);
    let assessments = record::read(&tables, &org.roles, &catalogue, &sources);
    let lines = gap::lines(&assessments, &catalogue);
    let (needs, skills) = opsroles::gaps::pairing_input(&assessments, &lines);
    let rules = pairing::Rules { reports_to: &catalogue.reports_to, max_mentees };
    let t = Instant::now();
    let pairs = pairing::pair(&needs, &skills, &rules);
    let pair = t.elapsed().as_secs_f64();
    let extra = cpu_seconds() - extra0;

    let t = Instant::now();
    let data = opsroles::render::gaps::GapsOutput { report: &report, sources: &sources };
    let json = opsroles::render::to_string(opsroles::render::gaps::GapsFormat::Json, &data);
    let render = t.elapsed().as_secs_f64();
    assert!(report.diagnostics.is_empty(), "generated rows are all good");
    assert_eq!(pairs.iter().flatten().count(), report.mentored().count());
    std::hint::black_box(json);
    println!("{read} {analyse} {pair} {render} {} {}", peak_kb(), cpu_seconds() - cpu0 - extra);
    println!(
        "{} rows, {} people, {} gaps ({} paired), {} skills",
        report.rows.read,
        report.people.len(),
        report.gap_count(),
        report.mentored().count(),
        skills.len()
    );
}

fn binary(path: &Path, config: &Path) -> f64 {
    let t = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_opsroles"))
        .current_dir(root())
        .arg("--config")
        .arg(config)
        .args(["gaps", "--format", "json"])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    let s = t.elapsed().as_secs_f64();
    assert!(status.success(), "opsroles gaps failed");
    s
}

fn phases(path: &Path, max_mentees: u32) -> (Vec<f64>, String) {
    let out = Command::new(std::env::current_exe().unwrap())
        .arg("--child")
        .arg(path)
        .arg(max_mentees.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut lines = text.lines();
    let nums = lines.next().unwrap().split_whitespace().map(|x| x.parse().unwrap()).collect();
    (nums, lines.next().unwrap_or("").to_string())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if args.first().map(String::as_str) == Some("--child") {
        return child(Path::new(&args[1]), args[2].parse().unwrap());
    }
    let flag = |name: &str, default: usize| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map_or(default, |s| s.parse().unwrap())
    };
    let (people, per_person) = (flag("--people", 50_000), flag("--per-person", 10));
    let max_mentees = flag("--max-mentees", 2) as u32;
    let config = root().join("target/bench-data").join(format!("gaps-opsroles-{max_mentees}.yaml"));
    let t = Instant::now();
    let path = generate(people, per_person);
    println!(
        "data: {people} people × {per_person} competencies, {:.1} MB (ready in {:.1} s)",
        std::fs::metadata(&path).unwrap().len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    std::fs::write(
        &config,
        format!("roles: {}\nmentoring:\n  max_mentees: {max_mentees}\n", root().join("roles").display()),
    )
    .unwrap();
    binary(&path, &config); // warm the page cache
    let mut ends = Vec::new();
    let mut runs = Vec::new();
    let mut counts = String::new();
    for _ in 0..5 {
        ends.push(binary(&path, &config));
        let (p, c) = phases(&path, max_mentees);
        runs.push(p);
        counts = c;
    }
    println!("{counts}; at most {max_mentees} per mentor");
    let stat = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        (v[0], v[v.len() / 2])
    };
    let (best, median) = stat(ends);
    println!("opsroles gaps --format json (binary, end to end)  best {best:6.3} s  median {median:6.3} s");
    for (i, name) in
        ["read the table", "assessments, gaps, plan, pairing", "pairing alone", "render JSON"].iter().enumerate()
    {
        let (best, median) = stat(runs.iter().map(|r| r[i]).collect());
        println!("  {name:<34} best {best:6.3} s  median {median:6.3} s");
    }
    let (best, median) = stat(runs.iter().map(|r| r[5]).collect());
    println!("  CPU time of the whole in-process run best {best:6.3} s  median {median:6.3} s");
    let peak = runs.iter().map(|r| r[4]).fold(0.0, f64::max);
    println!("  peak memory (in-process run)       {:.0} MB", peak / 1024.0);
}
