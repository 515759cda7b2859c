//! The source layout reads like the pipeline (#13, #17): no source file imports a file that
//! imports it back, directly or through others, and a stage only looks back at earlier ones.
//!
//! Every file under `src/` is a node (the crate root `lib.rs` included; the binary `main.rs` uses
//! the library from outside). A file depends on the files that define what it names: a path
//! through `crate::`, `super::` or `self::`, or through one of its own child modules (`docx::read`
//! in `formats/mod.rs`), goes to the deepest file on that path; a name that file only re-exports
//! (`pub use`) goes on to the file that defines it. A folder's `mod.rs` and its files are files
//! like any other: the parent that calls its children cannot also be where they take their
//! types from. Code under `#[cfg(test)]` and comments are left out.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path: `text::blocks` is `["text", "blocks"]`, the crate root `[]`.
type ModPath = Vec<String>;

/// `src/text/blocks.rs` → `text::blocks`; `src/formats/mod.rs` → `formats`; `src/lib.rs` → root.
fn module_of(path: &Path, src: &Path) -> ModPath {
    let rel = path.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "lib".into()
    } else {
        m.join("::")
    }
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

/// The code with comments, string and char literals blanked (so that braces and `::` in them
/// count for nothing), lengths kept.
fn blank_non_code(code: &str) -> String {
    let b = code.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = code[i..].find('\n').map_or(b.len(), |n| i + n);
                blank(&mut out, i, end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = code[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
                blank(&mut out, i, end);
                i = end;
            }
            // Raw strings: r"…", r#"…"#, br"…" (not an identifier ending in r).
            b'r' if (i == 0
                || !is_ident(b[i - 1])
                || (b[i - 1] == b'b' && (i < 2 || !is_ident(b[i - 2]))))
                && matches!(b.get(i + 1), Some(b'"' | b'#')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let body = i + 2 + hashes;
                let end = code[body..]
                    .find(&close)
                    .map_or(b.len(), |n| body + n + close.len());
                blank(&mut out, i, end);
                i = end;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let end = (j + 1).min(b.len());
                blank(&mut out, i, end);
                i = end;
            }
            // A char literal ('{', '\n', '\u{3000}'), not a lifetime ('a).
            b'\'' => {
                let end = if b.get(i + 1) == Some(&b'\\') {
                    code[i + 2..].find('\'').map(|n| i + 2 + n + 1)
                } else {
                    let ch = code[i + 1..].chars().next().map_or(1, char::len_utf8);
                    (b.get(i + 1 + ch) == Some(&b'\'')).then_some(i + 2 + ch)
                };
                match end {
                    Some(end) => {
                        blank(&mut out, i, end);
                        i = end;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The code without `#[cfg(test)]` items (test modules, test helpers): they may use anything.
fn strip_tests(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        // The item ends at its first `;` outside brackets, or at the brace closing its first `{`.
        let (mut depth, mut brackets, mut end) = (0usize, 0usize, item.len());
        for (k, c) in item.char_indices().skip("#[cfg(test)]".len()) {
            match c {
                '(' | '[' => brackets += 1,
                ')' | ']' => brackets = brackets.saturating_sub(1),
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = k + 1;
                        break;
                    }
                }
                ';' if depth == 0 && brackets == 0 => {
                    end = k + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// One file: its module path, its code (tests and comments out), its children's names.
struct Source {
    module: ModPath,
    code: String,
    children: BTreeSet<String>,
}

/// Every path the code names, made absolute: `(the inline module it is written in, segments)`.
/// `use crate::{a, b::{c, d}}` gives `a`, `b::c`, `b::d`. Relative paths are the ones through
/// `crate`, `super`, `self` and the file's own child modules; others name external crates or
/// local items.
fn paths(src: &Source) -> Vec<ModPath> {
    let code = src.code.as_bytes();
    let mut out = Vec::new();
    // Inline `mod name {` blocks, for `super::` and `self::` inside them: (name, brace depth).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < code.len() {
        let c = code[i];
        if c == b'{' {
            depth += 1;
        } else if c == b'}' {
            depth = depth.saturating_sub(1);
            if inline.last().is_some_and(|(_, d)| *d == depth) {
                inline.pop();
            }
        }
        if !is_ident(c) || (i > 0 && (is_ident(code[i - 1]) || code[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let word_end = i + code[i..].iter().take_while(|&&c| is_ident(c)).count();
        let word = &src.code[i..word_end];
        if word == "mod" {
            let after = src.code[word_end..].trim_start();
            let ident: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if after[ident.len()..].trim_start().starts_with('{') {
                inline.push((ident, depth));
            }
        }
        let relative = matches!(word, "crate" | "super" | "self") || src.children.contains(word);
        if !relative || !src.code[word_end..].starts_with("::") {
            i = word_end;
            continue;
        }
        let mut here = src.module.clone();
        here.extend(inline.iter().map(|(n, _)| n.clone()));
        let (tails, end) = path_tails(&src.code, i);
        for tail in tails {
            let mut abs: ModPath = match tail[0].as_str() {
                "crate" => Vec::new(),
                _ if tail[0] == "super" || tail[0] == "self" => here.clone(),
                _ => here.clone(), // a child: relative to where it is written
            };
            let skip = usize::from(matches!(tail[0].as_str(), "crate" | "self"));
            for seg in &tail[skip..] {
                if seg == "super" {
                    abs.pop();
                } else if seg != "self" && seg != "*" {
                    abs.push(seg.clone());
                }
            }
            out.push(abs);
        }
        i = end;
    }
    out
}

/// The path starting at `at` (`a::b::{c, d::e}`) as its full forms, and where it ends.
fn path_tails(code: &str, at: usize) -> (Vec<Vec<String>>, usize) {
    let b = code.as_bytes();
    let mut segs = Vec::new();
    let mut i = at;
    loop {
        let start = i;
        while i < b.len() && (is_ident(b[i]) || b[i] == b'*') {
            i += 1;
        }
        if i > start {
            segs.push(code[start..i].to_string());
        }
        if !code[i..].starts_with("::") {
            return (vec![segs], i);
        }
        i += 2;
        let ws = code[i..].len() - code[i..].trim_start().len();
        if code[i + ws..].starts_with('{') {
            // A group: each item is a path of its own, after the prefix.
            let mut tails = Vec::new();
            let mut j = i + ws + 1;
            loop {
                let ws = code[j..].len() - code[j..].trim_start().len();
                j += ws;
                if j >= b.len() || b[j] == b'}' {
                    return (tails, j + 1);
                }
                let (inner, end) = path_tails(code, j);
                for t in inner {
                    let mut full = segs.clone();
                    full.extend(t);
                    tails.push(full);
                }
                // Past `as name` and the comma.
                j = end;
                while j < b.len() && b[j] != b',' && b[j] != b'}' {
                    j += 1;
                }
                if j < b.len() && b[j] == b',' {
                    j += 1;
                }
            }
        }
    }
}

/// The crate's files and what each depends on (file → files).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let modules: BTreeSet<ModPath> = all
        .iter()
        .filter(|p| !p.ends_with("main.rs"))
        .map(|p| module_of(p, &src))
        .collect();
    let sources: Vec<Source> = all
        .iter()
        .filter(|p| !p.ends_with("main.rs"))
        .map(|p| {
            let module = module_of(p, &src);
            let children = modules
                .iter()
                .filter(|m| m.len() == module.len() + 1 && m.starts_with(&module))
                .map(|m| m.last().unwrap().clone())
                .collect();
            let raw = std::fs::read_to_string(p).unwrap();
            Source {
                code: strip_tests(&blank_non_code(&raw)),
                module,
                children,
            }
        })
        .collect();
    // Re-exports: (module, name) → the absolute path it stands for.
    let mut reexports: BTreeMap<(ModPath, String), ModPath> = BTreeMap::new();
    for s in &sources {
        for stmt in s.code.match_indices("pub use ").map(|(k, _)| k) {
            let one = Source {
                module: s.module.clone(),
                code: s.code[stmt + 8..].to_string(),
                children: s.children.clone(),
            };
            let end = one.code.find(';').unwrap_or(one.code.len());
            let one = Source {
                code: format!("{};", &one.code[..end]),
                ..one
            };
            // `pub use model::{A, B}` in lib.rs: prefix it so that the child path is seen.
            let stmt_paths = paths(&one);
            for p in stmt_paths {
                if let Some(last) = p.last() {
                    reexports.insert((s.module.clone(), last.clone()), p);
                }
            }
        }
    }
    // The deepest file on a path, following re-exports.
    let resolve = |p: &ModPath| -> ModPath {
        let mut p = p.clone();
        for _ in 0..8 {
            let n = (0..=p.len())
                .rev()
                .find(|&n| modules.contains(&p[..n]))
                .unwrap_or(0);
            let file = p[..n].to_vec();
            match p
                .get(n)
                .and_then(|item| reexports.get(&(file.clone(), item.clone())))
            {
                Some(target) if target != &p => p = target.clone(),
                _ => return file,
            }
        }
        p
    };
    let mut g = BTreeMap::new();
    for s in &sources {
        let deps: BTreeSet<String> = paths(s)
            .iter()
            .map(&resolve)
            .filter(|t| t != &s.module)
            .map(|t| name(&t))
            .collect();
        g.insert(name(&s.module), deps);
    }
    g
}

/// Every edge `a → b` where `b` leads back to `a`: the imports that close a cycle.
fn cycles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(m) = stack.pop() {
            if m == to {
                return true;
            }
            if seen.insert(m.clone()) {
                stack.extend(g.get(&m).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut out = Vec::new();
    for (a, deps) in g {
        for b in deps {
            if reaches(b, a) {
                out.push(format!("{a} → {b}"));
            }
        }
    }
    out
}

#[test]
fn no_file_imports_one_that_imports_it_back() {
    let g = graph();
    assert!(
        g.contains_key("lib")
            && g.contains_key("text::blocks")
            && g.contains_key("formats::pdf::crypt"),
        "{:?}",
        g.keys()
    );
    // lib.rs drives the pipeline: it reaches the stages.
    assert!(g["lib"].contains("structure::outline"), "{:?}", g["lib"]);
    let found = cycles(&g);
    assert!(
        found.is_empty(),
        "imports that close a cycle:\n{}",
        found.join("\n")
    );
}

fn source(module: &str, children: &[&str], code: &str) -> Source {
    Source {
        module: module
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        code: strip_tests(&blank_non_code(code)),
        children: children.iter().map(|c| c.to_string()).collect(),
    }
}

fn joined(paths: Vec<ModPath>) -> Vec<String> {
    paths.iter().map(|p| p.join("::")).collect()
}

#[test]
fn the_checker_reads_paths_as_rust_does() {
    // Groups, nested groups and renames.
    let s = source(
        "render",
        &[],
        "use crate::{Heading, text::{blocks::Blocks, markers as m}};",
    );
    assert_eq!(
        joined(paths(&s)),
        ["Heading", "text::blocks::Blocks", "text::markers"]
    );
    // super and self from a file, and from an inline module inside it.
    let s = source(
        "formats::pdf::objects",
        &[],
        "use super::crypt::Decryptor;\nmod inner { use super::Obj; fn f() { self::g(); } }",
    );
    assert_eq!(
        joined(paths(&s)),
        [
            "formats::pdf::crypt::Decryptor",
            "formats::pdf::objects::Obj",
            "formats::pdf::objects::inner::g"
        ]
    );
    // A child named from its parent, not the same name inside a longer path or a string.
    let s = source(
        "formats",
        &["docx", "zip"],
        "fn read() { docx::read(); ::zip::Archive::new(); let s = \"zip::x\"; other::docx::y(); }",
    );
    assert_eq!(joined(paths(&s)), ["formats::docx::read"]);
    // Tests, comments and char literals do not count; a brace in a char keeps nesting right.
    let s = source(
        "a",
        &[],
        "// crate::x::y\nfn f() { let c = '{'; }\nfn g<'a>(x: &'a str) { crate::z::w(); }\n#[cfg(test)]\nmod tests { use crate::q::r; }\n#[cfg(test)]\nmod more;\nconst K: &str = r#\"crate::raw\"#;",
    );
    assert_eq!(joined(paths(&s)), ["z::w"]);
}

#[test]
fn the_checker_finds_a_cycle() {
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    g.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    g.insert(
        "c".to_string(),
        BTreeSet::from(["a".to_string(), "d".to_string()]),
    );
    g.insert("d".to_string(), BTreeSet::new());
    assert_eq!(cycles(&g), ["a → b", "b → c", "c → a"]);
}

#[test]
fn stages_only_look_back() {
    // text knows nothing of structure or review; structure nothing of review; and no stage knows
    // the file readers (formats/ turns bytes into text for them).
    let g = graph();
    let stage = |x: &str| {
        ["text", "structure", "review"]
            .iter()
            .position(|s| x == *s || x.starts_with(&format!("{s}::")))
    };
    for (m, deps) in &g {
        for d in deps {
            if let (Some(a), Some(b)) = (stage(m), stage(d)) {
                assert!(b <= a, "{m} (a stage-{a} module) imports {d} (stage {b})");
            }
            if stage(m).is_some() {
                assert!(!d.starts_with("formats") && d != "lib", "{m} imports {d}");
            }
        }
    }
}
