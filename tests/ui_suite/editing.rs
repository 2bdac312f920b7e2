//! The window, driven like a user would: read the error count, fix a red cell by typing,
//! pick a code from a dropdown, make two extensions equal. Headless (no display, no GPU).

use crate::ui_support::*;
use bulksheet::Severity;
use eframe::egui::Key;
use egui_kittest::kittest::Queryable;

fn fixture() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, bulksheet::app::BulksheetApp>,
) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &fixture_text());
    let h = open(&path);
    (dir, h)
}

#[test]
fn opening_a_file_shows_its_error_count() {
    let (_dir, h) = fixture();
    assert_eq!(status(&h, "Rows"), "4");
    assert_eq!(status(&h, "Errors"), "2");
    assert_eq!(status(&h, "Encoding"), "UTF-8");
    assert_eq!(status(&h, "Line ending"), "CRLF");
    assert_eq!(
        h.get_by_label("Login ID").value().as_deref(),
        Some("1 error")
    );
    assert_eq!(h.get_by_label("Locale").value().as_deref(), Some("1 error"));
    assert_eq!(
        h.get_by_label("User name").value().as_deref(),
        Some("no errors")
    );
    // Japanese text reaches the screen (the harness panics on a glyph no font has).
    assert_eq!(
        h.get_by_label("User name, row 2").value().as_deref(),
        Some("ボブ")
    );
}

#[test]
fn typing_a_correct_value_clears_the_red_mark_and_the_count() {
    let (_dir, mut h) = fixture();
    assert_eq!(
        h.state().sheet().validator().cell_severity(1, 0),
        Some(Severity::Error)
    );
    click(&mut h, "Login ID, row 2");
    assert_eq!(h.state().selected(), bulksheet::app::CellPos::new(1, 0));
    type_text(&mut h, "bob@example.com");
    assert_eq!(
        h.get_by_label("Edit Login ID, row 2").value().as_deref(),
        Some("bob@example.com")
    );
    press(&mut h, Key::Enter);
    assert_eq!(h.state().sheet().cell(1, 0), "bob@example.com");
    assert_eq!(h.state().sheet().validator().cell_severity(1, 0), None);
    assert_eq!(status(&h, "Errors"), "1");
    assert_eq!(
        h.get_by_label("Login ID").value().as_deref(),
        Some("no errors")
    );
    // Enter moved the selection down.
    assert_eq!(h.state().selected(), bulksheet::app::CellPos::new(2, 0));
    assert!(h.state().window_title().starts_with("users.csv*"));
}

#[test]
fn escape_cancels_and_tab_commits_to_the_right() {
    let (_dir, mut h) = fixture();
    click(&mut h, "User name, row 1");
    type_text(&mut h, "Nobody");
    press(&mut h, Key::Escape);
    assert_eq!(h.state().sheet().cell(0, 1), "Alice");
    press(&mut h, Key::F2);
    type_text(&mut h, " Smith");
    press(&mut h, Key::Tab);
    assert_eq!(h.state().sheet().cell(0, 1), "Alice Smith");
    assert_eq!(h.state().selected(), bulksheet::app::CellPos::new(0, 2));
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowRight);
    assert_eq!(h.state().selected(), bulksheet::app::CellPos::new(1, 3));
}

#[test]
fn codes_show_their_japanese_labels_when_the_window_speaks_japanese() {
    let (_dir, mut h) = fixture();
    let by = egui_kittest::kittest::by;
    h.get_by_label("Locale, row 3").click();
    h.run_steps(2);
    press(&mut h, Key::F2);
    click(&mut h, "1 — English");
    let english = h.query_all(by().value("1 — English")).count();
    assert!(english > 0);
    h.state_mut().set_lang(bulksheet::app::i18n::Lang::Ja);
    h.run_steps(2);
    // The cells, and the dropdown's options, in Japanese; the code stays the code.
    assert_eq!(h.query_all(by().value("1 — 英語")).count(), english);
    assert!(h.query(by().value("1 — English")).is_none());
    press(&mut h, Key::F2);
    h.get_by_label("0 — 日本語");
    click(&mut h, "1 — 英語");
    assert_eq!(h.state().sheet().cell(2, 3), "1");
}

#[test]
fn picking_a_code_from_the_dropdown_fixes_a_label() {
    let (_dir, mut h) = fixture();
    let cell = "Locale, row 3";
    assert_eq!(h.get_by_label(cell).value().as_deref(), Some("English"));
    h.get_by_label(cell).click();
    h.run_steps(2);
    press(&mut h, Key::F2);
    // Every option shows code and label.
    h.get_by_label("0 — Japanese");
    click(&mut h, "1 — English");
    assert_eq!(h.state().sheet().cell(2, 3), "1");
    assert_eq!(h.get_by_label(cell).value().as_deref(), Some("1 — English"));
    assert_eq!(status(&h, "Errors"), "1");
    assert!(
        h.query_by_label("0 — Japanese").is_none(),
        "dropdown closed"
    );
}

#[test]
fn equal_extensions_mark_both_cells() {
    let (_dir, mut h) = fixture();
    click(&mut h, "Extension number, row 4");
    type_text(&mut h, "101");
    press(&mut h, Key::Enter);
    let v = h.state().sheet().validator();
    assert_eq!(v.cell_severity(0, 2), Some(Severity::Error));
    assert_eq!(v.cell_severity(3, 2), Some(Severity::Error));
    assert_eq!(status(&h, "Errors"), "4");
    assert_eq!(
        h.get_by_label("Extension number").value().as_deref(),
        Some("2 errors")
    );
    // Making them different again clears both.
    click(&mut h, "Extension number, row 1");
    type_text(&mut h, "100");
    press(&mut h, Key::Enter);
    let v = h.state().sheet().validator();
    assert_eq!(v.cell_severity(0, 2), None);
    assert_eq!(v.cell_severity(3, 2), None);
    assert_eq!(status(&h, "Errors"), "2");
}

#[test]
fn f8_walks_the_errors_and_the_issue_list_selects_a_cell() {
    let (_dir, mut h) = fixture();
    press(&mut h, Key::F8);
    assert_eq!(h.state().selected(), bulksheet::app::CellPos::new(1, 0));
    press(&mut h, Key::F8);
    assert_eq!(h.state().selected(), bulksheet::app::CellPos::new(2, 3));
    h.key_press_modifiers(eframe::egui::Modifiers::SHIFT, Key::F8);
    h.run_steps(2);
    assert_eq!(h.state().selected(), bulksheet::app::CellPos::new(1, 0));
    let item = h.get_by_label_contains("Row 3: Locale");
    item.click();
    h.run_steps(2);
    assert_eq!(h.state().selected(), bulksheet::app::CellPos::new(2, 3));
}

#[test]
fn switching_a_subscription_on_makes_its_blank_columns_errors() {
    let (_dir, mut h) = fixture();
    assert_eq!(status(&h, "Errors"), "2");
    click(&mut h, "MiiTel Meetings");
    let errors: usize = status(&h, "Errors").parse().unwrap();
    assert!(errors > 2, "blank Meetings cells became errors: {errors}");
    click(&mut h, "MiiTel Meetings");
    assert_eq!(status(&h, "Errors"), "2");
}
