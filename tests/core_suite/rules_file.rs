//! Whole-file rules: the 100-user limit, the header (order, missing, duplicate, unknown,
//! subscription columns left out), and files with no header at all.

use crate::common::*;
use bulksheet::io::read_bytes;
use bulksheet::{Code, Severity};

#[test]
fn one_hundred_users_pass_and_one_hundred_and_one_is_one_file_error() {
    let s = sheet(&csv(&valid_rows(100)));
    assert_eq!(places(&s), []);

    let s = sheet(&csv(&valid_rows(101)));
    let issues = s.issues();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    let i = &issues[0];
    assert_eq!((i.row, i.column.as_deref()), (0, None));
    assert_eq!((i.code, i.severity), (Code::TooManyRows, Severity::Error));
    assert!(i.message.contains("101"), "{}", i.message);
    assert!(i.message.to_lowercase().contains("split"), "{}", i.message);
}

#[test]
fn blank_rows_do_not_count_towards_the_limit() {
    let mut rows = valid_rows(100);
    rows.push(vec![String::new(); HEADERS.len()]);
    rows.push(vec![" ".to_string(); HEADERS.len()]);
    let s = sheet(&csv(&rows));
    assert_eq!(
        places(&s),
        [(101, None, Code::BlankRow), (102, None, Code::BlankRow)]
    );
    assert_eq!(s.rows_to_write(), (0..100).collect::<Vec<_>>());
}

#[test]
fn columns_in_any_order_are_matched_by_name() {
    let mut order: Vec<usize> = (0..HEADERS.len()).rev().collect();
    order.swap(0, 7);
    let header: Vec<&str> = order.iter().map(|&c| HEADERS[c]).collect();
    let mut rows: Vec<Vec<String>> = valid_rows(3);
    rows[1] = with(rows[1].clone(), "Extension number", "12");
    let shuffled: Vec<Vec<String>> = rows
        .iter()
        .map(|r| order.iter().map(|&c| r[c].clone()).collect())
        .collect();
    let s = sheet(&csv_with(&header, &shuffled, "\n"));
    let issues = s.issues();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].row, 2);
    assert_eq!(issues[0].column.as_deref(), Some("Extension number"));
    assert_eq!(issues[0].code, Code::Digits);
    // The issue points at the file column that holds it.
    let file_col = order.iter().position(|&c| c == col("Extension number"));
    assert_eq!(issues[0].col, file_col);
}

#[test]
fn header_names_match_trimmed_and_in_any_case() {
    let header: Vec<String> = HEADERS
        .iter()
        .enumerate()
        .map(|(i, h)| match i % 3 {
            0 => format!("  {h} "),
            1 => h.to_uppercase(),
            _ => h.to_lowercase(),
        })
        .collect();
    let s = sheet(&csv_with(&header, &valid_rows(2), "\r\n"));
    assert_eq!(places(&s), []);
}

#[test]
fn a_missing_column_is_one_issue_on_row_0_naming_it() {
    for missing in ["Locale", "Login ID", "MiiTel Meetings Use bot"] {
        let keep: Vec<usize> = (0..HEADERS.len())
            .filter(|&c| HEADERS[c] != missing)
            .collect();
        let header: Vec<&str> = keep.iter().map(|&c| HEADERS[c]).collect();
        let rows: Vec<Vec<String>> = valid_rows(5)
            .into_iter()
            .map(|r| keep.iter().map(|&c| r[c].clone()).collect())
            .collect();
        let s = sheet(&csv_with(&header, &rows, "\r\n"));
        assert_eq!(
            places(&s),
            [(0, Some(missing.to_string()), Code::HeaderMissing)],
            "{missing}"
        );
        assert_eq!(s.errors(), 1);
    }
}

#[test]
fn subscription_columns_may_be_left_out_unless_subscribed() {
    let keep: Vec<usize> = (0..HEADERS.len())
        .filter(|&c| !SUBSCRIPTION_COLUMNS.contains(&HEADERS[c]))
        .collect();
    let header: Vec<&str> = keep.iter().map(|&c| HEADERS[c]).collect();
    let rows: Vec<Vec<String>> = valid_rows(3)
        .into_iter()
        .map(|r| keep.iter().map(|&c| r[c].clone()).collect())
        .collect();
    let text = csv_with(&header, &rows, "\r\n");
    assert_eq!(places(&sheet(&text)), []);

    // With RecPod on, its own column and the two it shares with Meetings are needed.
    let s = sheet_subs(&text, "recpod");
    let missing: Vec<String> = s
        .issues()
        .into_iter()
        .map(|i| {
            assert_eq!((i.row, i.code), (0, Code::HeaderMissing));
            i.column.unwrap()
        })
        .collect();
    assert_eq!(
        missing,
        [
            "MiiTel Meetings Create external shared link",
            "MiiTel Meetings Export video history as CSV",
            "MiiTel RecPod Enable",
        ]
    );
}

#[test]
fn a_duplicated_header_is_reported_once_on_row_0() {
    let mut header: Vec<&str> = HEADERS.to_vec();
    header.push("Locale");
    let rows: Vec<Vec<String>> = valid_rows(2)
        .into_iter()
        .map(|mut r| {
            r.push("1".to_string());
            r
        })
        .collect();
    let s = sheet(&csv_with(&header, &rows, "\r\n"));
    let issues = s.issues();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(
        (issues[0].row, issues[0].code, issues[0].severity),
        (0, Code::HeaderDuplicate, Severity::Error)
    );
    assert_eq!(issues[0].column.as_deref(), Some("Locale"));
    assert_eq!(issues[0].col, Some(24));
}

#[test]
fn an_unknown_header_is_reported_by_its_name() {
    let mut header: Vec<&str> = HEADERS.to_vec();
    header.insert(2, "Nickname");
    let rows: Vec<Vec<String>> = valid_rows(2)
        .into_iter()
        .map(|mut r| {
            r.insert(2, "Taro".to_string());
            r
        })
        .collect();
    let s = sheet(&csv_with(&header, &rows, "\r\n"));
    assert_eq!(
        places(&s),
        [(0, Some("Nickname".to_string()), Code::HeaderUnknown)]
    );
    assert!(s.issues()[0].message.contains("Nickname"));
}

#[test]
fn an_empty_file_and_a_lone_bom_are_one_empty_error() {
    for bytes in [&b""[..], b"\xEF\xBB\xBF"] {
        let doc = read_bytes(bytes, None).unwrap();
        assert!(doc.empty_file);
        let s = sheet(std::str::from_utf8(bytes).unwrap());
        let issues = s.issues();
        assert_eq!(issues.len(), 1, "{bytes:?}: {issues:#?}");
        assert_eq!(
            (issues[0].row, issues[0].column.as_deref(), issues[0].code),
            (0, None, Code::Empty)
        );
        assert_eq!(s.errors(), 1);
    }
}

#[test]
fn a_header_without_rows_is_clean() {
    let s = sheet(&csv(&[]));
    assert_eq!(places(&s), []);
    assert_eq!(s.doc().rows(), 0);
}
