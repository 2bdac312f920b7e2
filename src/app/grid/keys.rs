//! The grid's keys: moving and extending the selection, starting an edit, clearing.

use super::clipboard::clear_selection;
use super::dropdown::dropdown_keys;
use super::editor::{begin_edit, editor_keys};
use super::focus::grid_focused;
use super::state::GridState;
use crate::Sheet;
use crate::app::theme;
use eframe::egui::{Event, Key, Ui};

/// The keys of this frame, for the editor, the dropdown or the grid, whichever is open.
pub fn handle_keys(ui: &mut Ui, sheet: &mut Sheet, st: &mut GridState) {
    if st.editor().is_some() {
        editor_keys(ui, sheet, st);
    } else if st.dropdown().is_some() {
        dropdown_keys(ui, sheet, st);
    } else if grid_focused(ui.ctx()) {
        // Only when the grid, not some other widget, has the keyboard.
        navigation_keys(ui, sheet, st);
    }
}

fn navigation_keys(ui: &mut Ui, sheet: &mut Sheet, st: &mut GridState) {
    let mut typed = String::new();
    // (rows, columns, extend the range, walk inside the range: Enter and Tab)
    let mut moves: Vec<(isize, isize, bool, bool)> = Vec::new();
    // A step past any edge: moves are clamped to the first and last row and column.
    const FAR: isize = isize::MAX / 4;
    let mut edit = false;
    let mut dropdown = false;
    let mut clear = false;
    let page = (st.viewport().height() / theme::ROW_HEIGHT).max(1.0) as isize;
    ui.input_mut(|i| {
        let mut keep = Vec::with_capacity(i.events.len());
        for e in i.events.drain(..) {
            match &e {
                Event::Text(t) if !i.modifiers.command => typed.push_str(t),
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if !modifiers.command => match (key, modifiers.shift, modifiers.alt) {
                    (Key::ArrowUp, s, false) => moves.push((-1, 0, s, false)),
                    (Key::ArrowDown, s, false) => moves.push((1, 0, s, false)),
                    (Key::ArrowDown, _, true) => dropdown = true,
                    (Key::ArrowLeft, s, _) => moves.push((0, -1, s, false)),
                    (Key::ArrowRight, s, _) => moves.push((0, 1, s, false)),
                    (Key::Tab, false, _) => moves.push((0, 1, false, true)),
                    (Key::Tab, true, _) => moves.push((0, -1, false, true)),
                    (Key::Enter, false, _) => moves.push((1, 0, false, true)),
                    (Key::Enter, true, _) => moves.push((-1, 0, false, true)),
                    (Key::PageDown, s, _) => moves.push((page, 0, s, false)),
                    (Key::PageUp, s, _) => moves.push((-page, 0, s, false)),
                    (Key::Home, s, _) => moves.push((0, -FAR, s, false)),
                    (Key::End, s, _) => moves.push((0, FAR, s, false)),
                    (Key::F2, _, _) => edit = true,
                    (Key::Delete, _, _) => clear = true,
                    (Key::Backspace, _, _) => typed.clear(),
                    _ => keep.push(e),
                },
                // As in a spreadsheet: Ctrl+Home to the first cell, Ctrl+End to the last.
                Event::Key {
                    key: key @ (Key::Home | Key::End),
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.command => {
                    let far = if *key == Key::Home { -FAR } else { FAR };
                    moves.push((far, far, modifiers.shift, false));
                }
                _ => keep.push(e),
            }
        }
        i.events = keep;
    });
    for (dr, dc, extend, walk) in moves {
        if walk {
            st.walk_or_step(dr, dc);
        } else {
            st.step_view(dr, dc, extend);
        }
    }
    if clear {
        clear_selection(sheet, st);
    }
    if !typed.is_empty() {
        begin_edit(sheet, st, Some(typed));
    } else if edit || dropdown {
        begin_edit(sheet, st, None);
    }
}
