//! Choosing the template the sheet is checked against: from the picker, from a file, or
//! the loaded one that fits a newly opened file best.

use crate::app::BulksheetApp;
use crate::app::dialogs::file::{BrowseFor, Dialog};
use crate::app::dialogs::template::{LoadAnswer, load_dialog};
use crate::app::grid::state::GridState;
use crate::app::i18n::{Lang, tr, trf};
use eframe::egui;
use std::path::Path;

impl BulksheetApp {
    /// Checks the sheet against another template, guessing its subscriptions again.
    pub fn use_template(&mut self, name: &str) {
        let Some(schema) = self.templates.get(name) else {
            return;
        };
        let subs = crate::Sheet::guess_subscriptions(self.sheet.doc(), &schema);
        self.sheet.set_schema(schema);
        self.sheet.set_subscriptions(subs);
        let selected = self.grid.selected();
        self.grid = GridState::for_sheet(&self.sheet);
        self.restore_widths();
        self.grid.select(selected);
        let schema = self.sheet.schema();
        let titles = [Lang::En, Lang::Ja].map(|l| schema.title_in(l).to_string());
        self.say(false, move |l| {
            let [en, ja] = &titles;
            let title = if l == Lang::Ja { ja } else { en };
            trf(l, "Template: {t}", &[("t", title)])
        });
    }

    /// Loads a template file and uses it for the open sheet.
    pub fn load_template(&mut self, path: &Path) -> Result<(), String> {
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

    /// Draws the Load template dialog while it is open and carries out the answer.
    pub(crate) fn template_dialog(&mut self, ctx: &egui::Context) {
        let Some(path) = self.template_path.as_mut() else {
            return;
        };
        match load_dialog(ctx, self.settings.lang, path) {
            Some(LoadAnswer::Load(p)) => {
                self.template_path = None;
                if let Err(e) = self.load_template(&p) {
                    self.dialog = Some(Dialog::Message {
                        title: tr(self.settings.lang, "The template could not be loaded").into(),
                        text: e,
                    });
                }
            }
            Some(LoadAnswer::Browse(current)) => {
                self.browse(ctx, BrowseFor::Template, &current);
            }
            Some(LoadAnswer::Cancel) => self.template_path = None,
            None => {}
        }
    }
}
