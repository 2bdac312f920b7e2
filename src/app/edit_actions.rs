//! The editing commands on the sheet and the grid. Every change to the sheet is one undo
//! step; the window keeps only what is on screen.

use crate::app::BulksheetApp;
use crate::app::dialogs;
use crate::app::dialogs::fix_preview::FixPreview;
use crate::app::grid::clipboard;
use crate::app::grid::state::cell::CellPos;
use crate::app::i18n::{tr, trf};
use crate::app::long_replace::LongReplace;
use crate::app::panels::roster::load_roster;
use crate::document::{CellChange, Edit};
use crate::find::replace_all;
use crate::fix;
use eframe::egui;
use std::path::Path;

/// A clear of this many cells or more says how many it emptied (too many to see at a
/// glance).
const SAY_CLEARED_FROM_CELLS: usize = 30_000;

/// The first cell an edit touched (row, and column when it is a cell change).
fn first_place(edit: &Edit) -> Option<(usize, Option<usize>)> {
    match edit {
        Edit::Cells(c) => c.first().map(|c| (c.row, Some(c.col))),
        Edit::Block(b) => b
            .columns
            .first()
            .and_then(|c| Some((c.rows.iter().next()?, Some(c.col)))),
        Edit::InsertRows(r) | Edit::DeleteRows(r) => r.first().map(|(at, _)| (*at, None)),
        Edit::Batch(b) => b.iter().rev().find_map(first_place),
        Edit::Columns(_) => None,
    }
}

impl BulksheetApp {
    /// Undoes the last change and shows where it was.
    pub(crate) fn undo(&mut self) {
        let place = self.sheet.history().last().and_then(|e| first_place(e));
        if self.sheet.undo() {
            self.show_place(place);
            self.say(false, |l| tr(l, "Undone.").into());
        }
    }

    /// Redoes the change undone last and shows where it was.
    pub(crate) fn redo(&mut self) {
        if self.sheet.redo() {
            let place = self.sheet.history().last().and_then(|e| first_place(e));
            self.show_place(place);
            self.say(false, |l| tr(l, "Redone.").into());
        }
    }

    /// Deletes the selected rows.
    pub(crate) fn delete_rows(&mut self) {
        let rows = self.grid.selected_rows();
        if self.sheet.delete_rows(&rows) {
            self.grid.collapse();
            let n = rows.len();
            self.say(false, move |l| format!("{} {n}", tr(l, "Rows deleted:")));
        }
    }

    /// Duplicates the selected rows and selects the first copy.
    pub(crate) fn duplicate_rows(&mut self) {
        let rows = self.grid.selected_rows();
        if self.sheet.duplicate_rows(&rows) {
            let below = rows.iter().max().copied().unwrap_or(0) + 1;
            self.grid
                .select(CellPos::new(below, self.grid.selected().col));
        }
    }

    /// Applies one cell's fix; one that would cause a new issue is shown in the preview
    /// with that issue instead, and not applied.
    pub(crate) fn fix_cell(&mut self, row: usize, col: usize) {
        if let Some(f) = fix::propose_cell(&self.sheet, row, col) {
            let judged = fix::judge(&self.sheet, vec![f]);
            if judged.iter().all(fix::Fix::is_safe) {
                fix::apply(&mut self.sheet, &judged);
            } else {
                let title = tr(self.settings.lang, "Fix");
                self.edit.preview = Some(FixPreview::fixes(title, judged));
            }
        }
    }

    /// Previews every fix like this cell's.
    pub(crate) fn preview_fixes_like(&mut self, row: usize, col: usize) {
        if let Some(f) = fix::propose_cell(&self.sheet, row, col) {
            let fixes = fix::propose_like(&self.sheet, &f);
            let title = tr(self.settings.lang, "Fix all like this");
            self.edit.preview = Some(FixPreview::fixes(title, fixes));
        }
    }

    /// Previews every fix.
    pub(crate) fn preview_all_fixes(&mut self) {
        let fixes = fix::propose_all(&self.sheet);
        let title = tr(self.settings.lang, "Fix all");
        self.edit.preview = Some(FixPreview::fixes(title, fixes));
    }

    /// Previews dropping the blank rows.
    pub(crate) fn preview_blank_rows(&mut self) {
        let rows = fix::blank_rows(&self.sheet);
        let title = tr(self.settings.lang, "Drop blank rows");
        self.edit.preview = Some(FixPreview::blank_rows(title, rows));
    }

    /// Previews putting the columns in the template's order.
    pub(crate) fn preview_column_order(&mut self) {
        let order = fix::template_order(&self.sheet);
        let title = tr(self.settings.lang, "Put columns in the template's order");
        let header = &self.sheet.doc().header;
        self.edit.preview = Some(FixPreview::column_order(title, order, header));
    }

    /// Applies the previewed changes as one undo step.
    pub(crate) fn apply_preview(&mut self) {
        if let Some(p) = self.edit.preview.take() {
            let n = p.apply(&mut self.sheet);
            self.say(false, move |l| format!("{} {n}", tr(l, "Fixes applied:")));
        }
    }

    /// Sets one value in every selected cell and closes the Set value dialog.
    pub(crate) fn set_selected(&mut self, value: &str) {
        self.edit.set_value = None;
        clipboard::set_value(&mut self.sheet, &self.grid, value);
    }

    /// Replaces in the selected cell when it matches, then selects the next match.
    pub(crate) fn replace_one(&mut self) {
        let at = self.grid.selected();
        if let Some((row, col)) = self
            .edit
            .find
            .replace_one(&mut self.sheet, (at.row, at.col))
        {
            self.grid.select(CellPos::new(row, col));
        }
    }

    /// Replaces every match as one undo step; on a large sheet searched over several
    /// frames.
    pub(crate) fn replace_every(&mut self) {
        let find = &self.edit.find;
        let long = LongReplace::start(&self.sheet, find.query.clone(), find.with.clone());
        if let Some(long) = long {
            self.long_replace = Some(Box::new(long));
            return;
        }
        let n = replace_all(&mut self.sheet, &find.query, &find.with);
        self.say(false, move |l| format!("{} {n}", tr(l, "Cells replaced:")));
    }

    /// Empties the selected cells as one undo step (a block step: a whole sheet in
    /// about a second).
    pub(crate) fn clear_selected(&mut self) {
        if clipboard::clear_selection(&mut self.sheet, &self.grid) {
            let n = self.sheet.history().last().map_or(0, |e| e.cells_changed());
            if n >= SAY_CLEARED_FROM_CELLS {
                self.say(false, move |l| format!("{} {n}", tr(l, "Cells cleared:")));
            }
        }
    }

    /// Carries a replace all on for this frame's share of time, and says how it ended.
    pub(crate) fn step_long_replace(&mut self, ctx: &egui::Context) {
        // A pass egui runs again to settle a layout is the same frame: no second share.
        if ctx.current_pass_index() > 0 {
            return;
        }
        let Some(long) = self.long_replace.take() else {
            return;
        };
        match long.run_frame(&mut self.sheet, self.one_slice_per_frame) {
            Err(go_on) => {
                self.long_replace = Some(go_on);
                ctx.request_repaint();
            }
            Ok(n) => self.say(false, move |l| format!("{} {n}", tr(l, "Cells replaced:"))),
        }
    }

    /// The replace all's progress window; Cancel stops it before it changed anything.
    pub(crate) fn long_replace_progress(&mut self, ctx: &egui::Context) {
        let Some(long) = &self.long_replace else {
            return;
        };
        let lang = self.settings.lang;
        let progress = long.progress(&self.sheet);
        if dialogs::progress::modal(ctx, tr(lang, "Replacing…"), progress, false) {
            self.long_replace = None;
            self.say(false, |l| tr(l, "Cancelled.").into());
        }
    }

    /// Puts changed cells back as they were.
    pub(crate) fn revert(&mut self, changes: &[CellChange]) {
        self.sheet.revert(changes);
    }

    /// Reads a roster and cross-checks with it; a failure is shown in the roster dialog.
    pub(crate) fn load_roster(&mut self, path: &Path) {
        match load_roster(path, &mut self.sheet) {
            Ok(n) => {
                self.edit.roster = None;
                let same = self.sheet.unchanged_rows().len();
                self.say(false, move |l| {
                    format!(
                        "{} {n} · {} {same}",
                        tr(l, "Cross-checking with roster, users:"),
                        tr(l, "rows with no change:")
                    )
                });
            }
            Err(e) => {
                if let Some(d) = self.edit.roster.as_mut() {
                    d.set_error(e.message(self.settings.lang));
                }
            }
        }
    }

    /// Stops the roster cross-check.
    pub(crate) fn clear_roster(&mut self) {
        self.sheet.set_roster(None);
        self.edit.roster = None;
        self.say(false, |l| tr(l, "Roster cross-check stopped.").into());
    }

    /// Selects where an undone or redone edit was.
    fn show_place(&mut self, place: Option<(usize, Option<usize>)>) {
        let rows = self.sheet.doc().rows();
        if let Some((row, col)) = place
            && row < rows
        {
            self.grid
                .select(CellPos::new(row, col.unwrap_or(self.grid.selected().col)));
        }
    }

    /// Puts the selection on the clipboard as tab-separated text.
    pub(crate) fn copy(&mut self, ctx: &egui::Context) {
        self.copy_or_cut(ctx, false);
    }

    /// Copies the selection, then clears it.
    pub(crate) fn cut(&mut self, ctx: &egui::Context) {
        self.copy_or_cut(ctx, true);
    }

    fn copy_or_cut(&mut self, ctx: &egui::Context, cut: bool) {
        let text = clipboard::copy_text(&self.sheet, &self.grid);
        let (r, c) = self.grid.block().size();
        ctx.copy_text(text);
        if cut {
            self.clear_selected();
        }
        // Said after the clear: a notice is about the sheet as it is once said.
        self.say(false, move |l| {
            format!("{} {r} × {c}", tr(l, "Copied cells:"))
        });
    }

    /// Pastes text at the selection and says how much landed.
    pub(crate) fn paste(&mut self, text: &str) {
        // A single value fills the whole selection: say how many cells it filled.
        let (sel_rows, sel_cols) = self.grid.block().size();
        let Some(p) = clipboard::paste(&mut self.sheet, &mut self.grid, text) else {
            return;
        };
        let (rows, cols, dropped) = (p.rows, p.cols, p.dropped);
        let filled = sel_rows * sel_cols;
        if (rows, cols) == (1, 1) && filled > 1 {
            self.say(false, move |l| {
                trf(l, "Filled {n} cells", &[("n", &filled)])
            });
            return;
        }
        self.say(dropped > 0, move |l| {
            let mut msg = format!("{} {rows} × {cols}", tr(l, "Pasted cells:"));
            if dropped > 0 {
                let left_out = tr(l, "cells fell outside the sheet and were left out");
                msg.push_str(&format!(" ({dropped} {left_out})"));
            }
            msg
        });
    }

    /// Inserts a blank row above or below the selection.
    pub(crate) fn insert_row(&mut self, below: bool) {
        let rows = self.grid.selected_rows();
        let at = if below {
            rows.iter().max().map_or(0, |r| r + 1)
        } else {
            rows.iter().min().copied().unwrap_or(0)
        };
        let width = self.sheet.doc().width();
        if self.sheet.insert_rows(at, vec![vec![String::new(); width]]) {
            self.grid.refresh_view(&self.sheet);
            self.grid.select(CellPos::new(at, self.grid.selected().col));
        }
    }
}
