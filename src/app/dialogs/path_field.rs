//! The path field of the window's own file dialogs (where no system dialog can be shown),
//! and the line that says why they are shown.

use crate::app::i18n::{tr, ui_lang};
use crate::app::theme::{self, Palette};
use eframe::egui::{self, RichText, Ui};

/// The path field of the window's own file dialogs; true when Enter was pressed in it with
/// a path typed. It has the keyboard from the dialog's first frame (`fresh`, then cleared)
/// and whenever nothing else has it, so a path can be typed at once.
pub fn path_field(ui: &mut Ui, path: &mut String, hint: &str, fresh: &mut bool) -> bool {
    let field = ui.add(
        egui::TextEdit::singleline(path)
            .hint_text(hint)
            .desired_width(theme::DIALOG_WIDTH - 20.0),
    );
    // The hint goes once a path is typed; the field keeps it as its name for a reader.
    ui.ctx()
        .accesskit_node_builder(field.id, |n| n.set_label(hint));
    // Asked before the focus is given back below: egui tells a lost focus by the focus now.
    let entered = field.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && !path.trim().is_empty();
    if std::mem::take(fresh) || ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
    entered
}

/// Why the window shows its own file dialog: the system's cannot be shown here.
pub fn no_system_dialog_note(ui: &mut Ui) {
    let lang = ui_lang(ui.ctx());
    let pal = Palette::for_visuals(ui.visuals());
    ui.label(
        RichText::new(tr(
            lang,
            "No system file dialog can be shown here (no desktop session was found), so this is Bulksheet's own: type the file's full path.",
        ))
        .color(pal.warning_text),
    );
}
