//! Workbooks on the command line: `check`, `export` and `fix` read the first sheet or
//! `--sheet NAME`, report the workbook's kind as the JSON `encoding`, and write CSV.

use crate::common::*;

fn workbook_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_miitel_workbook(dir.path(), "users.xlsx");
    dir
}

#[test]
fn check_reads_the_first_sheet_and_names_the_kind_in_json() {
    let dir = workbook_dir();
    let r = run(dir.path(), &["check", "users.xlsx", "--format", "json"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let v = json(&r);
    assert_eq!(v["encoding"], "xlsx");
    assert_eq!(v["rows"], 3);
    assert_eq!(v["errors"], 0);
    let text = run(dir.path(), &["check", "users.xlsx"]);
    assert_eq!(text.code, 0);
    assert!(
        text.stdout
            .contains("(miitel-update-users, xlsx, sheet \"Users\")"),
        "{}",
        text.stdout
    );
}

#[test]
fn check_reads_another_sheet_by_name_with_its_row_numbers() {
    let dir = workbook_dir();
    let r = run(dir.path(), &["check", "users.xlsx", "--sheet", "Second"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    // Row 2 of the sheet: the line number is the sheet's row number.
    assert!(
        r.stdout.contains("users.xlsx:2: Login ID: error:"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_missing_sheet_exits_2_and_lists_the_sheets() {
    let dir = workbook_dir();
    for cmd in [
        vec!["check", "users.xlsx", "--sheet", "Nope"],
        vec!["export", "users.xlsx", "-o", "out.csv", "--sheet", "Nope"],
        vec!["fix", "users.xlsx", "-o", "out.csv", "--sheet", "Nope"],
    ] {
        let r = run(dir.path(), &cmd);
        assert_eq!(r.code, 2, "{cmd:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("no sheet named \"Nope\"")
                && r.stderr.contains("Users, Second, Empty, Cells"),
            "{cmd:?}: {}",
            r.stderr
        );
        assert!(!dir.path().join("out.csv").exists());
    }
}

#[test]
fn an_empty_sheet_says_so() {
    let dir = workbook_dir();
    let r = run(dir.path(), &["check", "users.xlsx", "--sheet", "Empty"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("Sheet \"Empty\" is empty"),
        "{}",
        r.stdout
    );
}

#[test]
fn export_writes_the_sheet_as_utf8_csv() {
    let dir = workbook_dir();
    let r = run(dir.path(), &["export", "users.xlsx", "-o", "out.csv"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("(3 rows, utf-8)"), "{}", r.stdout);
    let written = std::fs::read(dir.path().join("out.csv")).unwrap();
    assert_eq!(
        String::from_utf8(written).unwrap(),
        csv_of(&header(), &workbook_users())
    );
    // The workbook is left as it was.
    assert_eq!(
        std::fs::read(dir.path().join("users.xlsx")).unwrap(),
        miitel_workbook()
    );
}

#[test]
fn export_writes_another_encoding_when_asked() {
    let dir = workbook_dir();
    let r = run(
        dir.path(),
        &[
            "export",
            "users.xlsx",
            "-o",
            "out.csv",
            "--encoding",
            "shift_jis",
        ],
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let written = std::fs::read(dir.path().join("out.csv")).unwrap();
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&written);
    assert!(!bad);
    assert_eq!(text, csv_of(&header(), &workbook_users()));
}

#[test]
fn fix_reads_a_sheet_and_writes_csv() {
    let dir = workbook_dir();
    let r = run(
        dir.path(),
        &["fix", "users.xlsx", "-o", "fixed.csv", "--sheet", "Users"],
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let written = std::fs::read_to_string(dir.path().join("fixed.csv")).unwrap();
    assert_eq!(written, csv_of(&header(), &workbook_users()));
}

#[test]
fn sheet_is_refused_for_a_csv() {
    let dir = folder(valid_csv(1).as_bytes());
    let r = run(dir.path(), &["check", "users.csv", "--sheet", "Users"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a workbook"), "{}", r.stderr);
}
