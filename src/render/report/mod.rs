/*!
Renderers for `opsroles report` (SPEC 5): one self-contained HTML file a
manager reads and prints, Markdown for a pull request or a wiki, and JSON
(the report's model itself). Headings come from the zh/en catalogue; role
and duty text stays as written.
*/

pub mod chart;
pub mod html;
pub mod json;
pub mod markdown;

use crate::dept::scores::Empty;
use crate::dept::DeptReport;
use crate::output::Kind;
use crate::render::lang::{Label, Lang};
use crate::render::{Format, Render};

/// What a report renderer is given.
pub struct ReportOutput<'a> {
    pub report: &'a DeptReport,
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Html,
    Markdown,
    Json,
}

impl ReportFormat {
    /// The format an output file's extension names (`.html`, `.md`, `.json`).
    pub fn from_extension(path: &std::path::Path) -> Option<ReportFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(ReportFormat::Html),
            "md" | "markdown" => Some(ReportFormat::Markdown),
            "json" => Some(ReportFormat::Json),
            _ => None,
        }
    }
}

impl<'a> Format<ReportOutput<'a>> for ReportFormat {
    fn renderer(self) -> Box<dyn Render<ReportOutput<'a>>> {
        match self {
            ReportFormat::Html => Box::new(html::Html),
            ReportFormat::Markdown => Box::new(markdown::Markdown),
            ReportFormat::Json => Box::new(json::Json),
        }
    }

    fn kind(self) -> Kind {
        Kind::Data
    }
}

/// The sentence of a scorecards section whose `--period` selected no row:
/// `No row … so there are no scorecards. The exports cover 2026-Q3 (…).`
pub(crate) fn empty_period_line(e: &Empty, lang: Lang) -> String {
    let stop = if lang == Lang::Zh { "。" } else { ". " };
    let covered = match &e.covered {
        Some(c) => format!("{}{}{c}", Label::ExportsCover.text(lang), if lang == Lang::Zh { ":" } else { " " }),
        None => Label::ExportsUndated.text(lang).to_string(),
    };
    format!("{}{stop}{covered}{}", Label::NoRowInPeriod.text(lang), stop.trim_end())
}

/// A register row's FMEA cell: `180 · H`, or `—` without FMEA ratings.
pub(crate) fn rpn_cell(k: &crate::dept::risks::RiskRow) -> String {
    match (&k.rpn, &k.action_priority) {
        (Some(rpn), Some(ap)) => format!("{rpn} · {ap}"),
        _ => "—".to_string(),
    }
}
