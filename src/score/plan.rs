/*!
What scoring needs from the role files: each role's KPIs with decimal
anchors, and lookup tables from the names an export may use — a role by id or
title, a metric by the KPI's `metric` name, its id or its title — to the KPIs
a value feeds. Names are compared normalised (NFKC, case, punctuation,
Traditional/Simplified), so a GBK export's 流程效率提升率 finds the Traditional
role file's KPI.
*/

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::check::similar::normalize;
use crate::config::Scoring;
use crate::model::{Aggregate, Anchor, Direction, Kpi, Role, Unit};
use crate::score::formula::{decimal, Anchors};

/// What a value does for a KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The KPI's value (a metric KPI, or a ratio KPI's ready-made ratio).
    Value,
    Numerator,
    Denominator,
}

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
    pub ratio: bool,
}

#[derive(Debug, Clone)]
pub struct RolePlan {
    pub id: String,
    pub title: String,
    pub kpis: Vec<KpiPlan>,
    /// Normalised name → (KPI index, part).
    keys: HashMap<String, Vec<(usize, Part)>>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub roles: Vec<RolePlan>,
    role_keys: HashMap<String, usize>,
    /// Every normalised metric key of every role.
    all_metric_keys: HashMap<String, ()>,
    pub scoring: Scoring,
    /// The most KPIs any role has (stride of the accumulator table).
    pub max_kpis: usize,
}

/// How a metric cell resolved for a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetricMatch {
    Targets(Vec<(usize, Part)>),
    /// Known to some role, but not a KPI of this one.
    OtherRole,
    Unknown,
}

fn anchor_value(a: Option<Anchor>) -> Option<Decimal> {
    match a {
        Some(Anchor::Value(v)) => decimal(v),
        _ => None,
    }
}

fn anchor_pair(a: Option<Anchor>) -> Option<(Decimal, Decimal)> {
    match a {
        Some(Anchor::Range([lo, hi])) => Some((decimal(lo)?, decimal(hi)?)),
        _ => None,
    }
}

fn kpi_plan(k: &Kpi) -> Option<KpiPlan> {
    let th = k.threshold.as_ref().map(|a| a.value);
    let st = k.stretch.as_ref().map(|a| a.value);
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
    let metric = match (&k.metric, &k.ratio) {
        (Some(m), _) => m.value.clone(),
        (None, Some(r)) => format!("{}/{}", r.value.numerator, r.value.denominator),
        (None, None) => return None,
    };
    Some(KpiPlan {
        id: k.id.value.clone(),
        title: k.title.value.clone(),
        metric,
        unit,
        anchors,
        weight: decimal(k.weight.value)?,
        aggregate,
        ratio: k.metric.is_none(),
    })
}

impl Plan {
    /// Builds the plan from roles that passed `check`'s KPI rules.
    pub fn new(roles: &[Role], scoring: Scoring) -> Plan {
        let mut plan = Plan {
            roles: Vec::new(),
            role_keys: HashMap::new(),
            all_metric_keys: HashMap::new(),
            scoring,
            max_kpis: 0,
        };
        for (ri, role) in roles.iter().enumerate() {
            plan.role_keys.entry(normalize(role.id())).or_insert(ri);
            plan.role_keys.entry(normalize(&role.doc.title.value)).or_insert(ri);
            if let Some(en) = &role.doc.title_en {
                plan.role_keys.entry(normalize(&en.value)).or_insert(ri);
            }
            let kpis: Vec<KpiPlan> = role.kpis().iter().filter_map(|k| kpi_plan(&k.value)).collect();
            let mut keys: HashMap<String, Vec<(usize, Part)>> = HashMap::new();
            // Precedence: metric names, then KPI ids, then KPI titles.
            for (i, k) in role.kpis().iter().enumerate() {
                if let Some(m) = &k.value.metric {
                    keys.entry(normalize(&m.value)).or_default().push((i, Part::Value));
                }
                if let Some(r) = &k.value.ratio {
                    keys.entry(normalize(&r.value.numerator)).or_default().push((i, Part::Numerator));
                    keys.entry(normalize(&r.value.denominator)).or_default().push((i, Part::Denominator));
                }
            }
            for pass in 0..2 {
                for (i, k) in role.kpis().iter().enumerate() {
                    let name = if pass == 0 { &k.value.id.value } else { &k.value.title.value };
                    let key = normalize(name);
                    if !keys.contains_key(&key) {
                        let part = match &k.value.metric {
                            Some(m) => keys.get(&normalize(&m.value)).cloned().unwrap_or(vec![(i, Part::Value)]),
                            None => vec![(i, Part::Value)],
                        };
                        keys.insert(key, part);
                    }
                }
            }
            for k in keys.keys() {
                plan.all_metric_keys.insert(k.clone(), ());
            }
            plan.max_kpis = plan.max_kpis.max(kpis.len());
            plan.roles.push(RolePlan { id: role.id().to_string(), title: role.doc.title.value.clone(), kpis, keys });
        }
        plan
    }

    /// The role a cell names (by id, title or English title).
    pub fn role(&self, name: &str) -> Option<usize> {
        self.role_keys.get(&normalize(name)).copied()
    }

    /// What a metric cell means for `role`.
    pub fn metric(&self, role: usize, name: &str) -> MetricMatch {
        let key = normalize(name);
        match self.roles[role].keys.get(&key) {
            Some(t) => MetricMatch::Targets(t.clone()),
            None if self.all_metric_keys.contains_key(&key) => MetricMatch::OtherRole,
            None => MetricMatch::Unknown,
        }
    }

    /// Whether any role knows this metric name (for wide headers).
    pub fn is_metric(&self, name: &str) -> bool {
        self.all_metric_keys.contains_key(&normalize(name))
    }
}
