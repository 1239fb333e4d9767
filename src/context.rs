/*!
The global flags, resolved once per run (SPEC 1.4): today's date, colour,
quietness and where to look for the config. Every command reads these from
here, so `--today` means the same date everywhere and the config search
exists once.
*/

use std::path::PathBuf;

use chrono::NaiveDate;

/// What every command of a run shares.
#[derive(Debug, Clone)]
pub struct Context {
    /// `--today`, else the system date.
    pub today: NaiveDate,
    /// Whether `--today` was given (reports say when the date is the system's).
    pub today_given: bool,
    pub color: anstream::ColorChoice,
    pub quiet: bool,
    /// `--config FILE`, if given.
    pub config: Option<PathBuf>,
    /// Where the config search starts: the current directory.
    pub cwd: PathBuf,
}

impl Context {
    pub fn new(today: Option<NaiveDate>, color: anstream::ColorChoice, quiet: bool, config: Option<PathBuf>) -> Self {
        Context {
            today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            today_given: today.is_some(),
            color,
            quiet,
            config,
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        }
    }

    /// The config file in force: `--config`, else the nearest `opsroles.yaml`.
    pub fn config_path(&self) -> Option<PathBuf> {
        crate::config::discover(self.config.as_deref(), &self.cwd)
    }
}
