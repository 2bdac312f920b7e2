//! The context menus of the grid: on a cell (its fix, the clipboard, the row operations)
//! and on a row number (the row operations).

use super::item::{ROW_COMMANDS, plain_item};
use crate::Sheet;
use crate::app::command::Command;
use crate::app::grid::state::cell::CellPos;
use crate::app::i18n::{Lang, shown, tr};
use eframe::egui::{Response, Ui};

/// Entries for these commands; the one clicked.
fn entries(ui: &mut Ui, lang: Lang, cmds: &[Command]) -> Option<Command> {
    let mut picked = None;
    for c in cmds {
        if plain_item(ui, lang, c) {
            picked = Some(c.clone());
        }
    }
    picked
}

/// Right click on a cell: its fix, the clipboard, and the row operations.
pub fn cell_menu(resp: &Response, sheet: &Sheet, lang: Lang, pos: CellPos) -> Option<Command> {
    let mut picked = None;
    resp.context_menu(|ui| {
        let (row, col) = (pos.row, pos.col);
        if let Some(fix) = crate::fix::propose_cell(sheet, row, col) {
            let fix_cmd = Command::Fix { row, col };
            let label = format!(
                "{}: {} → {}",
                tr(lang, fix_cmd.entry().label),
                shown(lang, &fix.old),
                shown(lang, &fix.new)
            );
            if crate::app::panels::fix_button::fix_item(ui, sheet, &fix, label) {
                picked = Some(fix_cmd);
            }
            if !fix.kind.cell_only() && plain_item(ui, lang, &Command::FixLike { row, col }) {
                picked = Some(Command::FixLike { row, col });
            }
            ui.separator();
        }
        let clipboard = [
            Command::Cut,
            Command::Copy,
            Command::RequestPaste,
            Command::Clear,
            Command::FillDown,
            Command::SetValue,
        ];
        picked = entries(ui, lang, &clipboard).or(picked.take());
        ui.separator();
        picked = entries(ui, lang, &ROW_COMMANDS).or(picked.take());
    });
    picked
}

/// Right click on a row number: the row operations.
pub fn row_menu(resp: &Response, lang: Lang) -> Option<Command> {
    let mut picked = None;
    resp.context_menu(|ui| picked = entries(ui, lang, &ROW_COMMANDS));
    picked
}
