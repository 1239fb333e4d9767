/*!
`opsroles.yaml`: discovery, defaults and validation (SPEC 1.2).

The file is found by `--config FILE`, else by walking up from the current
directory. Every key has a default, and the defaults reproduce the seed's
department. A config that cannot be read or validated is a usage-level error
(exit 2) whose diagnostics point at the offending lines.
*/

mod raw;

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diag::{Diagnostic, Severity};
use crate::rule::Rule;
use crate::source::{display_path, FileId, Location, Sources};
use crate::yaml::SpannedMap;
pub use raw::{Missing, RawConfig};

pub const FILE_NAME: &str = "opsroles.yaml";

/// A named entry of `functions:` or `partners:`.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub loc: Option<Location>,
}

#[derive(Debug, Clone)]
pub struct Separation {
    pub items: Vec<(String, Location)>,
    pub reason: String,
    pub loc: Location,
}

#[derive(Debug, Clone)]
pub struct Waiver {
    pub rule: Rule,
    pub items: BTreeSet<String>,
    pub reason: String,
    pub expires: NaiveDate,
    pub loc: Location,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The config file in `Sources`, when one was read.
    pub file: Option<FileId>,
    pub department: String,
    pub roles_dir: PathBuf,
    pub functions: Vec<Entry>,
    pub partners: Vec<Entry>,
    /// Severity overrides from `rules:` (`None` = off).
    pub rule_levels: Vec<(Rule, Option<Severity>)>,
    pub similarity: f64,
    pub separation: Vec<Separation>,
    pub waivers: Vec<Waiver>,
    pub scoring: Scoring,
    /// Export header → standard column (`period`, `person`, `role`, `metric`,
    /// `value`), from `columns:`.
    pub columns: Vec<(String, String)>,
}

/// `scoring:` (SPEC 3.3).
#[derive(Debug, Clone)]
pub struct Scoring {
    pub scale: crate::score::formula::Scale,
    pub missing: Missing,
    pub min_coverage: Decimal,
    /// Grade name and lowest score, highest first; below the last: `D`.
    pub grades: Vec<(String, Decimal)>,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            scale: crate::score::formula::Scale::default(),
            missing: Missing::Renormalize,
            min_coverage: Decimal::new(5, 1),
            grades: [("S", 110), ("A", 100), ("B", 80), ("C", 60)]
                .iter()
                .map(|(g, s)| (g.to_string(), Decimal::from(*s)))
                .collect(),
        }
    }
}

/// The standard columns a `columns:` entry may map a header to.
pub const COLUMNS: &[&str] = &["period", "person", "role", "metric", "value"];

/// A config that failed validation: its diagnostics, and the sources they
/// point into, so the caller can render them.
#[derive(Debug)]
pub struct ConfigError {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = crate::report::human::render_plain(&self.sources, &self.diagnostics);
        write!(f, "invalid configuration\n{}", text.trim_end())
    }
}

impl std::error::Error for ConfigError {}

/// The config file to use: the explicit one, or `opsroles.yaml` in the current
/// directory or the nearest parent.
pub fn discover(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

/// Loads the config at `path` (or the defaults when `None`) into `sources`.
pub fn load(path: Option<&Path>, sources: &mut Sources) -> Result<Config, anyhow::Error> {
    let Some(path) = path else {
        return Ok(defaults(PathBuf::from("roles")));
    };
    let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("cannot read config {}: {e}", display_path(path)))?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    from_bytes(display_path(path), &bytes, &dir, sources)
}

/// A config from bytes named `name` (a file, or `REV:path` in git), whose
/// `roles:` is relative to `dir`.
pub fn from_bytes(name: String, bytes: &[u8], dir: &Path, sources: &mut Sources) -> Result<Config, anyhow::Error> {
    let text = match crate::yaml::decode(bytes) {
        Ok(t) => t,
        Err((line, col, msg)) => anyhow::bail!("{name}:{line}:{col}: {msg}"),
    };
    let file = sources.add(name, text);
    let result =
        crate::yaml::parse::<RawConfig>(sources, file).map_err(|d| vec![*d]).and_then(|raw| validate(raw, file, dir));
    match result {
        Ok(c) => Ok(c),
        Err(diagnostics) => {
            let mut own = Sources::default();
            let text = sources.get(file).text.clone();
            own.add(sources.name(file).to_string(), text);
            // Diagnostics point at `file`; renumber them into the fresh map.
            let diagnostics = diagnostics
                .into_iter()
                .map(|mut d| {
                    for s in &mut d.spots {
                        s.loc.file = 0;
                    }
                    d
                })
                .collect();
            Err(ConfigError { sources: own, diagnostics }.into())
        }
    }
}

fn entries(map: &[(serde_saphyr::Spanned<String>, serde_saphyr::Spanned<String>)], file: FileId) -> Vec<Entry> {
    map.iter()
        .map(|(k, v)| Entry {
            id: k.value.clone(),
            title: v.value.clone(),
            loc: Some(Location::from_saphyr(file, &k.referenced)),
        })
        .collect()
}

fn default_entries(pairs: &[(&str, &str)]) -> Vec<Entry> {
    pairs.iter().map(|(id, title)| Entry { id: id.to_string(), title: title.to_string(), loc: None }).collect()
}

const FUNCTIONS: &[(&str, &str)] = &[
    ("process", "流程管理"),
    ("resource", "資源協調"),
    ("performance", "績效監控"),
    ("risk", "風險管控"),
    ("collaboration", "跨部門協同"),
];

const PARTNERS: &[(&str, &str)] = &[
    ("business", "業務部門"),
    ("finance", "財務部門"),
    ("hr", "人力資源部門"),
    ("it", "IT部門"),
    ("management", "管理層"),
];

fn defaults(roles_dir: PathBuf) -> Config {
    Config {
        file: None,
        department: "運營管理部".to_string(),
        roles_dir,
        functions: default_entries(FUNCTIONS),
        partners: default_entries(PARTNERS),
        rule_levels: Vec::new(),
        similarity: 0.8,
        separation: Vec::new(),
        waivers: Vec::new(),
        scoring: Scoring::default(),
        columns: Vec::new(),
    }
}

fn validate(raw: RawConfig, file: FileId, dir: &Path) -> Result<Config, Vec<Diagnostic>> {
    let at = |v: &serde_saphyr::Location| Location::from_saphyr(file, v);
    let mut errs = Vec::new();
    let roles_dir = dir.join(raw.roles.as_ref().map_or("roles", |r| r.value.as_str()));
    let mut config = defaults(roles_dir);
    config.file = Some(file);
    if let Some(d) = &raw.department {
        config.department = d.value.clone();
    }
    if let Some(f) = &raw.functions {
        config.functions = entries(&f.0, file);
    }
    if let Some(p) = &raw.partners {
        config.partners = entries(&p.0, file);
    }
    for (key, level) in &raw.rules.0 {
        let rule = match key.value.parse::<Rule>() {
            Ok(r) => r,
            Err(msg) => {
                errs.push(Diagnostic::new(Rule::Schema, msg).at(at(&key.referenced), "in `rules:`"));
                continue;
            }
        };
        let sev = match level.value.as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "off" | "allow" => None,
            other => {
                errs.push(
                    Diagnostic::new(Rule::Schema, format!("unknown severity `{other}` for rule `{rule}`"))
                        .at(at(&level.referenced), "expected error, warning or off"),
                );
                continue;
            }
        };
        config.rule_levels.push((rule, sev));
    }
    if let Some(s) = &raw.similarity {
        if !(s.value > 0.0 && s.value <= 1.0) {
            errs.push(
                Diagnostic::new(Rule::Schema, "`similarity` must be a number in (0, 1]").at(at(&s.referenced), ""),
            );
        } else {
            config.similarity = s.value;
        }
    }
    for sep in &raw.separation {
        if sep.value.items.len() < 2 {
            errs.push(
                Diagnostic::new(Rule::Schema, "a separation entry needs at least two items")
                    .at(at(&sep.referenced), ""),
            );
        }
        config.separation.push(Separation {
            items: sep.value.items.iter().map(|i| (i.value.clone(), at(&i.referenced))).collect(),
            reason: sep.value.reason.as_ref().map(|r| r.value.clone()).unwrap_or_default(),
            loc: at(&sep.referenced),
        });
    }
    for w in &raw.waivers {
        let w_loc = at(&w.referenced);
        let rule = match w.value.rule.value.parse::<Rule>() {
            Ok(r) => Some(r),
            Err(msg) => {
                errs.push(Diagnostic::new(Rule::Schema, msg).at(at(&w.value.rule.referenced), "waiver rule"));
                None
            }
        };
        if w.value.reason.value.trim().is_empty() {
            errs.push(Diagnostic::new(Rule::Schema, "a waiver needs a reason").at(at(&w.value.reason.referenced), ""));
        }
        if w.value.items.is_empty() {
            errs.push(Diagnostic::new(Rule::Schema, "a waiver needs the items it covers").at(w_loc, ""));
        }
        let expires = parse_date(&w.value.expires.value);
        if expires.is_none() {
            errs.push(
                Diagnostic::new(
                    Rule::Schema,
                    format!("`expires` must be a date YYYY-MM-DD, not `{}`", w.value.expires.value),
                )
                .at(at(&w.value.expires.referenced), ""),
            );
        }
        if let (Some(rule), Some(expires)) = (rule, expires) {
            config.waivers.push(Waiver {
                rule,
                items: w.value.items.iter().map(|i| i.value.clone()).collect(),
                reason: w.value.reason.value.clone(),
                expires,
                loc: w_loc,
            });
        }
    }
    if let Some(s) = validate_scoring(&raw, file, &mut errs) {
        config.scoring = s;
    }
    validate_calendar(&raw, file, &mut errs);
    for (header, column) in &raw.columns.0 {
        if COLUMNS.contains(&column.value.as_str()) {
            config.columns.push((header.value.clone(), column.value.clone()));
        } else {
            let mut d = Diagnostic::new(
                Rule::Schema,
                format!("`columns:` maps `{}` to unknown column `{}`", header.value, column.value),
            )
            .at(Location::from_saphyr(file, &column.referenced), format!("expected one of {}", COLUMNS.join(", ")));
            if let Some(near) = crate::suggest::nearest(&column.value, COLUMNS.iter().copied()) {
                d = d.note(format!("did you mean `{near}`?"));
            }
            errs.push(d);
        }
    }
    if errs.is_empty() {
        Ok(config)
    } else {
        Err(errs)
    }
}

fn validate_scoring(raw: &RawConfig, file: FileId, errs: &mut Vec<Diagnostic>) -> Option<Scoring> {
    let Some(s) = &raw.scoring else { return None };
    let before = errs.len();
    let at = |v: &serde_saphyr::Location| Location::from_saphyr(file, v);
    let t = s.value.threshold_score.as_ref().map_or(60.0, |v| v.value);
    let g = s.value.target_score.as_ref().map_or(100.0, |v| v.value);
    let x = s.value.stretch_score.as_ref().map_or(120.0, |v| v.value);
    if !(t.is_finite() && g.is_finite() && x.is_finite() && 0.0 <= t && t < g && g <= x && x <= 1000.0) {
        errs.push(
            Diagnostic::new(
                Rule::Schema,
                "scoring anchors must satisfy 0 ≤ threshold_score < target_score ≤ stretch_score ≤ 1000",
            )
            .at(at(&s.referenced), ""),
        );
    }
    if let Some(c) = &s.value.min_coverage {
        if !(0.0..=1.0).contains(&c.value) {
            errs.push(
                Diagnostic::new(Rule::Schema, "`min_coverage` must be between 0 and 1").at(at(&c.referenced), ""),
            );
        }
    }
    if let Some(SpannedMap(grades)) = &s.value.grades {
        for (k, v) in grades {
            if !v.value.is_finite() {
                errs.push(
                    Diagnostic::new(Rule::Schema, format!("grade `{}` needs a finite score", k.value))
                        .at(at(&v.referenced), ""),
                );
            }
        }
    }
    if errs.len() > before {
        return None;
    }
    let dec = |v: f64| crate::score::formula::decimal(v).unwrap_or_default();
    let mut out = Scoring {
        scale: crate::score::formula::Scale { threshold: dec(t), target: dec(g), stretch: dec(x) },
        ..Scoring::default()
    };
    if let Some(m) = &s.value.missing {
        out.missing = m.value;
    }
    if let Some(c) = &s.value.min_coverage {
        out.min_coverage = dec(c.value);
    }
    if let Some(SpannedMap(grades)) = &s.value.grades {
        out.grades = grades.iter().map(|(k, v)| (k.value.clone(), dec(v.value))).collect();
        out.grades.sort_by_key(|g| std::cmp::Reverse(g.1));
    }
    Some(out)
}

fn validate_calendar(raw: &RawConfig, file: FileId, errs: &mut Vec<Diagnostic>) {
    let Some(c) = &raw.calendar else { return };
    for d in c.value.holidays.iter().chain(&c.value.workdays) {
        if parse_date(&d.value).is_none() {
            errs.push(
                Diagnostic::new(Rule::Schema, format!("not a date YYYY-MM-DD: `{}`", d.value))
                    .at(Location::from_saphyr(file, &d.referenced), ""),
            );
        }
    }
}

/// A calendar date `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}
