//! A spreadsheet's leftovers and column order on the command line: `check` reports them
//! with their codes, `export` leaves the empty columns and blank rows out (UTF-8 and
//! Shift_JIS), a nameless column with values stops it, `fix` puts the columns in the
//! template's order.

use crate::common::*;

/// The file's lines with `extra` empty fields added to each, and `blank` rows of nothing
/// but commas after them: what a spreadsheet writes when cells past the data were touched.
fn with_leftovers(text: &str, extra: usize, blank: usize) -> String {
    let mut out = String::new();
    let mut width = 0;
    for line in text.split_terminator("\r\n") {
        width = line.matches(',').count() + 1 + extra;
        out.push_str(line);
        out.push_str(&",".repeat(extra));
        out.push_str("\r\n");
    }
    for _ in 0..blank {
        out.push_str(&",".repeat(width - 1));
        out.push_str("\r\n");
    }
    out
}

/// The valid file of `n` users with Locale and Time zone swapped.
fn swapped(n: usize) -> String {
    let mut order: Vec<usize> = (0..24).collect();
    order.swap(LOCALE, TZ);
    let h = header();
    let head: Vec<String> = order.iter().map(|&c| h[c].clone()).collect();
    let rows: Vec<Vec<String>> = (0..n)
        .map(|i| order.iter().map(|&c| schema_row(i)[c].clone()).collect())
        .collect();
    csv_of(&head, &rows)
}

#[test]
fn check_reports_leftovers_and_column_order_as_warnings_with_their_codes() {
    let text = with_leftovers(&swapped(3), 3, 2);
    let dir = folder(text.as_bytes());
    let r = run(dir.path(), &["check", "users.csv", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let v = json(&r);
    let issues: Vec<(u64, &str, &str)> = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["row"].as_u64().unwrap(),
                i["severity"].as_str().unwrap(),
                i["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        issues,
        [
            (0, "warning", "empty_trailing_column"),
            (0, "warning", "column_order"),
            (4, "warning", "blank_row"),
            (5, "warning", "blank_row"),
        ]
    );
    assert_eq!(v["errors"].as_u64(), Some(0));
    let order = &v["issues"][1];
    assert_eq!(order["column"].as_str(), Some("Time zone"));
}

#[test]
fn export_leaves_out_empty_columns_and_blank_rows_at_the_end() {
    let clean = valid_csv(4);
    let dir = folder(with_leftovers(&clean, 5, 3).as_bytes());
    let r = run(dir.path(), &["export", "users.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.csv")).unwrap(),
        clean
    );
}

#[test]
fn export_leaves_leftovers_out_of_a_shift_jis_file_byte_for_byte() {
    let mut rows: Vec<Vec<String>> = (0..3).map(schema_row).collect();
    rows[1][NAME] = "山田 太郎".into();
    let clean = csv_of(&header(), &rows);
    let sjis = |t: &str| encoding_rs::SHIFT_JIS.encode(t).0.into_owned();
    let dir = folder(&sjis(&with_leftovers(&clean, 2, 1)));
    let r = run(dir.path(), &["export", "users.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("shift_jis"), "{}", r.stdout);
    assert_eq!(
        std::fs::read(dir.path().join("out.csv")).unwrap(),
        sjis(&clean)
    );
}

#[test]
fn a_nameless_column_with_values_stops_export_naming_its_letter() {
    let mut text = with_leftovers(&valid_csv(2), 2, 0);
    // A value in the last column (Z) of the first user's row.
    let first_row_end = text.match_indices("\r\n").nth(1).unwrap().0;
    text.insert_str(first_row_end, "note");
    let dir = folder(text.as_bytes());
    let r = run(dir.path(), &["export", "users.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("Column Z has values but no header"),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("out.csv").exists());
}

#[test]
fn fix_puts_the_columns_in_the_templates_order() {
    let dir = folder(swapped(3).as_bytes());
    let r = run(dir.path(), &["fix", "users.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("users.csv: put the columns in the template's order"),
        "{}",
        r.stdout
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.csv")).unwrap(),
        valid_csv(3)
    );
    let again = run(dir.path(), &["check", "out.csv", "--format", "json"]);
    assert_eq!(json(&again)["issues"].as_array().unwrap().len(), 0);
}
