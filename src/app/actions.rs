//! Carries out the commands: every menu pick, shortcut, button and request of the grid
//! and the panels is put on the app's queue and ends in [`BulksheetApp::run_command`].

use crate::app::command::table::Scope;
use crate::app::command::{After, Command};
use crate::app::dialogs::set_value::SetValue;
use crate::app::file::recent;
use crate::app::file::recovery::Choice;
use crate::app::grid::editor::commit_editor;
use crate::app::grid::focus::grid_focused;
use crate::app::grid::state::cell::Move;
use crate::app::grid::{clipboard, keys};
use crate::app::i18n::{tr, trf};
use crate::app::panels::roster::RosterDialog;
use crate::app::{BulksheetApp, SaveSettings};
use eframe::egui;

impl BulksheetApp {
    /// Carries out the commands asked for so far, in order. Returns whether there were any.
    pub(crate) fn run_queue(&mut self, ctx: &egui::Context) -> bool {
        let queue = std::mem::take(&mut self.queue);
        let any = !queue.is_empty();
        for cmd in queue {
            self.run_command(ctx, cmd);
        }
        any
    }

    /// Where the keyboard is this frame, for the key handler.
    pub(crate) fn key_scope(&self, ctx: &egui::Context, modal_open: bool) -> Scope {
        if modal_open {
            return Scope::NONE;
        }
        let mut scope = Scope::WINDOW;
        if self.grid.editor().is_some() {
            scope = scope.or(Scope::EDITOR);
        } else if self.grid.dropdown().is_some() {
            scope = scope.or(Scope::LIST);
        } else if grid_focused(ctx) {
            scope = scope.or(Scope::GRID);
        }
        scope
    }

    /// Carries out one command: the one place every user action is done.
    pub(crate) fn run_command(&mut self, ctx: &egui::Context, cmd: Command) {
        // Any other command ends a cell edit first, keeping what was typed.
        if self.grid.editor().is_some()
            && !cmd.keeps_edit()
            && let Some(set) = commit_editor(&mut self.grid, Move::Stay)
        {
            self.run_command(ctx, set);
        }
        #[cfg(any(test, feature = "test-hooks"))]
        {
            self.last_command = Some(cmd.clone());
        }
        match cmd {
            Command::Open => self.request_open(ctx, None),
            Command::Save => self.request_save(ctx, After::Nothing),
            Command::SaveAs => self.show_save_as(ctx, After::Nothing),
            Command::Quit => self.request_close(ctx),
            Command::OpenRecent(i) => self.open_recent(ctx, i),
            Command::ClearRecent => self.settings.recent.clear(),
            Command::LoadTemplate => self.template_path = Some(String::new()),
            Command::UseTemplate(i) => {
                if let Some(c) = self.templates.choices(self.settings.lang).get(i) {
                    self.use_template(&c.name.clone());
                }
            }
            Command::NewTemplateFromFile => self.new_template_from_file(),
            Command::EditTemplate => self.edit_template(false),
            Command::DuplicateTemplate => self.edit_template(true),
            Command::SaveTemplate => self.save_template(),
            Command::CloseTemplateEditor => self.close_template_editor(),
            Command::SetLang(Some(l)) => self.set_lang(l),
            Command::SetLang(None) => self.follow_system_lang(),
            Command::SetTheme(t) => self.settings.theme = t,
            Command::Settings => self.show_settings = !self.show_settings,
            Command::SidePanel => self.side_collapsed = !self.side_collapsed,
            Command::Help => self.show_help = !self.show_help,
            Command::Subscribe { product, on } => {
                let mut subs = self.sheet.rules().subscriptions.clone();
                subs.set(&product, on);
                self.sheet.set_subscriptions(subs);
            }
            Command::NextError => self.goto_error(true),
            Command::PreviousError => self.goto_error(false),
            Command::Goto { row, col } => {
                self.dialog = None;
                self.goto_issue(row, col);
            }
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Copy => self.copy(ctx),
            Command::Cut => self.cut(ctx),
            Command::RequestPaste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            Command::Paste(text) => self.paste(&text),
            Command::Clear => self.clear_selected(),
            Command::SelectAll => self.grid.select_all(),
            Command::FillDown => {
                clipboard::fill_down(&mut self.sheet, &self.grid);
            }
            Command::SetValue => {
                self.edit.set_value = Some(SetValue::for_selection(&self.sheet, &self.grid));
            }
            Command::SetSelected(value) => self.set_selected(&value),
            Command::InsertAbove => self.insert_row(false),
            Command::InsertBelow => self.insert_row(true),
            Command::DuplicateRows => self.duplicate_rows(),
            Command::DeleteRows => self.delete_rows(),
            Command::Find => self.edit.find.open(false, &self.sheet, &self.grid),
            Command::Replace => self.edit.find.open(true, &self.sheet, &self.grid),
            Command::ReplaceOne => self.replace_one(),
            Command::ReplaceAll => self.replace_every(),
            Command::Review => {
                self.dialog = None;
                self.edit.review.open = true;
            }
            Command::Revert(changes) => self.revert(&changes),
            Command::Fix { row, col } => self.fix_cell(row, col),
            Command::FixLike { row, col } => self.preview_fixes_like(row, col),
            Command::FixAll => self.preview_all_fixes(),
            Command::DropBlankRows => self.preview_blank_rows(),
            Command::ColumnOrder => self.preview_column_order(),
            Command::ApplyPreview => self.apply_preview(),
            Command::Roster => self.edit.roster = Some(RosterDialog::new()),
            Command::LoadRoster(path) => self.load_roster(&path),
            Command::ClearRoster => self.clear_roster(),
            Command::ErrorsOnly => self.grid.toggle_errors_only(),
            Command::FilterRows(text) => self.grid.set_filter_text(&text),
            Command::SortAscending | Command::SortDescending => {
                let desc = cmd == Command::SortDescending;
                self.grid.set_sort(Some((self.grid.selected().col, desc)));
            }
            Command::Sort(sort) => self.grid.set_sort(sort),
            Command::CancelSort => self.grid.cancel_sort(),
            Command::ClearFilters => {
                self.grid.clear_view();
                self.edit.filter_bar.text.clear();
            }
            Command::MoveUp
            | Command::MoveDown
            | Command::MoveLeft
            | Command::MoveRight
            | Command::ExtendUp
            | Command::ExtendDown
            | Command::ExtendLeft
            | Command::ExtendRight
            | Command::PageUp
            | Command::PageDown
            | Command::ExtendPageUp
            | Command::ExtendPageDown
            | Command::RowStart
            | Command::RowEnd
            | Command::ExtendRowStart
            | Command::ExtendRowEnd
            | Command::FirstCell
            | Command::LastCell
            | Command::ExtendFirstCell
            | Command::ExtendLastCell
            | Command::Enter
            | Command::EnterUp
            | Command::Tab
            | Command::BackTab
            | Command::Cancel
            | Command::EditCell
            | Command::OpenOptions
            | Command::Type(_) => {
                if let Some(set) = keys::run(ctx, &cmd, &self.sheet, &mut self.grid) {
                    self.run_command(ctx, set);
                }
            }
            Command::CloseDialog => self.close_dialogs(),
            Command::SaveThen(then) => {
                self.dialog = None;
                self.request_save(ctx, then);
            }
            Command::DiscardThen(then) => {
                self.dialog = None;
                self.go_on(ctx, then);
            }
            Command::OpenPath(p) => {
                self.dialog = None;
                self.start_open(ctx, p);
            }
            Command::ChooseSheet => self.show_sheet_picker(),
            Command::OpenSheet(path, sheet) => {
                self.dialog = None;
                self.request_open_sheet(ctx, path, sheet);
            }
            Command::Browse(what, current) => self.browse(ctx, what, &current),
            Command::SaveAsTo {
                path,
                encoding,
                split,
                rows,
                then,
            } => {
                let settings = SaveSettings {
                    encoding,
                    split,
                    rows,
                };
                self.save_as_chosen(ctx, path, settings, then);
            }
            Command::ExportIssues => self.show_export_issues(ctx),
            Command::ExportIssuesTo(path) => self.export_issues(&path),
            Command::Overwrite(path, then) => self.overwrite(ctx, path, then),
            Command::ShowSaveAs(then) => self.show_save_as(ctx, then),
            Command::SaveDraft(path, then) => self.save_draft(ctx, path, then),
            Command::LoadTemplateFrom(path) => self.load_template_from(&path),
            Command::ReplaceFiles { files, then } => self.replace_confirmed(files, then),
            Command::StopPicking => self.picking = None,
            Command::OpenSample => self.open_sample(),
            Command::ExportTemplate => self.show_export_template(ctx),
            Command::ExportTemplateTo(path) => self.export_template(&path),
            Command::Messages => self.show_messages = !self.show_messages,
            Command::RestoreEdits => self.answer_offer(Choice::Restore),
            Command::DiscardEdits => self.answer_offer(Choice::Discard),
            Command::RestoreLater => self.answer_offer(Choice::Later),
            Command::SetCell { row, col, value } => {
                self.sheet.set_cell(row, col, &value);
            }
        }
        self.grid
            .clamp(self.sheet.doc().rows(), self.sheet.doc().width());
    }

    /// Closes the question or editing window on screen without doing anything.
    fn close_dialogs(&mut self) {
        self.dialog = None;
        self.template_path = None;
        self.edit.preview = None;
        self.edit.roster = None;
        self.edit.set_value = None;
    }

    fn open_recent(&mut self, ctx: &egui::Context, i: usize) {
        match self.settings.recent.get(i).cloned() {
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
        }
    }

    /// Selects the next (or previous) cell with an error.
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

    /// Selects an issue's cell; without a column the selected column stays.
    pub(crate) fn goto_issue(&mut self, row: usize, col: Option<usize>) {
        let col = col.unwrap_or(self.grid.selected().col);
        self.select(row, col);
    }
}
