//! The rows the grid shows: filtered and sorted by a [`ViewSpec`], never the file's order.

use crate::Sheet;
use crate::view::{ViewSpec, visible_rows};
use std::ops::Range;

/// Document rows in screen order, and where each document row is on screen.
#[derive(Debug, Clone, Default)]
pub struct RowView {
    /// The filters and the sort.
    pub spec: ViewSpec,
    rows: Vec<usize>,
    /// Screen position of each document row; `u32::MAX` when the view hides it.
    pos: Vec<u32>,
    built_for: Option<(u64, ViewSpec)>,
}

const HIDDEN: u32 = u32::MAX;

impl RowView {
    /// Rebuilds the view when the sheet or the spec changed since the last call.
    pub fn refresh(&mut self, sheet: &Sheet) {
        let key = (sheet.revision(), self.spec.clone());
        if self.built_for.as_ref() == Some(&key) && self.pos.len() == sheet.doc().rows() {
            return;
        }
        self.rows = if self.spec.is_identity() {
            (0..sheet.doc().rows()).collect()
        } else {
            visible_rows(sheet, &self.spec)
        };
        self.pos = vec![HIDDEN; sheet.doc().rows()];
        for (v, &r) in self.rows.iter().enumerate() {
            if let Some(p) = self.pos.get_mut(r) {
                *p = v as u32;
            }
        }
        self.built_for = Some(key);
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
