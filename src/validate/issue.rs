//! What validation finds, as plain data: the grid, the issue panel and the command line's
//! text and JSON all render this one list.

use super::message::{Lang, Msg};
use serde::Serialize;

/// How bad a finding is; errors sort above warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; the console accepts the file.
    Warning,
    /// The console would reject the file.
    Error,
}

impl Severity {
    /// Its name in the command line's text and JSON.
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
    /// A required cell is blank.
    Required,
    /// Not a Login ID the console takes (an e-mail address).
    Email,
    /// Longer than its column allows.
    TooLong,
    /// Not the digits its column wants (an extension, a phone number).
    Digits,
    /// Not one of its column's codes.
    Enum,
    /// Another row holds the same value in a unique column.
    Duplicate,
    /// A column the schema needs is not in the header.
    HeaderMissing,
    /// A header name appears twice.
    HeaderDuplicate,
    /// A header name the schema does not know, or a blank one.
    HeaderUnknown,
    /// More users than one upload takes.
    TooManyRows,
    /// A row with more or fewer fields than the header.
    FieldCount,
    /// Spaces around a value.
    Whitespace,
    /// A row with nothing in it.
    BlankRow,
    /// A value a spreadsheet would run as a formula.
    Formula,
    /// Bytes that are not valid in the file's encoding.
    Encoding,
    /// A character the target encoding (Shift_JIS) cannot carry.
    Unencodable,
    /// A stray or unclosed quote.
    Quote,
    /// The file has no header line at all.
    Empty,
    /// A byte-order mark inside a header name.
    Bom,
    /// The file is separated by something other than commas (semicolons, tabs).
    Separator,
    /// The document holds a value the roster disagrees with.
    Roster,
    /// A row the roster already holds as it is: uploading it changes nothing.
    NoChange,
    /// Columns at the right end with no header and no value (a spreadsheet's leftovers):
    /// export leaves them out.
    EmptyTrailingColumn,
    /// The template's columns are there but not in the template's order.
    ColumnOrder,
    /// A workbook formula saved without its computed value.
    FormulaNoValue,
    /// A workbook value far outside the table, which export leaves out.
    OutsideTable,
}

impl Code {
    /// The stable name (`too_long`), as scripts and tests match it.
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
            Code::NoChange => "no_change",
            Code::EmptyTrailingColumn => "empty_trailing_column",
            Code::ColumnOrder => "column_order",
            Code::FormulaNoValue => "formula_no_value",
            Code::OutsideTable => "outside_table",
        }
    }

    /// The severity every finding of this kind has.
    pub fn severity(self) -> Severity {
        match self {
            Code::Whitespace
            | Code::BlankRow
            | Code::Formula
            | Code::Separator
            | Code::NoChange
            | Code::EmptyTrailingColumn
            | Code::ColumnOrder
            | Code::OutsideTable => Severity::Warning,
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
    /// What kind of problem.
    pub code: Code,
    /// How bad (the code's severity).
    pub severity: Severity,
    /// The message's parts; rendered in the reader's language when shown. Duplicates
    /// name the other rows, which change with edits, so their text is written when asked.
    pub msg: Msg,
}

impl Finding {
    /// A finding of this kind, with the code's severity.
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
    /// How bad.
    pub severity: Severity,
    /// What kind of problem.
    pub code: Code,
    /// The message in the reader's language.
    pub message: String,
    /// The file column, for views that select the cell.
    #[serde(skip)]
    pub col: Option<usize>,
    /// The line of the file the row starts on, when it came from the file.
    #[serde(skip)]
    pub line: Option<u64>,
}
