//! The template editor's work: opening it on a template inferred from the open file, on
//! the template in use or on a copy; checking the sheet against the draft after each
//! change; saving it in the templates folder (and so in the template menu); closing it.

use crate::Schema;
use crate::app::BulksheetApp;
use crate::app::dialogs::file::Dialog;
use crate::app::dialogs::template_editor::{self, Draft};
use crate::app::i18n::{Lang, tr, trf};
use crate::io::write_atomic;
use crate::schema::infer::{InferOptions, infer, kind_like};
use crate::schema::{Kind, builtin};
use eframe::egui;
use std::path::{Path, PathBuf};

impl BulksheetApp {
    /// Saves edited templates in this folder (the window's default is `templates` in the
    /// app's data folder; tests give a temp folder).
    pub fn with_templates_dir(mut self, dir: PathBuf) -> Self {
        self.templates.set_folder(dir);
        self
    }

    /// The template editor's folder in the app's data folder, if the system has one.
    pub fn with_default_templates_dir(self) -> Self {
        match eframe::storage_dir(crate::app::APP_ID) {
            Some(data) => self.with_templates_dir(data.join("templates")),
            None => self,
        }
    }

    /// The template being edited, while the editor is open.
    pub fn template_draft(&self) -> Option<&Schema> {
        self.template_draft.as_ref().map(|d| &d.schema)
    }

    /// Opens the editor on a template inferred from the open file's columns and values.
    pub(crate) fn new_template_from_file(&mut self) {
        let path = self
            .file
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(&self.file.name));
        match infer(self.sheet.doc(), &InferOptions::for_file(&path)) {
            Ok(inference) => {
                let lang = self.settings.lang;
                let mut draft = Draft::new(inference.schema, &self.sheet.schema().name);
                for c in &inference.columns {
                    draft.reasons.insert(c.header.clone(), c.line(lang));
                }
                self.template_draft = Some(Box::new(draft));
            }
            Err(e) => {
                let lang = self.settings.lang;
                self.dialog = Some(Dialog::Message {
                    title: tr(lang, "No template could be inferred").into(),
                    text: e.message(lang),
                });
            }
        }
    }

    /// Opens the editor on the template in use, or on a copy of it: a built-in template
    /// is never changed, so editing one edits a copy.
    pub(crate) fn edit_template(&mut self, copy: bool) {
        let mut schema = self.sheet.schema().clone();
        let before = schema.name.clone();
        if copy || !self.templates.is_loaded(&schema.name) {
            schema.name = free_name(&format!("{}-copy", schema.name));
            schema.title = format!("{} (copy)", schema.title_in(Lang::En));
            schema.title_ja = schema.title_ja.map(|t| format!("{t}（コピー）"));
        }
        self.template_draft = Some(Box::new(Draft::new(schema, &before)));
    }

    /// Draws the editor while it is open, then checks the sheet against the draft if it
    /// changed.
    pub(crate) fn template_editor(&mut self, ctx: &egui::Context) {
        let lang = self.settings.lang;
        let Some(draft) = self.template_draft.as_mut() else {
            return;
        };
        let asked = template_editor::show(ctx, lang, draft);
        self.queue.extend(asked);
        self.apply_draft();
    }

    /// Fills a column whose kind was just picked from its values, and checks the sheet
    /// against the draft when it changed and can be used.
    fn apply_draft(&mut self) {
        let lang = self.settings.lang;
        let doc = self.sheet.doc();
        let Some(draft) = self.template_draft.as_mut() else {
            return;
        };
        if let Some(c) = draft
            .retyped
            .take()
            .and_then(|i| draft.schema.columns.get_mut(i))
        {
            let values: Vec<&str> = match doc.header.iter().position(|h| c.matches_header(h)) {
                Some(col) => (0..doc.rows()).map(|r| doc.cell(r, col)).collect(),
                None => Vec::new(),
            };
            let (kind, limit) = kind_like(&c.kind, &values);
            c.max_chars = if matches!(kind, Kind::Text) {
                limit
            } else {
                None
            };
            c.kind = kind;
        }
        if !std::mem::take(&mut draft.changed) {
            return;
        }
        match Schema::from_toml(&draft.schema.to_toml()) {
            Ok(schema) => {
                draft.problem = None;
                // A roster the draft cannot use is dropped: said, not lost in silence.
                if let Err(why) = self.sheet.set_schema(schema) {
                    self.say(true, move |l| {
                        let why = why.message(l);
                        trf(
                            l,
                            "The roster cross-check was stopped: {why}",
                            &[("why", &why)],
                        )
                    });
                }
            }
            Err(e) => draft.problem = Some(e.message(lang)),
        }
    }

    /// Saves the draft as `NAME.toml` in the templates folder, loads it (so it is in the
    /// template menu and loaded on the next start) and checks the sheet against it.
    pub(crate) fn save_template(&mut self) {
        let lang = self.settings.lang;
        let folder = self.templates.folder().map(Path::to_path_buf);
        let Some(draft) = self.template_draft.as_mut() else {
            return;
        };
        if draft.problem.is_some() {
            return;
        }
        let Some(folder) = folder else {
            draft.problem = Some(
                tr(
                    lang,
                    "There is no folder to keep templates in on this system.",
                )
                .into(),
            );
            return;
        };
        let path = folder.join(format!("{}.toml", file_name(&draft.schema.name)));
        let written = std::fs::create_dir_all(&folder)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                write_atomic(&path, draft.schema.to_toml().as_bytes()).map_err(|e| e.message(lang))
            });
        if let Err(why) = written {
            draft.problem = Some(trf(
                lang,
                "The template could not be saved: {why}",
                &[("why", &why)],
            ));
            return;
        }
        match self.load_template(&path) {
            Ok(()) => {
                if let Some(draft) = self.template_draft.as_mut() {
                    draft.before = draft.schema.name.clone();
                    draft.saved = Some(path);
                }
            }
            Err(e) => {
                if let Some(draft) = self.template_draft.as_mut() {
                    draft.problem = Some(e.message(lang));
                }
            }
        }
    }

    /// Closes the editor; the sheet is checked against the template saved last, or the
    /// one in use before the editor opened.
    pub(crate) fn close_template_editor(&mut self) {
        if let Some(draft) = self.template_draft.take() {
            self.use_template(&draft.before);
        }
    }
}

/// A name no built-in template has: `-2`, `-3`… after a taken one.
fn free_name(wanted: &str) -> String {
    let mut name = wanted.to_string();
    let mut n = 2;
    while builtin(&name).is_some() {
        name = format!("{wanted}-{n}");
        n += 1;
    }
    name
}

/// A template's name as a file name: characters a file name may not hold become `-`.
fn file_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    if safe.trim_matches('.').is_empty() {
        "template".to_string()
    } else {
        safe
    }
}
