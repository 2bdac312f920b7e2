//! Compact cell storage for millions of rows: each column one byte per cell into a small
//! dictionary (enum codes), or text in runs of rows with offsets. Never a `String` per
//! cell.

mod cell_run;
mod column;
mod dictionary;
mod join;
mod load;
mod runs;
mod scan;
#[cfg(test)]
mod tests;

use column::ColumnCells;
use rustc_hash::FxHashMap;
use std::sync::Arc;

pub use cell_run::CellRun;
pub(crate) use load::LineFields;
pub use runs::DictIds;
pub use scan::ColumnValues;

/// Buffers are capped at 4 GiB per column (checked when reading); saturate rather than wrap.
fn offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// The cells of a CSV below its header. Rows are addressed by their position in the
/// document (logical); storage keeps them in load order (physical), so inserting and
/// deleting rows moves only the `order` index.
#[derive(Debug, Clone, Default)]
pub struct Table {
    columns: Vec<ColumnCells>,
    order: Vec<u32>,
    /// Physical rows whose record had fewer fields than the header.
    short: FxHashMap<u32, usize>,
    /// Fields beyond the header's width, by physical row.
    extra: FxHashMap<u32, Vec<String>>,
    /// The line each physical row started on in the source file (0 for new rows).
    lines: Vec<u32>,
    /// Physical rows taken out of the document, newest last: undoing a delete puts the
    /// very row back, with its extra fields, read problems and source line.
    removed: Vec<u32>,
    /// Columns an undo or redo put back whole from a block's step, shared with the step
    /// that keeps them rather than copied (a million-row column is tens of MB); read from
    /// here, copied into `columns` by their first write. Empty while none is shared.
    shared: Vec<Option<Arc<CellRun>>>,
}

impl Table {
    /// A table of `width` columns and no rows.
    pub fn new(width: usize) -> Self {
        Table {
            columns: (0..width).map(|_| ColumnCells::default()).collect(),
            ..Default::default()
        }
    }

    /// How many columns it has.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// How many rows the document has (deleted ones not counted).
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Rows ever stored, including deleted ones (the next physical index).
    pub fn physical_len(&self) -> usize {
        self.lines.len()
    }

    /// Whether the document has no rows.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    fn phys(&self, row: usize) -> Option<u32> {
        self.order.get(row).copied()
    }

    /// A column's cells, wherever they are kept.
    fn column(&self, col: usize) -> Option<&ColumnCells> {
        if let Some(Some(run)) = self.shared.get(col) {
            return Some(run.cells());
        }
        self.columns.get(col)
    }

    /// A column's cells to write: a shared one is copied first.
    fn column_mut(&mut self, col: usize) -> Option<&mut ColumnCells> {
        self.unshare(col);
        self.columns.get_mut(col)
    }

    /// Makes a shared column this table's own again (moved when nothing else holds it).
    fn unshare(&mut self, col: usize) {
        let Some(run) = self.shared.get_mut(col).and_then(Option::take) else {
            return;
        };
        if let Some(slot) = self.columns.get_mut(col) {
            *slot =
                Arc::try_unwrap(run).map_or_else(|run| run.cells().clone(), CellRun::into_cells);
        }
    }

    /// Makes every shared column this table's own again.
    fn unshare_all(&mut self) {
        (0..self.shared.len()).for_each(|c| self.unshare(c));
        self.shared.clear();
    }

    /// Takes a column out (left empty), as a run to set aside; a shared one as it is.
    fn take_column(&mut self, col: usize) -> Option<Arc<CellRun>> {
        if let Some(run) = self.shared.get_mut(col).and_then(Option::take) {
            return Some(run);
        }
        let slot = self.columns.get_mut(col)?;
        Some(Arc::new(CellRun::from_cells(std::mem::take(slot))))
    }

    /// Whether a column set aside can be put back whole as column `col`: it holds every
    /// physical row.
    pub(crate) fn can_share(&self, col: usize, run: &CellRun) -> bool {
        run.len() == self.lines.len() && col < self.columns.len()
    }

    /// Puts a column set aside whole back, shared with whoever keeps it (an undo or redo
    /// of a block step), when it can be ([`Table::can_share`]). Returns the column it
    /// replaces.
    pub(crate) fn share_column(&mut self, col: usize, run: Arc<CellRun>) -> Option<Arc<CellRun>> {
        if !self.can_share(col, &run) {
            return None;
        }
        let old = self.take_column(col)?;
        if self.shared.len() < self.columns.len() {
            self.shared.resize(self.columns.len(), None);
        }
        if let Some(slot) = self.shared.get_mut(col) {
            *slot = Some(run);
        }
        Some(old)
    }

    /// Whether a column is shared with a step (see [`Table::share_column`]).
    pub fn is_shared(&self, col: usize) -> bool {
        matches!(self.shared.get(col), Some(Some(_)))
    }

    /// A cell's text (`""` outside the table).
    pub fn cell(&self, row: usize, col: usize) -> &str {
        match (self.phys(row), self.column(col)) {
            (Some(p), Some(c)) => c.get(p),
            _ => "",
        }
    }

    /// Physical row of each logical row, for column scans.
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// How many fields the row's record has (differs from the width for ragged rows).
    pub fn field_count(&self, row: usize) -> usize {
        let Some(p) = self.phys(row) else { return 0 };
        if let Some(&n) = self.short.get(&p) {
            return n;
        }
        self.width() + self.extra.get(&p).map_or(0, Vec::len)
    }

    /// Whether any row, deleted ones included, has more or fewer fields than the header.
    pub fn has_ragged_rows(&self) -> bool {
        !self.short.is_empty() || !self.extra.is_empty()
    }

    /// How many fields a row read with fewer than the header has, while it is that short.
    pub fn short_fields(&self, row: usize) -> Option<usize> {
        // Asked of every cell a block writes: most files have no short row, and a lookup
        // in an empty map still hashes the row.
        if self.short.is_empty() {
            return None;
        }
        self.short.get(&self.phys(row)?).copied()
    }

    /// Makes a row short again: undoing the change that filled it out.
    pub(crate) fn restore_short(&mut self, row: usize, n: usize) {
        if let Some(p) = self.phys(row)
            && n < self.width()
        {
            self.short.insert(p, n);
        }
    }

    /// The fields a row's record had beyond the header's width.
    pub fn extra_fields(&self, row: usize) -> &[String] {
        self.phys(row)
            .and_then(|p| self.extra.get(&p))
            .map_or(&[], Vec::as_slice)
    }

    /// The line in the source file the row started on, if it came from the file.
    pub fn source_line(&self, row: usize) -> Option<u32> {
        self.phys(row)
            .and_then(|p| self.lines.get(p as usize).copied())
            .filter(|&l| l > 0)
    }

    /// Sets a cell; returns the old value. Writing into a short row fills it out.
    pub fn set(&mut self, row: usize, col: usize, value: &str) -> Option<String> {
        let p = self.phys(row)?;
        let column = self.column_mut(col)?;
        let old = column.get(p).to_string();
        column.set(p, value);
        if let Some(&n) = self.short.get(&p)
            && col >= n
        {
            self.short.remove(&p);
        }
        Some(old)
    }

    /// Inserts a new full-width row at `row` (clamped to the end) with the given cells.
    pub fn insert_row(&mut self, row: usize, cells: &[String]) {
        let at = row.min(self.order.len());
        let phys = offset(self.lines.len());
        // Every column gets a cell: none can stay shared.
        self.unshare_all();
        for (i, c) in self.columns.iter_mut().enumerate() {
            c.push(cells.get(i).map_or("", String::as_str));
        }
        self.lines.push(0);
        self.order.insert(at, phys);
    }

    /// Puts the row deleted last back at `row` (clamped to the end) when it holds these
    /// cells, as it was: its extra fields, read problems and source line (undoing its
    /// delete, or redoing an insert that was undone). Other cells go in as a new row.
    /// Only undo and redo may: a new blank row must not bring back a deleted blank one.
    pub fn restore_row(&mut self, row: usize, cells: &[String]) {
        if let Some(&last) = self.removed.last()
            && self.physical_cells_equal(last, cells)
        {
            self.removed.pop();
            self.order.insert(row.min(self.order.len()), last);
            return;
        }
        self.insert_row(row, cells);
    }

    /// Removes the row at `row` from the document; returns its cells.
    pub fn remove_row(&mut self, row: usize) -> Option<Vec<String>> {
        if row >= self.order.len() {
            return None;
        }
        let cells = (0..self.width())
            .map(|c| self.cell(row, c).to_string())
            .collect();
        let phys = self.order.remove(row);
        self.removed.push(phys);
        Some(cells)
    }

    /// Whether a stored physical row holds exactly these cells.
    fn physical_cells_equal(&self, phys: u32, cells: &[String]) -> bool {
        cells.len() == self.width()
            && (0..self.width())
                .zip(cells)
                .all(|(c, v)| self.column(c).is_some_and(|c| c.get(phys) == v.as_str()))
    }

    /// Puts the columns in a new order (a permutation checked by the caller): new column
    /// `i` is the old column `order[i]`. Rows read short or long keep their field counts.
    pub(crate) fn reorder_columns(&mut self, order: &[usize]) {
        let mut old: Vec<Option<ColumnCells>> = std::mem::take(&mut self.columns)
            .into_iter()
            .map(Some)
            .collect();
        self.columns = order
            .iter()
            .map(|&o| old.get_mut(o).and_then(Option::take).unwrap_or_default())
            .collect();
        if !self.shared.is_empty() {
            let mut shared = std::mem::take(&mut self.shared);
            self.shared = order
                .iter()
                .map(|&o| shared.get_mut(o).and_then(Option::take))
                .collect();
        }
    }

    /// Adds a column at the right end (used when a schema column is added to a file).
    pub fn push_column(&mut self) {
        let mut c = ColumnCells::default();
        for _ in 0..self.lines.len() {
            c.push("");
        }
        self.columns.push(c);
        if !self.shared.is_empty() {
            self.shared.push(None);
        }
    }
}
