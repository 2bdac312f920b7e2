//! A body with no quote character is read without the csv parser: lines split at CR, LF
//! or CRLF, fields at commas. That must give the very document the csv parser gives: same
//! header, cells, ragged rows, extra fields, source lines, read problems and layout, in one
//! pass or in halves, in every encoding.

use bulksheet::TextEncoding;
use bulksheet::io::{read_bytes, read_bytes_by_csv_parser, read_bytes_in_halves};
use proptest::prelude::*;

fn assert_same_as_csv_parser(bytes: &[u8], forced: Option<TextEncoding>) {
    let reference = read_bytes_by_csv_parser(bytes, forced).map(|d| d.describe());
    for (way, got) in [
        ("one pass", read_bytes(bytes, forced).map(|d| d.describe())),
        (
            "halves",
            read_bytes_in_halves(bytes, forced).map(|d| d.describe()),
        ),
    ] {
        match (&reference, got) {
            (Ok(a), Ok(b)) => {
                assert_eq!(*a, b, "{way}, input {:?}", String::from_utf8_lossy(bytes))
            }
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            (a, b) => panic!("csv parser {a:?}, {way} {b:?}"),
        }
    }
}

#[test]
fn line_endings_blank_lines_and_ragged_rows() {
    let cases: [&[u8]; 8] = [
        b"a,b\r\n1,2\r\n\r\n3\r\n4,5,6",
        b"a,b\n1,2\n\n\n",
        b"a,b\r1,2\r3,4\r",
        b"a,b\r\r\n1,2\n\r\n",
        b"\xEF\xBB\xBFa,b\n1,2\n",
        b"\xEF\xBB\xBF\xEF\xBB\xBFa,b\n\xEF\xBB\xBF1,2\n",
        b"\n\r\na,b\n,\n",
        b"a",
    ];
    for bytes in cases {
        assert_same_as_csv_parser(bytes, None);
    }
    let d = read_bytes(b"a,b\r1,2\n\n3,4\r\n", None).unwrap();
    assert_eq!(d.rows(), 2);
    assert_eq!((d.cell(1, 0), d.table.source_line(1)), ("3", Some(3)));
}

#[test]
fn shift_jis_and_broken_bytes() {
    let text = "名前,メモ\r\n山田,ｶﾅ\r\n短い\r\n長い,a,b\r\n";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
    assert_same_as_csv_parser(&sjis, None);
    let mut broken = sjis.into_owned();
    broken.extend_from_slice(b"\x81,\xFF\r\n");
    assert_same_as_csv_parser(&broken, None);
    assert_same_as_csv_parser(&broken, Some(TextEncoding::Utf8));
    assert_same_as_csv_parser(b"a,b\n\xE3\x81,\xE3\x81\x82\n", None);
}

/// Bytes with no quote: separators, every line ending, UTF-8 and Shift_JIS fragments,
/// byte-order marks, bytes that are not text in either encoding.
fn quote_free_piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => proptest::sample::select(vec![
            &b","[..], b"\n", b"\r\n", b"\r", b"a", b"bc", b" ", b"0",
        ])
        .prop_map(<[u8]>::to_vec),
        1 => proptest::sample::select(vec!["山田", "ｱ", "①", "\u{feff}", "é"])
            .prop_map(|s| s.as_bytes().to_vec()),
        // Shift_JIS: あ, 山田 and 表 (second bytes in the ASCII range: R, c, backslash),
        // a lone first byte, bytes that are not text.
        1 => proptest::sample::select(vec![
            &[0x82u8, 0xA0][..], &[0x8E, 0x52, 0x93, 0x63], &[0x95, 0x5C],
            &[0x81], &[0xFF], &[0xE3, 0x81],
        ])
            .prop_map(<[u8]>::to_vec),
    ]
}

fn any_encoding() -> impl Strategy<Value = Option<TextEncoding>> {
    proptest::sample::select(vec![
        None,
        Some(TextEncoding::Utf8),
        Some(TextEncoding::ShiftJis),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_quote_free_bytes_read_as_the_csv_parser_reads_them(
        pieces in proptest::collection::vec(quote_free_piece(), 0..80),
        forced in any_encoding(),
    ) {
        let bytes = pieces.concat();
        assert_same_as_csv_parser(&bytes, forced);
    }
}

/// Shift_JIS lines are decoded many at a time, in chunks of tens of kilobytes that end
/// after a line feed: a body of many chunks, every line ending, blank lines, and a bad
/// byte that makes one chunk fall back to line by line, reads as the csv parser reads it.
#[test]
fn a_shift_jis_body_of_many_chunks_reads_as_the_csv_parser_reads_it() {
    let endings = ["\r\n", "\n", "\r", "\r\n\r\n", "\n\n"];
    let mut text = String::from("名前,メモ,番号\r\n");
    for i in 0..20_000 {
        let name = ["山田", "ｶﾅ", "表示", "a"][i % 4];
        text.push_str(&format!("{name}{i},メモ{},{i}", i % 7));
        text.push_str(endings[i % endings.len()]);
    }
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let mut bytes = sjis.into_owned();
    assert!(
        bytes.len() > 4 * (64 << 10),
        "several chunks: {}",
        bytes.len()
    );
    let d = read_bytes(&bytes, None).unwrap();
    assert_eq!(d.meta.encoding, TextEncoding::ShiftJis);
    assert_eq!((d.rows(), d.cell(19_999, 0)), (20_000, "a19999"));
    assert_same_as_csv_parser(&bytes, None);
    // A lone lead byte in the middle of the body, and one at its very end.
    let middle = bytes.len() / 2;
    let at = middle + bytes[middle..].iter().position(|&b| b == b',').unwrap();
    bytes.insert(at, 0x81);
    bytes.push(0x81);
    let d = read_bytes(&bytes, Some(TextEncoding::ShiftJis)).unwrap();
    assert!(d.has_read_problems());
    assert_same_as_csv_parser(&bytes, Some(TextEncoding::ShiftJis));
}
