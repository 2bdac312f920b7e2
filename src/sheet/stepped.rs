//! Cell edits too large for one frame — clearing a whole sheet, a replace all over a
//! million cells, undoing either — carried out a slice at a time, so the window keeps
//! drawing, shows progress and can offer Cancel. Finished, a stepped edit is the same
//! single undo step [`Sheet::set_cells`] would have made; cancelled, the sheet is as it
//! was before it began.

use super::Sheet;
use crate::document::{CellChange, Edit};
use std::ops::Range;
use std::sync::Arc;

/// Changes one slice makes at most: at 2–4 µs a change (the check, the undo record, the
/// value as opened) about 15 ms, so a frame's budget is never overrun by much. A slice of
/// a clear or a search covers [`rows_per_slice`] rows; one of an undo or a redo this many
/// changes.
pub const CHANGES_PER_SLICE: usize = 5_000;

/// Rows a slice of a clear or a replace covers when each row can change `cols` cells.
pub fn rows_per_slice(cols: usize) -> usize {
    (CHANGES_PER_SLICE / cols.max(1)).max(1)
}

/// A cell edit in progress (see [`Sheet::begin_stepped`], [`Sheet::begin_stepped_undo`]).
#[derive(Debug)]
pub struct SteppedEdit {
    /// Changes known from the start (an undo, a redo, taking back a cancelled edit); a
    /// new edit gets its changes slice by slice through [`Sheet::stepped_set`].
    run: Option<Run>,
    /// How many of the run's changes are performed.
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
    Undo(Arc<Edit>),
    /// The undone step being redone (taken off the redo list; goes back to undo).
    Redo(Arc<Edit>),
    /// Taking back what a cancelled stepped edit had done; the step is put back where it
    /// was taken from, if any.
    Revert(Option<Put>),
}

/// Where a reverted undo or redo puts its step back.
#[derive(Debug)]
enum Put {
    Undo(Arc<Edit>),
    Redo(Arc<Edit>),
}

/// Some of a step's cell changes, read from the step where it is kept: a step can hold
/// millions of changes, and copying them (or their inverse) before the first slice took
/// seconds on one frame. Changes are numbered in the order the step performs them.
#[derive(Debug)]
struct Run {
    step: Arc<Edit>,
    /// The step's changes `start..start + len`.
    start: usize,
    len: usize,
    /// Taken back: last first, each one's inverse.
    back: bool,
}

impl Run {
    /// The run's changes at positions `from..to`, in the order to perform them.
    fn changes(&self, from: usize, to: usize) -> Vec<CellChange> {
        let mut out = Vec::with_capacity(to.saturating_sub(from));
        if self.back {
            let end = self.start + self.len;
            collect(&self.step, 0, &(end - to..end - from), &mut out);
            out.reverse();
            // The slice's changes are copies already: turned around where they lie.
            out.iter_mut().for_each(CellChange::invert);
        } else {
            collect(
                &self.step,
                0,
                &(self.start + from..self.start + to),
                &mut out,
            );
        }
        out
    }

    /// The run that takes back its first `done` changes.
    fn taken_back(&self, done: usize) -> Run {
        let start = if self.back {
            self.start + self.len - done
        } else {
            self.start
        };
        Run {
            step: self.step.clone(),
            start,
            len: done,
            back: !self.back,
        }
    }
}

/// Adds the changes numbered `want` of `edit`, whose first change is numbered `at`;
/// returns the number after its last.
fn collect(edit: &Edit, mut at: usize, want: &Range<usize>, out: &mut Vec<CellChange>) -> usize {
    match edit {
        Edit::Cells(c) => {
            let (lo, hi) = (want.start.max(at), want.end.min(at + c.len()));
            if lo < hi {
                out.extend_from_slice(c.get(lo - at..hi - at).unwrap_or_default());
            }
            at + c.len()
        }
        Edit::Batch(edits) => {
            for e in edits {
                if at >= want.end {
                    break;
                }
                at = collect(e, at, want, out);
            }
            at
        }
        Edit::Block(_) | Edit::InsertRows(_) | Edit::DeleteRows(_) | Edit::Columns(_) => at,
    }
}

impl SteppedEdit {
    fn with(run: Option<Run>, purpose: Purpose) -> Self {
        SteppedEdit {
            run,
            next: 0,
            made: Vec::new(),
            purpose,
        }
    }

    /// The share of the known changes performed, 0 to 1 (a new edit knows only the
    /// slices given so far: the caller measures its own progress).
    pub fn progress(&self) -> f32 {
        match &self.run {
            Some(run) if run.len > 0 => self.next as f32 / run.len as f32,
            _ => 1.0,
        }
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

/// How many cells a step changes; None for a step that inserts or deletes rows or moves
/// columns (those are not stepped).
fn count(edit: &Edit) -> Option<usize> {
    match edit {
        Edit::Cells(c) => Some(c.len()),
        Edit::Batch(edits) => edits.iter().map(count).sum(),
        Edit::Block(_) | Edit::InsertRows(_) | Edit::DeleteRows(_) | Edit::Columns(_) => None,
    }
}

/// How many cells a step changes (0 for a step that moves rows): the window steps an
/// undo of a large one.
pub fn cells_in(edit: &Edit) -> usize {
    // Counted, not gathered: asked before each undo, of steps of millions of changes.
    count(edit).unwrap_or(0)
}

/// The whole of a step made only of cell changes, forwards or taken back.
fn whole(step: &Arc<Edit>, back: bool) -> Option<Run> {
    Some(Run {
        len: count(step)?,
        step: step.clone(),
        start: 0,
        back,
    })
}

impl Sheet {
    /// Starts a new cell edit given slice by slice ([`Sheet::stepped_set`]). Until it
    /// finishes, [`Sheet::revision`] stays where it was.
    pub fn begin_stepped(&mut self) -> SteppedEdit {
        self.hold_revision();
        SteppedEdit::with(None, Purpose::New)
    }

    /// [`Sheet::begin_stepped`] for an edit of `rows` rows of each of `cols`: room for
    /// its record, and for the edited cells of text columns, is made at once, so that no
    /// slice pays for growing them (a million-entry table rehashed in one slice took
    /// seconds).
    pub fn begin_stepped_for(&mut self, rows: usize, cols: &[usize]) -> SteppedEdit {
        let cells = rows.saturating_mul(cols.len());
        let mut edit = self.begin_stepped();
        edit.made.reserve(cells);
        for &col in cols {
            self.doc.table.reserve_edits(col, rows);
        }
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
        let run = whole(self.undo.last()?, true)?;
        let step = self.undo.pop()?;
        self.hold_revision();
        Some(SteppedEdit::with(Some(run), Purpose::Undo(step)))
    }

    /// Starts redoing the step undone last, a slice at a time (see
    /// [`Sheet::begin_stepped_undo`]).
    pub fn begin_stepped_redo(&mut self) -> Option<SteppedEdit> {
        let run = whole(self.redo.last()?, false)?;
        let step = self.redo.pop()?;
        self.hold_revision();
        Some(SteppedEdit::with(Some(run), Purpose::Redo(step)))
    }

    /// Performs up to `max` of the edit's known changes; true when none is left.
    pub fn stepped_run(&mut self, edit: &mut SteppedEdit, max: usize) -> bool {
        let Some(run) = &edit.run else {
            return true;
        };
        let end = edit.next.saturating_add(max).min(run.len);
        if end > edit.next {
            self.perform(&Edit::Cells(run.changes(edit.next, end)));
        }
        edit.next = end;
        edit.next >= run.len
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
        if edit.is_revert() {
            return edit;
        }
        let SteppedEdit {
            run,
            next,
            made,
            purpose,
        } = edit;
        let back = match run {
            Some(run) => run.taken_back(next),
            None => Run {
                len: made.len(),
                step: Arc::new(Edit::Cells(made)),
                start: 0,
                back: true,
            },
        };
        let put = match purpose {
            Purpose::Undo(step) => Some(Put::Undo(step)),
            Purpose::Redo(step) => Some(Put::Redo(step)),
            _ => None,
        };
        SteppedEdit::with(Some(back), Purpose::Revert(put))
    }
}
