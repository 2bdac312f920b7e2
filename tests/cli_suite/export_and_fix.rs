//! What `export` and `fix` write: nothing while errors remain (warnings alone do not stop
//! it), the exact bytes otherwise (or the same text in another encoding, blank rows
//! dropped), clean numbered parts with `--split`, and each fix printed before the result
//! is written.

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

#[test]
fn export_of_a_clean_file_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    for (name, ..) in LAYOUT_SAMPLES {
        let out = dir.path().join(format!("out-{name}"));
        let o = run_bulksheet(
            dir.path(),
            &[
                "export",
                sample(name).to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{name}: {o:?}");
        let written = std::fs::read(&out).unwrap();
        assert!(
            written == std::fs::read(sample(name)).unwrap(),
            "{name}: export changed the bytes"
        );
    }
}

#[test]
fn export_refuses_while_errors_remain_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("users.csv");
    let rows = vec![
        plain_row(1),
        with(plain_row(2), "Extension number", "１２３"),
    ];
    std::fs::write(&input, csv(&rows)).unwrap();
    let o = run_bulksheet(dir.path(), &["export", "users.csv", "-o", "out.csv"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(!dir.path().join("out.csv").exists());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("users.csv:3: Extension number: error:"),
        "{err}"
    );
    // Warnings alone do not stop it.
    let rows = vec![plain_row(1), with(plain_row(2), "User name", " Taro")];
    std::fs::write(&input, csv(&rows)).unwrap();
    let o = run_bulksheet(dir.path(), &["export", "users.csv", "-o", "out.csv"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(dir.path().join("out.csv").exists());
}

#[test]
fn export_converts_encoding_and_keeps_the_cells() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample("utf8_lf.csv");
    let out = dir.path().join("sjis.csv");
    let o = run_bulksheet(
        dir.path(),
        &[
            "export",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--encoding",
            "shift_jis",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    // The UTF-8 LF fixture as Shift_JIS is the Shift_JIS LF fixture.
    assert!(std::fs::read(&out).unwrap() == std::fs::read(sample("sjis_lf.csv")).unwrap());
    let o = run_bulksheet(
        dir.path(),
        &[
            "export",
            out.to_str().unwrap(),
            "-o",
            "bom.csv",
            "--encoding",
            "utf-8-bom",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let bom = std::fs::read(dir.path().join("bom.csv")).unwrap();
    assert!(bom.starts_with(b"\xEF\xBB\xBFLogin ID,"));
    assert!(bom[3..] == std::fs::read(input).unwrap()[..]);
}

#[test]
fn export_drops_blank_rows() {
    let dir = tempfile::tempdir().unwrap();
    let blank = vec![String::new(); HEADERS.len()];
    let rows = vec![plain_row(1), blank.clone(), plain_row(2), blank];
    std::fs::write(dir.path().join("users.csv"), csv(&rows)).unwrap();
    let o = run_bulksheet(dir.path(), &["export", "users.csv", "-o", "out.csv"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let written = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    assert_eq!(written, csv(&[plain_row(1), plain_row(2)]));
}

#[test]
fn split_100_writes_a_valid_101_row_file_as_two_clean_parts() {
    let dir = tempfile::tempdir().unwrap();
    let text = csv(&valid_rows(101));
    std::fs::write(dir.path().join("users.csv"), &text).unwrap();
    let o = run_bulksheet(dir.path(), &["export", "users.csv", "-o", "part.csv"]);
    assert_eq!(o.status.code(), Some(1), "over the limit without --split");
    assert!(!dir.path().join("part.csv").exists());

    let o = run_bulksheet(
        dir.path(),
        &["export", "users.csv", "-o", "part.csv", "--split", "100"],
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(!dir.path().join("part.csv").exists());
    let header = format!("{}\r\n", line(&HEADERS));
    let mut seen = Vec::new();
    for (k, n) in [(1, 100), (2, 1)] {
        let bytes = std::fs::read(dir.path().join(format!("part-{k}.csv"))).unwrap();
        let part = String::from_utf8(bytes.clone()).unwrap();
        assert!(part.starts_with(&header), "part {k} has the header");
        let s = open(&bytes, &[]);
        assert_eq!(s.doc().rows(), n, "part {k}");
        assert_eq!(s.issues(), [], "part {k} is clean");
        for r in 0..n {
            seen.push(s.cell(r, 0).to_string());
        }
        let o = run_bulksheet(dir.path(), &["check", &format!("part-{k}.csv")]);
        assert_eq!(o.status.code(), Some(0), "part {k}: {o:?}");
    }
    let all: Vec<String> = (1..=101)
        .map(|i| format!("user{i}@example.co.jp"))
        .collect();
    assert_eq!(seen, all, "every row once, in order");
    assert!(!dir.path().join("part-3.csv").exists());
}
