//! An issue in words, as the issue list and the save dialog show it.

use crate::Issue;
use crate::app::i18n::{Lang, tr, trf};

/// "Row 3, Login ID: message", as the list and the save dialog show an issue. A message
/// that names its column already ("Login ID is required") gets only the row in front,
/// so the name is not read twice.
pub fn issue_text(lang: Lang, issue: &Issue) -> String {
    let message = issue_message(lang, issue);
    let column = issue
        .column
        .as_ref()
        .filter(|c| !message.contains(c.as_str()));
    let place = match (issue.row, column) {
        (0, None) if issue.column.is_some() => tr(lang, "Header").to_string(),
        (0, Some(c)) => trf(lang, "Header, {c}", &[("c", c)]),
        (0, None) => tr(lang, "File").to_string(),
        (r, Some(c)) => trf(lang, "Row {r}, {c}", &[("r", &r), ("c", c)]),
        (r, None) => trf(lang, "Row {r}", &[("r", &r)]),
    };
    format!("{place}{}{message}", colon(lang))
}

/// The colon between a place and what is said of it: full width in a Japanese sentence.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Ja => "：",
    }
}

/// An issue's message in the window's language: the one place the window reads it.
// The core's issues carry English text for now; once they carry their message's parts,
// this renders them in `lang`.
pub fn issue_message(lang: Lang, issue: &Issue) -> String {
    let _ = lang;
    issue.message.clone()
}
