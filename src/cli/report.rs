//! Rendering the issue list for the terminal (compiler style) and for scripts (JSON).

use crate::sheet::Sheet;
use crate::validate::{Issue, Severity};
use serde::Serialize;
use std::fmt::Write;
use std::io::IsTerminal;

#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    pub file: &'a str,
    pub encoding: &'static str,
    pub schema: &'a str,
    pub rows: usize,
    pub errors: usize,
    pub warnings: usize,
    pub issues: &'a [Issue],
}

impl<'a> JsonReport<'a> {
    pub fn new(file: &'a str, sheet: &'a Sheet, issues: &'a [Issue]) -> Self {
        JsonReport {
            file,
            encoding: sheet.doc().meta.encoding.as_str(),
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

/// `users.csv:5: Login ID: error: message`, one line per issue, then a summary line.
pub fn text_report(file: &str, sheet: &Sheet, issues: &[Issue], color: bool) -> String {
    let mut out = String::new();
    for i in issues {
        let _ = writeln!(out, "{}", issue_line(file, i, color));
    }
    let _ = writeln!(out, "{}", summary(file, sheet));
    out
}

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

pub fn summary(file: &str, sheet: &Sheet) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let doc = sheet.doc();
    format!(
        "{file}: {}, {} in {} ({}, {}, {})",
        plural(sheet.errors(), "error"),
        plural(sheet.warnings(), "warning"),
        plural(doc.rows(), "row"),
        sheet.schema().name,
        doc.meta.encoding.as_str(),
        doc.meta.line_ending.as_str()
    )
}
