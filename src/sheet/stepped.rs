//! Cell edits too large for one frame — clearing a whole sheet, a replace all over a
//! million cells, undoing either — carried out a slice at a time, so the window keeps
//! drawing, shows progress and can offer Cancel. Finished, a stepped edit is the same
//! single undo step [`Sheet::set_cells`] would have made; cancelled, the sheet is as it
//! was before it began.

use super::Sheet;
use crate::document::{CellChange, Edit};

/// A cell edit in progress (see [`Sheet::begin_stepped`], [`Sheet::begin_stepped_undo`]).
#[derive(Debug)]
pub struct SteppedEdit {
    /// Changes still to perform, in order (undo and redo know theirs from the start; a
    /// new edit gets them slice by slice through [`Sheet::stepped_set`]).
    pending: Vec<CellChange>,
    /// How many of `pending` are performed.
    next: usize,
    /// Changes of a new edit performed so far, in order.
    made: Vec<CellChange>,
    purpose: Purpose,
}

/// What finishing a stepped edit records.
#[derive(Debug)]
enum Purpose {
    /// A new step.
    New,
    /// The newest step being undone (taken off the undo list; goes to redo).
    Undo(Edit),
    /// The undone step being redone (taken off the redo list; goes back to undo).
    Redo(Edit),
    /// Taking back what a cancelled stepped edit had done; the step is put back where it
    /// was taken from, if any.
    Revert(Option<Put>),
}

/// Where a reverted undo or redo puts its step back.
#[derive(Debug)]
enum Put {
    Undo(Edit),
    Redo(Edit),
}

impl SteppedEdit {
    fn with(pending: Vec<CellChange>, purpose: Purpose) -> Self {
        SteppedEdit {
            pending,
            next: 0,
            made: Vec::new(),
            purpose,
        }
    }

    /// The share of the known changes performed, 0 to 1 (a new edit knows only the
    /// slices given so far: the caller measures its own progress).
    pub fn progress(&self) -> f32 {
        if self.pending.is_empty() {
            return 1.0;
        }
        self.next as f32 / self.pending.len() as f32
    }

    /// Cells changed so far.
    pub fn changed(&self) -> usize {
        self.made.len() + self.next
    }

    /// Whether this is the taking back of a cancelled edit.
    pub fn is_revert(&self) -> bool {
        matches!(self.purpose, Purpose::Revert(_))
    }
}

/// The cell changes of a step made only of cell changes (nested batches of them too);
/// None for a step that inserts or deletes rows or moves columns.
fn cell_changes(edit: &Edit) -> Option<Vec<CellChange>> {
    match edit {
        Edit::Cells(c) => Some(c.clone()),
        Edit::Batch(edits) => {
            let mut out = Vec::new();
            for e in edits {
                out.extend(cell_changes(e)?);
            }
            Some(out)
        }
        Edit::InsertRows(_) | Edit::DeleteRows(_) | Edit::Columns(_) => None,
    }
}

/// How many cells a step changes (0 for a step that moves rows): the window steps an
/// undo of a large one.
pub fn cells_in(edit: &Edit) -> usize {
    // Counted, not gathered: asked before each undo, of steps of millions of changes.
    fn count(edit: &Edit) -> Option<usize> {
        match edit {
            Edit::Cells(c) => Some(c.len()),
            Edit::Batch(edits) => edits.iter().map(count).sum(),
            Edit::InsertRows(_) | Edit::DeleteRows(_) | Edit::Columns(_) => None,
        }
    }
    count(edit).unwrap_or(0)
}

impl Sheet {
    /// Starts a new cell edit given slice by slice ([`Sheet::stepped_set`]). Until it
    /// finishes, [`Sheet::revision`] stays where it was.
    pub fn begin_stepped(&mut self) -> SteppedEdit {
        self.hold_revision();
        SteppedEdit::with(Vec::new(), Purpose::New)
    }

    /// [`Sheet::begin_stepped`] for an edit of about `cells` cells: room for their
    /// records is made at once, so that no slice pays for growing them (a million-entry
    /// table rehashed in one slice took seconds).
    pub fn begin_stepped_for(&mut self, cells: usize) -> SteppedEdit {
        let mut edit = self.begin_stepped();
        edit.made.reserve(cells);
        self.originals.reserve(cells);
        edit
    }

    fn hold_revision(&mut self) {
        self.held_revision.get_or_insert(self.revision);
    }

    /// Sets these cells now, as part of the stepped edit: the changes are checked at
    /// once, and recorded as one step when the edit finishes.
    pub fn stepped_set(&mut self, edit: &mut SteppedEdit, cells: Vec<(usize, usize, String)>) {
        let changes = self.cell_changes(cells);
        if changes.is_empty() {
            return;
        }
        self.perform(&Edit::Cells(changes.clone()));
        edit.made.extend(changes);
    }

    /// Starts undoing the newest step a slice at a time; None when there is nothing to
    /// undo or the step moves rows (those undo at once: [`Sheet::undo`]).
    pub fn begin_stepped_undo(&mut self) -> Option<SteppedEdit> {
        let changes = cell_changes(self.undo.last()?)?;
        let step = self.undo.pop()?;
        self.hold_revision();
        let inverse = reversed(changes);
        Some(SteppedEdit::with(inverse, Purpose::Undo(step)))
    }

    /// Starts redoing the step undone last, a slice at a time (see
    /// [`Sheet::begin_stepped_undo`]).
    pub fn begin_stepped_redo(&mut self) -> Option<SteppedEdit> {
        let changes = cell_changes(self.redo.last()?)?;
        let step = self.redo.pop()?;
        self.hold_revision();
        Some(SteppedEdit::with(changes, Purpose::Redo(step)))
    }

    /// Performs up to `max` of the edit's known changes; true when none is left.
    pub fn stepped_run(&mut self, edit: &mut SteppedEdit, max: usize) -> bool {
        let end = edit.next.saturating_add(max).min(edit.pending.len());
        if let Some(slice) = edit.pending.get(edit.next..end)
            && !slice.is_empty()
        {
            self.perform(&Edit::Cells(slice.to_vec()));
        }
        edit.next = end;
        edit.next >= edit.pending.len()
    }

    /// Records a finished edit: a new one as one undo step, an undo or redo as the
    /// plain [`Sheet::undo`] / [`Sheet::redo`] would. Returns whether anything changed.
    /// Changes not yet performed are performed first.
    pub fn stepped_finish(&mut self, mut edit: SteppedEdit) -> bool {
        while !self.stepped_run(&mut edit, usize::MAX) {}
        self.held_revision = None;
        self.revision += 1;
        match edit.purpose {
            Purpose::New => {
                if edit.made.is_empty() {
                    return false;
                }
                self.push_done(Edit::Cells(edit.made));
            }
            Purpose::Undo(step) => self.redo.push(step),
            Purpose::Redo(step) => self.undo.push(step),
            Purpose::Revert(Some(Put::Undo(step))) => self.undo.push(step),
            Purpose::Revert(Some(Put::Redo(step))) => self.redo.push(step),
            Purpose::Revert(None) => {}
        }
        true
    }

    /// Stops an edit: returns the stepped edit that takes back what it did (run it and
    /// finish it like any other; a revert cannot itself be cancelled, as the sheet would
    /// be left half-way).
    pub fn stepped_cancel(&mut self, edit: SteppedEdit) -> SteppedEdit {
        let done: Vec<CellChange> = match edit.purpose {
            Purpose::New => edit.made,
            Purpose::Revert(_) => return edit,
            _ => edit.pending.get(..edit.next).unwrap_or_default().to_vec(),
        };
        let put = match edit.purpose {
            Purpose::Undo(step) => Some(Put::Undo(step)),
            Purpose::Redo(step) => Some(Put::Redo(step)),
            _ => None,
        };
        SteppedEdit::with(reversed(done), Purpose::Revert(put))
    }
}

/// The changes that take these back, last first.
fn reversed(changes: Vec<CellChange>) -> Vec<CellChange> {
    match Edit::Cells(changes).inverse() {
        Edit::Cells(c) => c,
        _ => Vec::new(),
    }
}
