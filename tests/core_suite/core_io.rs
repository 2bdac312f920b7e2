//! Bytes in and out: encoding and line-ending detection, broken CSV named by place, random
//! bytes that must not panic, byte-identical round trips, and the refusals of export.

use crate::core_support::*;
use bulksheet::cli::{Cli, Command};
use bulksheet::document::LineEnding;
use bulksheet::io::{WriteError, WriteOptions, encode_rows, read_bytes, read_path};
use bulksheet::schema::{Subscriptions, detect};
use bulksheet::{Code, Sheet, TextEncoding};
use clap::Parser;
use std::path::Path;

const CORE: &str = "tests/data/core";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(CORE).join(name)).unwrap()
}

/// Rows with Japanese names, a leading-zero extension and a quoted comma.
fn japanese_rows() -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = (0..4).map(valid_row).collect();
    rows[0][NAME] = "山田 太郎".into();
    rows[1][NAME] = "ｽｽﾞｷ ハナコ".into();
    rows[2][NAME] = "Sato, Hanako".into();
    rows[3][EXT] = "0123".into();
    rows
}

fn text(nl: &str) -> String {
    csv_of(&header(), &japanese_rows()).replace("\r\n", nl)
}

fn sjis(s: &str) -> Vec<u8> {
    let (bytes, _, bad) = encoding_rs::SHIFT_JIS.encode(s);
    assert!(!bad);
    bytes.into_owned()
}

fn bom(s: &str) -> Vec<u8> {
    [b"\xEF\xBB\xBF".as_slice(), s.as_bytes()].concat()
}

#[test]
fn encodings_and_line_endings_are_detected() {
    let cases: Vec<(Vec<u8>, TextEncoding, LineEnding)> = vec![
        (
            text("\r\n").into_bytes(),
            TextEncoding::Utf8,
            LineEnding::Crlf,
        ),
        (text("\n").into_bytes(), TextEncoding::Utf8, LineEnding::Lf),
        (bom(&text("\r\n")), TextEncoding::Utf8Bom, LineEnding::Crlf),
        (bom(&text("\n")), TextEncoding::Utf8Bom, LineEnding::Lf),
        (
            sjis(&text("\r\n")),
            TextEncoding::ShiftJis,
            LineEnding::Crlf,
        ),
        (sjis(&text("\n")), TextEncoding::ShiftJis, LineEnding::Lf),
    ];
    for (bytes, enc, nl) in cases {
        let doc = read_bytes(&bytes, None).unwrap();
        assert_eq!((doc.meta.encoding, doc.meta.line_ending), (enc, nl));
        assert_eq!(
            doc.header[0], "Login ID",
            "{enc}: the BOM is not part of the header"
        );
        assert_eq!(doc.cell(0, NAME), "山田 太郎", "{enc}");
        assert_eq!(doc.cell(1, NAME), "ｽｽﾞｷ ハナコ", "{enc}");
        assert_eq!(doc.cell(2, NAME), "Sato, Hanako", "{enc}");
        assert_eq!(doc.cell(3, EXT), "0123", "{enc}");
        assert_clean(&sheet_of(doc, &[]));
    }
}

#[test]
fn the_fixtures_read_in_their_encodings() {
    for (name, enc, nl) in [
        ("valid_lf.csv", TextEncoding::Utf8, LineEnding::Lf),
        (
            "valid_crlf_bom.csv",
            TextEncoding::Utf8Bom,
            LineEnding::Crlf,
        ),
        (
            "valid_shift_jis.csv",
            TextEncoding::ShiftJis,
            LineEnding::Crlf,
        ),
    ] {
        let doc = read_path(&Path::new(CORE).join(name), None).unwrap();
        assert_eq!(
            (doc.meta.encoding, doc.meta.line_ending),
            (enc, nl),
            "{name}"
        );
        assert_eq!(doc.cell(0, NAME), "山田 太郎", "{name}");
        assert_clean(&sheet_of(doc, &[]));
    }
}

#[test]
fn forcing_shift_jis_reads_a_shift_jis_file_that_looks_like_utf8() {
    // ASCII text reads the same in both; forcing decides the encoding it is written back in.
    let ascii = valid_csv(2);
    let doc = read_bytes(ascii.as_bytes(), Some(TextEncoding::ShiftJis)).unwrap();
    assert_eq!(doc.meta.encoding, TextEncoding::ShiftJis);
    let doc = read_bytes(ascii.as_bytes(), None).unwrap();
    assert_eq!(doc.meta.encoding, TextEncoding::Utf8);
}

#[test]
fn a_ragged_row_is_a_field_count_issue_on_its_row() {
    let s = open(&fixture("ragged.csv"), &[]);
    let issues = s.issues();
    assert_eq!(places(&s), [(2, None, Code::FieldCount)], "{issues:#?}");
    assert!(
        issues[0].message.contains("23 fields"),
        "{}",
        issues[0].message
    );
    assert!(issues[0].message.contains("24"), "{}", issues[0].message);
    // The other rows still loaded.
    assert_eq!(s.doc().rows(), 3);
    assert_eq!(s.cell(2, LOGIN), "user2@example.com");
    // Too many fields as well.
    let mut rows: Vec<Vec<String>> = (0..3).map(valid_row).collect();
    rows[0].push("extra".into());
    let s = open(csv_of(&header(), &rows).as_bytes(), &[]);
    assert_eq!(places(&s), [(1, None, Code::FieldCount)]);
    assert!(s.issues()[0].message.contains("25 fields"));
}

#[test]
fn a_stray_quote_is_a_quote_issue_on_its_cell() {
    let s = open(&fixture("stray_quote.csv"), &[]);
    let issues = s.issues();
    assert_eq!(
        places(&s),
        [(3, Some("User name".into()), Code::Quote)],
        "{issues:#?}"
    );
    assert_eq!(issues[0].col, Some(NAME));
    assert_eq!(s.doc().rows(), 3);
    // Retyping the cell settles it.
    let mut s = s;
    s.set_cell(2, NAME, "Sato Hanako");
    assert_clean(&s);
}

/// A tiny xorshift generator, so the random inputs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Bytes biased towards what breaks CSV readers: separators, quotes, line ends, BOMs,
/// lead bytes of multi-byte characters, and a real header now and then.
fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    const PIECES: &[&[u8]] = &[
        b",",
        b"\"",
        b"\r\n",
        b"\n",
        b"\r",
        b"\xEF\xBB\xBF",
        b"\x82",
        b"\xE3\x81",
        b"\xFF",
        b"\x81\x40",
        b"a",
        b"1",
        b"@",
        b" ",
        b"\"\"",
        b"=",
        "＠".as_bytes(),
        b"Login ID,User name",
    ];
    let len = (rng.next() % 400) as usize;
    let mut out = Vec::new();
    if rng.next().is_multiple_of(3) {
        out.extend_from_slice(line(&header()).as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    for _ in 0..len {
        if rng.next().is_multiple_of(4) {
            out.push((rng.next() % 256) as u8);
        } else {
            out.extend_from_slice(PIECES[(rng.next() % PIECES.len() as u64) as usize]);
        }
    }
    out
}

#[test]
fn random_bytes_never_panic() {
    for seed in [1u64, 7, 42, 1234, 99991] {
        let mut rng = Rng(seed);
        for _ in 0..100 {
            let bytes = random_bytes(&mut rng);
            for forced in [None, Some(TextEncoding::ShiftJis), Some(TextEncoding::Utf8)] {
                let Ok(doc) = read_bytes(&bytes, forced) else {
                    continue;
                };
                for schema in [miitel(), detect(&doc.header)] {
                    let mut s = Sheet::new(doc.clone(), schema, Subscriptions::none());
                    let issues = s.issues();
                    assert_eq!(
                        issues
                            .iter()
                            .filter(|i| i.severity == bulksheet::Severity::Error)
                            .count(),
                        s.errors()
                    );
                    let _ = encode_rows(s.doc(), 0..s.doc().rows(), &WriteOptions::like(s.doc()));
                    if s.doc().rows() > 0 && s.doc().width() > 0 {
                        s.set_cell(0, 0, "x@example.com");
                        s.undo();
                    }
                }
            }
        }
    }
}

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
        let t = text(nl);
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
        assert_round_trip(name, &fixture(name));
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

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
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
