//! Undo and redo from the keyboard and the Edit menu, fill down, one value for a range,
//! and the row operations: each one undo step, validation following.

use crate::ui_support::*;
use bulksheet::app::CellPos;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn ctrl_z_undoes_a_typed_cell_and_ctrl_shift_z_and_ctrl_y_redo_it() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Login ID, row 2");
    type_text(&mut h, "bob@example.com");
    press(&mut h, Key::Enter);
    assert_eq!(status(&h, "Errors"), "1");
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().sheet().cell(1, 0), "bob＠example.com");
    assert_eq!(status(&h, "Errors"), "2", "validation follows undo");
    assert_eq!(
        h.state().selected(),
        CellPos::new(1, 0),
        "undo shows the cell"
    );
    chord(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(h.state().sheet().cell(1, 0), "bob@example.com");
    assert_eq!(status(&h, "Errors"), "1");
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    chord(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(h.state().sheet().cell(1, 0), "bob@example.com");
    menu(&mut h, "Edit", "Undo");
    assert_eq!(h.state().sheet().cell(1, 0), "bob＠example.com");
    assert!(!h.state().sheet().is_dirty(), "back to the file as opened");
    menu(&mut h, "Edit", "Redo");
    assert_eq!(h.state().sheet().cell(1, 0), "bob@example.com");
}

#[test]
fn ctrl_d_fills_the_first_row_down_the_range_as_one_step() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Locale, row 1");
    chord(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    chord(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    chord(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    chord(&mut h, Modifiers::COMMAND, Key::D);
    let s = h.state().sheet();
    assert_eq!((s.cell(1, 3), s.cell(2, 3)), ("0", "0"));
    assert_eq!(s.cell(3, 3), "1", "below the range untouched");
    assert_eq!(
        status(&h, "Errors"),
        "1",
        "the label in row 3 was filled over"
    );
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().sheet().cell(2, 3), "English");
    // A single selected cell takes the value from the row above.
    click(&mut h, "User name, row 4");
    chord(&mut h, Modifiers::COMMAND, Key::D);
    assert_eq!(h.state().sheet().cell(3, 1), "Carol");
}

#[test]
fn set_value_for_selected_cells_offers_the_codes_of_an_enum_column() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Locale, row 1");
    for _ in 0..3 {
        chord(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    }
    menu(&mut h, "Edit", "Set value for selected cells…");
    click(&mut h, "New value");
    click(&mut h, "1 — English");
    click(&mut h, "Set");
    let s = h.state().sheet();
    assert!((0..4).all(|r| s.cell(r, 3) == "1"));
    assert_eq!(s.history().len(), 1);
    assert_eq!(status(&h, "Errors"), "1");
}

#[test]
fn set_value_for_text_cells_takes_what_is_typed_right_away() {
    let (_dir, mut h) = four_users();
    click(&mut h, "User name, row 1");
    chord(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    menu(&mut h, "Edit", "Set value for selected cells…");
    // No click into the field first: it has the keyboard when the dialog opens.
    type_text(&mut h, "Same Name");
    press(&mut h, Key::Enter);
    let s = h.state().sheet();
    assert_eq!((s.cell(0, 1), s.cell(1, 1)), ("Same Name", "Same Name"));
    assert_eq!(s.cell(2, 1), "Carol", "below the range untouched");
    assert_eq!(s.history().len(), 1);
}

#[test]
fn rows_are_inserted_duplicated_and_deleted_from_the_row_number_menu() {
    let (_dir, mut h) = four_users();
    h.get_by_label("Row number 2").click_secondary();
    h.run_steps(3);
    click(&mut h, "Duplicate rows");
    let s = h.state().sheet();
    assert_eq!(s.doc().rows(), 5);
    assert_eq!(s.cell(2, 1), "ボブ");
    assert_eq!(s.cell(3, 1), "Carol");
    // Both copies of the extension are now duplicates.
    assert_eq!(
        s.validator().cell_severity(2, 2),
        Some(bulksheet::Severity::Error)
    );
    assert_eq!(h.state().selected().row, 2, "the copy is selected");
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().sheet().doc().rows(), 4);

    click(&mut h, "Row number 1");
    menu(&mut h, "Edit", "Insert row above");
    let s = h.state().sheet();
    assert_eq!(s.doc().rows(), 5);
    assert_eq!(s.cell(0, 0), "");
    assert_eq!(s.cell(1, 0), "alice@example.com");
    menu(&mut h, "Edit", "Insert row below");
    assert_eq!(h.state().sheet().doc().rows(), 6);
    assert_eq!(h.state().sheet().cell(2, 0), "alice@example.com");

    click(&mut h, "Row number 1");
    h.get_by_label("Row number 2")
        .click_modifiers(Modifiers::SHIFT);
    h.run_steps(2);
    menu(&mut h, "Edit", "Delete rows");
    let s = h.state().sheet();
    assert_eq!(s.doc().rows(), 4);
    assert_eq!(s.cell(0, 0), "alice@example.com");
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().sheet().doc().rows(), 6, "one step for both rows");
}

#[test]
fn enter_and_tab_walk_through_a_selected_range_and_keep_it_selected() {
    let (_dir, mut h) = four_users();
    // User name and Extension number of rows 1 and 2: a 2 × 2 range, selected from its
    // bottom-right corner so the cursor ends at the top left.
    click(&mut h, "Extension number, row 2");
    chord(&mut h, Modifiers::SHIFT, Key::ArrowUp);
    chord(&mut h, Modifiers::SHIFT, Key::ArrowLeft);
    assert_eq!(h.state().selected(), CellPos::new(0, 1));
    let range = h.state().selected_cells();
    assert_eq!(range.len(), 4);
    // Enter goes down the first column, then to the top of the next, typing on the way.
    type_text(&mut h, "Ann");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().selected(), CellPos::new(1, 1));
    type_text(&mut h, "Ben");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().selected(), CellPos::new(0, 2));
    assert_eq!(
        h.state().selected_cells(),
        range,
        "the range stays selected"
    );
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().selected(), CellPos::new(0, 1), "wraps round");
    // Tab goes along the rows; Shift+Tab back.
    press(&mut h, Key::Tab);
    assert_eq!(h.state().selected(), CellPos::new(0, 2));
    press(&mut h, Key::Tab);
    assert_eq!(h.state().selected(), CellPos::new(1, 1));
    chord(&mut h, Modifiers::SHIFT, Key::Tab);
    assert_eq!(h.state().selected(), CellPos::new(0, 2));
    assert_eq!(h.state().selected_cells(), range);
    let s = h.state().sheet();
    assert_eq!((s.cell(0, 1), s.cell(1, 1)), ("Ann", "Ben"));
    // An arrow key ends the walk: one cell again.
    press(&mut h, Key::ArrowDown);
    assert_eq!(h.state().selected_cells(), vec![(1, 2)]);
    // With one cell selected, Enter moves down as before.
    press(&mut h, Key::Enter);
    assert_eq!(h.state().selected(), CellPos::new(2, 2));
}
