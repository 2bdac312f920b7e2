//! Auto-fixes with their preview, the Fix on an issue, reviewing and reverting changes
//! (also from the save question), and the roster cross-check.

use crate::ui_support::*;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn fix_all_previews_every_change_and_applies_only_on_apply_as_one_step() {
    let (_dir, mut h) = four_users();
    menu(&mut h, "Tools", "Fix all…");
    // The preview lists old → new for both fixable cells.
    h.get_by_label("“bob＠example.com”");
    h.get_by_label("“bob@example.com”");
    h.get_by_label("“English”");
    h.get_by_label("“1”");
    click(&mut h, "Cancel");
    assert_eq!(
        h.state().sheet().cell(1, 0),
        "bob＠example.com",
        "cancel changes nothing"
    );
    assert!(!h.state().sheet().can_undo());

    menu(&mut h, "Tools", "Fix all…");
    click(&mut h, "Apply");
    let s = h.state().sheet();
    assert_eq!(s.cell(1, 0), "bob@example.com");
    assert_eq!(s.cell(2, 3), "1");
    assert_eq!(status(&h, "Errors"), "0");
    assert_eq!(s.history().len(), 1);
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(status(&h, "Errors"), "2");
}

#[test]
fn the_fix_button_on_an_issue_fixes_that_cell_only() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Fix row 3 column 4");
    let s = h.state().sheet();
    assert_eq!(s.cell(2, 3), "1");
    assert_eq!(s.cell(1, 0), "bob＠example.com");
    assert_eq!(status(&h, "Errors"), "1");
    assert!(h.query_by_label("Fix row 3 column 4").is_none());
}

#[test]
fn fix_all_like_this_from_a_cell_menu_previews_the_same_kind_in_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = [
        header(),
        row("a＠example.com", "A", "101", "0"),
        row("b@example.com", "B", "102", "Japanese"),
        row("c＠example.com", "C", "103", "0"),
    ]
    .map(|l| format!("{l}\r\n"))
    .concat();
    let mut h = open(&write_fixture(dir.path(), "u.csv", &text));
    h.get_by_label("Login ID, row 1").click_secondary();
    h.run_steps(3);
    click(&mut h, "Fix all like this…");
    h.get_by_label("“c＠example.com”");
    assert!(
        h.query_by_label("“Japanese”").is_none(),
        "other kinds are not in it"
    );
    click(&mut h, "Apply");
    let s = h.state().sheet();
    assert_eq!(
        (s.cell(0, 0), s.cell(2, 0)),
        ("a@example.com", "c@example.com")
    );
    assert_eq!(s.cell(1, 3), "Japanese");
}

#[test]
fn drop_blank_rows_is_previewed_then_applied() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{}{}\r\n", fixture_text(), ",".repeat(23));
    let mut h = open(&write_fixture(dir.path(), "u.csv", &text));
    assert_eq!(status(&h, "Rows"), "5");
    menu(&mut h, "Tools", "Drop blank rows…");
    click(&mut h, "Apply");
    assert_eq!(status(&h, "Rows"), "4");
}

#[test]
fn review_lists_every_changed_cell_and_reverts_one_or_all() {
    let (_dir, mut h) = four_users();
    click(&mut h, "User name, row 1");
    type_text(&mut h, "Alicia");
    press(&mut h, Key::Enter);
    click(&mut h, "Fix row 2 column 1");
    menu(&mut h, "Edit", "Review changes…");
    h.get_by_label("“Alice”");
    h.get_by_label("“Alicia”");
    h.get_by_label("“bob@example.com”");
    click(&mut h, "Revert change 1");
    assert_eq!(h.state().sheet().cell(0, 1), "Alice");
    assert_eq!(h.state().sheet().cell(1, 0), "bob@example.com");
    click(&mut h, "Revert all");
    assert_eq!(h.state().sheet().cell(1, 0), "bob＠example.com");
    h.get_by_label("No changes.");
    // Reverting is undoable like any edit.
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().sheet().cell(1, 0), "bob@example.com");
}

#[test]
fn the_save_question_offers_the_review() {
    let (_dir, mut h) = four_users();
    click(&mut h, "User name, row 1");
    type_text(&mut h, "Alicia");
    press(&mut h, Key::Enter);
    chord(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(h.state().dialog_name(), Some("confirm-overwrite"));
    click(&mut h, "Review changes…");
    assert_eq!(h.state().dialog_name(), None);
    h.get_by_label("“Alicia”");
}

#[test]
fn a_roster_flags_unknown_logins_and_can_be_cleared() {
    let (dir, mut h) = four_users();
    let roster = write_fixture(
        dir.path(),
        "console.csv",
        "Login ID,User name,Extension number\r\nalice@example.com,Alice,101\r\ncarol@example.com,Carol,103\r\ndave@example.com,Dave,102\r\n",
    );
    menu(&mut h, "Tools", "Cross-check with roster…");
    h.get_by_label("Roster path").focus();
    h.run_steps(1);
    type_text(&mut h, &roster.display().to_string());
    click(&mut h, "Cross-check");
    assert!(h.state().sheet().rules().roster.is_some());
    let v = h.state().sheet().validator();
    // bob is not in the roster; extension 102 belongs to dave there.
    assert_eq!(v.cell_severity(1, 0), Some(bulksheet::Severity::Error));
    assert_eq!(v.cell_severity(1, 2), Some(bulksheet::Severity::Error));
    assert_eq!(v.cell_severity(3, 2), None, "dave keeps his own extension");
    assert_eq!(
        status(&h, "Errors"),
        "4",
        "two roster findings on top of the two mistakes"
    );
    menu(&mut h, "Tools", "Stop roster cross-check");
    assert_eq!(status(&h, "Errors"), "2");
}
