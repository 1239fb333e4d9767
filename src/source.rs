/*!
The files a run has read, and positions in them.

Every finding points at `file:line:col`. Files are kept here once (as text, with
a leading BOM removed) so renderers can show the source line, and so a
[`Location`] stays a few integers.
*/

use std::path::{Component, Path, PathBuf};

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// A position in a source file: 1-based line and column (in characters), plus
/// the byte range of the token there when the parser knew it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: FileId,
    pub line: u32,
    pub column: u32,
    pub offset: u32,
    pub len: u32,
}

impl Location {
    /// The start of a file, for findings about the file as a whole.
    pub fn file_start(file: FileId) -> Self {
        Location { file, line: 1, column: 1, offset: 0, len: 0 }
    }

    /// A location from a serde-saphyr span in `file`.
    pub fn from_saphyr(file: FileId, loc: &serde_saphyr::Location) -> Self {
        let span = loc.span();
        Location {
            file,
            line: loc.line().try_into().unwrap_or(u32::MAX),
            column: loc.column().try_into().unwrap_or(u32::MAX),
            offset: span.byte_offset().unwrap_or(0).try_into().unwrap_or(u32::MAX),
            len: span.byte_len().unwrap_or(0).try_into().unwrap_or(0),
        }
    }
}

/// One file that was read.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to users: relative to the current directory, with `/`.
    pub name: String,
    pub text: String,
}

/// All files of a run, in the order they were read.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, name: String, text: String) -> FileId {
        self.files.push(SourceFile { name, text });
        self.files.len() - 1
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    pub fn iter(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter()
    }

    pub fn name(&self, id: FileId) -> &str {
        &self.files[id].name
    }

    /// Byte offset of a 1-based (line, column) in the file's text, clamped to
    /// the text. Columns count characters, as serde-saphyr does.
    pub fn byte_offset(&self, loc: &Location) -> usize {
        let text = &self.files[loc.file].text;
        let mut line_start = 0;
        for _ in 1..loc.line {
            match text[line_start..].find('\n') {
                Some(i) => line_start += i + 1,
                None => return text.len(),
            }
        }
        let line = &text[line_start..];
        let line_end = line.find('\n').unwrap_or(line.len());
        let col =
            line[..line_end].char_indices().nth(loc.column.saturating_sub(1) as usize).map_or(line_end, |(i, _)| i);
        line_start + col
    }

    /// The 1-based line of `key:` that owns the value at `value`: the value's
    /// own line when the key is on it, else the nearest line above that starts
    /// with the key. Used to point at `kpis:` rather than its first item.
    pub fn key_line(&self, value: &Location, key: &str) -> Location {
        let text = &self.files[value.file].text;
        let lines: Vec<&str> = text.lines().collect();
        let wanted = format!("{key}:");
        let mut line = (value.line as usize).min(lines.len());
        while line >= 1 {
            let l = lines[line - 1];
            let trimmed = l.trim_start();
            if trimmed.starts_with(&wanted) {
                let indent = l.chars().count() - trimmed.chars().count();
                let mut loc = Location { line: line as u32, column: indent as u32 + 1, ..*value };
                loc.offset = self.byte_offset(&loc) as u32;
                loc.len = key.len() as u32;
                return loc;
            }
            line -= 1;
        }
        *value
    }
}

/// `path` as shown to users: relative to the current directory when it can be,
/// with `/` separators.
pub fn display_path(path: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| relative_to(&absolute(&cwd, path), &cwd))
        .unwrap_or_else(|| path.to_path_buf());
    let s = rel.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let joined = if path.is_absolute() { path.to_path_buf() } else { cwd.join(path) };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    let p: Vec<_> = path.components().collect();
    let b: Vec<_> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offset_counts_columns_in_characters() {
        let mut s = Sources::default();
        let f = s.add("a.yaml".into(), "id: 甲\ntitle: 乙丙\n".into());
        let loc = Location { file: f, line: 2, column: 9, offset: 0, len: 0 };
        assert_eq!(&s.get(f).text[s.byte_offset(&loc)..], "丙\n");
    }

    #[test]
    fn key_line_finds_the_key_above_a_block_sequence() {
        let mut s = Sources::default();
        let f = s.add("a.yaml".into(), "id: a\nkpis:\n  - id: k\n".into());
        let value = Location { file: f, line: 3, column: 3, offset: 0, len: 0 };
        let key = s.key_line(&value, "kpis");
        assert_eq!((key.line, key.column), (2, 1));
    }

    #[test]
    fn relative_paths_climb_with_dotdot() {
        let rel = relative_to(Path::new("/a/b/c.yaml"), Path::new("/a/d")).unwrap();
        assert_eq!(rel, PathBuf::from("../b/c.yaml"));
    }
}
