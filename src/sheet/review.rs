//! The values as the file was opened, kept for the cells changed since: the review of
//! changes before saving, and putting cells back.

use super::Sheet;
use crate::document::{CellChange, CellRun};
use std::sync::Arc;

impl Sheet {
    /// Keeps a cell's value as it was when the file was opened, the first time it changes.
    pub(super) fn remember_original(&mut self, row: usize, col: usize) {
        if let Some(&phys) = self.doc.table.order().get(row) {
            // A column set aside holds the rows it had then; a row added since is not in it.
            if self
                .opened_column(col)
                .is_some_and(|c| (phys as usize) < c.len())
            {
                return;
            }
            let value = self.doc.cell(row, col);
            self.originals
                .entry((phys, col))
                .or_insert_with(|| value.to_string());
        }
    }

    /// Keeps a column set aside by a block as the values as opened of its cells not
    /// remembered one by one, the first time a block builds it anew (the cells of later
    /// ones are no longer as opened).
    pub(super) fn remember_column(&mut self, col: usize, aside: &Arc<CellRun>) {
        if self.opened_columns.len() <= col {
            self.opened_columns.resize(col + 1, None);
        }
        if let Some(slot @ None) = self.opened_columns.get_mut(col) {
            *slot = Some(aside.clone());
        }
    }

    pub(super) fn opened_column(&self, col: usize) -> Option<&CellRun> {
        self.opened_columns.get(col)?.as_deref()
    }

    /// A cell's value as opened, when it changed since (or may have: a column set aside).
    fn original(&self, phys: u32, col: usize) -> Option<&str> {
        if let Some(v) = self.originals.get(&(phys, col)) {
            return Some(v);
        }
        let column = self.opened_column(col)?;
        ((phys as usize) < column.len()).then(|| column.get(phys as usize))
    }

    /// Moves the opened values with their columns (new column `i` was `order[i]`).
    pub(super) fn columns_reordered(&mut self, order: &[usize]) {
        if !self.opened_columns.is_empty() {
            let mut old = std::mem::take(&mut self.opened_columns);
            old.resize(order.len().max(old.len()), None);
            self.opened_columns = order
                .iter()
                .map(|&o| old.get_mut(o).and_then(Option::take))
                .collect();
        }
        let back = crate::document::inverse_order(order);
        self.originals = std::mem::take(&mut self.originals)
            .into_iter()
            .map(|((p, c), v)| ((p, back.get(c).copied().unwrap_or(c)), v))
            .collect();
    }

    /// Every cell whose value differs from when the file was opened (rows still present),
    /// in row then column order: the review before saving.
    pub fn changes(&self) -> Vec<CellChange> {
        if self.originals.is_empty() && self.opened_columns.iter().all(Option::is_none) {
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
        // Cells remembered one by one, then every cell of the columns set aside.
        let remembered = self
            .originals
            .keys()
            .filter(|&&(phys, col)| {
                self.opened_column(col)
                    .is_none_or(|c| phys as usize >= c.len())
            })
            .copied();
        let order = self.doc.table.order();
        let aside = (0..width)
            .filter_map(|c| Some((c, self.opened_column(c)?.len())))
            .flat_map(|(col, len)| {
                order
                    .iter()
                    .filter(move |&&phys| (phys as usize) < len)
                    .map(move |&phys| (phys, col))
            });
        let mut out: Vec<CellChange> = remembered
            .chain(aside)
            .filter(|(_, col)| *col < width)
            .filter_map(|(phys, col)| {
                let row = row_of.get(phys as usize).copied().flatten()?;
                let old = self.original(phys, col)?;
                let new = self.doc.cell(row, col);
                (old != new).then(|| CellChange {
                    row,
                    col,
                    old: old.to_string(),
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
                    || (0..width).any(|col| {
                        self.opened_column(col).is_some()
                            && self.original(phys, col) != Some(self.doc.cell(row, col))
                    })
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
