/*!
The department report's model (SPEC 5): everything `opsroles report` shows,
as plain data built from the role files, the config and the inputs given —
the check findings, scorecards, risks, conflicts and competency gaps. The
renderers in `render/report/` turn it into HTML, Markdown or JSON; the JSON
*is* this model, serialized.

- [`summary`]: the headline numbers and which inputs were used;
- [`chart`]: the `reports_to` tree;
- [`raci`]: function coverage and the RACI matrix;
- [`catalogue`]: one 崗位說明書 card per role;
- [`scores`]: the scorecards section;
- [`risks`], [`conflicts`], [`gaps`]: the risk register, the conflict log
  against its deadline, and the competency gaps with their training plan and
  mentors.
*/

pub mod catalogue;
pub mod chart;
pub mod conflicts;
pub mod gaps;
pub mod raci;
pub mod risks;
pub mod scores;
pub mod summary;

use serde::Serialize;

use crate::check;
use crate::config::Config;
use crate::model::Org;

/// A finding as the report lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub severity: &'static str,
    pub rule: &'static str,
    pub roles: Vec<String>,
    pub message: String,
    /// `file:line:col` of the primary location, if any.
    pub at: Option<String>,
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct DeptReport {
    pub version: u32,
    pub title: String,
    pub summary: summary::Summary,
    pub org_chart: chart::Tree,
    pub coverage: raci::Coverage,
    pub raci: raci::Raci,
    pub catalogue: Vec<catalogue::RoleCard>,
    pub findings: Vec<Finding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scorecards: Option<scores::Scores>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risks: Option<risks::Risks>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflicts: Option<conflicts::Conflicts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gaps: Option<gaps::Gaps>,
}

/// What the report is built from.
pub struct Inputs<'a> {
    pub title: Option<&'a str>,
    pub org: &'a Org,
    pub config: &'a Config,
    pub sources: &'a crate::source::Sources,
    pub check: &'a check::Report,
    pub today: chrono::NaiveDate,
    /// The role files' git commit (`abc1234`, `abc1234+dirty`), if in a repository.
    pub commit: Option<String>,
    pub scores: Option<(&'a crate::score::Report<'a>, Vec<String>)>,
    /// Each input with the names of the files it came from.
    pub risks: Option<(&'a crate::risk::Register, Vec<String>)>,
    pub conflicts: Option<(&'a crate::sla::Log, Vec<String>)>,
    pub gaps: Option<(&'a crate::gaps::Report, Vec<String>)>,
}

/// Builds the report.
pub fn build(inputs: &Inputs) -> DeptReport {
    let findings = inputs
        .check
        .diagnostics
        .iter()
        .map(|d| Finding {
            severity: d.severity.as_str(),
            rule: d.code.id(),
            roles: d.roles.clone(),
            message: d.message.clone(),
            at: d.primary().map(|l| inputs.sources.position(l)),
        })
        .collect();
    let coverage = raci::coverage(inputs.org, inputs.config);
    DeptReport {
        version: 1,
        title: inputs.title.map_or_else(|| format!("{} 崗位職責報告", inputs.config.department), str::to_string),
        summary: summary::summary(inputs, &coverage),
        org_chart: chart::tree(inputs.org),
        raci: raci::raci(inputs.org, inputs.config),
        coverage,
        catalogue: catalogue::cards(inputs.org),
        findings,
        scorecards: inputs.scores.as_ref().map(|(r, _)| scores::scores(r)),
        risks: inputs.risks.as_ref().map(|(r, f)| risks::risks(r, f.clone())),
        conflicts: inputs.conflicts.as_ref().map(|(l, f)| conflicts::conflicts(l, f.clone())),
        gaps: inputs.gaps.as_ref().map(|(g, f)| gaps::gaps(g, f.clone())),
    }
}
