//! Rows the user did not change are written back as read: their byte codes (Windows-31J's
//! second codes for one character), their quoting, their line ends, blank lines, a missing
//! final line end, the header line. An untouched file comes back byte for byte however it
//! is read (one pass, in parts, by the csv parser); an edited row changes only its line;
//! another encoding gets the records re-encoded. The csv-spectrum cases are the floor.

use bulksheet::TextEncoding;
use bulksheet::document::Document;
use bulksheet::io::{
    WriteOptions, encode_rows, read_bytes, read_bytes_by_csv_parser, read_bytes_in_parts,
};
use proptest::prelude::*;
use std::path::Path;

fn write_like(doc: &Document) -> Vec<u8> {
    encode_rows(doc, 0..doc.rows(), &WriteOptions::like(doc)).unwrap()
}

fn records(doc: &Document) -> Vec<Vec<String>> {
    (0..doc.rows())
        .map(|r| {
            let n = doc.table.field_count(r).min(doc.width());
            (0..n)
                .map(|c| doc.cell(r, c).to_string())
                .chain(doc.table.extra_fields(r).iter().cloned())
                .collect()
        })
        .collect()
}

/// Read every way, each written back unchanged gives the very bytes.
fn assert_untouched_identical(bytes: &[u8], forced: Option<TextEncoding>) {
    let ways = [
        ("one pass", read_bytes(bytes, forced)),
        ("csv parser", read_bytes_by_csv_parser(bytes, forced)),
        ("3 parts", read_bytes_in_parts(bytes, forced, 3)),
        ("7 parts", read_bytes_in_parts(bytes, forced, 7)),
    ];
    for (way, doc) in ways {
        let Ok(doc) = doc else { continue };
        let back = write_like(&doc);
        assert_eq!(
            back.escape_ascii().to_string(),
            bytes.escape_ascii().to_string(),
            "{way}"
        );
    }
}

// Windows-31J codes that decode to a character the encoder writes with another code:
// 髙 EE E0 (FB FC), 﨑 ED 95 (FA B1), ≒ 87 90 (81 E0), Ⅰ FA 4A (87 54), ∵ FA 5B (81 E6).
const SECOND_CODES: [&[u8]; 5] = [
    b"\xEE\xE0",
    b"\xED\x95",
    b"\x87\x90",
    b"\xFA\x4A",
    b"\xFA\x5B",
];

#[test]
fn shift_jis_second_codes_come_back_as_read() {
    let mut bytes = b"name,memo\r\n".to_vec();
    for code in SECOND_CODES {
        bytes.extend_from_slice(b"\x8ER\x93c");
        bytes.extend_from_slice(code);
        bytes.extend_from_slice(b",x\r\n");
    }
    bytes.extend_from_slice(b"\x8ER\x93c,\xFB\xFC\r\n");
    let doc = read_bytes(&bytes, Some(TextEncoding::ShiftJis)).unwrap();
    assert_eq!(doc.cell(0, 0), "山田髙");
    assert_eq!(doc.cell(5, 1), "髙");
    assert_eq!(
        doc.kept().rows_kept(),
        5,
        "only rows with a second code keep bytes"
    );
    assert_untouched_identical(&bytes, Some(TextEncoding::ShiftJis));
    // Edit the row after the 髙 one: the others keep their codes.
    let mut edited = doc.clone();
    edited.set(1, 1, "y");
    let out = write_like(&edited);
    let lines: Vec<&[u8]> = out.split_inclusive(|&b| b == b'\n').collect();
    let orig: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    assert_eq!(lines.len(), orig.len());
    for (i, (a, b)) in lines.iter().zip(&orig).enumerate() {
        if i == 2 {
            // The edited row is written as the encoder writes it: 﨑 as FA B1.
            assert_eq!(*a, b"\x8ER\x93c\xFA\xB1,y\r\n");
        } else {
            assert_eq!(a, b, "line {i}");
        }
    }
    // To UTF-8 the records are re-encoded.
    let opts = WriteOptions {
        encoding: TextEncoding::Utf8,
        ..WriteOptions::like(&doc)
    };
    let utf8 = encode_rows(&doc, 0..doc.rows(), &opts).unwrap();
    let again = read_bytes(&utf8, None).unwrap();
    assert_eq!(records(&again), records(&doc));
    assert!(String::from_utf8(utf8).unwrap().contains("山田髙,x\r\n"));
}

/// The same rules in both encodings: quoting the writer would not write, mixed line
/// ends, blank lines, no final line end, a header quoted its own way.
#[test]
fn odd_quoting_and_line_ends_come_back_in_both_encodings() {
    let files: [&str; 8] = [
        "a,b,c\n1,\"\",\"\"\n2,3,4",
        "a,b,c\r\n1,\"\",\"\"\r\n2,3,4\r\n",
        "\"a\",b\r\n1,2\n3,4\r\n\r\n5,6\r\n\n",
        "a,b\n\"x\",y\n\"山田\",\"z\"\r\n",
        "\"a\",\"b\"\r\n\"1\",\"2\"\r\n3,\"4\"\r\n",
        "a;b\r\n1;2\r\r\n",
        "a,b\r\n1,\"unclosed\r\n2,3\r\n",
        "a,b\r\n\"\"\r\n,\r\n\"\",\"\"",
    ];
    for text in files {
        assert_untouched_identical(text.as_bytes(), None);
        let (sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(text);
        assert!(!bad);
        assert_untouched_identical(&sjis, Some(TextEncoding::ShiftJis));
    }
}

#[test]
fn an_edited_row_changes_only_its_own_line() {
    for encoding in [TextEncoding::Utf8, TextEncoding::ShiftJis] {
        let text = "id,name\r\n1,\"\"\r\n2,\"山田\"\n3,x\r\n4,\"y\"";
        let bytes = match encoding {
            TextEncoding::ShiftJis => encoding_rs::SHIFT_JIS.encode(text).0.into_owned(),
            _ => text.as_bytes().to_vec(),
        };
        let doc = read_bytes(&bytes, Some(encoding)).unwrap();
        let mut edited = doc.clone();
        edited.set(1, 1, "田中");
        let out = write_like(&edited);
        let want = text.replace("2,\"山田\"\n", "2,田中\r\n");
        let want = match encoding {
            TextEncoding::ShiftJis => encoding_rs::SHIFT_JIS.encode(&want).0.into_owned(),
            _ => want.into_bytes(),
        };
        assert_eq!(
            out.escape_ascii().to_string(),
            want.escape_ascii().to_string()
        );
        // Set back to what was read: the row is written as read again (undo does this).
        edited.set(1, 1, "山田");
        assert_eq!(write_like(&edited), bytes);
        // Rows moved: each keeps its own line; the row that was last (no line end) gets the
        // file's, and the file still ends without one, as it was read.
        let mut moved = doc.clone();
        let last = moved.table.remove_row(3).unwrap();
        moved.table.insert_row(0, &last);
        let out = write_like(&moved);
        let out = String::from_utf8_lossy(&out).into_owned();
        if encoding == TextEncoding::Utf8 {
            assert_eq!(out, "id,name\r\n4,y\r\n1,\"\"\r\n2,\"山田\"\n3,x");
        }
    }
}

fn spectrum_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/spectrum"))
}

/// Every csv-spectrum case reads without error and gives the json's records, comes back
/// byte for byte, and goes to the other encoding with the same records (or is refused
/// when Shift_JIS cannot carry a character).
#[test]
fn csv_spectrum_cases_read_and_come_back() {
    let mut cases = 0;
    for entry in std::fs::read_dir(spectrum_dir().join("csvs")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let json = std::fs::read_to_string(spectrum_dir().join(format!("json/{name}.json")));
        let json: serde_json::Value = serde_json::from_str(&json.unwrap()).unwrap();
        let doc = read_bytes(&bytes, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        let want: Vec<Vec<String>> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|obj| {
                doc.header
                    .iter()
                    .map(|h| obj[h.as_str()].as_str().unwrap().to_string())
                    .collect()
            })
            .collect();
        assert_eq!(records(&doc), want, "{name}");
        assert_eq!(write_like(&doc), bytes, "{name}");
        assert_untouched_identical(&bytes, None);
        let opts = WriteOptions {
            encoding: TextEncoding::ShiftJis,
            ..WriteOptions::like(&doc)
        };
        match encode_rows(&doc, 0..doc.rows(), &opts) {
            Ok(sjis) => {
                let back = read_bytes(&sjis, Some(TextEncoding::ShiftJis)).unwrap();
                assert_eq!(records(&back), want, "{name} as Shift_JIS");
                assert_eq!(back.header, doc.header, "{name}");
                // And from Shift_JIS back to UTF-8.
                let opts = WriteOptions {
                    encoding: TextEncoding::Utf8,
                    ..WriteOptions::like(&back)
                };
                let utf8 = encode_rows(&back, 0..back.rows(), &opts).unwrap();
                assert_eq!(records(&read_bytes(&utf8, None).unwrap()), want, "{name}");
            }
            Err(e) => {
                let all = doc.header.iter().chain(want.iter().flatten());
                assert!(
                    all.clone().any(|c| !TextEncoding::ShiftJis.can_encode(c)),
                    "{name}: {e}"
                );
            }
        }
        cases += 1;
    }
    assert_eq!(cases, 11);
}

/// Pieces of files that the writer would not write the same: quotes of every kind, every
/// line end and blank lines, Shift_JIS second codes, bytes that do not decode.
fn any_piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => proptest::sample::select(vec![
            &b","[..], b"\"", b"\n", b"\r\n", b"\r", b"a", b"bc", b" ", b"\"\"", b",\"\"",
        ])
        .prop_map(<[u8]>::to_vec),
        2 => proptest::sample::select(SECOND_CODES.to_vec()).prop_map(<[u8]>::to_vec),
        1 => proptest::sample::select(vec![
            &b"\x8E\x52"[..], b"\xFB\xFC", b"\xB1", b"\x89\xFA", b"\x83\x87", b"\xFF",
        ])
        .prop_map(<[u8]>::to_vec),
        1 => proptest::sample::select(vec!["山田", "髙", "①", "é", "\u{feff}"])
            .prop_map(|s| s.as_bytes().to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn any_untouched_file_comes_back_byte_for_byte(
        pieces in proptest::collection::vec(any_piece(), 0..80),
    ) {
        let bytes = pieces.concat();
        assert_untouched_identical(&bytes, None);
        assert_untouched_identical(&bytes, Some(TextEncoding::ShiftJis));
    }
}

/// Fields that are not UTF-8 each but whose bytes joined are (`ED 95` + `8E 52` is one
/// Hangul character and an `R`): each keeps its own bytes and is written back as read
/// (found by the property above; the fields were read as empty and the line not kept).
#[test]
fn fields_whose_joined_bytes_happen_to_be_utf8_keep_their_bytes() {
    for bytes in [
        &b"\xEF\xBB\xBFa\n\xED\x95,\x8E\x52,"[..],
        b"\xEF\xBB\xBFa\n\xED\x95,\x8E\x52",
        b"\xEF\xBB\xBFa,b\r\n\xED\x95,\x8E\x52\r\n",
    ] {
        assert_untouched_identical(bytes, None);
        let doc = read_bytes(bytes, None).unwrap();
        let row = records(&doc).into_iter().next().unwrap();
        assert_eq!(row.first().map(String::as_str), Some("\u{FFFD}"), "{row:?}");
    }
}
