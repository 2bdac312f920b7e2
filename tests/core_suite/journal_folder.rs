//! Where journals are kept: `recovery` in the app's data folder passed in by the window
//! (`$BULKSHEET_RECOVERY_DIR` first), and journals left where earlier versions kept them are
//! moved there rather than forgotten.

use bulksheet::journal::{DIR_ENV, Journal};
use std::path::PathBuf;

#[test]
fn journals_live_in_the_app_data_folder_unless_the_variable_says_otherwise() {
    let data = PathBuf::from("/data/bulksheet");
    let dir = Journal::default_dir(Some(&data));
    match std::env::var_os(DIR_ENV).filter(|v| !v.is_empty()) {
        Some(chosen) => assert_eq!(dir, Some(PathBuf::from(chosen))),
        None => {
            assert_eq!(dir, Some(data.join("recovery")));
            assert_eq!(Journal::default_dir(None), None);
        }
    }
}

#[test]
fn journals_of_the_earlier_folder_are_moved_in_and_none_is_overwritten() {
    let root = tempfile::tempdir().unwrap();
    let old = root.path().join("old");
    let new = root.path().join("data").join("recovery");
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(old.join("a.csv-0000000000000001.json"), b"old a").unwrap();
    std::fs::write(old.join("b.csv-0000000000000002.later-5.json"), b"old b").unwrap();
    std::fs::write(old.join("c.csv-0000000000000003.json"), b"old c").unwrap();
    std::fs::write(old.join("notes.txt"), b"not a journal").unwrap();
    std::fs::create_dir_all(&new).unwrap();
    std::fs::write(new.join("c.csv-0000000000000003.json"), b"new c").unwrap();

    let mut moved = Journal::adopt(&old, &new);
    moved.sort();
    assert_eq!(
        moved,
        vec![
            new.join("a.csv-0000000000000001.json"),
            new.join("b.csv-0000000000000002.later-5.json"),
        ]
    );
    assert_eq!(
        std::fs::read(new.join("a.csv-0000000000000001.json")).unwrap(),
        b"old a"
    );
    assert_eq!(
        std::fs::read(new.join("c.csv-0000000000000003.json")).unwrap(),
        b"new c"
    );
    assert!(
        old.join("c.csv-0000000000000003.json").exists(),
        "kept, not lost"
    );
    assert!(old.join("notes.txt").exists());
    assert!(!old.join("a.csv-0000000000000001.json").exists());
    // Same folder (or a missing one): nothing to do.
    assert_eq!(Journal::adopt(&new, &new), Vec::<PathBuf>::new());
    assert_eq!(
        Journal::adopt(&root.path().join("missing"), &new),
        Vec::<PathBuf>::new()
    );
}

/// Journals hold people's names and addresses: on Unix the folder is the user's alone
/// (`0700`) and so is every journal (`0600`), whatever the umask; a folder and journals an
/// earlier version left readable by others are narrowed.
#[cfg(unix)]
#[test]
fn journals_and_their_folder_are_readable_by_the_user_alone() {
    use bulksheet::journal::{JournalEntry, Origin};
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("recovery");
    let text = "Login ID\r\nalice@example.com\r\n";
    let mut sheet = bulksheet::Sheet::new(
        bulksheet::io::read_bytes(text.as_bytes(), None).unwrap(),
        bulksheet::schema::builtin("generic").unwrap(),
        Default::default(),
    );
    sheet.set_cell(0, 0, "bob@example.com");
    let origin = Origin::of_bytes("users.csv", text.as_bytes());
    let entry = JournalEntry::from_sheet(&sheet, origin, true).unwrap();
    let file = Journal::write(&dir, &entry).unwrap();
    assert_eq!((mode(&dir), mode(&file)), (0o700, 0o600));

    // What an earlier version left: a folder and a journal others could read.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let other = dir.join("notes.txt");
    std::fs::write(&other, b"not a journal").unwrap();
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o644)).unwrap();
    Journal::mend_modes(&dir);
    assert_eq!((mode(&dir), mode(&file)), (0o700, 0o600));
    assert_eq!(
        mode(&other),
        0o644,
        "only journals are the journal folder's to mend"
    );
    // Writing again over a wide journal narrows it too.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    Journal::write(&dir, &entry).unwrap();
    assert_eq!(mode(&file), 0o600);
}
