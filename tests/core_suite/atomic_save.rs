//! Crash-safe saving: whatever happens between writing the temp file and renaming it over
//! the original (an error, a killed process), the original file is left byte-identical.

use bulksheet::io::{WriteError, write_atomic, write_atomic_with};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const ORIGINAL: &[u8] = b"Login ID,User name\r\ntaro@example.com,Taro\r\n";

/// Files in the folder other than the target: temp files left behind.
fn leftovers(dir: &Path, target: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != target)
        .collect()
}

fn big_content() -> Vec<u8> {
    let mut out = b"Login ID,User name\r\n".to_vec();
    let mut i = 0u64;
    while out.len() < 64 << 20 {
        out.extend_from_slice(format!("user{i}@example.com,User {i}\r\n").as_bytes());
        i += 1;
    }
    out
}

#[test]
fn a_fault_before_the_rename_leaves_the_original_and_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("users.csv");
    std::fs::write(&path, ORIGINAL).unwrap();
    let mut temp_seen = None;
    let result = write_atomic_with(&path, b"new,content\r\n", |tmp| {
        // The new bytes are complete on disk before the rename.
        assert_eq!(std::fs::read(tmp).unwrap(), b"new,content\r\n");
        temp_seen = Some(tmp.to_path_buf());
        Err(std::io::Error::other("disk unplugged"))
    });
    let err = result.unwrap_err();
    assert!(matches!(err, WriteError::Io { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("users.csv") && text.contains("disk unplugged"),
        "{text}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), ORIGINAL);
    let tmp = temp_seen.expect("before_rename was called");
    assert!(!tmp.exists(), "temp file {} left behind", tmp.display());
    assert_eq!(leftovers(dir.path(), &path), Vec::<PathBuf>::new());
}

#[test]
fn a_fault_on_a_new_file_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.csv");
    let result = write_atomic_with(&path, ORIGINAL, |_| Err(std::io::Error::other("boom")));
    assert!(result.is_err());
    assert!(!path.exists());
    assert_eq!(leftovers(dir.path(), &path), Vec::<PathBuf>::new());
}

#[test]
fn a_save_into_a_missing_folder_fails_by_name_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("users.csv");
    let err = write_atomic(&path, ORIGINAL).unwrap_err().to_string();
    assert!(err.contains("users.csv"), "{err}");
    assert_eq!(leftovers(dir.path(), &path), Vec::<PathBuf>::new());
}

#[test]
fn a_successful_save_replaces_the_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("users.csv");
    std::fs::write(&path, ORIGINAL).unwrap();
    write_atomic(&path, b"a,b\r\n").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"a,b\r\n");
    assert_eq!(leftovers(dir.path(), &path), Vec::<PathBuf>::new());
}

const CHILD_ENV: &str = "BULKSHEET_TEST_SLOW_SAVE";

/// Run by `a_process_killed_mid_save_leaves_the_original_intact` in a child process: saves a
/// big file over the target and then hangs before the rename until it is killed.
#[test]
fn slow_save_child() {
    let Ok(target) = std::env::var(CHILD_ENV) else {
        return; // Only meaningful as the child of the test below.
    };
    let bytes = big_content();
    let _ = write_atomic_with(Path::new(&target), &bytes, |_| {
        std::thread::sleep(Duration::from_secs(120));
        Ok(())
    });
    panic!("the parent should have killed this process before the rename");
}

#[test]
fn a_process_killed_mid_save_leaves_the_original_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("users.csv");
    std::fs::write(&path, ORIGINAL).unwrap();
    let expected = big_content().len() as u64;
    let mut child = crate::spawn_test_child(module_path!(), "slow_save_child", CHILD_ENV, &path);
    // Wait until the child's temp file holds every byte (it then sleeps before renaming).
    let deadline = Instant::now() + Duration::from_secs(120);
    let temp = loop {
        let full = leftovers(dir.path(), &path)
            .into_iter()
            .find(|p| std::fs::metadata(p).is_ok_and(|m| m.len() == expected));
        if let Some(t) = full {
            break t;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("child exited early: {status}");
        }
        assert!(Instant::now() < deadline, "child never wrote its temp file");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(
        temp.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(".bulksheet-")
    );
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success());
    assert_eq!(std::fs::read(&path).unwrap(), ORIGINAL, "original changed");
    // A kill leaves the temp file behind (no destructor runs); it never replaces the target.
    assert!(temp.exists());
}

#[test]
fn a_process_killed_while_writing_the_temp_file_leaves_the_original_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("users.csv");
    std::fs::write(&path, ORIGINAL).unwrap();
    let mut child = crate::spawn_test_child(module_path!(), "slow_save_child", CHILD_ENV, &path);
    // Kill as soon as the temp file appears, most likely while it is still being written.
    let deadline = Instant::now() + Duration::from_secs(120);
    while leftovers(dir.path(), &path).is_empty() {
        assert!(
            Instant::now() < deadline,
            "child never created its temp file"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap();
    let _ = child.wait().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), ORIGINAL, "original changed");
}

#[test]
fn stale_temp_files_of_a_killed_save_are_removed_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let old_temp = dir.path().join(".bulksheet-AbC123.tmp");
    let young_temp = dir.path().join(".bulksheet-XyZ789.tmp");
    let others = [
        dir.path().join("users.csv"),
        dir.path().join(".bulksheet-.tmp"),
        dir.path().join("bulksheet-AbC123.tmp"),
        dir.path().join(".bulksheet-AbC123.tmp.csv"),
    ];
    for p in others.iter().chain([&old_temp, &young_temp]) {
        std::fs::write(p, b"x").unwrap();
    }
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for p in others.iter().chain([&old_temp]) {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
    }
    let removed = bulksheet::io::remove_stale_temps(dir.path(), bulksheet::io::STALE_AFTER);
    assert_eq!(removed, vec![old_temp.clone()]);
    assert!(!old_temp.exists());
    assert!(
        young_temp.exists(),
        "a save may still own a young temp file"
    );
    for p in &others {
        assert!(p.exists(), "{} removed", p.display());
    }
}
