/*!
Loading role files (SPEC 1.1, 2).

Paths are walked recursively in sorted order, following symbolic links; a link
loop, an unreadable file or a directory named like a role file is a diagnostic,
and loading goes on with the other files so one bad file never hides the
problems of the others.

Files are registered in order first (so findings keep their order), then
parsed on every core. YAML parsing is the cost of loading (serde-saphyr reads
about 10 MB/s with positions kept), so a [`Memo`] keyed by file contents lets
`diff` parse a file that is the same on both sides once.
*/

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::bail;
use rustc_hash::FxHashMap;

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::model::{Org, Role, RoleDoc};
use crate::source::{display_path, FileId, Location, Sources};

/// Role files larger than this are refused rather than parsed: no real role
/// description comes near it.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Parse results by file contents.
#[derive(Debug, Default)]
pub struct Memo {
    parsed: FxHashMap<Box<[u8]>, Result<Arc<RoleDoc>, Diagnostic>>,
}

/// A role file read but not yet parsed.
#[derive(Debug)]
pub struct Pending {
    /// As shown in findings: a path, or `REV:path`.
    pub name: String,
    /// The file stem, which must equal the role id.
    pub stem: String,
    pub bytes: Vec<u8>,
}

enum Entry {
    /// A path that is no readable role file, and why.
    Problem(PathBuf, String),
    File(Pending),
}

fn is_role_file(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Where role files may be: every file read must resolve (links followed)
/// to a path under one of these folders — the project's folder and its roles
/// directory. CI runs on pull requests from strangers, and a committed link
/// to `/etc/…` or a runner's secret must never be read, let alone quoted in a
/// finding. An empty list checks nothing (tests, and files named directly).
#[derive(Debug, Clone, Default)]
pub struct Roots(Vec<PathBuf>);

impl Roots {
    /// The folders (made canonical; ones that do not exist are left out).
    pub fn new(folders: &[&Path]) -> Self {
        Roots(folders.iter().filter_map(|f| f.canonicalize().ok()).collect())
    }

    /// Adds a folder (a file stands for the folder it is in) the user named.
    pub fn add(&mut self, path: &Path) {
        let folder = if path.is_dir() { Some(path) } else { path.parent() };
        if let Some(real) = folder.and_then(|f| f.canonicalize().ok()) {
            self.0.push(real);
        }
    }

    fn allows(&self, real: &Path) -> bool {
        self.0.is_empty() || self.0.iter().any(|r| real.starts_with(r))
    }
}

/// Loads every role file under `paths` (files or directories).
pub fn load_paths(paths: &[PathBuf], sources: &mut Sources) -> anyhow::Result<Org> {
    load_paths_with(paths, &Roots::default(), sources, &mut Memo::default())
}

/// [`load_paths`] within `roots`, sharing parse results through `memo`.
pub fn load_paths_with(
    paths: &[PathBuf],
    roots: &Roots,
    sources: &mut Sources,
    memo: &mut Memo,
) -> anyhow::Result<Org> {
    let mut entries = Vec::new();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => bail!("cannot read {}: {e}", display_path(path)),
        };
        if !meta.is_dir() {
            entries.push(read(path, roots));
        } else {
            let before = entries.len();
            walk(path, roots, &mut entries);
            if entries.len() == before {
                bail!("no role files in {}", display_path(path));
            }
        }
    }
    let mut loaded = Org::default();
    load_entries(entries, sources, &mut loaded, memo);
    Ok(loaded)
}

/// Loads role files already read (from git, or git's diff driver).
pub fn load_many(files: Vec<Pending>, sources: &mut Sources, loaded: &mut Org, memo: &mut Memo) {
    load_entries(files.into_iter().map(Entry::File).collect(), sources, loaded, memo);
}

fn walk(dir: &Path, roots: &Roots, entries: &mut Vec<Entry>) {
    let walker = walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name();
    let mut it = walker.into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| dir.to_path_buf());
                let msg = match e.loop_ancestor() {
                    Some(ancestor) => {
                        format!("symbolic link loop: {} points back to {}", display_path(&path), display_path(ancestor))
                    }
                    None => format!(
                        "cannot read {}: {}",
                        display_path(&path),
                        e.io_error().map_or(e.to_string(), |io| io.to_string())
                    ),
                };
                entries.push(Entry::Problem(path, msg));
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
                let msg = format!("{} is a directory, not a role file", display_path(entry.path()));
                entries.push(Entry::Problem(entry.path().to_path_buf(), msg));
                it.skip_current_dir();
            }
        } else if is_role_file(entry.path()) {
            entries.push(read(entry.path(), roots));
        }
    }
}

/// What a path is when it is not a regular file.
fn kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Reads one role file, or says why it cannot be — without reading (or
/// blocking on) anything that is not a regular file inside the roots.
fn read(path: &Path, roots: &Roots) -> Entry {
    let shown = display_path(path);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return Entry::Problem(path.to_path_buf(), format!("cannot read {shown}: {e}")),
    };
    if !meta.is_file() {
        let msg = format!("{shown} is {}, not a role file; it is not read", kind(&meta));
        return Entry::Problem(path.to_path_buf(), msg);
    }
    match path.canonicalize() {
        Ok(real) if !roots.allows(&real) => {
            let msg = format!(
                "{shown} is a link that leads outside the project; role files must be inside it, so it is not read"
            );
            return Entry::Problem(path.to_path_buf(), msg);
        }
        Ok(_) => {}
        Err(e) => return Entry::Problem(path.to_path_buf(), format!("cannot read {shown}: {e}")),
    }
    if meta.len() > MAX_FILE_BYTES {
        let msg = format!("{shown} is {} bytes; role files are limited to {MAX_FILE_BYTES} bytes", meta.len());
        return Entry::Problem(path.to_path_buf(), msg);
    }
    // Read at most the limit, even if the file grows meanwhile.
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_FILE_BYTES + 1), &mut bytes));
    match read {
        Ok(n) if n as u64 > MAX_FILE_BYTES => Entry::Problem(
            path.to_path_buf(),
            format!("{shown} is over {MAX_FILE_BYTES} bytes; role files are limited to that"),
        ),
        Ok(_) => Entry::File(Pending { name: shown, stem: stem(path), bytes }),
        Err(e) => Entry::Problem(path.to_path_buf(), format!("cannot read {shown}: {e}")),
    }
}

/// A file in `sources`, ready to parse.
struct Slot {
    file: FileId,
    stem: String,
    bytes: Vec<u8>,
}

fn load_entries(entries: Vec<Entry>, sources: &mut Sources, loaded: &mut Org, memo: &mut Memo) {
    // 1. Register every file, in order: file ids follow the sorted paths.
    let mut slots = Vec::new();
    for entry in entries {
        match entry {
            Entry::Problem(path, msg) => {
                let file = sources.add(display_path(&path), String::new());
                loaded.unreadable.insert(stem(&path));
                loaded.diagnostics.push(Diagnostic::new(Code::ParseError, msg).at(Location::file_start(file), ""));
            }
            Entry::File(p) => {
                loaded.files += 1;
                match crate::yaml::decode(&p.bytes) {
                    Ok(text) => slots.push(Slot { file: sources.add(p.name, text), stem: p.stem, bytes: p.bytes }),
                    Err((line, column, msg)) => {
                        let file = sources.add(p.name, String::from_utf8_lossy(&p.bytes).into_owned());
                        let loc = sources.at(file, line, column);
                        loaded.unreadable.insert(p.stem);
                        loaded.diagnostics.push(Diagnostic::new(Code::ParseError, msg).at(loc, "not UTF-8"));
                    }
                }
            }
        }
    }
    // 2. Parse what the memo does not know, on every core.
    let mut seen = rustc_hash::FxHashSet::default();
    let misses: Vec<&Slot> = slots
        .iter()
        .filter(|s| !memo.parsed.contains_key(s.bytes.as_slice()) && seen.insert(s.bytes.as_slice()))
        .collect();
    for (slot, result) in parse_all(&misses, sources) {
        memo.parsed.insert(slot.bytes.clone().into_boxed_slice(), result);
    }
    // 3. Assemble in order.
    for s in slots {
        match memo.parsed.get(s.bytes.as_slice()).cloned() {
            Some(Ok(doc)) => {
                let role = Role { file: s.file, stem: s.stem, doc };
                schema_checks(&role, &mut loaded.diagnostics);
                loaded.roles.push(role);
            }
            Some(Err(mut d)) => {
                // Parsed once, maybe for another file with the same bytes.
                for spot in &mut d.spots {
                    spot.loc.file = s.file;
                }
                loaded.unreadable.insert(s.stem);
                loaded.diagnostics.push(d);
            }
            None => {}
        }
    }
}

/// Parses `slots` on up to all cores, results in the same order.
fn parse_all<'a>(slots: &[&'a Slot], sources: &Sources) -> Vec<(&'a Slot, Result<Arc<RoleDoc>, Diagnostic>)> {
    let parse = |s: &&'a Slot| (*s, crate::yaml::parse::<RoleDoc>(sources, s.file).map(Arc::new).map_err(|d| *d));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || slots.len() < 16 {
        return slots.iter().map(parse).collect();
    }
    let chunk = slots.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            slots.chunks(chunk).map(|part| scope.spawn(move || part.iter().map(parse).collect::<Vec<_>>())).collect();
        // serde-saphyr is panic-free by design; should a parser thread panic
        // anyway, that panic is passed on rather than files silently lost.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// Schema constraints serde cannot express.
fn schema_checks(role: &Role, out: &mut Vec<Diagnostic>) {
    for c in role.competencies() {
        let level = &c.value.level;
        if !(1..=5).contains(&level.value) {
            out.push(
                Diagnostic::new(
                    Code::Schema,
                    format!("competency `{}` has level {}; levels are 1..5", c.value.id.value, level.value),
                )
                .at(role.loc(level), "expected 1 to 5")
                .role(role.id())
                .item(c.value.id.value.as_str()),
            );
        }
    }
}
