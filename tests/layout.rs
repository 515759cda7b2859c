//! The source layout reads like the pipeline (#13): no module imports a module that imports it
//! back, directly or through others. A module is a file under `src/`; `crate::a::b::item` is an
//! edge to the deepest module on that path. A module using its own parent or child (a folder's
//! `mod.rs` and its files) is scoping, not a cycle; the crate root (lib.rs, re-exports and the
//! pipeline's driver) and the binaries are left out.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// `src/text/blocks.rs` → `text::blocks`; `src/formats/mod.rs` → `formats`.
fn module_of(path: &Path, src: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let parts = if parts.last().map(String::as_str) == Some("mod") {
        &parts[..parts.len() - 1]
    } else {
        &parts[..]
    };
    parts.join("::")
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every `crate::…` path in the file (in `use` lines and in code), as its segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + 7..];
        // `crate::{a, b::c}`: each item of the group.
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for item in inner.split(',') {
                let segs: Vec<String> = item
                    .trim()
                    .split("::")
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                if !segs.is_empty() {
                    out.push(segs);
                }
            }
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        out.push(
            rest[..end]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        );
    }
    out
}

fn related(a: &str, b: &str) -> bool {
    a == b || a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let modules: BTreeSet<String> = all.iter().map(|p| module_of(p, &src)).collect();
    let mut g = BTreeMap::new();
    for p in &all {
        let m = module_of(p, &src);
        if m == "lib" || m == "main" {
            continue;
        }
        let code = std::fs::read_to_string(p).unwrap();
        let mut deps = BTreeSet::new();
        for segs in crate_paths(&code) {
            // The deepest module on the path.
            let target = (1..=segs.len())
                .rev()
                .map(|n| segs[..n].join("::"))
                .find(|c| modules.contains(c));
            if let Some(t) = target
                && t != "lib"
                && !related(&m, &t)
            {
                deps.insert(t);
            }
        }
        g.insert(m, deps);
    }
    g
}

/// A cycle through `start`, if any (depth-first search).
fn cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        g: &BTreeMap<String, BTreeSet<String>>,
        m: &str,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == m) {
            let mut c = stack[i..].to_vec();
            c.push(m.to_string());
            return Some(c);
        }
        if done.contains(m) {
            return None;
        }
        stack.push(m.to_string());
        for d in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(g, d, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    g.keys()
        .find_map(|m| visit(g, m, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let g = graph();
    assert!(
        g.contains_key("text::blocks") && g.contains_key("structure::meta"),
        "{:?}",
        g.keys()
    );
    assert_eq!(cycle(&g), None);
}

#[test]
fn the_checker_finds_a_cycle() {
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    g.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    g.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(
        cycle(&g),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(
        crate_paths("use crate::{Heading, text::blocks::Blocks};"),
        vec![
            vec!["Heading".to_string()],
            vec!["text".into(), "blocks".into(), "Blocks".into()]
        ]
    );
}

#[test]
fn stages_only_look_back() {
    // text knows nothing of structure or review; structure nothing of review.
    let g = graph();
    for (m, deps) in &g {
        for d in deps {
            let stage = |x: &str| {
                ["text", "structure", "review"]
                    .iter()
                    .position(|s| x == *s || x.starts_with(&format!("{s}::")))
            };
            if let (Some(a), Some(b)) = (stage(m), stage(d)) {
                assert!(b <= a, "{m} (a stage-{a} module) imports {d} (stage {b})");
            }
        }
    }
}
