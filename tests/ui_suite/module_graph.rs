//! No file of the window imports, directly or through others, a file that imports it.
//!
//! The rule the check applies, read from the source (no build, no display):
//! - Each `.rs` file under `src/app` is a node; a folder's `mod.rs` stands for the folder.
//! - A file depends on another when its code names a path into it: a `use` tree, or a path
//!   written inline, that starts with `crate::app::`, `super::`, `self::`, or a child module
//!   the file declares. The path resolves to the longest prefix that is a module file, so
//!   `crate::app::grid::state::cell::CellPos` is an edge to `grid/state/cell.rs`, and
//!   `super::loader::Job` written in `file/ops.rs` an edge to `file/loader.rs`.
//! - `mod x;` is containment, not use: a folder's `mod.rs` that only declares its files has
//!   no edges and so can never close a cycle; one that re-exports (`pub use x::Y`) depends
//!   on what it re-exports, and the paths through it lead there too.
//! - Unit-test modules (`#[cfg(test)] mod … { … }`) are left out: a test may reach anywhere.
//! - Method calls are not paths: `impl BulksheetApp` blocks in other files are reached
//!   through `self.method()`, so the app's `mod.rs` names the types its fields hold, never
//!   the files that add methods to it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Module path (`["app", "grid", "state"]`) of every file under `src/app`.
fn modules(root: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src/app") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(root).expect("under src/app");
            let mut segs = vec!["app".to_string()];
            for c in rel.components() {
                segs.push(c.as_os_str().to_string_lossy().into_owned());
            }
            let last = segs.pop().expect("a file name");
            if last != "mod.rs" {
                segs.push(last.trim_end_matches(".rs").to_string());
            }
            out.insert(segs, path);
        }
    }
    out
}

/// The code without comments, string and char literals (their text emptied), and without
/// `#[cfg(test)] mod … { … }` blocks.
fn code_only(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#')
            && !ident_char(at(i.wrapping_sub(1)))
        {
            // A raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            let close: String = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            let close: Vec<char> = close.chars().collect();
            while j < chars.len() && chars[j..].iter().take(close.len()).ne(close.iter()) {
                j += 1;
            }
            out.push_str("\"\"");
            i = j + close.len();
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (at(i + 2) == '\'' || at(i + 1) == '\\') {
            // A char literal ('x', '\n', '\u{..}'); a lifetime ('a) is kept.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    drop_test_modules(&out)
}

fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn drop_test_modules(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let trimmed = after.trim_start();
        let is_mod = trimmed.starts_with("mod ") || trimmed.starts_with("pub mod ");
        match (is_mod, trimmed.find('{')) {
            (true, Some(open)) if !trimmed[..open].contains(';') => {
                let body = &trimmed[open..];
                let mut depth = 0;
                let mut end = body.len();
                for (i, c) in body.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                rest = &body[end..];
            }
            _ => {
                out.push_str("#[cfg(test)]");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `use` trees of the code, flattened to paths, and the code with them taken out.
fn use_paths(code: &str) -> (Vec<Vec<String>>, String) {
    let mut paths = Vec::new();
    let mut rest = String::with_capacity(code.len());
    let mut i = 0;
    let bytes = code.as_bytes();
    while i < code.len() {
        let starts_use =
            code[i..].starts_with("use ") && (i == 0 || !ident_char(bytes[i - 1] as char));
        if starts_use {
            let end = code[i..].find(';').map_or(code.len(), |e| i + e);
            flatten(&normalize(&code[i + 4..end]), &mut Vec::new(), &mut paths);
            i = end + 1;
            rest.push(';');
        } else {
            let c = code[i..].chars().next().expect("a char");
            rest.push(c);
            i += c.len_utf8();
        }
    }
    (paths, rest)
}

/// A use tree on one line, with no space around `::`, braces and commas.
fn normalize(tree: &str) -> String {
    let mut t = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    for (from, to) in [
        (" ::", "::"),
        (":: ", "::"),
        ("{ ", "{"),
        (" {", "{"),
        (" }", "}"),
        ("} ", "}"),
        (" ,", ","),
        (", ", ","),
    ] {
        t = t.replace(from, to);
    }
    t
}

/// `a::b::{c, d::{e, self}}` → `a::b::c`, `a::b::d::e`, `a::b::d`.
fn flatten(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let (head, group) = match tree.find('{') {
        Some(open) => (
            &tree[..open],
            Some(&tree[open + 1..tree.rfind('}').unwrap_or(tree.len())]),
        ),
        None => (tree, None),
    };
    let head = head.split(" as ").next().unwrap_or(head);
    let n = prefix.len();
    let segs = head
        .split("::")
        .filter(|s| !s.is_empty() && *s != "*")
        // Inside a group, `self` is the group's own path.
        .filter(|s| n == 0 || *s != "self");
    prefix.extend(segs.map(String::from));
    match group {
        None => out.push(prefix.clone()),
        Some(items) => {
            for item in split_top(items) {
                flatten(item, prefix, out);
            }
        }
    }
    prefix.truncate(n);
}

/// Splits a use group at its top-level commas.
fn split_top(items: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in items.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&items[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&items[start..]);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// Paths written inline (`a::b::c`), as segment lists.
fn inline_paths(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let prev = if i == 0 { ' ' } else { chars[i - 1] };
        if !(chars[i].is_alphabetic() || chars[i] == '_') || ident_char(prev) || prev == ':' {
            i += 1;
            continue;
        }
        let mut segs = Vec::new();
        loop {
            let start = i;
            while i < chars.len() && ident_char(chars[i]) {
                i += 1;
            }
            segs.push(chars[start..i].iter().collect::<String>());
            let sep = chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':');
            let next = chars
                .get(i + 2)
                .is_some_and(|c| c.is_alphabetic() || *c == '_');
            if sep && next {
                i += 2;
            } else {
                break;
            }
        }
        if segs.len() > 1 {
            out.push(segs);
        }
    }
    out
}

/// The child modules a file declares (`mod x;`, `pub mod x;`).
fn declared_children(code: &str) -> Vec<String> {
    code.split(';')
        .filter_map(|stmt| {
            let words: Vec<&str> = stmt.split_whitespace().collect();
            match words.as_slice() {
                [.., "mod", name] => Some(name.to_string()),
                _ => None,
            }
        })
        .collect()
}

/// An absolute module path for `path` written in the module `here`, if it points into the
/// window.
fn absolute(path: &[String], here: &[String], children: &[String]) -> Option<Vec<String>> {
    let first = path.first()?.as_str();
    match first {
        "crate" if path.get(1).is_some_and(|s| s == "app") => Some(path[1..].to_vec()),
        "super" | "self" => {
            let mut at = here.to_vec();
            let mut rest = path;
            while let Some(seg) = rest.first() {
                match seg.as_str() {
                    "super" => {
                        at.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
            at.extend(rest.iter().cloned());
            (at.first().is_some_and(|s| s == "app")).then_some(at)
        }
        name if children.iter().any(|c| c == name) => {
            let mut at = here.to_vec();
            at.extend(path.iter().cloned());
            Some(at)
        }
        _ => None,
    }
}

/// The longest prefix of an absolute path that is a module file.
fn resolve<'a>(
    abs: &[String],
    mods: &'a BTreeMap<Vec<String>, PathBuf>,
) -> Option<&'a Vec<String>> {
    (1..=abs.len())
        .rev()
        .find_map(|n| mods.get_key_value(&abs[..n]).map(|(k, _)| k))
}

type Graph = BTreeMap<Vec<String>, Vec<Vec<String>>>;

/// Every file's dependencies, as the module header explains.
fn graph(root: &Path) -> Graph {
    let mods = modules(root);
    let mut graph = Graph::new();
    for (here, file) in &mods {
        let src = std::fs::read_to_string(file).expect("read source");
        let code = code_only(&src);
        let children = declared_children(&code);
        let (mut paths, rest) = use_paths(&code);
        paths.extend(inline_paths(&rest));
        let mut deps: Vec<Vec<String>> = paths
            .iter()
            .filter_map(|p| absolute(p, here, &children))
            .filter_map(|abs| resolve(&abs, &mods).cloned())
            .filter(|target| target != here)
            .collect();
        deps.sort();
        deps.dedup();
        graph.insert(here.clone(), deps);
    }
    graph
}

/// A cycle of the graph, if there is one, as the files around it.
fn find_cycle(graph: &Graph) -> Option<Vec<Vec<String>>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &Vec<String>,
        graph: &Graph,
        marks: &mut BTreeMap<Vec<String>, Mark>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(next, graph, marks, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New
            && let Some(c) = visit(node, graph, &mut marks, &mut Vec::new())
        {
            return Some(c);
        }
    }
    None
}

fn file_name(module: &[String]) -> String {
    module.join("/")
}

fn app_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app")
}

#[test]
fn no_file_of_the_window_imports_itself_in_a_circle() {
    let graph = graph(&app_root());
    let edges: usize = graph.values().map(Vec::len).sum();
    assert!(
        graph.len() > 30 && edges > 100,
        "{} files, {edges} edges: is the reader broken?",
        graph.len()
    );
    if let Some(cycle) = find_cycle(&graph) {
        let names: Vec<String> = cycle.iter().map(|m| file_name(m)).collect();
        panic!("import cycle in src/app: {}", names.join(" → "));
    }
}

#[test]
fn the_reader_sees_use_trees_inline_paths_and_child_modules() {
    let code = code_only(
        r#"
        mod child;
        use super::{a::{self, B}, c};
        use crate::app::d::E as F;
        use crate::Sheet;
        // use super::commented;
        fn f() { let _ = "super::in_a_string"; child::g(); self::h::i(); x.super_y(); }
        #[cfg(test)]
        mod tests { use super::*; use crate::app::tested; }
        "#,
    );
    let (mut paths, rest) = use_paths(&code);
    paths.extend(inline_paths(&rest));
    let here: Vec<String> = ["app", "grid", "draw"].map(String::from).to_vec();
    let children = declared_children(&code);
    let mut abs: Vec<String> = paths
        .iter()
        .filter_map(|p| absolute(p, &here, &children))
        .map(|p| p.join("::"))
        .collect();
    abs.sort();
    assert_eq!(
        abs,
        [
            "app::d::E",
            "app::grid::a",
            "app::grid::a::B",
            "app::grid::c",
            "app::grid::draw::child::g",
            "app::grid::draw::h::i",
        ]
    );
}

#[test]
fn a_cycle_is_found_and_named() {
    let m = |s: &str| s.split('/').map(String::from).collect::<Vec<_>>();
    let mut graph = Graph::new();
    graph.insert(m("app/a"), vec![m("app/b")]);
    graph.insert(m("app/b"), vec![m("app/c")]);
    graph.insert(m("app/c"), vec![m("app/a")]);
    graph.insert(m("app/d"), vec![m("app/a")]);
    let cycle = find_cycle(&graph).expect("a cycle");
    let names: Vec<String> = cycle.iter().map(|n| file_name(n)).collect();
    assert_eq!(names, ["app/a", "app/b", "app/c", "app/a"]);
    graph.insert(m("app/c"), vec![]);
    assert_eq!(find_cycle(&graph), None);
}

/// The tests' reach into the window is not in a release: the hooks' module is compiled
/// only for tests or with the `test-hooks` feature, and the everyday API has none of them.
#[test]
fn test_hooks_are_behind_the_test_feature() {
    let app = format!("{}/src/app", env!("CARGO_MANIFEST_DIR"));
    let mod_rs = std::fs::read_to_string(format!("{app}/mod.rs")).expect("app/mod.rs");
    assert!(
        mod_rs.contains("#[cfg(any(test, feature = \"test-hooks\"))]\nmod test_hooks;"),
        "app/mod.rs must gate test_hooks"
    );
    let api = std::fs::read_to_string(format!("{app}/api.rs")).expect("app/api.rs");
    for hook in [
        "fn sheet_mut",
        "fn last_command",
        "fn with_file_picker",
        "fn hold_sorts",
    ] {
        assert!(!api.contains(hook), "{hook} is in the everyday API");
    }
}
