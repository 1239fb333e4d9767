/*!
Renderers for `opsroles sla` (SPEC 6.2), one per `--format`, for the
conflict log and for `--due` ([`due`]), and what they share: state labels,
shares and medians as people read them.
*/

pub mod csv;
pub mod due;
pub mod human;
pub mod json;
pub mod markdown;

use clap::ValueEnum;
use rust_decimal::Decimal;

use crate::config::Preset;
use crate::output::Kind;
use crate::render::lang::{Label, Lang};
use crate::render::{Format, Render};
use crate::sla::{Log, State, Summary};
use crate::source::Sources;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SlaFormat {
    Human,
    Markdown,
    Json,
    Csv,
}

/// What a conflict-log renderer is given.
pub struct SlaOutput<'a> {
    pub log: &'a Log,
    pub sources: &'a Sources,
    pub department: &'a str,
    pub preset: Preset,
    pub lang: Lang,
}

impl<'a> Format<SlaOutput<'a>> for SlaFormat {
    fn renderer(self) -> Box<dyn Render<SlaOutput<'a>>> {
        match self {
            SlaFormat::Human => Box::new(human::Human),
            SlaFormat::Markdown => Box::new(markdown::Markdown),
            SlaFormat::Json => Box::new(json::Json),
            SlaFormat::Csv => Box::new(csv::Csv),
        }
    }

    fn kind(self) -> Kind {
        match self {
            SlaFormat::Human => Kind::Styled,
            _ => Kind::Data,
        }
    }
}

pub fn state(s: State, lang: Lang) -> String {
    match lang {
        Lang::Zh => s.zh().to_string(),
        Lang::En => s.to_string(),
    }
}

/// `80%`, `66.7%`, or `—`.
pub fn share(s: Option<Decimal>) -> String {
    s.map_or("—".to_string(), |s| format!("{}%", crate::decimal::round(s * Decimal::ONE_HUNDRED, 1).normalize()))
}

/// `2`, `2.5`, or `—`.
pub fn days(d: Option<Decimal>) -> String {
    d.map_or("—".to_string(), |d| d.normalize().to_string())
}

/// The summary as one line.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    let mut parts = vec![format!("{} {}", Label::Total.text(lang), s.total)];
    parts.extend(State::ALL.iter().map(|st| format!("{} {}", state(*st, lang), s.count(*st))));
    parts.push(format!("{} {}", Label::MetShare.text(lang), share(s.met_share)));
    parts.push(format!("{} {}", Label::MedianDays.text(lang), days(s.median_days)));
    parts.push(format!("{} {}", Label::MaxDays.text(lang), s.max_days.map_or("—".to_string(), |d| d.to_string())));
    parts.join(" · ")
}

/// The heading facts: `3 個工作日內解決 · 今天 2025-10-15 · 日曆 cn · 協調人 運營總監`.
pub fn heading(o: &SlaOutput) -> String {
    let (log, lang) = (o.log, o.lang);
    let l = |x: Label| x.text(lang);
    let mut s = match lang {
        Lang::Zh => format!("{} {}", log.conflict_days, l(Label::WithinDays)),
        Lang::En => format!("{} {}", log.conflict_days, l(Label::WithinDays)),
    };
    s.push_str(&format!(" · {} {} · {} {}", l(Label::Today), log.today, l(Label::Calendar), o.preset));
    if let Some((_, title)) = &log.coordinator {
        s.push_str(&format!(" · {} {title}", l(Label::Coordinator)));
    }
    if !log.years_without_data.is_empty() {
        let years: Vec<String> = log.years_without_data.iter().map(i32::to_string).collect();
        s.push_str(&format!(" · {}: {}", l(Label::NoData), years.join(", ")));
    }
    s
}
