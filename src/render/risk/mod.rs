/*!
Renderers for `opsroles risk` (SPEC 6.1), one per `--format`, and what they
share: the labels of levels and statuses, the FMEA cell, the records line.
*/

pub mod csv;
pub mod human;
pub mod json;
pub mod markdown;

use clap::ValueEnum;

use crate::output::Kind;
use crate::render::lang::{Label, Lang};
use crate::render::{Format, Render};
use crate::risk::{Level, Register, Risk, Status};
use crate::source::Sources;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RiskFormat {
    Human,
    Markdown,
    Json,
    Csv,
}

/// What a risk renderer is given.
pub struct RiskOutput<'a> {
    pub register: &'a Register,
    pub sources: &'a Sources,
    pub department: &'a str,
    pub lang: Lang,
}

impl<'a> Format<RiskOutput<'a>> for RiskFormat {
    fn renderer(self) -> Box<dyn Render<RiskOutput<'a>>> {
        match self {
            RiskFormat::Human => Box::new(human::Human),
            RiskFormat::Markdown => Box::new(markdown::Markdown),
            RiskFormat::Json => Box::new(json::Json),
            RiskFormat::Csv => Box::new(csv::Csv),
        }
    }

    fn kind(self) -> Kind {
        match self {
            RiskFormat::Human => Kind::Styled,
            _ => Kind::Data,
        }
    }
}

/// `重大 critical` / `critical`.
pub fn level(l: Level, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} {l}", l.zh()),
        Lang::En => l.to_string(),
    }
}

pub fn status(s: Status, lang: Lang) -> String {
    match lang {
        Lang::Zh => s.zh().to_string(),
        Lang::En => s.to_string(),
    }
}

/// `S9 O4 D5 · 180 · H`, or `—` without FMEA ratings.
pub fn fmea(r: &Risk) -> String {
    match (r.fmea, r.rpn, r.action_priority) {
        (Some(f), Some(rpn), Some(ap)) => {
            format!("S{} O{} D{} · {rpn} · {ap}", f.severity, f.occurrence, f.detection)
        }
        _ => "—".to_string(),
    }
}

/// The per-level summary: `重大 critical 2 · 較大 high 3 · … · 已逾期 overdue 1`.
pub fn summary_line(reg: &Register, lang: Lang) -> String {
    let mut parts: Vec<String> =
        Level::ALL_DESC.iter().map(|l| format!("{} {}", level(*l, lang), reg.summary.of(*l))).collect();
    let overdue = match lang {
        Lang::Zh => format!("{} overdue", Label::Overdue.text(lang)),
        Lang::En => "overdue".to_string(),
    };
    parts.push(format!("{overdue} {}", reg.summary.overdue));
    parts.join(" · ")
}
