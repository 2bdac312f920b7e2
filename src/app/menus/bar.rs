//! The menu bar (File, Template, Settings, Go, Help; the editing menus come from `edit`)
//! and the window's shortcuts; both turn into [`Command`]s the app carries out.

use crate::app::command::Command;
use crate::app::file::loader::display_name;
use crate::app::file::templates::Choice;
use crate::app::i18n::{LANGUAGES, Lang, tr};
use crate::app::settings::ThemeChoice;
use eframe::egui;
use egui::{Key, KeyboardShortcut, Modifiers, Ui};
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
}

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const NEXT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F8);
const PREVIOUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F8);
const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// The shortcuts pressed this frame. The longer ones are taken first, so Ctrl+Shift+S is
/// not read as Ctrl+S.
pub fn shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let table = [
        (SAVE_AS, Command::SaveAs),
        (SAVE, Command::Save),
        (OPEN, Command::Open),
        (QUIT, Command::Quit),
        (PREVIOUS, Command::PreviousError),
        (NEXT, Command::NextError),
        (HELP, Command::Help),
    ];
    ctx.input_mut(|i| {
        table
            .iter()
            .filter(|(s, _)| i.consume_shortcut(s))
            .map(|(_, c)| c.clone())
            .collect()
    })
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
            let items = [
                (
                    tr(lang, "Open…"),
                    tr(lang, "Open a CSV file"),
                    OPEN,
                    Command::Open,
                ),
                (
                    tr(lang, "Save"),
                    tr(lang, "Save the file"),
                    SAVE,
                    Command::Save,
                ),
                (
                    tr(lang, "Save As…"),
                    tr(lang, "Save under another name, encoding or in parts"),
                    SAVE_AS,
                    Command::SaveAs,
                ),
            ];
            picked = picked.take().or(items_with_shortcuts(ui, &items));
            picked = picked.take().or(recent_menu(ui, lang, data.recent));
            ui.separator();
            let quit = [(
                tr(lang, "Quit"),
                tr(lang, "Close the window"),
                QUIT,
                Command::Quit,
            )];
            picked = picked.take().or(items_with_shortcuts(ui, &quit));
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
            let items = [
                (
                    tr(lang, "Next error"),
                    tr(lang, "Go to the next error"),
                    NEXT,
                    Command::NextError,
                ),
                (
                    tr(lang, "Previous error"),
                    tr(lang, "Go to the previous error"),
                    PREVIOUS,
                    Command::PreviousError,
                ),
            ];
            picked = picked.take().or(items_with_shortcuts(ui, &items));
        });
        ui.menu_button(tr(lang, "Help"), |ui| {
            let items = [(
                tr(lang, "Keyboard shortcuts"),
                tr(lang, "Every keyboard shortcut"),
                HELP,
                Command::Help,
            )];
            picked = picked.take().or(items_with_shortcuts(ui, &items));
        });
    });
    picked
}

type Item = (&'static str, &'static str, KeyboardShortcut, Command);

/// Menu entries with their shortcut on the right and a tooltip.
fn items_with_shortcuts(ui: &mut Ui, items: &[Item]) -> Option<Command> {
    let mut picked = None;
    for (label, tip, shortcut, command) in items {
        let button = egui::Button::new(*label).shortcut_text(ui.ctx().format_shortcut(shortcut));
        if ui.add(button).on_hover_text(*tip).clicked() {
            picked = Some(command.clone());
        }
    }
    picked
}

fn recent_menu(ui: &mut Ui, lang: Lang, recent: &[PathBuf]) -> Option<Command> {
    let mut picked = None;
    ui.menu_button(tr(lang, "Open Recent"), |ui| {
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
            if ui
                .button(tr(lang, "Clear recent files"))
                .on_hover_text(tr(lang, "Empty the File → Open Recent list"))
                .clicked()
            {
                picked = Some(Command::ClearRecent);
            }
        }
    });
    picked
}

fn template_menu(ui: &mut Ui, data: &MenuData) -> Option<Command> {
    let lang = data.lang;
    let mut picked = None;
    for (i, c) in data.templates.iter().enumerate() {
        if ui
            .radio(c.name == data.template, &c.title)
            .on_hover_text(tr(lang, "Check the file against this template"))
            .clicked()
        {
            picked = Some(Command::UseTemplate(i));
        }
    }
    ui.separator();
    if ui
        .button(tr(lang, "Load template…"))
        .on_hover_text(tr(lang, "Load a template from a TOML file"))
        .clicked()
    {
        picked = Some(Command::LoadTemplate);
    }
    picked
}

fn settings_menu(ui: &mut Ui, data: &MenuData) -> Option<Command> {
    let lang = data.lang;
    let mut picked = None;
    ui.menu_button(tr(lang, "Language"), |ui| {
        for (l, name) in LANGUAGES {
            if ui
                .radio(data.lang == l, name)
                .on_hover_text(tr(lang, "The language of menus, dialogs and messages"))
                .clicked()
            {
                picked = Some(Command::SetLang(l));
            }
        }
    });
    ui.menu_button(tr(lang, "Theme"), |ui| {
        for t in ThemeChoice::ALL {
            if ui
                .radio(data.theme == t, tr(lang, t.label()))
                .on_hover_text(tr(lang, "Light or dark colours"))
                .clicked()
            {
                picked = Some(Command::SetTheme(t));
            }
        }
    });
    ui.separator();
    if ui
        .button(tr(lang, "Settings…"))
        .on_hover_text(tr(lang, "Language and theme"))
        .clicked()
    {
        picked = Some(Command::Settings);
    }
    picked
}
