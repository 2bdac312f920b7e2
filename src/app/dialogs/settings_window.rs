//! The Settings window: language and theme, and where the settings are kept.

use crate::app::command::Command;
use crate::app::i18n::{LANGUAGES, Lang, tr};
use crate::app::menus::item::{item_button, theme_choice, with_hint};
use crate::app::settings::{APP_ID, Settings};
use eframe::egui;

/// Where eframe keeps the settings on this machine.
pub fn storage_dir() -> Option<std::path::PathBuf> {
    eframe::storage_dir(APP_ID)
}

/// Draws the window while `open` is set; returns the change asked for.
pub fn show(
    ctx: &egui::Context,
    lang: Lang,
    settings: &Settings,
    open: &mut bool,
) -> Option<Command> {
    let mut picked = None;
    let theme = settings.theme;
    if *open && crate::app::panels::help::escape_pressed(ctx) {
        *open = false;
    }
    egui::Window::new(tr(lang, "Settings"))
        .id(egui::Id::unique("bulksheet-settings"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.strong(tr(lang, Command::SetLang(None).entry().label));
            ui.horizontal(|ui| {
                picked = language_choice(ui, lang, settings.lang_follows_system).or(picked.take())
            });
            ui.add_space(6.0);
            ui.strong(tr(lang, Command::SetTheme(theme).entry().label));
            ui.horizontal(|ui| picked = theme_choice(ui, lang, theme).or(picked.take()));
            ui.add_space(6.0);
            ui.separator();
            if item_button(ui, lang, &Command::ClearRecent) {
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

/// "Follow the system" first (the default), then each language by its own name.
fn language_choice(ui: &mut egui::Ui, lang: Lang, follows: bool) -> Option<Command> {
    let mut picked = None;
    let system = Command::SetLang(None);
    let radio = ui.radio(follows, tr(lang, "Follow the system"));
    if with_hint(radio, lang, &system).clicked() {
        picked = Some(system);
    }
    for (l, name) in LANGUAGES {
        let cmd = Command::SetLang(Some(l));
        if with_hint(ui.radio(!follows && lang == l, name), lang, &cmd).clicked() {
            picked = Some(cmd);
        }
    }
    picked
}
