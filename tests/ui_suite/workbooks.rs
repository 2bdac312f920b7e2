//! A workbook in the window: the first sheet opens, the other sheets are offered, another
//! is read when chosen, and saving writes CSV beside it, never over the workbook.

use crate::ui_support::*;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

/// `users.xlsx`: sheet `Users` holds the fixture's rows, sheet `Other` one user, Zed.
fn write_workbook(dir: &Path) -> PathBuf {
    let mut wb = Workbook::new();
    for (name, text) in [
        ("Users", fixture_text()),
        (
            "Other",
            format!(
                "{}\r\n{}\r\n",
                header(),
                row("zed@example.com", "Zed", "109", "0")
            ),
        ),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, line) in text.lines().enumerate() {
            for (c, cell) in line.split(',').enumerate() {
                if !cell.is_empty() {
                    ws.write_string(r as u32, c as u16, cell).unwrap();
                }
            }
        }
    }
    let path = dir.join("users.xlsx");
    wb.save(&path).unwrap();
    path
}

#[test]
fn a_workbook_offers_its_sheets_and_saves_as_csv_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_workbook(dir.path());
    let original = std::fs::read(&path).unwrap();
    let mut h = open(&path);
    assert_eq!(h.state().dialog_name(), Some("pick-sheet"));
    assert_eq!(status(&h, "Worksheet"), "Users");
    assert_eq!(status(&h, "Encoding"), "xlsx → UTF-8");
    assert_eq!(h.state().sheet().cell(1, 1), "ボブ");

    click(&mut h, "Other");
    wait_for_job(&mut h);
    assert_eq!(
        h.state().dialog_name(),
        None,
        "a chosen sheet is not offered again"
    );
    assert_eq!(status(&h, "Worksheet"), "Other");
    assert_eq!(h.state().sheet().cell(0, 1), "Zed");

    // Save never writes over the workbook: it asks for a CSV name.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert_eq!(h.state().dialog_name(), Some("save-as"));
    click(&mut h, "Save file");
    wait_for_job(&mut h);
    let csv = dir.path().join("users-fixed.csv");
    let written = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(
        written,
        format!(
            "{}\r\n{}\r\n",
            header(),
            row("zed@example.com", "Zed", "109", "0")
        )
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        original,
        "workbook untouched"
    );
    assert_eq!(h.state().path(), Some(csv.as_path()));
}

#[test]
fn save_as_refuses_the_workbook_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_workbook(dir.path());
    let original = std::fs::read(&path).unwrap();
    let mut h = open(&path);
    click(&mut h, "Keep “Users”");
    assert_eq!(h.state().dialog_name(), None);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run_steps(2);
    assert_eq!(h.state().dialog_name(), Some("save-as"));
    focus_dialog_field(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, &path.display().to_string());
    click(&mut h, "Save file");
    assert_eq!(h.state().dialog_name(), Some("save-as"), "asked again");
    assert!(
        h.state()
            .notice()
            .unwrap_or_default()
            .contains("never writes over a workbook"),
        "{:?}",
        h.state().notice()
    );
    assert!(!h.state().is_busy());
    assert_eq!(std::fs::read(&path).unwrap(), original);
}

/// Each sheet of a workbook has its own recovery journal: unsaved edits of one sheet are
/// offered back with that sheet, never against another sheet of the same file.
#[test]
fn unsaved_edits_of_a_sheet_are_offered_back_with_that_sheet_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_workbook(dir.path());
    let journals = dir.path().join("recovery");
    let window = || {
        let app = bulksheet::app::BulksheetApp::open(&path)
            .unwrap()
            .with_recovery_dir(journals.clone());
        harness(app)
    };
    let mut h = window();
    click(&mut h, "Other");
    wait_for_job(&mut h);
    assert_eq!(status(&h, "Worksheet"), "Other");
    click(&mut h, "User name, row 1");
    type_text(&mut h, "Zedd");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().sheet().cell(0, 1), "Zedd");
    h.state_mut().write_journal_now();
    drop(h); // as if the process died

    let mut h = window();
    h.run_steps(2);
    assert_eq!(status(&h, "Worksheet"), "Users");
    assert_eq!(
        h.state().recovery_offer(),
        None,
        "the journal of sheet Other is not offered against sheet Users"
    );
    click(&mut h, "Other");
    wait_for_job(&mut h);
    h.run_steps(2);
    assert_eq!(
        h.state().recovery_offer(),
        Some(1),
        "offered with its sheet"
    );
    click(&mut h, "Restore");
    assert_eq!(h.state().sheet().cell(0, 1), "Zedd");
}

/// A workbook over a limit (it declares four billion shared strings) is refused in words
/// naming the limit; the window keeps working on the file that was open.
#[test]
fn a_workbook_over_a_limit_is_refused_and_the_open_file_stays() {
    let (dir, mut h) = four_users();
    let before = h.state().path().map(Path::to_path_buf);
    let hostile =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/workbooks/declared-count.xlsx");
    let book = dir.path().join("from-a-stranger.xlsx");
    std::fs::copy(hostile, &book).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    type_text(&mut h, &book.display().to_string());
    press(&mut h, Key::Enter);
    wait_for_job(&mut h);
    assert_eq!(h.state().dialog_name(), Some("message"));
    assert!(
        h.query_by_label_contains("4,000,000,000 shared strings")
            .is_some(),
        "the limit is named"
    );
    click(&mut h, "OK");
    assert_eq!(h.state().path().map(Path::to_path_buf), before);
    assert_eq!(status(&h, "Rows"), "4");
}
