//! The recovery journal: unsaved edits written to disk come back onto a freshly opened
//! file exactly (cells and issues), as one undo step; a journal for a file that changed
//! since is recognised; a process killed after journaling leaves a journal the next start
//! finds.

use bulksheet::Sheet;
use bulksheet::document::Edit;
use bulksheet::io::read_path;
use bulksheet::journal::{Journal, JournalEntry, Origin, Replay, RestoreError};
use bulksheet::schema::{Subscriptions, builtin};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const HEADER: &str = "Login ID,User name,Extension number,Locale,Time zone,Administrative privileges,Monitoring privileges,MiiTel Analytics Download recorded audio files,MiiTel Analytics Export call history as CSV,MiiTel Analytics Export contact data as CSV,MiiTel Phone Enable,MiiTel Phone Mobile Enable,MiiTel Call Center CC Administrative privileges,MiiTel Meetings Use bot";

fn row(login: &str, name: &str, ext: &str, locale: &str) -> String {
    format!("{login},{name},{ext},{locale},0,0,0,0,0,0,1,0,0,0")
}

fn write_fixture(dir: &Path) -> PathBuf {
    let rows = [
        row("alice@example.com", "Alice", "101", "0"),
        row("bob＠example.com", "ボブ", "102", "0"),
        row("carol@example.com", "Carol", "103", "English"),
        row("dave@example.com", "Dave", "104", "1"),
    ];
    let path = dir.join("users.csv");
    std::fs::write(&path, format!("{HEADER}\r\n{}\r\n", rows.join("\r\n"))).unwrap();
    path
}

fn open(path: &Path) -> Sheet {
    let doc = read_path(path, None).unwrap();
    Sheet::new(
        doc,
        builtin("miitel-update-users").unwrap(),
        Subscriptions::none(),
    )
}

fn cells(s: &Sheet) -> Vec<Vec<String>> {
    let d = s.doc();
    (0..d.rows())
        .map(|r| (0..d.width()).map(|c| d.cell(r, c).to_string()).collect())
        .collect()
}

/// A mix of every kind of step: typed values, a paste adding rows, deletes, an undone step.
fn edit(s: &mut Sheet) {
    assert!(s.set_cell(1, 0, "bob@example.com"));
    assert!(s.set_cell(2, 3, "1"));
    assert!(s.delete_rows(&[0]));
    assert!(s.insert_rows(1, vec![vec!["new@example.com".to_string(); 14]]));
    let block = vec![
        vec!["x@example.com".to_string(), "X".to_string()],
        vec!["y@example.com".to_string(), "Y".to_string()],
    ];
    assert!(s.paste((3, 0), (1, 1), &block));
    assert!(s.set_cell(0, 1, "undone"));
    assert!(s.undo());
}

/// The window builds an entry on the frame every few seconds while edits are unsaved: a
/// step of millions of cell changes (a whole-sheet clear) must be shared with it, not
/// copied (copying one took seconds).
#[test]
fn a_journal_entry_shares_the_sheets_steps_instead_of_copying_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path());
    let mut edited = open(&path);
    edit(&mut edited);
    let entry = JournalEntry::from_sheet(&edited, Origin::of_file(&path).unwrap(), true);
    let Some(Replay::Edits(steps)) = entry.map(|e| e.replay) else {
        panic!("edits since the save are replayed");
    };
    assert_eq!(steps.len(), edited.history().len());
    for (kept, step) in steps.iter().zip(edited.history()) {
        assert!(
            std::sync::Arc::ptr_eq(kept, step),
            "the step itself, not a copy"
        );
    }
}

#[test]
fn journaled_edits_restore_the_same_cells_and_issues_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let journals = dir.path().join("recovery");
    let path = write_fixture(dir.path());
    let mut edited = open(&path);
    edit(&mut edited);
    let origin = Origin::of_file(&path).unwrap();
    let entry = JournalEntry::from_sheet(&edited, origin.clone(), true).unwrap();
    assert!(matches!(entry.replay, Replay::Edits(_)));
    Journal::write(&journals, &entry).unwrap();

    let pending = Journal::pending(&journals);
    assert_eq!(pending.len(), 1);
    let found = Journal::find(&journals, &origin).expect("journal for the file");
    assert_eq!(found.entry, entry);
    assert!(
        !found
            .entry
            .origin
            .differs_from(&Origin::of_file(&path).unwrap())
    );

    let mut fresh = open(&path);
    let before = cells(&fresh);
    let preview = found.entry.apply_to(&mut fresh).unwrap();
    assert_eq!(cells(&fresh), cells(&edited));
    assert_eq!(fresh.issues(), edited.issues());
    assert!(fresh.is_dirty());
    // One row typed in, one added by the paste running past the end; one deleted.
    assert_eq!((preview.rows_inserted, preview.rows_deleted), (2, 1));
    assert!(
        preview
            .changes
            .iter()
            .any(|c| c.new == "bob@example.com" && c.old == "bob＠example.com"),
        "{preview:?}"
    );
    // One undo takes the whole restore back.
    assert!(fresh.undo());
    assert!(!fresh.can_undo());
    assert_eq!(cells(&fresh), before);
}

#[test]
fn a_clean_sheet_has_nothing_to_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path());
    let mut s = open(&path);
    let origin = Origin::of_file(&path).unwrap();
    assert!(JournalEntry::from_sheet(&s, origin.clone(), true).is_none());
    s.set_cell(0, 1, "A");
    s.undo();
    assert!(JournalEntry::from_sheet(&s, origin, true).is_none());
}

#[test]
fn edits_since_a_save_that_was_undone_past_restore_onto_the_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path());
    let mut s = open(&path);
    s.set_cell(0, 1, "First");
    s.set_cell(1, 1, "Second");
    // Save: the file now holds both edits.
    let bytes = bulksheet::io::encode_rows(
        s.doc(),
        0..s.doc().rows(),
        &bulksheet::io::WriteOptions::like(s.doc()),
    )
    .unwrap();
    std::fs::write(&path, bytes).unwrap();
    s.mark_saved();
    s.undo();
    s.undo();
    assert_eq!(s.edits_since_save().unwrap().len(), 2);
    let entry = JournalEntry::from_sheet(&s, Origin::of_file(&path).unwrap(), true).unwrap();
    let mut fresh = open(&path);
    assert_eq!(fresh.cell(0, 1), "First");
    entry.apply_to(&mut fresh).unwrap();
    assert_eq!(cells(&fresh), cells(&s));
}

#[test]
fn an_unreachable_saved_state_journals_the_whole_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path());
    let mut s = open(&path);
    s.set_cell(0, 1, "Saved");
    s.mark_saved();
    s.undo();
    s.set_cell(2, 1, "Other"); // clears the redo list holding the saved state
    assert!(s.edits_since_save().is_none());
    let entry = JournalEntry::from_sheet(&s, Origin::of_file(&path).unwrap(), true).unwrap();
    assert!(matches!(entry.replay, Replay::Rows(_)));
    let mut fresh = open(&path);
    let preview = entry.apply_to(&mut fresh).unwrap();
    assert_eq!(cells(&fresh), cells(&s));
    assert_eq!(preview.changes.len(), 1);
    assert_eq!(preview.changes[0].new, "Other");
}

#[test]
fn a_journal_for_a_file_changed_on_disk_is_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path());
    let mut s = open(&path);
    s.set_cell(1, 0, "bob@example.com");
    let entry = JournalEntry::from_sheet(&s, Origin::of_file(&path).unwrap(), true).unwrap();
    // Someone else fixes the same cell differently and saves.
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("bob＠example.com", "robert@example.com");
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&path, text).unwrap();
    assert!(entry.origin.differs_from(&Origin::of_file(&path).unwrap()));
    let mut fresh = open(&path);
    let err = entry.apply_to(&mut fresh).unwrap_err();
    assert_eq!(err, RestoreError::DoesNotApply { step: 1 });
    assert_eq!(fresh.cell(1, 0), "robert@example.com", "nothing applied");
    assert!(!fresh.can_undo());
}

#[test]
fn a_file_with_other_columns_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path());
    let mut s = open(&path);
    s.set_cell(0, 1, "A2");
    let entry = JournalEntry::from_sheet(&s, Origin::of_file(&path).unwrap(), true).unwrap();
    std::fs::write(&path, "Login ID,User name\r\na@example.com,A\r\n").unwrap();
    let doc = read_path(&path, None).unwrap();
    let other = Sheet::new(
        doc,
        builtin("miitel-update-users").unwrap(),
        Subscriptions::none(),
    );
    assert_eq!(
        entry.preview(&other).unwrap_err(),
        RestoreError::HeaderChanged
    );
}

#[test]
fn journals_are_keyed_per_file_and_can_be_set_aside_or_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let journals = dir.path().join("recovery");
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let (pa, pb) = (write_fixture(&a), write_fixture(&b));
    let (oa, ob) = (Origin::of_file(&pa).unwrap(), Origin::of_file(&pb).unwrap());
    assert_ne!(oa.key(), ob.key(), "same name, different folders");
    let sample = Origin::of_bytes("sample.csv", b"x");
    assert_ne!(sample.key(), oa.key());

    let mut s = open(&pa);
    s.set_cell(0, 1, "A2");
    Journal::write(
        &journals,
        &JournalEntry::from_sheet(&s, oa.clone(), true).unwrap(),
    )
    .unwrap();
    std::fs::write(journals.join("garbage.json"), b"{not json").unwrap();
    assert_eq!(Journal::pending(&journals).len(), 1, "garbage skipped");
    assert!(Journal::find(&journals, &ob).is_none());

    let stored = Journal::find(&journals, &oa).unwrap();
    let moved = Journal::set_aside(&stored).unwrap();
    assert!(!Journal::path(&journals, &oa).exists());
    let again = Journal::find(&journals, &oa).expect("set aside, still pending");
    assert_eq!(again.file, moved);
    Journal::discard(&again.file).unwrap();
    assert!(Journal::find(&journals, &oa).is_none());
    Journal::discard(&again.file).unwrap(); // already gone: fine
}

const CHILD_ENV: &str = "BULKSHEET_TEST_JOURNAL_THEN_HANG";

/// Run by `a_process_killed_after_journaling_leaves_a_journal_the_next_start_finds` in a
/// child process: edits, journals, then hangs until killed (no clean shutdown).
#[test]
fn journal_then_hang_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return; // Only meaningful as the child of the test below.
    };
    let (file, journals) = spec.split_once('\n').unwrap();
    let path = PathBuf::from(file);
    let mut s = open(&path);
    s.set_cell(1, 0, "bob@example.com");
    s.insert_rows(4, vec![vec!["eve@example.com".to_string(); 14]]);
    let entry = JournalEntry::from_sheet(&s, Origin::of_file(&path).unwrap(), true).unwrap();
    Journal::write(Path::new(journals), &entry).unwrap();
    std::thread::sleep(Duration::from_secs(120));
    panic!("the parent should have killed this process");
}

#[test]
fn a_process_killed_after_journaling_leaves_a_journal_the_next_start_finds() {
    let dir = tempfile::tempdir().unwrap();
    let journals = dir.path().join("recovery");
    let path = write_fixture(dir.path());
    let mut child = crate::spawn_test_child(
        module_path!(),
        "journal_then_hang_child",
        CHILD_ENV,
        format!("{}\n{}", path.display(), journals.display()),
    );
    let origin = Origin::of_file(&path).unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while !Journal::path(&journals, &origin).exists() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("child exited early: {status}");
        }
        assert!(Instant::now() < deadline, "child never journaled");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success());

    let found = Journal::find(&journals, &origin).expect("journal survives the kill");
    let mut fresh = open(&path);
    let preview = found.entry.apply_to(&mut fresh).unwrap();
    assert_eq!(fresh.cell(1, 0), "bob@example.com");
    assert_eq!(fresh.cell(4, 0), "eve@example.com");
    assert_eq!(preview.rows_inserted, 1);
    assert!(matches!(
        fresh.history().last().map(|e| &**e),
        Some(Edit::Batch(_))
    ));
}

/// A workbook's sheets each get a journal of their own; a text file's journal keeps the
/// name it always had, and a journal written before sheets were told apart still reads.
#[test]
fn each_sheet_of_a_workbook_has_its_own_journal_and_text_files_keep_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path());
    let file = Origin::of_file(&path).unwrap();
    let a = file.clone().in_sheet(Some("A".into()));
    let b = file.clone().in_sheet(Some("B".into()));
    assert_eq!(file.clone().in_sheet(None).key(), file.key());
    assert_ne!(a.key(), file.key());
    assert_ne!(a.key(), b.key());
    let json = serde_json::to_value(&file).unwrap();
    assert!(
        json.get("sheet").is_none(),
        "a text file's origin is as before"
    );
    let back: Origin = serde_json::from_value(json).unwrap();
    assert_eq!(back, file);
}

/// A save to other files (parts) makes the sheet clean but leaves its own file: the steps
/// to replay onto that file still start at the opening, and a new step after an undo past
/// that state makes it unreachable.
#[test]
fn a_save_apart_keeps_the_steps_since_the_files_own_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path());
    let mut s = open(&path);
    assert!(s.set_cell(0, 1, "Before"));
    s.mark_saved_apart();
    assert!(!s.is_dirty());
    assert!(s.set_cell(1, 1, "After"));
    assert_eq!(s.edits_since_save().unwrap().len(), 1);
    assert_eq!(s.edits_since_file().unwrap().len(), 2);
    let entry = JournalEntry::from_sheet(&s, Origin::of_file(&path).unwrap(), true).unwrap();
    let mut fresh = open(&path);
    entry.apply_to(&mut fresh).unwrap();
    assert_eq!(cells(&fresh), cells(&s));

    s.mark_saved();
    assert_eq!(
        s.edits_since_file().unwrap().len(),
        0,
        "a save to the file itself"
    );
    assert!(s.undo());
    assert!(s.set_cell(2, 1, "Other"));
    assert!(
        s.edits_since_file().is_none(),
        "the file's state was undone past"
    );
}

/// The window takes a pending entry on its frame and the writer's thread finishes it
/// later: a journal of every row holds the rows as they were when it was taken, whatever
/// is edited meanwhile.
#[test]
fn a_pending_journal_of_every_row_holds_the_rows_as_taken() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path());
    let mut s = open(&path);
    assert!(s.set_cell(0, 1, "Taken"));
    let taken = cells(&s);
    let pending = JournalEntry::pending(&s, Origin::of_file(&path).unwrap(), false).unwrap();
    assert!(s.set_cell(0, 1, "Later"));
    assert!(s.delete_rows(&[1]));
    let entry = pending.finish();
    assert_eq!(entry.replay, Replay::Rows(taken));
}
