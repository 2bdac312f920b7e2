//! Find and replace from the keyboard, and the view: only rows with errors, only rows
//! matching a text, sorting by a header — the file's order never changes.

use crate::ui_support::*;
use bulksheet::app::CellPos;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn ctrl_f_counts_matches_and_enter_selects_the_next_one() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Login ID, row 1");
    chord(&mut h, Modifiers::COMMAND, Key::F);
    // The field opens with the selected value; replace it.
    chord(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "example.com");
    assert_eq!(h.get_by_label("Matches").value().as_deref(), Some("4"));
    press(&mut h, Key::Enter);
    assert_eq!(h.state().selected(), CellPos::new(1, 0));
    press(&mut h, Key::Enter);
    assert_eq!(h.state().selected(), CellPos::new(2, 0));
    click(&mut h, "Previous match");
    assert_eq!(h.state().selected(), CellPos::new(1, 0));
    // In one column only.
    h.get_by_label("Find text").focus();
    h.run_steps(1);
    chord(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "0");
    assert!(
        h.get_by_label("Matches")
            .value()
            .unwrap()
            .parse::<usize>()
            .unwrap()
            > 4
    );
    h.get_by_label("Search in column").click();
    h.run_steps(3);
    h.get(
        egui_kittest::kittest::by()
            .label("Extension number")
            .role(eframe::egui::accesskit::Role::Button),
    )
    .click();
    h.run_steps(3);
    assert_eq!(h.get_by_label("Matches").value().as_deref(), Some("4"));
}

#[test]
fn ctrl_h_replaces_all_as_one_undo_step() {
    let (_dir, mut h) = four_users();
    chord(&mut h, Modifiers::COMMAND, Key::H);
    chord(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "EXAMPLE.COM");
    h.get_by_label("Replacement text").focus();
    h.run_steps(1);
    type_text(&mut h, "corp.example");
    click(&mut h, "Replace all");
    let s = h.state().sheet();
    assert_eq!(s.cell(0, 0), "alice@corp.example");
    assert_eq!(s.cell(1, 0), "bob＠corp.example");
    assert_eq!(s.history().len(), 1);
    assert_eq!(h.get_by_label("Matches").value().as_deref(), Some("0"));
    assert_eq!(h.state().notice(), Some("Cells replaced: 4"));
    click(&mut h, "Close");
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().sheet().cell(3, 0), "dave@example.com");
}

#[test]
fn only_rows_with_errors_hides_the_others_and_editing_still_reaches_the_right_row() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Only rows with errors");
    assert!(h.query_by_label("Login ID, row 1").is_none());
    assert!(h.query_by_label("Login ID, row 4").is_none());
    click(&mut h, "User name, row 3");
    type_text(&mut h, "Caroline");
    press(&mut h, Key::Enter);
    assert_eq!(
        h.state().sheet().cell(2, 1),
        "Caroline",
        "document row 3, not view row 2"
    );
    // Arrow keys walk the shown rows: from row 3 up is row 2.
    press(&mut h, Key::ArrowUp);
    press(&mut h, Key::ArrowUp);
    assert_eq!(h.state().selected().row, 1);
    click(&mut h, "Show all rows");
    assert!(h.query_by_label("Login ID, row 1").is_some());
}

#[test]
fn a_jump_to_a_row_the_text_filter_hides_clears_the_filter() {
    let (_dir, mut h) = four_users();
    h.get_by_label("Filter rows").focus();
    h.run_steps(1);
    type_text(&mut h, "dave");
    assert!(h.query_by_label("Login ID, row 2").is_none());
    assert!(h.query_by_label("Login ID, row 4").is_some());
    click(&mut h, "Login ID, row 4");
    press(&mut h, Key::F8);
    h.run_steps(2);
    assert_eq!(
        h.state().selected(),
        CellPos::new(1, 0),
        "next error after row 4 wraps to row 2"
    );
    assert!(h.query_by_label("Login ID, row 2").is_some(), "shown again");
}

#[test]
fn sorting_by_a_header_changes_the_view_not_the_file() {
    let (_dir, mut h) = four_users();
    let y = |h: &egui_kittest::Harness<'_, _>, l: &str| h.get_by_label(l).rect().top();
    click(&mut h, "Sort column 3");
    click(&mut h, "Sort column 3");
    assert!(
        y(&h, "Login ID, row 4") < y(&h, "Login ID, row 1"),
        "descending by extension"
    );
    assert_eq!(
        h.state().sheet().cell(0, 0),
        "alice@example.com",
        "file order kept"
    );
    // Moving down from the top of the sorted view goes to the next shown row.
    click(&mut h, "Login ID, row 4");
    press(&mut h, Key::ArrowDown);
    assert_eq!(h.state().selected().row, 2);
    // A paste into the sorted view lands in the rows on screen.
    h.event(eframe::egui::Event::Paste(
        "x@example.com\ny@example.com\n".into(),
    ));
    h.run_steps(2);
    let s = h.state().sheet();
    assert_eq!(s.cell(2, 0), "x@example.com");
    assert_eq!(s.cell(1, 0), "y@example.com");
    click(&mut h, "File order");
    assert!(y(&h, "Login ID, row 1") < y(&h, "Login ID, row 4"));
    assert!(!h.state().sheet().is_dirty() || h.state().sheet().history().len() == 1);
}
