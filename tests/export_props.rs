//! A property test of the export reader (issue 14): for generated exports
//! with planted problems, every row is accounted for (`read = used +
//! skipped`, each skipped row under the reason planted in it, each listed
//! line a line that has that problem), and the scores equal those of the same
//! used rows written wide, in GBK, and those worked out here by hand (mean
//! for a percent or score KPI, sum for a count — SPEC 1.1's defaults).

mod common;
use common::run;

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;

const CONFIG: &str = "department: 測試部\nfunctions:\n  ops: 運營\n";

/// Two roles; what each KPI's anchors are does not matter here, only that
/// the values reach the right KPI of the right person.
const PLANNER: &str = "id: planner\ntitle: 計劃員\nduties:\n  - id: plan\n    title: 編制月度運營計劃\n    function: ops\nauthority:\n  - id: plan-approve\n    title: 審批計劃變更\nkpis:\n  - id: on-time\n    title: 準時率\n    metric: on_time\n    unit: percent\n    direction: higher\n    threshold: 50\n    target: 95\n    weight: 60\n  - id: incidents\n    title: 事故數\n    metric: incidents\n    unit: count\n    direction: lower\n    threshold: 900\n    target: 1\n    weight: 40\n";
const AUDITOR: &str = "id: auditor\ntitle: 審計員\nduties:\n  - id: audit\n    title: 季度內部審計與整改跟蹤\n    function: ops\nauthority:\n  - id: audit-report\n    title: 簽發審計報告\nkpis:\n  - id: quality\n    title: 審計質量\n    metric: quality\n    unit: score\n    direction: higher\n    threshold: 1\n    target: 90\n    weight: 100\n";

const NAMES: [&str; 6] = ["王偉", "李娜", "張敏", "劉洋", "陳靜", "趙磊"];
const ROLE_TITLES: [&str; 2] = ["計劃員", "審計員"];
const METRICS: [&[&str]; 2] = [&["on_time", "incidents"], &["quality"]];

/// What a generated row carries: nothing wrong, or one planted problem.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Plant {
    None,
    OutsidePeriod,
    UnknownMetric,
    MissingValue,
    BadValue,
}

impl Plant {
    fn code(self) -> &'static str {
        match self {
            Plant::None => "",
            Plant::OutsidePeriod => "outside-period",
            Plant::UnknownMetric => "unknown-metric",
            Plant::MissingValue => "missing-value",
            Plant::BadValue => "bad-value",
        }
    }
}

#[derive(Debug, Clone)]
struct Row {
    person: usize,
    month: u32,
    metric: &'static str,
    /// Tenths, so that sums and means are exact in decimal.
    tenths: u32,
    plant: Plant,
}

impl Row {
    fn value_cell(&self) -> String {
        match self.plant {
            Plant::MissingValue => String::new(),
            Plant::BadValue => "abc".to_string(),
            _ => format!("{}.{}", self.tenths / 10, self.tenths % 10),
        }
    }
}

fn role_of(person: usize) -> usize {
    person % 2
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    let plant = prop_oneof![
        6 => Just(Plant::None),
        1 => Just(Plant::OutsidePeriod),
        1 => Just(Plant::UnknownMetric),
        1 => Just(Plant::MissingValue),
        1 => Just(Plant::BadValue),
    ];
    prop::collection::vec((0..NAMES.len(), 7u32..10, 0usize..2, 0u32..10_000, plant), 1..60).prop_map(|raw| {
        let mut rows: Vec<Row> = raw
            .into_iter()
            .map(|(person, month, m, tenths, plant)| {
                let metrics = METRICS[role_of(person)];
                let metric = match plant {
                    Plant::UnknownMetric => "bogus_metric",
                    _ => metrics[m % metrics.len()],
                };
                let month = if plant == Plant::OutsidePeriod { 4 } else { month };
                Row { person, month, metric, tenths, plant }
            })
            .collect();
        // Exports come sorted by period; `last`-free KPIs make order moot,
        // but a stable order keeps the wide file's rows comparable.
        rows.sort_by_key(|r| (r.month, r.person));
        rows
    })
}

fn long_csv(rows: &[Row]) -> String {
    let mut s = String::from("period,person,role,metric,value\n");
    for r in rows {
        s.push_str(&format!(
            "2026-{:02},{},{},{},{}\n",
            r.month,
            NAMES[r.person],
            ROLE_TITLES[role_of(r.person)],
            r.metric,
            r.value_cell()
        ));
    }
    s
}

/// The used rows as a wide export (Chinese headers): one column per metric;
/// a second value of the same person, month and metric goes on a row of its own.
fn wide_csv(rows: &[Row]) -> String {
    let metrics = ["on_time", "incidents", "quality"];
    let mut lines: Vec<(u32, usize, [Option<String>; 3])> = Vec::new();
    for r in rows.iter().filter(|r| r.plant == Plant::None) {
        let col = metrics.iter().position(|m| *m == r.metric).unwrap();
        let slot = lines.iter_mut().find(|(m, p, cells)| *m == r.month && *p == r.person && cells[col].is_none());
        match slot {
            Some((_, _, cells)) => cells[col] = Some(r.value_cell()),
            None => {
                let mut cells: [Option<String>; 3] = Default::default();
                cells[col] = Some(r.value_cell());
                lines.push((r.month, r.person, cells));
            }
        }
    }
    let mut s = String::from("期間,員工,崗位,on_time,incidents,quality\n");
    for (month, person, cells) in lines {
        let cells: Vec<String> = cells.iter().map(|c| c.clone().unwrap_or_default()).collect();
        s.push_str(&format!(
            "2026-{month:02},{},{},{}\n",
            NAMES[person],
            ROLE_TITLES[role_of(person)],
            cells.join(",")
        ));
    }
    s
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("opsroles.yaml"), CONFIG).unwrap();
    std::fs::create_dir(dir.path().join("roles")).unwrap();
    std::fs::write(dir.path().join("roles/planner.yaml"), PLANNER).unwrap();
    std::fs::write(dir.path().join("roles/auditor.yaml"), AUDITOR).unwrap();
    dir
}

fn score_json(dir: &Path, file: &str) -> (serde_json::Value, String) {
    let o = run(dir, &["score", file, "--period", "2026-Q3", "--format", "json"]);
    assert!(o.code == 0 || o.code == 1, "exit {}: {}", o.code, o.stderr);
    let v = if o.stdout.trim().is_empty() { serde_json::Value::Null } else { serde_json::from_str(&o.stdout).unwrap() };
    (v, o.stderr)
}

/// The line numbers `stderr` lists under `warning: CODE:`.
fn listed_lines(stderr: &str, file: &str, code: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in stderr.lines() {
        if let Some(rest) = line.strip_prefix("warning: ") {
            inside = rest.starts_with(&format!("{code}:"));
            continue;
        }
        if !inside {
            continue;
        }
        let mut at = line;
        while let Some(i) = at.find(&format!("{file}:")) {
            at = &at[i + file.len() + 1..];
            let digits: String = at.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse() {
                out.push(n);
            }
        }
    }
    out
}

/// The KPI values worked out by hand: per person and metric, the mean
/// (percent, score) or sum (count) of the used rows' values.
fn expected_values(rows: &[Row]) -> BTreeMap<(String, String), f64> {
    let mut acc: BTreeMap<(String, String), (f64, u32)> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.plant == Plant::None) {
        let e = acc.entry((NAMES[r.person].to_string(), r.metric.to_string())).or_default();
        e.0 += f64::from(r.tenths) / 10.0;
        e.1 += 1;
    }
    acc.into_iter()
        .map(|((p, m), (sum, n))| {
            let v = if m == "incidents" { sum } else { sum / f64::from(n) };
            ((p, m), v)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_row_is_accounted_for_and_layouts_agree(rows in rows()) {
        let dir = project();
        std::fs::write(dir.path().join("long.csv"), long_csv(&rows)).unwrap();
        let (long, stderr) = score_json(dir.path(), "long.csv");

        // read = used + skipped, by the reason planted.
        let accounting = &long["rows"];
        prop_assert_eq!(accounting["read"].as_u64().unwrap(), rows.len() as u64);
        let used = rows.iter().filter(|r| r.plant == Plant::None).count() as u64;
        prop_assert_eq!(accounting["used"].as_u64().unwrap(), used);
        prop_assert_eq!(accounting["skipped"].as_u64().unwrap(), rows.len() as u64 - used);
        for plant in [Plant::OutsidePeriod, Plant::UnknownMetric, Plant::MissingValue, Plant::BadValue] {
            let planted: Vec<usize> =
                rows.iter().enumerate().filter(|(_, r)| r.plant == plant).map(|(i, _)| i + 2).collect();
            let counted = accounting["skipped_by_reason"][plant.code()].as_u64().unwrap_or(0);
            prop_assert_eq!(counted, planted.len() as u64, "{}", plant.code());
            // Every line listed under the reason has that problem, and some are listed.
            let listed = listed_lines(&stderr, "long.csv", plant.code());
            prop_assert!(listed.iter().all(|n| planted.contains(n)), "{}: {:?} not in {:?}", plant.code(), listed, planted);
            prop_assert_eq!(listed.is_empty(), planted.is_empty(), "{}: {}", plant.code(), stderr);
        }

        // The values reach the right KPI, aggregated as SPEC 1.1 says.
        let want = expected_values(&rows);
        let mut got: BTreeMap<(String, String), f64> = BTreeMap::new();
        for card in long["scorecards"].as_array().into_iter().flatten() {
            for k in card["kpis"].as_array().unwrap() {
                if let Some(v) = k["value"].as_f64() {
                    got.insert((card["entity"].as_str().unwrap().to_string(), k["metric"].as_str().unwrap().to_string()), v);
                }
            }
        }
        prop_assert_eq!(got.len(), want.len(), "{:?} vs {:?}", got, want);
        for (key, v) in &want {
            let g = got.get(key).copied().unwrap_or(f64::NAN);
            prop_assert!((g - v).abs() < 1e-4, "{:?}: {} vs {}", key, g, v);
        }

        // The same used rows, wide and in GBK: the same scorecards.
        if used > 0 {
            let text = wide_csv(&rows);
            let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
            prop_assert!(!unmappable);
            std::fs::write(dir.path().join("wide.csv"), &gbk).unwrap();
            let (wide, wide_err) = score_json(dir.path(), "wide.csv");
            prop_assert_eq!(wide["rows"]["skipped"].as_u64(), Some(0), "{}", wide_err);
            // A person whose every row was skipped is in the long file only
            // (with an insufficient card); compare the people who have data.
            let with_data = |v: &serde_json::Value| -> Vec<serde_json::Value> {
                v["scorecards"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|c| want.keys().any(|(p, _)| c["entity"].as_str() == Some(p.as_str())))
                    .cloned()
                    .collect()
            };
            prop_assert_eq!(with_data(&wide), with_data(&long));
            prop_assert_eq!(with_data(&wide).len(), wide["scorecards"].as_array().map_or(0, Vec::len));
        }
    }
}
