//! Writing: an untouched file, with errors or without, is written back byte for byte;
//! characters Shift_JIS cannot carry are refused by row and column; export, run in this
//! process, writes nothing while errors remain and splits a file over the upload limit
//! into clean parts. (What the binary's export writes is in the command-line tests.)

use crate::common::*;
use bulksheet::cli::{Cli, Command};
use bulksheet::io::{WriteError, WriteOptions, encode_rows, read_bytes};
use bulksheet::{Code, TextEncoding};
use clap::Parser;

fn assert_round_trip(label: &str, bytes: &[u8]) {
    let doc = read_bytes(bytes, None).unwrap();
    let out = encode_rows(&doc, 0..doc.rows(), &WriteOptions::like(&doc)).unwrap();
    assert!(
        out == bytes,
        "{label}: written bytes differ\n{:?}\n{:?}",
        String::from_utf8_lossy(bytes),
        String::from_utf8_lossy(&out)
    );
}

#[test]
fn an_untouched_file_is_written_back_byte_identical() {
    for nl in ["\r\n", "\n"] {
        let t = japanese_csv(nl);
        assert_round_trip(&format!("utf-8 {nl:?}"), t.as_bytes());
        assert_round_trip(&format!("utf-8-bom {nl:?}"), &bom(&t));
        assert_round_trip(&format!("shift_jis {nl:?}"), &sjis(&t));
        // Without a final line ending.
        let cut = t.trim_end_matches(nl);
        assert_round_trip(&format!("utf-8 no final {nl:?}"), cut.as_bytes());
        assert_round_trip(&format!("shift_jis no final {nl:?}"), &sjis(cut));
    }
    for name in [
        "valid_lf.csv",
        "valid_crlf_bom.csv",
        "valid_shift_jis.csv",
        "multiline_cell.csv",
        "ragged.csv",
    ] {
        assert_round_trip(name, &sample_bytes(name));
    }
}

#[test]
fn every_layout_sample_is_written_back_byte_identical() {
    for (name, ..) in LAYOUT_SAMPLES {
        let bytes = std::fs::read(sample(name)).unwrap();
        let doc = read_bytes(&bytes, None).unwrap();
        let out = encode_rows(&doc, 0..doc.rows(), &WriteOptions::like(&doc)).unwrap();
        assert!(out == bytes, "{name}: written bytes differ");
    }
}

#[test]
fn a_file_with_errors_is_also_written_back_unchanged() {
    let mut rows = japanese_rows();
    rows[0][LOGIN] = "taro＠example.com".into();
    rows[1][EXT] = "１２３".into();
    rows[2][LOCALE] = "English".into();
    let t = csv_of(&header(), &rows);
    assert_round_trip("utf-8 with errors", t.as_bytes());
    assert_round_trip("shift_jis with errors", &sjis(&t));
}

fn run_cli(args: &[&str]) -> i32 {
    let cli = Cli::try_parse_from(std::iter::once("bulksheet").chain(args.iter().copied()))
        .expect("valid arguments");
    let command: Command = cli.command.expect("a subcommand");
    bulksheet::cli::run(command)
}

#[test]
fn export_writes_nothing_while_errors_remain() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    let mut rows = japanese_rows();
    rows[1][EXT] = "12".into();
    std::fs::write(&input, csv_of(&header(), &rows)).unwrap();
    let out = dir.path().join("out.csv");
    let code = run_cli(&[
        "export",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(files_in(dir.path()), ["in.csv"]);
    // With --split too.
    let code = run_cli(&[
        "export",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--split",
        "2",
    ]);
    assert_eq!(code, 1);
    assert_eq!(files_in(dir.path()), ["in.csv"]);
    // An existing output is left as it was.
    std::fs::write(&out, b"old").unwrap();
    assert_eq!(
        run_cli(&[
            "export",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap()
        ]),
        1
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
}

#[test]
fn shift_jis_refuses_characters_it_cannot_carry_naming_row_and_column() {
    for (row, bad) in [(1usize, "Taro 😀"), (2, "𠮷田 花子")] {
        let mut rows = japanese_rows();
        rows[row][NAME] = bad.to_string();
        let doc = read_bytes(csv_of(&header(), &rows).as_bytes(), None).unwrap();
        let mut opts = WriteOptions::like(&doc);
        opts.encoding = TextEncoding::ShiftJis;
        match encode_rows(&doc, 0..doc.rows(), &opts) {
            Err(WriteError::Unencodable { row: r, column, ch }) => {
                assert_eq!(r, row + 1, "{bad}");
                assert_eq!(column, "User name");
                assert!(bad.contains(ch));
            }
            other => panic!("{bad}: expected a refusal, got {other:?}"),
        }
        // The check for a Shift_JIS target names the same cell.
        let mut s = sheet_of(doc, &[]);
        s.set_target_encoding(TextEncoding::ShiftJis);
        assert_eq!(
            places(&s),
            [(row + 1, Some("User name".into()), Code::Unencodable)]
        );
        // And export writes nothing.
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.csv");
        std::fs::write(&input, csv_of(&header(), &rows)).unwrap();
        let out = dir.path().join("out.csv");
        let code = run_cli(&[
            "export",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--encoding",
            "shift_jis",
        ]);
        assert_eq!(code, 1, "{bad}");
        assert_eq!(files_in(dir.path()), ["in.csv"]);
    }
}

#[test]
fn export_to_shift_jis_names_the_character_it_cannot_carry_and_writes_nothing() {
    let rows = vec![
        plain_row(1),
        with(plain_row(2), "User name", "Taro 😀"),
        plain_row(3),
    ];
    let text = csv(&rows);
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    let mut opts = WriteOptions::like(&doc);
    opts.encoding = TextEncoding::ShiftJis;
    match encode_rows(&doc, 0..doc.rows(), &opts) {
        Err(WriteError::Unencodable { row, column, ch }) => {
            assert_eq!((row, column.as_str(), ch), (2, "User name", '😀'));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("users.csv"), &text).unwrap();
    let o = run_bulksheet(
        dir.path(),
        &[
            "export",
            "users.csv",
            "-o",
            "out.csv",
            "--encoding",
            "shift_jis",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(!dir.path().join("out.csv").exists());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("users.csv:3: User name: error:"), "{err}");
    assert!(err.contains('😀'), "{err}");
    // The same file goes out as UTF-8.
    let o = run_bulksheet(dir.path(), &["export", "users.csv", "-o", "out.csv"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
}

#[test]
fn split_100_turns_a_valid_101_row_file_into_two_clean_parts() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("users.csv");
    let source = valid_csv(101);
    std::fs::write(&input, &source).unwrap();
    let out = dir.path().join("clean.csv");
    let code = run_cli(&[
        "export",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--split",
        "100",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        files_in(dir.path()),
        ["clean-1.csv", "clean-2.csv", "users.csv"]
    );
    let first_line = source.lines().next().unwrap();
    let mut all_rows = Vec::new();
    for (name, n) in [("clean-1.csv", 100), ("clean-2.csv", 1)] {
        let bytes = std::fs::read(dir.path().join(name)).unwrap();
        let t = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(
            t.lines().next(),
            Some(first_line),
            "{name} starts with the header"
        );
        let s = open(&bytes, &[]);
        assert_eq!(s.doc().rows(), n, "{name}");
        assert_clean(&s);
        all_rows.extend(t.lines().skip(1).map(str::to_string));
    }
    // Together the parts hold every row, in order, as they were.
    let want: Vec<String> = source.lines().skip(1).map(str::to_string).collect();
    assert_eq!(all_rows, want);
}
