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
