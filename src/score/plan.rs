/*!
What scoring needs from the role files: each role's KPIs with decimal
anchors, and the names an export may use for them — a role by id or title, a
metric by the KPI's `metric` name, its id or its title — through the one
tiered resolver of [`crate::model::names`]. A name that means two things is
reported as ambiguous, never credited to whichever came first.

Every KPI of every role is planned, or planning fails naming the KPI: a KPI
is never dropped while the others keep their places (that once credited one
KPI's values to another).
*/

use rust_decimal::Decimal;

use crate::config::Scoring;
use crate::decimal::from_f64;
use crate::model::names::{self, Found, Resolver};
use crate::model::{Aggregate, Anchor, Direction, Kpi, Role, Unit};
use crate::score::formula::Anchors;

/// What a value does for a KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The KPI's value (a metric KPI, or a ratio KPI's ready-made ratio).
    Value,
    Numerator,
    Denominator,
}

/// The KPIs a name feeds, and how.
pub type Targets = Vec<(usize, Part)>;

#[derive(Debug, Clone)]
pub struct KpiPlan {
    pub id: String,
    pub title: String,
    /// The metric name, or `numerator/denominator` for a ratio.
    pub metric: String,
    pub unit: Unit,
    pub anchors: Anchors,
    pub weight: Decimal,
    pub aggregate: Aggregate,
    /// A ratio KPI's numerator and denominator metric names.
    pub ratio: Option<(String, String)>,
    /// The accumulator slot of the KPI's values (the tally keeps one per person and KPI).
    pub slot: usize,
    /// A ratio KPI's second slot, for its summed numerator and denominator.
    pub parts_slot: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct RolePlan {
    pub id: String,
    pub title: String,
    pub kpis: Vec<KpiPlan>,
    names: Resolver<Targets>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub roles: Vec<RolePlan>,
    role_names: Resolver<usize>,
    pub scoring: Scoring,
    /// The most accumulator slots any role needs (stride of the tally).
    pub max_slots: usize,
}

/// How a metric name resolved for a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetricMatch {
    Targets(Targets),
    /// Two KPIs of the role (by their labels).
    Ambiguous(Vec<String>),
    /// Known to some other role, but not a KPI of this one.
    OtherRole,
    Unknown,
}

fn anchor_value(a: Option<Anchor>) -> Option<Decimal> {
    match a {
        Some(Anchor::Value(v)) => from_f64(v),
        _ => None,
    }
}

fn anchor_pair(a: Option<Anchor>) -> Option<(Decimal, Decimal)> {
    match a {
        Some(Anchor::Range([lo, hi])) => Some((from_f64(lo)?, from_f64(hi)?)),
        _ => None,
    }
}

/// The plan of one KPI, or `None` when `check`'s KPI rules would refuse it.
fn kpi_plan(k: &Kpi) -> Option<KpiPlan> {
    let th = k.threshold.as_ref().map(|a| a.value);
    let st = k.stretch.as_ref().map(|a| a.value);
    // An anchor given but unusable (NaN, a pair where a number belongs) is
    // not the same as no anchor.
    if th.is_some() != (anchor_value(th).is_some() || anchor_pair(th).is_some())
        || st.is_some() != (anchor_value(st).is_some() || anchor_pair(st).is_some())
    {
        return None;
    }
    let anchors = match k.direction.value {
        Direction::Higher => Anchors::Higher {
            threshold: anchor_value(th),
            target: anchor_value(Some(k.target.value))?,
            stretch: anchor_value(st),
        },
        Direction::Lower => Anchors::Lower {
            threshold: anchor_value(th),
            target: anchor_value(Some(k.target.value))?,
            stretch: anchor_value(st),
        },
        Direction::Range => Anchors::Range { threshold: anchor_pair(th), target: anchor_pair(Some(k.target.value))? },
    };
    let unit = k.unit.value;
    let aggregate = k.aggregate.as_ref().map(|a| a.value).unwrap_or(match unit {
        Unit::Count | Unit::Currency => Aggregate::Sum,
        _ => Aggregate::Mean,
    });
    let (metric, ratio) = match (&k.metric, &k.ratio) {
        (Some(m), None) => (m.value.clone(), None),
        (None, Some(r)) => (
            format!("{}/{}", r.value.numerator, r.value.denominator),
            Some((r.value.numerator.clone(), r.value.denominator.clone())),
        ),
        _ => return None,
    };
    Some(KpiPlan {
        id: k.id.value.clone(),
        title: k.title.value.clone(),
        metric,
        unit,
        anchors,
        weight: from_f64(k.weight.value)?,
        aggregate,
        ratio,
        slot: 0,
        parts_slot: None,
    })
}

/// The names of one role's KPIs: exact metric → exact id → folded metric →
/// folded id → folded title.
fn kpi_names(role: &Role) -> Resolver<Targets> {
    let mut r: Resolver<Targets> = Resolver::new(&[false, false, true, true, true]);
    let kpis = role.kpis();
    // Metric names (a ratio's numerator and denominator are metrics too).
    let mut metrics: Vec<(&str, Targets)> = Vec::new();
    for (i, k) in kpis.iter().enumerate() {
        let k = &k.value;
        let mut parts: Vec<(&str, Part)> = Vec::new();
        if let Some(m) = &k.metric {
            parts.push((&m.value, Part::Value));
        }
        if let Some(ratio) = &k.ratio {
            parts.push((&ratio.value.numerator, Part::Numerator));
            parts.push((&ratio.value.denominator, Part::Denominator));
        }
        for (name, part) in parts {
            match metrics.iter_mut().find(|(n, _)| *n == name) {
                Some((_, t)) => t.push((i, part)),
                None => metrics.push((name, vec![(i, part)])),
            }
        }
    }
    for (name, targets) in &metrics {
        let group = format!("metric {name}");
        r.add(0, name, &group, &format!("metric `{name}`"), targets.clone());
        r.add(2, name, &group, &format!("metric `{name}`"), targets.clone());
    }
    for (i, k) in kpis.iter().enumerate() {
        let k = &k.value;
        // A KPI named by id or title: the measurement of its metric (every
        // KPI that metric feeds), or a ratio KPI's ready-made ratio.
        let targets = match &k.metric {
            Some(m) => metrics.iter().find(|(n, _)| *n == m.value).map_or(vec![(i, Part::Value)], |(_, t)| t.clone()),
            None => vec![(i, Part::Value)],
        };
        let group = format!("kpi {i}");
        let label = format!("{} ({})", k.title.value, k.id.value);
        r.add(1, &k.id.value, &group, &label, targets.clone());
        r.add(3, &k.id.value, &group, &label, targets.clone());
        r.add(4, &k.title.value, &group, &label, targets);
    }
    r
}

impl Plan {
    /// Plans every KPI of every role, or says which KPI cannot be scored.
    pub fn new(roles: &[Role], scoring: Scoring) -> Result<Plan, String> {
        let mut plan = Plan { roles: Vec::new(), role_names: names::roles(roles), scoring, max_slots: 0 };
        for role in roles {
            let mut kpis = Vec::new();
            let mut slots = 0;
            for k in role.kpis() {
                match kpi_plan(&k.value) {
                    Some(mut p) => {
                        p.slot = slots;
                        slots += 1;
                        if p.ratio.is_some() {
                            p.parts_slot = Some(slots);
                            slots += 1;
                        }
                        kpis.push(p)
                    }
                    None => {
                        return Err(format!(
                            "KPI `{}` of role `{}` cannot be scored: its metric, anchors or weight are not usable (run `opsroles check`)",
                            k.value.id.value,
                            role.id()
                        ))
                    }
                }
            }
            plan.max_slots = plan.max_slots.max(slots);
            plan.roles.push(RolePlan {
                id: role.id().to_string(),
                title: role.doc.title.value.clone(),
                kpis,
                names: kpi_names(role),
            });
        }
        Ok(plan)
    }

    /// The role a cell names.
    pub fn role(&self, name: &str) -> Found<usize> {
        self.role_names.resolve(name)
    }

    /// The nearest role name, for "did you mean".
    pub fn suggest_role(&self, name: &str) -> Option<&str> {
        self.role_names.suggest(name)
    }

    /// What a metric cell means for `role`.
    pub fn metric(&self, role: usize, name: &str) -> MetricMatch {
        match self.roles[role].names.resolve(name) {
            Found::One(t) => MetricMatch::Targets(t),
            Found::Ambiguous(labels) => MetricMatch::Ambiguous(labels),
            Found::None if self.is_metric(name) => MetricMatch::OtherRole,
            Found::None => MetricMatch::Unknown,
        }
    }

    /// The nearest metric name of `role`, for "did you mean".
    pub fn suggest_metric(&self, role: usize, name: &str) -> Option<&str> {
        self.roles[role].names.suggest(name)
    }

    /// Every KPI's metric names, ids and titles, of every role (for "did
    /// you mean" on a column that names nothing).
    pub fn kpi_names(&self) -> impl Iterator<Item = &str> {
        self.roles.iter().flat_map(|r| r.names.names().iter().map(String::as_str))
    }

    /// Whether any role knows this metric name (for wide headers).
    pub fn is_metric(&self, name: &str) -> bool {
        self.roles.iter().any(|r| !matches!(r.names.resolve(name), Found::None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::load_paths;
    use crate::source::Sources;

    fn plan_of(files: &[(&str, &str)]) -> Plan {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let org = load_paths(&[dir.path().to_path_buf()], &mut Sources::default()).unwrap();
        assert!(org.diagnostics.is_empty(), "{:?}", org.diagnostics);
        Plan::new(&org.roles, Scoring::default()).unwrap()
    }

    fn role(id: &str, title_en: &str, kpis: &str) -> String {
        format!("id: {id}\ntitle: 崗位{id}\ntitle_en: {title_en}\nkpis:\n{kpis}")
    }

    fn kpi(id: &str, metric: &str, weight: u32) -> String {
        format!("  - {{id: {id}, title: 指標{id}, metric: {metric}, unit: count, direction: higher, target: 2, weight: {weight}}}\n")
    }

    /// Defect: roles `alpha` (title_en "Beta") and `beta`; rows naming `beta`
    /// were scored as `alpha`.
    #[test]
    fn rows_go_to_the_wrong_role_exact_id_wins() {
        let p = plan_of(&[
            ("alpha.yaml", &role("alpha", "Beta", &kpi("k", "m", 100))),
            ("beta.yaml", &role("beta", "Gamma", &kpi("k", "m", 100))),
        ]);
        assert_eq!(p.role("beta").one().map(|i| p.roles[i].id.as_str()), Some("beta"));
        assert_eq!(p.role("Gamma").one().map(|i| p.roles[i].id.as_str()), Some("beta"));
    }

    /// Defect: four roles sharing `title_en: Rounding probe`; rows naming the
    /// exact id `rounding-probe` went to `lower-probe`.
    #[test]
    fn rows_go_to_the_wrong_role_shared_english_title() {
        let files: Vec<(String, String)> = ["lower-probe", "rounding-probe", "upper-probe", "zero-probe"]
            .iter()
            .map(|id| (format!("{id}.yaml"), role(id, "Rounding probe", &kpi("k", "m", 100))))
            .collect();
        let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let p = plan_of(&refs);
        assert_eq!(p.role("rounding-probe").one().map(|i| p.roles[i].id.as_str()), Some("rounding-probe"));
        assert_eq!(p.role("Lower probe").one().map(|i| p.roles[i].id.as_str()), Some("lower-probe"));
        // The shared English title itself means four roles.
        match p.role("ROUNDING PROBE!") {
            Found::One(i) => assert_eq!(p.roles[i].id, "rounding-probe", "the folded id outranks English titles"),
            other => panic!("{other:?}"),
        }
        let q = plan_of(&[
            ("a.yaml", &role("a", "Shared Name", &kpi("k", "m", 100))),
            ("b.yaml", &role("b", "Shared Name", &kpi("k", "m", 100))),
        ]);
        assert!(matches!(q.role("shared name"), Found::Ambiguous(c) if c.len() == 2));
    }

    /// Issue 14: metrics `on_time` and `ontime` — every row of either was
    /// credited to both.
    #[test]
    fn metric_names_resolve_exactly_first() {
        let kpis = format!("{}{}", kpi("k1", "on_time", 50), kpi("k2", "ontime", 50));
        let p = plan_of(&[("a.yaml", &role("a", "A", &kpis))]);
        assert_eq!(p.metric(0, "on_time"), MetricMatch::Targets(vec![(0, Part::Value)]));
        assert_eq!(p.metric(0, "ontime"), MetricMatch::Targets(vec![(1, Part::Value)]));
        assert!(matches!(p.metric(0, "On Time"), MetricMatch::Ambiguous(c) if c.len() == 2));
        assert_eq!(p.metric(0, "k2"), MetricMatch::Targets(vec![(1, Part::Value)]));
        assert_eq!(p.metric(0, "指標k1"), MetricMatch::Targets(vec![(0, Part::Value)]));
        assert_eq!(p.metric(0, "other"), MetricMatch::Unknown);
    }

    #[test]
    fn a_shared_metric_feeds_every_kpi_it_measures() {
        let kpis = format!(
            "{}  - {{id: r, title: 比率, ratio: {{numerator: m, denominator: total}}, unit: percent, direction: higher, target: 2, weight: 50}}\n",
            kpi("k", "m", 50)
        );
        let p = plan_of(&[("a.yaml", &role("a", "A", &kpis))]);
        assert_eq!(p.metric(0, "m"), MetricMatch::Targets(vec![(0, Part::Value), (1, Part::Numerator)]));
        assert_eq!(p.metric(0, "total"), MetricMatch::Targets(vec![(1, Part::Denominator)]));
    }

    /// Defect: a KPI without a metric was dropped from the plan while the
    /// others kept their positions (with a waiver on `kpi-metric`): panic, or
    /// `m2`'s value credited to `k-third`.
    #[test]
    fn a_waiver_makes_score_panic_unplannable_kpi_is_an_error() {
        let kpis = format!(
            "{}  - {{id: k-none, title: 無, unit: count, direction: higher, target: 2, weight: 30}}\n{}",
            kpi("k1", "m1", 40),
            kpi("k-third", "m2", 30)
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), role("a", "A", &kpis)).unwrap();
        let org = load_paths(&[dir.path().to_path_buf()], &mut Sources::default()).unwrap();
        let err = Plan::new(&org.roles, Scoring::default()).unwrap_err();
        assert!(err.contains("`k-none`"), "{err}");
    }
}
