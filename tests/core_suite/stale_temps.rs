//! Temp files a killed save left behind are removed by the next save into their folder,
//! unless a process still holds them locked (a save running in another window or process).

use bulksheet::io::{STALE_AFTER, remove_stale_temps, write_atomic, write_atomic_with};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

const CHILD_ENV: &str = "BULKSHEET_TEST_LOCKED_SAVE";

fn backdate(path: &Path) {
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
}

fn temps(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".bulksheet-")
        })
        .collect()
}

#[test]
fn a_leftover_temp_no_one_holds_is_removed_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let leftover = dir.path().join(".bulksheet-Dead01.tmp");
    std::fs::write(&leftover, vec![b'x'; 4096]).unwrap();
    backdate(&leftover);
    write_atomic(&dir.path().join("users.csv"), b"a,b\r\n").unwrap();
    assert!(!leftover.exists(), "the leftover of a killed save stays");
    assert_eq!(temps(dir.path()), Vec::<PathBuf>::new());
}

#[test]
fn a_temp_locked_by_another_handle_is_kept_until_released() {
    let dir = tempfile::tempdir().unwrap();
    let busy = dir.path().join(".bulksheet-Busy01.tmp");
    std::fs::write(&busy, b"x").unwrap();
    backdate(&busy);
    let holder = File::options().read(true).write(true).open(&busy).unwrap();
    holder.lock().unwrap();
    assert_eq!(
        remove_stale_temps(dir.path(), STALE_AFTER),
        Vec::<PathBuf>::new()
    );
    write_atomic(&dir.path().join("users.csv"), b"a,b\r\n").unwrap();
    assert!(
        busy.exists(),
        "a temp file a running save holds was removed"
    );
    drop(holder);
    write_atomic(&dir.path().join("users.csv"), b"a,b\r\n").unwrap();
    assert!(!busy.exists(), "released, it is a leftover like any other");
}

/// Run by the test below in a child process: saves into the folder and hangs before the
/// rename, holding its temp file, until it is killed.
#[test]
fn locked_save_child() {
    let Ok(target) = std::env::var(CHILD_ENV) else {
        return; // Only meaningful as the child of the test below.
    };
    let _ = write_atomic_with(Path::new(&target), b"child,bytes\r\n", |_| {
        std::thread::sleep(Duration::from_secs(120));
        Ok(())
    });
    panic!("the parent should have killed this process before the rename");
}

#[test]
fn a_running_save_keeps_its_temp_file_and_a_killed_one_loses_it() {
    let dir = tempfile::tempdir().unwrap();
    let theirs = dir.path().join("theirs.csv");
    let mut child =
        crate::spawn_test_child(module_path!(), "locked_save_child", CHILD_ENV, &theirs);
    let deadline = Instant::now() + Duration::from_secs(120);
    let temp = loop {
        let full = temps(dir.path())
            .into_iter()
            .find(|p| std::fs::metadata(p).is_ok_and(|m| m.len() == 13));
        if let Some(t) = full {
            break t;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("child exited early: {status}");
        }
        assert!(Instant::now() < deadline, "child never wrote its temp file");
        std::thread::sleep(Duration::from_millis(20));
    };
    // Old enough to be a leftover by its age: only the child's lock keeps it.
    backdate(&temp);
    write_atomic(&dir.path().join("ours.csv"), b"a,b\r\n").unwrap();
    assert!(temp.exists(), "the running save's temp file was removed");
    child.kill().unwrap();
    let _ = child.wait().unwrap();
    write_atomic(&dir.path().join("ours.csv"), b"a,b\r\n").unwrap();
    assert!(!temp.exists(), "the killed save's temp file stays");
    assert!(!theirs.exists());
}
