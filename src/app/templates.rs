//! The templates (schemas) a file can be checked against: the built-in ones and those the
//! user loaded from TOML files (format in docs/schema.md). A file that opens gets the one
//! its header matches best; the user can pick another from the toolbar or the Template menu.

use super::BulksheetApp;
use super::i18n::{Lang, tr, trf};
use super::state::GridState;
use crate::Schema;
use crate::schema::{Binding, LoadError, builtin, builtin_names, load_schema};
use eframe::egui;
use std::path::{Path, PathBuf};

/// The templates loaded from files, with where each came from.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    custom: Vec<(PathBuf, Schema)>,
}

/// A line of the template picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub title: String,
}

impl Templates {
    /// Loads a template file; one with the name of a loaded one replaces it.
    pub fn add(&mut self, path: &Path) -> Result<&Schema, LoadError> {
        let text = path.to_string_lossy();
        let schema = load_schema(&text)?;
        if builtin(&schema.name).is_some() {
            return Err(LoadError::TakenName {
                path: path.to_path_buf(),
                name: schema.name,
            });
        }
        self.custom.retain(|(_, s)| s.name != schema.name);
        self.custom.push((path.to_path_buf(), schema));
        Ok(&self.custom[self.custom.len() - 1].1)
    }

    /// The files of the loaded templates, for the settings.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.custom.iter().map(|(p, _)| p.clone()).collect()
    }

    /// Built-in templates first, then the loaded ones, titled in `lang`.
    pub fn choices(&self, lang: Lang) -> Vec<Choice> {
        let builtins = builtin_names().iter().filter_map(|n| builtin(n));
        builtins
            .chain(self.custom.iter().map(|(_, s)| s.clone()))
            .map(|s| Choice {
                title: s.title_in(lang).to_string(),
                name: s.name,
            })
            .collect()
    }

    pub fn get(&self, name: &str) -> Option<Schema> {
        self.custom
            .iter()
            .find(|(_, s)| s.name == name)
            .map(|(_, s)| s.clone())
            .or_else(|| builtin(name))
    }

    /// A loaded template that fits the header better than `current` does.
    pub fn better_fit(&self, header: &[String], current: &Schema) -> Option<Schema> {
        let mut best = Binding::score(current, header).max(0.5 - f64::EPSILON);
        let mut found = None;
        for (_, s) in &self.custom {
            let score = Binding::score(s, header);
            if score > best {
                best = score;
                found = Some(s.clone());
            }
        }
        found
    }
}

/// The template picker: a dropdown of every template, the current one shown.
pub fn picker(ui: &mut egui::Ui, lang: Lang, choices: &[Choice], current: &str) -> Option<String> {
    let mut picked = None;
    let shown = choices
        .iter()
        .find(|c| c.name == current)
        .map_or(current, |c| c.title.as_str());
    let combo = egui::ComboBox::from_id_salt("template-picker")
        .selected_text(shown)
        .width(260.0)
        .show_ui(ui, |ui| {
            for c in choices {
                if ui
                    .selectable_label(c.name == current, &c.title)
                    .on_hover_text(&c.name)
                    .clicked()
                {
                    picked = Some(c.name.clone());
                }
            }
        });
    combo.response.on_hover_text(tr(
        lang,
        "The template the file is checked against; picked from its header when it opens",
    ));
    picked
}

/// What the Load template dialog asked for.
pub enum LoadAnswer {
    Load(PathBuf),
    Browse(String),
    Cancel,
}

/// The Load template dialog: a path field and Browse, like Open.
pub fn load_dialog(ctx: &egui::Context, lang: Lang, path: &mut String) -> Option<LoadAnswer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("bulksheet-load-template")).show(ctx, |ui| {
        ui.set_max_width(super::theme::DIALOG_WIDTH);
        ui.heading(tr(lang, "Load a template"));
        ui.label(tr(
            lang,
            "A template is a TOML file describing the columns and their rules (see docs/schema.md).",
        ));
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(path)
                    .hint_text(tr(lang, "Path of the template (.toml)"))
                    .desired_width(super::theme::DIALOG_WIDTH - 110.0),
            );
            if field.lost_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && !path.trim().is_empty()
            {
                answer = Some(LoadAnswer::Load(PathBuf::from(path.trim())));
            }
            if ui
                .button(tr(lang, "Browse…"))
                .on_hover_text(tr(lang, "Choose the file with the system's file dialog"))
                .clicked()
            {
                answer = Some(LoadAnswer::Browse(path.clone()));
            }
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(
                !path.trim().is_empty(),
                egui::Button::new(tr(lang, "Load")),
            );
            if ok.clicked() {
                answer = Some(LoadAnswer::Load(PathBuf::from(path.trim())));
            }
            if ui.button(tr(lang, "Cancel")).clicked() {
                answer = Some(LoadAnswer::Cancel);
            }
        });
    });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        answer = Some(LoadAnswer::Cancel);
    }
    answer
}

impl BulksheetApp {
    /// Checks the sheet against another template, guessing its subscriptions again.
    pub fn use_template(&mut self, name: &str) {
        let Some(schema) = self.templates.get(name) else {
            return;
        };
        let subs = crate::Sheet::guess_subscriptions(self.sheet.doc(), &schema);
        self.sheet.set_schema(schema);
        self.sheet.set_subscriptions(subs);
        let selected = self.grid.selected;
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
    pub fn load_template(&mut self, path: &Path) -> Result<(), LoadError> {
        let name = self.templates.add(path)?.name.clone();
        self.settings.templates = self.templates.paths();
        self.use_template(&name);
        Ok(())
    }

    /// After a file opened: a loaded template that fits it better than the built-in one.
    pub(super) fn pick_loaded_template(&mut self) {
        let header = self.sheet.doc().header.clone();
        if let Some(s) = self.templates.better_fit(&header, self.sheet.schema()) {
            self.use_template(&s.name);
        }
    }

    /// Draws the Load template dialog while it is open and carries out the answer.
    pub(super) fn template_dialog(&mut self, ctx: &egui::Context) {
        let Some(path) = self.template_path.as_mut() else {
            return;
        };
        match load_dialog(ctx, self.lang, path) {
            Some(LoadAnswer::Load(p)) => {
                self.template_path = None;
                if let Err(e) = self.load_template(&p) {
                    self.dialog = Some(super::dialogs::Dialog::Message {
                        title: tr(self.lang, "The template could not be loaded").into(),
                        text: e.message(self.lang),
                    });
                }
            }
            Some(LoadAnswer::Browse(current)) => {
                self.browse(ctx, super::dialogs::BrowseFor::Template, &current);
            }
            Some(LoadAnswer::Cancel) => self.template_path = None,
            None => {}
        }
    }
}
