/*!
Which column is which, from the header row (SPEC 3.2).

`period` (期間, 週期, 月份, 季度, 日期), `person` (員工, 員工編號, 工號, 姓名),
`role` (崗位, 角色, 職位), `metric` (指標, 指標名稱), `value` (數值, 實際值, 值),
in English, Traditional or Simplified Chinese, any case; config `columns:`
maps any other header. A header with `metric` and `value` is the long layout;
otherwise every header that names a KPI metric is a metric column (wide).
*/

use crate::check::similar::normalize;
use crate::score::plan::Plan;

const SYNONYMS: &[(&str, &[&str])] = &[
    ("period", &["period", "期間", "週期", "月份", "季度", "日期", "月度", "date", "month", "quarter"]),
    ("person", &["person", "employee", "員工", "員工編號", "工號", "姓名", "name", "staff"]),
    ("role", &["role", "崗位", "角色", "職位", "position", "job"]),
    ("metric", &["metric", "指標", "指標名稱", "kpi", "indicator"]),
    ("value", &["value", "數值", "實際值", "值", "actual"]),
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

fn standard(header: &str, mapping: &[(String, String)]) -> Option<&'static str> {
    let h = normalize(header);
    if h.is_empty() {
        return None;
    }
    for (from, to) in mapping {
        if normalize(from) == h {
            return crate::config::COLUMNS.iter().copied().find(|c| c == to);
        }
    }
    SYNONYMS.iter().find(|(_, names)| names.iter().any(|n| normalize(n) == h)).map(|(c, _)| *c)
}

/// The layout of a header row, or what is missing.
pub fn layout(headers: &[String], mapping: &[(String, String)], plan: &Plan) -> Result<Layout, String> {
    let mut found: [Option<usize>; 5] = [None; 5];
    let mut rest = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        match standard(h, mapping) {
            Some(c) => {
                let slot = crate::config::COLUMNS.iter().position(|x| *x == c).unwrap_or(0);
                if found[slot].is_none() {
                    found[slot] = Some(i);
                } else {
                    rest.push(i);
                }
            }
            None => rest.push(i),
        }
    }
    let [period, person, role, metric, value] = found;
    let shown = headers.join(", ");
    let role = role.ok_or_else(|| format!("the header has no role column (崗位/角色/role); found: {shown}"))?;
    let (kind, ignored) = match (metric, value) {
        (Some(metric), Some(value)) => {
            (Kind::Long { metric, value }, rest.iter().map(|&i| headers[i].clone()).collect())
        }
        (Some(_), None) => {
            return Err(format!("the header has a metric column but no value column (數值/值/value); found: {shown}"))
        }
        (None, Some(_)) => {
            return Err(format!("the header has a value column but no metric column (指標/metric); found: {shown}"))
        }
        (None, None) => {
            let (metrics, ignored): (Vec<usize>, Vec<usize>) =
                rest.into_iter().partition(|&i| plan.is_metric(&headers[i]));
            if metrics.is_empty() {
                return Err(format!("the header has neither metric and value columns (long layout) nor any column named after a KPI metric (wide layout); found: {shown}"));
            }
            (
                Kind::Wide { metrics: metrics.into_iter().map(|i| (i, headers[i].clone())).collect() },
                ignored.into_iter().map(|i| headers[i].clone()).collect(),
            )
        }
    };
    Ok(Layout { period, person, role, kind, ignored })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("roles");
        let mut sources = crate::source::Sources::default();
        let loaded = crate::load::load_paths(&[dir], &mut sources).unwrap();
        Plan::new(&loaded.roles, crate::config::Scoring::default())
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
        ] {
            let l = layout(&headers, &[], &p).unwrap();
            assert_eq!((l.period, l.person, l.role), (Some(0), Some(1), 2), "{headers:?}");
            assert_eq!(l.kind, Kind::Long { metric: 3, value: 4 });
        }
    }

    #[test]
    fn wide_layout_by_metric_names_ids_and_titles() {
        let p = plan();
        let l = layout(&h(&["月份", "工號", "岗位", "流程效率提升率", "sop_coverage", "備註"]), &[], &p).unwrap();
        assert_eq!(l.kind, Kind::Wide { metrics: vec![(3, "流程效率提升率".into()), (4, "sop_coverage".into())] });
        assert_eq!(l.ignored, vec!["備註".to_string()]);
    }

    #[test]
    fn config_columns_map_other_headers() {
        let p = plan();
        let mapping =
            vec![("部門人員".to_string(), "person".to_string()), ("考核期".to_string(), "period".to_string())];
        let l = layout(&h(&["考核期", "部門人員", "角色", "指標", "值"]), &mapping, &p).unwrap();
        assert_eq!((l.period, l.person), (Some(0), Some(1)));
    }

    #[test]
    fn missing_columns_are_named() {
        let p = plan();
        assert!(layout(&h(&["期間", "員工", "指標", "數值"]), &[], &p).unwrap_err().contains("no role column"));
        assert!(layout(&h(&["期間", "崗位", "指標"]), &[], &p).unwrap_err().contains("no value column"));
        assert!(layout(&h(&["期間", "崗位", "備註"]), &[], &p).unwrap_err().contains("neither"));
    }
}
