//! A menu entry or button for a command, named and explained by the command table.

use crate::app::command::Command;
use crate::app::command::help::{KeyStyle, key_text};
use crate::app::i18n::{LANGUAGES, Lang, tr};
use crate::app::settings::ThemeChoice;
use eframe::egui::{self, Response, Ui};

/// A menu entry with the command's label, its first shortcut on the right and its hint
/// on hover; true when clicked.
pub fn item(ui: &mut Ui, lang: Lang, cmd: &Command) -> bool {
    item_if(ui, lang, true, cmd)
}

/// [`item`], greyed out unless `enabled`.
pub fn item_if(ui: &mut Ui, lang: Lang, enabled: bool, cmd: &Command) -> bool {
    let mut button = egui::Button::new(tr(lang, cmd.entry().label));
    if let Some(s) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    with_hint(ui.add_enabled(enabled, button), lang, cmd).clicked()
}

/// A button with the command's label and hint; true when clicked.
pub fn item_button(ui: &mut Ui, lang: Lang, cmd: &Command) -> bool {
    with_hint(ui.button(tr(lang, cmd.entry().label)), lang, cmd).clicked()
}

/// A context menu entry: the command's label alone; true when clicked.
pub fn plain_item(ui: &mut Ui, lang: Lang, cmd: &Command) -> bool {
    ui.button(tr(lang, cmd.entry().label)).clicked()
}

/// The command's hint on hover, when it has one.
pub fn with_hint(resp: Response, lang: Lang, cmd: &Command) -> Response {
    match cmd.entry().hint {
        "" => resp,
        hint => resp.on_hover_text(tr(lang, hint)),
    }
}

/// The command's hint with its shortcut, as the toolbar's tooltips read: Go to the next
/// error (F8).
pub fn hint_with_keys(lang: Lang, cmd: &Command, style: KeyStyle) -> String {
    let entry = cmd.entry();
    let text = match entry.hint {
        "" => tr(lang, entry.label),
        hint => tr(lang, hint),
    };
    match cmd.shortcut() {
        Some(k) => format!("{text} ({})", key_text(&k, style)),
        None => text.to_string(),
    }
}

/// The row operations, in the Edit menu and the context menus.
pub const ROW_COMMANDS: [Command; 4] = [
    Command::InsertAbove,
    Command::InsertBelow,
    Command::DuplicateRows,
    Command::DeleteRows,
];

/// A radio button per language, each by its own name.
pub fn language_choice(ui: &mut Ui, lang: Lang) -> Option<Command> {
    let mut picked = None;
    for (l, name) in LANGUAGES {
        let cmd = Command::SetLang(Some(l));
        if with_hint(ui.radio(lang == l, name), lang, &cmd).clicked() {
            picked = Some(cmd);
        }
    }
    picked
}

/// A radio button per theme.
pub fn theme_choice(ui: &mut Ui, lang: Lang, theme: ThemeChoice) -> Option<Command> {
    let mut picked = None;
    for t in ThemeChoice::ALL {
        let cmd = Command::SetTheme(t);
        if with_hint(ui.radio(theme == t, tr(lang, t.label())), lang, &cmd).clicked() {
            picked = Some(cmd);
        }
    }
    picked
}
