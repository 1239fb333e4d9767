/*!
Renderers for `opsroles score` (SPEC 3.4), one per `--format`, and the
formatting they share: numbers as analysts read them, units, changes.
*/

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
pub mod xlsx;

use clap::ValueEnum;
use rust_decimal::Decimal;

use crate::model::Unit;
use crate::output::Kind;
use crate::render::{Format, Render};
use crate::score::card::Card;
use crate::score::formula::{fmt1, round};
use crate::score::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// Cards and a summary for the terminal.
    Table,
    /// For reports and pull-request comments.
    Markdown,
    /// The data, for programs (SPEC 3.4).
    Json,
    /// One row per person × KPI, UTF-8, for spreadsheets.
    Csv,
    /// A self-contained page with bar charts.
    Html,
    /// An Excel workbook: a sheet of scorecards and one of the summary (needs `-o FILE`).
    Xlsx,
}

/// Options that change what a renderer shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct View {
    pub explain: bool,
}

/// What a scorecard renderer is given.
pub struct ScoreOutput<'a> {
    pub report: &'a Report,
    pub view: View,
}

impl<'a> Format<ScoreOutput<'a>> for ScoreFormat {
    fn renderer(self) -> Box<dyn Render<ScoreOutput<'a>>> {
        match self {
            ScoreFormat::Table => Box::new(table::Table),
            ScoreFormat::Markdown => Box::new(markdown::Markdown),
            ScoreFormat::Json => Box::new(json::Json),
            ScoreFormat::Csv => Box::new(csv::Csv),
            ScoreFormat::Html => Box::new(html::Html),
            ScoreFormat::Xlsx => Box::new(xlsx::Xlsx),
        }
    }

    fn kind(self) -> Kind {
        match self {
            ScoreFormat::Table => Kind::Styled,
            _ => Kind::Data,
        }
    }
}

/// A value as shown: at most 4 decimals, no trailing zeros.
pub fn num(v: Decimal) -> String {
    round(v, 4).normalize().to_string()
}

/// A value with its unit.
pub fn value_with_unit(v: Option<Decimal>, unit: Unit) -> String {
    let Some(v) = v else { return "—".to_string() };
    let n = num(v);
    match unit {
        Unit::Percent => format!("{n}%"),
        Unit::Days => format!("{n} d"),
        Unit::Hours => format!("{n} h"),
        Unit::Currency => format!("¥{n}"),
        _ => n,
    }
}

/// A score as shown, or `—`.
pub fn score(s: Option<Decimal>) -> String {
    s.map_or_else(|| "—".to_string(), fmt1)
}

/// `▲ 4.2`, `▼ 1.0` or `= 0.0` between two shown scores.
pub fn change(now: Option<Decimal>, before: Option<Decimal>) -> String {
    match (now, before) {
        (Some(n), Some(b)) => {
            let d = round(n, 1) - round(b, 1);
            if d.is_sign_positive() && !d.is_zero() {
                format!("▲ {}", fmt1(d))
            } else if d.is_zero() {
                "= 0.0".to_string()
            } else {
                format!("▼ {}", fmt1(-d))
            }
        }
        _ => "—".to_string(),
    }
}

/// Coverage as a percentage: `70%`.
pub fn coverage(c: Decimal) -> String {
    format!("{}%", round(c * Decimal::ONE_HUNDRED, 1).normalize())
}

/// The heading of a card: `張三 · 流程管理經理 (process-manager)`.
pub fn card_title(c: &Card) -> String {
    match &c.person {
        Some(p) => format!("{p} · {} ({})", c.role_title, c.role),
        None => format!("{} ({})", c.role_title, c.role),
    }
}

/// The total line: `score 99.7 · grade B · coverage 70% · incomplete`.
pub fn card_total(c: &Card) -> String {
    let mut s = format!("score {} · grade {} · coverage {}", score(c.score), c.grade, coverage(c.coverage));
    if c.insufficient {
        s.push_str(" · insufficient data");
    } else if !c.complete {
        s.push_str(" · incomplete");
    }
    s
}

/// The period line: `2026-Q3 (2026-07-01 – 2026-09-30)`.
pub fn period_line(r: &Report) -> String {
    match r.period {
        Some(p) => format!("{} ({} – {})", r.label, p.start, p.end),
        None => r.label.clone(),
    }
}

/// `rows: 120 read, 116 used, 4 skipped (missing-value 1, unknown-metric 3)`.
pub fn rows_line(r: &Report) -> String {
    let rows = &r.rows;
    let mut s = format!("rows: {} read, {} used, {} skipped", rows.read, rows.used, rows.skipped);
    if !rows.skipped_by_reason.is_empty() {
        let parts: Vec<String> = rows.skipped_by_reason.iter().map(|(k, n)| format!("{k} {n}")).collect();
        s.push_str(&format!(" ({})", parts.join(", ")));
    }
    s
}
