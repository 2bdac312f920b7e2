//! The editor window. It draws the core's document and issue list and sends every change
//! back as a [`Sheet`] edit; it holds no rule of its own.

use eframe::egui;
mod clipboard;
mod dialogs;
mod drop;
mod edit_actions;
mod edit_menu;
mod file_ops;
mod find_panel;
mod fix_button;
mod fix_preview;
pub mod fonts;
mod grid;
pub mod help_panel;
pub mod i18n;
mod issues_panel;
mod journal_writer;
mod loader;
mod menus;
mod notice;
pub mod recent;
mod recovery;
mod review_panel;
pub mod roster_panel;
mod selection;
mod set_value;
pub mod settings;
mod settings_window;
mod state;
mod subscriptions_panel;
mod templates;
pub mod theme;
mod toolbar;
mod view_bar;

pub use dialogs::After;
pub use issues_panel::Grouping;
pub use settings::{Settings, ThemeChoice};
pub use state::CellPos;

use crate::{Sheet, TextEncoding};
use dialogs::Dialog;
use egui::{Ui, ViewportCommand};
use i18n::{Lang, tr, trf};
use menus::Command;
use notice::Notice;
use state::GridState;
use std::path::{Path, PathBuf};

pub use crate::sample_data::{SAMPLE_CSV, SAMPLE_NAME};
/// Names the settings folder (on Linux `~/.local/share/bulksheet/`) and the window class.
pub const APP_ID: &str = "bulksheet";

/// Opens the window; returns the process exit code.
pub fn run(file: Option<PathBuf>, schema: Option<String>) -> i32 {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size(theme::WINDOW_SIZE)
            .with_title("Bulksheet")
            .with_app_id(APP_ID),
        persist_window: true,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Bulksheet",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let settings = Settings::load(cc.storage);
            let mut app = match file {
                Some(path) => {
                    let mut app = BulksheetApp::new(empty_sheet(), None);
                    app.start_open(&cc.egui_ctx, path);
                    app
                }
                None => BulksheetApp::sample(),
            };
            app.apply_settings(settings);
            if let Some(s) = &schema {
                app.use_template_arg(s);
            }
            Ok(Box::new(app.with_default_recovery()))
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
struct SaveSettings {
    encoding: TextEncoding,
    split: bool,
}

pub struct BulksheetApp {
    sheet: Sheet,
    file: FileInfo,
    grid: GridState,
    issues: issues_panel::IssueList,
    save: SaveSettings,
    dialog: Option<Dialog>,
    job: Option<(loader::Job, After)>,
    browse: Option<(
        dialogs::BrowseFor,
        std::sync::mpsc::Receiver<Option<PathBuf>>,
    )>,
    notice: Option<Notice>,
    title: String,
    close_allowed: bool,
    recovery: recovery::Recovery,
    /// The editing windows and panels (find, fix preview, review, roster).
    edit: edit_actions::EditState,
    /// The interface language; panels read it from the frame (`i18n::ui_lang`).
    lang: Lang,
    /// What is remembered between runs (language and widths are kept in sync on save).
    settings: Settings,
    templates: templates::Templates,
    /// The Load template dialog's path field while it is open.
    template_path: Option<String>,
    show_help: bool,
    show_settings: bool,
    /// The theme last handed to egui, so it is set only when it changes.
    applied_theme: Option<ThemeChoice>,
}

/// A sheet with the MiiTel header and no rows, shown while the first file loads.
fn empty_sheet() -> Sheet {
    let header: Vec<String> = crate::schema::builtin(crate::schema::MIITEL_UPDATE_USERS)
        .map(|s| s.columns.iter().map(|c| c.name.clone()).collect())
        .unwrap_or_default();
    let doc = crate::Document::new(header, Default::default());
    loader::sheet_for(doc)
}

impl BulksheetApp {
    /// A window on this sheet; `path` is where it came from (None for the sample or a new
    /// document).
    pub fn new(sheet: Sheet, path: Option<PathBuf>) -> Self {
        let name = path
            .as_deref()
            .map_or_else(|| "Untitled.csv".to_string(), loader::display_name);
        let save = SaveSettings {
            encoding: sheet.doc().meta.encoding,
            split: false,
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
            browse: None,
            notice: None,
            title: String::new(),
            close_allowed: false,
            recovery: Default::default(),
            edit: Default::default(),
            lang: Lang::En,
            settings: Settings::default(),
            templates: Default::default(),
            template_path: None,
            show_help: false,
            show_settings: false,
            applied_theme: None,
        }
    }

    /// Takes on remembered settings: language, theme, widths, loaded templates.
    pub fn apply_settings(&mut self, settings: Settings) {
        self.lang = settings.lang;
        self.settings = settings;
        for path in self.settings.templates.clone() {
            if let Err(e) = self.templates.add(&path) {
                self.say(true, move |l| e.message(l));
            }
        }
        self.settings.templates = self.templates.paths();
        self.pick_loaded_template();
        self.restore_widths();
    }

    /// The settings as they stand now, as they would be stored.
    pub fn settings(&self) -> Settings {
        let mut s = self.settings.clone();
        s.lang = self.lang;
        s.remember_widths(
            &self.sheet.doc().header,
            &self.grid.widths,
            &self.grid.chosen,
        );
        s
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.settings.lang = lang;
        if let Some(n) = self.notice.as_mut() {
            n.reword(lang);
        }
    }

    /// Width of a file column on screen.
    pub fn column_width(&self, col: usize) -> Option<f32> {
        self.grid.widths.get(col).copied()
    }

    pub fn set_column_width(&mut self, col: usize, width: f32) {
        if let Some(w) = self.grid.widths.get_mut(col) {
            *w = width.max(theme::MIN_COLUMN_WIDTH);
        }
        if let Some(c) = self.grid.chosen.get_mut(col) {
            *c = true;
        }
    }

    /// The name of the template the sheet is checked against.
    pub fn template_name(&self) -> &str {
        &self.sheet.schema().name
    }

    /// Loads a template file and checks the sheet against it.
    pub fn load_template_file(&mut self, path: &Path) -> Result<(), crate::schema::LoadError> {
        self.load_template(path)
    }

    /// `--schema NAME|PATH` on the command line: a TOML file is loaded as a template, a
    /// built-in name is applied; a failure is shown in the status bar.
    pub fn use_template_arg(&mut self, name_or_path: &str) {
        let path = Path::new(name_or_path);
        if path.is_file() {
            if let Err(e) = self.load_template(path) {
                self.say(true, move |l| e.message(l));
            }
        } else if crate::schema::builtin(name_or_path).is_some() {
            self.use_template(name_or_path);
        } else {
            let name = name_or_path.to_string();
            self.say(true, move |l| {
                trf(l, "No template named {name}", &[("name", &name)])
            });
        }
    }

    pub fn recent_files(&self) -> &[PathBuf] {
        &self.settings.recent
    }

    pub fn is_help_open(&self) -> bool {
        self.show_help
    }

    /// An issue as the window shows it: where, then the message, in the chosen language.
    pub fn issue_text(&self, issue: &crate::Issue) -> String {
        issues_panel::issue_text(self.lang, issue)
    }

    fn restore_widths(&mut self) {
        let header = &self.sheet.doc().header;
        let grid = &mut self.grid;
        self.settings
            .restore_widths(header, &mut grid.widths, &mut grid.chosen);
    }

    /// Reads a file synchronously (tests and small files).
    pub fn open(path: &Path) -> Result<Self, String> {
        let doc = crate::io::read_path(path, None).map_err(|e| e.to_string())?;
        Ok(Self::new(loader::sheet_for(doc), Some(path.to_path_buf())))
    }

    /// The bundled sample.
    pub fn sample() -> Self {
        let doc = crate::io::read_bytes(SAMPLE_CSV, None).unwrap_or_default();
        let mut app = Self::new(loader::sheet_for(doc), None);
        app.file.name = SAMPLE_NAME.to_string();
        app
    }

    pub fn sheet(&self) -> &Sheet {
        &self.sheet
    }

    pub fn sheet_mut(&mut self) -> &mut Sheet {
        &mut self.sheet
    }

    pub fn path(&self) -> Option<&Path> {
        self.file.path.as_deref()
    }

    pub fn selected(&self) -> CellPos {
        self.grid.selected
    }

    /// Every selected cell as (row, column), for tests.
    pub fn selected_cells(&self) -> Vec<(usize, usize)> {
        self.grid.selected_cells()
    }

    pub fn select(&mut self, row: usize, col: usize) {
        self.grid.select(CellPos::new(row, col));
    }

    /// A background open or save is running.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// The dialog on screen, by kind, for tests and the title.
    pub fn dialog_name(&self) -> Option<&'static str> {
        self.dialog.as_ref().map(|d| match d {
            Dialog::Unsaved { .. } => "unsaved",
            Dialog::Open { .. } => "open",
            Dialog::SaveAs { .. } => "save-as",
            Dialog::ConfirmOverwrite { .. } => "confirm-overwrite",
            Dialog::SaveErrors { .. } => "save-errors",
            Dialog::Message { .. } => "message",
        })
    }

    /// The window was told to close (after the user answered any question).
    pub fn is_closing(&self) -> bool {
        self.close_allowed
    }

    /// The last status message (saved, opened, failed…).
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(Notice::text)
    }

    /// The window title: file name, `*` when there are unsaved edits.
    pub fn window_title(&self) -> String {
        let dirty = if self.sheet.is_dirty() { "*" } else { "" };
        format!("{}{dirty} — Bulksheet", self.file.name)
    }

    pub fn set_grouping(&mut self, g: Grouping) {
        self.issues.grouping = g;
    }

    fn run_command(&mut self, ctx: &egui::Context, cmd: Command) {
        // A shortcut or menu pick ends a cell edit first, keeping what was typed.
        if self.grid.editor.is_some() {
            grid::commit_editor(&mut self.sheet, &mut self.grid, state::Move::Stay);
        }
        match cmd {
            Command::Open => self.request_open(ctx, None),
            Command::Save => self.request_save(ctx, After::Nothing),
            Command::SaveAs => self.show_save_as(After::Nothing),
            Command::Quit => self.request_close(ctx),
            Command::NextError => self.goto_error(true),
            Command::PreviousError => self.goto_error(false),
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
                if let Some(c) = self.templates.choices(self.lang).get(i) {
                    self.use_template(&c.name.clone());
                }
            }
            Command::SetLang(l) => self.set_lang(l),
            Command::SetTheme(t) => self.settings.theme = t,
            Command::Settings => self.show_settings = !self.show_settings,
            Command::Help => self.show_help = !self.show_help,
        }
    }

    fn goto_error(&mut self, forward: bool) {
        let from = self.grid.selected;
        let next =
            self.sheet
                .validator()
                .next_cell((from.row, from.col), forward, crate::Severity::Error);
        match next {
            Some((row, col)) => self.select(row, col),
            None => self.say(false, |l| tr(l, "No errors left.").into()),
        }
    }

    fn goto_issue(&mut self, row: usize, col: Option<usize>) {
        let col = col.unwrap_or(self.grid.selected.col);
        self.select(row, col);
    }

    /// A notice worded in the current language, reworded when the language changes.
    fn say(&mut self, warning: bool, words: impl Fn(Lang) -> String + 'static) {
        self.notice = Some(Notice::new(self.lang, warning, words));
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn status_bar(&self, ui: &mut Ui) {
        let lang = self.lang;
        let pal = theme::Palette::for_visuals(ui.visuals());
        let doc = self.sheet.doc();
        ui.horizontal(|ui| {
            status_item(ui, tr(lang, "Rows"), doc.rows().to_string(), None);
            ui.separator();
            let errors = self.sheet.errors();
            let color = if errors > 0 {
                pal.error_text
            } else {
                pal.ok_text
            };
            status_item(ui, tr(lang, "Errors"), errors.to_string(), Some(color));
            ui.separator();
            let warnings = self.sheet.warnings();
            let color = (warnings > 0).then_some(pal.warning_text);
            status_item(ui, tr(lang, "Warnings"), warnings.to_string(), color);
            ui.separator();
            let target = self.sheet.rules().target;
            let encoding = if target == doc.meta.encoding {
                target.label().to_string()
            } else {
                format!("{} → {}", doc.meta.encoding.label(), target.label())
            };
            status_item(ui, tr(lang, "Encoding"), encoding, None);
            ui.separator();
            status_item(
                ui,
                tr(lang, "Line ending"),
                doc.meta.line_ending.as_str().to_string(),
                None,
            );
            ui.separator();
            let name = self.sheet.schema().title_in(lang).to_string();
            status_item(ui, tr(lang, "Schema"), name, None);
            if let Some(n) = &self.notice {
                ui.separator();
                let color = if n.warning {
                    pal.warning_text
                } else {
                    ui.visuals().text_color()
                };
                ui.colored_label(color, n.text());
            }
        });
    }

    fn side_panel(&mut self, ui: &mut Ui) {
        subscriptions_panel::show(ui, &mut self.sheet);
        ui.separator();
        let sel = (self.grid.selected.row, self.grid.selected.col);
        match self.issues.show(ui, &self.sheet, sel) {
            Some(issues_panel::PanelAction::Goto { row, col }) => self.goto_issue(row, col),
            Some(issues_panel::PanelAction::Next) => self.goto_error(true),
            Some(issues_panel::PanelAction::Previous) => self.goto_error(false),
            Some(issues_panel::PanelAction::Fix { row, col, like }) => {
                let cmd = if like {
                    edit_menu::EditCommand::FixLike(row, col)
                } else {
                    edit_menu::EditCommand::Fix(row, col)
                };
                self.grid.requests.push(cmd);
            }
            None => {}
        }
    }

    fn job_overlay(&mut self, ctx: &egui::Context) {
        let Some((job, _)) = &self.job else { return };
        let title = job.title.clone();
        let progress = job.progress();
        let cancelling = job.is_cancelling();
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("bulksheet-progress")).show(ctx, |ui| {
            ui.set_min_width(360.0);
            ui.label(&title);
            ui.add(
                egui::ProgressBar::new(progress)
                    .show_percentage()
                    .animate(true),
            );
            let lang = i18n::ui_lang(ui.ctx());
            let label = if cancelling {
                tr(lang, "Cancelling…")
            } else {
                tr(lang, "Cancel")
            };
            if ui
                .add_enabled(!cancelling, egui::Button::new(label))
                .clicked()
            {
                cancel = true;
            }
        });
        if cancel && let Some((job, _)) = &self.job {
            job.cancel();
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f32(theme::JOB_REPAINT_SECS));
    }
}

/// A status bar entry whose accessible name is its caption and whose value is the figure.
fn status_item(ui: &mut Ui, caption: &str, value: String, color: Option<egui::Color32>) {
    let text = egui::RichText::new(format!("{caption}: {value}"));
    let text = match color {
        Some(c) => text.color(c),
        None => text,
    };
    let resp = ui.label(text);
    resp.widget_info(|| egui::WidgetInfo {
        label: Some(caption.to_string()),
        current_text_value: Some(value.clone()),
        ..egui::WidgetInfo::new(egui::accesskit::Role::Status)
    });
}

impl eframe::App for BulksheetApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        i18n::set_frame_lang(&ctx, self.lang);
        self.apply_theme(&ctx);
        self.poll_background(&ctx);
        self.intercept_close(&ctx);
        self.handle_drops(&ctx);
        self.grid.lang = self.lang;
        self.issues.lang = self.lang;
        ctx.data_mut(|d| d.insert_temp(fix_button::lang_id(), self.lang));
        let modal_open = self.dialog.is_some()
            || self.job.is_some()
            || self.template_path.is_some()
            || self.recovery.is_asking()
            || self.edit.is_modal();
        if !modal_open {
            for cmd in menus::shortcuts(&ctx) {
                self.run_command(&ctx, cmd);
            }
            for cmd in edit_menu::shortcuts(&ctx, self.grid_has_keyboard(&ctx)) {
                self.run_command(&ctx, Command::Edit(cmd));
            }
        }
        let choices = self.templates.choices(self.lang);
        let data = menus::MenuData {
            lang: self.lang,
            recent: &self.settings.recent,
            templates: &choices,
            template: &self.sheet.schema().name,
            theme: self.settings.theme,
        };
        let mut picked = None;
        egui::Panel::top("menu").show(ui, |ui| {
            let (lang, sheet, grid) = (self.lang, &self.sheet, &self.grid);
            let extra = |ui: &mut Ui| edit_menu::menus(ui, lang, sheet, grid).map(Command::Edit);
            picked = menus::bar(ui, &data, extra);
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            let current = &self.sheet.schema().name;
            picked = picked
                .take()
                .or(toolbar::show(ui, self.lang, &choices, current));
        });
        if let Some(cmd) = picked {
            self.run_command(&ctx, cmd);
        }
        self.edit_panels(ui);
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::right("side")
            .default_size(theme::SIDE_PANEL_WIDTH)
            .resizable(true)
            .show(ui, |ui| self.side_panel(ui));
        let keyboard = !modal_open;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            grid::show(ui, &mut self.sheet, &mut self.grid, keyboard);
        });
        self.edit_frame(&ctx);
        self.side_windows(&ctx);
        self.show_dialog(&ctx);
        self.template_dialog(&ctx);
        self.recovery_frame(&ctx);
        self.job_overlay(&ctx);
        drop::hover_overlay(&ctx, self.lang);
        self.update_title(&ctx);
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

    /// The Help panel and the Settings window.
    fn side_windows(&mut self, ctx: &egui::Context) {
        help_panel::show(ctx, self.lang, &mut self.show_help);
        let mut open = self.show_settings;
        let picked = settings_window::show(ctx, self.lang, self.settings.theme, &mut open);
        self.show_settings = open;
        if let Some(cmd) = picked {
            self.run_command(ctx, cmd);
        }
    }
}
