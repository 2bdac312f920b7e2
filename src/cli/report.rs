//! Rendering the issue list for the terminal (compiler style) and for scripts (JSON).

use crate::sheet::Sheet;
use crate::validate::message::Numbering;
use crate::validate::{Issue, Lang, Severity};
use anstyle::{AnsiColor, Style};
use serde::Serialize;
use std::fmt::Write;

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

const ERROR_STYLE: Style = AnsiColor::Red.on_default().bold();
const WARNING_STYLE: Style = AnsiColor::Yellow.on_default().bold();

/// A text in a style, or as it is without colour.
pub fn paint(color: bool, style: Style, s: &str) -> String {
    if color {
        format!("{style}{s}{style:#}")
    } else {
        s.to_string()
    }
}

/// The severity's word, in its colour when `color`.
pub fn severity_label(severity: Severity, lang: Lang, color: bool) -> String {
    let style = match severity {
        Severity::Error => ERROR_STYLE,
        Severity::Warning => WARNING_STYLE,
    };
    paint(color, style, severity_word(severity, lang))
}

/// The word for a severity in a report line: `error`, `warning`, or in Japanese `エラー`,
/// `警告` (JSON keeps `error` and `warning` in every language).
pub fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Error, Lang::Ja) => "エラー",
        (Severity::Warning, Lang::Ja) => "警告",
    }
}

/// The issues as the text report words them: it places each issue by its file line, so
/// its messages name other rows by file line too (JSON and the window count data rows).
pub fn text_issues(sheet: &Sheet, lang: Lang) -> Vec<Issue> {
    sheet
        .validator()
        .issues_numbered(lang, Numbering::FileLines, sheet.doc())
}

/// `users.csv:5: Login ID: error: message`, one line per issue, then a summary line, in
/// the language of the issues' messages.
pub fn text_report(file: &str, sheet: &Sheet, issues: &[Issue], color: bool, lang: Lang) -> String {
    let mut out = String::new();
    for i in issues {
        let _ = writeln!(out, "{}", issue_line(file, i, color, lang));
    }
    let _ = writeln!(out, "{}", summary(file, sheet, lang));
    out
}

/// One issue as a compiler-style line.
pub fn issue_line(file: &str, i: &Issue, color: bool, lang: Lang) -> String {
    let place = match (i.row, &i.column) {
        (0, None) => file.to_string(),
        (row, _) => format!("{file}:{}", i.line.unwrap_or(row as u64 + 1)),
    };
    let severity = severity_label(i.severity, lang, color);
    match &i.column {
        Some(c) => format!("{place}: {c}: {severity}: {}", i.message),
        None => format!("{place}: {severity}: {}", i.message),
    }
}

/// `users.csv: 2 errors, 1 warning in 5 rows (schema, encoding, line ending)`; for a
/// workbook `(schema, xlsx, sheet "Users")`; in Japanese
/// `users.csv: エラー 2 件、警告 1 件（5 行、schema、encoding、line ending）`.
pub fn summary(file: &str, sheet: &Sheet, lang: Lang) -> String {
    let doc = sheet.doc();
    let (errors, warnings, rows) = (sheet.errors(), sheet.warnings(), doc.rows());
    let schema = sheet.schema().name.as_str();
    let about: Vec<String> = match &doc.workbook {
        Some(book) => {
            let named = match lang {
                Lang::En => format!("sheet \"{}\"", book.sheet),
                Lang::Ja => format!("シート「{}」", book.sheet),
            };
            vec![schema.into(), book.kind.as_str().into(), named]
        }
        None => vec![
            schema.into(),
            doc.meta.encoding.as_str().into(),
            doc.meta.line_ending.as_str().into(),
        ],
    };
    match lang {
        Lang::En => {
            let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
            format!(
                "{file}: {}, {} in {} ({})",
                plural(errors, "error"),
                plural(warnings, "warning"),
                plural(rows, "row"),
                about.join(", ")
            )
        }
        Lang::Ja => format!(
            "{file}: エラー {errors} 件、警告 {warnings} 件（{rows} 行、{}）",
            about.join("、")
        ),
    }
}
