//! Helpers shared by the rule, file, read/write, command-line and incremental tests: the
//! MiiTel header, a valid row to spoil one cell at a time, and CSV text built from rows.
#![allow(dead_code)]

use bulksheet::io::read_bytes;
use bulksheet::schema::{Subscriptions, builtin};
use bulksheet::{Code, Issue, Sheet};
use std::path::Path;
use std::process::{Command, Output};

/// Runs the built `bulksheet` in `dir` with English messages and no colour.
pub fn run_bulksheet(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bulksheet"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

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

pub const ALL_SUBSCRIPTIONS: &str = "call-center,meetings,recpod,salesforce,webhook";

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

/// The full MiiTel header and rows, CRLF like Excel writes.
pub fn csv(rows: &[Vec<String>]) -> String {
    csv_with(&HEADERS, rows, "\r\n")
}

pub fn valid_rows(n: usize) -> Vec<Vec<String>> {
    (1..=n).map(valid_row).collect()
}

pub fn sheet_subs(text: &str, subs: &str) -> Sheet {
    let schema = builtin("miitel-update-users").unwrap();
    let subs = Subscriptions::parse(subs, &schema).unwrap();
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    Sheet::new(doc, schema, subs)
}

pub fn sheet(text: &str) -> Sheet {
    sheet_subs(text, "")
}

/// (row, column, code) of every issue, in the validator's order.
pub fn places(s: &Sheet) -> Vec<(usize, Option<String>, Code)> {
    s.issues()
        .into_iter()
        .map(|i| (i.row, i.column, i.code))
        .collect()
}

/// The issues in one place.
pub fn at(s: &Sheet, row: usize, column: &str) -> Vec<Issue> {
    s.issues()
        .into_iter()
        .filter(|i| i.row == row && i.column.as_deref() == Some(column))
        .collect()
}

/// A deterministic generator, so a failure can be replayed from its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
