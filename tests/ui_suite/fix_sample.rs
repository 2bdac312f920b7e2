//! The "done when", step by step: open the bundled sample, walk its errors with F8,
//! fix each from the keyboard (typing, or the enum dropdown), save, and the command line's
//! check passes on the saved file.

use crate::ui_support::*;
use bulksheet::app::BulksheetApp;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::collections::HashMap;

/// The value typed into each text cell the sample gets wrong (document row, file column).
fn typed_fixes() -> HashMap<(usize, usize), &'static str> {
    HashMap::from([
        ((1, 0), "suzuki.t@example.co.jp"),
        ((1, 2), "240"),
        ((10, 2), "211"),
        ((12, 0), "sasaki.yuto@example.co.jp"),
        ((2, 0), "takahashi.yui@example.co.jp"),
        ((4, 2), "205"),
        ((14, 1), "松本 陸"),
        ((18, 2), "219"),
    ])
}

#[test]
fn every_error_of_the_sample_is_fixed_from_the_keyboard_and_the_saved_file_checks_clean() {
    let mut h = harness(BulksheetApp::sample());
    let mut errors: usize = status(&h, "Errors").parse().unwrap();
    assert!(errors >= 10, "the sample shows its mistakes: {errors}");
    let fixes = typed_fixes();
    for _ in 0..30 {
        if errors == 0 {
            break;
        }
        press(&mut h, Key::F8);
        let at = h.state().selected();
        press(&mut h, Key::F2);
        match fixes.get(&(at.row, at.col)) {
            Some(text) => {
                h.key_press_modifiers(Modifiers::COMMAND, Key::A);
                type_text(&mut h, text);
            }
            // An enum cell: its dropdown opened on the code the value stands for (or the
            // first option); Enter takes it.
            None => assert!(
                h.query_by_label("(blank)").is_some(),
                "no fix planned for row {}, column {}",
                at.row + 1,
                at.col + 1
            ),
        }
        press(&mut h, Key::Enter);
        let now: usize = status(&h, "Errors").parse().unwrap();
        assert!(
            now < errors,
            "fixing row {} col {} removed an error",
            at.row + 1,
            at.col + 1
        );
        errors = now;
    }
    assert_eq!(status(&h, "Errors"), "0");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed.csv");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run_steps(4);
    assert_eq!(h.state().dialog_name(), Some("save-as"));
    focus_dialog_field(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, &out.display().to_string());
    click(&mut h, "Save file");
    wait_for_job(&mut h);
    assert_eq!(h.state().path(), Some(out.as_path()));

    let check = std::process::Command::new(env!("CARGO_BIN_EXE_bulksheet"))
        .arg("check")
        .arg(&out)
        .output()
        .expect("run bulksheet check");
    assert!(
        check.status.success(),
        "bulksheet check failed:\n{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}
