//! A save that fails says why in words a user can act on, in English and Japanese, and
//! leaves the file as it was: open in another program (Windows' sharing and lock errors),
//! read-only file or folder, disk full, folder gone. Faults are injected where the system
//! cannot be made to fail here (a full disk; Windows codes; permissions when run as root).

use bulksheet::io::{WriteCause, WriteError, write_atomic, write_atomic_with};
use bulksheet::validate::Lang;
use std::io;
use std::path::Path;

const ORIGINAL: &[u8] = b"Login ID,User name\r\ntaro@example.com,Taro\r\n";

fn cause(err: &WriteError) -> WriteCause {
    match err {
        WriteError::Io { cause, .. } => *cause,
        other => panic!("not an I/O failure: {other:?}"),
    }
}

/// Nothing but the target in the folder: no temp file left behind.
fn only(dir: &Path, names: &[&str]) {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    assert_eq!(found, names);
}

fn running_as_root() -> bool {
    // SAFETY: geteuid only reads the process's user id.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn windows_error_codes_are_read_as_the_reasons_they_name() {
    let win = |code: i32, opening_file: bool| {
        WriteCause::of(&io::Error::from_raw_os_error(code), opening_file, true)
    };
    assert_eq!(win(32, true), WriteCause::InUse, "ERROR_SHARING_VIOLATION");
    assert_eq!(win(33, false), WriteCause::InUse, "ERROR_LOCK_VIOLATION");
    assert_eq!(
        win(5, true),
        WriteCause::ReadOnlyFile,
        "ERROR_ACCESS_DENIED"
    );
    assert_eq!(
        win(5, false),
        WriteCause::ReadOnlyFolder,
        "ERROR_ACCESS_DENIED"
    );
    assert_eq!(win(112, false), WriteCause::DiskFull, "ERROR_DISK_FULL");
    assert_eq!(
        win(39, false),
        WriteCause::DiskFull,
        "ERROR_HANDLE_DISK_FULL"
    );
    assert_eq!(win(3, false), WriteCause::PathGone, "ERROR_PATH_NOT_FOUND");
    assert_eq!(win(87, false), WriteCause::Other, "ERROR_INVALID_PARAMETER");
}

#[cfg(unix)]
#[test]
fn unix_error_codes_are_read_as_the_reasons_they_name() {
    let unix = |code: i32, opening_file: bool| {
        WriteCause::of(&io::Error::from_raw_os_error(code), opening_file, false)
    };
    assert_eq!(unix(libc::EACCES, true), WriteCause::ReadOnlyFile);
    assert_eq!(unix(libc::EPERM, true), WriteCause::ReadOnlyFile);
    assert_eq!(unix(libc::EACCES, false), WriteCause::ReadOnlyFolder);
    assert_eq!(unix(libc::EROFS, true), WriteCause::ReadOnlyFolder);
    assert_eq!(unix(libc::ENOSPC, false), WriteCause::DiskFull);
    assert_eq!(unix(libc::EDQUOT, false), WriteCause::DiskFull);
    assert_eq!(unix(libc::ENOENT, false), WriteCause::PathGone);
    assert_eq!(unix(libc::ENOTDIR, false), WriteCause::PathGone);
    assert_eq!(unix(libc::EIO, false), WriteCause::Other);
    // The numbers Windows uses for a file in use mean other things here.
    assert_eq!(unix(32, true), WriteCause::Other);
    assert_eq!(unix(33, true), WriteCause::Other);
}

#[test]
fn each_reason_has_advice_in_both_languages_and_keeps_the_system_words() {
    let causes = [
        (
            WriteCause::InUse,
            "close it in Excel (or that program) and save again",
            "閉じてから",
        ),
        (
            WriteCause::ReadOnlyFile,
            "the file is read-only",
            "読み取り専用",
        ),
        (
            WriteCause::ReadOnlyFolder,
            "the folder (or its drive) cannot be written to",
            "このフォルダー",
        ),
        (
            WriteCause::DiskFull,
            "the disk is full",
            "ディスクがいっぱい",
        ),
        (
            WriteCause::PathGone,
            "the folder is not there",
            "フォルダーが見つかりません",
        ),
    ];
    for (cause, en, ja) in causes {
        let err = WriteError::Io {
            path: "out/users.csv".into(),
            cause,
            source: io::Error::other("system words"),
        };
        let (e, j) = (err.message(Lang::En), err.message(Lang::Ja));
        assert_eq!(e, err.to_string());
        assert!(e.starts_with("out/users.csv: ") && e.contains(en), "{e}");
        assert!(e.ends_with("(system words)"), "{e}");
        assert!(
            j.starts_with("out/users.csv に書き込めません：") && j.contains(ja),
            "{j}"
        );
        assert!(j.contains("system words"), "{j}");
        assert!(!j.is_ascii(), "{j}");
    }
    let other = WriteError::Io {
        path: "users.csv".into(),
        cause: WriteCause::Other,
        source: io::Error::other("system words"),
    };
    assert_eq!(other.to_string(), "users.csv: system words");
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_named_and_the_original_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("users.csv");
    std::fs::write(&path, ORIGINAL).unwrap();
    let err = write_atomic_with(&path, b"new\r\n", |_| {
        Err(io::Error::from_raw_os_error(libc::ENOSPC))
    })
    .unwrap_err();
    assert_eq!(cause(&err), WriteCause::DiskFull);
    let text = err.message(Lang::En);
    assert!(
        text.contains("users.csv: the disk is full: free some space"),
        "{text}"
    );
    assert!(err.message(Lang::Ja).contains("ディスクがいっぱいです"));
    assert_eq!(std::fs::read(&path).unwrap(), ORIGINAL);
    only(dir.path(), &["users.csv"]);
}

#[test]
fn a_missing_folder_is_named_as_gone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone").join("users.csv");
    let err = write_atomic(&path, ORIGINAL).unwrap_err();
    assert_eq!(cause(&err), WriteCause::PathGone);
    assert!(err.to_string().contains("the folder is not there"), "{err}");
    only(dir.path(), &[]);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    if running_as_root() {
        eprintln!("skipped: root may write any file");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("users.csv");
    std::fs::write(&path, ORIGINAL).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let err = write_atomic(&path, b"new\r\n").unwrap_err();
    assert_eq!(cause(&err), WriteCause::ReadOnlyFile);
    assert!(err.to_string().contains("the file is read-only"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), ORIGINAL);
    only(dir.path(), &["users.csv"]);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_named() {
    use std::os::unix::fs::PermissionsExt;
    if running_as_root() {
        eprintln!("skipped: root may write into any folder");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("locked");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let err = write_atomic(&folder.join("users.csv"), ORIGINAL).unwrap_err();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(cause(&err), WriteCause::ReadOnlyFolder);
    assert!(err.to_string().contains("cannot be written to"), "{err}");
    only(&folder, &[]);
}
