//! One road for every edit: a cell committed by Enter, by a click elsewhere (focus lost)
//! or picked from an options list reaches the sheet as a command the app carries out, so
//! it is the last command and one undo step.

use crate::ui_support::*;
use bulksheet::app::command::Command;
use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type App = bulksheet::app::BulksheetApp;

fn set_cell(row: usize, col: usize, value: &str) -> Command {
    Command::SetCell {
        row,
        col,
        value: value.to_string(),
    }
}

/// The edit is the last command, one more undo step, and Undo takes it back whole.
fn assert_one_step(h: &mut Harness<'static, App>, steps_before: usize, want: Command) {
    let Command::SetCell { row, col, value } = want.clone() else {
        unreachable!("a cell edit");
    };
    let old = fixture_cell(row, col);
    assert_eq!(h.state().last_command(), Some(&want));
    assert_eq!(h.state().sheet().cell(row, col), value);
    assert_eq!(h.state().sheet().history().len(), steps_before + 1);
    menu(h, "Edit", "Undo");
    assert_eq!(h.state().sheet().cell(row, col), old);
    assert_eq!(h.state().sheet().history().len(), steps_before);
}

fn fixture_cell(row: usize, col: usize) -> String {
    let doc = bulksheet::io::read_bytes(fixture_text().as_bytes(), None).expect("fixture");
    doc.cell(row, col).to_string()
}

#[test]
fn a_cell_committed_by_enter_is_a_command_and_one_undo_step() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Login ID, row 2");
    let before = h.state().sheet().history().len();
    type_text(&mut h, "bob@example.com");
    press(&mut h, Key::Enter);
    assert_one_step(&mut h, before, set_cell(1, 0, "bob@example.com"));
}

#[test]
fn a_cell_committed_by_losing_focus_is_a_command_and_one_undo_step() {
    let (_dir, mut h) = four_users();
    click(&mut h, "User name, row 1");
    let before = h.state().sheet().history().len();
    type_text(&mut h, "Alicia");
    // The filter field above the grid takes the keyboard: the editor keeps what was typed.
    h.get_by_label("Filter rows").focus();
    h.run_steps(3);
    assert!(h.state().selected_cells().contains(&(0, 1)));
    assert_one_step(&mut h, before, set_cell(0, 1, "Alicia"));
}

#[test]
fn a_cell_committed_by_clicking_another_cell_is_a_command() {
    let (_dir, mut h) = four_users();
    click(&mut h, "User name, row 1");
    let before = h.state().sheet().history().len();
    type_text(&mut h, "Alicia");
    click(&mut h, "User name, row 4");
    assert_eq!(h.state().sheet().cell(0, 1), "Alicia");
    assert_eq!(h.state().sheet().history().len(), before + 1);
    assert_eq!(h.state().selected(), bulksheet::app::CellPos::new(3, 1));
}

#[test]
fn an_option_clicked_in_the_list_is_a_command_and_one_undo_step() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Locale, row 3");
    let before = h.state().sheet().history().len();
    press(&mut h, Key::F2);
    click(&mut h, "1 — English");
    assert_one_step(&mut h, before, set_cell(2, 3, "1"));
}

#[test]
fn an_option_picked_by_enter_is_a_command_and_one_undo_step() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Locale, row 1");
    let before = h.state().sheet().history().len();
    press(&mut h, Key::F2);
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Enter);
    assert_one_step(&mut h, before, set_cell(0, 3, "1"));
}

#[test]
fn drawing_code_never_holds_the_sheet_to_change_it() {
    for name in ["draw", "editor", "dropdown", "header", "row_numbers"] {
        let path = format!("{}/src/app/grid/{name}.rs", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("grid source");
        assert!(!text.contains("&mut Sheet"), "{path} changes the sheet");
    }
}
