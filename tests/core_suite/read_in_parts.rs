//! Big files are read in parts of about 8 MB, which two threads take in turn, and the parts
//! are joined. The join must give the very document one pass gives: same header, cells,
//! ragged rows, extra fields, source lines, read problems and file layout, for any bytes
//! cut in two halves or in more parts, including a quoted cell that holds the line break
//! where the file is cut (then the file is read again in one pass).

use bulksheet::TextEncoding;
use bulksheet::io::{detect_encoding, read_bytes, read_bytes_in_halves, read_bytes_in_parts};
use proptest::prelude::*;

/// One pass, two halves and several parts give the same document, or the same error.
fn assert_same_every_way(bytes: &[u8], forced: Option<TextEncoding>) {
    let one = read_bytes(bytes, forced).map(|d| d.describe());
    for (way, parts) in [
        ("halves", read_bytes_in_halves(bytes, forced)),
        ("3 parts", read_bytes_in_parts(bytes, forced, 3)),
        ("7 parts", read_bytes_in_parts(bytes, forced, 7)),
    ] {
        match (&one, parts.map(|d| d.describe())) {
            (Ok(a), Ok(b)) => assert_eq!(*a, b, "{way}: {:?}", String::from_utf8_lossy(bytes)),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{way}"),
            (a, b) => panic!("one pass {a:?}, {way} {b:?}"),
        }
    }
}

/// A NUL byte is looked for while each part is read: the file is refused with the line
/// and byte of its first NUL wherever that falls (any part, before or after a quote,
/// after a byte-order mark, in UTF-8 or Shift_JIS), as a scan of the whole file names it.
#[test]
fn the_first_nul_byte_is_named_by_its_place_in_the_file_whichever_part_holds_it() {
    let mut text = String::from("Login ID,User name\r\n");
    for i in 0..40 {
        text.push_str(&format!("u{i}@example.com,山田 {i}\n"));
    }
    let plain = text.clone().into_bytes();
    let quoted = text.replace("u7@", "\"u7\"@").into_bytes();
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let bom = [b"\xEF\xBB\xBF".as_slice(), &plain].concat();
    for body in [plain, quoted, sjis.into_owned(), bom] {
        // (A NUL in the first two bytes is how UTF-16 is told: not here.)
        for at in [
            2,
            3,
            30,
            body.len() / 2 - 1,
            body.len() / 2 + 5,
            body.len() - 1,
        ] {
            let mut bytes = body.clone();
            // A second NUL near the end, which must not be the one named.
            bytes[at] = 0;
            bytes[body.len() - 2] = 0;
            let first = at.min(body.len() - 2);
            let line = 1 + bytes[..first].iter().filter(|&&b| b == b'\n').count();
            let want = format!("line {line}, byte {first}:");
            let parts = read_bytes_in_parts(&bytes, None, 5);
            for got in [
                read_bytes(&bytes, None),
                read_bytes_in_halves(&bytes, None),
                parts,
            ] {
                let err = got.err().map(|e| e.to_string()).unwrap_or_default();
                assert!(err.starts_with(&want), "{want} {err}");
            }
            assert_same_every_way(&bytes, None);
        }
    }
}

#[test]
fn a_plain_file_reads_the_same_in_halves() {
    let mut text = String::from("Login ID,User name,Extension\r\n");
    for i in 0..50 {
        text.push_str(&format!("u{i}@example.com,山田 {i},{}\r\n", 1000 + i));
    }
    assert_same_every_way(text.as_bytes(), None);
    let halves = read_bytes_in_halves(text.as_bytes(), None).unwrap();
    assert_eq!(halves.rows(), 50);
    assert_eq!(halves.cell(49, 1), "山田 49");
    assert_eq!(halves.table.source_line(49), Some(51));
}

#[test]
fn a_quoted_line_break_at_the_cut_is_read_in_one_pass() {
    // The middle of this file falls inside the long quoted cell.
    let mut text = String::from("a,b\n1,\"");
    text.push_str(&"x\n".repeat(40));
    text.push_str("\"\n2,3\n");
    assert_same_every_way(text.as_bytes(), None);
    let d = read_bytes_in_halves(text.as_bytes(), None).unwrap();
    assert_eq!(d.rows(), 2);
    assert_eq!(d.cell(1, 0), "2");
}

#[test]
fn shift_jis_ragged_rows_and_broken_bytes_read_the_same_in_halves() {
    let mut text = String::from("名前,メモ,内線\r\n");
    for i in 0..30 {
        match i % 5 {
            0 => text.push_str(&format!("山田{i},\"改\r\n行\",{i}\r\n")),
            1 => text.push_str(&format!("短い{i}\r\n")),
            2 => text.push_str(&format!("長い{i},a,b,c,d\r\n")),
            3 => text.push_str(&format!("ab\"c{i},x,y\r\n")),
            _ => text.push_str(",,\r\n"),
        }
    }
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    assert_same_every_way(&sjis, None);
    let mut broken = sjis.into_owned();
    let at = broken.len() * 3 / 4;
    broken[at] = 0x81;
    broken.insert(at + 1, 0xFF);
    assert_same_every_way(&broken, None);
    assert_same_every_way(&broken, Some(TextEncoding::Utf8));
}

#[test]
fn dictionary_columns_that_overflow_when_joined_become_text() {
    // 200 distinct codes in each half: each half keeps a dictionary, the two together
    // hold too many values for one.
    let mut text = String::from("code,flag\n");
    for i in 0..400 {
        text.push_str(&format!("c{i},{}\n", i % 2));
    }
    assert_same_every_way(text.as_bytes(), None);
}

#[test]
fn a_big_file_joins_its_columns_on_two_threads_the_same() {
    // 50,000 rows: past the row count from which the parts' columns are joined on two
    // threads. Text, dictionary and overflowing columns, ragged rows, Japanese names.
    let mut text = String::from("Login ID,name,flag,code,memo\r\n");
    for i in 0..50_000 {
        match i % 997 {
            5 => text.push_str(&format!("short{i}@example.com,山田 {i}\r\n")),
            6 => text.push_str(&format!(
                "u{i}@example.com,佐藤,1,c{},x,extra,more\r\n",
                i % 300
            )),
            _ => text.push_str(&format!(
                "u{i}@example.com,山田 {i},{},c{},{}\r\n",
                i % 2,
                i % 300,
                if i % 3 == 0 { "" } else { "メモ" }
            )),
        }
    }
    assert_same_every_way(text.as_bytes(), None);
    let d = read_bytes_in_halves(text.as_bytes(), None).unwrap();
    assert_eq!(d.rows(), 50_000);
    assert_eq!(d.cell(49_999, 1), "山田 49999");
    assert_eq!(d.cell(49_999, 3), format!("c{}", 49_999 % 300));
    assert_eq!(d.table.source_line(49_999), Some(50_001));
}

/// Bytes drawn from what breaks CSV readers: quotes, separators, every line ending, NUL-free
/// binary, UTF-8 and Shift_JIS fragments.
fn any_piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => proptest::sample::select(vec![
            &b","[..], b"\"", b"\n", b"\r\n", b"\r", b"a", b"bc", b" ", b"\"\"",
        ])
        .prop_map(<[u8]>::to_vec),
        1 => proptest::sample::select(vec!["山田", "ｱ", "①", "\u{feff}", "é"])
            .prop_map(|s| s.as_bytes().to_vec()),
        1 => proptest::sample::select(vec![&[0x82u8, 0xA0][..], &[0x81], &[0xFF], &[0xE3, 0x81]])
            .prop_map(<[u8]>::to_vec),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes_read_the_same_in_halves(pieces in proptest::collection::vec(any_piece(), 0..80)) {
        let bytes = pieces.concat();
        assert_same_every_way(&bytes, None);
    }

    /// Reading presumes Shift_JIS without counting its errors first and settles it after;
    /// the result must be the document read in the encoding detection names.
    #[test]
    fn reading_ends_in_the_encoding_detection_names(pieces in proptest::collection::vec(any_piece(), 0..80)) {
        let bytes = pieces.concat();
        let named = detect_encoding(&bytes, None).encoding;
        let read = read_bytes(&bytes, None).map(|d| d.describe()).map_err(|e| e.to_string());
        let forced = read_bytes(&bytes, Some(named))
            .map(|d| d.describe())
            .map_err(|e| e.to_string());
        prop_assert_eq!(read, forced);
    }
}

#[test]
fn presumed_shift_jis_that_breaks_more_than_utf8_is_read_as_utf8() {
    // One well-formed UTF-8 character and one bad byte: not mostly UTF-8, so reading
    // starts as Shift_JIS; as Shift_JIS it has two bad bytes, more than UTF-8's one.
    let bytes = "a,b\nあ,x\n"
        .bytes()
        .chain(*b"\xFF,y\n")
        .collect::<Vec<u8>>();
    assert_eq!(detect_encoding(&bytes, None).encoding, TextEncoding::Utf8);
    let d = read_bytes(&bytes, None).unwrap();
    assert_eq!(d.meta.encoding, TextEncoding::Utf8);
    assert_eq!(d.cell(0, 0), "あ");
    // And a clean Shift_JIS file stays Shift_JIS.
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("名前,メモ\n山田,あ\n");
    let d = read_bytes(&sjis, None).unwrap();
    assert_eq!(d.meta.encoding, TextEncoding::ShiftJis);
    assert_eq!(d.cell(0, 0), "山田");
}

#[test]
fn shift_jis_that_starts_with_pages_of_ascii_is_read_as_shift_jis() {
    // The first 64 KiB are ASCII, so reading starts as UTF-8; the Japanese rows further
    // down break it, and detection settles the file as Shift_JIS.
    let mut text = String::from("Name,Memo\n");
    let mut rows = 0;
    while text.len() < 80 << 10 {
        text.push_str(&format!("user{rows},plain\n"));
        rows += 1;
    }
    text.push_str("山田,メモ\n");
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    assert_eq!(
        detect_encoding(&sjis, None).encoding,
        TextEncoding::ShiftJis
    );
    let d = read_bytes(&sjis, None).unwrap();
    assert_eq!(d.meta.encoding, TextEncoding::ShiftJis);
    assert_eq!((d.cell(rows, 0), d.cell(rows, 1)), ("山田", "メモ"));
    assert!(!d.has_read_problems());
    // A UTF-8 file with one broken byte after its ASCII start stays UTF-8, the cell named.
    let mut bytes = text.replace("山田,メモ\n", "").into_bytes();
    bytes.extend_from_slice("山田,x\n".as_bytes());
    bytes.extend_from_slice(b"\xFF,y\n");
    assert_eq!(detect_encoding(&bytes, None).encoding, TextEncoding::Utf8);
    let d = read_bytes(&bytes, None).unwrap();
    assert_eq!(d.meta.encoding, TextEncoding::Utf8);
    assert_eq!(d.cell(rows, 0), "山田");
    assert!(d.read_problem(rows + 1, 0).is_some());
}

#[test]
fn a_second_byte_order_mark_before_a_quoted_header_reads_the_same_in_parts() {
    // Found by the property above: two marks, an empty quoted name, one row.
    assert_same_every_way(b"\xEF\xBB\xBF\xEF\xBB\xBF\"\"\r\na", None);
}
