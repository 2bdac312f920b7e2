//! What the window says when a template cannot be loaded (in its language, with the line
//! and column), and that a template without a row limit offers no split on saving.

use crate::ui_support::*;
use bulksheet::app::BulksheetApp;
use bulksheet::validate::Lang;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn a_broken_template_is_reported_with_its_place_in_the_window_language() {
    let dir = tempfile::tempdir().unwrap();
    let toml = write_fixture(
        dir.path(),
        "broken.toml",
        "name = \"broken\"\n\n[[columns]]\nname = \"Login ID\"\nkind = \"email\n",
    );
    let mut h = harness(BulksheetApp::sample());
    let err = h.state_mut().load_template_file(&toml).unwrap_err();
    assert_eq!(err.message(Lang::En), err.to_string());
    h.state_mut()
        .use_template_arg(toml.to_str().expect("a UTF-8 temp path"));
    let en = h.state().notice().unwrap_or_default().to_string();
    assert!(en.contains("broken.toml: line 5, column "), "{en}");
    // The notice is reworded when the language changes.
    h.state_mut().set_lang(Lang::Ja);
    let ja = h.state().notice().unwrap_or_default().to_string();
    assert!(ja.contains("broken.toml: 5行目"), "{ja}");
    assert!(ja.starts_with("テンプレート "), "{ja}");
}

#[test]
fn a_template_without_a_row_limit_offers_no_split() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "any.csv", "a,b\r\n1,2\r\n3,4\r\n");
    let mut h = open(&path);
    assert_eq!(h.state().template_name(), "generic");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run_steps(2);
    assert_eq!(h.state().dialog_name(), Some("save-as"));
    assert!(
        h.query_by_label_contains("Split into files").is_none(),
        "no limit, nothing to split by"
    );
    click(&mut h, "Save file");
    wait_for_job(&mut h);
    let written = std::fs::read_to_string(dir.path().join("any-fixed.csv")).unwrap();
    assert_eq!(written, "a,b\r\n1,2\r\n3,4\r\n");
    assert!(!dir.path().join("any-fixed-1.csv").exists());
}

#[test]
fn a_file_that_cannot_be_opened_is_reported_in_the_window_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(BulksheetApp::sample());
    h.state_mut().set_lang(Lang::Ja);
    let ctx = h.ctx.clone();
    h.state_mut().start_open(&ctx, dir.path().to_path_buf());
    wait_for_job(&mut h);
    assert_eq!(h.state().dialog_name(), Some("message"));
    assert!(h.query_by_label_contains("処理できませんでした").is_some());
    assert!(
        h.query_by_label_contains("はフォルダーです。ファイルではありません")
            .is_some(),
        "a folder is named as such, in Japanese"
    );

    let missing = dir.path().join("gone.csv");
    let mut h = harness(BulksheetApp::sample());
    let ctx = h.ctx.clone();
    h.state_mut().start_open(&ctx, missing.clone());
    wait_for_job(&mut h);
    let english = format!("{}: ", missing.display());
    assert!(
        h.query_by_label_contains(&english).is_some(),
        "in English, the missing file is named with the system's reason"
    );
}

#[test]
fn a_save_that_fails_says_why_in_the_window_language_and_keeps_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("project");
    std::fs::create_dir(&folder).unwrap();
    let path = write_fixture(&folder, "any.csv", "a,b\r\n1,2\r\n3,4\r\n");
    let mut h = open(&path);
    h.state_mut().sheet_mut().set_cell(0, 1, "edited");
    // The folder disappears (a network share or a USB drive went away) before the save.
    std::fs::remove_dir_all(&folder).unwrap();
    h.state_mut().set_lang(Lang::Ja);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    if h.state().dialog_name() == Some("confirm-overwrite") {
        click(&mut h, "上書き");
    }
    wait_for_job(&mut h);
    assert_eq!(h.state().dialog_name(), Some("message"));
    assert!(
        h.query_by_label_contains("フォルダーが見つかりません")
            .is_some(),
        "the reason, in Japanese"
    );
    assert!(
        h.query_by_label_contains("編集内容はすべてそのまま残っています")
            .is_some()
    );
    assert!(h.state().sheet().is_dirty(), "the edits are still unsaved");
    assert_eq!(h.state().sheet().cell(0, 1), "edited");
    assert_eq!(h.state().window_title(), "any.csv* — Bulksheet");
}
