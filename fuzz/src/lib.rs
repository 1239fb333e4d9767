/*!
What the fuzz targets share: temporary projects, written once per fuzzing
process (the seed department's `opsroles.yaml` that `opsroles init` writes,
with the five seed roles, a cut-down copy of them, or none: [`Roles`]), and a
way to run a command line on one through the same entry the binary takes
(`opsroles::cli::parse_from` then `opsroles::run`), so a target keeps
working while the internals behind a command are rewritten.

Every file a target writes (inputs, `-o` outputs) lives in the project, so a
run never touches the repository, and `-q` with `-o` keeps stdout quiet.

The invariant every target asserts, beyond "no panic, no hang" (libFuzzer's
own `-timeout` and `-rss_limit_mb` catch hangs and runaway memory):
- `run` returns `Ok` or `Err` — both are fine (exit 1 or 2);
- an `-o` file is absent after an `Err`, and when present it is complete:
  JSON parses, XML is well-formed, HTML is closed, CSV has rows of equal
  width, a workbook is a whole zip ([`Shape`]).
*/

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use opsroles::Outcome;

/// The date every run takes as today, so waivers and overdue items do not
/// change with the calendar.
pub const TODAY: &str = "2026-11-26";

/// Which roles a project holds. Every project has the seed's
/// `opsroles.yaml`; parsing and checking the five seed roles costs most of
/// a run, so a target takes the fewest roles its input needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roles {
    /// The seed's five roles as shipped.
    Seed,
    /// The seed's five roles with only what scoring reads: ids, titles,
    /// reporting lines and the KPIs as shipped (no duties, authority,
    /// competencies, descriptions or comments) — the same scoring plan,
    /// parsed and checked in a fraction of the time.
    Kpis,
    /// An empty `roles/`.
    Empty,
}

/// A project written once per process.
pub struct Project {
    root: PathBuf,
    roles: Roles,
    /// Kept so the folder lives as long as the process (libFuzzer ends
    /// with `exit`, so it is left behind in the system's temp folder).
    _dir: tempfile::TempDir,
}

/// The project of this process holding `roles`; the first call also sets
/// the panic hook.
pub fn project(roles: Roles) -> &'static Project {
    static HOOK: OnceLock<()> = OnceLock::new();
    static PROJECTS: [OnceLock<Project>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    HOOK.get_or_init(|| {
        // libfuzzer-sys aborts from its panic hook, *before* unwinding, so a
        // panic the product catches on purpose (a workbook reader failing
        // on a damaged file becomes an error) would count as a crash.
        // `take_hook` puts the default hook back: a panic still prints its
        // message, and one that escapes `run` reaches libfuzzer-sys's
        // `catch_unwind`, which aborts — the crash libFuzzer records.
        drop(std::panic::take_hook());
    });
    PROJECTS[roles as usize].get_or_init(|| Project::new(roles))
}

impl Project {
    fn new(roles: Roles) -> Project {
        let dir = tempfile::Builder::new().prefix("opsroles-fuzz-").tempdir().expect("a temporary folder");
        let root = dir.path().canonicalize().expect("the temporary folder");
        for sub in ["roles", "in/old", "in/new", "out"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        for (rel, bytes) in opsroles::embedded::FILES {
            let role = rel.starts_with("roles/");
            let bytes = match roles {
                _ if *rel == "opsroles.yaml" => bytes.to_vec(),
                Roles::Seed if role => bytes.to_vec(),
                Roles::Kpis if role => kpis_only(bytes),
                _ => continue,
            };
            std::fs::write(root.join(rel), bytes).unwrap();
        }
        Project { root, roles, _dir: dir }
    }

    /// The project's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A path in the project.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// The seed config, `opsroles.yaml`.
    pub fn config(&self) -> PathBuf {
        self.path("opsroles.yaml")
    }

    /// Which roles the project holds.
    pub fn roles(&self) -> Roles {
        self.roles
    }

    /// `args` followed by `--config` and the project's `opsroles.yaml`.
    pub fn args(&self, args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).chain([OsString::from("--config"), self.config().into()]).collect()
    }

    /// Writes `bytes` at `rel`.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(rel);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Runs `opsroles ARGS…` as the binary would (the arguments are the
    /// harness's own, so one clap refuses is a bug in the target).
    pub fn run<I, T>(&self, args: I) -> anyhow::Result<Outcome>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString>,
    {
        let argv: Vec<OsString> =
            std::iter::once(OsString::from("opsroles")).chain(args.into_iter().map(Into::into)).collect();
        let cli = match opsroles::cli::parse_from(argv.clone()) {
            Ok(cli) => cli,
            Err(e) => panic!("the target's command line {argv:?} is refused: {e}"),
        };
        opsroles::run(&cli)
    }

    /// Runs `args` with `-o out` after removing `out`, then asserts the `-o`
    /// promise: absent after an error, complete (per `shape`) when present.
    /// Returns the outcome and whether `out` was written.
    pub fn run_to<I, T>(&self, args: I, out: &Path, shape: Shape) -> (anyhow::Result<Outcome>, bool)
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString>,
    {
        let _ = std::fs::remove_file(out);
        let mut argv: Vec<OsString> = args.into_iter().map(Into::into).collect();
        argv.push("-o".into());
        argv.push(out.into());
        let result = self.run(argv);
        let written = match std::fs::read(out) {
            Ok(bytes) => {
                if let Err(why) = shape.complete(&bytes) {
                    panic!("-o {} is not a complete {shape:?} file ({why}) after {result:?}", out.display());
                }
                true
            }
            Err(_) => false,
        };
        if let Err(e) = &result {
            assert!(!written, "the run failed ({e:#}) yet wrote -o {}", out.display());
        }
        (result, written)
    }
}

/// What a complete output file of a format looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Any UTF-8 text (terminal tables, Markdown, GitHub annotations).
    Text,
    Json,
    Xml,
    Html,
    /// Rows of equal width (a UTF-8 BOM allowed).
    Csv,
    /// A zip archive, end of central directory included.
    Xlsx,
}

impl Shape {
    /// Whether `bytes` are a whole file of this shape, else why not.
    pub fn complete(self, bytes: &[u8]) -> Result<(), String> {
        let text = || std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"));
        match self {
            Shape::Text => text().map(drop),
            Shape::Json => serde_json::from_slice::<serde_json::Value>(bytes).map(drop).map_err(|e| e.to_string()),
            Shape::Xml => roxmltree::Document::parse(text()?).map(drop).map_err(|e| e.to_string()),
            Shape::Html => {
                let t = text()?;
                if t.trim_end().ends_with("</html>") {
                    Ok(())
                } else {
                    Err("no closing </html>".into())
                }
            }
            Shape::Csv => {
                let t = text()?;
                let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(t.as_bytes());
                for record in reader.records() {
                    record.map_err(|e| e.to_string())?;
                }
                Ok(())
            }
            Shape::Xlsx => {
                let zip_end = bytes.len() >= 22
                    && bytes[bytes.len().saturating_sub(22 + 65_535)..].windows(4).any(|w| w == b"PK\x05\x06");
                if bytes.starts_with(b"PK\x03\x04") && zip_end {
                    Ok(())
                } else {
                    Err("not a whole zip archive".into())
                }
            }
        }
    }
}

/// The seed's bytes at `rel` (`roles/process-manager.yaml`), if it has that file.
pub fn seed_file(rel: &str) -> Option<&'static [u8]> {
    opsroles::embedded::FILES.iter().find(|(r, _)| *r == rel).map(|(_, b)| *b)
}

/// A seed role file cut down to what scoring reads (see [`Roles::Kpis`]):
/// the top-level keys but `duties`, `authority`, `competencies` and
/// `positioning`, without comments and KPI descriptions. The seed roles are
/// block-style YAML with one-line scalars, which this relies on.
fn kpis_only(bytes: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(bytes).expect("the seed roles are UTF-8");
    let mut out = String::new();
    let mut keep = true;
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') && !line.starts_with('-') {
            let key = line.split(':').next().unwrap_or_default();
            keep = !matches!(key, "duties" | "authority" | "competencies" | "positioning");
        }
        if keep && !line.trim_start().starts_with("description:") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.into_bytes()
}

/// A small deterministic hash of the input, for choosing among options
/// (output format, flags) so one input always runs the same way.
pub fn pick(data: &[u8]) -> u64 {
    // FNV-1a.
    data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// The role id a role file declares on a top-level `id:` line, when it is
/// a name a file can have (lowercase ASCII, digits and `-`, at most 64).
pub fn declared_id(data: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(data).ok()?;
    let line = text.lines().find_map(|l| l.strip_prefix("id:"))?;
    let id = line.split('#').next()?.trim().trim_matches(|c| c == '"' || c == '\'');
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    ok.then_some(id)
}
