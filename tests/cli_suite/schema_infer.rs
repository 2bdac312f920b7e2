//! `bulksheet schema infer FILE [-o OUT.toml] [--sheet NAME] [--max-rows N]`: the template
//! to standard output and the reasons to standard error, or the template to `-o` and the
//! reasons to standard output; exit 2 for a file that cannot be read or has no rows; and
//! the template checks the file it came from clean and a mistaken copy with findings.

use crate::common::*;
use std::path::Path;

/// Another console's bulk CSV: an ID, an address, a plan code, a PIN with leading zeros,
/// notes (mostly blank).
const MEMBERS: &str = include_str!("../data/other_consoles/members.csv");

fn members_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("members.csv"), MEMBERS).unwrap();
    dir
}

#[test]
fn without_o_the_template_goes_to_stdout_and_the_reasons_to_stderr() {
    let dir = members_dir();
    let r = run(dir.path(), &["schema", "infer", "members.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let schema = bulksheet::Schema::from_toml(&r.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(schema.name, "members");
    assert_eq!(schema.key.as_deref(), Some("Member No"));
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1 + 5, "{}", r.stderr);
    assert!(lines[1].starts_with("Member No: text"), "{}", lines[1]);
    assert!(
        lines[3].starts_with("Plan: codes gold, silver"),
        "{}",
        lines[3]
    );
    assert!(lines[4].starts_with("PIN: 4 digits"), "{}", lines[4]);
    assert!(lines[5].contains("optional"), "{}", lines[5]);
}

#[test]
fn with_o_the_template_replaces_the_file_and_the_reasons_go_to_stdout() {
    let dir = members_dir();
    let out = dir.path().join("members.toml");
    std::fs::write(&out, "old contents").unwrap();
    let r = run(
        dir.path(),
        &[
            "schema",
            "infer",
            "members.csv",
            "-o",
            "members.toml",
            "--max-rows",
            "200",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    assert!(r.stdout.starts_with("file: 4 rows"), "{}", r.stdout);
    assert!(
        r.stdout.contains("at most 200 rows an upload"),
        "{}",
        r.stdout
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        bulksheet::Schema::from_toml(&text).unwrap().max_rows,
        Some(200)
    );
}

#[test]
fn the_template_checks_its_file_clean_and_finds_the_mistakes_of_a_copy() {
    let dir = members_dir();
    let r = run(
        dir.path(),
        &["schema", "infer", "members.csv", "-o", "m.toml"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let clean = run(dir.path(), &["check", "members.csv", "--schema", "m.toml"]);
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    assert!(
        clean.stdout.contains("0 errors, 0 warnings"),
        "{}",
        clean.stdout
    );
    let mistaken = MEMBERS
        .replace("ben@example.com", "ben@example")
        .replace("silver,1209", "bronze,1209")
        .replace("7730", "773")
        .replace("dan@example.com", "ANN@example.com");
    std::fs::write(dir.path().join("mistaken.csv"), mistaken).unwrap();
    let bad = run(
        dir.path(),
        &[
            "check",
            "mistaken.csv",
            "--schema",
            "m.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(bad.code, 1, "{}", bad.stdout);
    let v = json(&bad);
    let mut found: Vec<(u64, String, String)> = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let at = |k: &str| i[k].as_str().unwrap_or_default().to_string();
            (i["row"].as_u64().unwrap(), at("column"), at("code"))
        })
        .collect();
    found.sort();
    let expected = [
        (1, "Mail", "duplicate"),
        (2, "Mail", "email"),
        (3, "PIN", "digits"),
        (4, "Mail", "duplicate"),
        (4, "Plan", "enum"),
    ]
    .map(|(r, c, k)| (r, c.to_string(), k.to_string()));
    assert_eq!(found, expected);
}

#[test]
fn a_workbook_sheet_is_read_with_sheet() {
    let dir = tempfile::tempdir().unwrap();
    write_miitel_workbook(dir.path(), "users.xlsx");
    let r = run(
        dir.path(),
        &[
            "schema",
            "infer",
            "users.xlsx",
            "--sheet",
            "Users",
            "-o",
            "u.toml",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("any encoding it takes"), "{}", r.stdout);
    let check = run(
        dir.path(),
        &[
            "check",
            "users.xlsx",
            "--sheet",
            "Users",
            "--schema",
            "u.toml",
        ],
    );
    assert_eq!(check.code, 0, "{}", check.stdout);
    // The other sheet's one Login ID is no address: it is text there.
    let second = run(
        dir.path(),
        &["schema", "infer", "users.xlsx", "--sheet", "Second"],
    );
    assert!(
        second.stderr.contains("Login ID: text"),
        "{}",
        second.stderr
    );
}

#[test]
fn a_file_that_cannot_be_read_or_has_no_rows_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("header.csv"), "A,B\n").unwrap();
    let r = run(dir.path(), &["schema", "infer", "header.csv"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("no rows with a value"), "{}", r.stderr);
    let missing = run(
        dir.path(),
        &["schema", "infer", "missing.csv", "-o", "x.toml"],
    );
    assert_eq!(missing.code, 2);
    assert!(!dir.path().join("x.toml").exists());
    let ja = run(
        dir.path(),
        &["schema", "infer", "header.csv", "--lang", "ja"],
    );
    assert!(ja.stderr.contains("値のある行がない"), "{}", ja.stderr);
}

#[test]
fn help_says_o_replaces_an_existing_file() {
    let r = run(Path::new("."), &["schema", "infer", "--help"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("replacing it if it exists"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("--max-rows"), "{}", r.stdout);
}
