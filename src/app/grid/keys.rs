//! What the grid's keys do: moving and extending the selection, walking a range with
//! Enter and Tab, starting, committing and dropping an edit, and the options list.

use super::dropdown::{move_highlight, pick_highlighted};
use super::editor::{begin_edit, commit_editor};
use super::focus::focus_id;
use super::state::GridState;
use super::state::cell::Move;
use crate::Sheet;
use crate::app::command::Command;
use crate::app::theme;
use eframe::egui;

/// A step past any edge: moves are clamped to the first and last row and column.
const FAR: isize = isize::MAX / 4;

/// Carries out a grid key's command: on the options list when it is open, on the cell
/// editor when a cell is being edited, on the selection otherwise. Returns the edit a
/// commit or a pick makes, for the app to carry out.
#[must_use]
pub fn run(
    ctx: &egui::Context,
    cmd: &Command,
    sheet: &Sheet,
    st: &mut GridState,
) -> Option<Command> {
    if st.editor().is_some() {
        return editor_key(ctx, cmd, st);
    }
    if st.dropdown().is_some() {
        return match cmd {
            Command::MoveUp => {
                move_highlight(sheet, st, -1);
                None
            }
            Command::MoveDown => {
                move_highlight(sheet, st, 1);
                None
            }
            Command::Enter => pick_highlighted(sheet, st),
            Command::Cancel => {
                st.close_dropdown();
                None
            }
            _ => None,
        };
    }
    selection_key(cmd, sheet, st);
    None
}

/// A key while a cell is being edited: Enter, Tab and Shift+Tab commit, Esc drops.
fn editor_key(ctx: &egui::Context, cmd: &Command, st: &mut GridState) -> Option<Command> {
    let focus_grid = || ctx.memory_mut(|m| m.request_focus(focus_id()));
    let set = match cmd {
        Command::Cancel => {
            st.take_editor();
            None
        }
        Command::Enter => commit_editor(st, Move::Down),
        Command::Tab => commit_editor(st, Move::Right),
        Command::BackTab => {
            let set = commit_editor(st, Move::Stay);
            st.walk_or_step(0, -1);
            set
        }
        Command::Type(text) => {
            if let Some(ed) = st.editor_mut() {
                ed.text.push_str(text);
            }
            return None;
        }
        _ => return None,
    };
    focus_grid();
    set
}

/// A key on the selection: moves, walks, starts an edit.
fn selection_key(cmd: &Command, sheet: &Sheet, st: &mut GridState) {
    let page = (st.viewport().height() / theme::ROW_HEIGHT).max(1.0) as isize;
    let step = match cmd {
        Command::MoveUp => Some((-1, 0, false)),
        Command::MoveDown => Some((1, 0, false)),
        Command::MoveLeft => Some((0, -1, false)),
        Command::MoveRight => Some((0, 1, false)),
        Command::ExtendUp => Some((-1, 0, true)),
        Command::ExtendDown => Some((1, 0, true)),
        Command::ExtendLeft => Some((0, -1, true)),
        Command::ExtendRight => Some((0, 1, true)),
        Command::PageUp => Some((-page, 0, false)),
        Command::PageDown => Some((page, 0, false)),
        Command::ExtendPageUp => Some((-page, 0, true)),
        Command::ExtendPageDown => Some((page, 0, true)),
        Command::RowStart => Some((0, -FAR, false)),
        Command::RowEnd => Some((0, FAR, false)),
        Command::ExtendRowStart => Some((0, -FAR, true)),
        Command::ExtendRowEnd => Some((0, FAR, true)),
        // As in a spreadsheet: Ctrl+Home to the first cell, Ctrl+End to the last.
        Command::FirstCell => Some((-FAR, -FAR, false)),
        Command::LastCell => Some((FAR, FAR, false)),
        Command::ExtendFirstCell => Some((-FAR, -FAR, true)),
        Command::ExtendLastCell => Some((FAR, FAR, true)),
        _ => None,
    };
    if let Some((rows, cols, extend)) = step {
        st.step_view(rows, cols, extend);
        if cols == -FAR {
            st.reveal_start();
        }
        return;
    }
    match cmd {
        Command::Enter => st.walk_or_step(1, 0),
        Command::EnterUp => st.walk_or_step(-1, 0),
        Command::Tab => st.walk_or_step(0, 1),
        Command::BackTab => st.walk_or_step(0, -1),
        Command::EditCell | Command::OpenOptions => begin_edit(sheet, st, None),
        Command::Type(text) => begin_edit(sheet, st, Some(text.clone())),
        _ => {}
    }
}
