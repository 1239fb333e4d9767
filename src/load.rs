/*!
Loading role files from disk (SPEC 1.1, 2).

Paths are walked recursively in sorted order, following symbolic links; a link
loop, an unreadable file or a directory named like a role file is a diagnostic,
and loading goes on with the other files so one bad file never hides the
problems of the others.
*/

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::diag::Diagnostic;
use crate::model::{Role, RoleDoc};
use crate::rule::Rule;
use crate::source::{display_path, Location, Sources};

/// Role files larger than this are refused rather than parsed: no real role
/// description comes near it.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What loading produced.
#[derive(Debug, Default)]
pub struct Loaded {
    pub roles: Vec<Role>,
    /// `parse-error` and `schema` findings.
    pub diagnostics: Vec<Diagnostic>,
    /// Stems of role files that could not be read: their ids still count as
    /// known roles, so a broken file does not also make every reference to it
    /// an `unknown-reference`.
    pub unreadable: BTreeSet<String>,
    /// How many role files were found (read or not).
    pub files: usize,
}

fn is_role_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Loads every role file under `paths` (files or directories).
pub fn load_paths(paths: &[PathBuf], sources: &mut Sources) -> anyhow::Result<Loaded> {
    let mut loaded = Loaded::default();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => bail!("cannot read {}: {e}", display_path(path)),
        };
        if meta.is_file() {
            loaded.files += 1;
            load_file(path, sources, &mut loaded);
        } else {
            let before = loaded.files + loaded.diagnostics.len();
            walk(path, sources, &mut loaded);
            if loaded.files + loaded.diagnostics.len() == before {
                bail!("no role files in {}", display_path(path));
            }
        }
    }
    Ok(loaded)
}

fn walk(dir: &Path, sources: &mut Sources, loaded: &mut Loaded) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    let mut it = walker.into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.to_path_buf());
                let msg = if let Some(ancestor) = e.loop_ancestor() {
                    format!(
                        "symbolic link loop: {} points back to {}",
                        display_path(&path),
                        display_path(ancestor)
                    )
                } else {
                    format!(
                        "cannot read {}: {}",
                        display_path(&path),
                        e.io_error().map_or(e.to_string(), |io| io.to_string())
                    )
                };
                file_problem(&path, msg, sources, loaded);
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && name.starts_with('.') {
            if entry.file_type().is_dir() {
                it.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_dir() {
            if entry.depth() > 0 && is_role_file(entry.path()) {
                file_problem(
                    entry.path(),
                    format!(
                        "{} is a directory, not a role file",
                        display_path(entry.path())
                    ),
                    sources,
                    loaded,
                );
                it.skip_current_dir();
            }
        } else if is_role_file(entry.path()) {
            loaded.files += 1;
            load_file(entry.path(), sources, loaded);
        }
    }
}

/// A problem with a path as a whole (no text to point into).
fn file_problem(path: &Path, msg: String, sources: &mut Sources, loaded: &mut Loaded) {
    let file = sources.add(display_path(path), String::new());
    if let Some(stem) = path.file_stem() {
        loaded
            .unreadable
            .insert(stem.to_string_lossy().into_owned());
    }
    loaded
        .diagnostics
        .push(Diagnostic::new(Rule::ParseError, msg).at(Location::file_start(file), ""));
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Loads one role file, recording a diagnostic instead when it cannot be read.
pub fn load_file(path: &Path, sources: &mut Sources, loaded: &mut Loaded) {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        let msg = format!(
            "{} is {} bytes; role files are limited to {} bytes",
            display_path(path),
            size,
            MAX_FILE_BYTES
        );
        return file_problem(path, msg, sources, loaded);
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return file_problem(
                path,
                format!("cannot read {}: {e}", display_path(path)),
                sources,
                loaded,
            )
        }
    };
    load_bytes(display_path(path), stem(path), &bytes, sources, loaded);
}

/// Parses the bytes of one role file named `name`.
pub fn load_bytes(
    name: String,
    stem: String,
    bytes: &[u8],
    sources: &mut Sources,
    loaded: &mut Loaded,
) {
    let text = match crate::yaml::decode(bytes) {
        Ok(t) => t,
        Err((line, column, msg)) => {
            let file = sources.add(name, String::from_utf8_lossy(bytes).into_owned());
            let mut loc = Location {
                file,
                line,
                column,
                offset: 0,
                len: 0,
            };
            loc.offset = sources.byte_offset(&loc) as u32;
            loaded.unreadable.insert(stem);
            loaded
                .diagnostics
                .push(Diagnostic::new(Rule::ParseError, msg).at(loc, "not UTF-8"));
            return;
        }
    };
    let file = sources.add(name, text);
    match crate::yaml::parse::<RoleDoc>(sources, file) {
        Ok(doc) => {
            let role = Role { file, stem, doc };
            schema_checks(&role, &mut loaded.diagnostics);
            loaded.roles.push(role);
        }
        Err(d) => {
            loaded.unreadable.insert(stem);
            loaded.diagnostics.push(*d);
        }
    }
}

/// Schema constraints serde cannot express.
fn schema_checks(role: &Role, out: &mut Vec<Diagnostic>) {
    for c in role.competencies() {
        let level = &c.value.level;
        if !(1..=5).contains(&level.value) {
            out.push(
                Diagnostic::new(
                    Rule::Schema,
                    format!(
                        "competency `{}` has level {}; levels are 1..5",
                        c.value.id.value, level.value
                    ),
                )
                .at(role.loc(level), "expected 1 to 5")
                .role(role.id())
                .item(c.value.id.value.as_str()),
            );
        }
    }
}
