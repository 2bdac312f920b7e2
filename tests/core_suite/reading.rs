//! Reading: encodings, BOM, line endings and quoting are detected (or forced), the sample
//! files read clean, broken CSV becomes issues in place while the rest of the file loads,
//! and random bytes never panic the reader, the checker or the writer.

use crate::common::*;
use bulksheet::document::LineEnding;
use bulksheet::io::{WriteOptions, encode_rows, read_bytes, read_path};
use bulksheet::sample_data::to_shift_jis;
use bulksheet::schema::{Subscriptions, detect};
use bulksheet::{Code, Sheet, TextEncoding};

#[test]
fn encodings_and_line_endings_are_detected() {
    let cases: Vec<(Vec<u8>, TextEncoding, LineEnding)> = vec![
        (
            japanese_csv("\r\n").into_bytes(),
            TextEncoding::Utf8,
            LineEnding::Crlf,
        ),
        (
            japanese_csv("\n").into_bytes(),
            TextEncoding::Utf8,
            LineEnding::Lf,
        ),
        (
            bom(&japanese_csv("\r\n")),
            TextEncoding::Utf8Bom,
            LineEnding::Crlf,
        ),
        (
            bom(&japanese_csv("\n")),
            TextEncoding::Utf8Bom,
            LineEnding::Lf,
        ),
        (
            sjis(&japanese_csv("\r\n")),
            TextEncoding::ShiftJis,
            LineEnding::Crlf,
        ),
        (
            sjis(&japanese_csv("\n")),
            TextEncoding::ShiftJis,
            LineEnding::Lf,
        ),
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
        let doc = read_path(&sample(name), None).unwrap();
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
    let s = open(&sample_bytes("ragged.csv"), &[]);
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
    let mut rows: Vec<Vec<String>> = (0..3).map(schema_row).collect();
    rows[0].push("extra".into());
    let s = open(csv_of(&header(), &rows).as_bytes(), &[]);
    assert_eq!(places(&s), [(1, None, Code::FieldCount)]);
    assert!(s.issues()[0].message.contains("25 fields"));
}

#[test]
fn a_stray_quote_is_a_quote_issue_on_its_cell() {
    let s = open(&sample_bytes("stray_quote.csv"), &[]);
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

#[test]
fn fixtures_are_detected_and_read_clean() {
    for (name, enc, eol, quote_all, final_newline) in LAYOUT_SAMPLES {
        let doc = read_path(&sample(name), None).unwrap();
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
fn forced_encoding_overrides_detection() {
    let bytes = std::fs::read(sample("sjis_crlf.csv")).unwrap();
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

/// Bytes biased towards what breaks CSV readers: separators, quotes, line ends, BOMs,
/// lead bytes of multi-byte characters, and a real header now and then.
fn random_bytes(rng: &mut XorShift) -> Vec<u8> {
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
fn random_csv_like_bytes_never_panic_with_either_schema_or_an_edit() {
    for seed in [1u64, 7, 42, 1234, 99991] {
        let mut rng = XorShift(seed);
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

/// Arbitrary bytes, and a valid file with random bytes overwritten, inserted or cut.
#[test]
fn random_and_mangled_files_never_panic() {
    let valid = csv(&valid_rows(5)).into_bytes();
    let sjis = std::fs::read(sample("sjis_crlf.csv")).unwrap();
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
            let s = sheet_of(doc, &[]);
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
