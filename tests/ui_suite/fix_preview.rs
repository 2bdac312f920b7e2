//! The fix preview warns of a change that would cause a new issue and Apply leaves that
//! cell; the Fix on such a cell shows why instead of applying; an extension's hyphens are
//! a fix of that one cell, never in Fix all.

use crate::ui_support::*;
use egui_kittest::kittest::{NodeT, Queryable, by};

/// Four users: bob's full-width ＠, carol's `１０１` (alice has 101), dave's label.
fn clashing() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, bulksheet::app::BulksheetApp>,
) {
    let dir = tempfile::tempdir().unwrap();
    let text = [
        header(),
        row("alice@example.com", "Alice", "101", "0"),
        row("bob＠example.com", "Bob", "102", "0"),
        row("carol@example.com", "Carol", "１０１", "0"),
        row("dave@example.com", "Dave", "104", "English"),
    ]
    .map(|l| format!("{l}\r\n"))
    .concat();
    let h = open(&write_fixture(dir.path(), "u.csv", &text));
    (dir, h)
}

#[test]
fn fix_all_shows_the_new_duplicate_a_change_would_cause_and_leaves_that_cell() {
    let (_dir, mut h) = clashing();
    menu(&mut h, "Tools", "Fix all…");
    let warning = h.get(by().label_contains("Not applied:"));
    // A label keeps its text in the node's value.
    let text = warning.accesskit_node().value().unwrap_or_default();
    assert!(text.contains("Extension number"), "{text}");
    assert!(
        text.contains("also used in row 1"),
        "the other row is named: {text}"
    );
    h.get_by_label("“１０１”");
    click(&mut h, "Apply");
    let s = h.state().sheet();
    assert_eq!(s.cell(1, 0), "bob@example.com");
    assert_eq!(s.cell(3, 3), "1");
    assert_eq!(s.cell(2, 2), "１０１", "left for a person");
    assert_eq!(status(&h, "Errors"), "1");
}

#[test]
fn the_fix_on_a_cell_that_would_clash_shows_why_instead_of_applying() {
    let (_dir, mut h) = clashing();
    // Held back: no live button (it opened a preview of 0 changes), and it says why.
    let button = h.get_by_label("Fix row 3 column 3");
    assert!(button.accesskit_node().is_disabled());
    let why = button.accesskit_node().value().unwrap_or_default();
    assert!(why.contains("duplicate") && why.contains("row 1"), "{why}");
    click(&mut h, "Fix row 3 column 3");
    assert_eq!(h.state().sheet().cell(2, 2), "１０１");
    assert!(!h.state().sheet().can_undo());
    assert_eq!(h.state().dialog_name(), None);
    // Fix all lists it with the reason, and applies the others.
    menu(&mut h, "Tools", "Fix all…");
    h.get(by().label_contains("Not applied:"));
}

#[test]
fn an_extensions_hyphens_are_a_fix_of_that_cell_only() {
    let dir = tempfile::tempdir().unwrap();
    let text = [
        header(),
        row("alice@example.com", "Alice", "101", "0"),
        row("bob@example.com", "Bob", "123-4", "0"),
    ]
    .map(|l| format!("{l}\r\n"))
    .concat();
    let mut h = open(&write_fixture(dir.path(), "u.csv", &text));
    menu(&mut h, "Tools", "Fix all…");
    assert!(h.query_by_label("“123-4”").is_none(), "not in Fix all");
    click(&mut h, "Cancel");
    h.get_by_label("Extension number, row 2").click_secondary();
    h.run_steps(3);
    h.get(by().label_contains("“1234”"));
    assert!(
        h.query_by_label("Fix all like this…").is_none(),
        "not offered in bulk"
    );
    h.key_press(eframe::egui::Key::Escape);
    h.run_steps(2);
    click(&mut h, "Fix row 2 column 3");
    assert_eq!(h.state().sheet().cell(1, 2), "1234");
    assert_eq!(status(&h, "Errors"), "0");
}

/// The preview judges its fixes without touching the sheet: a cell's read problem (a stray
/// quote) stays found, and the revision, the undo list and the issues are as before.
#[test]
fn the_fix_all_preview_leaves_the_sheet_its_revision_and_history_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = [
        header(),
        row("alice@example.com", "Al\"ice ", "101", "0"),
        row("bob＠example.com", "Bob", "102", "0"),
    ]
    .map(|l| format!("{l}\r\n"))
    .concat();
    let mut h = open(&write_fixture(dir.path(), "q.csv", &text));
    let look = |h: &egui_kittest::Harness<'static, bulksheet::app::BulksheetApp>| {
        let s = h.state().sheet();
        (s.revision(), s.history().len(), s.issues())
    };
    let before = look(&h);
    assert!(
        before.2.iter().any(|i| i.code == bulksheet::Code::Quote),
        "{:?}",
        before.2
    );
    menu(&mut h, "Tools", "Fix all…");
    h.get_by_label("Apply");
    assert_eq!(look(&h), before);
}
