//! Rules about a whole row (blank, wrong number of fields) and the whole file (empty,
//! too many rows for one upload, a workbook's values outside the table).

use super::layout::is_file_rule;
use super::layout_message::column_letter;
use super::{Code, FileFinding, Finding, Msg, Validator};
use crate::document::Document;

impl Validator {
    /// Whole-row rules: a blank row, a row with the wrong number of fields, a row the
    /// roster holds as it is.
    pub(super) fn refresh_row(&mut self, doc: &Document, row: usize) {
        let blank = self.blank.get(row).copied().unwrap_or(false);
        let fs = self.row_rules(doc, row, blank);
        self.put_row(row, fs);
    }

    /// What the whole-row rules find in `doc`'s `row` (`blank`: whether it is blank).
    pub(super) fn row_rules(&self, doc: &Document, row: usize, blank: bool) -> Vec<Finding> {
        let mut fs = Vec::new();
        if blank {
            fs.push(Finding::new(Code::BlankRow, Msg::BlankRow));
            return fs;
        }
        let n = doc.table.field_count(row);
        if n != doc.width() && !doc.empty_file {
            fs.push(Finding::new(
                Code::FieldCount,
                Msg::FieldCount {
                    got: n,
                    want: doc.width(),
                },
            ));
        }
        if let (Some(roster), Some(pairing)) = (&self.rules.roster, &self.roster_pairing)
            && roster.unchanged(doc, row, pairing)
        {
            fs.push(Finding::new(Code::NoChange, Msg::NoChange));
        }
        fs
    }

    /// Rules about the whole file: an empty file, too many rows for one upload.
    pub(super) fn refresh_file_rules(&mut self, doc: &Document) {
        let stale: Vec<FileFinding> = self
            .file
            .iter()
            .filter(|f| is_file_rule(f.finding.code))
            .cloned()
            .collect();
        for f in &stale {
            self.count(f.finding.severity, -1);
        }
        self.file.retain(|f| !is_file_rule(f.finding.code));
        if doc.empty_file {
            let msg = match &doc.workbook {
                Some(book) => Msg::EmptySheet {
                    sheet: book.sheet.clone(),
                },
                None => Msg::Empty,
            };
            self.push_file(FileFinding {
                col: None,
                column: None,
                finding: Finding::new(Code::Empty, msg),
            });
        }
        self.push_outside_values(doc);
        debug_assert_eq!(
            self.users,
            count_users(&self.blank),
            "users kept with blank"
        );
        let users = self.users;
        if let Some(max) = self.rules.schema.max_rows
            && self.rules.check_row_limit
            && users > max
        {
            self.push_file(FileFinding {
                col: None,
                column: None,
                finding: Finding::new(Code::TooManyRows, Msg::TooManyRows { users, max }),
            });
        }
    }
}

impl Validator {
    /// A workbook's values outside the table, each at its cell, then how many more.
    fn push_outside_values(&mut self, doc: &Document) {
        let outside = doc.outside.clone();
        for v in &outside.values {
            let cell = format!("{}{}", column_letter(v.col as usize), u64::from(v.row) + 1);
            self.push_file(FileFinding {
                col: None,
                column: None,
                finding: Finding::new(
                    Code::OutsideTable,
                    Msg::OutsideTable {
                        cell,
                        value: v.value.clone(),
                    },
                ),
            });
        }
        let more = outside.count.saturating_sub(outside.values.len());
        if more > 0 {
            self.push_file(FileFinding {
                col: None,
                column: None,
                finding: Finding::new(Code::OutsideTable, Msg::MoreOutsideTable { more }),
            });
        }
    }
}

/// Rows that are not blank.
pub(super) fn count_users(blank: &[bool]) -> usize {
    blank.iter().filter(|b| !**b).count()
}
