//! Opening, saving and closing, with the questions they need: unsaved edits are never lost
//! without asking, the original file is never overwritten without asking, and a file with
//! errors is only written as a draft the user explicitly asked for. Saving follows the
//! command line's rules (blank rows dropped, every part encoded before any is written).

use super::loader::{self, Job, Outcome, SaveRequest};
use super::picker::{Answer, Pending, Purpose, Request};
use super::recent;
use crate::app::command::{After, BrowseFor, Write};
use crate::app::dialogs::file::{self as dialogs, Dialog};
use crate::app::grid::state::GridState;
use crate::app::i18n::{Lang, tr, trf};
use crate::app::{BulksheetApp, FileInfo, SaveSettings};
use crate::io::WriteOptions;
use eframe::egui;
use egui::ViewportCommand;
use std::path::{Path, PathBuf};

impl BulksheetApp {
    /// Open (Ctrl+O or a file given): asks about unsaved edits first.
    pub(crate) fn request_open(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        if self.sheet.is_dirty() {
            self.dialog = Some(Dialog::Unsaved {
                then: After::Open(path),
            });
        } else {
            self.open_now(ctx, path);
        }
    }

    fn open_now(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        match path {
            Some(p) => self.start_open(ctx, p),
            None => {
                let start = self
                    .file
                    .path
                    .as_deref()
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                self.pick(ctx, BrowseFor::Open, start, Purpose::Open);
            }
        }
    }

    /// Reads a file in the background; the current document stays until it has loaded.
    /// Of a workbook, the first sheet is read.
    pub fn start_open(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.start_open_sheet(ctx, path, None);
    }

    /// Save (Ctrl+S): the first save over a file that came from disk asks before
    /// overwriting it; a document with no file asks where to save. A file with no edits
    /// is not written again: the file on disk already holds it. A workbook is never
    /// written: Save asks for a CSV name. A file not in the console's format (tab- or
    /// semicolon-separated, UTF-16) is never rewritten in another: Save As proposes a
    /// comma-separated `-fixed.csv` copy beside it.
    pub(crate) fn request_save(&mut self, ctx: &egui::Context, then: After) {
        if self.open_workbook().is_some() {
            self.show_save_as(ctx, then);
            return;
        }
        let meta = &self.sheet.doc().meta;
        if self.file.path.is_some() && !self.file.overwrite_ok && !self.sheet.schema().takes(meta) {
            let (sep, enc) = (meta.separator, meta.encoding);
            let schema = self.sheet.schema();
            let (want, want_enc) = (schema.separator, schema.console_encoding(enc));
            self.show_save_as(ctx, then);
            self.say(true, move |l| {
                let words = |s: crate::io::Separator| match l {
                    Lang::En => s.label().to_lowercase(),
                    Lang::Ja => tr(l, s.label()).to_string(),
                };
                trf(
                    l,
                    "This file is {sep} ({enc}); the console takes {want} ({want_enc}): choose where to save a copy in that format.",
                    &[
                        ("sep", &words(sep)),
                        ("enc", &enc.label()),
                        ("want", &words(want)),
                        ("want_enc", &want_enc.label()),
                    ],
                )
            });
            return;
        }
        match self.file.path.clone() {
            Some(_) if !self.sheet.is_dirty() => {
                self.say(false, |l| {
                    tr(l, "No changes to save; the file was not written.").into()
                });
                self.go_on(ctx, then);
            }
            Some(p) if self.file.overwrite_ok => self.save_checked(ctx, p, then),
            Some(p) => self.dialog = Some(Dialog::ConfirmOverwrite { path: p, then }),
            None => self.show_save_as(ctx, then),
        }
    }

    /// Save As (Ctrl+Shift+S): the system's save dialog first, suggesting `name-fixed.csv`
    /// beside the original; then the encoding, split and row choices in the window.
    pub(crate) fn show_save_as(&mut self, ctx: &egui::Context, then: After) {
        let path = self.suggested_save_path();
        self.pick(ctx, BrowseFor::Save, path, Purpose::SaveAs(then));
    }

    /// The Save As choices for a file: chosen in the system's dialog, or typed in the
    /// window's own.
    fn save_as_choices(&mut self, path: &Path, chosen: bool, then: After) {
        // The encoding last chosen in Save As, on this or an earlier run, comes first.
        let encoding = self.settings.save_encoding().unwrap_or(self.save.encoding);
        self.dialog = Some(Dialog::SaveAs {
            path: path.display().to_string(),
            chosen,
            fresh: true,
            encoding,
            split: self.save.split,
            rows: Default::default(),
            then,
        });
    }

    fn suggested_save_path(&self) -> PathBuf {
        match (&self.file.path, self.file.overwrite_ok) {
            (Some(p), true) => p.clone(),
            (Some(p), false) => fixed_name(p),
            (None, _) => {
                let dir = std::env::current_dir().unwrap_or_default();
                fixed_name(&dir.join(&self.file.name))
            }
        }
    }

    /// Applies the save options to the rules: Shift_JIS makes some characters errors, and
    /// parts of at most the row limit settle the too-many-rows error.
    fn apply_save_settings(&mut self, settings: SaveSettings) {
        if self.sheet.rules().target != settings.encoding {
            self.sheet.set_target_encoding(settings.encoding);
        }
        let check_limit = !settings.split;
        if self.sheet.rules().check_row_limit != check_limit {
            self.sheet.set_check_row_limit(check_limit);
        }
        self.save = settings;
    }

    /// Saves, or lists the errors first and offers a draft.
    fn save_checked(&mut self, ctx: &egui::Context, path: PathBuf, then: After) {
        if self.sheet.errors() > 0 {
            self.dialog = Some(Dialog::SaveErrors { path, then });
        } else {
            self.start_save(ctx, path, then);
        }
    }

    fn start_save(&mut self, ctx: &egui::Context, path: PathBuf, then: After) {
        let split = self.sheet.schema().max_rows.filter(|_| self.save.split);
        let rows = self.rows_to_save();
        let targets = crate::io::part_paths(&path, rows.len(), split);
        if self.ask_before_replacing(&targets, &Write::Save(path.clone(), then.clone())) {
            return;
        }
        let doc = self.sheet.doc();
        let mut opts = WriteOptions::like(doc);
        opts.encoding = self.save.encoding;
        // The window writes only what the console takes: the template's separator.
        opts.separator = self.sheet.schema().separator;
        opts.columns = self.sheet.columns_to_write();
        let req = SaveRequest {
            doc: doc.clone(),
            rows,
            path,
            opts,
            split,
        };
        self.job = Some((Job::save(req, ctx), then));
    }

    /// The rows a save writes: the non-blank ones, less those Save As was told to leave out.
    fn rows_to_save(&self) -> Vec<usize> {
        let choice = self.save.rows;
        let mut rows = if choice.only_changed {
            self.sheet.rows_changed_since_open()
        } else {
            self.sheet.rows_to_write()
        };
        if choice.skip_no_change {
            let same = self.sheet.unchanged_rows();
            rows.retain(|r| same.binary_search(r).is_err());
        }
        rows
    }

    /// Close (window button, Quit): asks about unsaved edits first.
    pub(crate) fn request_close(&mut self, ctx: &egui::Context) {
        if self.sheet.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then: After::Close });
        } else {
            self.close_now(ctx);
        }
    }

    fn close_now(&mut self, ctx: &egui::Context) {
        self.close_allowed = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// The window's close button: cancelled while there are unsaved edits or a job runs.
    pub(crate) fn intercept_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.close_allowed {
            return;
        }
        if self.job.is_some() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.say(true, |l| {
                tr(
                    l,
                    "Wait for the file to finish, or cancel it, before closing.",
                )
                .into()
            });
        } else if self.long_replace.is_some() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.say(true, |l| {
                tr(
                    l,
                    "Wait for the edit to finish, or cancel it, before closing.",
                )
                .into()
            });
        } else if self.sheet.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved { then: After::Close });
        }
    }

    /// Goes on with what a question was asked for.
    pub(crate) fn go_on(&mut self, ctx: &egui::Context, then: After) {
        match then {
            After::Nothing => {}
            After::Open(p) => self.open_now(ctx, p),
            After::OpenSheet(p, sheet) => self.start_open_sheet(ctx, p, Some(sheet)),
            After::Close => self.close_now(ctx),
        }
    }

    /// Draws the question on screen; the answer goes on the queue.
    pub(crate) fn show_dialog(&mut self, ctx: &egui::Context) {
        if self.picking.is_some() {
            self.queue.extend(dialogs::waiting_for_system(ctx));
            return;
        }
        let Some(dialog) = self.dialog.as_mut() else {
            return;
        };
        let issues = self.issues.worded(&self.sheet, self.settings.lang);
        if let Some(cmd) = dialogs::show(ctx, dialog, &self.sheet, issues, &self.file.name) {
            self.queue.push(cmd);
        }
    }

    /// Save As was answered: the options are kept for the next save, then the file saved.
    pub(crate) fn save_as_chosen(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        settings: SaveSettings,
        then: After,
    ) {
        self.dialog = None;
        if self.refuse_workbook_target(ctx, &path, &then) {
            return;
        }
        self.settings.set_save_encoding(settings.encoding);
        self.apply_save_settings(settings);
        if self.file.path.as_deref() == Some(path.as_path())
            && !settings.split
            && !settings.rows.is_partial()
        {
            self.file.overwrite_ok = true;
        }
        self.save_checked(ctx, path, then);
    }

    /// The original may be overwritten from now on; saves over it.
    pub(crate) fn overwrite(&mut self, ctx: &egui::Context, path: PathBuf, then: After) {
        self.dialog = None;
        self.file.overwrite_ok = true;
        self.confirm_path(&path);
        self.save_checked(ctx, path, then);
    }

    /// Saves although errors remain.
    pub(crate) fn save_draft(&mut self, ctx: &egui::Context, path: PathBuf, then: After) {
        self.dialog = None;
        self.start_save(ctx, path, then);
    }

    /// Asks the system's file dialog (on a worker thread); where none can be shown, the
    /// window's own dialog takes its place at once.
    pub(crate) fn pick(
        &mut self,
        ctx: &egui::Context,
        kind: BrowseFor,
        start: PathBuf,
        purpose: Purpose,
    ) {
        let title = tr(self.settings.lang, picker_title(kind, &purpose)).to_string();
        let request = Request { kind, start, title };
        if self.no_system_dialog {
            self.own_dialog(request, purpose);
        } else {
            self.picking = Some(Pending::ask(&self.picker, ctx, request, purpose));
        }
    }

    /// "Browse…" in one of the window's own dialogs: the system's dialog fills its field.
    pub(crate) fn browse(&mut self, ctx: &egui::Context, what: BrowseFor, current: &str) {
        self.pick(ctx, what, PathBuf::from(current), Purpose::Fill(what));
    }

    /// Collects finished background work: a loaded or saved file, a browse result.
    pub(crate) fn poll_background(&mut self, ctx: &egui::Context) {
        self.poll_picker(ctx);
        let Some((job, _)) = &self.job else { return };
        let Some(outcome) = job.poll() else { return };
        let Some((_, then)) = self.job.take() else {
            return;
        };
        match outcome {
            Outcome::Opened(o) => {
                self.replace_document(o.sheet, o.path);
                self.after_open_workbook(!o.sheet_chosen);
            }
            Outcome::Saved(saved) => {
                self.after_save(saved);
                self.go_on(ctx, then);
            }
            Outcome::Failed(e) => {
                self.dialog = Some(Dialog::Message {
                    title: tr(self.settings.lang, "That did not work").into(),
                    text: e.message(self.settings.lang),
                });
            }
            Outcome::Cancelled => self.say(true, |l| tr(l, "Cancelled.").into()),
        }
    }

    fn poll_picker(&mut self, ctx: &egui::Context) {
        let Some(answer) = self.picking.as_ref().and_then(Pending::poll) else {
            return;
        };
        let Some(pending) = self.picking.take() else {
            return;
        };
        match answer {
            Answer::Chosen(path) => self.picked(ctx, path, pending.purpose),
            Answer::Cancelled => {}
            Answer::Unavailable => {
                self.no_system_dialog = true;
                self.own_dialog(pending.request, pending.purpose);
            }
        }
    }

    /// A file chosen in the system's dialog. A file to write was confirmed there: the
    /// system's save dialog asks before replacing one.
    fn picked(&mut self, ctx: &egui::Context, path: PathBuf, purpose: Purpose) {
        match purpose {
            Purpose::Open => self.start_open(ctx, path),
            Purpose::SaveAs(then) => {
                self.confirm_path(&path);
                self.save_as_choices(&path, true, then);
            }
            Purpose::ExportIssues => {
                self.confirm_path(&path);
                self.export_issues(&path);
            }
            Purpose::ExportTemplate => {
                self.confirm_path(&path);
                self.export_template(&path);
            }
            Purpose::Fill(kind) => {
                if matches!(kind, BrowseFor::Save | BrowseFor::SaveTemplate) {
                    self.confirm_path(&path);
                }
                let text = path.display().to_string();
                match (&mut self.dialog, kind) {
                    (Some(Dialog::SaveAs { path, .. }), BrowseFor::Save) => *path = text,
                    (_, BrowseFor::Template) => {
                        if let Some(path) = self.template_path.as_mut() {
                            *path = text;
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// The window's own dialog for what the system's could not be shown for; it says why
    /// it is there.
    fn own_dialog(&mut self, request: Request, purpose: Purpose) {
        let start = request.start.display().to_string();
        match purpose {
            Purpose::Open => {
                let sep = std::path::MAIN_SEPARATOR;
                let path = if start.is_empty() || start.ends_with(sep) {
                    start
                } else {
                    format!("{start}{sep}")
                };
                self.dialog = Some(Dialog::Open { path, fresh: true });
            }
            Purpose::SaveAs(then) => self.save_as_choices(&request.start, false, then),
            Purpose::ExportIssues => {
                self.dialog = Some(Dialog::ExportIssues {
                    path: start,
                    fresh: true,
                })
            }
            Purpose::ExportTemplate => {
                self.dialog = Some(Dialog::ExportTemplate {
                    path: start,
                    fresh: true,
                })
            }
            Purpose::Fill(_) => self.say(true, |l| {
                tr(
                    l,
                    "No system file dialog can be shown here (no desktop session was found): type the file's full path.",
                )
                .into()
            }),
        }
    }

    fn replace_document(&mut self, sheet: crate::Sheet, path: PathBuf) {
        let path_for_recent = path.clone();
        // The widths the user chose for the file being closed are kept for the next one.
        self.settings.remember_widths(
            &self.sheet.doc().header,
            self.grid.widths(),
            self.grid.chosen(),
        );
        self.grid = GridState::for_sheet(&sheet);
        self.save = SaveSettings {
            encoding: sheet.schema().console_encoding(sheet.doc().meta.encoding),
            split: false,
            rows: Default::default(),
        };
        self.sheet = sheet;
        self.start_page = false;
        self.file = FileInfo {
            name: loader::display_name(&path),
            path: Some(path),
            overwrite_ok: false,
        };
        self.issues = Default::default();
        recent::push(&mut self.settings.recent, &path_for_recent);
        self.pick_loaded_template();
        self.restore_widths();
        let n = self.sheet.errors();
        let name = self.file.name.clone();
        self.say(false, move |l| {
            trf(
                l,
                "Opened {name} ({n} errors).",
                &[("name", &name), ("n", &n)],
            )
        });
    }

    fn after_save(&mut self, saved: loader::Saved) {
        let errors = self.sheet.errors();
        // A file of some rows only is an extract: the sheet is still unsaved, the file it
        // came from is still its file, and the next save writes every row again.
        let partial = std::mem::take(&mut self.save.rows).is_partial();
        // Parts written beside the document's own file leave that file as it was: the
        // recovery journal goes on replaying steps onto it (rather than holding every row).
        let own_file_kept = saved.split
            && !saved
                .files
                .iter()
                .any(|(p, _)| Some(p) == self.file.path.as_ref());
        if !partial {
            self.sheet.set_meta(saved.meta);
            if own_file_kept {
                self.sheet.mark_saved_apart();
            } else {
                self.sheet.mark_saved();
            }
        }
        // Written by the user here: later saves there ask no more.
        for (p, _) in &saved.files {
            self.confirm_path(p);
        }
        if !saved.split
            && !partial
            && let Some((p, _)) = saved.files.first()
        {
            self.sheet.forget_workbook();
            self.file.name = loader::display_name(p);
            self.file.path = Some(p.clone());
            self.file.overwrite_ok = true;
            recent::push(&mut self.settings.recent, p);
        }
        if !partial && !own_file_kept {
            self.file_written();
        }
        let files: Vec<(String, usize)> = saved
            .files
            .iter()
            .map(|(p, n)| (loader::display_name(p), *n))
            .collect();
        self.say(errors > 0, move |l| saved_text(l, &files, errors));
    }
}

/// The system dialog's title: what the file is for.
fn picker_title(kind: BrowseFor, purpose: &Purpose) -> &'static str {
    match (kind, purpose) {
        (_, Purpose::ExportIssues) => "Export issue list",
        (_, Purpose::ExportTemplate) => "Export template",
        (BrowseFor::Template | BrowseFor::SaveTemplate, _) => "Load a template",
        (BrowseFor::Save, _) => "Save as",
        (BrowseFor::Open, _) => "Open a file",
    }
}

/// What a save says: the files written with their rows, and whether it is a draft.
fn saved_text(lang: Lang, files: &[(String, usize)], errors: usize) -> String {
    let names: Vec<String> = files
        .iter()
        .map(|(name, n)| trf(lang, "{name} ({n} rows)", &[("name", name), ("n", n)]))
        .collect();
    let names = names.join(", ");
    if errors > 0 {
        trf(
            lang,
            "Saved DRAFT {names} — {n} errors remain, not ready for upload.",
            &[("names", &names), ("n", &errors)],
        )
    } else {
        trf(lang, "Saved {names}.", &[("names", &names)])
    }
}

/// `users.csv` → `users-fixed.csv` in the same folder.
pub fn fixed_name(path: &Path) -> PathBuf {
    let stem = path.file_stem().map_or_else(
        || "bulksheet".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let stem = stem.strip_suffix("-fixed").unwrap_or(&stem);
    path.with_file_name(format!("{stem}-fixed.csv"))
}
