//! Only what changes: `export --changed-from BEFORE` and `export --roster R --only-changed`
//! write the rows that differ from the other file's row with the same Login ID, and rows
//! it lacks; they say how many were left out. Also `check --format csv`, the issue list as
//! a file.

use crate::common::*;
use std::path::Path;

/// The column after the five fixed ones, and a second valid code for it.
fn sixth() -> (String, String) {
    let c = &miitel().columns[5];
    (c.name.clone(), c.kind.options()[1].code.clone())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// BEFORE: users 0–4 with only the five first columns, in Shift_JIS, user 1 with a
/// Japanese name. IN (UTF-8, every column): user 0 as before; user 1 as before; user 2
/// renamed; user 3 changed only in a column BEFORE lacks; user 4 with its Login ID in
/// capitals; user 5 new.
fn before_and_after() -> (tempfile::TempDir, Vec<Vec<String>>) {
    let mut rows: Vec<Vec<String>> = (0..5).map(schema_row).collect();
    rows[1][1] = "山田 太郎".into();
    let five: Vec<Vec<String>> = rows.iter().map(|r| r[..5].to_vec()).collect();
    let before = csv_of(&header()[..5], &five);
    let (sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(&before);
    assert!(!bad);
    let mut after = rows.clone();
    after[2][1] = "Renamed".into();
    after[3][5] = sixth().1;
    after[4][0] = after[4][0].to_uppercase();
    after.push(schema_row(5));
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "before.csv", &sjis);
    write(
        dir.path(),
        "users.csv",
        csv_of(&header(), &after).as_bytes(),
    );
    (dir, after)
}

#[test]
fn changed_from_writes_changed_and_new_rows_and_counts_the_rest() {
    let (dir, after) = before_and_after();
    let p = dir.path();
    let args = [
        "export",
        "users.csv",
        "-o",
        "out.csv",
        "--changed-from",
        "before.csv",
    ];
    let r = run(p, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("left out 4 unchanged rows (the same in before.csv)\n"),
        "{}",
        r.stdout
    );
    let want = csv_of(&header(), &[after[2].clone(), after[5].clone()]);
    assert_eq!(std::fs::read_to_string(p.join("out.csv")).unwrap(), want);
    // Without the option every row is written.
    let r = run(p, &["export", "users.csv", "-o", "all.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("left out"), "{}", r.stdout);
}

#[test]
fn changed_from_speaks_japanese() {
    let (dir, _) = before_and_after();
    let args = [
        "export",
        "users.csv",
        "-o",
        "out.csv",
        "--changed-from",
        "before.csv",
        "--lang",
        "ja",
    ];
    let r = run(dir.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("変更のない 4 行を除きました（before.csv と同じ）"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_before_file_without_the_key_column_exits_2_and_writes_nothing() {
    let (dir, _) = before_and_after();
    let p = dir.path();
    write(p, "before.csv", b"User name\r\nUser 0\r\n");
    for (lang, want) in [
        (
            "en",
            "before.csv: the header has no 'Login ID' column to match rows by",
        ),
        (
            "ja",
            "before.csv: ヘッダーに、行を照合する列「Login ID」がありません",
        ),
    ] {
        let args = [
            "export",
            "users.csv",
            "-o",
            "out.csv",
            "--changed-from",
            "before.csv",
            "--lang",
            lang,
        ];
        let r = run(p, &args);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains(want), "{}", r.stderr);
        assert!(!p.join("out.csv").exists());
    }
}

#[test]
fn nothing_changed_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(p, "users.csv", valid_csv(3).as_bytes());
    write(p, "before.csv", valid_csv(3).as_bytes());
    let args = [
        "export",
        "users.csv",
        "-o",
        "out.csv",
        "--changed-from",
        "before.csv",
    ];
    let r = run(p, &args);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("left out 3 unchanged rows"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("nothing written"), "{}", r.stderr);
    assert!(!p.join("out.csv").exists());
}

/// The console's user list: every template column and one of its own, users 0–3 as the
/// file has them except user 1's name.
fn roster_dir() -> tempfile::TempDir {
    let rows: Vec<Vec<String>> = (0..4).map(schema_row).collect();
    let mut console = rows.clone();
    console[1][1] = "Old name".into();
    let mut head = header();
    head.push("Last login".into());
    for r in &mut console {
        r.push("2026-11-30".into());
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "users.csv", csv_of(&header(), &rows).as_bytes());
    write(dir.path(), "roster.csv", csv_of(&head, &console).as_bytes());
    dir
}

#[test]
fn a_roster_marks_rows_with_no_change_and_only_changed_leaves_them_out() {
    let dir = roster_dir();
    let p = dir.path();
    let r = run(
        p,
        &[
            "check",
            "users.csv",
            "--roster",
            "roster.csv",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 0, "warnings only: {}", r.stdout);
    let report = json(&r);
    let rows: Vec<u64> = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["code"] == "no_change")
        .inspect(|i| {
            assert_eq!(i["severity"], "warning");
            assert!(i["column"].is_null());
        })
        .map(|i| i["row"].as_u64().unwrap())
        .collect();
    assert_eq!(rows, [1, 3, 4]);
    let args = [
        "export",
        "users.csv",
        "-o",
        "out.csv",
        "--roster",
        "roster.csv",
        "--only-changed",
    ];
    let r = run(p, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("left out 3 unchanged rows (the same in roster.csv)"),
        "{}",
        r.stdout
    );
    let want = csv_of(&header(), &[schema_row(1)]);
    assert_eq!(std::fs::read_to_string(p.join("out.csv")).unwrap(), want);
    // The flag needs a roster.
    let r = run(p, &["export", "users.csv", "-o", "x.csv", "--only-changed"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!p.join("x.csv").exists());
}

/// One `check --format csv` record per JSON issue, the same fields.
fn assert_csv_matches_json(dir: &Path, lang: &str, head: [&str; 5], severities: [&str; 2]) {
    let args = ["check", "users.csv", "--lang", lang];
    let csv_run = run_bulksheet(dir, &[&args[..], &["--format", "csv"]].concat());
    let json_run = run(dir, &[&args[..], &["--format", "json"]].concat());
    assert_eq!(code(&csv_run), json_run.code);
    let bytes = csv_run.stdout;
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .expect("UTF-8 with a BOM, for Excel");
    assert!(body.ends_with(b"\r\n"), "CRLF line ends");
    let mut reader = csv::Reader::from_reader(body);
    assert_eq!(reader.headers().unwrap(), head.as_slice());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let issues = json(&json_run)["issues"].as_array().unwrap().clone();
    assert!(issues.len() >= 3, "the fixture has problems");
    assert_eq!(records.len(), issues.len());
    for (rec, issue) in records.iter().zip(&issues) {
        let severity = match issue["severity"].as_str().unwrap() {
            "error" => severities[0],
            _ => severities[1],
        };
        let want = [
            issue["row"].to_string(),
            issue["column"].as_str().unwrap_or("").to_string(),
            severity.to_string(),
            issue["code"].as_str().unwrap().to_string(),
            issue["message"].as_str().unwrap().to_string(),
        ];
        assert_eq!(rec.iter().collect::<Vec<_>>(), want, "{issue}");
    }
}

#[test]
fn check_format_csv_is_the_json_issue_list_in_both_languages() {
    let dir = folder(some_problems().as_bytes());
    assert_csv_matches_json(
        dir.path(),
        "en",
        ["row", "column", "severity", "code", "message"],
        ["error", "warning"],
    );
    assert_csv_matches_json(
        dir.path(),
        "ja",
        ["行", "列", "重要度", "コード", "メッセージ"],
        ["エラー", "警告"],
    );
}
