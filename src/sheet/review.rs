//! The values as the file was opened, kept for the cells changed since: the review of
//! changes before saving, and putting cells back.

use super::Sheet;
use crate::document::CellChange;

impl Sheet {
    /// Keeps a cell's value as it was when the file was opened, the first time it changes.
    pub(super) fn remember_original(&mut self, row: usize, col: usize) {
        if let Some(&phys) = self.doc.table.order().get(row) {
            let value = self.doc.cell(row, col);
            self.originals
                .entry((phys, col))
                .or_insert_with(|| value.to_string());
        }
    }

    /// Moves the opened values with their columns (new column `i` was `order[i]`).
    pub(super) fn columns_reordered(&mut self, order: &[usize]) {
        let back = crate::document::inverse_order(order);
        self.originals = std::mem::take(&mut self.originals)
            .into_iter()
            .map(|((p, c), v)| ((p, back.get(c).copied().unwrap_or(c)), v))
            .collect();
    }

    /// Every cell whose value differs from when the file was opened (rows still present),
    /// in row then column order: the review before saving.
    pub fn changes(&self) -> Vec<CellChange> {
        if self.originals.is_empty() {
            return Vec::new();
        }
        // Each physical row's place in the document now (deleted rows have none).
        let mut row_of = vec![None; self.doc.table.physical_len()];
        for (row, &phys) in self.doc.table.order().iter().enumerate() {
            if let Some(slot) = row_of.get_mut(phys as usize) {
                *slot = Some(row);
            }
        }
        let width = self.doc.width();
        let mut out: Vec<CellChange> = self
            .originals
            .iter()
            .filter(|((_, col), _)| *col < width)
            .filter_map(|(&(phys, col), old)| {
                let row = row_of.get(phys as usize).copied().flatten()?;
                let new = self.doc.cell(row, col);
                (old != new).then(|| CellChange {
                    row,
                    col,
                    old: old.clone(),
                    new: new.to_string(),
                    shape: Default::default(),
                })
            })
            .collect();
        out.sort_by_key(|c| (c.row, c.col));
        out
    }

    /// The rows a save of "only rows changed since opening" holds: non-blank rows added
    /// since the file was opened, and rows with a cell whose value differs from then.
    /// A deleted row is in no file: an update file cannot delete a user.
    pub fn rows_changed_since_open(&self) -> Vec<usize> {
        let order = self.doc.table.order();
        let width = self.doc.width();
        self.rows_to_write()
            .into_iter()
            .filter(|&row| {
                let Some(&phys) = order.get(row) else {
                    return false;
                };
                phys as usize >= self.opened_rows
                    || self
                        .originals
                        .range((phys, 0)..(phys, width))
                        .any(|(&(_, col), old)| old != self.doc.cell(row, col))
            })
            .collect()
    }

    /// Puts changed cells back to their opened values, as one undo step.
    pub fn revert(&mut self, changes: &[CellChange]) -> bool {
        self.set_cells(
            changes
                .iter()
                .map(|c| (c.row, c.col, c.old.clone()))
                .collect(),
        )
    }
}
