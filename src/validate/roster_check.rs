//! The roster's checks: a Login ID the console does not have, an extension it gives to
//! someone else, a row it already holds as it is.

use super::{Code, Finding, Msg, Validator};
use crate::document::Document;
use crate::text::is_blank;

impl Validator {
    /// The file column holding schema column `si`.
    pub(super) fn file_col(&self, si: usize) -> Option<usize> {
        self.rules.binding.file_of.get(si).copied().flatten()
    }

    /// A roster disagreement in one cell: a Login ID the console does not have, or an
    /// extension it gives to someone else.
    pub(super) fn roster_finding(&self, doc: &Document, row: usize, col: usize) -> Option<Finding> {
        let roster = self.rules.roster.as_ref()?;
        let si = self.rules.binding.schema_of.get(col).copied().flatten()?;
        let key_col = self.file_col(roster.key_column)?;
        let key = doc.cell(row, key_col);
        let value = doc.cell(row, col);
        if is_blank(value) {
            return None;
        }
        let name = &self.rules.schema.columns.get(si)?.name;
        if si == roster.key_column {
            return (!roster.knows(value)).then(|| {
                Finding::new(
                    Code::Roster,
                    Msg::RosterUnknown {
                        col: name.clone(),
                        value: value.to_string(),
                    },
                )
            });
        }
        let owner = roster.other_owner(si, value, key)?;
        Some(Finding::new(
            Code::Roster,
            Msg::RosterOwner {
                col: name.clone(),
                value: value.to_string(),
                owner: owner.to_string(),
            },
        ))
    }

    /// Adds roster findings to every non-blank row (full check).
    pub(super) fn check_roster(&mut self, doc: &Document) {
        let Some(roster) = self.rules.roster.clone() else {
            return;
        };
        let cols: Vec<usize> = std::iter::once(roster.key_column)
            .chain(roster.checked_columns())
            .filter_map(|si| self.file_col(si))
            .collect();
        for row in 0..doc.rows() {
            if self.is_blank_row(row) {
                continue;
            }
            if self.roster_pairing.is_some() {
                self.refresh_row(doc, row);
            }
            for &col in &cols {
                if let Some(f) = self.roster_finding(doc, row, col) {
                    let mut fs = self.cell_findings(row, col).to_vec();
                    fs.push(f);
                    self.put_cell(row, col, fs);
                }
            }
        }
    }

    /// The rows the roster holds as they are (marked `no_change`), in order.
    pub fn unchanged_rows(&self) -> Vec<usize> {
        self.rows
            .iter()
            .filter(|(_, fs)| fs.iter().any(|f| f.code == Code::NoChange))
            .map(|(&r, _)| r as usize)
            .collect()
    }

    /// Cells whose roster check reads the edited cell (the row's other roster columns).
    pub(super) fn roster_dependents(&self, col: usize) -> Vec<usize> {
        let Some(roster) = self.rules.roster.as_ref() else {
            return Vec::new();
        };
        if self.file_col(roster.key_column) != Some(col) {
            return Vec::new();
        }
        roster
            .checked_columns()
            .filter_map(|si| self.file_col(si))
            .collect()
    }
}
