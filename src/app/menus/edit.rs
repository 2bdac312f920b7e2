//! The Edit, View and Tools menus. Each entry only names a command; the app carries it
//! out.

use super::item::{ROW_COMMANDS, item, item_if};
use crate::Sheet;
use crate::app::command::Command;
use crate::app::grid::state::GridState;
use crate::app::i18n::{Lang, tr};
use eframe::egui::Ui;

/// Entries in groups, a separator between groups; each with whether it can be picked now.
fn entries(ui: &mut Ui, lang: Lang, groups: &[&[(Command, bool)]]) -> Option<Command> {
    let mut picked = None;
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            ui.separator();
        }
        for (cmd, enabled) in group.iter() {
            if item_if(ui, lang, *enabled, cmd) {
                picked = Some(cmd.clone());
            }
        }
    }
    picked
}

/// The Edit, View and Tools menus; returns the command picked.
pub fn menus(ui: &mut Ui, lang: Lang, sheet: &Sheet, st: &GridState) -> Option<Command> {
    let mut picked = None;
    ui.menu_button(tr(lang, "Edit"), |ui| {
        let rows = ROW_COMMANDS.map(|c| (c, true));
        picked = entries(
            ui,
            lang,
            &[
                &[
                    (Command::Undo, sheet.can_undo()),
                    (Command::Redo, sheet.can_redo()),
                ],
                &[
                    (Command::Cut, true),
                    (Command::Copy, true),
                    (Command::RequestPaste, true),
                    (Command::Clear, true),
                    (Command::SelectAll, true),
                ],
                &[(Command::FillDown, true), (Command::SetValue, true)],
                &rows,
                &[(Command::Find, true), (Command::Replace, true)],
                &[(Command::Review, true)],
            ],
        );
    });
    ui.menu_button(tr(lang, "View"), |ui| {
        let mut errors_only = st.spec().errors_only;
        let label = tr(lang, Command::ErrorsOnly.entry().label);
        if ui.checkbox(&mut errors_only, label).clicked() {
            picked = Some(Command::ErrorsOnly);
        }
        if item(ui, lang, &Command::SortAscending) {
            picked = Some(Command::SortAscending);
        }
        if item(ui, lang, &Command::SortDescending) {
            picked = Some(Command::SortDescending);
        }
        let sorted = st.spec().sort.is_some();
        if item_if(ui, lang, sorted, &Command::Sort(None)) {
            picked = Some(Command::Sort(None));
        }
        if item_if(ui, lang, !st.spec().is_identity(), &Command::ClearFilters) {
            picked = Some(Command::ClearFilters);
        }
    });
    ui.menu_button(tr(lang, "Tools"), |ui| {
        let roster = sheet.rules().roster.is_some();
        let groups: [&[(Command, bool)]; 2] = [
            &[
                (Command::FixAll, true),
                (Command::DropBlankRows, true),
                (Command::ColumnOrder, true),
            ],
            &[(Command::Roster, true), (Command::ClearRoster, roster)],
        ];
        if let Some(c) = entries(ui, lang, &groups) {
            picked = Some(c);
        }
    });
    picked
}
