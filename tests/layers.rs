//! The house rules of the source tree, checked: every top-level module sits
//! in a layer and imports only from layers below it (no arrow up, no circle),
//! and within a module the sub-modules form no circle either. A new module
//! must be given a layer here — a reviewed decision, like a new rule id.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules by layer, lowest first.
const LAYERS: &[&[&str]] = &[
    &["text", "decimal", "embedded"],
    &["source"],
    &["diag"],
    &["yaml"],
    &["tabular", "output"],
    &["config"],
    &["model"],
    &["calendar"],
    &["git", "check", "score", "risk", "sla", "gaps"],
    &["diff", "dept"],
    &["render", "context"],
    &["workspace"],
    &["cli"],
    &["cmd"],
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The product code of a file: everything before its `#[cfg(test)]` module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// `crate::a::b` paths named in `text`, as (a, b) (b empty when absent).
fn crate_paths(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        // `$crate::` in macros counts too; `opsroles::` does not occur in src/.
        let rest = &text[i + "crate::".len()..];
        let mut parts = rest
            .split("::")
            .map(|p| p.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>());
        let a = parts.next().unwrap_or_default();
        let b = parts.next().unwrap_or_default();
        if !a.is_empty() {
            out.push((a, b));
        }
    }
    out
}

/// (top module, sub-module) of a source file.
fn place(src: &Path, file: &Path) -> (String, String) {
    let rel = file.strip_prefix(src).unwrap();
    let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
    let top = parts[0].clone();
    let sub = parts.get(1).cloned().unwrap_or_default();
    (top, if sub == "mod" { String::new() } else { sub })
}

#[test]
fn every_import_points_down_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = BTreeSet::new();
    for f in &all {
        let (top, _) = place(&src, f);
        if top == "lib" || top == "main" {
            continue;
        }
        let from = rank(&top).unwrap_or_else(|| panic!("module `{top}` has no layer in tests/layers.rs"));
        for (to, _) in crate_paths(&code(f)) {
            if to == top || to == "display_by_serde_name" {
                continue;
            }
            let Some(r) = rank(&to) else { continue };
            if r >= from {
                wrong.insert(format!(
                    "{} imports `{to}` (layer {r}) from layer {from}",
                    f.strip_prefix(&src).unwrap().display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up or sideways:\n{}",
        wrong.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn no_circles_between_sub_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    // (top, sub) → the subs of the same top it names.
    let mut edges: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for f in &all {
        let (top, sub) = place(&src, f);
        if sub.is_empty() {
            continue;
        }
        let text = code(f);
        let mut to: BTreeSet<String> =
            crate_paths(&text).into_iter().filter(|(a, b)| *a == top && !b.is_empty()).map(|(_, b)| b).collect();
        // `super::x` from a file directly in src/top/ names a sibling.
        if f.parent().is_some_and(|p| p == src.join(&top)) {
            for (i, _) in text.match_indices("super::") {
                let name: String =
                    text[i + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                to.insert(name);
            }
        }
        to.remove(&sub);
        edges.entry((top.clone(), sub)).or_default().extend(to);
    }
    // Depth-first search for a cycle.
    fn visit(
        node: &(String, String),
        edges: &BTreeMap<(String, String), BTreeSet<String>>,
        state: &mut BTreeMap<(String, String), u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(1) => return Some(path.clone()),
            Some(2) => return None,
            _ => {}
        }
        state.insert(node.clone(), 1);
        path.push(format!("{}::{}", node.0, node.1));
        for next in edges.get(node).into_iter().flatten() {
            let n = (node.0.clone(), next.clone());
            if edges.contains_key(&n) {
                if let Some(c) = visit(&n, edges, state, path) {
                    return Some(c);
                }
            }
        }
        path.pop();
        state.insert(node.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in edges.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = visit(node, &edges, &mut state, &mut path) {
            panic!("a circle of imports: {}", cycle.join(" → "));
        }
    }
}
