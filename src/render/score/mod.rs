/*!
Renderers for `opsroles score` (SPEC 3.4), one per `--format`, and what they
share: values at the precision their unit needs, labels in the report's
language, the explanation of a score, the summary with the department mean.

Every renderer streams: [`stream::cards`] computes each card when it is
reached and hands it to the format, so memory holds one chunk of cards, not
a company's worth (SPEC 3.5).
*/

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod stream;
pub mod table;
pub mod xlsx;

use clap::ValueEnum;
use rust_decimal::Decimal;

use crate::model::Unit;
use crate::output::Kind;
use crate::render::lang::{Label, Lang};
use crate::render::number::{self, Style};
use crate::render::{Format, Render};
use crate::score::card::{Card, KpiLine, Status};
use crate::score::formula::{round, Band};
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
#[derive(Debug, Clone, Copy)]
pub struct View {
    pub explain: bool,
    pub lang: Lang,
    /// The terminal's width, when writing to one (narrow layout below 100).
    pub width: Option<usize>,
    /// Standard output is a terminal: the table format shows only the
    /// summary past [`table::MAX_CARDS`] cards.
    pub terminal: bool,
    /// CSV starts with a UTF-8 byte order mark (for Excel).
    pub bom: bool,
    /// The table format colours statuses.
    pub color: bool,
}

impl Default for View {
    fn default() -> Self {
        View { explain: false, lang: Lang::En, width: None, terminal: false, bom: true, color: true }
    }
}

/// What a scorecard renderer is given.
pub struct ScoreOutput<'a, 'p> {
    pub report: &'a Report<'p>,
    pub view: View,
}

impl<'a, 'p> Format<ScoreOutput<'a, 'p>> for ScoreFormat {
    fn renderer(self) -> Box<dyn Render<ScoreOutput<'a, 'p>>> {
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

/// A number as data: at most 4 decimals, no trailing zeros.
pub fn num(v: Decimal) -> String {
    number::format(v, Style::trimmed(4))
}

/// A value at the precision its unit needs: percent, scores, days and hours
/// to one decimal; currency with thousands separators (cents only when
/// there are any); counts as integers when whole; ratios to two decimals.
pub fn value(v: Option<Decimal>, unit: Unit, lang: Lang) -> String {
    let mut s = String::with_capacity(16);
    write_value(&mut s, v, unit, lang);
    s
}

/// [`value`], appended to `out`.
pub fn write_value(out: &mut String, v: Option<Decimal>, unit: Unit, lang: Lang) {
    let Some(v) = v else { return out.push('—') };
    let whole = || round(v, 2).fract().is_zero();
    match unit {
        Unit::Percent => {
            number::write(out, v, Style::fixed(1));
            out.push('%');
        }
        Unit::Score => number::write(out, v, Style::fixed(1)),
        Unit::Ratio => number::write(out, v, Style::fixed(2)),
        Unit::Count => number::write(out, v, Style::fixed(if whole() { 0 } else { 1 }).grouped()),
        Unit::Currency => {
            out.push('¥');
            number::write(out, v, Style::fixed(if whole() { 0 } else { 2 }).grouped());
        }
        Unit::Days | Unit::Hours => {
            number::write(out, v, Style::fixed(1));
            out.push(' ');
            out.push_str(if unit == Unit::Days { Label::Days } else { Label::Hours }.text(lang));
        }
    }
}

/// A score as shown, or `—`.
pub fn score(s: Option<Decimal>) -> String {
    let mut out = String::with_capacity(8);
    write_score(&mut out, s);
    out
}

/// [`score`], appended to `out`.
pub fn write_score(out: &mut String, s: Option<Decimal>) {
    match s {
        Some(s) => number::write(out, s, Style::fixed(1)),
        None => out.push('—'),
    }
}

/// `▲ 4.2`, `▼ 1.0` or `= 0.0` between two shown scores.
pub fn change(now: Option<Decimal>, before: Option<Decimal>) -> String {
    match (now, before) {
        (Some(n), Some(b)) => {
            let d = round(n, 1) - round(b, 1);
            if d.is_zero() {
                "= 0.0".to_string()
            } else if d.is_sign_positive() {
                format!("▲ {}", number::format(d, Style::fixed(1)))
            } else {
                format!("▼ {}", number::format(-d, Style::fixed(1)))
            }
        }
        _ => "—".to_string(),
    }
}

/// Coverage as a percentage: `70%`.
pub fn coverage(c: Decimal) -> String {
    format!("{}%", number::format(c * Decimal::ONE_HUNDRED, Style::trimmed(1)))
}

pub fn status(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Exceeded => Label::Exceeded,
        Status::Met => Label::Met,
        Status::Below => Label::Below,
        Status::Failed => Label::Failed,
        Status::Missing => Label::Missing,
    }
    .text(lang)
}

pub fn band(b: Band, lang: Lang) -> &'static str {
    match b {
        Band::Stretch => Label::BandStretch,
        Band::TargetToStretch => Label::BandTargetToStretch,
        Band::Target => Label::BandTarget,
        Band::ThresholdToTarget => Label::BandThresholdToTarget,
        Band::BelowThreshold => Label::BandBelowThreshold,
        Band::Proportional => Label::BandProportional,
        Band::InBand => Label::BandInBand,
        Band::NearBand => Label::BandNearBand,
        Band::OutOfBand => Label::BandOutOfBand,
    }
    .text(lang)
}

/// `3 people` / `3 人`.
pub fn people(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 人"),
        Lang::En => format!("{n} {}", if n == 1 { "person" } else { "people" }),
    }
}

/// The heading of a card: `張三 · 流程管理經理 (process-manager)`, or for a
/// role's card `流程管理經理 (process-manager) · 3 people`.
pub fn card_title(c: &Card, lang: Lang) -> String {
    let role = format!("{} ({})", c.role.title, c.role.id);
    match c.people {
        _ if c.person => format!("{} · {role}", c.entity),
        Some(n) => format!("{role} · {}", people(n, lang)),
        None => role,
    }
}

/// The total line: `score 99.7 · grade B · coverage 70% · incomplete`, and
/// with `--compare` the score before and the change.
pub fn card_total(c: &Card, lang: Lang, compare: bool) -> String {
    let mut s = format!(
        "{} {} · {} {} · {} {}",
        Label::Score.text(lang),
        score(c.score),
        Label::Grade.text(lang),
        c.grade,
        Label::Coverage.text(lang),
        coverage(c.coverage)
    );
    if c.insufficient {
        s.push_str(&format!(" · {}", Label::InsufficientData.text(lang)));
    } else if !c.complete {
        s.push_str(&format!(" · {}", Label::Incomplete.text(lang)));
    }
    if compare {
        s.push_str(&format!(
            " · {} {} · {} {}",
            Label::Before.text(lang),
            score(c.compare),
            Label::Change.text(lang),
            change(c.score, c.compare)
        ));
    }
    s
}

/// The columns of the one-row-per-KPI tables (`--format csv`, the
/// workbook's Scorecards sheet): SPEC 3.4's, then those the run adds.
pub fn long_columns(r: &Report, explain: bool) -> Vec<&'static str> {
    let mut header = vec![
        "period", "entity", "role", "kpi", "title", "metric", "unit", "value", "weight", "score", "status", "total",
        "grade", "complete", "coverage",
    ];
    if r.compare.is_some() {
        header.extend(["compare_score", "compare_total"]);
    }
    if r.by_role {
        header.push("people");
    }
    if r.person_ids {
        header.push("person_id");
    }
    if explain {
        header.push("how");
    }
    header
}

/// What each KPI of each role makes, `[role][kpi]`: the text every card of
/// a role repeats, made once per role rather than per card.
pub fn per_kpi<T>(r: &Report, f: impl Fn(&crate::score::plan::KpiPlan) -> T) -> Vec<Vec<T>> {
    r.plan.roles.iter().map(|role| role.kpis.iter().map(&f).collect()).collect()
}

/// The period line: `2026-Q3 (2026-07-01 – 2026-09-30)`.
pub fn period_line(r: &Report) -> String {
    match r.period {
        Some(p) => format!("{} ({} – {})", r.label, p.start, p.end),
        None => r.label.clone(),
    }
}

/// The report's title: `運營管理部 績效考核 · 2026-Q3 (…)`.
pub fn title(r: &Report, lang: Lang) -> String {
    format!("{} {} · {}", r.department, Label::KpiScorecards.text(lang), period_line(r))
}

/// `rows: 120 read, 116 used, 4 skipped (missing-value 1, unknown-metric 3)`.
pub fn rows_line(r: &Report, lang: Lang) -> String {
    let rows = &r.rows;
    let counted = |n: u64, l: Label| match lang {
        Lang::Zh => format!("{} {n}", l.text(lang)),
        Lang::En => format!("{n} {}", l.text(lang)),
    };
    let mut s = format!(
        "{}: {}, {}, {}",
        Label::Rows.text(lang),
        counted(rows.read, Label::Read),
        counted(rows.used, Label::Used),
        counted(rows.skipped, Label::Skipped)
    );
    if !rows.skipped_by_reason.is_empty() {
        let parts: Vec<String> = rows.skipped_by_reason.iter().map(|(k, n)| format!("{k} {n}")).collect();
        s.push_str(&format!(" ({})", parts.join(", ")));
    }
    s
}

/// How a KPI's score was reached (`--explain`): the pooling, the ratio's
/// sums, the band and the formula, numbers to at most 4 decimals.
pub fn how(l: &KpiLine, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(n) = l.people {
        parts.push(match lang {
            Lang::Zh => format!("{n} 人的平均值"),
            Lang::En => format!("mean of {}", people(n, lang)),
        });
    }
    if let (Some((n, d)), Some((num_name, den_name))) = (l.parts, &l.kpi.ratio) {
        let times = if l.kpi.unit == Unit::Percent { " × 100" } else { "" };
        parts.push(format!("Σ{num_name} / Σ{den_name} = {} / {}{times}", self::num(n), self::num(d)));
    }
    match &l.scored {
        Some(sc) => parts.push(format!("{}: {} = {}", band(sc.band, lang), sc.formula, score(Some(sc.score)))),
        None => parts.push(Label::NoValue.text(lang).to_string()),
    }
    parts.join("; ")
}

/// One line of the summary.
#[derive(Debug, Clone)]
pub struct SummaryRow {
    /// The person, or for a role's card `流程管理經理 (process-manager)`.
    pub entity: String,
    /// `流程管理經理 (process-manager)`, or for a role's card the people it
    /// pools.
    pub role: String,
    pub score: Option<Decimal>,
    pub grade: String,
    pub complete: bool,
    pub compare: Option<Decimal>,
    /// A role's card: the people it pools.
    pub people: Option<u32>,
}

impl SummaryRow {
    pub fn of(c: &Card) -> SummaryRow {
        let role = format!("{} ({})", c.role.title, c.role.id);
        let (entity, role) = match (c.person, c.people) {
            (true, _) => (c.entity.clone(), role),
            (false, Some(n)) => (role, n.to_string()),
            (false, None) => (role, String::new()),
        };
        let (score, grade, complete, compare, people) = (c.score, c.grade.clone(), c.complete, c.compare, c.people);
        SummaryRow { entity, role, score, grade, complete, compare, people }
    }
}

/// The second cell of the department mean's summary line: the department,
/// or with role cards the people they pool together.
pub fn mean_row_second(r: &Report, rows: &[SummaryRow]) -> String {
    if r.by_role && rows.iter().any(|s| s.people.is_some()) {
        rows.iter().filter_map(|s| s.people).sum::<u32>().to_string()
    } else {
        r.department.clone()
    }
}

/// The department mean of the cards' scores (and of their scores in the
/// compared period), over the cards that have one.
pub fn department_mean(rows: &[SummaryRow]) -> (Option<Decimal>, Option<Decimal>) {
    let mean = |f: &dyn Fn(&SummaryRow) -> Option<Decimal>| {
        let (sum, n) = rows.iter().filter_map(f).fold((Decimal::ZERO, 0u32), |(s, n), v| (s + v, n + 1));
        (n > 0).then(|| sum / Decimal::from(n))
    };
    (mean(&|r| r.score), mean(&|r| r.compare))
}

/// The summary's column headings (with the compare columns when asked).
pub fn summary_headers(by_role: bool, compare: bool, lang: Lang) -> Vec<&'static str> {
    let (first, second) = if by_role { (Label::Role, Label::People) } else { (Label::Person, Label::Role) };
    let mut h = vec![first.text(lang), second.text(lang), Label::Score.text(lang), Label::Grade.text(lang)];
    h.push(Label::Complete.text(lang));
    if compare {
        h.extend([Label::Before.text(lang), Label::Change.text(lang)]);
    }
    h
}

pub fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b { Label::Yes } else { Label::No }.text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn values_at_the_precision_of_their_unit() {
        let v = |s: &str, u: Unit| value(Some(d(s)), u, Lang::En);
        assert_eq!(v("15", Unit::Percent), "15.0%");
        assert_eq!(v("82.66666", Unit::Percent), "82.7%");
        assert_eq!(v("8", Unit::Score), "8.0");
        assert_eq!(v("3", Unit::Count), "3");
        assert_eq!(v("3.3333", Unit::Count), "3.3");
        assert_eq!(v("1234567", Unit::Count), "1,234,567");
        assert_eq!(v("242000", Unit::Currency), "¥242,000");
        assert_eq!(v("1234.5", Unit::Currency), "¥1,234.50");
        assert_eq!(v("3.25", Unit::Days), "3.3 d");
        assert_eq!(value(Some(d("4")), Unit::Hours, Lang::Zh), "4.0 小時");
        assert_eq!(v("0.8533", Unit::Ratio), "0.85");
        assert_eq!(value(None, Unit::Count, Lang::En), "—");
    }

    #[test]
    fn changes_between_shown_scores() {
        assert_eq!(change(Some(d("98.54")), Some(d("94.3"))), "▲ 4.2");
        assert_eq!(change(Some(d("90")), Some(d("91"))), "▼ 1.0");
        assert_eq!(change(Some(d("90.04")), Some(d("90"))), "= 0.0");
        assert_eq!(change(None, Some(d("90"))), "—");
    }

    #[test]
    fn the_department_mean_skips_cards_without_a_score() {
        let row = |s: Option<&str>, c: Option<&str>| SummaryRow {
            entity: String::new(),
            role: String::new(),
            score: s.map(d),
            grade: String::new(),
            complete: true,
            compare: c.map(d),
            people: None,
        };
        let rows = [row(Some("90"), Some("80")), row(Some("100"), None), row(None, Some("70"))];
        assert_eq!(department_mean(&rows), (Some(d("95")), Some(d("75"))));
    }
}
