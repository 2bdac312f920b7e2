//! The file's layout: the columns a spreadsheet leaves past the data (no header and no
//! value, at the right end), which export leaves out and so are only a warning (blank rows
//! already are: `blank_row`); and template columns out of the template's order.

use super::layout_message::LayoutMsg;
use super::{Code, FileFinding, Finding, Msg, Validator};
use crate::document::Document;
use crate::text::is_blank;

/// Whether any row holds a value in this column.
pub(super) fn column_has_values(doc: &Document, col: usize) -> bool {
    (0..doc.rows()).any(|r| !is_blank(doc.cell(r, col)))
}

/// The first of the columns at the right end that have no header and no value (the width
/// when there are none). Rows with fields past the header do not count: they are
/// `field_count` errors, and export writes nothing while those remain.
pub(super) fn trailing_columns_from(doc: &Document) -> usize {
    let mut from = doc.width();
    while from > 0
        && doc.header.get(from - 1).is_some_and(|h| is_blank(h))
        && !column_has_values(doc, from - 1)
    {
        from -= 1;
    }
    from
}

impl Validator {
    /// The columns export writes: `Some(n)` to write only the first `n`, leaving out
    /// trailing columns with no header and no value; None to write every column.
    pub fn columns_to_write(&self) -> Option<usize> {
        (self.kept_width < self.col_counts.len()).then_some(self.kept_width)
    }

    /// The warning for trailing empty columns, if the file has any (`from` is the first).
    /// A file whose every column is blank is reported as having no header instead.
    pub(super) fn trailing_columns_finding(
        &mut self,
        doc: &Document,
        from: usize,
    ) -> Option<FileFinding> {
        let none = from == 0 || from >= doc.width() || doc.empty_file;
        self.kept_width = if none { doc.width() } else { from };
        if none {
            return None;
        }
        Some(FileFinding {
            col: Some(from),
            column: None,
            finding: Finding::new(
                Code::EmptyTrailingColumn,
                Msg::Layout(LayoutMsg::TrailingColumns {
                    first: from,
                    count: doc.width() - from,
                }),
            ),
        })
    }

    /// One warning when the template's columns present are not in the template's order,
    /// naming the first column out of place.
    pub(super) fn column_order_finding(&self) -> Option<FileFinding> {
        let schema = &self.rules.schema;
        if !schema.column_order {
            return None;
        }
        let bound: Vec<(usize, usize)> = self
            .rules
            .binding
            .schema_of
            .iter()
            .enumerate()
            .filter_map(|(fi, si)| Some((fi, (*si)?)))
            .collect();
        let mut sorted: Vec<usize> = bound.iter().map(|&(_, si)| si).collect();
        sorted.sort_unstable();
        let (k, &(fi, si)) = bound
            .iter()
            .enumerate()
            .find(|(k, (_, si))| sorted.get(*k) != Some(si))?;
        let name = |s: usize| {
            schema
                .columns
                .get(s)
                .map_or(String::new(), |c| c.name.clone())
        };
        let expected = sorted.get(k).map_or(String::new(), |&s| name(s));
        Some(FileFinding {
            col: Some(fi),
            column: Some(name(si)),
            finding: Finding::new(
                Code::ColumnOrder,
                Msg::Layout(LayoutMsg::ColumnOrder {
                    col: name(si),
                    expected,
                }),
            ),
        })
    }

    /// Checks the header again: after an edit that can change whether a column with no
    /// header name holds values (typing in it, rows coming or going).
    pub(super) fn refresh_header(&mut self, doc: &Document) {
        let (file_rules, header): (Vec<FileFinding>, Vec<FileFinding>) =
            std::mem::take(&mut self.file)
                .into_iter()
                .partition(|f| is_file_rule(f.finding.code));
        for f in &header {
            self.count(f.finding.severity, -1);
        }
        // Header findings come first, as a full check lists them.
        self.check_header(doc);
        self.file.extend(file_rules);
    }

    /// Whether the document has a column with no header name, whose values can turn it
    /// from a leftover into an error and back.
    pub(super) fn has_nameless_column(&self, doc: &Document) -> bool {
        doc.header.iter().any(|h| is_blank(h))
    }
}

/// Whether a file finding comes from the whole-file rules rather than the header.
pub(super) fn is_file_rule(code: Code) -> bool {
    matches!(code, Code::TooManyRows | Code::Empty | Code::OutsideTable)
}
