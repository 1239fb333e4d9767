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

/// A column that is not read, and what it may have meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub name: String,
    /// `did you mean …?`, or why a known name is not read here.
    pub hint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub period: Option<usize>,
    /// The person's name.
    pub person: Option<usize>,
    /// The person's number (`工號`); when there is one it is who the person
    /// is, and the name is shown beside it.
    pub person_id: Option<usize>,
    pub role: usize,
    pub kind: Kind,
    /// Columns that are not read (a config `columns:` entry `ignore` keeps a
    /// column out of this list).
    pub ignored: Vec<Ignored>,
}

/// The layout of a header row, or what is wrong with it. Without a person
/// column the export can only be scored per role (`by_role`).
pub fn layout(names: &[String], map: &ColumnMap, plan: &Plan, by_role: bool) -> Result<Layout, String> {
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
    let (person, person_id) = (h.get("person"), h.get("person_id"));
    if person.is_none() && person_id.is_none() && !by_role {
        return Err(format!(
            "the header has no person column — {} or {}; found: {shown}. Map the person's column in the config's `columns:`, or pass `--by role` to score each role as a whole",
            headers::spelled(SCHEMA, "person"),
            headers::spelled(SCHEMA, "person_id")
        ));
    }
    let kind = match (h.get("metric"), h.get("value")) {
        (Some(metric), Some(value)) => Kind::Long { metric, value },
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
            let metrics: Vec<usize> = h.rest.iter().copied().filter(|&i| plan.is_metric(&h.names[i])).collect();
            if metrics.is_empty() {
                return Err(format!("the header has neither metric and value columns (long layout) nor any column named after a KPI metric (wide layout); found: {shown}"));
            }
            feeding_twice(&metrics, &h.names, plan)?;
            Kind::Wide { metrics: metrics.into_iter().map(|i| (i, h.names[i].clone())).collect() }
        }
    };
    let read = |i: usize| match &kind {
        Kind::Wide { metrics } => metrics.iter().any(|(c, _)| *c == i),
        Kind::Long { .. } => false,
    };
    let ignored = h
        .rest
        .iter()
        .copied()
        .filter(|&i| !read(i) && map.get(&h.names[i]) != Some(crate::config::IGNORE_COLUMN))
        .map(|i| ignored(&h.names[i], &h, plan))
        .collect();
    Ok(Layout { period: h.get("period"), person, person_id, role, kind, ignored })
}

/// A column not read, with a did-you-mean against the standard columns that
/// are missing and every KPI's metric, id and title (compared folded, so
/// either script finds the other).
fn ignored(name: &str, h: &Headers, plan: &Plan) -> Ignored {
    if plan.is_metric(name) {
        let hint = "names a KPI, but a long export reads values from its value column only".to_string();
        return Ignored { name: name.to_string(), hint: Some(hint) };
    }
    let mut candidates: Vec<&str> = Vec::new();
    for col in SCHEMA.iter().filter(|c| h.get(c.name).is_none()) {
        candidates.push(col.name);
        candidates.extend(col.synonyms.iter().copied());
    }
    candidates.extend(plan.kpi_names());
    let hint = crate::text::suggest::nearest_folded(name, candidates.iter().copied()).map(|near| {
        match SCHEMA.iter().find(|c| c.name == near || c.synonyms.contains(&near)) {
            Some(col) if col.name != near => format!("did you mean `{near}` (the {} column)?", col.name),
            Some(_) => format!("did you mean `{near}`?"),
            None => format!("did you mean `{near}`?"),
        }
    });
    Ignored { name: name.to_string(), hint }
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
            let l = layout(&headers, &Default::default(), &p, false).unwrap();
            assert_eq!((l.period, l.person, l.role), (Some(0), Some(1), 2), "{headers:?}");
            assert_eq!(l.kind, Kind::Long { metric: 3, value: 4 });
        }
    }

    #[test]
    fn wide_layout_by_metric_names_ids_and_titles() {
        let p = plan();
        let l = layout(
            &h(&["月份", "工號", "岗位", "流程效率提升率", "sop_coverage", "備註"]),
            &Default::default(),
            &p,
            false,
        )
        .unwrap();
        assert_eq!(l.kind, Kind::Wide { metrics: vec![(3, "流程效率提升率".into()), (4, "sop_coverage".into())] });
        assert_eq!((l.person, l.person_id), (None, Some(1)));
        assert_eq!(l.ignored, vec![Ignored { name: "備註".to_string(), hint: None }]);
    }

    /// Issue 14: a wide export with both the English metric column and the
    /// Chinese KPI-title column of one KPI counted each value twice.
    #[test]
    fn two_columns_feeding_one_kpi_are_an_error() {
        let p = plan();
        let err = layout(&h(&["崗位", "process_cycle_reduction", "流程效率提升率"]), &Default::default(), &p, true)
            .unwrap_err();
        assert!(err.contains("`process_cycle_reduction` and `流程效率提升率` both feed KPI"), "{err}");
    }

    #[test]
    fn missing_columns_are_named() {
        let p = plan();
        let d = Default::default();
        assert!(layout(&h(&["期間", "員工", "指標", "數值"]), &d, &p, false).unwrap_err().contains("no role (崗位"));
        assert!(layout(&h(&["期間", "崗位", "指標"]), &d, &p, true).unwrap_err().contains("no value (數值"));
        assert!(layout(&h(&["期間", "崗位", "備註"]), &d, &p, true).unwrap_err().contains("neither"));
    }

    /// Issue 8: a misspelt person column (`persn`) switched scoring to pooled
    /// per-role cards without a word.
    #[test]
    fn no_person_column_is_an_error_naming_headers_and_synonyms() {
        let p = plan();
        let d = Default::default();
        let err = layout(&h(&["period", "persn", "role", "metric", "value"]), &d, &p, false).unwrap_err();
        assert!(err.contains("no person column — person (員工"), "{err}");
        assert!(err.contains("person_id (員工編號, 工號"), "{err}");
        assert!(err.contains("found: period, persn, role, metric, value"), "{err}");
        assert!(err.contains("--by role"), "{err}");
        // With --by role it is scored per role, and `persn` is an ignored column.
        let l = layout(&h(&["period", "persn", "role", "metric", "value"]), &d, &p, true).unwrap();
        assert_eq!(l.ignored[0].hint.as_deref(), Some("did you mean `person`?"));
    }

    #[test]
    fn person_name_and_number_are_both_read() {
        let p = plan();
        let l = layout(
            &h(&["考核期間", "員工姓名", "工號", "崗位名稱", "考核指標", "完成值"]),
            &Default::default(),
            &p,
            false,
        )
        .unwrap();
        assert_eq!((l.period, l.person, l.person_id, l.role), (Some(0), Some(1), Some(2), 3));
        assert!(l.ignored.is_empty());
    }

    /// Issue 8: a wide export's misspelt metric column was only a note.
    #[test]
    fn an_unknown_column_gets_a_did_you_mean_in_either_script() {
        let p = plan();
        let d = Default::default();
        let l = layout(&h(&["月份", "員工", "崗位", "流程效率提升", "sop_coverage"]), &d, &p, false).unwrap();
        assert_eq!(l.ignored[0].hint.as_deref(), Some("did you mean `流程效率提升率`?"));
        let l = layout(&h(&["月份", "員工", "崗位", "流程效率提昇率x", "sop_coverage"]), &d, &p, false).unwrap();
        assert_eq!(l.ignored[0].hint.as_deref(), Some("did you mean `流程效率提升率`?"));
        let l = layout(&h(&["考核期", "員工", "崗位", "sop_coverage"]), &d, &p, false).unwrap();
        assert_eq!(l.ignored[0].hint.as_deref(), Some("did you mean `考核期間` (the period column)?"));
        // A long export's extra metric-named column is not read: said so.
        let l = layout(&h(&["月份", "員工", "崗位", "指標", "數值", "sop_coverage"]), &d, &p, false).unwrap();
        assert!(l.ignored[0].hint.as_deref().unwrap().contains("value column only"));
    }

    #[test]
    fn every_column_can_be_mapped_in_the_config() {
        for col in SCHEMA {
            assert!(crate::config::STANDARD_COLUMNS.contains(&col.name), "{}", col.name);
        }
    }

    #[test]
    fn a_column_mapped_to_ignore_is_not_reported() {
        let p = plan();
        let mut map = ColumnMap::default();
        let f = crate::source::Sources::default().add_table("opsroles.yaml".into());
        map.entries.push(("備註".into(), crate::config::IGNORE_COLUMN, crate::source::Location::file_start(f)));
        let l = layout(&h(&["月份", "員工", "崗位", "sop_coverage", "備註"]), &map, &p, false).unwrap();
        assert!(l.ignored.is_empty());
    }
}
