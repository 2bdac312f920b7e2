//! Huge and hostile inputs, generated rather than stored: thousands of columns, a cell of
//! tens of megabytes, a line of 200,000 fields, a 10 MB header, quote soup. Each goes
//! through the same read, open, check and write-back as the catalogue in `bad_files.rs`.

use crate::bad_files::{check_issues, open};
use bulksheet::Code;
use bulksheet::io::read_bytes;
use bulksheet::schema::detect;

#[test]
fn ten_thousand_columns_open_in_generic_mode() {
    let header: Vec<String> = (0..10_000).map(|i| format!("col{i}")).collect();
    let row: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
    let text = format!("{}\r\n{}\r\n", header.join(","), row.join(","));
    let o = open("10,000 columns", || {
        read_bytes(text.as_bytes(), None).map_err(|e| e.to_string())
    })
    .unwrap();
    assert_eq!(o.doc.width(), 10_000);
    assert_eq!(o.doc.cell(0, 9_999), "9999");
    assert!(detect(&o.doc.header).is_generic());
    assert_eq!(o.issues, vec![]);
}

#[test]
fn a_fifty_megabyte_cell_opens() {
    let mut text = b"name,note\r\nTaro,\"".to_vec();
    let chunk = b"0123456789abcdef,\"\"quoted\"\"\r\nnext line ";
    while text.len() < 50 << 20 {
        text.extend_from_slice(chunk);
    }
    text.extend_from_slice(b"\"\r\nHanako,short\r\n");
    let o = open("50 MB cell", || {
        read_bytes(&text, None).map_err(|e| e.to_string())
    })
    .unwrap();
    assert_eq!(o.doc.rows(), 2);
    assert!(o.doc.cell(0, 1).len() > 45 << 20);
    assert_eq!(o.doc.cell(1, 1), "short");
    assert_eq!(
        o.doc.table.source_line(1),
        Some(text.iter().filter(|&&b| b == b'\n').count() as u32)
    );
    assert_eq!(o.issues, vec![]);
}

#[test]
fn a_very_long_line_of_fields_is_a_field_count_issue() {
    let fields = vec!["x"; 200_000].join(",");
    let text = format!("a,b\r\n1,2\r\n{fields}\r\n");
    let o = open("long line", || {
        read_bytes(text.as_bytes(), None).map_err(|e| e.to_string())
    })
    .unwrap();
    assert_eq!(o.doc.table.field_count(1), 200_000);
    check_issues(
        "long line",
        &o.issues,
        &[(
            Code::FieldCount,
            2,
            None,
            "200000 fields but the header has 2",
        )],
        true,
    );
}

#[test]
fn a_huge_header_only_file_is_not_refused() {
    let text = "x".repeat(10 << 20);
    let o = open("10 MB header", || {
        read_bytes(text.as_bytes(), None).map_err(|e| e.to_string())
    })
    .unwrap();
    assert_eq!(o.doc.width(), 1);
    assert_eq!(o.doc.rows(), 0);
}

#[test]
fn deeply_broken_quotes_do_not_loop_or_panic() {
    // Alternating quotes and separators at every position of a record.
    let mut text = b"a,b,c\n".to_vec();
    for i in 0..20_000 {
        text.push(match i % 5 {
            0 => b'"',
            1 => b',',
            2 => b'\r',
            3 => b'"',
            _ => b'\n',
        });
    }
    let o = open("quote soup", || {
        read_bytes(&text, None).map_err(|e| e.to_string())
    })
    .unwrap();
    assert!(o.doc.rows() > 0);
}
