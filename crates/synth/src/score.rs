/*!
Metric exports (and the role files they are scored against) for the `score`
benchmark and scale runs — two shapes:

- the *anchor* shape of SPEC 3.5: one row per person × KPI × month, five
  roles of twenty KPIs each, so 41,667 people over 12 months are 10,000,080
  rows and 833,340 person × KPI groups. Every unit, direction and aggregate
  of the role format appears among the twenty KPIs.
- the *hourly* shape the benchmark began with: the seed's five roles, a fixed
  roster of 2,040 people, readings every hour of 2026-Q3 — many rows per
  group, and a ratio KPI.

Long layout, Chinese headers and role titles, like an ERP export. Every row is
usable, so a run can check `read == used`. Deterministic: same arguments,
same bytes.
*/

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use crate::Rng;

/// The seed's five roles: id and title.
pub const ROLES: [(&str, &str); 5] = [
    ("operations-director", "運營總監"),
    ("process-manager", "流程管理經理"),
    ("resource-coordinator", "資源協調專員"),
    ("performance-analyst", "績效分析師"),
    ("risk-supervisor", "風險管控主管"),
];

/// Which role person `i` holds: the seed's roster of twelve (one director,
/// three process managers, coordinators and analysts, two risk supervisors).
pub fn role_of(person: u64) -> usize {
    [0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4][(person % 12) as usize]
}

/// One KPI template of the anchor roles: unit, direction, aggregate, anchors
/// (YAML text) and how to draw a month's value.
struct Template {
    unit: &'static str,
    direction: &'static str,
    aggregate: &'static str,
    anchors: &'static str,
    /// Values drawn uniformly from `lo..hi` hundredths (`cents`) or units.
    lo: u64,
    hi: u64,
    cents: bool,
}

const TEMPLATES: [Template; 10] = [
    Template {
        unit: "percent",
        direction: "higher",
        aggregate: "mean",
        anchors: "threshold: 60, target: 80, stretch: 95",
        lo: 5000,
        hi: 10000,
        cents: true,
    },
    Template {
        unit: "count",
        direction: "higher",
        aggregate: "sum",
        anchors: "threshold: 6, target: 12, stretch: 24",
        lo: 0,
        hi: 4,
        cents: false,
    },
    Template {
        unit: "currency",
        direction: "lower",
        aggregate: "sum",
        anchors: "threshold: 1200000, target: 600000, stretch: 300000",
        lo: 0,
        hi: 100_000,
        cents: false,
    },
    Template {
        unit: "days",
        direction: "lower",
        aggregate: "mean",
        anchors: "threshold: 10, target: 5, stretch: 2",
        lo: 100,
        hi: 1200,
        cents: true,
    },
    Template {
        unit: "hours",
        direction: "lower",
        aggregate: "max",
        anchors: "threshold: 48, target: 24, stretch: 8",
        lo: 200,
        hi: 6000,
        cents: true,
    },
    Template {
        unit: "score",
        direction: "higher",
        aggregate: "last",
        anchors: "threshold: 6, target: 8, stretch: 9.5",
        lo: 500,
        hi: 1000,
        cents: true,
    },
    Template {
        unit: "ratio",
        direction: "higher",
        aggregate: "mean",
        anchors: "threshold: 0.5, target: 0.8, stretch: 0.95",
        lo: 30,
        hi: 100,
        cents: true,
    },
    Template {
        unit: "percent",
        direction: "range",
        aggregate: "mean",
        anchors: "threshold: [80, 120], target: [90, 110]",
        lo: 7000,
        hi: 13000,
        cents: true,
    },
    Template {
        unit: "score",
        direction: "higher",
        aggregate: "min",
        anchors: "threshold: 5, target: 7, stretch: 9",
        lo: 400,
        hi: 1000,
        cents: true,
    },
    Template {
        unit: "count",
        direction: "lower",
        aggregate: "sum",
        anchors: "threshold: 12, target: 4, stretch: 0",
        lo: 0,
        hi: 2,
        cents: false,
    },
];

/// The metric name of KPI `k` (0-based) of the anchor roles: `kpi07_hours`.
pub fn metric(k: usize) -> String {
    format!("kpi{:02}_{}", k + 1, TEMPLATES[k % TEMPLATES.len()].unit)
}

/// Writes the anchor shape's `opsroles.yaml` and `roles/` (five roles of
/// `kpis` KPIs each, equal weights summing to 100) into `dir`.
pub fn write_anchor_roles(dir: &Path, kpis: usize) -> io::Result<()> {
    let roles = dir.join("roles");
    std::fs::create_dir_all(&roles)?;
    std::fs::write(dir.join("opsroles.yaml"), "department: 運營管理部\nroles: roles\n")?;
    let weights = weights(kpis);
    for (id, title) in ROLES {
        let mut y = format!("id: {id}\ntitle: {title}\nkpis:\n");
        for (k, weight) in weights.iter().enumerate() {
            let t = &TEMPLATES[k % TEMPLATES.len()];
            let _ = writeln!(
                y,
                "  - {{id: k{:02}, title: 指標{:02}, metric: {}, unit: {}, direction: {}, aggregate: {}, {}, weight: {weight}}}",
                k + 1,
                k + 1,
                metric(k),
                t.unit,
                t.direction,
                t.aggregate,
                t.anchors
            );
        }
        std::fs::write(roles.join(format!("{id}.yaml")), y)?;
    }
    Ok(())
}

/// Integer weights summing to 100.
fn weights(n: usize) -> Vec<u64> {
    let n = n.max(1) as u64;
    (0..n).map(|i| 100 / n + u64::from(i < 100 % n)).collect()
}

/// Writes the anchor export: for each month of 2026 up to `months`, for each
/// of `people`, one row per KPI. Returns the rows written.
pub fn write_anchor_export(out: &mut impl Write, people: u64, kpis: usize, months: u32) -> io::Result<u64> {
    out.write_all("期間,員工,崗位,指標,數值\n".as_bytes())?;
    let metrics: Vec<String> = (0..kpis).map(metric).collect();
    let mut rng = Rng::new(7);
    let mut line = String::with_capacity(128);
    let mut rows = 0;
    for month in 1..=months {
        for p in 0..people {
            let title = ROLES[role_of(p)].1;
            for (k, m) in metrics.iter().enumerate() {
                let t = &TEMPLATES[k % TEMPLATES.len()];
                let v = t.lo + rng.below((t.hi - t.lo) as usize) as u64;
                line.clear();
                let _ = write!(line, "2026-{month:02},員工{:06},{title},{m},", p + 1);
                let _ = if t.cents { writeln!(line, "{}.{:02}", v / 100, v % 100) } else { writeln!(line, "{v}") };
                out.write_all(line.as_bytes())?;
                rows += 1;
            }
        }
    }
    Ok(rows)
}

/// The seed roles' metrics, by role (in [`ROLES`] order).
const SEED_METRICS: [&[&str]; 5] = [
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
    &["process_optimizations", "process_cycle_reduction", "sop_coverage", "process_satisfaction"],
    &[
        "resource_utilization",
        "idle_hours",
        "total_hours",
        "resource_demand_satisfaction",
        "inventory_reduction",
        "labor_cost_saving",
    ],
    &["kpi_coverage", "report_delay_days", "root_cause_accuracy", "performance_improvement"],
    &["risk_identification_rate", "risk_response_hours", "risk_loss_reduction", "risk_report_quality"],
];

/// People of the hourly shape: 170 blocks of the roster of twelve. Fixed, so
/// that more rows means more readings per person, never more people.
pub const HOURLY_PEOPLE: u64 = 170 * 12;

/// Writes `rows` rows of hourly readings in 2026-Q3 over the seed roles (up
/// to 92 days × 10 hours per person and metric, cycling). Returns the rows
/// written.
pub fn write_hourly_export(out: &mut impl Write, rows: u64) -> io::Result<u64> {
    out.write_all("期間,員工,崗位,指標,數值\n".as_bytes())?;
    let mut rng = Rng::new(42);
    let mut line = String::with_capacity(128);
    let mut written = 0;
    for slot in 0u64.. {
        let day = (slot / 10) % 92;
        let hour = 8 + slot % 10;
        let (month, dom) = match day {
            0..=30 => (7, day + 1),
            31..=61 => (8, day - 30),
            _ => (9, day - 61),
        };
        for p in 0..HOURLY_PEOPLE {
            let r = role_of(p);
            for m in SEED_METRICS[r] {
                let v = rng.below(10_000);
                line.clear();
                let _ = writeln!(
                    line,
                    "2026-{month:02}-{dom:02} {hour:02}:00,員工{:05},{},{m},{}.{:02}",
                    p + 1,
                    ROLES[r].1,
                    v / 100,
                    v % 100
                );
                out.write_all(line.as_bytes())?;
                written += 1;
                if written == rows {
                    return Ok(written);
                }
            }
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_anchor_shape_is_one_row_per_person_kpi_and_month() {
        let mut out = Vec::new();
        let rows = write_anchor_export(&mut out, 24, 20, 12).unwrap();
        assert_eq!(rows, 24 * 20 * 12);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count() as u64, rows + 1);
        assert!(text.lines().nth(1).unwrap().starts_with("2026-01,員工000001,運營總監,kpi01_percent,"));
        assert_eq!(weights(20).iter().sum::<u64>(), 100);
        assert_eq!(weights(7).iter().sum::<u64>(), 100);
    }

    #[test]
    fn the_hourly_shape_stops_at_the_asked_rows() {
        let mut out = Vec::new();
        assert_eq!(write_hourly_export(&mut out, 1000).unwrap(), 1000);
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1001);
    }
}
