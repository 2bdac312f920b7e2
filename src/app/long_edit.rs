//! Cell edits too large for one frame — replacing over hundreds of thousands of cells,
//! and undoing or redoing a per-cell step that large — spread over frames: each frame performs
//! slices for a few tens of milliseconds, the window shows progress with Cancel, and input
//! waits behind it. The core's [`SteppedEdit`] keeps the result one undo step, and a
//! cancel takes back what was done.

use crate::Sheet;
use crate::find::{Query, replacements_in_rows};
use crate::sheet::{CHANGES_PER_SLICE, SteppedEdit, cells_in, rows_per_slice};
use std::time::{Duration, Instant};

/// Below this many cells an edit is done at once: ~2–3 µs a cell (the check, the undo
/// record, the value as opened), so at most ~70 ms.
pub const STEP_FROM_CELLS: usize = 30_000;
/// Replace all searches a slice at a time from this many rows (each may be a change).
pub const STEP_FROM_ROWS: usize = 10_000;
/// Time given to the edit in one frame, well within the 100 ms a frame may take (slices
/// are sized by the core to take ~15 ms: `sheet::CHANGES_PER_SLICE`).
const FRAME_BUDGET: Duration = Duration::from_millis(35);

/// Where the cells of a new edit come from.
enum Source {
    /// Replacing matches of the query, every row.
    Replace { query: Query, with: String },
    /// The changes are known (an undo, a redo, taking back a cancelled edit).
    Known,
}

/// What the edit is, for its progress title and the notice when it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Replace all.
    Replace,
    /// Undo of a large step.
    Undo,
    /// Redo of a large step.
    Redo,
}

/// How a frame's slices ended.
pub enum Ended {
    /// Every slice done and the edit recorded; cells changed.
    Done(Kind, usize),
    /// A cancel finished taking back what was done.
    Cancelled,
}

/// A large cell edit in progress.
pub struct LongEdit {
    kind: Kind,
    source: Source,
    /// Rows of the source done (a clear or a search).
    next_row: usize,
    edit: SteppedEdit,
}

impl LongEdit {
    /// Replace all, when the sheet has too many rows to search in one frame.
    pub fn replace(sheet: &mut Sheet, query: Query, with: String) -> Option<Self> {
        (sheet.doc().rows() >= STEP_FROM_ROWS).then(|| LongEdit {
            kind: Kind::Replace,
            edit: sheet.begin_stepped(),
            source: Source::Replace { query, with },
            next_row: 0,
        })
    }

    /// Undo of the newest step when it changes too many cells for one frame.
    pub fn undo(sheet: &mut Sheet) -> Option<Self> {
        let big = sheet
            .history()
            .last()
            .is_some_and(|e| cells_in(e) >= STEP_FROM_CELLS);
        let edit = if big {
            sheet.begin_stepped_undo()
        } else {
            None
        }?;
        Some(LongEdit::known(Kind::Undo, edit))
    }

    /// Redo of the step undone last when it changes too many cells for one frame.
    pub fn redo(sheet: &mut Sheet) -> Option<Self> {
        let big = sheet
            .redo_next()
            .is_some_and(|e| cells_in(e) >= STEP_FROM_CELLS);
        let edit = if big {
            sheet.begin_stepped_redo()
        } else {
            None
        }?;
        Some(LongEdit::known(Kind::Redo, edit))
    }

    fn known(kind: Kind, edit: SteppedEdit) -> Self {
        LongEdit {
            kind,
            source: Source::Known,
            next_row: 0,
            edit,
        }
    }

    /// What it is doing, for the progress window's title (an English key for `tr`).
    pub fn title(&self) -> &'static str {
        if self.edit.is_revert() {
            return "Cancelling…";
        }
        match self.kind {
            Kind::Replace => "Replacing…",
            Kind::Undo => "Undoing…",
            Kind::Redo => "Redoing…",
        }
    }

    /// The share done, 0 to 1.
    pub fn progress(&self, sheet: &Sheet) -> f32 {
        let total = match &self.source {
            Source::Replace { .. } => sheet.doc().rows(),
            Source::Known => return self.edit.progress(),
        };
        if total == 0 {
            1.0
        } else {
            self.next_row as f32 / total as f32
        }
    }

    /// Whether Cancel can still be asked for (taking back cannot be stopped).
    pub fn can_cancel(&self) -> bool {
        !self.edit.is_revert()
    }

    /// Starts taking back what was done.
    pub fn cancel(self, sheet: &mut Sheet) -> Box<Self> {
        let edit = sheet.stepped_cancel(self.edit);
        Box::new(LongEdit::known(self.kind, edit))
    }

    /// Performs slices while another fits the frame's budget (one slice at least; only
    /// one with `one_slice`, as tests step it); the end once the last is done.
    pub fn run_frame(
        mut self: Box<Self>,
        sheet: &mut Sheet,
        one_slice: bool,
    ) -> Result<Ended, Box<Self>> {
        let budget = if one_slice {
            Duration::ZERO
        } else {
            FRAME_BUDGET
        };
        let start = Instant::now();
        loop {
            let slice_start = Instant::now();
            if self.slice(sheet) {
                return Ok((*self).finish(sheet));
            }
            // Stop before a slice like this one would overrun the budget: a frame pays the
            // budget at most, or one slice when a slice alone takes longer.
            if start.elapsed() + slice_start.elapsed() >= budget {
                return Err(self);
            }
        }
    }

    /// One slice; true when nothing is left.
    fn slice(&mut self, sheet: &mut Sheet) -> bool {
        let from = self.next_row;
        match &self.source {
            Source::Replace { query, with } => {
                // Every cell a slice searches may be a change.
                let cols = query.column.map_or(sheet.doc().width(), |_| 1);
                let to = (from + rows_per_slice(cols)).min(sheet.doc().rows());
                let cells = replacements_in_rows(sheet, query, with, from..to);
                sheet.stepped_set(&mut self.edit, cells);
                self.next_row = to;
                to >= sheet.doc().rows()
            }
            Source::Known => sheet.stepped_run(&mut self.edit, CHANGES_PER_SLICE),
        }
    }

    fn finish(self, sheet: &mut Sheet) -> Ended {
        let (kind, revert, changed) = (self.kind, self.edit.is_revert(), self.edit.changed());
        sheet.stepped_finish(self.edit);
        if revert {
            Ended::Cancelled
        } else {
            Ended::Done(kind, changed)
        }
    }
}
