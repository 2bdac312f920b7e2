//! Recovery in the window: edits are journaled from the frame loop; a new window on the
//! same file offers them back, listing each change, and restores, discards or keeps them.

use crate::ui_support::*;
use bulksheet::app::BulksheetApp;
use bulksheet::journal::{Journal, Origin};
use eframe::egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct Setup {
    _dir: tempfile::TempDir,
    file: PathBuf,
    journals: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let file = write_fixture(dir.path(), "users.csv", &fixture_text());
    let journals = dir.path().join("recovery");
    Setup {
        _dir: dir,
        file,
        journals,
    }
}

fn window(s: &Setup) -> egui_kittest::Harness<'static, BulksheetApp> {
    let app = BulksheetApp::open(&s.file)
        .unwrap()
        .with_recovery_dir(s.journals.clone());
    harness(app)
}

fn journal_file(s: &Setup) -> PathBuf {
    Journal::path(&s.journals, &Origin::of_file(&s.file).unwrap())
}

/// Fixes row 2's login by typing, as a user would.
fn fix_bob(h: &mut egui_kittest::Harness<'static, BulksheetApp>) {
    click(h, "Login ID, row 2");
    type_text(h, "bob@example.com");
    press(h, Key::Enter);
    assert_eq!(h.state().sheet().cell(1, 0), "bob@example.com");
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

const BOB_CHANGE: &str = "Row 2, Login ID: bob＠example.com → bob@example.com";

#[test]
fn the_frame_loop_journals_unsaved_edits_and_a_new_window_restores_them() {
    let s = setup();
    let mut h = window(&s);
    assert_eq!(h.state().recovery_offer(), None, "nothing to restore yet");
    fix_bob(&mut h);
    // No explicit call: the frame loop writes the journal (first write right away).
    h.run_steps(2);
    wait_until("journal written by the frame loop", || {
        journal_file(&s).exists()
    });
    h.state_mut().write_journal_now();
    drop(h); // as if the process died: nothing saved

    let mut h = window(&s);
    assert_eq!(h.state().recovery_offer(), Some(1));
    h.get_by_label("Restore unsaved edits?");
    h.get_by_label(BOB_CHANGE);
    // The grid does not take keys while the question is open.
    press(&mut h, Key::Delete);
    assert_eq!(h.state().sheet().cell(0, 0), "alice@example.com");
    click(&mut h, "Restore");
    assert_eq!(h.state().recovery_offer(), None);
    assert_eq!(h.state().sheet().cell(1, 0), "bob@example.com");
    assert!(h.state().sheet().is_dirty());
    assert!(h.state().window_title().contains('*'));
    assert_eq!(status(&h, "Errors"), "1");
    // The restore is one undo step.
    assert!(h.state_mut().sheet_mut().undo());
    assert_eq!(h.state().sheet().cell(1, 0), "bob＠example.com");
}

#[test]
fn discard_removes_the_journal_and_keeps_the_file_as_it_is() {
    let s = setup();
    let mut h = window(&s);
    fix_bob(&mut h);
    h.state_mut().write_journal_now();
    drop(h);

    let mut h = window(&s);
    assert_eq!(h.state().recovery_offer(), Some(1));
    click(&mut h, "Discard");
    h.state_mut().write_journal_now(); // waits for the writer
    assert!(!journal_file(&s).exists());
    assert_eq!(h.state().sheet().cell(1, 0), "bob＠example.com");
    assert!(!h.state().sheet().is_dirty());
    drop(h);
    let h = window(&s);
    assert_eq!(h.state().recovery_offer(), None);
}

#[test]
fn later_keeps_the_journal_for_the_next_start_even_after_new_edits() {
    let s = setup();
    let mut h = window(&s);
    fix_bob(&mut h);
    h.state_mut().write_journal_now();
    drop(h);

    let mut h = window(&s);
    click(&mut h, "Later");
    assert_eq!(h.state().recovery_offer(), None);
    // New edits are journaled under the document's name without replacing the old ones.
    click(&mut h, "User name, row 1");
    type_text(&mut h, "Alicia");
    press(&mut h, Key::Enter);
    h.state_mut().write_journal_now();
    assert_eq!(Journal::pending(&s.journals).len(), 2);
    drop(h);

    let h = window(&s);
    // The newest is offered first.
    assert_eq!(h.state().recovery_offer(), Some(1));
    h.get_by_label("Row 1, User name: Alice → Alicia");
}

#[test]
fn undoing_back_to_the_opened_state_removes_the_journal() {
    let s = setup();
    let mut h = window(&s);
    fix_bob(&mut h);
    h.state_mut().write_journal_now();
    assert!(journal_file(&s).exists());
    assert!(h.state_mut().sheet_mut().undo());
    h.run_steps(2);
    h.state_mut().write_journal_now();
    assert!(!journal_file(&s).exists());
}

#[test]
fn a_journal_for_a_file_changed_since_warns_and_cannot_overwrite_it() {
    let s = setup();
    let mut h = window(&s);
    fix_bob(&mut h);
    h.state_mut().write_journal_now();
    drop(h);
    let text = std::fs::read_to_string(&s.file)
        .unwrap()
        .replace("bob＠example.com", "robert@example.com");
    std::fs::write(&s.file, text).unwrap();

    let mut h = window(&s);
    assert_eq!(h.state().recovery_offer(), Some(0));
    h.get_by_label(
        "The file has changed on disk since these edits were made. Check the list before restoring.",
    );
    assert!(h.get_by_label("Restore").accesskit_node().is_disabled());
    click(&mut h, "Discard");
    assert_eq!(h.state().sheet().cell(1, 0), "robert@example.com");
}

#[test]
fn without_a_recovery_folder_nothing_is_journaled() {
    let s = setup();
    let mut h = harness(BulksheetApp::open(&s.file).unwrap());
    fix_bob(&mut h);
    h.state_mut().write_journal_now();
    assert!(!Path::new(&s.journals).exists());
}

#[test]
fn opening_a_file_offers_its_journal_and_tidies_stale_temp_files_beside_it() {
    let s = setup();
    let mut h = window(&s);
    fix_bob(&mut h);
    h.state_mut().write_journal_now();
    drop(h);
    let temp = s.file.with_file_name(".bulksheet-k1LLed.tmp");
    std::fs::write(&temp, b"half a save").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&temp)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
        .unwrap();

    // Start on the sample, then open the file through the Open dialog.
    let app = BulksheetApp::sample().with_recovery_dir(s.journals.clone());
    let mut h = harness(app);
    assert_eq!(h.state().recovery_offer(), None);
    h.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::O);
    h.run_steps(4);
    assert_eq!(h.state().dialog_name(), Some("open"));
    focus_dialog_field(&mut h);
    h.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::A);
    type_text(&mut h, &s.file.display().to_string());
    click(&mut h, "Open");
    wait_for_job(&mut h);
    assert_eq!(h.state().path(), Some(s.file.as_path()));
    assert_eq!(h.state().recovery_offer(), Some(1));
    h.get_by_label(BOB_CHANGE);
    assert!(
        !temp.exists(),
        "stale temp file left beside the opened file"
    );
}

/// On Linux eframe's storage folder is where earlier versions kept journals, so nothing has
/// to move (`Journal::adopt` moves them where the two differ). Compared under this
/// process's own environment; a relative `$XDG_DATA_HOME` (which eframe ignores, as the
/// XDG rules say) is where the two part.
#[cfg(target_os = "linux")]
#[test]
fn on_linux_the_journal_folder_is_the_one_earlier_versions_used() {
    let relative_xdg = std::env::var_os("XDG_DATA_HOME")
        .is_some_and(|v| !v.is_empty() && !Path::new(&v).is_absolute());
    if relative_xdg || std::env::var_os("HOME").is_none_or(|h| h.is_empty()) {
        return;
    }
    let app_data = eframe::storage_dir(bulksheet::app::APP_ID).expect("a data folder");
    assert_eq!(
        Some(app_data.join("recovery")),
        Journal::earlier_dir(),
        "journals written before the move would not be found where they are"
    );
}

/// Saving in parts writes other files and leaves the document's own file as it was: the
/// journal goes on holding steps to replay onto that file (a journal of every row, built
/// on the frame, froze the window of a large file every few seconds), and a restore puts
/// back the edits made before the parts were saved as well as after.
#[test]
fn after_saving_in_parts_the_journal_still_replays_steps_onto_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = users_text(150);
    let file = write_fixture(dir.path(), "many.csv", &text);
    let journals = dir.path().join("recovery");
    let window = || {
        let app = BulksheetApp::open(&file)
            .unwrap()
            .with_recovery_dir(journals.clone());
        harness(app)
    };
    let rename = |h: &mut egui_kittest::Harness<'static, BulksheetApp>, row: usize, to: &str| {
        click(h, &format!("User name, row {row}"));
        type_text(h, to);
        press(h, Key::Enter);
    };
    let mut h = window();
    rename(&mut h, 1, "Before");
    h.key_press_modifiers(
        eframe::egui::Modifiers::COMMAND | eframe::egui::Modifiers::SHIFT,
        Key::S,
    );
    h.run_steps(2);
    click(&mut h, "Split into files of 100 users");
    click(&mut h, "Save file");
    wait_for_job(&mut h);
    assert!(
        dir.path().join("many-fixed-2.csv").exists(),
        "saved in parts"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        text,
        "own file as it was"
    );
    assert!(!h.state().sheet().is_dirty());
    rename(&mut h, 2, "After");
    h.state_mut().write_journal_now();
    let journal = Journal::path(&journals, &Origin::of_file(&file).unwrap());
    let stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&journal).unwrap()).unwrap();
    assert!(
        stored["replay"].get("Edits").is_some(),
        "steps, not every row: {}",
        &stored["replay"].to_string()[..40]
    );
    drop(h);

    let mut h = window();
    assert_eq!(h.state().recovery_offer(), Some(2));
    click(&mut h, "Restore");
    assert_eq!(h.state().sheet().cell(0, 1), "Before");
    assert_eq!(h.state().sheet().cell(1, 1), "After");
}
