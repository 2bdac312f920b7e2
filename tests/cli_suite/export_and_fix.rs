//! What `export` and `fix` write: nothing while errors remain, the exact bytes otherwise
//! (or the same text in another encoding, blank rows at the end dropped), numbered parts
//! with `--split`, and each fix printed before the result is written.

use crate::common::*;

#[test]
fn export_refuses_with_errors_and_writes_exact_bytes_otherwise() {
    let d = dir_with(&[
        "multiline_cell.csv",
        "valid_lf.csv",
        "valid_crlf_bom.csv",
        "valid_shift_jis.csv",
        "warning_only.csv",
    ]);
    let p = d.path();
    let r = run(p, &["export", "multiline_cell.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 1);
    assert!(!p.join("out.csv").exists());
    assert!(
        r.stderr.contains("multiline_cell.csv:4: Login ID: error"),
        "{}",
        r.stderr
    );
    for f in [
        "valid_lf.csv",
        "valid_crlf_bom.csv",
        "valid_shift_jis.csv",
        "warning_only.csv",
    ] {
        let out = format!("out-{f}");
        let r = run(p, &["export", f, "-o", &out]);
        assert_eq!(r.code, 0, "{f}: {}", r.stderr);
        assert_eq!(
            std::fs::read(p.join(&out)).unwrap(),
            std::fs::read(p.join(f)).unwrap(),
            "{f}"
        );
    }
    // Another encoding: the same text in Shift_JIS.
    let r = run(
        p,
        &[
            "export",
            "valid_lf.csv",
            "-o",
            "sjis.csv",
            "--encoding",
            "shift_jis",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let utf8 = std::fs::read_to_string(p.join("valid_lf.csv")).unwrap();
    let (want, _, _) = encoding_rs::SHIFT_JIS.encode(&utf8);
    assert_eq!(
        std::fs::read(p.join("sjis.csv")).unwrap(),
        want.into_owned()
    );
    // Blank rows at the end are dropped; nothing else changes.
    let clean = valid_csv(3);
    write(
        p,
        "trailing.csv",
        format!("{clean}{}\r\n{}\r\n", ",".repeat(23), ",".repeat(23)),
    );
    let r = run(p, &["export", "trailing.csv", "-o", "trimmed.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(p.join("trimmed.csv")).unwrap(),
        clean
    );
    // No temp files left behind.
    assert!(
        files_in(p).iter().all(|f| !f.ends_with(".tmp")),
        "{:?}",
        files_in(p)
    );
}

#[test]
fn export_split_writes_numbered_parts() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "users.csv", valid_csv(101));
    assert_eq!(run(d.path(), &["check", "users.csv"]).code, 1);
    let r = run(
        d.path(),
        &["export", "users.csv", "-o", "part.csv", "--split", "100"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        files_in(d.path()),
        ["part-1.csv", "part-2.csv", "users.csv"]
    );
    for (f, n) in [("part-1.csv", 100), ("part-2.csv", 1)] {
        let r = run(d.path(), &["check", f, "--format", "json"]);
        assert_eq!(r.code, 0, "{f}");
        assert_eq!(json(&r)["rows"], n, "{f}");
    }
    // A split larger than the limit does not settle it.
    let r = run(
        d.path(),
        &["export", "users.csv", "-o", "big.csv", "--split", "101"],
    );
    assert_eq!(r.code, 1);
    assert!(!d.path().join("big-1.csv").exists());
}

#[test]
fn fix_prints_each_change_and_writes_the_result() {
    let d = tempfile::tempdir().unwrap();
    let mut rows: Vec<Vec<String>> = (0..3).map(schema_row).collect();
    rows[0][LOCALE] = "English".into();
    rows[1][NAME] = " Hanako ".into();
    rows[2][EXT] = "１２３".into();
    write(d.path(), "in.csv", csv_of(&header(), &rows));
    let r = run(d.path(), &["fix", "in.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    for want in [
        "in.csv:2: Locale: fixed (label to code): \"English\" → \"1\"",
        "in.csv:3: User name: fixed (trim spaces): \" Hanako \" → \"Hanako\"",
        "in.csv:4: Extension number: fixed (full-width to half-width): \"１２３\" → \"123\"",
        "in.csv: 3 fixes applied",
    ] {
        assert!(
            r.stdout.lines().any(|l| l == want),
            "missing {want:?} in:\n{}",
            r.stdout
        );
    }
    rows[0][LOCALE] = "1".into();
    rows[1][NAME] = "Hanako".into();
    rows[2][EXT] = "123".into();
    assert_eq!(
        std::fs::read_to_string(d.path().join("out.csv")).unwrap(),
        csv_of(&header(), &rows)
    );
    assert_eq!(run(d.path(), &["check", "out.csv"]).code, 0);
}
