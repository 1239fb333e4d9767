/*!
Names in a row — its role, its metric (a long row's cell or a wide
column's header) — through the caches and the plan's resolver, and the
problem each kind of miss is reported as (once per distinct name).
*/

use super::{Fatal, Reader, Resolved, RoleName};
use crate::diag::Code;
use crate::model::names::Found;
use crate::score::cache::show;
use crate::score::plan::MetricMatch;

impl Reader<'_> {
    /// The role a cell names, or `None` after skipping the row.
    pub(super) fn role(&mut self, raw: &[u8], name: &str, line: u64) -> Result<Option<usize>, Fatal> {
        let plan = self.plan;
        let candidates = &mut self.candidates;
        let resolved = self.roles.get(
            raw,
            self.cells,
            |s| match plan.role(s) {
                Found::One(i) => RoleName::One(i),
                Found::Ambiguous(c) => {
                    candidates.push(c);
                    RoleName::Ambiguous(candidates.len() as u32 - 1)
                }
                Found::None => RoleName::Unknown,
            },
            name,
            line,
        )?;
        if let RoleName::One(i) = resolved {
            return Ok(Some(i));
        }
        let shown = show(raw, self.cells);
        match resolved {
            RoleName::One(i) => return Ok(Some(i)),
            RoleName::Ambiguous(c) => {
                let hint = vec![format!("it could be {}", and_list(&self.candidates[c as usize]))];
                self.rows.skip_name(Code::AmbiguousName, "role", &shown, self.here(line), || hint);
            }
            RoleName::Unknown => {
                let hint = || plan.suggest_role(&shown).map(|s| format!("did you mean `{s}`?")).into_iter().collect();
                self.rows.skip_name(Code::UnknownRole, "role", &shown, self.here(line), hint);
            }
        }
        Ok(None)
    }

    fn resolve_name(&mut self, role: usize, name: &str) -> Resolved {
        match self.plan.metric(role, name) {
            MetricMatch::Targets(t) => {
                self.targets.push(t);
                Resolved::Targets(self.targets.len() as u32 - 1)
            }
            MetricMatch::Ambiguous(c) => {
                self.candidates.push(c);
                Resolved::Ambiguous(self.candidates.len() as u32 - 1)
            }
            MetricMatch::OtherRole => Resolved::OtherRole,
            MetricMatch::Unknown => Resolved::Unknown,
        }
    }

    /// What wide column `mi` (headed `header`) means for `role`, resolved once
    /// per file. Headers are already text, whatever the file's encoding.
    pub(super) fn resolve_header(&mut self, role: usize, mi: usize, header: &str) -> Resolved {
        if self.wide.len() <= role {
            self.wide.resize(role + 1, Vec::new());
        }
        if self.wide[role].len() <= mi {
            self.wide[role].resize(mi + 1, None);
        }
        if let Some(r) = self.wide[role][mi] {
            return r;
        }
        let r = self.resolve_name(role, header);
        self.wide[role][mi] = Some(r);
        r
    }

    pub(super) fn resolve_metric(&mut self, role: usize, raw: &[u8], name: &str, line: u64) -> Result<Resolved, Fatal> {
        let plan = self.plan;
        let (targets, candidates) = (&mut self.targets, &mut self.candidates);
        self.metrics[role].get(
            raw,
            self.cells,
            |s| match plan.metric(role, s) {
                MetricMatch::Targets(t) => {
                    targets.push(t);
                    Resolved::Targets(targets.len() as u32 - 1)
                }
                MetricMatch::Ambiguous(c) => {
                    candidates.push(c);
                    Resolved::Ambiguous(candidates.len() as u32 - 1)
                }
                MetricMatch::OtherRole => Resolved::OtherRole,
                MetricMatch::Unknown => Resolved::Unknown,
            },
            name,
            line,
        )
    }

    /// A metric name that gives nothing to `role`: skips the row (`skip`) or
    /// counts the cell; names are reported once each.
    pub(super) fn metric_problem(&mut self, role: usize, resolved: Resolved, shown: &str, line: u64, skip: bool) {
        let plan = self.plan;
        let what = format!("metric of {}", plan.roles[role].id);
        let code = match resolved {
            Resolved::Ambiguous(_) => Code::AmbiguousName,
            _ => Code::UnknownMetric,
        };
        // Worked out only for a name listed (the first of each, up to a
        // bound): an export of millions of distinct junk names asks once each.
        let candidates = &self.candidates;
        let hint = move || -> Vec<String> {
            match resolved {
                Resolved::Ambiguous(c) => vec![format!("it could be {}", and_list(&candidates[c as usize]))],
                Resolved::OtherRole => {
                    vec![format!("another role's KPI measures it, no KPI of `{}` does", plan.roles[role].id)]
                }
                _ => plan.suggest_metric(role, shown).map(|s| format!("did you mean `{s}`?")).into_iter().collect(),
            }
        };
        let loc = self.here(line);
        if skip {
            self.rows.skip_name(code, &what, shown, loc, hint);
        } else {
            self.rows.name_problem(code, &what, shown, loc, hint);
        }
    }
}

/// `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}
