/*!
Renderers for `opsroles check` findings, one per `--format` (SPEC 2.2):
human (rustc-style), JSON, GitHub workflow commands, SARIF, JUnit. File paths
are relative to the current directory with `/`; output is deterministic (no
timestamps, no hash-map order).
*/

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::check::Report;
use crate::diag::Code;
use crate::output::Kind;
use crate::render::{Format, Render};
use crate::source::Sources;

/// What a check renderer is given.
pub struct CheckOutput<'a> {
    pub report: &'a Report,
    pub sources: &'a Sources,
    /// The rules that ran (severity not `off`), for formats that list them.
    pub ran: &'a [Code],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Github,
    Sarif,
    Junit,
}

impl<'a> Format<CheckOutput<'a>> for CheckFormat {
    fn renderer(self) -> Box<dyn Render<CheckOutput<'a>>> {
        match self {
            CheckFormat::Human => Box::new(human::Human),
            CheckFormat::Json => Box::new(json::Json),
            CheckFormat::Github => Box::new(github::Github),
            CheckFormat::Sarif => Box::new(sarif::Sarif),
            CheckFormat::Junit => Box::new(junit::Junit),
        }
    }

    fn kind(self) -> Kind {
        match self {
            CheckFormat::Human => Kind::Styled,
            _ => Kind::Data,
        }
    }
}
