//! The templates (schemas) a file can be checked against: the built-in ones and those the
//! user loaded from TOML files (format in docs/schema.md). A file that opens gets the one
//! its header matches best; the user can pick another from the toolbar or the Template menu.

use crate::Schema;
use crate::app::i18n::Lang;
use crate::schema::{Binding, LoadError, builtin, builtin_names, load_schema};
use std::path::{Path, PathBuf};

/// The templates loaded from files, with where each came from, and the folder the
/// template editor saves in.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    custom: Vec<(PathBuf, Schema)>,
    folder: Option<PathBuf>,
}

/// A line of the template picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The template's name (its key).
    pub name: String,
    /// Its title in the window's language.
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

    /// Where the template editor saves: set by the window (the app's data folder), or by
    /// a test; None: nowhere to save.
    pub fn set_folder(&mut self, folder: PathBuf) {
        self.folder = Some(folder);
    }

    /// The folder the template editor saves in, if there is one.
    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// Whether a template of this name was loaded from a file (not built in).
    pub fn is_loaded(&self, name: &str) -> bool {
        self.custom.iter().any(|(_, s)| s.name == name)
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

    /// A template by name: a loaded one, else a built-in one.
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
