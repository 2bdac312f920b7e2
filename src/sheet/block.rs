//! Block steps: many cells of some columns changed as one compact step (a clear, a
//! paste, a fill, a replace or fixes over many rows). Past a share of the sheet a block
//! writes each column anew in one pass, setting the old cells aside whole, and checks
//! the sheet once, instead of a record, an undo entry and a check per cell.

use super::Sheet;
use crate::document::{Block, CellRun, ColumnBlock, Edit, PhysRuns, Planned, Rows, Values};
use std::sync::Arc;

/// A block writing at least one cell for every 16 rows of the sheet is checked by one
/// full check (~0.25 µs a row at a million rows: the undo of a whole-sheet clear, 24
/// columns built anew and checked, takes 0.25 s) instead of cell by cell (~3.5 µs a cell
/// with a duplicate index: replace all over 250,000 Login IDs took 0.85–1.6 s so, when
/// this was 1/64 of the sheet's cells).
const FULL_CHECK_ROWS_PER_CELL: usize = 16;
/// Within such a block, a column whose rows it writes at least 1/8 of is built anew in
/// one pass over the column, its old cells set aside whole; others are set cell by cell.
const REBUILD_SHARE: usize = 8;

impl Sheet {
    /// Writes cells by column as one undo step: for each column, its rows (ascending,
    /// each once) with their values. Cells outside the document or already holding their
    /// value are left alone. Returns whether anything changed.
    pub fn write_columns<'v, I>(&mut self, columns: Vec<(usize, I)>) -> bool
    where
        I: Iterator<Item = (usize, &'v str)> + Clone,
    {
        match self.perform_columns(columns) {
            Some(edit) => {
                self.push_done(edit);
                true
            }
            None => false,
        }
    }

    /// Makes the changes of [`Sheet::write_columns`] without recording them; returns the
    /// step made, None when nothing changed.
    pub(super) fn perform_columns<'v, I>(&mut self, columns: Vec<(usize, I)>) -> Option<Edit>
    where
        I: Iterator<Item = (usize, &'v str)> + Clone,
    {
        let total: usize = columns.iter().map(|(_, c)| c.clone().count()).sum();
        let full = self.is_full_check(total);
        let mut planned: Vec<Planned> = columns
            .iter()
            .map(|(col, cells)| {
                let rebuild = full && self.is_rebuilt(cells.clone().count());
                ColumnBlock::plan(&self.doc, *col, cells.clone(), !rebuild)
            })
            .collect();
        // Cells that lengthen a short row (rare: a ragged file) go as cell changes after
        // the block, the two one step.
        let short: Vec<(usize, usize, String)> = planned
            .iter_mut()
            .flat_map(|p| std::mem::take(&mut p.short))
            .collect();
        let block = (!planned.iter().all(|p| p.rows.is_empty()))
            .then(|| Edit::Block(self.perform_new_block(planned, full)));
        let cells = Some(Edit::Cells(self.cell_changes(short))).filter(|e| !e.is_empty());
        if let Some(cells) = &cells {
            self.perform(cells);
        }
        match (block, cells) {
            (Some(block), Some(cells)) => Some(Edit::Batch(vec![block, cells])),
            (block, cells) => block.or(cells),
        }
    }

    /// Sets cells given one by one, any order (the last value given for a cell wins), as
    /// one block step (see [`Sheet::write_columns`]).
    pub fn set_cells_by_column(&mut self, cells: Vec<(usize, usize, String)>) -> bool {
        match self.perform_cells_by_column(cells) {
            Some(edit) => {
                self.push_done(edit);
                true
            }
            None => false,
        }
    }

    /// Makes the changes of [`Sheet::set_cells_by_column`] without recording them.
    fn perform_cells_by_column(&mut self, mut cells: Vec<(usize, usize, String)>) -> Option<Edit> {
        // Stable: of a cell given twice, the later stays later.
        cells.sort_by_key(|&(r, c, _)| (c, r));
        let mut last: Vec<(usize, usize, &str)> = Vec::with_capacity(cells.len());
        for (r, c, v) in &cells {
            match last.last_mut() {
                Some(l) if (l.0, l.1) == (*r, *c) => l.2 = v,
                _ => last.push((*r, *c, v)),
            }
        }
        let columns = last
            .chunk_by(|a, b| a.1 == b.1)
            .filter_map(|run| {
                let col = run.first()?.1;
                Some((col, run.iter().map(|&(r, _, v)| (r, v))))
            })
            .collect();
        self.perform_columns(columns)
    }

    /// Empties `cols` of `rows` (any order) as one undo step.
    pub fn clear_cells(&mut self, rows: &[usize], cols: &[usize]) -> bool {
        self.fill_cells(rows, cols, "")
    }

    /// Sets one value in `cols` of `rows` (any order) as one undo step.
    pub fn fill_cells(&mut self, rows: &[usize], cols: &[usize], value: &str) -> bool {
        let rows = ascending(rows);
        let columns = cols
            .iter()
            .map(|&c| (c, rows.iter().map(move |&r| (r, value))))
            .collect();
        self.write_columns(columns)
    }

    /// Copies row `source`'s values of `cols` into `rows` (any order; Ctrl+D) as one
    /// undo step.
    pub fn fill_from(&mut self, source: usize, rows: &[usize], cols: &[usize]) -> bool {
        let rows = ascending(rows);
        let firsts: Vec<(usize, String)> = cols
            .iter()
            .map(|&c| (c, self.doc.cell(source, c).to_string()))
            .collect();
        let columns = firsts
            .iter()
            .map(|(c, v)| (*c, rows.iter().map(move |&r| (r, v.as_str()))))
            .collect();
        self.write_columns(columns)
    }

    fn is_full_check(&self, cells: usize) -> bool {
        cells.saturating_mul(FULL_CHECK_ROWS_PER_CELL) >= self.doc.rows()
    }

    fn is_rebuilt(&self, rows: usize) -> bool {
        rows.saturating_mul(REBUILD_SHARE) >= self.doc.table.physical_len()
    }

    /// Makes a new block's changes and returns the step (with the old cells of columns
    /// built anew set aside).
    fn perform_new_block(&mut self, planned: Vec<Planned>, full: bool) -> Block {
        self.revision += 1;
        let mut columns = Vec::with_capacity(planned.len());
        for p in planned.into_iter().filter(|p| !p.rows.is_empty()) {
            let old = match p.old {
                Some(old) => {
                    self.write_cells(p.col, &p.rows, &p.new, !full);
                    old
                }
                None => {
                    let phys = self.phys_runs(&p.rows);
                    let column = self.rebuild(p.col, &p.rows, &p.new);
                    Values::Aside { column, phys }
                }
            };
            columns.push(ColumnBlock {
                col: p.col,
                rows: p.rows,
                old,
                new: p.new,
            });
        }
        if full {
            self.validator.validate_all(&self.doc);
        }
        Block { columns }
    }

    /// Performs a block step again (`back`: takes it back), as an undo or redo does.
    pub(super) fn perform_block(&mut self, block: &Block, back: bool) {
        let full = self.is_full_check(block.len());
        for c in &block.columns {
            let to = if back { &c.old } else { &c.new };
            if let Some(column) = self.whole_column(c, to) {
                self.share(c.col, &c.rows, column, to);
            } else if full && self.is_rebuilt(c.rows.len()) {
                self.rebuild(c.col, &c.rows, to);
            } else {
                self.write_cells(c.col, &c.rows, to, !full);
            }
        }
        if full {
            self.validator.validate_all(&self.doc);
        }
    }

    /// Sets a column's cells one by one, each re-checked with `check`.
    fn write_cells(&mut self, col: usize, rows: &Rows, values: &Values, check: bool) {
        for (i, row) in rows.iter().enumerate() {
            self.remember_original(row, col);
            let old = self.doc.set(row, col, values.get(i));
            if check && let Some(old) = old {
                self.validator.cell_changed(&self.doc, row, col, &old);
            }
        }
    }

    /// The column set aside that `values` are, when putting it back whole gives every
    /// cell of the column its value: the block wrote every row, and the column holds
    /// every physical row (an undo or redo finds the sheet as the block left or found
    /// it, so the rows it did not write, deleted ones, hold the same values).
    fn whole_column(&self, c: &ColumnBlock, values: &Values) -> Option<Arc<CellRun>> {
        let Values::Aside { column, .. } = values else {
            return None;
        };
        (c.rows.len() == self.doc.rows() && self.doc.table.can_share(c.col, column))
            .then(|| column.clone())
    }

    /// Puts a column set aside back whole, shared with the step that keeps it (no copy):
    /// what [`Sheet::rebuild`] would build from it (`values`, which it falls back to).
    fn share(&mut self, col: usize, rows: &Rows, column: Arc<CellRun>, values: &Values) {
        self.before_rebuild(col, rows);
        match self.doc.table.share_column(col, column) {
            Some(aside) => self.remember_column(col, &aside),
            None => {
                debug_assert!(false, "column {col} set aside does not fit the table");
                self.rebuild(col, rows, values);
            }
        }
    }

    /// What a column built anew leaves behind: its read problems in `rows` are gone, and
    /// the values as opened of rows added since the column was first set aside (not in
    /// it) are remembered one by one.
    fn before_rebuild(&mut self, col: usize, rows: &Rows) {
        self.doc.forget_read_problems(col, rows);
        let opened = self.opened_column(col).map_or(usize::MAX, CellRun::len);
        let order = self.doc.table.order();
        let added: Vec<usize> = rows
            .iter()
            .filter(|&r| order.get(r).is_some_and(|&p| p as usize >= opened))
            .collect();
        for row in added {
            self.remember_original(row, col);
        }
    }

    /// Builds a column anew with `values` in `rows`; returns the column it replaced.
    fn rebuild(&mut self, col: usize, rows: &Rows, values: &Values) -> Arc<CellRun> {
        self.before_rebuild(col, rows);
        let mut at = vec![u32::MAX; self.doc.table.physical_len()];
        let order = self.doc.table.order();
        for (i, row) in rows.iter().enumerate() {
            if let Some(slot) = order.get(row).and_then(|&p| at.get_mut(p as usize)) {
                *slot = i as u32;
            }
        }
        let aside = self
            .doc
            .table
            .rebuild_column(col, |p| {
                let i = *at.get(p as usize)?;
                (i != u32::MAX).then(|| values.get(i as usize))
            })
            .unwrap_or_default();
        self.remember_column(col, &aside);
        aside
    }

    /// The physical rows of document rows, in runs.
    fn phys_runs(&self, rows: &Rows) -> Arc<PhysRuns> {
        let order = self.doc.table.order();
        let mut runs = PhysRuns::default();
        for row in rows.iter() {
            runs.push(order.get(row).copied().unwrap_or(u32::MAX));
        }
        Arc::new(runs)
    }
}

/// Rows in ascending order, each once.
fn ascending(rows: &[usize]) -> Vec<usize> {
    let mut rows = rows.to_vec();
    rows.sort_unstable();
    rows.dedup();
    rows
}
