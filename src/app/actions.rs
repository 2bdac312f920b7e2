//! Carries out the commands: every menu pick, shortcut, and request of the grid and the
//! panels ends here. Every change to the sheet is one undo step; the window keeps only
//! what is on screen.

use crate::app::BulksheetApp;
use crate::app::command::{Command, EditCommand};
use crate::app::dialogs::file::After;
use crate::app::dialogs::fix_preview::FixPreview;
use crate::app::dialogs::set_value::SetValue;
use crate::app::file::recent;
use crate::app::grid::clipboard;
use crate::app::grid::editor::commit_editor;
use crate::app::grid::focus::grid_focused;
use crate::app::grid::state::cell::{CellPos, Move};
use crate::app::i18n::{tr, trf};
use crate::app::panels::filter_bar;
use crate::app::panels::find::FindAction;
use crate::app::panels::roster::{RosterDialog, RosterDone};
use crate::document::Edit;
use crate::fix;
use eframe::egui;

/// The first cell an edit touched (row, and column when it is a cell change).
fn first_place(edit: &Edit) -> Option<(usize, Option<usize>)> {
    match edit {
        Edit::Cells(c) => c.first().map(|c| (c.row, Some(c.col))),
        Edit::InsertRows(r) | Edit::DeleteRows(r) => r.first().map(|(at, _)| (*at, None)),
        Edit::Batch(b) => b.iter().rev().find_map(first_place),
    }
}

impl BulksheetApp {
    /// Carries out one command.
    pub(crate) fn run_command(&mut self, ctx: &egui::Context, cmd: Command) {
        // A shortcut or menu pick ends a cell edit first, keeping what was typed.
        if self.grid.editor().is_some() {
            commit_editor(&mut self.sheet, &mut self.grid, Move::Stay);
        }
        match cmd {
            Command::Open => self.request_open(ctx, None),
            Command::Save => self.request_save(ctx, After::Nothing),
            Command::SaveAs => self.show_save_as(After::Nothing),
            Command::Quit => self.request_close(ctx),
            Command::NextError => self.goto_error(true),
            Command::PreviousError => self.goto_error(false),
            Command::Goto { row, col } => self.goto_issue(row, col),
            Command::Edit(e) => self.run_edit(ctx, e),
            Command::OpenRecent(i) => match self.settings.recent.get(i).cloned() {
                Some(p) if p.is_file() => self.request_open(ctx, Some(p)),
                Some(p) => {
                    recent::forget(&mut self.settings.recent, &p);
                    self.say(true, move |l| {
                        trf(
                            l,
                            "{path} is gone; it was taken off the recent files.",
                            &[("path", &p.display())],
                        )
                    });
                }
                None => {}
            },
            Command::ClearRecent => self.settings.recent.clear(),
            Command::LoadTemplate => self.template_path = Some(String::new()),
            Command::UseTemplate(i) => {
                if let Some(c) = self.templates.choices(self.settings.lang).get(i) {
                    self.use_template(&c.name.clone());
                }
            }
            Command::SetLang(l) => self.set_lang(l),
            Command::SetTheme(t) => self.settings.theme = t,
            Command::Settings => self.show_settings = !self.show_settings,
            Command::Help => self.show_help = !self.show_help,
        }
    }

    pub(crate) fn goto_error(&mut self, forward: bool) {
        let from = self.grid.selected();
        let next =
            self.sheet
                .validator()
                .next_cell((from.row, from.col), forward, crate::Severity::Error);
        match next {
            Some((row, col)) => self.select(row, col),
            None => self.say(false, |l| tr(l, "No errors left.").into()),
        }
    }

    pub(crate) fn goto_issue(&mut self, row: usize, col: Option<usize>) {
        let col = col.unwrap_or(self.grid.selected().col);
        self.select(row, col);
    }

    fn run_edit(&mut self, ctx: &egui::Context, cmd: EditCommand) {
        let lang = self.settings.lang;
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
                self.edit.set_value = Some(SetValue::for_selection(&self.sheet, &self.grid));
            }
            EditCommand::InsertAbove | EditCommand::InsertBelow => {
                self.insert_row(cmd == EditCommand::InsertBelow);
            }
            EditCommand::DeleteRows => {
                let rows = self.grid.selected_rows();
                if self.sheet.delete_rows(&rows) {
                    self.grid.collapse();
                    let n = rows.len();
                    self.say(false, move |l| format!("{} {n}", tr(l, "Rows deleted:")));
                }
            }
            EditCommand::DuplicateRows => {
                let rows = self.grid.selected_rows();
                if self.sheet.duplicate_rows(&rows) {
                    let below = rows.iter().max().copied().unwrap_or(0) + 1;
                    self.grid
                        .select(CellPos::new(below, self.grid.selected().col));
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
                    self.edit.preview =
                        Some(FixPreview::fixes(tr(lang, "Fix all like this"), fixes));
                }
            }
            EditCommand::FixAll => {
                let fixes = fix::propose_all(&self.sheet);
                self.edit.preview = Some(FixPreview::fixes(tr(lang, "Fix all"), fixes));
            }
            EditCommand::DropBlankRows => {
                let rows = fix::blank_rows(&self.sheet);
                self.edit.preview = Some(FixPreview::blank_rows(tr(lang, "Drop blank rows"), rows));
            }
            EditCommand::Review => self.edit.review.open = true,
            EditCommand::Roster => self.edit.roster = Some(RosterDialog::new()),
            EditCommand::ClearRoster => {
                self.sheet.set_roster(None);
                self.say(false, |l| tr(l, "Roster cross-check stopped.").into());
            }
            EditCommand::ErrorsOnly => self.grid.toggle_errors_only(),
            EditCommand::Sort(sort) => self.grid.set_sort(sort),
            EditCommand::ClearFilters => {
                self.grid.clear_view();
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
                .select(CellPos::new(row, col.unwrap_or(self.grid.selected().col)));
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
            self.grid.refresh_view(&self.sheet);
            self.grid.select(CellPos::new(at, self.grid.selected().col));
        }
    }

    /// Draws the editing windows and carries out what the grid and they asked for.
    pub(crate) fn edit_frame(&mut self, ctx: &egui::Context) {
        let lang = self.settings.lang;
        for cmd in std::mem::take(&mut self.queue) {
            self.run_command(ctx, cmd);
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
                Some(RosterDone::Loaded(n)) => self.say(false, move |l| {
                    format!("{} {n}", tr(l, "Cross-checking with roster, users:"))
                }),
                Some(RosterDone::Stopped) => {
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
    pub(crate) fn grid_has_keyboard(&self, ctx: &egui::Context) -> bool {
        !self.grid.is_busy() && grid_focused(ctx)
    }

    /// The find strip (when open) and the filter strip above the grid.
    pub(crate) fn edit_panels(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        if self.edit.find.open {
            let mut action = None;
            egui::Panel::top("find").show(ui, |ui| {
                action = self.edit.find.show(ui, lang, &mut self.sheet, &self.grid);
            });
            match action {
                Some(FindAction::Select(row, col)) => {
                    self.grid.select(CellPos::new(row, col));
                }
                Some(FindAction::Replaced(n)) => {
                    self.say(false, move |l| format!("{} {n}", tr(l, "Cells replaced:")));
                }
                None => {}
            }
        }
        let mut cmd = None;
        egui::Panel::top("view").show(ui, |ui| {
            cmd = filter_bar::show(
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
