//! What validation finds, as plain data: the grid, the issue panel and the command line's
//! text and JSON all render this one list.

use super::message::{Lang, Msg};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    /// The console would reject the file.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A stable name for each kind of problem; scripts and tests match on these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Required,
    Email,
    TooLong,
    Digits,
    Enum,
    Duplicate,
    HeaderMissing,
    HeaderDuplicate,
    HeaderUnknown,
    TooManyRows,
    FieldCount,
    Whitespace,
    BlankRow,
    Formula,
    /// Bytes that are not valid in the file's encoding.
    Encoding,
    /// A character the target encoding (Shift_JIS) cannot carry.
    Unencodable,
    Quote,
    Empty,
    Bom,
    /// The file is separated by something other than commas (semicolons, tabs).
    Separator,
    /// The document holds a value the roster disagrees with.
    Roster,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Required => "required",
            Code::Email => "email",
            Code::TooLong => "too_long",
            Code::Digits => "digits",
            Code::Enum => "enum",
            Code::Duplicate => "duplicate",
            Code::HeaderMissing => "header_missing",
            Code::HeaderDuplicate => "header_duplicate",
            Code::HeaderUnknown => "header_unknown",
            Code::TooManyRows => "too_many_rows",
            Code::FieldCount => "field_count",
            Code::Whitespace => "whitespace",
            Code::BlankRow => "blank_row",
            Code::Formula => "formula",
            Code::Encoding => "encoding",
            Code::Unencodable => "unencodable",
            Code::Quote => "quote",
            Code::Empty => "empty",
            Code::Bom => "bom",
            Code::Separator => "separator",
            Code::Roster => "roster",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Code::Whitespace | Code::BlankRow | Code::Formula | Code::Separator => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem in one place, before it is given a row number and column name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// The message's parts; rendered in the reader's language when shown. Duplicates
    /// name the other rows, which change with edits, so their text is written when asked.
    pub msg: Msg,
}

impl Finding {
    pub fn new(code: Code, msg: impl Into<Msg>) -> Self {
        Finding {
            code,
            severity: code.severity(),
            msg: msg.into(),
        }
    }

    /// The message in a language (duplicates need the validator: see `Validator::message`).
    pub fn text(&self, lang: Lang) -> String {
        self.msg.render(lang)
    }
}

/// A finding with its place, as every view shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// 1-based data row (the first row under the header is 1); 0 for the header or the
    /// file as a whole.
    pub row: usize,
    /// The schema's column name (the header text in generic mode); None for a whole row
    /// or the file.
    pub column: Option<String>,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// The file column, for views that select the cell.
    #[serde(skip)]
    pub col: Option<usize>,
    /// The line of the file the row starts on, when it came from the file.
    #[serde(skip)]
    pub line: Option<u64>,
}
