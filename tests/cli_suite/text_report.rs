//! The compiler-style text report: one line per issue with the line in the file (a cell
//! spread over lines counts them all), header and file issues placed, and a summary.

use crate::common::*;

#[test]
fn text_lines_use_the_file_line_number_and_end_with_a_summary() {
    // Row 1's name spans two lines of the file, so row 2 starts on line 4.
    let text = csv(&[
        with(plain_row(1), "User name", "Taro\nYamada"),
        with(plain_row(2), "Login ID", "taro＠example.com"),
    ]);
    let dir = folder(text.as_bytes());
    let o = run_bulksheet(dir.path(), &["check", "users.csv"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("users.csv:4: Login ID: error: Login ID has a full-width ＠"),
        "{out}"
    );
    assert_eq!(
        lines[1],
        "users.csv: 1 error, 0 warnings in 2 rows (miitel-update-users, utf-8, CRLF)"
    );
}

#[test]
fn text_places_header_and_file_issues() {
    let keep: Vec<usize> = (0..HEADERS.len()).filter(|&c| c != col("Locale")).collect();
    let header: Vec<&str> = keep.iter().map(|&c| HEADERS[c]).collect();
    let rows: Vec<Vec<String>> = valid_rows(101)
        .into_iter()
        .map(|r| keep.iter().map(|&c| r[c].clone()).collect())
        .collect();
    let dir = folder(csv_with(&header, &rows, "\n").as_bytes());
    let o = run_bulksheet(dir.path(), &["check", "users.csv"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines.contains(&"users.csv:1: Locale: error: Column 'Locale' is missing from the header; add it (the template needs every column)"),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("users.csv: error: The file has 101 users")),
        "{out}"
    );
    assert_eq!(
        lines[2],
        "users.csv: 2 errors, 0 warnings in 101 rows (miitel-update-users, utf-8, LF)"
    );
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
