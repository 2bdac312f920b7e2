//! The menu bar: File, the editing menus (from `edit`), Template, Settings, Go and Help.
//! Every entry is named by the command table.

use super::item::{item, language_choice, theme_choice, with_hint};
use crate::app::command::Command;
use crate::app::file::loader::display_name;
use crate::app::file::templates::Choice;
use crate::app::i18n::{Lang, tr};
use crate::app::settings::ThemeChoice;
use eframe::egui::{self, Ui};
use std::path::PathBuf;

/// What the menus list besides fixed commands.
pub struct MenuData<'a> {
    /// The interface language.
    pub lang: Lang,
    /// The recent files, most recent first.
    pub recent: &'a [PathBuf],
    /// The templates to choose from.
    pub templates: &'a [Choice],
    /// The name of the template in use.
    pub template: &'a str,
    /// The theme chosen.
    pub theme: ThemeChoice,
    /// How many sheets the open workbook has (0 for a CSV).
    pub sheets: usize,
}

/// Entries for these commands; the one clicked.
fn entries(ui: &mut Ui, lang: Lang, cmds: &[Command]) -> Option<Command> {
    let mut picked = None;
    for c in cmds {
        if item(ui, lang, c) {
            picked = Some(c.clone());
        }
    }
    picked
}

/// The menu bar; `extra` adds the editing menus after File. Returns the command picked.
pub fn bar(
    ui: &mut Ui,
    data: &MenuData,
    extra: impl FnOnce(&mut Ui) -> Option<Command>,
) -> Option<Command> {
    let lang = data.lang;
    let mut picked = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr(lang, "File"), |ui| {
            let files = [
                Command::Open,
                Command::Save,
                Command::SaveAs,
                Command::ExportIssues,
            ];
            picked = picked.take().or(entries(ui, lang, &files));
            if data.sheets > 1 {
                picked = picked.take().or(entries(ui, lang, &[Command::ChooseSheet]));
            }
            picked = picked.take().or(recent_menu(ui, lang, data.recent));
            ui.separator();
            picked = picked.take().or(entries(ui, lang, &[Command::Quit]));
        });
        if let Some(c) = extra(ui) {
            picked = Some(c);
        }
        ui.menu_button(tr(lang, "Template"), |ui| {
            picked = picked.take().or(template_menu(ui, data));
        });
        ui.menu_button(tr(lang, "Settings"), |ui| {
            picked = picked.take().or(settings_menu(ui, data));
        });
        ui.menu_button(tr(lang, "Go"), |ui| {
            let go = [Command::NextError, Command::PreviousError];
            picked = picked.take().or(entries(ui, lang, &go));
        });
        ui.menu_button(tr(lang, "Help"), |ui| {
            picked = picked.take().or(entries(ui, lang, &[Command::Help]));
        });
    });
    picked
}

fn recent_menu(ui: &mut Ui, lang: Lang, recent: &[PathBuf]) -> Option<Command> {
    let mut picked = None;
    ui.menu_button(tr(lang, Command::OpenRecent(0).entry().label), |ui| {
        if recent.is_empty() {
            ui.weak(tr(lang, "No recent files"));
        }
        for (i, path) in recent.iter().enumerate() {
            let name = display_name(path);
            let resp = ui.button(name).on_hover_text(path.display().to_string());
            if resp.clicked() {
                picked = Some(Command::OpenRecent(i));
            }
        }
        if !recent.is_empty() {
            ui.separator();
            picked = picked.take().or(entries(ui, lang, &[Command::ClearRecent]));
        }
    });
    picked
}

fn template_menu(ui: &mut Ui, data: &MenuData) -> Option<Command> {
    let lang = data.lang;
    let mut picked = None;
    for (i, c) in data.templates.iter().enumerate() {
        let cmd = Command::UseTemplate(i);
        let radio = ui.radio(c.name == data.template, &c.title);
        if with_hint(radio, lang, &cmd).clicked() {
            picked = Some(cmd);
        }
    }
    ui.separator();
    let edits = [
        Command::NewTemplateFromFile,
        Command::EditTemplate,
        Command::DuplicateTemplate,
        Command::LoadTemplate,
        Command::ExportTemplate,
    ];
    picked.or(entries(ui, lang, &edits))
}

fn settings_menu(ui: &mut Ui, data: &MenuData) -> Option<Command> {
    let lang = data.lang;
    let mut picked = None;
    ui.menu_button(tr(lang, Command::SetLang(None).entry().label), |ui| {
        picked = language_choice(ui, lang);
    });
    ui.menu_button(
        tr(lang, Command::SetTheme(data.theme).entry().label),
        |ui| {
            picked = theme_choice(ui, lang, data.theme);
        },
    );
    ui.separator();
    picked.or(entries(ui, lang, &[Command::Settings]))
}
