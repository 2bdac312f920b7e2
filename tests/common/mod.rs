//! Helpers shared by the core and command-line tests: the MiiTel header, valid rows to
//! spoil one cell at a time, CSV text built from rows (so 100- and 101-row fixtures need no
//! large files in the tree) and sheets opened from it; the sample files, seeded random
//! generators, the full-check comparison of incremental validation, and the built binary
//! run on files.
#![allow(dead_code)]

mod cli;
mod full_check;
mod hostile_workbooks;
mod random;
mod samples;
mod workbooks;

// Each test binary uses only some of these.
#[allow(unused_imports)]
pub use {cli::*, full_check::*, hostile_workbooks::*, random::*, samples::*, workbooks::*};

use bulksheet::document::Document;
use bulksheet::io::read_bytes;
use bulksheet::schema::{Schema, Subscriptions, builtin};
use bulksheet::{Code, Issue, Severity, Sheet};

/// The 24 columns of the MiiTel "Update multiple users" template, in template order.
pub const HEADERS: [&str; 24] = [
    "Login ID",
    "User name",
    "Extension number",
    "Locale",
    "Time zone",
    "Administrative privileges",
    "Monitoring privileges",
    "MiiTel Analytics Download recorded audio files",
    "MiiTel Analytics Export call history as CSV",
    "MiiTel Analytics Export contact data as CSV",
    "MiiTel Phone Enable",
    "MiiTel Phone Mobile Enable",
    "MiiTel Call Center Enable",
    "MiiTel Call Center CC Administrative privileges",
    "MiiTel Call Center Edit predictive dialer settings",
    "MiiTel Meetings Enable",
    "MiiTel Meetings Use bot",
    "MiiTel Meetings Edit meeting access permission",
    "MiiTel Meetings Create external shared link",
    "MiiTel Meetings Download files",
    "MiiTel Meetings Export video history as CSV",
    "MiiTel RecPod Enable",
    "Salesforce AppExchange Enable",
    "Incoming Webhook Enable",
];

/// File columns of the template, by index.
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

/// The built-in MiiTel "Update multiple users" schema.
pub fn miitel() -> Schema {
    builtin("miitel-update-users").expect("built-in schema")
}

/// The template headers as the built-in schema names them, in template order.
pub fn header() -> Vec<String> {
    miitel().columns.iter().map(|c| c.name.clone()).collect()
}

/// Columns that belong to a subscription (blank allowed while it is off).
pub const SUBSCRIPTION_COLUMNS: [&str; 10] = [
    "MiiTel Call Center Enable",
    "MiiTel Call Center Edit predictive dialer settings",
    "MiiTel Meetings Enable",
    "MiiTel Meetings Edit meeting access permission",
    "MiiTel Meetings Create external shared link",
    "MiiTel Meetings Download files",
    "MiiTel Meetings Export video history as CSV",
    "MiiTel RecPod Enable",
    "Salesforce AppExchange Enable",
    "Incoming Webhook Enable",
];

/// Every subscription, as `--subscriptions` takes them.
pub const ALL_SUBSCRIPTIONS: &str = "call-center,meetings,recpod,salesforce,webhook";

/// The file column of a template header name.
pub fn col(name: &str) -> usize {
    HEADERS
        .iter()
        .position(|h| *h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// A row that is valid whatever the subscriptions: every column filled with a code.
pub fn valid_row(i: usize) -> Vec<String> {
    let mut r: Vec<String> = vec!["0".to_string(); HEADERS.len()];
    r[0] = format!("user{i}@example.co.jp");
    r[1] = format!("User {i}");
    r[2] = format!("{}", 1000 + i);
    r[col("MiiTel Phone Enable")] = "1".to_string();
    r
}

/// Another valid row for user `i`, built from the schema: Login ID `user{i}@example.com`,
/// the first code of every enum column (1 for yes/no, 0 for scopes), so it stays valid
/// with any subscriptions on.
pub fn schema_row(i: usize) -> Vec<String> {
    let mut row = vec![
        format!("user{i}@example.com"),
        format!("User {i}"),
        format!("{}", 1000 + i),
        "0".to_string(),
        "0".to_string(),
    ];
    for c in &miitel().columns[5..] {
        row.push(c.kind.options()[0].code.clone());
    }
    row
}

/// A valid file of `n` schema rows (users 0 to n-1).
pub fn valid_csv(n: usize) -> String {
    let rows: Vec<Vec<String>> = (0..n).map(schema_row).collect();
    csv_of(&header(), &rows)
}

/// A valid row with subscription columns left blank (valid with no subscriptions).
pub fn plain_row(i: usize) -> Vec<String> {
    let mut r = valid_row(i);
    for name in SUBSCRIPTION_COLUMNS {
        r[col(name)] = String::new();
    }
    r
}

/// A row with one cell replaced.
pub fn with(mut row: Vec<String>, name: &str, value: &str) -> Vec<String> {
    row[col(name)] = value.to_string();
    row
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV line of the cells, quoted where needed, without a line ending.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    cells
        .iter()
        .map(|c| field(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",")
}

/// CSV text with a header, rows and a final line ending.
pub fn csv_with<S: AsRef<str>>(header: &[S], rows: &[Vec<String>], eol: &str) -> String {
    let mut out = line(header);
    out.push_str(eol);
    for r in rows {
        out.push_str(&line(r));
        out.push_str(eol);
    }
    out
}

/// CSV text with a header, rows and CRLF line endings, like Excel writes.
pub fn csv_of<S: AsRef<str>>(header: &[S], rows: &[Vec<String>]) -> String {
    csv_with(header, rows, "\r\n")
}

/// The full MiiTel header and rows, CRLF like Excel writes.
pub fn csv(rows: &[Vec<String>]) -> String {
    csv_with(&HEADERS, rows, "\r\n")
}

/// Valid rows for users 1 to `n`.
pub fn valid_rows(n: usize) -> Vec<Vec<String>> {
    (1..=n).map(valid_row).collect()
}

/// A MiiTel sheet of the bytes, with the given subscriptions on.
pub fn open(bytes: &[u8], subs: &[&str]) -> Sheet {
    let doc = read_bytes(bytes, None).expect("readable");
    sheet_of(doc, subs)
}

/// A MiiTel sheet of a document, with the given subscriptions on.
pub fn sheet_of(doc: Document, subs: &[&str]) -> Sheet {
    let schema = miitel();
    let s = Subscriptions::parse(&subs.join(","), &schema).expect("known subscriptions");
    Sheet::new(doc, schema, s)
}

/// A MiiTel sheet of the text, with subscriptions given as on the command line.
pub fn sheet_subs(text: &str, subs: &str) -> Sheet {
    open(text.as_bytes(), &[subs])
}

/// A MiiTel sheet of the text, no subscriptions on.
pub fn sheet(text: &str) -> Sheet {
    open(text.as_bytes(), &[])
}

/// A sheet of `n` schema rows with one cell changed per (row, col, value).
pub fn with_cells(n: usize, cells: &[(usize, usize, &str)], subs: &[&str]) -> Sheet {
    let mut rows: Vec<Vec<String>> = (0..n).map(schema_row).collect();
    for &(r, c, v) in cells {
        rows[r][c] = v.to_string();
    }
    open(csv_of(&header(), &rows).as_bytes(), subs)
}

/// (row, column, code) of every issue, in the validator's order.
pub fn places(s: &Sheet) -> Vec<(usize, Option<String>, Code)> {
    s.issues()
        .into_iter()
        .map(|i| (i.row, i.column, i.code))
        .collect()
}

/// The issues of one cell (0-based row, file column).
pub fn cell_issues(sheet: &Sheet, row: usize, col: usize) -> Vec<Issue> {
    sheet
        .issues()
        .into_iter()
        .filter(|i| i.row == row + 1 && i.col == Some(col))
        .collect()
}

/// The codes of the issues, in order.
pub fn codes(issues: &[Issue]) -> Vec<Code> {
    issues.iter().map(|i| i.code).collect()
}

/// Asserts the sheet has no issue at all.
pub fn assert_clean(sheet: &Sheet) {
    let issues = sheet.issues();
    assert!(issues.is_empty(), "expected no issues, got {issues:#?}");
    assert_eq!((sheet.errors(), sheet.warnings()), (0, 0));
}

/// How many of the issues have this severity.
pub fn count(issues: &[Issue], sev: Severity) -> usize {
    issues.iter().filter(|i| i.severity == sev).count()
}

/// The issues in one place.
pub fn at(s: &Sheet, row: usize, column: &str) -> Vec<Issue> {
    s.issues()
        .into_iter()
        .filter(|i| i.row == row && i.column.as_deref() == Some(column))
        .collect()
}
