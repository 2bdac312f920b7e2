//! The rows the grid shows: filtered and sorted by a [`ViewSpec`], never the file's order.

use crate::Sheet;
use crate::view::{SortInput, ViewSpec, filtered_rows, visible_rows};
use std::ops::Range;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// From this many rows a sort runs on another thread (~0.5 s at 1M rows); the rows as
/// they were stay on screen until it is done.
pub const SORT_OFF_FRAME_ROWS: usize = 20_000;

/// A sort running on another thread, for this revision and spec.
#[derive(Debug)]
struct PendingSort {
    key: (u64, ViewSpec),
    rows: usize,
    rx: Receiver<Vec<usize>>,
}

/// Document rows in screen order, and where each document row is on screen.
#[derive(Debug, Default)]
pub struct RowView {
    /// The filters and the sort.
    pub spec: ViewSpec,
    rows: Vec<usize>,
    /// Screen position of each document row; `u32::MAX` when the view hides it.
    pos: Vec<u32>,
    built_for: Option<(u64, ViewSpec)>,
    sorting: Option<PendingSort>,
    /// Leave a finished sort waiting (tests hold it to reach the state while it runs).
    pub hold_sorts: bool,
}

const HIDDEN: u32 = u32::MAX;

impl RowView {
    /// Rebuilds the view when the sheet or the spec changed since the last call. A sort
    /// of many rows is started on another thread and shown once done (see
    /// [`RowView::is_sorting`]).
    pub fn refresh(&mut self, sheet: &Sheet) {
        let key = (sheet.revision(), self.spec.clone());
        let rows = sheet.doc().rows();
        if self.built_for.as_ref() == Some(&key) && self.pos.len() == rows {
            self.sorting = None;
            return;
        }
        let Some((col, descending)) = self.spec.sort.filter(|_| rows >= SORT_OFF_FRAME_ROWS) else {
            self.sorting = None;
            let shown = if self.spec.is_identity() {
                (0..rows).collect()
            } else {
                visible_rows(sheet, &self.spec)
            };
            self.install(shown, rows, Some(key));
            return;
        };
        match self.poll_sort(&key, rows) {
            Some(sorted) => self.install(sorted, rows, Some(key)),
            None if self.sorting.is_some() => {}
            None => self.start_sort(sheet, key, col, descending),
        }
        if self.pos.len() != rows {
            // Rows came or went while the sort runs: file order until it is done.
            self.install(filtered_rows(sheet, &self.spec), rows, None);
        }
    }

    /// The sort for `key` once it is done; a sort for another key is dropped.
    fn poll_sort(&mut self, key: &(u64, ViewSpec), rows: usize) -> Option<Vec<usize>> {
        let p = self.sorting.take()?;
        if p.key != *key || p.rows != rows {
            return None;
        }
        if self.hold_sorts {
            self.sorting = Some(p);
            return None;
        }
        match p.rx.try_recv() {
            Ok(sorted) => Some(sorted),
            Err(TryRecvError::Empty) => {
                self.sorting = Some(p);
                None
            }
            Err(TryRecvError::Disconnected) => None,
        }
    }

    fn start_sort(&mut self, sheet: &Sheet, key: (u64, ViewSpec), col: usize, descending: bool) {
        let input = SortInput::gather(sheet, filtered_rows(sheet, &self.spec), col);
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(input.sort(descending));
        });
        let rows = sheet.doc().rows();
        self.sorting = Some(PendingSort { key, rows, rx });
    }

    /// Whether a sort is running on another thread (the rows shown are the view before).
    pub fn is_sorting(&self) -> bool {
        self.sorting.is_some()
    }

    /// Stops waiting for a running sort and goes back to the view shown before it.
    pub fn cancel_sort(&mut self) {
        if self.sorting.take().is_some() {
            match &self.built_for {
                Some((_, shown)) => self.spec = shown.clone(),
                None => self.spec.sort = None,
            }
        }
    }

    /// Shows these rows; `key` is what they are current for (None: an interim view).
    fn install(&mut self, shown: Vec<usize>, rows: usize, key: Option<(u64, ViewSpec)>) {
        self.rows = shown;
        self.pos = vec![HIDDEN; rows];
        for (v, &r) in self.rows.iter().enumerate() {
            if let Some(p) = self.pos.get_mut(r) {
                *p = v as u32;
            }
        }
        self.built_for = key;
    }

    /// How many rows are shown.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// No row is shown.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The document row shown at a screen row.
    pub fn doc_row(&self, view_row: usize) -> Option<usize> {
        self.rows.get(view_row).copied()
    }

    /// The screen row of a document row, None when the view hides it.
    pub fn view_row(&self, doc_row: usize) -> Option<usize> {
        self.pos
            .get(doc_row)
            .copied()
            .filter(|&p| p != HIDDEN)
            .map(|p| p as usize)
    }

    /// Document rows shown at screen rows `range`.
    pub fn doc_rows(&self, range: Range<usize>) -> Vec<usize> {
        self.rows
            .get(range)
            .map(<[usize]>::to_vec)
            .unwrap_or_default()
    }

    /// Drops the filters (the sort stays) so every row is on screen.
    pub fn clear_filters(&mut self) -> bool {
        let filtered = self.spec.errors_only || !self.spec.text.is_empty();
        self.spec.errors_only = false;
        self.spec.text.clear();
        filtered
    }

    /// A screen row near where a hidden document row would be.
    pub(super) fn nearest(&self, doc_row: usize) -> usize {
        if self.spec.sort.is_some() {
            return 0;
        }
        self.rows
            .partition_point(|&r| r < doc_row)
            .min(self.rows.len().saturating_sub(1))
    }
}
