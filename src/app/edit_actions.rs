//! Carries out the editing commands on the sheet and the grid, and draws the editing
//! windows (fix preview, review, roster, set value). Every change is one undo step of the
//! sheet; the window keeps only what is on screen.

use super::edit_menu::EditCommand;
use super::i18n::tr;
use super::state::CellPos;
use super::{BulksheetApp, clipboard, find_panel, fix_preview, review_panel, roster_panel};
use super::{set_value, view_bar};
use crate::document::Edit;
use crate::fix;
use eframe::egui;

/// The editing windows and panels.
#[derive(Debug, Default)]
pub struct EditState {
    pub find: find_panel::FindPanel,
    pub preview: Option<fix_preview::FixPreview>,
    pub review: review_panel::ReviewPanel,
    pub roster: Option<roster_panel::RosterDialog>,
    pub set_value: Option<set_value::SetValue>,
    pub filter_bar: view_bar::FilterBar,
}

impl EditState {
    /// A window that takes the keyboard from the grid is open.
    pub fn is_modal(&self) -> bool {
        self.preview.is_some() || self.roster.is_some() || self.set_value.is_some()
    }
}

/// The first cell an edit touched (row, and column when it is a cell change).
fn first_place(edit: &Edit) -> Option<(usize, Option<usize>)> {
    match edit {
        Edit::Cells(c) => c.first().map(|c| (c.row, Some(c.col))),
        Edit::InsertRows(r) | Edit::DeleteRows(r) => r.first().map(|(at, _)| (*at, None)),
        Edit::Batch(b) => b.iter().rev().find_map(first_place),
    }
}

impl BulksheetApp {
    pub(super) fn run_edit(&mut self, ctx: &egui::Context, cmd: EditCommand) {
        let lang = self.lang();
        match cmd {
            EditCommand::Undo => {
                let place = self.sheet.history().last().and_then(first_place);
                if self.sheet.undo() {
                    self.show_place(place);
                    self.say(false, |l| tr(l, "Undone.").into());
                }
            }
            EditCommand::Redo => {
                if self.sheet.redo() {
                    let place = self.sheet.history().last().and_then(first_place);
                    self.show_place(place);
                    self.say(false, |l| tr(l, "Redone.").into());
                }
            }
            EditCommand::Copy => self.copy(ctx),
            EditCommand::Cut => {
                self.copy(ctx);
                clipboard::clear_selection(&mut self.sheet, &self.grid);
            }
            EditCommand::RequestPaste => {
                ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste);
            }
            EditCommand::Paste(text) => self.paste(&text),
            EditCommand::Clear => {
                clipboard::clear_selection(&mut self.sheet, &self.grid);
            }
            EditCommand::SelectAll => self.grid.select_all(),
            EditCommand::FillDown => {
                clipboard::fill_down(&mut self.sheet, &self.grid);
            }
            EditCommand::SetValue => {
                self.edit.set_value =
                    Some(set_value::SetValue::for_selection(&self.sheet, &self.grid));
            }
            EditCommand::InsertAbove | EditCommand::InsertBelow => {
                self.insert_row(cmd == EditCommand::InsertBelow);
            }
            EditCommand::DeleteRows => {
                let rows = self.grid.selected_rows();
                if self.sheet.delete_rows(&rows) {
                    self.grid.anchor = None;
                    let n = rows.len();
                    self.say(false, move |l| format!("{} {n}", tr(l, "Rows deleted:")));
                }
            }
            EditCommand::DuplicateRows => {
                let rows = self.grid.selected_rows();
                if self.sheet.duplicate_rows(&rows) {
                    let below = rows.iter().max().copied().unwrap_or(0) + 1;
                    self.grid
                        .select(CellPos::new(below, self.grid.selected.col));
                }
            }
            EditCommand::Find => self.edit.find.open(false, &self.sheet, &self.grid),
            EditCommand::Replace => self.edit.find.open(true, &self.sheet, &self.grid),
            EditCommand::Fix(row, col) => {
                if let Some(f) = fix::propose_cell(&self.sheet, row, col) {
                    self.sheet.apply(fix::to_edit(&[f]));
                }
            }
            EditCommand::FixLike(row, col) => {
                if let Some(f) = fix::propose_cell(&self.sheet, row, col) {
                    let fixes = fix::propose_like(&self.sheet, &f);
                    self.edit.preview = Some(fix_preview::FixPreview::fixes(
                        tr(lang, "Fix all like this"),
                        fixes,
                    ));
                }
            }
            EditCommand::FixAll => {
                let fixes = fix::propose_all(&self.sheet);
                self.edit.preview =
                    Some(fix_preview::FixPreview::fixes(tr(lang, "Fix all"), fixes));
            }
            EditCommand::DropBlankRows => {
                let rows = fix::blank_rows(&self.sheet);
                self.edit.preview = Some(fix_preview::FixPreview::blank_rows(
                    tr(lang, "Drop blank rows"),
                    rows,
                ));
            }
            EditCommand::Review => self.edit.review.open = true,
            EditCommand::Roster => self.edit.roster = Some(roster_panel::RosterDialog::new()),
            EditCommand::ClearRoster => {
                self.sheet.set_roster(None);
                self.say(false, |l| tr(l, "Roster cross-check stopped.").into());
            }
            EditCommand::ErrorsOnly => {
                self.grid.view.spec.errors_only = !self.grid.view.spec.errors_only;
            }
            EditCommand::Sort(sort) => self.grid.view.spec.sort = sort,
            EditCommand::ClearFilters => {
                self.grid.view.spec = Default::default();
                self.edit.filter_bar.text.clear();
            }
        }
        self.grid
            .clamp(self.sheet.doc().rows(), self.sheet.doc().width());
    }

    fn show_place(&mut self, place: Option<(usize, Option<usize>)>) {
        let rows = self.sheet.doc().rows();
        if let Some((row, col)) = place
            && row < rows
        {
            self.grid
                .select(CellPos::new(row, col.unwrap_or(self.grid.selected.col)));
        }
    }

    fn copy(&mut self, ctx: &egui::Context) {
        let text = clipboard::copy_text(&self.sheet, &self.grid);
        let (r, c) = self.grid.block().size();
        ctx.copy_text(text);
        self.say(false, move |l| {
            format!("{} {r} × {c}", tr(l, "Copied cells:"))
        });
    }

    fn paste(&mut self, text: &str) {
        let Some(p) = clipboard::paste(&mut self.sheet, &mut self.grid, text) else {
            return;
        };
        let (rows, cols, dropped) = (p.rows, p.cols, p.dropped);
        self.say(dropped > 0, move |l| {
            let mut msg = format!("{} {rows} × {cols}", tr(l, "Pasted cells:"));
            if dropped > 0 {
                let left_out = tr(l, "cells fell outside the sheet and were left out");
                msg.push_str(&format!(" ({dropped} {left_out})"));
            }
            msg
        });
    }

    fn insert_row(&mut self, below: bool) {
        let rows = self.grid.selected_rows();
        let at = if below {
            rows.iter().max().map_or(0, |r| r + 1)
        } else {
            rows.iter().min().copied().unwrap_or(0)
        };
        let width = self.sheet.doc().width();
        if self.sheet.insert_rows(at, vec![vec![String::new(); width]]) {
            self.grid.view.refresh(&self.sheet);
            self.grid.select(CellPos::new(at, self.grid.selected.col));
        }
    }

    /// Draws the editing windows and carries out what the grid and they asked for.
    pub(super) fn edit_frame(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let requests = std::mem::take(&mut self.grid.requests);
        for r in requests {
            self.run_edit(ctx, r);
        }
        let header = &self.sheet.doc().header;
        if let Some(p) = self.edit.preview.as_mut()
            && let Some(apply) = p.show(ctx, lang, header)
        {
            let p = self.edit.preview.take();
            if let (true, Some(p)) = (apply, p) {
                let n = p.apply(&mut self.sheet);
                self.say(false, move |l| format!("{} {n}", tr(l, "Fixes applied:")));
            }
        }
        if let Some(cell) = self.edit.review.show(ctx, lang, &mut self.sheet) {
            self.grid.select(CellPos::new(cell.0, cell.1));
        }
        if let Some(d) = self.edit.roster.as_mut()
            && let Some(done) = d.show(ctx, lang, &mut self.sheet)
        {
            self.edit.roster = None;
            match done {
                Some(roster_panel::RosterDone::Loaded(n)) => self.say(false, move |l| {
                    format!("{} {n}", tr(l, "Cross-checking with roster, users:"))
                }),
                Some(roster_panel::RosterDone::Stopped) => {
                    self.say(false, |l| tr(l, "Roster cross-check stopped.").into());
                }
                None => {}
            }
        }
        if let Some(d) = self.edit.set_value.as_mut()
            && let Some(value) = d.show(ctx, lang)
        {
            self.edit.set_value = None;
            if let Some(v) = value {
                clipboard::set_value(&mut self.sheet, &self.grid, &v);
            }
        }
    }
}

impl BulksheetApp {
    /// The grid has the keyboard: no cell editor or dropdown, no other text field.
    pub(super) fn grid_has_keyboard(&self, ctx: &egui::Context) -> bool {
        let focused = ctx.memory(|m| m.focused());
        !self.grid.is_busy() && (focused.is_none() || focused == Some(super::grid::focus_id()))
    }

    /// The find strip (when open) and the filter strip above the grid.
    pub(super) fn edit_panels(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        if self.edit.find.open {
            let mut action = None;
            egui::Panel::top("find").show(ui, |ui| {
                action = self.edit.find.show(ui, lang, &mut self.sheet, &self.grid);
            });
            match action {
                Some(find_panel::FindAction::Select(row, col)) => {
                    self.grid.select(CellPos::new(row, col));
                }
                Some(find_panel::FindAction::Replaced(n)) => {
                    self.say(false, move |l| format!("{} {n}", tr(l, "Cells replaced:")));
                }
                None => {}
            }
        }
        let mut cmd = None;
        egui::Panel::top("view").show(ui, |ui| {
            cmd = view_bar::show(
                ui,
                lang,
                &mut self.edit.filter_bar,
                &self.sheet,
                &mut self.grid,
            );
        });
        if let Some(c) = cmd {
            let ctx = ui.ctx().clone();
            self.run_edit(&ctx, c);
        }
    }
}
