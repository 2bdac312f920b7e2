//! Replace all on a large sheet: the search, which reads every cell, spread over frames
//! (each frame searches for a few tens of milliseconds; the window shows progress with
//! Cancel and input waits behind it), then every replacement written as one block step.
//! Nothing changes before the last slice, so Cancel has nothing to take back.

use crate::Sheet;
use crate::find::{Query, Replacements};
use std::time::{Duration, Instant};

/// Replace all searches a slice at a time from this many rows.
const STEP_FROM_ROWS: usize = 10_000;
/// Cells one slice searches: ~15 ms, so a frame's budget is never overrun by much.
const CELLS_PER_SLICE: usize = 120_000;
/// Time given to the search in one frame, well within the 100 ms a frame may take.
const FRAME_BUDGET: Duration = Duration::from_millis(35);

/// A replace all under way.
pub struct LongReplace {
    query: Query,
    with: String,
    /// Rows searched so far.
    next_row: usize,
    found: Replacements,
}

impl LongReplace {
    /// Replace all, when the sheet has too many rows to search in one frame.
    pub fn start(sheet: &Sheet, query: Query, with: String) -> Option<Self> {
        (sheet.doc().rows() >= STEP_FROM_ROWS).then(|| LongReplace {
            query,
            with,
            next_row: 0,
            found: Replacements::default(),
        })
    }

    /// The share searched, 0 to 1.
    pub fn progress(&self, sheet: &Sheet) -> f32 {
        match sheet.doc().rows() {
            0 => 1.0,
            total => self.next_row as f32 / total as f32,
        }
    }

    /// Searches slices while another fits the frame's budget (one slice at least; only
    /// one with `one_slice`, as tests step it); after the last, writes the replacements
    /// and returns how many cells changed.
    pub fn run_frame(
        mut self: Box<Self>,
        sheet: &mut Sheet,
        one_slice: bool,
    ) -> Result<usize, Box<Self>> {
        let budget = if one_slice {
            Duration::ZERO
        } else {
            FRAME_BUDGET
        };
        let start = Instant::now();
        loop {
            let slice_start = Instant::now();
            if self.slice(sheet) {
                self.found.write(sheet);
                return Ok(self.found.len());
            }
            // Stop before a slice like this one would overrun the budget.
            if start.elapsed() + slice_start.elapsed() >= budget {
                return Err(self);
            }
        }
    }

    /// Searches one slice of rows; true when every row is searched.
    fn slice(&mut self, sheet: &Sheet) -> bool {
        let cols = self.query.column.map_or(sheet.doc().width(), |_| 1);
        let rows = (CELLS_PER_SLICE / cols.max(1)).max(1);
        let from = self.next_row;
        let to = (from + rows).min(sheet.doc().rows());
        self.found.gather(sheet, &self.query, &self.with, from..to);
        self.next_row = to;
        to >= sheet.doc().rows()
    }
}
