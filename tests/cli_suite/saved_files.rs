//! Files `export` writes: a new file gets the mode any new file gets under the user's umask,
//! a file written over keeps its mode, and a save that fails says why in the `--lang`
//! language.

use crate::common::*;

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().mode() & 0o7777
}

/// `export` run under a umask (set in a shell, so only the child has it).
#[cfg(unix)]
fn export_under_umask(dir: &std::path::Path, umask: &str, output: &str) -> i32 {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask {umask} && exec \"$0\" export valid_lf.csv -o {output}"
        ))
        .arg(env!("CARGO_BIN_EXE_bulksheet"))
        .current_dir(dir)
        .env("LC_ALL", "C")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    code(&out)
}

#[cfg(unix)]
#[test]
fn a_new_file_gets_the_umask_mode_and_a_file_written_over_keeps_its_own() {
    use std::os::unix::fs::PermissionsExt;
    let d = dir_with(&["valid_lf.csv"]);
    let p = d.path();
    assert_eq!(export_under_umask(p, "022", "new-022.csv"), 0);
    assert_eq!(mode(&p.join("new-022.csv")), 0o644);
    assert_eq!(export_under_umask(p, "077", "new-077.csv"), 0);
    assert_eq!(mode(&p.join("new-077.csv")), 0o600);
    assert_eq!(export_under_umask(p, "002", "new-002.csv"), 0);
    assert_eq!(mode(&p.join("new-002.csv")), 0o664);
    let existing = p.join("existing.csv");
    std::fs::write(&existing, b"old\r\n").unwrap();
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(export_under_umask(p, "077", "existing.csv"), 0);
    assert_eq!(
        mode(&existing),
        0o640,
        "written over, the file keeps its mode"
    );
    assert_eq!(
        std::fs::read(&existing).unwrap(),
        std::fs::read(p.join("valid_lf.csv")).unwrap()
    );
}

#[test]
fn an_export_into_a_missing_folder_says_the_folder_is_not_there() {
    let d = dir_with(&["valid_lf.csv"]);
    let out = std::path::Path::new("gone").join("out.csv");
    let out = out.to_str().unwrap();
    let r = run(d.path(), &["export", "valid_lf.csv", "-o", out]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("the folder is not there"), "{}", r.stderr);
    let ja = run(
        d.path(),
        &["export", "valid_lf.csv", "-o", out, "--lang", "ja"],
    );
    assert_eq!(ja.code, 2, "{}", ja.stderr);
    assert!(
        ja.stderr.contains("フォルダーが見つかりません"),
        "{}",
        ja.stderr
    );
    assert!(!d.path().join("gone").exists());
}
