//! The Settings window: language and theme, and where the settings are kept.

use crate::app::command::Command;
use crate::app::i18n::LANGUAGES;
use crate::app::i18n::{Lang, tr};
use crate::app::settings::{APP_ID, ThemeChoice};
use eframe::egui;

/// Where eframe keeps the settings on this machine.
pub fn storage_dir() -> Option<std::path::PathBuf> {
    eframe::storage_dir(APP_ID)
}

/// Draws the window while `open` is set; returns the change asked for.
pub fn show(
    ctx: &egui::Context,
    lang: Lang,
    theme: ThemeChoice,
    open: &mut bool,
) -> Option<Command> {
    let mut picked = None;
    egui::Window::new(tr(lang, "Settings"))
        .id(egui::Id::unique("bulksheet-settings"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.strong(tr(lang, "Language"));
            ui.horizontal(|ui| {
                for (l, name) in LANGUAGES {
                    if ui
                        .radio(lang == l, name)
                        .on_hover_text(tr(lang, "The language of menus, dialogs and messages"))
                        .clicked()
                    {
                        picked = Some(Command::SetLang(l));
                    }
                }
            });
            ui.add_space(6.0);
            ui.strong(tr(lang, "Theme"));
            ui.horizontal(|ui| {
                for t in ThemeChoice::ALL {
                    if ui
                        .radio(theme == t, tr(lang, t.label()))
                        .on_hover_text(tr(lang, "Light or dark colours"))
                        .clicked()
                    {
                        picked = Some(Command::SetTheme(t));
                    }
                }
            });
            ui.add_space(6.0);
            ui.separator();
            if ui
                .button(tr(lang, "Clear recent files"))
                .on_hover_text(tr(lang, "Empty the File → Open Recent list"))
                .clicked()
            {
                picked = Some(Command::ClearRecent);
            }
            if let Some(dir) = storage_dir() {
                ui.label(
                    egui::RichText::new(format!(
                        "{} {}",
                        tr(lang, "Settings are kept in"),
                        dir.display()
                    ))
                    .small(),
                );
            }
        });
    picked
}
