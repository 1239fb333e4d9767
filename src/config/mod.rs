/*!
`opsroles.yaml`: discovery, defaults and validation (SPEC 1.2).

The file is found by `--config FILE`, else by walking up from the current
directory. Every key has a default, and the defaults reproduce the seed's
department. Each section is read and validated in its own file; a value that
cannot be used is a diagnostic pointing at its line — never silently replaced
by a default. The config knows nothing of the commands that use it: it is
plain, validated data below the domain.
*/

mod calendar;
mod columns;
mod mentoring;
mod org;
mod risk;
mod rules;
mod scoring;
mod sla;
mod waivers;

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

pub use calendar::{CalendarConfig, Preset, Weekday};
pub use columns::{ColumnMap, IGNORE_COLUMN, STANDARD_COLUMNS};
pub use mentoring::MentoringConfig;
pub use org::Entry;
pub use risk::{ApRule, Fmea, Priority, RiskConfig, RiskLevels};
pub use rules::{RuleLevel, Separation};
pub use scoring::{Missing, Scale, Scoring};
pub use sla::SlaConfig;
pub use waivers::Waiver;

use crate::diag::{Code, Diagnostic};
use crate::source::{display_path, FileId, Location, Sources};

pub const FILE_NAME: &str = "opsroles.yaml";

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The config file in `Sources`, when one was read.
    pub file: Option<FileId>,
    /// The file's path on disk, when it was read from one.
    pub path: Option<PathBuf>,
    pub department: String,
    pub roles_dir: PathBuf,
    pub functions: Vec<Entry>,
    pub partners: Vec<Entry>,
    /// Severity overrides from `rules:`.
    pub rule_levels: Vec<RuleLevel>,
    pub similarity: f64,
    /// At or above: the same work (`overlapping-duty`).
    pub overlap: f64,
    pub separation: Vec<Separation>,
    pub waivers: Vec<Waiver>,
    pub scoring: Scoring,
    pub calendar: CalendarConfig,
    pub sla: SlaConfig,
    pub risk: RiskConfig,
    pub mentoring: MentoringConfig,
    /// Export header → standard column, from `columns:`.
    pub columns: ColumnMap,
}

impl Config {
    /// The defaults, with roles in `roles_dir`.
    pub fn defaults(roles_dir: PathBuf) -> Config {
        Config {
            file: None,
            path: None,
            department: "運營管理部".to_string(),
            roles_dir,
            functions: org::default_functions(),
            partners: org::default_partners(),
            rule_levels: Vec::new(),
            similarity: 0.8,
            overlap: 0.85,
            separation: Vec::new(),
            waivers: Vec::new(),
            scoring: Scoring::default(),
            calendar: CalendarConfig::default(),
            sla: SlaConfig::default(),
            risk: RiskConfig::default(),
            mentoring: MentoringConfig::default(),
            columns: ColumnMap::default(),
        }
    }
}

type Sp<T> = Spanned<T>;

/// `opsroles.yaml` as written: every key optional, unknown keys refused.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "opsroles.yaml", description = "The opsroles project config; every key is optional (SPEC 1.2).")]
struct RawConfig {
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    department: Option<Sp<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    roles: Option<Sp<String>>,
    #[serde(default)]
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    functions: Option<crate::yaml::SpannedMap<Sp<String>>>,
    #[serde(default)]
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    partners: Option<crate::yaml::SpannedMap<Sp<String>>>,
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    rules: crate::yaml::SpannedMap<Sp<String>>,
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    similarity: Option<Sp<f64>>,
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    overlap: Option<Sp<f64>>,
    #[serde(default)]
    #[schemars(with = "Vec<rules::RawSeparation>")]
    separation: Vec<Sp<rules::RawSeparation>>,
    #[serde(default)]
    #[schemars(with = "Vec<waivers::RawWaiver>")]
    waivers: Vec<Sp<waivers::RawWaiver>>,
    #[serde(default)]
    #[schemars(with = "Option<scoring::RawScoring>")]
    scoring: Option<Sp<scoring::RawScoring>>,
    #[serde(default)]
    #[schemars(with = "Option<calendar::RawCalendar>")]
    calendar: Option<Sp<calendar::RawCalendar>>,
    #[serde(default)]
    #[schemars(with = "Option<sla::RawSla>")]
    sla: Option<Sp<sla::RawSla>>,
    #[serde(default)]
    #[schemars(with = "Option<risk::RawRisk>")]
    risk: Option<Sp<risk::RawRisk>>,
    #[serde(default)]
    #[schemars(with = "Option<mentoring::RawMentoring>")]
    mentoring: Option<Sp<mentoring::RawMentoring>>,
    /// Header name → standard column, for exports (SPEC 3.2).
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    columns: crate::yaml::SpannedMap<Sp<String>>,
}

/// The JSON Schema (draft 2020-12) of `opsroles.yaml`, from the types the
/// loader deserializes.
pub fn json_schema() -> serde_json::Value {
    schemars::generate::SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<RawConfig>().to_value()
}

/// Collects the problems of one config file while its sections are validated.
struct Checker {
    file: FileId,
    errors: Vec<Diagnostic>,
}

impl Checker {
    fn loc(&self, at: &serde_saphyr::Location) -> Location {
        Location::from_saphyr(self.file, at)
    }

    /// Reports a value that cannot be used, at its position.
    fn error(&mut self, at: &serde_saphyr::Location, message: impl Into<String>, label: impl Into<String>) {
        let d = Diagnostic::new(Code::Schema, message).at(self.loc(at), label);
        self.errors.push(d);
    }

    fn push(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    /// A date `YYYY-MM-DD`, or an error at its position.
    fn date(&mut self, v: &Sp<String>, what: &str) -> Option<chrono::NaiveDate> {
        let d = crate::tabular::date::parse_iso(&v.value);
        if d.is_none() {
            self.error(&v.referenced, format!("{what} must be a date YYYY-MM-DD, not `{}`", v.value), "not a date");
        }
        d
    }
}

/// Why a config could not be used.
#[derive(Debug)]
pub enum ConfigError {
    /// The file could not be read, or is not UTF-8 (the message says where).
    Unreadable(String),
    /// Findings in the file, pointing into the run's `Sources`.
    Invalid(Vec<Diagnostic>),
}

/// The config file to use: the explicit one, or `opsroles.yaml` in `start`
/// or the nearest parent.
pub fn discover(explicit: Option<&Path>, start: &Path) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    start.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

/// Loads the config at `path` (or the defaults, with roles in `./roles`, when
/// `None`), registering the file in `sources`.
pub fn load(path: Option<&Path>, sources: &mut Sources) -> Result<Config, ConfigError> {
    let Some(path) = path else {
        return Ok(Config::defaults(PathBuf::from("roles")));
    };
    let shown = display_path(path);
    let bytes = std::fs::read(path).map_err(|e| ConfigError::Unreadable(format!("cannot read config {shown}: {e}")))?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut config = from_bytes(shown, &bytes, &dir, sources)?;
    config.path = Some(path.to_path_buf());
    Ok(config)
}

/// A config from bytes named `name` (a file, or `REV:path` in git), whose
/// `roles:` is relative to `dir`.
pub fn from_bytes(name: String, bytes: &[u8], dir: &Path, sources: &mut Sources) -> Result<Config, ConfigError> {
    let text = match crate::yaml::decode(bytes) {
        Ok(t) => t,
        Err((line, col, msg)) => return Err(ConfigError::Unreadable(format!("{name}:{line}:{col}: {msg}"))),
    };
    let file = sources.add(name, text);
    let raw = crate::yaml::parse::<RawConfig>(sources, file).map_err(|d| ConfigError::Invalid(vec![*d]))?;
    validate(raw, file, dir)
}

fn validate(raw: RawConfig, file: FileId, dir: &Path) -> Result<Config, ConfigError> {
    let mut c = Checker { file, errors: Vec::new() };
    let roles_dir = dir.join(raw.roles.as_ref().map_or("roles", |r| r.value.as_str()));
    let mut config = Config::defaults(roles_dir);
    config.file = Some(file);
    if let Some(d) = &raw.department {
        config.department = d.value.clone();
    }
    if let Some(f) = &raw.functions {
        config.functions = org::entries(&f.0, &mut c, "function");
    }
    if let Some(p) = &raw.partners {
        config.partners = org::entries(&p.0, &mut c, "partner department");
    }
    config.rule_levels = rules::levels(&raw.rules, &mut c);
    if let Some(s) = &raw.similarity {
        config.similarity = rules::threshold(s, "similarity", &mut c);
    }
    match &raw.overlap {
        Some(o) => {
            config.overlap = rules::threshold(o, "overlap", &mut c);
            rules::thresholds_in_order(o, config.similarity, config.overlap, &mut c);
        }
        // Raising `similarity` alone raises the bar for both.
        None => config.overlap = config.overlap.max(config.similarity),
    }
    config.separation = rules::separation(&raw.separation, &mut c);
    config.waivers = waivers::validate(&raw.waivers, &mut c);
    if let Some(s) = &raw.scoring {
        config.scoring = scoring::validate(s, &mut c);
    }
    if let Some(s) = &raw.calendar {
        config.calendar = calendar::validate(s, &mut c);
    }
    if let Some(s) = &raw.sla {
        config.sla = sla::validate(s, &mut c);
    }
    if let Some(s) = &raw.risk {
        config.risk = risk::validate(s, &mut c);
    }
    if let Some(s) = &raw.mentoring {
        config.mentoring = mentoring::validate(s, &mut c);
    }
    config.columns = columns::validate(&raw.columns, &mut c);
    if c.errors.is_empty() {
        Ok(config)
    } else {
        Err(ConfigError::Invalid(c.errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Validates `text` as a config; the findings as `line: message`.
    pub(super) fn problems(text: &str) -> Vec<String> {
        let mut sources = Sources::default();
        match from_bytes("opsroles.yaml".into(), text.as_bytes(), Path::new("."), &mut sources) {
            Ok(_) => Vec::new(),
            Err(ConfigError::Invalid(ds)) => {
                ds.iter().map(|d| format!("{}: {}", d.primary().map_or(0, |l| l.line), d.message)).collect()
            }
            Err(ConfigError::Unreadable(m)) => vec![m],
        }
    }

    pub(super) fn parse(text: &str) -> Config {
        let mut sources = Sources::default();
        match from_bytes("opsroles.yaml".into(), text.as_bytes(), Path::new("."), &mut sources) {
            Ok(c) => c,
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn the_shipped_config_is_valid_and_equals_the_defaults_where_it_says_so() {
        let text = include_str!("../../opsroles.yaml");
        let c = parse(text);
        let d = Config::defaults(PathBuf::from("roles"));
        assert_eq!(c.department, d.department);
        assert_eq!(c.scoring, d.scoring);
        assert_eq!(c.calendar, d.calendar);
        assert_eq!(c.sla, d.sla);
        assert_eq!(c.risk, d.risk);
        assert_eq!(c.mentoring, d.mentoring);
    }

    #[test]
    fn an_empty_mapping_is_all_defaults() {
        let c = parse("department: 運營管理部\n");
        assert_eq!(c.functions.len(), 5);
        assert_eq!(c.similarity, 0.8);
    }

    #[test]
    fn unknown_keys_are_refused_with_a_suggestion() {
        let mut sources = Sources::default();
        let err = from_bytes("c.yaml".into(), b"similarty: 0.5\n", Path::new("."), &mut sources).unwrap_err();
        let ConfigError::Invalid(ds) = err else { panic!("{err:?}") };
        assert_eq!(ds[0].notes, vec!["did you mean `similarity`?".to_string()]);
    }
}
