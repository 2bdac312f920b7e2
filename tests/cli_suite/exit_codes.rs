//! Exit codes as a script relies on them: 0 without errors (warnings allowed), 1 with
//! errors, 2 when the file cannot be read or the usage is wrong (saying why, writing
//! nothing); random files never panic the binary.

use crate::common::*;

#[test]
fn exit_0_without_errors_even_with_warnings() {
    let dir = folder(csv(&[plain_row(1), with(plain_row(2), "User name", "=x")]).as_bytes());
    let o = run_bulksheet(dir.path(), &["check", "users.csv"]);
    assert_eq!(code(&o), 0, "{o:?}");
    assert!(stdout(&o).contains("users.csv:3: User name: warning:"));
}

#[test]
fn exit_1_with_errors() {
    let dir = folder(some_problems().as_bytes());
    assert_eq!(code(&run_bulksheet(dir.path(), &["check", "users.csv"])), 1);
    assert_eq!(
        code(&run_bulksheet(
            dir.path(),
            &["check", "users.csv", "--format", "json"]
        )),
        1
    );
}

#[test]
fn exit_2_when_the_file_cannot_be_read_or_the_usage_is_wrong() {
    let dir = folder(csv(&[plain_row(1)]).as_bytes());
    let cases: [&[&str]; 10] = [
        &["check", "missing.csv"],
        &["check", "."],
        &["check"],
        &["check", "users.csv", "--subscriptions", "telepathy"],
        &["check", "users.csv", "--subscriptions", "meetings,nope"],
        &["check", "users.csv", "--encoding", "latin1"],
        &["check", "users.csv", "--format", "xml"],
        &["check", "users.csv", "--schema", "no-such-schema"],
        &["check", "users.csv", "--frobnicate"],
        &["export", "users.csv"],
    ];
    for args in cases {
        let o = run_bulksheet(dir.path(), args);
        assert_eq!(code(&o), 2, "{args:?}: {o:?}");
        assert!(!o.stderr.is_empty(), "{args:?} says why");
    }
    let o = run_bulksheet(dir.path(), &["check", "missing.csv"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.csv"));
    let o = run_bulksheet(
        dir.path(),
        &["check", "users.csv", "--subscriptions", "telepathy"],
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("telepathy"));
}

#[test]
fn unreadable_file_is_exit_2() {
    let dir = folder(b"");
    let path = dir.path().join("users.csv");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything; only assert when the file is really unreadable.
    if std::fs::read(&path).is_err() {
        assert_eq!(code(&run_bulksheet(dir.path(), &["check", "users.csv"])), 2);
    }
}

#[test]
fn exit_codes() {
    let d = dir_with(&["valid_lf.csv", "warning_only.csv", "multiline_cell.csv"]);
    let p = d.path();
    assert_eq!(run(p, &["check", "valid_lf.csv"]).code, 0);
    assert_eq!(run(p, &["check", "warning_only.csv"]).code, 0);
    assert_eq!(run(p, &["check", "multiline_cell.csv"]).code, 1);
    let missing = run(p, &["check", "nope.csv"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.csv"), "{}", missing.stderr);
    std::fs::create_dir(p.join("folder")).unwrap();
    let folder = run(p, &["check", "folder"]);
    assert_eq!(folder.code, 2);
    assert!(folder.stderr.contains("folder"), "{}", folder.stderr);
    let schema = run(p, &["check", "valid_lf.csv", "--schema", "no-such-schema"]);
    assert_eq!(schema.code, 2);
    assert!(
        schema.stderr.contains("no-such-schema"),
        "{}",
        schema.stderr
    );
    let sub = run(
        p,
        &["check", "valid_lf.csv", "--subscriptions", "meetings,phone"],
    );
    assert_eq!(sub.code, 2);
    assert!(sub.stderr.contains("'phone'"), "{}", sub.stderr);
    for bad in [
        &["check", "valid_lf.csv", "--format", "xml"][..],
        &["check", "valid_lf.csv", "--no-such-flag"],
        &["check", "valid_lf.csv", "--encoding", "latin-1"],
        &["check"],
        &["export", "valid_lf.csv"],
        &["export", "valid_lf.csv", "-o", "x.csv", "--split", "0"],
    ] {
        assert_eq!(run(p, bad).code, 2, "{bad:?}");
    }
    // Nothing was written by any of these.
    assert!(!p.join("x.csv").exists());
}

#[test]
fn random_files_never_panic_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    for seed in 0..40u64 {
        let mut rng = Rng::new(seed);
        let bytes: Vec<u8> = (0..rng.below(400)).map(|_| rng.next() as u8).collect();
        std::fs::write(dir.path().join("r.csv"), &bytes).unwrap();
        for format in ["text", "json"] {
            let o = run_bulksheet(dir.path(), &["check", "r.csv", "--format", format]);
            let c = code(&o);
            assert!((0..=2).contains(&c), "seed {seed}: {c}");
            if format == "json" && c != 2 {
                ordered_json(&o);
            }
        }
        let o = run_bulksheet(dir.path(), &["export", "r.csv", "-o", "out.csv"]);
        assert!((0..=2).contains(&code(&o)), "seed {seed}");
    }
}
