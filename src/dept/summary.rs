/*!
Section 1, the summary: the department, the date, the commit of the role
files, the headline counts, and which inputs the report was built from.
*/

use serde::Serialize;

use super::raci::Coverage;
use super::Inputs;

#[derive(Debug, Serialize)]
pub struct Summary {
    pub department: String,
    pub date: String,
    /// The role files' commit, `+dirty` when changed since.
    pub commit: Option<String>,
    pub roles: usize,
    pub headcount: u64,
    pub duties: usize,
    pub authorities: usize,
    pub competencies: usize,
    pub kpis: usize,
    pub functions_covered: usize,
    pub functions: usize,
    pub errors: usize,
    pub warnings: usize,
    /// The inputs given (`metrics`, `risks` …), with their file names.
    pub inputs: Vec<(String, Vec<String>)>,
}

pub(super) fn summary(i: &Inputs, coverage: &Coverage) -> Summary {
    let roles = &i.org.roles;
    let mut inputs = Vec::new();
    for (name, files) in [
        ("metrics", i.scores.as_ref().map(|x| &x.1)),
        ("risks", i.risks.as_ref().map(|x| &x.1)),
        ("conflicts", i.conflicts.as_ref().map(|x| &x.1)),
        ("assessments", i.gaps.as_ref().map(|x| &x.1)),
    ] {
        if let Some(f) = files {
            inputs.push((name.to_string(), f.clone()));
        }
    }
    Summary {
        department: i.config.department.clone(),
        date: i.today.to_string(),
        commit: i.commit.clone(),
        roles: roles.len(),
        headcount: roles.iter().filter_map(|r| r.doc.headcount.as_ref()).map(|h| u64::from(h.value)).sum(),
        duties: roles.iter().map(|r| r.duties().len()).sum(),
        authorities: roles.iter().map(|r| r.authority().len()).sum(),
        competencies: roles.iter().map(|r| r.competencies().len()).sum(),
        kpis: roles.iter().map(|r| r.kpis().len()).sum(),
        functions_covered: coverage.functions.iter().filter(|f| f.covered).count(),
        functions: coverage.functions.len(),
        errors: i.check.summary.errors,
        warnings: i.check.summary.warnings,
        inputs,
    }
}
