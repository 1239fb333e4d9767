/*!
The layout of a metric export, from its header row (SPEC 3.2): which columns
are the period, person, role, and either the `metric` and `value` columns of
a long export (one row per measurement) or the metric columns of a wide one
(one column per metric, named by a KPI's metric name, id or title).
*/

use crate::config::ColumnMap;
use crate::score::plan::{MetricMatch, Plan};
use crate::tabular::headers::{self, Column, Headers, Schema};

/// The columns of a metric export (SPEC 3.2), with their Chinese synonyms
/// (each spelling stands for its Traditional and Simplified forms).
pub const SCHEMA: Schema = &[
    Column {
        name: "period",
        synonyms: &[
            "期間",
            "週期",
            "月份",
            "季度",
            "日期",
            "月度",
            "考核期間",
            "考核週期",
            "統計月份",
            "date",
            "month",
            "quarter",
        ],
    },
    Column { name: "person", synonyms: &["員工", "姓名", "員工姓名", "name", "employee", "staff"] },
    Column {
        name: "person_id",
        synonyms: &["員工編號", "工號", "員工號", "employee id", "employee_id", "staff id", "staff no"],
    },
    Column { name: "role", synonyms: &["崗位", "角色", "職位", "崗位名稱", "職務", "position", "job"] },
    Column { name: "metric", synonyms: &["指標", "指標名稱", "考核指標", "kpi", "indicator"] },
    Column { name: "value", synonyms: &["數值", "實際值", "值", "完成值", "actual"] },
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Long {
        metric: usize,
        value: usize,
    },
    /// (column, header) of each metric column.
    Wide {
        metrics: Vec<(usize, String)>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub period: Option<usize>,
    pub person: Option<usize>,
    pub role: usize,
    pub kind: Kind,
    /// Headers that were not used.
    pub ignored: Vec<String>,
}

/// The layout of a header row, or what is wrong with it.
pub fn layout(names: &[String], map: &ColumnMap, plan: &Plan) -> Result<Layout, String> {
    let h: Headers = headers::resolve(names, SCHEMA, map);
    let shown = h.shown();
    if let Some((col, a, b)) = h.repeated.first() {
        return Err(format!(
            "columns `{}` and `{}` both mean `{col}`; keep one (or map one elsewhere in the config's `columns:`)",
            h.names[*a], h.names[*b]
        ));
    }
    let role = h
        .get("role")
        .ok_or_else(|| format!("the header has no {} column; found: {shown}", headers::spelled(SCHEMA, "role")))?;
    // A person's name, else their number; when both are there the name is
    // the person and the number is not a metric.
    let person = h.get("person").or_else(|| h.get("person_id"));
    let (kind, ignored) = match (h.get("metric"), h.get("value")) {
        (Some(metric), Some(value)) => {
            (Kind::Long { metric, value }, h.rest.iter().map(|&i| h.names[i].clone()).collect())
        }
        (Some(_), None) => {
            return Err(format!(
                "the header has a metric column but no {} column; found: {shown}",
                headers::spelled(SCHEMA, "value")
            ))
        }
        (None, Some(_)) => {
            return Err(format!(
                "the header has a value column but no {} column; found: {shown}",
                headers::spelled(SCHEMA, "metric")
            ))
        }
        (None, None) => {
            let (metrics, ignored): (Vec<usize>, Vec<usize>) =
                h.rest.iter().partition(|&&i| plan.is_metric(&h.names[i]));
            if metrics.is_empty() {
                return Err(format!("the header has neither metric and value columns (long layout) nor any column named after a KPI metric (wide layout); found: {shown}"));
            }
            feeding_twice(&metrics, &h.names, plan)?;
            (
                Kind::Wide { metrics: metrics.into_iter().map(|i| (i, h.names[i].clone())).collect() },
                ignored.into_iter().map(|i| h.names[i].clone()).collect(),
            )
        }
    };
    Ok(Layout { period: h.get("period"), person, role, kind, ignored })
}

/// Two wide columns that feed the same KPI of a role (`process_cycle_reduction`
/// and `流程效率提升率`) would count each value twice: an error naming both.
fn feeding_twice(metrics: &[usize], names: &[String], plan: &Plan) -> Result<(), String> {
    for (r, role) in plan.roles.iter().enumerate() {
        let mut fed: Vec<((usize, crate::score::plan::Part), usize)> = Vec::new();
        for &c in metrics {
            if let MetricMatch::Targets(targets) = plan.metric(r, &names[c]) {
                for t in targets {
                    if let Some((_, first)) = fed.iter().find(|(x, _)| *x == t) {
                        return Err(format!(
                            "columns `{}` and `{}` both feed KPI `{}` of role `{}`; its values would count twice — keep one",
                            names[*first], names[c], role.kpis[t.0].id, role.id
                        ));
                    }
                    fed.push((t, c));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("roles");
        let mut sources = crate::source::Sources::default();
        let org = crate::model::load::load_paths(&[dir], &mut sources).unwrap();
        Plan::new(&org.roles, crate::config::Scoring::default()).unwrap()
    }

    fn h(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn long_layout_in_three_scripts() {
        let p = plan();
        for headers in [
            h(&["period", "person", "role", "metric", "value"]),
            h(&["期間", "員工", "崗位", "指標", "數值"]),
            h(&["期间", "姓名", "岗位", "指标名称", "实际值"]),
            h(&["Period", "EMPLOYEE", "Role", "Metric", "Value"]),
            h(&["考核期間", "員工姓名", "崗位名稱", "考核指標", "完成值"]),
        ] {
            let l = layout(&headers, &Default::default(), &p).unwrap();
            assert_eq!((l.period, l.person, l.role), (Some(0), Some(1), 2), "{headers:?}");
            assert_eq!(l.kind, Kind::Long { metric: 3, value: 4 });
        }
    }

    #[test]
    fn wide_layout_by_metric_names_ids_and_titles() {
        let p = plan();
        let l =
            layout(&h(&["月份", "工號", "岗位", "流程效率提升率", "sop_coverage", "備註"]), &Default::default(), &p)
                .unwrap();
        assert_eq!(l.kind, Kind::Wide { metrics: vec![(3, "流程效率提升率".into()), (4, "sop_coverage".into())] });
        assert_eq!(l.person, Some(1));
        assert_eq!(l.ignored, vec!["備註".to_string()]);
    }

    /// Issue 14: a wide export with both the English metric column and the
    /// Chinese KPI-title column of one KPI counted each value twice.
    #[test]
    fn two_columns_feeding_one_kpi_are_an_error() {
        let p = plan();
        let err =
            layout(&h(&["崗位", "process_cycle_reduction", "流程效率提升率"]), &Default::default(), &p).unwrap_err();
        assert!(err.contains("`process_cycle_reduction` and `流程效率提升率` both feed KPI"), "{err}");
    }

    #[test]
    fn missing_columns_are_named() {
        let p = plan();
        let d = Default::default();
        assert!(layout(&h(&["期間", "員工", "指標", "數值"]), &d, &p).unwrap_err().contains("no role (崗位"));
        assert!(layout(&h(&["期間", "崗位", "指標"]), &d, &p).unwrap_err().contains("no value (數值"));
        assert!(layout(&h(&["期間", "崗位", "備註"]), &d, &p).unwrap_err().contains("neither"));
    }
}
