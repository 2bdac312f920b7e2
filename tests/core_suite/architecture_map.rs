//! ARCHITECTURE.md is how a newcomer finds a rule, so it must stay true: every issue code
//! the program can emit has a row in its rule table, every row names a real code, and every
//! file and function a row names exists.

use bulksheet::Code;
use std::path::{Path, PathBuf};

/// Every code. The match has no wildcard, so a new `Code` variant does not compile until it
/// is added here, and then this test asks for its row in the map.
fn all_codes() -> Vec<Code> {
    use Code::*;
    let codes = vec![
        Required,
        Email,
        TooLong,
        Digits,
        Enum,
        Duplicate,
        HeaderMissing,
        HeaderDuplicate,
        HeaderUnknown,
        TooManyRows,
        FieldCount,
        Whitespace,
        BlankRow,
        Formula,
        Encoding,
        Unencodable,
        Quote,
        Empty,
        Bom,
        Separator,
        Roster,
        NoChange,
        EmptyTrailingColumn,
        ColumnOrder,
        FormulaNoValue,
        OutsideTable,
    ];
    for c in &codes {
        match c {
            Required | Email | TooLong | Digits | Enum | Duplicate | HeaderMissing
            | HeaderDuplicate | HeaderUnknown | TooManyRows | FieldCount | Whitespace
            | BlankRow | Formula | Encoding | Unencodable | Quote | Empty | Bom | Separator
            | Roster | NoChange | EmptyTrailingColumn | ColumnOrder | FormulaNoValue
            | OutsideTable => {}
        }
    }
    codes
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The rows of the rule table: `| `code` | severity | decided in | meaning |`.
fn rule_rows(map: &str) -> Vec<(String, String, String)> {
    map.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (
                cells[1].trim_matches('`').to_string(),
                cells[2].to_string(),
                cells[3].to_string(),
            )
        })
        .collect()
}

/// The words in backticks of a cell, in order.
fn quoted(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

fn defines(source: &str, name: &str) -> bool {
    ["fn ", "struct ", "enum ", "trait ", "type "]
        .iter()
        .any(|kw| {
            source.match_indices(&format!("{kw}{name}")).any(|(i, m)| {
                let next = source[i + m.len()..].chars().next();
                !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
        })
}

#[test]
fn every_issue_code_has_a_row_that_names_real_files_and_functions() {
    let map = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let rows = rule_rows(&map);
    let names: Vec<&str> = all_codes().iter().map(|c| c.as_str()).collect();
    for code in &names {
        assert!(
            rows.iter().any(|(c, _, _)| c == code),
            "ARCHITECTURE.md has no row for the code `{code}`"
        );
    }
    for (code, severity, decided_in) in &rows {
        let real = all_codes().into_iter().find(|c| c.as_str() == code);
        let real = real.unwrap_or_else(|| panic!("ARCHITECTURE.md names `{code}`, no code"));
        assert_eq!(severity, real.severity().as_str(), "severity of `{code}`");
        let mut file: Option<PathBuf> = None;
        for word in quoted(decided_in) {
            if word.ends_with(".rs") {
                let path = if word.contains('/') {
                    root().join(word)
                } else {
                    let dir = file.as_deref().and_then(Path::parent).unwrap();
                    dir.join(word)
                };
                assert!(path.is_file(), "`{code}`: no file {}", path.display());
                file = Some(path);
            } else {
                let path = file
                    .as_ref()
                    .unwrap_or_else(|| panic!("`{code}`: {word} before a file"));
                let source = std::fs::read_to_string(path).unwrap();
                assert!(
                    defines(&source, word),
                    "`{code}`: {} defines no `{word}`",
                    path.display()
                );
            }
        }
        assert!(file.is_some(), "`{code}` names no file");
    }
}

#[test]
fn every_source_path_the_map_names_exists() {
    let map = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    for word in quoted(&map) {
        let word = word.trim_end_matches('/');
        if word.starts_with("src/") || word.starts_with("tests/") || word.starts_with("assets/") {
            let pattern_free = word.split('*').next().unwrap().trim_end_matches('/');
            assert!(
                root().join(pattern_free).exists(),
                "ARCHITECTURE.md names {word}, which does not exist"
            );
        }
    }
}

/// The duplicate finding is made in one place (`attach_duplicate`), as the map says: a
/// second place marking duplicates its own way is how their counts drifted apart.
#[test]
fn the_duplicate_finding_is_made_in_one_place() {
    let dir = root().join("src/validate");
    let mut makers = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("src/validate") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let n = text.matches("Finding::new(Code::Duplicate").count();
        if n > 0 {
            makers.push((path.file_name().unwrap_or_default().to_owned(), n));
        }
    }
    assert_eq!(makers, vec![("bookkeeping.rs".into(), 1)], "{makers:?}");
}
