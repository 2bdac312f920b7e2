//! Choosing the template the sheet is checked against: from the picker, from a file, or
//! the loaded one that fits a newly opened file best.

use crate::app::BulksheetApp;
use crate::app::dialogs::file::Dialog;
use crate::app::dialogs::template::load_dialog;
use crate::app::grid::state::GridState;
use crate::app::i18n::{Lang, tr, trf};
use crate::schema::LoadError;
use eframe::egui;
use std::path::Path;

impl BulksheetApp {
    /// Checks the sheet against another template, guessing its subscriptions again.
    pub fn use_template(&mut self, name: &str) {
        let Some(schema) = self.templates.get(name) else {
            return;
        };
        let subs = crate::Sheet::guess_subscriptions(self.sheet.doc(), &schema);
        self.save.encoding = schema.console_encoding(self.sheet.doc().meta.encoding);
        let roster = self.sheet.set_schema(schema).err();
        self.sheet.set_subscriptions(subs);
        let selected = self.grid.selected();
        self.grid = GridState::for_sheet(&self.sheet);
        self.restore_widths();
        self.grid.select(selected);
        let schema = self.sheet.schema();
        let titles = [Lang::En, Lang::Ja].map(|l| schema.title_in(l).to_string());
        let dropped = roster.is_some();
        self.say(dropped, move |l| {
            let [en, ja] = &titles;
            let title = if l == Lang::Ja { ja } else { en };
            let said = trf(l, "Template: {t}", &[("t", title)]);
            match &roster {
                // Said, not silently lost: the cross-check is off until a roster is loaded.
                Some(why) => {
                    let why = why.message(l);
                    trf(
                        l,
                        "{said}. The roster cross-check was stopped: {why}",
                        &[("said", &said), ("why", &why)],
                    )
                }
                None => said,
            }
        });
    }

    /// Loads a template file and uses it for the open sheet.
    pub fn load_template(&mut self, path: &Path) -> Result<(), LoadError> {
        let name = self.templates.add(path)?.name.clone();
        self.settings.templates = self.templates.paths();
        self.use_template(&name);
        Ok(())
    }

    /// After a file opened: a loaded template that fits it better than the built-in one.
    pub(crate) fn pick_loaded_template(&mut self) {
        let header = self.sheet.doc().header.clone();
        if let Some(s) = self.templates.better_fit(&header, self.sheet.schema()) {
            self.use_template(&s.name);
        }
    }

    /// Draws the Load template dialog while it is open; the answer goes on the queue.
    pub(crate) fn template_dialog(&mut self, ctx: &egui::Context) {
        let Some(path) = self.template_path.as_mut() else {
            return;
        };
        if let Some(cmd) = load_dialog(ctx, self.settings.lang, path) {
            self.queue.push(cmd);
        }
    }

    /// Loads the template file chosen in the Load template dialog and closes it; a
    /// failure is shown as a message.
    pub(crate) fn load_template_from(&mut self, path: &Path) {
        self.template_path = None;
        if let Err(e) = self.load_template(path) {
            self.dialog = Some(Dialog::Message {
                title: tr(self.settings.lang, "The template could not be loaded").into(),
                text: e.message(self.settings.lang),
            });
        }
    }
}

impl BulksheetApp {
    /// Asks where to write the template in use (the system's save dialog first),
    /// suggesting `NAME.toml` beside the open file.
    pub(crate) fn show_export_template(&mut self, ctx: &egui::Context) {
        let folder = self
            .file
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
        let start = folder.join(format!("{}.toml", self.sheet.schema().name));
        let kind = crate::app::command::BrowseFor::SaveTemplate;
        self.pick(ctx, kind, start, super::picker::Purpose::ExportTemplate);
    }

    /// Writes the template in use as TOML (asking first if that replaces a file); says
    /// where, or why it could not.
    pub(crate) fn export_template(&mut self, path: &Path) {
        self.dialog = None;
        let then = crate::app::command::Write::Template(path.to_path_buf());
        if self.ask_before_replacing(&[path.to_path_buf()], &then) {
            return;
        }
        let lang = self.settings.lang;
        let text = self.sheet.schema().to_toml();
        match crate::io::write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                self.confirm_path(path);
                let name = super::loader::display_name(path);
                self.say(false, move |l| {
                    trf(l, "Wrote the template to {name}.", &[("name", &name)])
                });
            }
            Err(e) => {
                self.dialog = Some(Dialog::Message {
                    title: tr(lang, "That did not work").into(),
                    text: e.message(lang),
                });
            }
        }
    }
}
