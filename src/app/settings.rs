//! What the window remembers between runs, kept by eframe's persistence (on Linux in
//! `~/.local/share/bulksheet/app.ron`): the language, the theme, recent files, column
//! widths, the encoding last chosen for saving and the templates loaded from files. The
//! window's own size and place are kept by eframe itself.

use crate::TextEncoding;
use crate::app::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Names the settings folder (on Linux `~/.local/share/bulksheet/`) and the window class.
pub const APP_ID: &str = "bulksheet";

/// The file eframe keeps its storage in, inside the settings folder.
pub const STORAGE_FILE: &str = "app.ron";

/// The key the settings are stored under.
pub const KEY: &str = "bulksheet-settings";

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// The system's choice.
    #[default]
    System,
    /// Dark text on light backgrounds.
    Light,
    /// Light text on dark backgrounds.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in the order offered.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The English label (translated where shown).
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow the system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// The theme preference egui takes.
    pub fn preference(self) -> eframe::egui::ThemePreference {
        use eframe::egui::ThemePreference as P;
        match self {
            ThemeChoice::System => P::System,
            ThemeChoice::Light => P::Light,
            ThemeChoice::Dark => P::Dark,
        }
    }
}

/// What is remembered between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language: the one place the window keeps it.
    pub lang: Lang,
    /// The language follows the system's (the first start's choice) until the user picks
    /// one. Settings stored before this existed had a language picked, so they load with
    /// `false`.
    pub lang_follows_system: bool,
    /// Light, dark or the system's.
    pub theme: ThemeChoice,
    /// Most recent first, at most ten (the recent list keeps no more).
    pub recent: Vec<PathBuf>,
    /// Column widths by header name, so a template's columns keep their width in any file.
    pub widths: BTreeMap<String, f32>,
    /// The encoding last chosen in Save As (`utf-8`, `utf-8-bom`, `shift_jis`).
    pub save_encoding: Option<String>,
    /// Template files loaded from the menu; loaded again at start.
    pub templates: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::En,
            lang_follows_system: false,
            theme: ThemeChoice::System,
            recent: Vec::new(),
            widths: BTreeMap::new(),
            save_encoding: None,
            templates: Vec::new(),
        }
    }
}

impl Settings {
    /// The settings of a first start: following the system's language, everything else
    /// default.
    pub fn first_start() -> Self {
        Settings {
            lang: Lang::from_env(),
            lang_follows_system: true,
            ..Default::default()
        }
    }

    /// While the language follows the system, takes the system's as it is now (it may
    /// have changed since the last run).
    pub fn follow_system_lang(&mut self) {
        if self.lang_follows_system {
            self.lang = Lang::from_env();
        }
    }

    /// What was stored, or a first start when nothing (or nothing readable) was.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| eframe::get_value(s, KEY))
            .unwrap_or_else(Self::first_start)
    }

    /// Makes the settings folder and file the user's alone before eframe reads or writes
    /// them: the file lists the paths of recent files. eframe rewrites the file in place
    /// (truncating it), which keeps the mode set here; an earlier version's `0644` is
    /// narrowed. Failures are skipped: settings must never stop the window from opening.
    pub fn secure_storage(dir: &std::path::Path) {
        if crate::private::ensure_dir(dir).is_ok() {
            // An empty map in eframe's RON format, so a first start reads no settings.
            let _ = crate::private::create_file(&dir.join(STORAGE_FILE), b"{}");
        }
    }

    /// Stores the settings under [`KEY`].
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY, self);
    }

    /// The encoding last chosen in Save As, if any.
    pub fn save_encoding(&self) -> Option<TextEncoding> {
        self.save_encoding.as_deref().and_then(|s| s.parse().ok())
    }

    /// Remembers the encoding chosen in Save As.
    pub fn set_save_encoding(&mut self, e: TextEncoding) {
        self.save_encoding = Some(e.as_str().to_string());
    }

    /// Remembers by header name the widths of a file's columns that the user chose (blank
    /// names are skipped). The others were worked out from that file's cells and would
    /// not fit the next one.
    pub fn remember_widths(&mut self, header: &[String], widths: &[f32], chosen: &[bool]) {
        for ((name, w), chosen) in header.iter().zip(widths).zip(chosen) {
            if *chosen && !name.trim().is_empty() {
                self.widths.insert(name.trim().to_string(), *w);
            }
        }
    }

    /// Puts remembered widths on a file's columns, and marks them chosen.
    pub fn restore_widths(&self, header: &[String], widths: &mut [f32], chosen: &mut [bool]) {
        for ((name, w), chosen) in header.iter().zip(widths.iter_mut()).zip(chosen) {
            if let Some(saved) = self.widths.get(name.trim()) {
                *w = *saved;
                *chosen = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_header_name() {
        let mut s = Settings::default();
        let header = vec!["Login ID".to_string(), "".to_string(), "Locale".to_string()];
        s.remember_widths(&header, &[200.0, 50.0, 90.0], &[true, true, true]);
        assert_eq!(s.widths.len(), 2);
        let other = vec!["Locale".to_string(), "Login ID".to_string()];
        let mut w = [10.0, 10.0];
        let mut chosen = [false, false];
        s.restore_widths(&other, &mut w, &mut chosen);
        assert_eq!(w, [90.0, 200.0]);
        assert_eq!(chosen, [true, true]);
        // A width the user never chose is not remembered.
        s.remember_widths(&other, &[300.0, 300.0], &[false, true]);
        assert_eq!(s.widths.get("Locale"), Some(&90.0));
        assert_eq!(s.widths.get("Login ID"), Some(&300.0));
    }

    #[test]
    fn save_encoding_reads_back() {
        let mut s = Settings::default();
        assert_eq!(s.save_encoding(), None);
        s.set_save_encoding(TextEncoding::ShiftJis);
        assert_eq!(s.save_encoding(), Some(TextEncoding::ShiftJis));
    }
}
