//! The menu bar and the keyboard shortcuts; both turn into [`Command`]s the app carries out.

use eframe::egui;
use egui::{Key, KeyboardShortcut, Modifiers, Ui};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Open,
    Save,
    SaveAs,
    Quit,
    NextError,
    PreviousError,
    Edit(super::edit_menu::EditCommand),
}

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const NEXT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F8);
const PREVIOUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F8);

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
    ];
    ctx.input_mut(|i| {
        table
            .iter()
            .filter(|(s, _)| i.consume_shortcut(s))
            .map(|(_, c)| c.clone())
            .collect()
    })
}

/// The menu bar; `extra` adds the menus after File. Returns the command picked.
pub fn bar(ui: &mut Ui, extra: impl FnOnce(&mut Ui) -> Option<Command>) -> Option<Command> {
    let mut picked = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            let items = [
                ("Open…", OPEN, Command::Open),
                ("Save", SAVE, Command::Save),
                ("Save as…", SAVE_AS, Command::SaveAs),
                ("Quit", QUIT, Command::Quit),
            ];
            for (label, shortcut, command) in items {
                let button =
                    egui::Button::new(label).shortcut_text(ui.ctx().format_shortcut(&shortcut));
                if ui.add(button).clicked() {
                    picked = Some(command);
                }
            }
        });
        if let Some(c) = extra(ui) {
            picked = Some(c);
        }
        ui.menu_button("Go", |ui| {
            let items = [
                ("Next error", NEXT, Command::NextError),
                ("Previous error", PREVIOUS, Command::PreviousError),
            ];
            for (label, shortcut, command) in items {
                let button =
                    egui::Button::new(label).shortcut_text(ui.ctx().format_shortcut(&shortcut));
                if ui.add(button).clicked() {
                    picked = Some(command);
                }
            }
        });
    });
    picked
}
