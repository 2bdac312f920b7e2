//! Find and replace (Ctrl+F, Ctrl+H): in one column or everywhere, with a match count;
//! next and previous select the matching cell, Replace changes the selected match and
//! Replace all every match as one undo step.

use crate::Sheet;
use crate::app::command::Command;
use crate::app::grid::state::GridState;
use crate::app::i18n::{Lang, tr};
use crate::app::theme;
use crate::find::{Query, find_all};
use eframe::egui;
use egui::{Id, Key, Ui};

/// The strip's state: open or not, what is searched and what replaces it.
#[derive(Debug, Default)]
pub struct FindPanel {
    /// The strip is shown.
    pub open: bool,
    /// The replace row is shown.
    pub replace: bool,
    /// What is searched, and where.
    pub query: Query,
    /// The replacement text.
    pub with: String,
    matches: Vec<(usize, usize)>,
    built_for: Option<(u64, Query)>,
    /// The field takes the keyboard next frame.
    focus: bool,
}

/// The id of the search field.
pub fn field_id() -> Id {
    Id::unique("bulksheet-find-field")
}

impl FindPanel {
    /// Opens the panel (with the replace row for Ctrl+H), searching the selected text.
    pub fn open(&mut self, replace: bool, sheet: &Sheet, st: &GridState) {
        self.open = true;
        self.replace = replace;
        self.focus = true;
        if self.query.text.is_empty() {
            let v = sheet.cell(st.selected().row, st.selected().col);
            if !v.is_empty() && !v.contains('\n') {
                self.query.text = v.to_string();
            }
        }
    }

    fn refresh(&mut self, sheet: &Sheet) {
        let key = (sheet.revision(), self.query.clone());
        if self.built_for.as_ref() != Some(&key) {
            self.matches = find_all(sheet, &self.query);
            self.built_for = Some(key);
        }
    }

    /// The next (or previous) match after the selected cell, wrapping around.
    fn step(&self, from: (usize, usize), forward: bool) -> Option<(usize, usize)> {
        if forward {
            let i = self.matches.partition_point(|&m| m <= from);
            self.matches.get(i).or(self.matches.first()).copied()
        } else {
            let i = self.matches.partition_point(|&m| m < from);
            i.checked_sub(1)
                .and_then(|i| self.matches.get(i))
                .or(self.matches.last())
                .copied()
        }
    }

    /// Draws the panel's strip; returns what to do.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        sheet: &Sheet,
        st: &GridState,
    ) -> Option<Command> {
        self.refresh(sheet);
        let mut action = None;
        let from = (st.selected().row, st.selected().col);
        ui.horizontal(|ui| {
            ui.label(tr(lang, "Find"));
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query.text)
                    .id(field_id())
                    .desired_width(theme::FIELD_WIDTH),
            );
            field.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, "Find text")
            });
            if self.focus {
                field.request_focus();
                self.focus = false;
            }
            // Enter goes to the next match (and must not reach the grid as well).
            let enter = field.lost_focus()
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Enter));
            self.column_choice(ui, lang, sheet);
            ui.checkbox(&mut self.query.match_case, tr(lang, "Match case"));
            ui.checkbox(&mut self.query.whole_cell, tr(lang, "Whole cell"));
            self.refresh(sheet);
            let n = self.matches.len();
            let count = ui.label(format!("{} {n}", tr(lang, "Matches:")));
            count.widget_info(|| egui::WidgetInfo {
                label: Some("Matches".into()),
                current_text_value: Some(n.to_string()),
                ..egui::WidgetInfo::new(egui::accesskit::Role::Status)
            });
            if named(ui.button(tr(lang, "◀ Previous")), "Previous match").clicked() {
                action = self.step(from, false).map(goto);
            }
            if named(ui.button(tr(lang, "Next ▶")), "Next match").clicked() || enter {
                action = self.step(from, true).map(goto);
                if enter {
                    self.focus = true;
                }
            }
            if !self.replace && ui.button(tr(lang, "Replace…")).clicked() {
                self.replace = true;
            }
            if ui.button(tr(lang, "Close")).clicked() {
                self.open = false;
            }
        });
        if self.replace {
            ui.horizontal(|ui| {
                ui.label(tr(lang, "Replace with"));
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.with)
                        .id(Id::unique("bulksheet-replace-field"))
                        .desired_width(theme::FIELD_WIDTH),
                );
                field.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::accesskit::Role::TextInput,
                        true,
                        "Replacement text",
                    )
                });
                if ui.button(tr(lang, "Replace")).clicked() {
                    action = Some(Command::ReplaceOne);
                }
                if ui.button(tr(lang, "Replace all")).clicked() {
                    action = Some(Command::ReplaceAll);
                }
            });
        }
        if ui.input(|i| i.key_pressed(Key::Escape)) && ui.memory(|m| m.has_focus(field_id())) {
            self.open = false;
        }
        action
    }

    /// Replaces in the selected cell when it matches; returns the next match.
    pub fn replace_one(&mut self, sheet: &mut Sheet, at: (usize, usize)) -> Option<(usize, usize)> {
        if self.matches.binary_search(&at).is_ok() {
            let new = self.query.replace(sheet.cell(at.0, at.1), &self.with);
            sheet.set_cell(at.0, at.1, &new);
            self.refresh(sheet);
        }
        self.step(at, true)
    }

    fn column_choice(&mut self, ui: &mut Ui, lang: Lang, sheet: &Sheet) {
        let doc = sheet.doc();
        let name = |c: usize| doc.header.get(c).cloned().unwrap_or_default();
        let selected = self
            .query
            .column
            .map_or_else(|| tr(lang, "Everywhere").to_string(), name);
        let combo = egui::ComboBox::from_id_salt("find-column")
            .selected_text(selected)
            .width(theme::COLUMN_CHOICE_WIDTH)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.query.column, None, tr(lang, "Everywhere"));
                for c in 0..doc.width() {
                    ui.selectable_value(&mut self.query.column, Some(c), name(c));
                }
            });
        // The toolbar has a combo box too: name this one for screen readers and tests.
        let label = tr(lang, "Search in column");
        combo.response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, label)
        });
    }
}

/// Gives a button its own accessible name (the issue list has "Next" and "Previous" too).
fn named(resp: egui::Response, name: &'static str) -> egui::Response {
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, name));
    resp
}

/// Selecting a match.
fn goto((row, col): (usize, usize)) -> Command {
    Command::Goto {
        row,
        col: Some(col),
    }
}
