/*!
The files a run has read, and positions in them.

Every finding points at `file:line:col`. A run has one [`Sources`], and every
file it reads registers there once — role files of both sides of a diff, the
config, exports — so a [`Location`] is a few integers that can never point
into the wrong file. Text files (YAML) keep their text, for the source line
under a finding; tables (CSV, a sheet of a workbook) keep only their name,
since an export can be gigabytes and a row is named by its line.
*/

use std::path::{Component, Path, PathBuf};

/// A file of this run's [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(u32);

impl FileId {
    /// Its position among the run's files, in registration order.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A position in a source file: 1-based line and column (in characters), plus
/// the byte range of the token there when the parser knew it. A column of 0
/// means "the whole line" (a row of an export).
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

    /// A row of a table (an export line, or a sheet's row).
    pub fn row(file: FileId, line: u64) -> Self {
        Location { file, line: u32::try_from(line).unwrap_or(u32::MAX), column: 0, offset: 0, len: 0 }
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
    /// As shown to users: a path relative to the current directory with `/`,
    /// `REV:path` for a file at a git revision, `book.xlsx!Sheet1` for a sheet.
    pub name: String,
    /// The text, for files whose lines are shown (YAML); empty for tables.
    pub text: String,
}

/// All files of a run, in the order they were registered.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// Registers a text file.
    pub fn add(&mut self, name: String, text: String) -> FileId {
        self.files.push(SourceFile { name, text });
        FileId(u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX))
    }

    /// Registers a table (an export, a sheet): named, its text not kept.
    pub fn add_table(&mut self, name: String) -> FileId {
        self.add(name, String::new())
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i as u32), f))
    }

    pub fn name(&self, id: FileId) -> &str {
        &self.get(id).name
    }

    pub fn text(&self, id: FileId) -> &str {
        &self.get(id).text
    }

    /// `file:line:col`, or `file:line` for a row of a table.
    pub fn position(&self, loc: &Location) -> String {
        if loc.column == 0 {
            format!("{}:{}", self.name(loc.file), loc.line)
        } else {
            format!("{}:{}:{}", self.name(loc.file), loc.line, loc.column)
        }
    }

    /// Byte offset of a 1-based (line, column) in the file's text, clamped to
    /// the text. Columns count characters, as serde-saphyr does.
    pub fn byte_offset(&self, loc: &Location) -> usize {
        let text = self.text(loc.file);
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

    /// A location at (line, column) of `file`, with its byte offset filled in.
    pub fn at(&self, file: FileId, line: u32, column: u32) -> Location {
        let mut loc = Location { file, line, column, offset: 0, len: 0 };
        loc.offset = u32::try_from(self.byte_offset(&loc)).unwrap_or(u32::MAX);
        loc
    }

    /// The 1-based line of `key:` that owns the value at `value`: the value's
    /// own line when the key is on it, else the nearest line above that starts
    /// with the key. Used to point at `kpis:` rather than its first item.
    pub fn key_line(&self, value: &Location, key: &str) -> Location {
        let text = self.text(value.file);
        let lines: Vec<&str> = text.lines().collect();
        let wanted = format!("{key}:");
        let mut line = (value.line as usize).min(lines.len());
        while line >= 1 {
            let l = lines[line - 1];
            let trimmed = l.trim_start();
            if trimmed.starts_with(&wanted) {
                let indent = l.chars().count() - trimmed.chars().count();
                let mut loc = self.at(value.file, line as u32, indent as u32 + 1);
                loc.len = key.len() as u32;
                return loc;
            }
            line -= 1;
        }
        *value
    }
}

/// `path` as shown to users: relative to the current directory when it can be,
/// with `/` separators — but an absolute path outside the current directory
/// stays as the user wrote it (`/tmp/q3.csv`, not `../../tmp/q3.csv`).
pub fn display_path(path: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| relative_to(&absolute(&cwd, path), &cwd))
        .filter(|rel| !(path.is_absolute() && rel.starts_with("..")))
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
    fn paths_show_relative_inside_the_current_directory_absolute_outside() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(display_path(&cwd.join("roles/a.yaml")), "roles/a.yaml");
        assert_eq!(display_path(Path::new("./examples/q3.csv")), "examples/q3.csv");
        assert_eq!(display_path(Path::new("/nonexistent/q3.csv")), "/nonexistent/q3.csv");
        assert_eq!(display_path(Path::new("../x.csv")), "../x.csv");
    }

    #[test]
    fn byte_offset_counts_columns_in_characters() {
        let mut s = Sources::default();
        let f = s.add("a.yaml".into(), "id: 甲\ntitle: 乙丙\n".into());
        let loc = s.at(f, 2, 9);
        assert_eq!(&s.text(f)[loc.offset as usize..], "丙\n");
    }

    #[test]
    fn key_line_finds_the_key_above_a_block_sequence() {
        let mut s = Sources::default();
        let f = s.add("a.yaml".into(), "id: a\nkpis:\n  - id: k\n".into());
        let value = s.at(f, 3, 3);
        let key = s.key_line(&value, "kpis");
        assert_eq!((key.line, key.column), (2, 1));
    }

    #[test]
    fn relative_paths_climb_with_dotdot() {
        let rel = relative_to(Path::new("/a/b/c.yaml"), Path::new("/a/d")).unwrap();
        assert_eq!(rel, PathBuf::from("../b/c.yaml"));
    }

    #[test]
    fn every_file_of_a_run_keeps_its_own_id() {
        let mut s = Sources::default();
        let config = s.add("opsroles.yaml".into(), "a\nb\nc\nd\ne\nf\ng\n".into());
        let role = s.add("roles/alpha.yaml".into(), "id: alpha\n".into());
        let table = s.add_table("q3.csv".into());
        assert_eq!(s.position(&s.at(config, 7, 1)), "opsroles.yaml:7:1");
        assert_eq!(s.position(&s.at(role, 1, 5)), "roles/alpha.yaml:1:5");
        assert_eq!(s.position(&Location::row(table, 12)), "q3.csv:12");
    }
}
