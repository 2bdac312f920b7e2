//! Reading and writing: encodings, BOM, line endings and quoting are detected and kept, so
//! an untouched file is written back byte for byte; broken CSV becomes issues in place;
//! export refuses while errors remain and splits files over the upload limit.

use crate::common::*;
use bulksheet::document::LineEnding;
use bulksheet::io::{WriteError, WriteOptions, encode_rows, read_bytes, read_path};
use bulksheet::sample_data::to_shift_jis;
use bulksheet::{Code, Sheet, TextEncoding};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/rw")
        .join(name)
}

/// (file, encoding, line ending, every field quoted, final newline)
const FIXTURES: [(&str, TextEncoding, LineEnding, bool, bool); 6] = [
    (
        "utf8_lf.csv",
        TextEncoding::Utf8,
        LineEnding::Lf,
        false,
        true,
    ),
    (
        "utf8_crlf_no_final_newline.csv",
        TextEncoding::Utf8,
        LineEnding::Crlf,
        false,
        false,
    ),
    (
        "utf8_bom_crlf.csv",
        TextEncoding::Utf8Bom,
        LineEnding::Crlf,
        false,
        true,
    ),
    (
        "sjis_crlf.csv",
        TextEncoding::ShiftJis,
        LineEnding::Crlf,
        false,
        true,
    ),
    (
        "sjis_lf.csv",
        TextEncoding::ShiftJis,
        LineEnding::Lf,
        false,
        true,
    ),
    (
        "quote_all_crlf.csv",
        TextEncoding::Utf8,
        LineEnding::Crlf,
        true,
        true,
    ),
];

fn miitel_sheet(bytes: &[u8]) -> Sheet {
    let doc = read_bytes(bytes, None).unwrap();
    let schema = bulksheet::schema::builtin("miitel-update-users").unwrap();
    Sheet::new(doc, schema, Default::default())
}

#[test]
fn fixtures_are_detected_and_read_clean() {
    for (name, enc, eol, quote_all, final_newline) in FIXTURES {
        let doc = read_path(&fixture(name), None).unwrap();
        assert_eq!(doc.meta.encoding, enc, "{name}");
        assert_eq!(doc.meta.line_ending, eol, "{name}");
        assert_eq!(doc.meta.quote_all, quote_all, "{name}");
        assert_eq!(doc.meta.final_newline, final_newline, "{name}");
        // The BOM is the file's, not part of the first column name.
        assert_eq!(doc.header[0], "Login ID", "{name}");
        assert_eq!(doc.rows(), 4, "{name}");
        assert_eq!(doc.cell(0, 1), "佐藤 花子", "{name}");
        assert_eq!(doc.cell(0, 2), "0201", "{name}: leading zero kept");
        assert_eq!(doc.cell(2, 1), "Smith, John", "{name}");
        let schema = bulksheet::schema::builtin("miitel-update-users").unwrap();
        let s = Sheet::new(doc, schema, Default::default());
        assert_eq!(s.issues(), [], "{name}");
    }
}

#[test]
fn an_untouched_file_is_written_back_byte_identical() {
    for (name, ..) in FIXTURES {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let doc = read_bytes(&bytes, None).unwrap();
        let out = encode_rows(&doc, 0..doc.rows(), &WriteOptions::like(&doc)).unwrap();
        assert!(out == bytes, "{name}: written bytes differ");
    }
}

#[test]
fn export_of_a_clean_file_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    for (name, ..) in FIXTURES {
        let out = dir.path().join(format!("out-{name}"));
        let o = run_bulksheet(
            dir.path(),
            &[
                "export",
                fixture(name).to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{name}: {o:?}");
        let written = std::fs::read(&out).unwrap();
        assert!(
            written == std::fs::read(fixture(name)).unwrap(),
            "{name}: export changed the bytes"
        );
    }
}

#[test]
fn forced_encoding_overrides_detection() {
    let bytes = std::fs::read(fixture("sjis_crlf.csv")).unwrap();
    let doc = read_bytes(&bytes, Some(TextEncoding::ShiftJis)).unwrap();
    assert_eq!(doc.cell(0, 1), "佐藤 花子");
    // Read as UTF-8, the Japanese names are broken bytes, each named by row and column.
    let doc = read_bytes(&bytes, Some(TextEncoding::Utf8)).unwrap();
    let schema = bulksheet::schema::builtin("miitel-update-users").unwrap();
    let s = Sheet::new(doc, schema, Default::default());
    let broken: Vec<(usize, Option<String>)> = s
        .issues()
        .into_iter()
        .filter(|i| i.code == Code::Encoding)
        .map(|i| (i.row, i.column))
        .collect();
    let name = Some("User name".to_string());
    assert_eq!(
        broken,
        [(1, name.clone()), (2, name.clone()), (4, name.clone())]
    );
}

#[test]
fn shift_jis_with_its_own_characters_reads_back() {
    // Characters that exist only in Windows-31J (NEC and IBM extensions) and the wave dash.
    let text = csv(&[
        with(plain_row(1), "User name", "髙橋 ①"),
        with(plain_row(2), "User name", "～ 﨑"),
    ]);
    let bytes = to_shift_jis(&text);
    let doc = read_bytes(&bytes, None).unwrap();
    assert_eq!(doc.meta.encoding, TextEncoding::ShiftJis);
    assert_eq!(doc.cell(0, 1), "髙橋 ①");
    assert_eq!(doc.cell(1, 1), "～ 﨑");
    let out = encode_rows(&doc, 0..doc.rows(), &WriteOptions::like(&doc)).unwrap();
    assert!(out == bytes);
}

#[test]
fn a_ragged_row_is_a_field_count_issue_on_its_row_and_the_rest_loads() {
    let mut text = csv(&[plain_row(1)]);
    let short = plain_row(2)[..20].to_vec();
    let mut long = plain_row(3);
    long.push("extra".to_string());
    text.push_str(&format!("{}\r\n{}\r\n", line(&short), line(&long)));
    text.push_str(&format!("{}\r\n", line(&plain_row(4))));
    let s = sheet(&text);
    assert_eq!(s.doc().rows(), 4);
    assert_eq!(s.cell(3, 0), "user4@example.co.jp");
    let ragged: Vec<(usize, Option<String>, Code)> = places(&s)
        .into_iter()
        .filter(|p| p.2 == Code::FieldCount)
        .collect();
    assert_eq!(
        ragged,
        [(2, None, Code::FieldCount), (3, None, Code::FieldCount)]
    );
    let msgs: Vec<String> = s.issues().into_iter().map(|i| i.message).collect();
    assert!(msgs.iter().any(|m| m.contains("20 fields")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("25 fields")), "{msgs:?}");
}

#[test]
fn a_stray_quote_names_its_row_and_column() {
    let mut text = csv(&[plain_row(1)]);
    let mut bad = line(&plain_row(2));
    bad = bad.replacen("User 2", "Ta\"ro", 1);
    text.push_str(&format!("{bad}\r\n{}\r\n", line(&plain_row(3))));
    let s = sheet(&text);
    assert_eq!(s.doc().rows(), 3, "the rows after it still load");
    assert_eq!(s.cell(2, 0), "user3@example.co.jp");
    assert_eq!(
        places(&s),
        [(2, Some("User name".to_string()), Code::Quote)]
    );
}

#[test]
fn an_unclosed_quote_is_reported_and_does_not_panic() {
    let mut text = csv(&[plain_row(1)]);
    text.push_str("\"user2@example.co.jp,User 2,102\r\n");
    text.push_str(&line(&plain_row(3)));
    let s = sheet(&text);
    assert!(
        s.issues()
            .iter()
            .any(|i| i.code == Code::Quote && i.row == 2),
        "{:#?}",
        s.issues()
    );
}

/// Arbitrary bytes, and a valid file with random bytes overwritten, inserted or cut.
#[test]
fn random_bytes_never_panic() {
    let valid = csv(&valid_rows(5)).into_bytes();
    let sjis = std::fs::read(fixture("sjis_crlf.csv")).unwrap();
    let alphabet = b",\"\r\n\xEF\xBB\xBF\x82\xA0 a1@=";
    for seed in 0..3000u64 {
        let mut rng = Rng::new(seed);
        let bytes: Vec<u8> = match seed % 3 {
            0 => (0..rng.below(300)).map(|_| rng.next() as u8).collect(),
            1 => (0..rng.below(300)).map(|_| *rng.pick(alphabet)).collect(),
            _ => {
                let mut b = if seed % 2 == 0 {
                    valid.clone()
                } else {
                    sjis.clone()
                };
                for _ in 0..1 + rng.below(8) {
                    let at = rng.below(b.len() + 1);
                    match rng.below(3) {
                        0 if at < b.len() => b[at] = *rng.pick(alphabet),
                        1 => b.insert(at, rng.next() as u8),
                        _ => b.truncate(at.max(1)),
                    }
                }
                b
            }
        };
        for forced in [None, Some(TextEncoding::Utf8), Some(TextEncoding::ShiftJis)] {
            let Ok(doc) = read_bytes(&bytes, forced) else {
                continue;
            };
            let s = miitel_sheet_from(doc);
            let issues = s.issues();
            assert_eq!(
                issues
                    .iter()
                    .filter(|i| i.severity == bulksheet::Severity::Error)
                    .count(),
                s.errors(),
                "seed {seed}"
            );
            let doc = s.doc();
            let _ = encode_rows(doc, 0..doc.rows(), &WriteOptions::like(doc));
        }
    }
}

fn miitel_sheet_from(doc: bulksheet::Document) -> Sheet {
    let schema = bulksheet::schema::builtin("miitel-update-users").unwrap();
    Sheet::new(doc, schema, Default::default())
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
fn shift_jis_refuses_characters_it_cannot_carry_naming_row_and_column() {
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
fn export_converts_encoding_and_keeps_the_cells() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("utf8_lf.csv");
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
    assert!(std::fs::read(&out).unwrap() == std::fs::read(fixture("sjis_lf.csv")).unwrap());
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
        let s = miitel_sheet(&bytes);
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
