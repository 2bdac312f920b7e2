//! Only what changes, in the window: Save As writes only the rows changed since opening,
//! and File → Export issue list… writes the issues as a CSV file.

use crate::ui_support::*;
use bulksheet::app::BulksheetApp;
use bulksheet::validate::Lang;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;

fn edit_cell(h: &mut Harness<'_, BulksheetApp>, label: &str, text: &str) {
    click(h, label);
    h.key_press(Key::F2);
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    type_text(h, text);
    press(h, Key::Enter);
}

fn clean_text() -> String {
    fixture_text()
        .replace("bob＠example.com", "bob@example.com")
        .replace(",English,", ",1,")
}

#[test]
fn save_as_only_changed_rows_writes_the_edited_rows_and_keeps_the_sheet_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &clean_text());
    let mut h = open(&path);
    edit_cell(&mut h, "User name, row 3", "Caroline");
    chord(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert_eq!(h.state().dialog_name(), Some("save-as"));
    click(&mut h, "Only rows changed since opening");
    click(&mut h, "Save file");
    wait_for_job(&mut h);
    let written = std::fs::read_to_string(dir.path().join("users-fixed.csv")).unwrap();
    let text = clean_text();
    let all: Vec<&str> = text.split_inclusive("\r\n").collect();
    let want = all[0].to_string() + &all[3].replace(",Carol,", ",Caroline,");
    assert_eq!(written, want);
    assert!(
        h.state().sheet().is_dirty(),
        "an extract is not the file saved"
    );
    assert_eq!(h.state().path(), Some(path.as_path()));
    // The next Save As writes every row again.
    chord(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    click(&mut h, "Save file");
    wait_for_job(&mut h);
    let written = std::fs::read_to_string(dir.path().join("users-fixed.csv")).unwrap();
    assert_eq!(written, text.replace(",Carol,", ",Caroline,"));
}

#[test]
fn export_issue_list_writes_the_issues_as_csv() {
    let (dir, mut h) = four_users();
    menu(&mut h, "File", "Export issue list…");
    assert_eq!(h.state().dialog_name(), Some("export-issues"));
    click(&mut h, "Export");
    assert_eq!(h.state().dialog_name(), None);
    let bytes = std::fs::read(dir.path().join("users-issues.csv")).unwrap();
    let issues = h.state().sheet().issues_in(Lang::En);
    assert_eq!(issues.len(), 2);
    assert_eq!(bytes, bulksheet::issue_csv::to_csv(&issues, Lang::En));
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.starts_with("\u{feff}row,column,severity,code,message\r\n2,Login ID,error,email,"),
        "{text}"
    );
    let notice = h.state().notice().unwrap_or_default().to_string();
    assert!(notice.contains("users-issues.csv (2 issues)"), "{notice}");
}
