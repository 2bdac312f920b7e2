//! The command line's contract, run as a separate process: exit codes, the JSON shape and
//! key order, the compiler-style text lines with file line numbers, and what export and fix
//! write.

use crate::core_support::*;
use std::path::{Path, PathBuf};

const CORE: &str = "tests/data/core";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary in `dir` with English messages and no colour.
fn run(dir: &Path, args: &[&str]) -> Run {
    let out = crate::common::run_bulksheet(dir, args);
    Run {
        code: out.status.code().expect("exited, not killed"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A temp dir holding the named fixtures.
fn dir_with(fixtures: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in fixtures {
        std::fs::copy(Path::new(CORE).join(f), dir.path().join(f)).unwrap();
    }
    dir
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn json(r: &Run) -> serde_json::Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

#[test]
fn exit_codes() {
    let d = dir_with(&["valid_lf.csv", "warning_only.csv", "multiline_cell.csv"]);
    let p = d.path();
    assert_eq!(run(p, &["check", "valid_lf.csv"]).code, 0);
    assert_eq!(run(p, &["check", "warning_only.csv"]).code, 0);
    assert_eq!(run(p, &["check", "multiline_cell.csv"]).code, 1);
    let missing = run(p, &["check", "nope.csv"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.csv"), "{}", missing.stderr);
    std::fs::create_dir(p.join("folder")).unwrap();
    let folder = run(p, &["check", "folder"]);
    assert_eq!(folder.code, 2);
    assert!(folder.stderr.contains("folder"), "{}", folder.stderr);
    let schema = run(p, &["check", "valid_lf.csv", "--schema", "no-such-schema"]);
    assert_eq!(schema.code, 2);
    assert!(
        schema.stderr.contains("no-such-schema"),
        "{}",
        schema.stderr
    );
    let sub = run(
        p,
        &["check", "valid_lf.csv", "--subscriptions", "meetings,phone"],
    );
    assert_eq!(sub.code, 2);
    assert!(sub.stderr.contains("'phone'"), "{}", sub.stderr);
    for bad in [
        &["check", "valid_lf.csv", "--format", "xml"][..],
        &["check", "valid_lf.csv", "--no-such-flag"],
        &["check", "valid_lf.csv", "--encoding", "latin-1"],
        &["check"],
        &["export", "valid_lf.csv"],
        &["export", "valid_lf.csv", "-o", "x.csv", "--split", "0"],
    ] {
        assert_eq!(run(p, bad).code, 2, "{bad:?}");
    }
    // Nothing was written by any of these.
    assert!(!p.join("x.csv").exists());
}

#[test]
fn help_lists_the_subcommands() {
    let d = tempfile::tempdir().unwrap();
    let r = run(d.path(), &["--help"]);
    assert_eq!(r.code, 0);
    for word in ["check", "export", "fix"] {
        assert!(
            r.stdout.lines().any(|l| l.trim_start().starts_with(word)),
            "{word} missing from:\n{}",
            r.stdout
        );
    }
    assert_eq!(run(d.path(), &["check", "--help"]).code, 0);
}

/// The keys of every JSON object in the text, in the order written, with the object's
/// nesting depth (1 = top level). serde_json's Value sorts keys, so order is read here.
fn key_orders(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut done = Vec::new();
    let mut open: Vec<Option<Vec<String>>> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '"' => {
                let mut s = String::new();
                i += 1;
                while chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    s.push(chars[i]);
                    i += 1;
                }
                let mut j = i + 1;
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                if j < chars.len()
                    && chars[j] == ':'
                    && let Some(Some(keys)) = open.last_mut()
                {
                    keys.push(s);
                }
            }
            '{' => open.push(Some(Vec::new())),
            '[' => open.push(None),
            '}' => {
                let depth = open.len();
                if let Some(Some(keys)) = open.pop() {
                    done.push((depth, keys));
                }
            }
            ']' => {
                open.pop();
            }
            _ => {}
        }
        i += 1;
    }
    done
}

const TOP: [&str; 7] = [
    "file", "encoding", "schema", "rows", "errors", "warnings", "issues",
];
const ISSUE: [&str; 5] = ["row", "column", "severity", "code", "message"];

fn assert_shape(r: &Run) {
    let orders = key_orders(&r.stdout);
    let top: Vec<&Vec<String>> = orders
        .iter()
        .filter(|(d, _)| *d == 1)
        .map(|(_, k)| k)
        .collect();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0], &TOP.map(String::from).to_vec());
    for (depth, keys) in orders.iter().filter(|(d, _)| *d != 1) {
        assert_eq!(*depth, 3, "issues are objects inside the issues array");
        assert_eq!(keys, &ISSUE.map(String::from).to_vec());
    }
    let v = json(r);
    let issues = v["issues"].as_array().unwrap();
    assert_eq!(orders.len(), 1 + issues.len(), "one key list per object");
    let count = |s: &str| issues.iter().filter(|i| i["severity"] == s).count() as u64;
    assert_eq!(v["errors"].as_u64(), Some(count("error")));
    assert_eq!(v["warnings"].as_u64(), Some(count("warning")));
    for i in issues {
        assert!(i["row"].is_u64());
        assert!(i["column"].is_string() || i["column"].is_null());
        assert!(["error", "warning"].contains(&i["severity"].as_str().unwrap()));
        let code = i["code"].as_str().unwrap();
        assert!(
            code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{code}"
        );
        assert!(!i["message"].as_str().unwrap().is_empty());
    }
}

#[test]
fn json_has_the_exact_shape_and_values() {
    let d = dir_with(&["multiline_cell.csv"]);
    let r = run(
        d.path(),
        &["check", "multiline_cell.csv", "--format", "json"],
    );
    assert_eq!(r.code, 1);
    assert_shape(&r);
    let v = json(&r);
    assert_eq!(v["file"], "multiline_cell.csv");
    assert_eq!(v["encoding"], "utf-8");
    assert_eq!(v["schema"], "miitel-update-users");
    assert_eq!(v["rows"], 3);
    assert_eq!(v["errors"], 2);
    assert_eq!(v["warnings"], 0);
    let issues = v["issues"].as_array().unwrap();
    let short: Vec<(u64, &str, &str, &str)> = issues
        .iter()
        .map(|i| {
            (
                i["row"].as_u64().unwrap(),
                i["column"].as_str().unwrap(),
                i["severity"].as_str().unwrap(),
                i["code"].as_str().unwrap(),
            )
        })
        .collect();
    // Rows count data rows from 1, whatever the line a quoted cell spreads over.
    assert_eq!(
        short,
        [
            (2, "Login ID", "error", "email"),
            (3, "Extension number", "error", "digits")
        ]
    );
    assert_eq!(
        issues[1]["message"],
        "Extension number must be 3–6 half-width digits; got 12 (2 digits; if a spreadsheet dropped a leading zero, type it back)"
    );
}

#[test]
fn json_row_and_column_for_file_header_and_row_issues() {
    let d = dir_with(&["ragged.csv"]);
    write(d.path(), "big.csv", valid_csv(101));
    let mut h = header();
    h.remove(NAME);
    write(d.path(), "no_name.csv", line(&h) + "\r\n");
    let cases = [
        ("ragged.csv", 2, None, "field_count"),
        ("big.csv", 0, None, "too_many_rows"),
        ("no_name.csv", 0, Some("User name"), "header_missing"),
    ];
    for (file, row, column, code) in cases {
        let r = run(d.path(), &["check", file, "--format", "json"]);
        assert_eq!(r.code, 1, "{file}");
        assert_shape(&r);
        let v = json(&r);
        let issues = v["issues"].as_array().unwrap();
        assert_eq!(issues.len(), 1, "{file}: {issues:?}");
        assert_eq!(issues[0]["row"], row, "{file}");
        assert_eq!(issues[0]["column"].as_str(), column, "{file}");
        assert!(column.is_some() || issues[0]["column"].is_null());
        assert_eq!(issues[0]["code"], code, "{file}");
    }
}

#[test]
fn json_names_each_encoding() {
    let d = dir_with(&["valid_lf.csv", "valid_crlf_bom.csv", "valid_shift_jis.csv"]);
    for (file, enc) in [
        ("valid_lf.csv", "utf-8"),
        ("valid_crlf_bom.csv", "utf-8-bom"),
        ("valid_shift_jis.csv", "shift_jis"),
    ] {
        let r = run(d.path(), &["check", file, "--format", "json"]);
        assert_eq!(r.code, 0, "{file}");
        assert_shape(&r);
        let v = json(&r);
        assert_eq!(v["encoding"], enc, "{file}");
        assert_eq!(v["issues"].as_array().unwrap().len(), 0);
        assert_eq!(v["rows"], 3);
    }
}

#[test]
fn text_lines_give_the_line_in_the_file() {
    let d = dir_with(&["multiline_cell.csv", "ragged.csv"]);
    let r = run(d.path(), &["check", "multiline_cell.csv"]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    // Header is line 1; data row 1 spans lines 2-3, so row 2 is on line 4.
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    assert_eq!(
        lines[0],
        "multiline_cell.csv:4: Login ID: error: Login ID has a full-width ＠; use the half-width @ (got hanako＠example.com)"
    );
    assert!(
        lines[1].starts_with(
            "multiline_cell.csv:5: Extension number: error: Extension number must be 3–6"
        ),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("multiline_cell.csv: 2 errors, 0 warnings in 3 rows"),
        "{}",
        lines[2]
    );
    let r = run(d.path(), &["check", "ragged.csv"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(
        lines[0].starts_with("ragged.csv:3: error: Row has 23 fields"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("ragged.csv: 1 error, 0 warnings in 3 rows"),
        "{}",
        lines[1]
    );
}

#[test]
fn text_lines_for_header_and_file_issues() {
    let d = tempfile::tempdir().unwrap();
    let mut h = header();
    h.remove(NAME);
    write(d.path(), "no_name.csv", line(&h) + "\r\n");
    let r = run(d.path(), &["check", "no_name.csv"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(
        lines[0].starts_with("no_name.csv:1: User name: error: "),
        "{}",
        lines[0]
    );
    write(d.path(), "big.csv", valid_csv(101));
    let r = run(d.path(), &["check", "big.csv"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(
        lines[0].starts_with("big.csv: error: The file has 101 users"),
        "{}",
        lines[0]
    );
}

#[test]
fn encoding_flag_forces_how_the_file_is_read() {
    let d = dir_with(&["valid_shift_jis.csv"]);
    let auto = run(
        d.path(),
        &["check", "valid_shift_jis.csv", "--format", "json"],
    );
    assert_eq!(auto.code, 0);
    let forced = run(
        d.path(),
        &[
            "check",
            "valid_shift_jis.csv",
            "--format",
            "json",
            "--encoding",
            "shift_jis",
        ],
    );
    assert_eq!(forced.code, 0);
    assert_eq!(json(&forced)["encoding"], "shift_jis");
    // Read as UTF-8, the Japanese names are broken bytes, named by cell.
    let wrong = run(
        d.path(),
        &[
            "check",
            "valid_shift_jis.csv",
            "--format",
            "json",
            "--encoding",
            "utf-8",
        ],
    );
    assert_eq!(wrong.code, 1);
    let v = json(&wrong);
    assert_eq!(v["encoding"], "utf-8");
    let issues = v["issues"].as_array().unwrap();
    assert!(!issues.is_empty());
    assert!(
        issues
            .iter()
            .all(|i| i["code"] == "encoding" && i["column"] == "User name")
    );
    // An ASCII file forced to Shift_JIS is reported as Shift_JIS.
    write(d.path(), "ascii.csv", valid_csv(2));
    let r = run(
        d.path(),
        &[
            "check",
            "ascii.csv",
            "--format",
            "json",
            "--encoding",
            "shift_jis",
        ],
    );
    assert_eq!(json(&r)["encoding"], "shift_jis");
}

#[test]
fn subscriptions_flag_changes_the_result() {
    let d = dir_with(&["blank_call_center.csv"]);
    let mut rows: Vec<Vec<String>> = (0..3).map(valid_row).collect();
    rows[1][MEETINGS_ENABLE] = String::new();
    write(d.path(), "blank_meetings.csv", csv_of(&header(), &rows));
    assert_eq!(run(d.path(), &["check", "blank_meetings.csv"]).code, 0);
    let on = run(
        d.path(),
        &[
            "check",
            "blank_meetings.csv",
            "--subscriptions",
            "meetings",
            "--format",
            "json",
        ],
    );
    assert_eq!(on.code, 1);
    let v = json(&on);
    assert_eq!(v["errors"], 1);
    assert_eq!(v["issues"][0]["row"], 2);
    assert_eq!(v["issues"][0]["column"], "MiiTel Meetings Enable");
    assert_eq!(v["issues"][0]["code"], "required");
    // Another product does not make the column required.
    assert_eq!(
        run(
            d.path(),
            &[
                "check",
                "blank_meetings.csv",
                "--subscriptions",
                "call-center,webhook"
            ]
        )
        .code,
        0
    );
    assert_eq!(run(d.path(), &["check", "blank_call_center.csv"]).code, 0);
    assert_eq!(
        run(
            d.path(),
            &[
                "check",
                "blank_call_center.csv",
                "--subscriptions",
                "call-center"
            ]
        )
        .code,
        1
    );
}

#[test]
fn export_refuses_with_errors_and_writes_exact_bytes_otherwise() {
    let d = dir_with(&[
        "multiline_cell.csv",
        "valid_lf.csv",
        "valid_crlf_bom.csv",
        "valid_shift_jis.csv",
        "warning_only.csv",
    ]);
    let p = d.path();
    let r = run(p, &["export", "multiline_cell.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 1);
    assert!(!p.join("out.csv").exists());
    assert!(
        r.stderr.contains("multiline_cell.csv:4: Login ID: error"),
        "{}",
        r.stderr
    );
    for f in [
        "valid_lf.csv",
        "valid_crlf_bom.csv",
        "valid_shift_jis.csv",
        "warning_only.csv",
    ] {
        let out = format!("out-{f}");
        let r = run(p, &["export", f, "-o", &out]);
        assert_eq!(r.code, 0, "{f}: {}", r.stderr);
        assert_eq!(
            std::fs::read(p.join(&out)).unwrap(),
            std::fs::read(p.join(f)).unwrap(),
            "{f}"
        );
    }
    // Another encoding: the same text in Shift_JIS.
    let r = run(
        p,
        &[
            "export",
            "valid_lf.csv",
            "-o",
            "sjis.csv",
            "--encoding",
            "shift_jis",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let utf8 = std::fs::read_to_string(p.join("valid_lf.csv")).unwrap();
    let (want, _, _) = encoding_rs::SHIFT_JIS.encode(&utf8);
    assert_eq!(
        std::fs::read(p.join("sjis.csv")).unwrap(),
        want.into_owned()
    );
    // Blank rows at the end are dropped; nothing else changes.
    let clean = valid_csv(3);
    write(
        p,
        "trailing.csv",
        format!("{clean}{}\r\n{}\r\n", ",".repeat(23), ",".repeat(23)),
    );
    let r = run(p, &["export", "trailing.csv", "-o", "trimmed.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(p.join("trimmed.csv")).unwrap(),
        clean
    );
    // No temp files left behind.
    assert!(
        files_in(p).iter().all(|f| !f.ends_with(".tmp")),
        "{:?}",
        files_in(p)
    );
}

#[test]
fn export_split_writes_numbered_parts() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "users.csv", valid_csv(101));
    assert_eq!(run(d.path(), &["check", "users.csv"]).code, 1);
    let r = run(
        d.path(),
        &["export", "users.csv", "-o", "part.csv", "--split", "100"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        files_in(d.path()),
        ["part-1.csv", "part-2.csv", "users.csv"]
    );
    for (f, n) in [("part-1.csv", 100), ("part-2.csv", 1)] {
        let r = run(d.path(), &["check", f, "--format", "json"]);
        assert_eq!(r.code, 0, "{f}");
        assert_eq!(json(&r)["rows"], n, "{f}");
    }
    // A split larger than the limit does not settle it.
    let r = run(
        d.path(),
        &["export", "users.csv", "-o", "big.csv", "--split", "101"],
    );
    assert_eq!(r.code, 1);
    assert!(!d.path().join("big-1.csv").exists());
}

#[test]
fn fix_prints_each_change_and_writes_the_result() {
    let d = tempfile::tempdir().unwrap();
    let mut rows: Vec<Vec<String>> = (0..3).map(valid_row).collect();
    rows[0][LOCALE] = "English".into();
    rows[1][NAME] = " Hanako ".into();
    rows[2][EXT] = "１２３".into();
    write(d.path(), "in.csv", csv_of(&header(), &rows));
    let r = run(d.path(), &["fix", "in.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    for want in [
        "in.csv:2: Locale: fixed (label to code): \"English\" → \"1\"",
        "in.csv:3: User name: fixed (trim spaces): \" Hanako \" → \"Hanako\"",
        "in.csv:4: Extension number: fixed (full-width to half-width): \"１２３\" → \"123\"",
        "in.csv: 3 fixes applied",
    ] {
        assert!(
            r.stdout.lines().any(|l| l == want),
            "missing {want:?} in:\n{}",
            r.stdout
        );
    }
    rows[0][LOCALE] = "1".into();
    rows[1][NAME] = "Hanako".into();
    rows[2][EXT] = "123".into();
    assert_eq!(
        std::fs::read_to_string(d.path().join("out.csv")).unwrap(),
        csv_of(&header(), &rows)
    );
    assert_eq!(run(d.path(), &["check", "out.csv"]).code, 0);
}
