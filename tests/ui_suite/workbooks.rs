//! A workbook in the window: the first sheet opens, the other sheets are offered, another
//! is read when chosen, and saving writes CSV beside it, never over the workbook.

use crate::ui_support::*;
use eframe::egui::{Key, Modifiers};
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
