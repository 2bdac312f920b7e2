//! The editor window. It draws the core's document and issue list and sends every change
//! back as a [`Sheet`] edit; it holds no rule of its own.
//!
//! This file holds the window's state and the frame. Every user action is a
//! [`Command`] from the one table in `command/`: the key handler
//! (`keyboard`), the menus and the toolbar (`menus/`), the grid (`grid/`), the panels
//! (`panels/`) and the questions (`dialogs/`) put commands on one queue, and
//! `actions::run_command` carries each out. `file/` opens, saves and journals; `api`
//! is what the binary and the tests call, `test_hooks` what only the tests do.

mod actions;
mod announce;
mod api;
pub mod command;
mod dialogs;
mod edit_actions;
mod edit_state;
mod edit_windows;
mod file;
pub mod fonts;
mod grid;
pub mod i18n;
mod icon;
mod keyboard;
mod long_replace;
mod menus;
mod notice;
mod panels;
pub mod settings;
#[cfg(any(test, feature = "test-hooks"))]
mod test_hooks;
pub mod theme;

pub use crate::issue_groups::Grouping;
pub use crate::sample_data::{SAMPLE_CSV, SAMPLE_NAME};
pub use announce::AUTHOR_ID as ANNOUNCEMENT_ID;
pub use command::{After, RowChoice};
pub use file::picker::{Answer as PickAnswer, Request as PickRequest};
pub use grid::state::cell::CellPos;
pub use settings::{APP_ID, Settings, ThemeChoice};

use crate::{Sheet, TextEncoding};
use command::Command;
use dialogs::file::Dialog;
use edit_state::EditState;
use eframe::egui;
use egui::{Ui, ViewportCommand};
use file::loader::{Job, display_name, sheet_for};
use file::recovery::Recovery;
use file::templates::Templates;
use grid::state::GridState;
use i18n::Lang;
use notice::Notice;
use panels::issues::IssueList;
use std::path::PathBuf;

/// Opens the window; returns the process exit code.
pub fn run(file: Option<PathBuf>, schema: Option<String>) -> i32 {
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size(theme::WINDOW_SIZE)
        .with_title("Bulksheet")
        .with_app_id(APP_ID);
    if let Some(icon) = icon::data() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..Default::default()
    };
    if let Some(dir) = eframe::storage_dir(APP_ID) {
        Settings::secure_storage(&dir);
    }
    let result = eframe::run_native(
        "Bulksheet",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let first_start = cc
                .storage
                .is_none_or(|s| s.get_string(settings::KEY).is_none());
            let settings = Settings::load(cc.storage);
            let mut app = match file {
                Some(path) => {
                    let mut app = BulksheetApp::new(empty_sheet(), None);
                    app.start_open(&cc.egui_ctx, path);
                    app
                }
                None => BulksheetApp::at_start(&cc.egui_ctx, &settings.recent, first_start),
            };
            app.apply_settings(settings);
            if let Some(s) = &schema {
                app.use_template_arg(s);
            }
            Ok(Box::new(
                app.with_default_recovery().with_default_templates_dir(),
            ))
        }),
    );
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("bulksheet: cannot open the window: {e}");
            eprintln!("bulksheet: the command line still works: bulksheet check FILE");
            2
        }
    }
}

/// The file the document belongs to.
#[derive(Debug, Clone, Default)]
struct FileInfo {
    path: Option<PathBuf>,
    name: String,
    /// The user agreed to overwrite this path (or wrote it with Save As).
    overwrite_ok: bool,
}

/// Save options chosen in the Save As dialog, kept for the next save.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SaveSettings {
    /// The encoding to write.
    pub(crate) encoding: TextEncoding,
    /// Write parts of at most the template's row limit.
    pub(crate) split: bool,
    /// Which rows to leave out (for this save only).
    pub(crate) rows: RowChoice,
}

/// The editor window: the document, what is on screen, and the settings.
pub struct BulksheetApp {
    sheet: Sheet,
    file: FileInfo,
    grid: GridState,
    issues: IssueList,
    save: SaveSettings,
    dialog: Option<Dialog>,
    job: Option<(Job, After)>,
    /// A replace all searched over frames (see `long_replace`).
    long_replace: Option<Box<long_replace::LongReplace>>,
    /// Tests step a replace all's search one slice per frame.
    one_slice_per_frame: bool,
    /// Asks the system for a file (tests answer for it).
    picker: file::picker::Picker,
    /// A system file dialog on screen, waiting for its answer.
    picking: Option<file::picker::Pending>,
    /// No system file dialog can be shown here (learned from the first try): the window's
    /// own dialogs are used at once.
    no_system_dialog: bool,
    /// Paths the user agreed, in this window, may be written over.
    confirmed: std::collections::HashSet<PathBuf>,
    notice: Option<Notice>,
    title: String,
    close_allowed: bool,
    recovery: Recovery,
    /// The editing windows and panels (find, fix preview, review, roster).
    edit: EditState,
    /// What is remembered between runs. Its `lang` is the window's language, the one
    /// place it is kept: each frame publishes it for the widgets (`i18n::ui_lang`).
    settings: Settings,
    templates: Templates,
    /// Commands the keys, menus, grid and panels asked for, carried out in order.
    queue: Vec<Command>,
    /// The command carried out last (tests read it where nothing else shows it): kept
    /// only in test builds, so a release never copies a command (a paste's text, a
    /// revert's changes) to remember it.
    #[cfg(any(test, feature = "test-hooks"))]
    last_command: Option<Command>,
    /// The Load template dialog's path field while it is open.
    template_path: Option<String>,
    /// The template being edited, while the editor is open.
    template_draft: Option<Box<dialogs::template_editor::Draft>>,
    show_help: bool,
    show_settings: bool,
    /// The side panel is folded to a thin strip, leaving the grid the room.
    side_collapsed: bool,
    /// The theme last handed to egui, so it is set only when it changes.
    applied_theme: Option<ThemeChoice>,
    /// Nothing is open yet: the start page stands in the grid's place.
    start_page: bool,
    /// The messages said lately (the status bar shows the last).
    messages: notice::MessageLog,
    /// The recent messages window is open.
    show_messages: bool,
}

/// A sheet with the MiiTel header and no rows, shown while the first file loads.
fn empty_sheet() -> Sheet {
    let header: Vec<String> = crate::schema::builtin(crate::schema::MIITEL_UPDATE_USERS)
        .map(|s| s.columns.iter().map(|c| c.name.clone()).collect())
        .unwrap_or_default();
    let doc = crate::Document::new(header, Default::default());
    sheet_for(doc)
}

impl BulksheetApp {
    /// A window on this sheet; `path` is where it came from (None for the sample or a new
    /// document).
    pub fn new(sheet: Sheet, path: Option<PathBuf>) -> Self {
        let name = path
            .as_deref()
            .map_or_else(|| "Untitled.csv".to_string(), display_name);
        let save = SaveSettings {
            encoding: sheet.schema().console_encoding(sheet.doc().meta.encoding),
            split: false,
            rows: RowChoice::default(),
        };
        BulksheetApp {
            grid: GridState::for_sheet(&sheet),
            sheet,
            file: FileInfo {
                path,
                name,
                overwrite_ok: false,
            },
            issues: Default::default(),
            save,
            dialog: None,
            job: None,
            long_replace: None,
            one_slice_per_frame: false,
            picker: file::picker::system(),
            picking: None,
            no_system_dialog: false,
            confirmed: Default::default(),
            notice: None,
            title: String::new(),
            close_allowed: false,
            recovery: Default::default(),
            edit: Default::default(),
            settings: Settings::default(),
            templates: Default::default(),
            queue: Vec::new(),
            #[cfg(any(test, feature = "test-hooks"))]
            last_command: None,
            template_path: None,
            template_draft: None,
            show_help: false,
            show_settings: false,
            side_collapsed: false,
            applied_theme: None,
            start_page: false,
            messages: Default::default(),
            show_messages: false,
        }
    }

    /// The window started with no file: the very first start shows the bundled sample;
    /// later starts reopen the last file when it still exists, else show the start page
    /// (Open, the recent files, the sample).
    pub fn at_start(ctx: &egui::Context, recent: &[PathBuf], first_start: bool) -> Self {
        if first_start {
            return Self::sample();
        }
        let mut app = Self::new(empty_sheet(), None);
        match recent.first().filter(|p| p.is_file()) {
            Some(last) => app.start_open(ctx, last.clone()),
            None => app.start_page = true,
        }
        app
    }

    /// Replaces the empty start with the bundled sample.
    pub(crate) fn open_sample(&mut self) {
        let sample = Self::sample();
        self.sheet = sample.sheet;
        self.grid = sample.grid;
        self.file = sample.file;
        self.start_page = false;
        self.pick_loaded_template();
        self.restore_widths();
    }

    /// A notice worded in the current language, reworded when the language changes, and
    /// kept in the message log.
    fn say(&mut self, warning: bool, words: impl Fn(Lang) -> String + 'static) {
        let revision = self.sheet.revision();
        let lang = self.settings.lang;
        self.notice = Some(self.messages.say(lang, warning, revision, words));
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for BulksheetApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let lang = self.settings.lang;
        i18n::set_frame_lang(&ctx, lang);
        self.apply_theme(&ctx);
        self.poll_background(&ctx);
        self.intercept_close(&ctx);
        self.handle_drops(&ctx);
        let modal_open = self.dialog.is_some()
            || self.job.is_some()
            || self.long_replace.is_some()
            || self.template_path.is_some()
            || self.picking.is_some()
            || self.template_draft.is_some()
            || self.recovery.is_asking()
            || self.edit.is_modal();
        // The keys first, so the grid is drawn as they left it.
        grid::draw::prepare(&self.sheet, &mut self.grid);
        let scope = self.key_scope(&ctx, modal_open);
        self.queue.extend(keyboard::read(&ctx, scope));
        self.run_queue(&ctx);
        // What is carried out once drawing began shows on the next frame.
        let mut late = false;
        let choices = self.templates.choices(lang);
        let data = menus::bar::MenuData {
            lang,
            recent: &self.settings.recent,
            templates: &choices,
            template: &self.sheet.schema().name,
            theme: self.settings.theme,
            sheets: self.workbook_sheets(),
        };
        egui::Panel::top("menu").show(ui, |ui| {
            let (sheet, grid) = (&self.sheet, &self.grid);
            let extra = |ui: &mut Ui| menus::edit::menus(ui, lang, sheet, grid);
            self.queue.extend(menus::bar::bar(ui, &data, extra));
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            let current = &self.sheet.schema().name;
            let picked = menus::toolbar::show(ui, lang, &choices, current);
            self.queue.extend(picked);
        });
        late |= self.run_queue(&ctx);
        self.edit_panels(ui);
        late |= self.run_queue(&ctx);
        egui::Panel::bottom("status").show(ui, |ui| {
            let asked = panels::status_bar::show(ui, lang, &self.sheet, &mut self.notice);
            self.queue.extend(asked);
        });
        if self.start_page {
            // Nothing is open: no issues to list, and "No issues: the file is ready to
            // upload" would not be true of no file.
        } else if self.side_collapsed {
            egui::Panel::right("side-folded")
                .resizable(false)
                .show(ui, |ui| self.queue.extend(panels::side::folded(ui)));
        } else {
            egui::Panel::right("side")
                .default_size(theme::SIDE_PANEL_WIDTH)
                .min_size(theme::SIDE_PANEL_MIN_WIDTH)
                .resizable(true)
                .show(ui, |ui| self.side_panel(ui));
        }
        late |= self.run_queue(&ctx);
        let keyboard = !modal_open;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            if self.start_page {
                self.queue
                    .extend(panels::start::show(ui, &self.settings.recent));
                return;
            }
            let (sheet, grid, queue) = (&self.sheet, &mut self.grid, &mut self.queue);
            grid::draw::show(ui, sheet, grid, keyboard, queue);
        });
        late |= self.run_queue(&ctx);
        self.edit_windows(&ctx);
        late |= self.run_queue(&ctx);
        self.side_windows(&ctx);
        self.show_dialog(&ctx);
        self.template_dialog(&ctx);
        self.template_editor(&ctx);
        late |= self.run_queue(&ctx);
        self.recovery_frame(&ctx);
        late |= self.run_queue(&ctx);
        if let Some((job, _)) = &self.job {
            dialogs::progress::show(&ctx, job);
        }
        // Cancel is read before the frame's search: a click stops it before more is done.
        self.long_replace_progress(&ctx);
        self.step_long_replace(&ctx);
        self.drop_veil(&ctx);
        announce::show(&ctx);
        self.update_title(&ctx);
        if late {
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings().store(storage);
    }
}

impl BulksheetApp {
    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(self.settings.theme.preference());
            self.applied_theme = Some(self.settings.theme);
        }
    }

    fn side_panel(&mut self, ui: &mut Ui) {
        self.queue.extend(panels::side::fold_button(ui));
        let asked = panels::subscriptions::show(ui, &self.sheet);
        self.queue.extend(asked);
        ui.separator();
        let at = self.grid.selected();
        let asked = self.issues.show(ui, &self.sheet, (at.row, at.col));
        self.queue.extend(asked);
    }

    /// The keyboard shortcuts panel, the recent messages and the Settings window.
    fn side_windows(&mut self, ctx: &egui::Context) {
        let lang = self.settings.lang;
        panels::help::show(ctx, lang, &mut self.show_help);
        panels::messages::show(ctx, lang, &self.messages, &mut self.show_messages);
        let mut open = self.show_settings;
        let picked = dialogs::settings_window::show(ctx, lang, &self.settings, &mut open);
        self.show_settings = open;
        self.queue.extend(picked);
    }
}
