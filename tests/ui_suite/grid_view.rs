//! What the grid shows after a key moves far: Home and Ctrl+Home bring back the first
//! columns, even when the first of them stay in view while scrolling sideways.

use crate::ui_support::*;
use bulksheet::app::CellPos;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn column_names() -> Vec<String> {
    bulksheet::schema::builtin("miitel-update-users")
        .expect("built-in schema")
        .columns
        .iter()
        .map(|c| c.name.clone())
        .collect()
}

/// How many of the first columns show their row 1 cell on screen.
fn first_columns_shown(h: &egui_kittest::Harness<'_, bulksheet::app::BulksheetApp>) -> usize {
    column_names()
        .iter()
        .take(4)
        .filter(|n| h.query_by_label(&format!("{n}, row 1")).is_some())
        .count()
}

#[test]
fn ctrl_home_scrolls_back_to_the_first_column() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 1);
    h.run_steps(2);
    assert_eq!(first_columns_shown(&h), 4);
    press(&mut h, Key::End);
    h.run_steps(2);
    assert!(first_columns_shown(&h) < 4, "End scrolls sideways");
    chord(&mut h, Modifiers::COMMAND, Key::Home);
    h.run_steps(2);
    assert_eq!(h.state().selected(), CellPos::new(0, 0));
    assert_eq!(first_columns_shown(&h), 4);
}

#[test]
fn home_scrolls_back_to_the_first_column() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(1, 1);
    h.run_steps(2);
    press(&mut h, Key::End);
    h.run_steps(2);
    assert!(first_columns_shown(&h) < 4, "End scrolls sideways");
    press(&mut h, Key::Home);
    h.run_steps(2);
    assert_eq!(h.state().selected(), CellPos::new(1, 0));
    assert_eq!(first_columns_shown(&h), 4);
}

/// What a cell says besides its name and text ("Matches the search").
fn description(
    h: &egui_kittest::Harness<'_, bulksheet::app::BulksheetApp>,
    cell: &str,
) -> Option<String> {
    cell_findings(h, cell)
}

#[test]
fn find_marks_its_matches_in_the_grid_while_it_is_open() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Login ID, row 1");
    chord(&mut h, Modifiers::COMMAND, Key::F);
    chord(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "bob");
    h.run_steps(2);
    // Row 2's Login ID is also wrong: its error is said first, then the mark.
    let error = "error: Login ID has a full-width ＠; use the half-width @ (got bob＠example.com)";
    let marked = Some(format!("{error}; Matches the search"));
    assert_eq!(description(&h, "Login ID, row 2"), marked);
    assert_eq!(description(&h, "Login ID, row 1"), None);
    assert_eq!(description(&h, "User name, row 2"), None);
    // Closed, the marks go.
    click(&mut h, "Close");
    h.run_steps(2);
    assert_eq!(description(&h, "Login ID, row 2"), Some(error.to_string()));
}
