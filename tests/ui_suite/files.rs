//! Opening, saving and closing through the window: the bytes written, the questions asked
//! before overwriting, while errors remain and before unsaved edits are lost.

use crate::ui_support::*;
use bulksheet::app::{BulksheetApp, CellPos};
use eframe::egui::{Key, Modifiers, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;

/// The fixture with its two mistakes fixed.
fn clean_text() -> String {
    fixture_text()
        .replace("bob＠example.com", "bob@example.com")
        .replace(",English,", ",1,")
}

fn shortcut(h: &mut Harness<'_, BulksheetApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(2);
}

fn edit_cell(h: &mut Harness<'_, BulksheetApp>, label: &str, text: &str) {
    click(h, label);
    h.key_press(Key::F2);
    h.run_steps(1);
    // Select the old text so the typed one replaces it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    type_text(h, text);
    press(h, Key::Enter);
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn save_asks_before_overwriting_the_original_then_writes_exact_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &clean_text());
    let mut h = open(&path);
    edit_cell(&mut h, "User name, row 1", "Alicia");
    assert_eq!(h.state().sheet().cell(0, 1), "Alicia");
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(h.state().dialog_name(), Some("confirm-overwrite"));
    assert_eq!(
        read(&path),
        clean_text().into_bytes(),
        "nothing written yet"
    );
    click(&mut h, "Overwrite");
    wait_for_job(&mut h);
    let expected = clean_text().replace(",Alice,", ",Alicia,");
    assert_eq!(String::from_utf8(read(&path)).unwrap(), expected);
    assert!(!h.state().sheet().is_dirty());
    assert_eq!(h.state().window_title(), "users.csv — Bulksheet");
    // Once agreed, the next save writes without asking.
    edit_cell(&mut h, "User name, row 4", "David");
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(h.state().dialog_name(), None);
    wait_for_job(&mut h);
    assert!(String::from_utf8(read(&path)).unwrap().contains(",David,"));
}

#[test]
fn save_as_suggests_a_fixed_name_and_can_write_shift_jis() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &clean_text());
    let mut h = open(&path);
    shortcut(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert_eq!(h.state().dialog_name(), Some("save-as"));
    click(&mut h, "File encoding");
    click(&mut h, "Shift_JIS");
    click(&mut h, "Save file");
    wait_for_job(&mut h);
    let fixed = dir.path().join("users-fixed.csv");
    let clean = clean_text();
    let (expected, _, _) = encoding_rs::SHIFT_JIS.encode(&clean);
    assert_eq!(read(&fixed), expected.into_owned());
    assert_eq!(read(&path), clean_text().into_bytes(), "original untouched");
    assert_eq!(h.state().path(), Some(fixed.as_path()));
    assert_eq!(status(&h, "Encoding"), "Shift_JIS");
}

#[test]
fn saving_with_errors_lists_them_and_only_writes_a_labelled_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &fixture_text());
    let mut h = open(&path);
    edit_cell(&mut h, "User name, row 1", "Alicia");
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    click(&mut h, "Overwrite");
    assert_eq!(h.state().dialog_name(), Some("save-errors"));
    // Each error links to its cell (the dialog's line, marked, not the issue list's).
    let link = format!("{} Row 3: Locale", bulksheet::app::theme::ERROR_MARK);
    h.get_by_label_contains(&link).click();
    h.run_steps(2);
    assert_eq!(h.state().dialog_name(), None);
    assert_eq!(h.state().selected(), CellPos::new(2, 3));
    assert!(String::from_utf8(read(&path)).unwrap().contains(",Alice,"));
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(h.state().dialog_name(), Some("save-errors"));
    click(&mut h, "Save anyway as draft (not ready for upload)");
    wait_for_job(&mut h);
    assert!(String::from_utf8(read(&path)).unwrap().contains(",Alicia,"));
    let notice = h.state().notice().unwrap_or_default().to_string();
    assert!(
        notice.contains("DRAFT") && notice.contains("not ready for upload"),
        "{notice}"
    );
}

#[test]
fn splitting_writes_parts_of_100_users_without_blank_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = users_text(250);
    text.push_str(&",".repeat(23));
    text.push_str("\r\n");
    let path = write_fixture(dir.path(), "many.csv", &text);
    let mut h = open(&path);
    assert_eq!(status(&h, "Errors"), "1", "too many rows for one upload");
    shortcut(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    click(&mut h, "Split into files of 100 users");
    click(&mut h, "Save file");
    wait_for_job(&mut h);
    assert_eq!(h.state().dialog_name(), None, "no errors once split");
    let lines: Vec<&str> = text.split_inclusive("\r\n").collect();
    for (k, range) in [(1, 1..101), (2, 101..201), (3, 201..251)] {
        let part = dir.path().join(format!("many-fixed-{k}.csv"));
        let expected = lines[0].to_string() + &lines[range].concat();
        assert_eq!(
            String::from_utf8(read(&part)).unwrap(),
            expected,
            "part {k}"
        );
    }
    assert!(!dir.path().join("many-fixed-4.csv").exists());
}

fn request_close(h: &mut Harness<'_, BulksheetApp>) -> Vec<ViewportCommand> {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.step();
    let commands = h
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default();
    h.run_steps(2);
    commands
}

#[test]
fn closing_with_unsaved_edits_asks_save_discard_or_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &clean_text());
    let mut h = open(&path);
    // Nothing to lose: closing is not held up.
    let commands = request_close(&mut h);
    assert!(!commands.contains(&ViewportCommand::CancelClose));
    edit_cell(&mut h, "User name, row 1", "Alicia");
    let commands = request_close(&mut h);
    assert!(commands.contains(&ViewportCommand::CancelClose));
    assert_eq!(h.state().dialog_name(), Some("unsaved"));
    click(&mut h, "Cancel");
    assert_eq!(h.state().dialog_name(), None);
    assert!(!h.state().is_closing());
    request_close(&mut h);
    click(&mut h, "Save");
    assert_eq!(h.state().dialog_name(), Some("confirm-overwrite"));
    click(&mut h, "Overwrite");
    assert!(
        h.state().is_busy() || h.state().is_closing(),
        "{:?}",
        h.state().dialog_name()
    );
    wait_for_job(&mut h);
    assert!(h.state().is_closing(), "closes once saved");
    assert!(String::from_utf8(read(&path)).unwrap().contains(",Alicia,"));
}

#[test]
fn discarding_on_close_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &clean_text());
    let mut h = open(&path);
    edit_cell(&mut h, "User name, row 1", "Alicia");
    request_close(&mut h);
    click(&mut h, "Don't save");
    assert!(h.state().is_closing());
    assert_eq!(read(&path), clean_text().into_bytes());
}

#[test]
fn a_file_that_cannot_be_read_leaves_the_current_document_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &fixture_text());
    let bad = write_fixture(dir.path(), "book.csv", "PK\u{3}\u{4}not really a workbook");
    let mut h = open(&path);
    edit_cell(&mut h, "User name, row 1", "Alicia");
    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    assert_eq!(h.state().dialog_name(), Some("unsaved"));
    click(&mut h, "Don't save");
    assert_eq!(h.state().dialog_name(), Some("open"));
    focus_dialog_field(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, &bad.display().to_string());
    click(&mut h, "Open");
    wait_for_job(&mut h);
    assert_eq!(h.state().dialog_name(), Some("message"));
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert_eq!(h.state().sheet().cell(0, 1), "Alicia", "edits kept");
    click(&mut h, "OK");
    assert_eq!(h.state().dialog_name(), None);
}

/// Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated.
fn unicode_text(text: &str) -> Vec<u8> {
    let units = text.replace(',', "\t").encode_utf16().collect::<Vec<u16>>();
    let body = units.iter().flat_map(|u| u.to_le_bytes());
    [0xFF, 0xFE].into_iter().chain(body).collect()
}

#[test]
fn a_tab_separated_utf16_file_shows_its_separator_and_saves_as_a_comma_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("users.txt");
    let original = unicode_text(&clean_text());
    std::fs::write(&path, &original).unwrap();
    let mut h = open(&path);
    assert_eq!(status(&h, "Separator"), "Tab-separated");
    assert_eq!(status(&h, "Encoding"), "UTF-16LE");
    assert_eq!(h.state().sheet().cell(0, 1), "Alice");
    // Save never rewrites the file in another format: it asks where the copy goes.
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(h.state().dialog_name(), Some("save-as"));
    assert!(
        h.query_by_label_contains("the console takes comma-separated (UTF-8)")
            .is_some()
    );
    click(&mut h, "Save file");
    wait_for_job(&mut h);
    let fixed = dir.path().join("users-fixed.csv");
    assert_eq!(String::from_utf8(read(&fixed)).unwrap(), clean_text());
    assert_eq!(read(&path), original, "original untouched");
    assert_eq!(status(&h, "Separator"), "Comma-separated");
    assert_eq!(status(&h, "Encoding"), "UTF-8");
}

#[test]
fn the_separator_is_named_in_japanese_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &clean_text().replace(',', ";"));
    let mut app = BulksheetApp::open(&path).expect("fixture opens");
    app.set_lang(bulksheet::app::i18n::Lang::Ja);
    let h = harness(app);
    assert_eq!(status(&h, "区切り文字"), "セミコロン区切り");
}
