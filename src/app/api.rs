//! What the binary and the tests read and set on the window: the document, the selection,
//! the settings, the dialog on screen, the status line.

use crate::Sheet;
use crate::app::BulksheetApp;
use crate::app::file::loader::sheet_for;
use crate::app::grid::state::cell::CellPos;
use crate::app::i18n::{Lang, trf};
use crate::app::notice::Notice;
use crate::app::panels::issue_text::issue_text;
use crate::app::settings::Settings;
use crate::issue_groups::Grouping;
use crate::sample_data::{SAMPLE_CSV, SAMPLE_NAME};
use std::path::{Path, PathBuf};

impl BulksheetApp {
    /// Takes on remembered settings: language, theme, widths, loaded templates.
    pub fn apply_settings(&mut self, settings: Settings) {
        self.settings = settings;
        self.settings.follow_system_lang();
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
        s.remember_widths(
            &self.sheet.doc().header,
            self.grid.widths(),
            self.grid.chosen(),
        );
        s
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// Switches the interface language, as the user's pick (it no longer follows the
    /// system's); the status bar's line is reworded.
    pub fn set_lang(&mut self, lang: Lang) {
        self.settings.lang_follows_system = false;
        self.reword_in(lang);
    }

    /// Goes back to the system's language, and follows it on later runs.
    pub fn follow_system_lang(&mut self) {
        self.settings.lang_follows_system = true;
        self.reword_in(crate::validate::Lang::from_env());
    }

    fn reword_in(&mut self, lang: Lang) {
        self.settings.lang = lang;
        if let Some(n) = self.notice.as_mut() {
            n.reword(lang);
        }
    }

    /// Width of a file column on screen.
    pub fn column_width(&self, col: usize) -> Option<f32> {
        self.grid.widths().get(col).copied()
    }

    /// Sets a file column's width as if the user dragged it (it is remembered).
    pub fn set_column_width(&mut self, col: usize, width: f32) {
        self.grid.set_width(col, width);
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

    /// The recent files, most recent first.
    pub fn recent_files(&self) -> &[PathBuf] {
        &self.settings.recent
    }

    /// The keyboard shortcuts panel is open.
    pub fn is_help_open(&self) -> bool {
        self.show_help
    }

    /// An issue as the window shows it: where, then the message, in the chosen language.
    pub fn issue_text(&self, issue: &crate::Issue) -> String {
        issue_text(self.settings.lang, issue)
    }

    /// Puts the remembered widths on the sheet's columns.
    pub(crate) fn restore_widths(&mut self) {
        let header = &self.sheet.doc().header;
        let (widths, chosen) = self.grid.widths_mut();
        self.settings.restore_widths(header, widths, chosen);
    }

    /// Reads a file synchronously (tests and small files).
    pub fn open(path: &Path) -> Result<Self, crate::io::ReadError> {
        let doc = crate::io::read_path(path, None)?;
        let mut app = Self::new(sheet_for(doc), Some(path.to_path_buf()));
        app.after_open_workbook(true);
        Ok(app)
    }

    /// The bundled sample.
    pub fn sample() -> Self {
        let doc = crate::io::read_bytes(SAMPLE_CSV, None).unwrap_or_default();
        let mut app = Self::new(sheet_for(doc), None);
        app.file.name = SAMPLE_NAME.to_string();
        app
    }

    /// The document and its checks.
    pub fn sheet(&self) -> &Sheet {
        &self.sheet
    }

    /// The file the document came from or was saved to.
    pub fn path(&self) -> Option<&Path> {
        self.file.path.as_deref()
    }

    /// The cell the cursor is on.
    pub fn selected(&self) -> CellPos {
        self.grid.selected()
    }

    /// Selects one cell (document row, file column).
    pub fn select(&mut self, row: usize, col: usize) {
        self.grid.select(CellPos::new(row, col));
    }

    /// A background open or save, or a replace all searching over frames, is running.
    pub fn is_busy(&self) -> bool {
        self.job.is_some() || self.long_replace.is_some()
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

    /// Groups the issue list by row or by column.
    pub fn set_grouping(&mut self, g: Grouping) {
        self.issues.grouping = g;
    }
}
