//! Shared helpers for the core tests: the MiiTel header, valid rows, and files of any size
//! built in code (so 100- and 101-row fixtures need no large files in the tree).
#![allow(dead_code)]

use bulksheet::document::Document;
use bulksheet::io::read_bytes;
use bulksheet::schema::{Schema, Subscriptions, builtin};
use bulksheet::{Code, Issue, Severity, Sheet};

pub const LOGIN: usize = 0;
pub const NAME: usize = 1;
pub const EXT: usize = 2;
pub const LOCALE: usize = 3;
pub const TZ: usize = 4;
pub const ADMIN: usize = 5;
pub const CC_ENABLE: usize = 12;
pub const MEETINGS_ENABLE: usize = 15;
pub const MEETINGS_ACCESS: usize = 17;
pub const WEBHOOK: usize = 23;

pub fn miitel() -> Schema {
    builtin("miitel-update-users").expect("built-in schema")
}

/// The 24 template headers, in template order.
pub fn header() -> Vec<String> {
    miitel().columns.iter().map(|c| c.name.clone()).collect()
}

/// A valid row for user `i`: unique Login ID and Extension, every column filled, so it
/// stays valid with any subscriptions on.
pub fn valid_row(i: usize) -> Vec<String> {
    let mut row = vec![
        format!("user{i}@example.com"),
        format!("User {i}"),
        format!("{}", 1000 + i),
        "0".to_string(),
        "0".to_string(),
    ];
    let schema = miitel();
    for c in &schema.columns[5..] {
        // The first code of each enum is valid (1 for yes/no, 0 for scopes).
        row.push(c.kind.options()[0].code.clone());
    }
    row
}

pub fn line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// A CSV text with the template header and `rows`, CRLF line endings.
pub fn csv_of(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = line(header);
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&line(r));
        out.push_str("\r\n");
    }
    out
}

/// A valid file of `n` data rows.
pub fn valid_csv(n: usize) -> String {
    let rows: Vec<Vec<String>> = (0..n).map(valid_row).collect();
    csv_of(&header(), &rows)
}

pub fn open(bytes: &[u8], subs: &[&str]) -> Sheet {
    let doc = read_bytes(bytes, None).expect("readable");
    sheet_of(doc, subs)
}

pub fn sheet_of(doc: Document, subs: &[&str]) -> Sheet {
    let schema = miitel();
    let s = Subscriptions::parse(&subs.join(","), &schema).expect("known subscriptions");
    Sheet::new(doc, schema, s)
}

/// A sheet of the valid rows with one cell changed per (row, col, value).
pub fn with_cells(n: usize, cells: &[(usize, usize, &str)], subs: &[&str]) -> Sheet {
    let mut rows: Vec<Vec<String>> = (0..n).map(valid_row).collect();
    for &(r, c, v) in cells {
        rows[r][c] = v.to_string();
    }
    open(csv_of(&header(), &rows).as_bytes(), subs)
}

/// The issues of one cell (0-based row, file column).
pub fn cell_issues(sheet: &Sheet, row: usize, col: usize) -> Vec<Issue> {
    sheet
        .issues()
        .into_iter()
        .filter(|i| i.row == row + 1 && i.col == Some(col))
        .collect()
}

pub fn codes(issues: &[Issue]) -> Vec<Code> {
    issues.iter().map(|i| i.code).collect()
}

/// (row, column name, code) of every issue, for compact exact comparisons.
pub fn places(sheet: &Sheet) -> Vec<(usize, Option<String>, Code)> {
    sheet
        .issues()
        .into_iter()
        .map(|i| (i.row, i.column, i.code))
        .collect()
}

pub fn assert_clean(sheet: &Sheet) {
    let issues = sheet.issues();
    assert!(issues.is_empty(), "expected no issues, got {issues:#?}");
    assert_eq!((sheet.errors(), sheet.warnings()), (0, 0));
}

pub fn count(issues: &[Issue], sev: Severity) -> usize {
    issues.iter().filter(|i| i.severity == sev).count()
}
