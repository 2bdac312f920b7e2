//! Steps: applying an edit, undo and redo, and whether the sheet matches the saved file.

use super::Sheet;
use crate::document::{Edit, RowShape};
use std::sync::Arc;

impl Sheet {
    /// Applies an edit as one undo step and re-checks what it touched. Returns false, and
    /// records nothing, for an edit that changes nothing.
    pub fn apply(&mut self, edit: Edit) -> bool {
        if edit.is_empty() {
            return false;
        }
        self.perform(&edit);
        self.push_done(edit);
        true
    }

    /// Records an edit already performed as the newest undo step.
    pub(super) fn push_done(&mut self, edit: Edit) {
        // A state ahead on the redo list is gone once a new step clears that list.
        let now = self.undo.len();
        for at in [&mut self.saved_at, &mut self.disk_at] {
            if at.is_some_and(|s| s > now) {
                *at = None;
            }
        }
        self.undo.push(Arc::new(edit));
        self.redo.clear();
    }

    /// Takes back the newest step and keeps it for redo. Returns false when there is
    /// nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(edit) = self.undo.pop() else {
            return false;
        };
        self.perform_back(&edit);
        self.redo.push(edit);
        true
    }

    /// Does again the step undone last. Returns false when there is nothing to redo (a new
    /// edit clears the redo list).
    pub fn redo(&mut self) -> bool {
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        self.perform_step(&edit, true);
        self.undo.push(edit);
        true
    }

    /// Whether there is a step to undo (for enabling the menu item and toolbar button).
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The step a redo would do again, if any.
    pub fn redo_next(&self) -> Option<&Edit> {
        self.redo.last().map(|e| &**e)
    }

    /// Whether there is an undone step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The undo list, oldest step first: the window reads the newest to move the cursor to
    /// what an undo or redo changed. Steps are shared, not copied, with whoever keeps them
    /// (the recovery journal): one can hold millions of cell changes.
    pub fn history(&self) -> &[Arc<Edit>] {
        &self.undo
    }

    /// Whether the cells differ from the file as last saved (or opened): undoing back to
    /// the saved state makes the sheet clean again.
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.undo.len())
    }

    /// Records that the file on disk now holds the cells as they are.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.undo.len());
        self.disk_at = self.saved_at;
    }

    /// Records a save to other files (the numbered parts of a split): the cells are
    /// saved, and the document's own file still holds what it held.
    pub fn mark_saved_apart(&mut self) {
        self.saved_at = Some(self.undo.len());
    }

    /// The steps that turn the document as last saved (or opened) into what it is now,
    /// oldest first. None when the saved state is no longer reachable (it was undone
    /// past, then a new edit cleared the redo list).
    pub fn edits_since_save(&self) -> Option<Vec<Arc<Edit>>> {
        self.edits_since(self.saved_at)
    }

    /// The steps that turn what the document's own file holds into what it is now: what
    /// the recovery journal replays onto that file. The same as [`Sheet::edits_since_save`]
    /// but after a save to other files (see [`Sheet::mark_saved_apart`]).
    pub fn edits_since_file(&self) -> Option<Vec<Arc<Edit>>> {
        self.edits_since(self.disk_at)
    }

    fn edits_since(&self, at: Option<usize>) -> Option<Vec<Arc<Edit>>> {
        let saved = at?;
        let now = self.undo.len();
        if saved <= now {
            return self.undo.get(saved..).map(<[Arc<Edit>]>::to_vec);
        }
        // The saved state lies ahead on the redo list (topmost = first to redo): going
        // back from it means undoing those steps, deepest first.
        let ahead = saved - now;
        let start = self.redo.len().checked_sub(ahead)?;
        Some(
            self.redo
                .get(start..)?
                .iter()
                .map(|e| Arc::new(e.inverse()))
                .collect(),
        )
    }

    /// Performs a new step without recording it.
    pub(super) fn perform(&mut self, edit: &Edit) {
        self.perform_step(edit, false);
    }

    /// Takes a step back: what performing its inverse does, without copying a block's
    /// values to make that inverse.
    fn perform_back(&mut self, edit: &Edit) {
        match edit {
            Edit::Block(block) => {
                self.revision += 1;
                self.perform_block(block, true);
            }
            Edit::Batch(edits) => {
                self.revision += 1;
                for e in edits.iter().rev() {
                    self.perform_back(e);
                }
            }
            Edit::Cells(_) | Edit::InsertRows(_) | Edit::DeleteRows(_) | Edit::Columns(_) => {
                self.perform_step(&edit.inverse(), true)
            }
        }
    }

    /// Changes the document by one step and re-checks what it touched.
    /// `restoring`: the step comes from the undo or redo list, so a row it inserts may be
    /// the row deleted last, put back as it was (extra fields, read problems, line in the
    /// file); a new step always inserts new rows.
    fn perform_step(&mut self, edit: &Edit, restoring: bool) {
        self.revision += 1;
        match edit {
            Edit::Batch(edits) => {
                for e in edits {
                    self.perform_step(e, restoring);
                }
            }
            Edit::Block(block) => self.perform_block(block, false),
            Edit::Cells(changes) => {
                for c in changes {
                    self.remember_original(c.row, c.col);
                    if let Some(old) = self.doc.set(c.row, c.col, &c.new) {
                        if let RowShape::Restores(n) = c.shape {
                            self.doc.table.restore_short(c.row, n);
                        }
                        self.validator.cell_changed(&self.doc, c.row, c.col, &old);
                    }
                }
            }
            Edit::InsertRows(rows) => {
                for (at, cells) in rows {
                    if restoring {
                        self.doc.table.restore_row(*at, cells);
                    } else {
                        self.doc.table.insert_row(*at, cells);
                    }
                }
                let at: Vec<usize> = rows.iter().map(|(at, _)| *at).collect();
                self.validator.rows_inserted(&self.doc, &at);
            }
            Edit::DeleteRows(rows) => {
                let at: Vec<usize> = rows.iter().map(|(at, _)| *at).collect();
                self.validator.rows_removing(&self.doc, &at);
                for &row in at.iter().rev() {
                    self.doc.table.remove_row(row);
                }
                self.validator.rows_removed(&self.doc, &at);
            }
            Edit::Columns(order) => {
                if self.doc.reorder_columns(order) {
                    self.columns_reordered(order);
                    // Every column's binding and position changes: check everything again
                    // (a rare, whole-sheet step).
                    self.validator.validate_all(&self.doc);
                }
            }
        }
    }
}
