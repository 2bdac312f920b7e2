//! Rendering the issue list for the terminal (compiler style) and for scripts (JSON).

use crate::sheet::Sheet;
use crate::validate::message::Numbering;
use crate::validate::{Issue, Lang, Severity};
use serde::Serialize;
use std::fmt::Write;
use std::io::IsTerminal;

/// `check --format json`: the file, its counts and every issue. The field order is part
/// of the contract.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    /// The file as given.
    pub file: &'a str,
    /// Its encoding (`TextEncoding::as_str`), or for a workbook its kind (`xlsx`, `xls`,
    /// `ods`).
    pub encoding: &'static str,
    /// The schema's name.
    pub schema: &'a str,
    /// Data rows.
    pub rows: usize,
    /// Issues that block the upload.
    pub errors: usize,
    /// Issues that do not.
    pub warnings: usize,
    /// Every issue, in report order.
    pub issues: &'a [Issue],
}

impl<'a> JsonReport<'a> {
    /// The report of a checked sheet.
    pub fn new(file: &'a str, sheet: &'a Sheet, issues: &'a [Issue]) -> Self {
        JsonReport {
            file,
            encoding: match &sheet.doc().workbook {
                Some(book) => book.kind.as_str(),
                None => sheet.doc().meta.encoding.as_str(),
            },
            schema: &sheet.schema().name,
            rows: sheet.doc().rows(),
            errors: sheet.errors(),
            warnings: sheet.warnings(),
            issues,
        }
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set.
pub fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn paint(color: bool, code: &str, s: &str) -> String {
    if color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// The issues as the text report words them: it places each issue by its file line, so
/// its messages name other rows by file line too (JSON and the window count data rows).
pub fn text_issues(sheet: &Sheet, lang: Lang) -> Vec<Issue> {
    sheet
        .validator()
        .issues_numbered(lang, Numbering::FileLines, sheet.doc())
}

/// `users.csv:5: Login ID: error: message`, one line per issue, then a summary line.
pub fn text_report(file: &str, sheet: &Sheet, issues: &[Issue], color: bool) -> String {
    let mut out = String::new();
    for i in issues {
        let _ = writeln!(out, "{}", issue_line(file, i, color));
    }
    let _ = writeln!(out, "{}", summary(file, sheet));
    out
}

/// One issue as a compiler-style line.
pub fn issue_line(file: &str, i: &Issue, color: bool) -> String {
    let place = match (i.row, &i.column) {
        (0, None) => file.to_string(),
        (row, _) => format!("{file}:{}", i.line.unwrap_or(row as u64 + 1)),
    };
    let severity = match i.severity {
        Severity::Error => paint(color, "1;31", "error"),
        Severity::Warning => paint(color, "1;33", "warning"),
    };
    match &i.column {
        Some(c) => format!("{place}: {c}: {severity}: {}", i.message),
        None => format!("{place}: {severity}: {}", i.message),
    }
}

/// `users.csv: 2 errors, 1 warning in 5 rows (schema, encoding, line ending)`; for a
/// workbook `(schema, xlsx, sheet "Users")`.
pub fn summary(file: &str, sheet: &Sheet) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let doc = sheet.doc();
    let layout = match &doc.workbook {
        Some(book) => format!("{}, sheet \"{}\"", book.kind.as_str(), book.sheet),
        None => format!(
            "{}, {}",
            doc.meta.encoding.as_str(),
            doc.meta.line_ending.as_str()
        ),
    };
    format!(
        "{file}: {}, {} in {} ({}, {layout})",
        plural(sheet.errors(), "error"),
        plural(sheet.warnings(), "warning"),
        plural(doc.rows(), "row"),
        sheet.schema().name,
    )
}
