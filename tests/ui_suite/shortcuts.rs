//! Every shortcut the keyboard shortcuts panel lists, pressed on the real window, does
//! what the panel says: the command it is bound to runs, and its effect shows. The list is
//! the command table's, so a shortcut added there without a check here fails the test.

use crate::ui_support::*;
use bulksheet::Severity;
use bulksheet::app::command::Command;
use bulksheet::app::command::help::help_lines;
use bulksheet::app::{BulksheetApp, CellPos};
use eframe::egui::{KeyboardShortcut, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};

type H = Harness<'static, BulksheetApp>;

/// The fixture (four users, rows 2 and 3 wrong), set up so the command has something to
/// act on.
fn ready_for(cmd: &Command) -> (tempfile::TempDir, H) {
    let (dir, mut h) = four_users();
    match cmd {
        Command::Undo | Command::Redo => {
            h.state_mut().sheet_mut().set_cell(0, 1, "Alicia");
            if *cmd == Command::Redo {
                h.state_mut().sheet_mut().undo();
            }
        }
        // A file with no edits is not saved again: give Save something to write.
        Command::Save => {
            h.state_mut().sheet_mut().set_cell(0, 1, "Alicia");
        }
        Command::FillDown => h.state_mut().select(1, 1),
        Command::Cancel => {
            h.state_mut().select(0, 1);
            h.run_steps(2);
            type_text(&mut h, "zzz");
        }
        Command::OpenOptions => h.state_mut().select(0, 3),
        Command::MoveUp
        | Command::MoveLeft
        | Command::ExtendUp
        | Command::ExtendLeft
        | Command::EnterUp
        | Command::BackTab
        | Command::PageUp
        | Command::RowStart
        | Command::FirstCell
        | Command::PreviousError => h.state_mut().select(2, 2),
        _ => h.state_mut().select(0, 0),
    }
    h.run_steps(2);
    (dir, h)
}

fn press_shortcut(h: &mut H, s: &KeyboardShortcut) {
    h.key_press_modifiers(s.modifiers, s.logical_key);
    h.run_steps(3);
}

fn has_label_starting(h: &H, start: &str) -> bool {
    h.query(by().predicate(|n| n.label().is_some_and(|l| l.starts_with(start))))
        .is_some()
}

/// What the user sees once the command ran.
fn check_effect(h: &H, cmd: &Command, keys: &str) {
    let app = h.state();
    let sheet = app.sheet();
    let at = |row, col| CellPos::new(row, col);
    let width = sheet.doc().width();
    match cmd {
        Command::Open => assert_eq!(app.dialog_name(), Some("open")),
        Command::Save => assert_eq!(app.dialog_name(), Some("confirm-overwrite")),
        Command::SaveAs => assert_eq!(app.dialog_name(), Some("save-as")),
        Command::Quit => assert!(app.is_closing()),
        Command::Undo => assert_eq!(sheet.cell(0, 1), "Alice"),
        Command::Redo => assert_eq!(sheet.cell(0, 1), "Alicia"),
        Command::Copy => assert_eq!(app.notice(), Some("Copied cells: 1 × 1")),
        Command::Cut => {
            assert_eq!(sheet.cell(0, 0), "");
            assert_eq!(app.notice(), Some("Copied cells: 1 × 1"));
        }
        // The system answers with a paste event; nothing shows until then.
        Command::RequestPaste => {}
        Command::SelectAll => assert_eq!(app.selected_cells().len(), 4 * width),
        Command::FillDown => assert_eq!(sheet.cell(1, 1), "Alice"),
        Command::Find => assert!(h.query_by_label("Find text").is_some()),
        Command::Replace => assert!(h.query_by_label("Replacement text").is_some()),
        Command::Clear => assert_eq!(sheet.cell(0, 0), ""),
        Command::EditCell => assert!(has_label_starting(h, "Edit Login ID, row 1")),
        Command::OpenOptions => assert!(h.query_by_label("(blank)").is_some()),
        Command::Enter => assert_eq!(app.selected(), at(1, 0)),
        Command::EnterUp => assert_eq!(app.selected(), at(1, 2)),
        Command::Tab => assert_eq!(app.selected(), at(0, 1)),
        Command::BackTab => assert_eq!(app.selected(), at(2, 1)),
        Command::Cancel => {
            assert_eq!(sheet.cell(0, 1), "Alice");
            assert!(
                h.query(by().role(Role::TextInput).label("Edit User name, row 1"))
                    .is_none()
            );
        }
        Command::MoveUp => assert_eq!(app.selected(), at(1, 2)),
        Command::MoveDown => assert_eq!(app.selected(), at(1, 0)),
        Command::MoveLeft => assert_eq!(app.selected(), at(2, 1)),
        Command::MoveRight => assert_eq!(app.selected(), at(0, 1)),
        Command::ExtendUp | Command::ExtendDown | Command::ExtendLeft | Command::ExtendRight => {
            assert_eq!(app.selected_cells().len(), 2, "{keys}");
        }
        Command::PageDown => assert_eq!(app.selected(), at(3, 0)),
        Command::PageUp => assert_eq!(app.selected(), at(0, 2)),
        Command::RowStart => assert_eq!(app.selected(), at(2, 0)),
        Command::RowEnd => assert_eq!(app.selected(), at(0, width - 1)),
        Command::FirstCell => assert_eq!(app.selected(), at(0, 0)),
        Command::LastCell => assert_eq!(app.selected(), at(3, width - 1)),
        Command::NextError | Command::PreviousError => {
            let s = app.selected();
            assert_ne!(s, at(2, 2));
            let severity = sheet.validator().cell_severity(s.row, s.col);
            assert_eq!(severity, Some(Severity::Error), "{keys} went to {s:?}");
        }
        Command::Help => assert!(app.is_help_open()),
        other => panic!("the panel lists {keys} for {other:?}: add its effect to this test"),
    }
}

#[test]
fn every_shortcut_the_panel_lists_runs_its_command() {
    let mut pressed = 0;
    for line in help_lines(bulksheet::app::command::help::KeyStyle::PC) {
        for (shortcut, cmd) in &line.bindings {
            let (_dir, mut h) = ready_for(cmd);
            press_shortcut(&mut h, shortcut);
            let keys = format!("{} ({})", line.keys, line.action);
            assert_eq!(h.state().last_command(), Some(cmd), "{keys}");
            check_effect(&h, cmd, &keys);
            pressed += 1;
        }
    }
    assert!(pressed >= 35, "only {pressed} shortcuts pressed");
}
