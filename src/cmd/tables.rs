/*!
What `risk` and `sla` (and the other record commands) share around their
domain: reading every input as a table of the command's schema — shared
encodings, delimiter and headers — refusing one that lacks a required
column (exit 2, naming the headers it has), and writing the findings to
stderr rustc-style, at most [`SHOWN`] of each code with a count of the rest.
*/

use std::io::Write;
use std::path::PathBuf;

use anyhow::bail;

use crate::context::Context;
use crate::diag::{Code, Diagnostic, Severity};
use crate::source::Sources;
use crate::tabular::headers::Schema;
use crate::tabular::records::Table;
use crate::tabular::ReadOptions;

/// Findings of one code shown on stderr; the rest are counted.
pub const SHOWN: usize = 20;

/// The `--encoding` and `--delimiter` flags with the config's `columns:`.
pub fn read_options(
    encoding: Option<&str>,
    delimiter: Option<&str>,
    config: &crate::config::Config,
) -> anyhow::Result<ReadOptions> {
    Ok(ReadOptions {
        encoding: encoding.map(crate::tabular::parse_encoding).transpose().map_err(anyhow::Error::msg)?,
        delimiter: delimiter.map(crate::tabular::parse_delimiter).transpose().map_err(anyhow::Error::msg)?,
        columns: config.columns.clone(),
    })
}

/// Reads every path (CSV, or YAML by its extension) as a table of `schema`; a table without a `required`
/// column stops the run.
pub fn read(
    paths: &[PathBuf],
    schema: Schema,
    required: &[&str],
    opts: &ReadOptions,
    sources: &mut Sources,
) -> anyhow::Result<Vec<Table>> {
    let mut tables = Vec::new();
    for (input, raw) in crate::tabular::input::open_all(paths)? {
        let table = if crate::tabular::yaml_records::is_yaml(&input) {
            crate::tabular::yaml_records::read(&input, raw, schema, opts, sources)?
        } else {
            crate::tabular::records::read(&input, raw, schema, opts, sources)?
        };
        if let Some(msg) = crate::tabular::fields::missing_columns(&table, schema, required, &input.name) {
            bail!("{msg}");
        }
        tables.push(table);
    }
    Ok(tables)
}

/// Writes `diagnostics` to stderr (warnings left out with `--quiet`).
pub fn report(ctx: &Context, sources: &Sources, diagnostics: &[Diagnostic]) {
    let mut shown: Vec<Diagnostic> = Vec::new();
    let mut hidden: std::collections::BTreeMap<Code, usize> = std::collections::BTreeMap::new();
    for d in diagnostics {
        if ctx.quiet && d.severity == Severity::Warning {
            continue;
        }
        if shown.iter().filter(|s| s.code == d.code).count() < SHOWN {
            shown.push(d.clone());
        } else {
            *hidden.entry(d.code).or_default() += 1;
        }
    }
    if shown.is_empty() {
        return;
    }
    let mut text = crate::render::diagnostics::ansi(sources, &shown);
    for (code, n) in hidden {
        text.push_str(&format!("… and {n} more {code} findings\n"));
    }
    let mut err = anstream::AutoStream::new(std::io::stderr(), ctx.color);
    let _ = err.write_all(text.as_bytes());
}

/// Role files that cannot be read make owners unresolvable: stop the run
/// with their findings (exit 2) rather than call every owner unknown.
pub fn unreadable_roles(ws: &mut crate::workspace::Workspace) -> anyhow::Result<()> {
    let errors: Vec<Diagnostic> =
        ws.org.diagnostics.iter().filter(|d| d.severity == Severity::Error).cloned().collect();
    if errors.is_empty() {
        return Ok(());
    }
    Err(crate::workspace::reject(
        "the role files cannot be read (run `opsroles check`)",
        std::mem::take(&mut ws.sources),
        errors,
    ))
}

/// Frees what a command read on a thread of its own: freeing 100,000
/// records one allocation at a time was a sixth of the run, and the process
/// usually ends right after (the OS takes the rest back). Not a leak: a
/// caller that goes on (the fuzz targets, a test) gets the memory back.
/// When no thread can be started, it is freed here.
pub fn free_in_background<T: Send + 'static>(data: T) {
    let _ = std::thread::Builder::new().name("free".into()).spawn(move || drop(data));
}
