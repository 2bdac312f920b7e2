//! One numbering per output: the text report places each issue by its file line, so a
//! message naming another row names its file line too; JSON keeps data rows.

use crate::common::*;

/// Row 1's name spans two lines and a blank line (not a row) follows it, so data rows
/// and file lines differ by more than the header: data row 2 starts on line 5, data row
/// 3 on line 6. Rows 2 and 3 share a Login ID.
fn duplicate_after_a_tall_row() -> String {
    let mut text = csv(&[with(plain_row(1), "User name", "Taro\nYamada")]);
    text.push_str("\r\n");
    let dup = "same@example.com";
    for r in [
        with(plain_row(2), "Login ID", dup),
        with(plain_row(3), "Login ID", dup),
    ] {
        text.push_str(&line(&r));
        text.push_str("\r\n");
    }
    text
}

fn duplicate_lines(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| l.contains("same@example.com"))
        .collect()
}

#[test]
fn text_names_the_other_row_of_a_duplicate_by_its_file_line() {
    let dir = folder(duplicate_after_a_tall_row().as_bytes());
    let r = run(dir.path(), &["check", "users.csv"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert_eq!(
        duplicate_lines(&r.stdout),
        [
            "users.csv:5: Login ID: error: Login ID same@example.com is also used in line 6; each must be unique",
            "users.csv:6: Login ID: error: Login ID same@example.com is also used in line 5; each must be unique",
        ],
        "{}",
        r.stdout
    );
}

#[test]
fn japanese_text_names_the_file_line() {
    let dir = folder(duplicate_after_a_tall_row().as_bytes());
    let r = run(dir.path(), &["check", "--lang", "ja", "users.csv"]);
    let lines = duplicate_lines(&r.stdout);
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(lines[0].starts_with("users.csv:5: "), "{}", lines[0]);
    assert!(
        lines[0].contains("ファイルの6行目でも使われています"),
        "{}",
        lines[0]
    );
}

#[test]
fn json_keeps_data_rows_in_row_and_message() {
    let dir = folder(duplicate_after_a_tall_row().as_bytes());
    let r = run(dir.path(), &["check", "--format", "json", "users.csv"]);
    let v = json(&r);
    let dups: Vec<(u64, &str)> = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["code"] == "duplicate")
        .map(|i| (i["row"].as_u64().unwrap(), i["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        dups,
        [
            (
                2,
                "Login ID same@example.com is also used in row 3; each must be unique"
            ),
            (
                3,
                "Login ID same@example.com is also used in row 2; each must be unique"
            ),
        ]
    );
}

#[test]
fn export_refusal_names_file_lines_too() {
    let dir = folder(duplicate_after_a_tall_row().as_bytes());
    let r = run(dir.path(), &["export", "users.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "users.csv:5: Login ID: error: Login ID same@example.com is also used in line 6;"
        ),
        "{}",
        r.stderr
    );
}
