//! Editing a cell in place: started by typing, F2 or a double click; Enter, Tab and Esc
//! commit or cancel it.

use super::focus::editor_id;
use super::geometry::{Geometry, Regions};
use super::state::GridState;
use super::state::cell::{CellEditor, Dropdown, Move};
use super::words::{cell_label, enum_options};
use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::{trf, ui_lang};
use crate::app::theme;
use eframe::egui::{self, FontId, Ui, Vec2, WidgetInfo, accesskit::Role};

/// Starts editing the selected cell: with `typed` text replacing the value, or (F2, double
/// click) with the value itself; enum cells open their dropdown instead.
pub fn begin_edit(sheet: &Sheet, st: &mut GridState, typed: Option<String>) {
    let at = st.selected();
    if at.row >= sheet.doc().rows() || at.col >= sheet.doc().width() {
        return;
    }
    let options = enum_options(sheet, at.col);
    if typed.is_none() && !options.is_empty() {
        // A label typed for a code ("English") points at the code it stands for.
        let value = sheet.cell(at.row, at.col);
        let code = sheet
            .column_kind(at.col)
            .and_then(|k| k.code_for_label(value))
            .unwrap_or(value);
        let highlight = options.iter().position(|o| o.code == code).unwrap_or(0);
        st.open_dropdown(Dropdown {
            at,
            highlight,
            fresh: true,
        });
        return;
    }
    let text = typed.unwrap_or_else(|| sheet.cell(at.row, at.col).to_string());
    st.open_editor(CellEditor {
        at,
        text,
        fresh: true,
    });
}

/// Closes the editor and moves on; returns the edit it made, for the app to carry out
/// (the grid never changes the sheet itself: every edit is a command).
#[must_use]
pub fn commit_editor(st: &mut GridState, then: Move) -> Option<Command> {
    let set = st.take_editor().map(|ed| Command::SetCell {
        row: ed.at.row,
        col: ed.at.col,
        value: ed.text,
    });
    after_commit(st, then);
    set
}

fn after_commit(st: &mut GridState, then: Move) {
    match then {
        Move::Stay => st.reveal(),
        Move::Down => st.walk_or_step(1, 0),
        Move::Right => st.walk_or_step(0, 1),
    }
}

/// Draws the text field over the cell being edited; a commit (focus lost) goes on `queue`.
pub fn draw_editor(
    ui: &mut Ui,
    sheet: &Sheet,
    st: &mut GridState,
    geo: &Geometry,
    reg: &Regions,
    queue: &mut Vec<Command>,
) {
    let Some(at) = st.editor().map(|e| e.at) else {
        return;
    };
    let Some((vrow, idx)) = st.screen_pos(at) else {
        // The row left the view (filters): keep what was typed.
        queue.extend(commit_editor(st, Move::Stay));
        return;
    };
    let rect = reg.cell_rect(geo, idx, vrow);
    let Some(ed) = st.editor_mut() else { return };
    let id = editor_id();
    let lang = ui_lang(ui.ctx());
    let cell = cell_label(lang, sheet, ed.at.row, ed.at.col);
    let label = trf(lang, "Edit {cell}", &[("cell", &cell)]);
    if ed.fresh {
        // The cursor at the end before the field takes this frame's keys: text typed, or an
        // input method's composition, goes after what the cell was opened with.
        let end = egui::text::CCursor::new(ed.text.chars().count());
        let mut state = egui::text_edit::TextEditState::default();
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        state.store(ui.ctx(), id);
        if !ui.memory(|m| m.has_focus(id)) {
            ui.memory_mut(|m| m.request_focus(id));
        }
    }
    let edit = egui::TextEdit::singleline(&mut ed.text)
        .id(id)
        .lock_focus(true)
        .font(FontId::proportional(theme::CELL_FONT_SIZE))
        .margin(Vec2::new(theme::CELL_PADDING - 1.0, 2.0))
        .desired_width(rect.width());
    let resp = ui.put(rect, edit);
    resp.widget_info(|| WidgetInfo {
        label: Some(label.clone()),
        current_text_value: Some(ed.text.clone()),
        ..WidgetInfo::new(Role::TextInput)
    });
    if ed.fresh {
        ed.fresh = false;
    } else if !resp.has_focus() {
        // Focus went elsewhere (a click outside the grid): keep what was typed.
        queue.extend(commit_editor(st, Move::Stay));
    }
}
