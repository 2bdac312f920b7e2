//! Spreadsheet operations on the core: paste, fill, rows, find/replace, fixes, review,
//! undo/redo. Each is one undo step and validation follows it.

use bulksheet::find::{Query, find_all, replace_all};
use bulksheet::fix::{FixKind, apply as apply_fixes, blank_rows, propose_all, propose_like};
use bulksheet::io::{WriteOptions, encode_rows, read_bytes};
use bulksheet::schema::{Subscriptions, builtin};
use bulksheet::tsv::{parse_tsv, to_tsv};
use bulksheet::view::{ViewSpec, visible_rows};
use bulksheet::{Code, Sheet};

const HEADER: &str = "Login ID,User name,Extension number,Locale,Time zone,Administrative privileges,Monitoring privileges,MiiTel Analytics Download recorded audio files,MiiTel Analytics Export call history as CSV,MiiTel Analytics Export contact data as CSV,MiiTel Phone Enable,MiiTel Phone Mobile Enable,MiiTel Call Center CC Administrative privileges,MiiTel Meetings Use bot";

fn row(login: &str, name: &str, ext: &str, locale: &str) -> String {
    format!("{login},{name},{ext},{locale},0,0,0,0,0,0,1,0,0,0")
}

fn sheet(rows: &[String]) -> Sheet {
    let text = format!("{HEADER}\r\n{}\r\n", rows.join("\r\n"));
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    Sheet::new(
        doc,
        builtin("miitel-update-users").unwrap(),
        Subscriptions::none(),
    )
}

fn codes(s: &Sheet) -> Vec<(usize, Code)> {
    s.issues().iter().map(|i| (i.row, i.code)).collect()
}

#[test]
fn clean_fixture_has_no_issues() {
    let s = sheet(&[
        row("a@x.jp", "A", "101", "0"),
        row("b@x.jp", "B", "102", "1"),
    ]);
    assert_eq!(codes(&s), vec![]);
}

#[test]
fn paste_block_lands_in_cells_and_is_one_undo_step() {
    let mut s = sheet(&[
        row("a@x.jp", "A", "101", "0"),
        row("b@x.jp", "B", "102", "1"),
    ]);
    let block = parse_tsv("c@x.jp\tC\t103\r\nd@x.jp\tD\t104\r\ne@x.jp\tE\t１０５\r\n");
    assert!(s.paste((1, 0), (1, 1), &block));
    assert_eq!(s.doc().rows(), 4, "the paste adds the rows it needs");
    assert_eq!(s.cell(1, 0), "c@x.jp");
    assert_eq!(s.cell(3, 2), "１０５");
    // New rows have blank enums: errors are shown for them.
    assert!(codes(&s).contains(&(4, Code::Digits)));
    assert!(codes(&s).contains(&(4, Code::Required)));
    assert!(s.undo());
    assert_eq!(s.doc().rows(), 2);
    assert_eq!(s.cell(1, 0), "b@x.jp");
    assert_eq!(codes(&s), vec![]);
    assert!(s.redo());
    assert_eq!(s.doc().rows(), 4);
}

#[test]
fn single_value_pasted_over_a_range_fills_it() {
    let mut s = sheet(&[
        row("a@x.jp", "A", "101", "0"),
        row("b@x.jp", "B", "102", "0"),
    ]);
    s.paste((0, 3), (2, 1), &parse_tsv("1\n"));
    assert_eq!((s.cell(0, 3), s.cell(1, 3)), ("1", "1"));
}

#[test]
fn fill_down_copies_the_first_row() {
    let mut s = sheet(&[
        row("a@x.jp", "A", "101", "1"),
        row("b@x.jp", "B", "102", "0"),
        row("c@x.jp", "C", "103", "English"),
    ]);
    assert!(s.fill_down(0..3, 3..4));
    assert_eq!((s.cell(1, 3), s.cell(2, 3)), ("1", "1"));
    assert_eq!(codes(&s), vec![]);
    s.undo();
    assert_eq!(s.cell(2, 3), "English");
    assert_eq!(codes(&s), vec![(3, Code::Enum)]);
}

#[test]
fn duplicate_and_delete_rows_follow_validation() {
    let mut s = sheet(&[
        row("a@x.jp", "A", "101", "0"),
        row("b@x.jp", "B", "102", "0"),
    ]);
    assert!(s.duplicate_rows(&[0]));
    assert_eq!(s.doc().rows(), 3);
    assert_eq!(
        codes(&s),
        vec![
            (1, Code::Duplicate),
            (1, Code::Duplicate),
            (2, Code::Duplicate),
            (2, Code::Duplicate)
        ]
    );
    assert!(s.delete_rows(&[1]));
    assert_eq!(codes(&s), vec![]);
    s.undo();
    s.undo();
    assert_eq!(s.doc().rows(), 2);
    assert_eq!(s.cell(1, 0), "b@x.jp");
}

#[test]
fn find_and_replace_in_a_column_and_everywhere() {
    let mut s = sheet(&[
        row("a@old.jp", "Old A", "101", "0"),
        row("b@old.jp", "B", "102", "0"),
    ]);
    let q = Query {
        text: "old".into(),
        ..Default::default()
    };
    assert_eq!(find_all(&s, &q).len(), 3);
    let in_login = Query {
        column: Some(0),
        ..q.clone()
    };
    assert_eq!(find_all(&s, &in_login), vec![(0, 0), (1, 0)]);
    assert_eq!(replace_all(&mut s, &in_login, "new"), 2);
    assert_eq!(s.cell(0, 0), "a@new.jp");
    assert_eq!(s.cell(0, 1), "Old A");
    s.undo();
    assert_eq!(s.cell(1, 0), "b@old.jp");
}

#[test]
fn fixes_are_proposed_only_when_they_settle_the_cell() {
    let mut s = sheet(&[
        row("a＠x.jp", " A ", "１０１", "English"),
        row("b@x.jp", "B", "１２", "はい"),
        row("c@x.jp", "C", "103", "0"),
    ]);
    let fixes = propose_all(&s);
    let got: Vec<(usize, usize, &str, FixKind)> = fixes
        .iter()
        .map(|f| (f.row, f.col, f.new.as_str(), f.kind))
        .collect();
    assert_eq!(
        got,
        vec![
            (0, 0, "a@x.jp", FixKind::HalfWidth),
            (0, 1, "A", FixKind::Trim),
            (0, 2, "101", FixKind::HalfWidth),
            (0, 3, "1", FixKind::LabelToCode),
            // `１２` would still be two digits: no fix. `はい` is not a Locale label: no fix.
        ]
    );
    let like = propose_like(&s, &fixes[2]);
    assert_eq!(like.len(), 1);
    apply_fixes(&mut s, &fixes);
    assert_eq!(codes(&s), vec![(2, Code::Digits), (2, Code::Enum)]);
    s.undo();
    assert_eq!(s.cell(0, 0), "a＠x.jp");
}

#[test]
fn yes_no_labels_become_codes() {
    let mut text = row("a@x.jp", "A", "101", "0");
    text = text.replacen(",0,0,0,0,0,1,0,0,0", ",0,はい,TRUE,無効,No,1,0,0,0", 1);
    let s = sheet(&[text]);
    let got: Vec<String> = propose_all(&s).into_iter().map(|f| f.new).collect();
    assert_eq!(got, vec!["1", "1", "0", "0"]);
}

#[test]
fn blank_rows_are_found_and_dropped() {
    let mut s = sheet(&[row("a@x.jp", "A", "101", "0"), ",,,,,,,,,,,,,".into()]);
    assert_eq!(codes(&s), vec![(2, Code::BlankRow)]);
    let blanks = blank_rows(&s);
    assert_eq!(blanks, vec![1]);
    s.delete_rows(&blanks);
    assert_eq!(codes(&s), vec![]);
}

#[test]
fn review_lists_net_changes_and_reverts_them() {
    let mut s = sheet(&[
        row("a@x.jp", "A", "101", "0"),
        row("b@x.jp", "B", "102", "0"),
    ]);
    s.set_cell(0, 1, "Alice");
    s.set_cell(1, 2, "999");
    s.set_cell(1, 2, "102"); // back to the original: not a change
    let changes = s.changes();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (
            changes[0].row,
            changes[0].col,
            changes[0].old.as_str(),
            changes[0].new.as_str()
        ),
        (0, 1, "A", "Alice")
    );
    assert!(s.revert(&changes));
    assert!(s.changes().is_empty());
}

#[test]
fn dirty_flag_follows_undo_to_the_saved_point() {
    let mut s = sheet(&[row("a@x.jp", "A", "101", "0")]);
    assert!(!s.is_dirty());
    s.set_cell(0, 1, "B");
    assert!(s.is_dirty());
    s.undo();
    assert!(!s.is_dirty());
    s.redo();
    s.mark_saved();
    assert!(!s.is_dirty());
}

#[test]
fn view_filters_and_sorts_without_touching_the_file() {
    let s = sheet(&[
        row("b@x.jp", "B", "10", "0"),
        row("a@x.jp", "A", "9", "0"),
        row("c@x.jp", "C", "100", "0"),
    ]);
    let sorted = visible_rows(
        &s,
        &ViewSpec {
            sort: Some((2, false)),
            ..Default::default()
        },
    );
    assert_eq!(sorted, vec![1, 0, 2], "numbers sort as numbers");
    let errors = visible_rows(
        &s,
        &ViewSpec {
            errors_only: true,
            ..Default::default()
        },
    );
    assert_eq!(errors, vec![0, 1]);
    let text = visible_rows(
        &s,
        &ViewSpec {
            text: "C@X".into(),
            ..Default::default()
        },
    );
    assert_eq!(text, vec![2]);
    assert_eq!(s.cell(0, 0), "b@x.jp");
}

#[test]
fn excel_block_of_50_rows_by_24_columns_round_trips_through_tsv() {
    let rows: Vec<Vec<String>> = (0..50)
        .map(|r| {
            (0..24)
                .map(|c| {
                    if c == 1 {
                        format!("山田 {r}\t\"x\"")
                    } else {
                        format!("{r}-{c}")
                    }
                })
                .collect()
        })
        .collect();
    assert_eq!(parse_tsv(&to_tsv(&rows)), rows);
}

#[test]
fn setting_and_clearing_a_roster_rechecks_the_sheet() {
    let mut s = sheet(&[
        row("a@x.jp", "A", "101", "0"),
        row("new@x.jp", "N", "102", "0"),
    ]);
    assert_eq!(codes(&s), vec![]);
    let roster_text = "Login ID,Extension number\r\na@x.jp,101\r\nz@x.jp,102\r\n";
    let roster_doc = read_bytes(roster_text.as_bytes(), None).unwrap();
    let roster = bulksheet::roster::Roster::from_document(&roster_doc, s.schema()).unwrap();
    let before = s.revision();
    s.set_roster(Some(std::sync::Arc::new(roster)));
    assert!(s.revision() > before, "views see the rules changed");
    let found = codes(&s);
    assert!(
        found.contains(&(2, Code::Roster)),
        "unknown login: {found:?}"
    );
    assert_eq!(
        found.iter().filter(|(_, c)| *c == Code::Roster).count(),
        2,
        "login not in roster and extension owned by z@x.jp: {found:?}"
    );
    assert!(!s.can_undo(), "the roster is a rule, not an edit");
    s.set_roster(None);
    assert_eq!(codes(&s), vec![]);
}

/// Typing into a missing cell of a short row fills the row out; undo gives the short row
/// back (its field-count issue too, and the same bytes on saving), redo fills it again.
#[test]
fn undoing_a_fill_of_a_short_row_makes_it_short_again() {
    let full = row("a@example.com", "A", "101", "0");
    let short: Vec<&str> = full.split(',').take(10).collect();
    let text = format!("{HEADER}\r\n{}\r\n", short.join(","));
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    let mut s = Sheet::new(
        doc,
        builtin("miitel-update-users").unwrap(),
        Subscriptions::none(),
    );
    let opts = bulksheet::io::WriteOptions::like(s.doc());
    let saved = |s: &Sheet| bulksheet::io::encode_rows(s.doc(), 0..s.doc().rows(), &opts).unwrap();
    let as_read = saved(&s);
    assert_eq!(as_read, text.as_bytes());
    assert!(codes(&s).contains(&(1, Code::FieldCount)));

    assert!(s.set_cell(0, 11, "0"));
    assert_eq!(s.doc().table.field_count(0), 14);
    assert!(!codes(&s).contains(&(1, Code::FieldCount)));

    assert!(s.undo());
    assert_eq!(s.doc().table.field_count(0), 10);
    assert!(codes(&s).contains(&(1, Code::FieldCount)));
    assert_eq!(saved(&s), as_read, "the file as read");

    assert!(s.redo());
    assert_eq!(s.doc().table.field_count(0), 14);
    assert_eq!(s.cell(0, 11), "0");
}

/// Undoing a delete must give back the row as it was read: its extra fields (so the saved
/// file is the original again) and its line in the file.
#[test]
fn undoing_a_delete_restores_the_row_as_read() {
    let bytes = crate::common::start_text(10).into_bytes();
    let mut sheet = crate::common::sheet_of(read_bytes(&bytes, None).unwrap(), &[]);
    let before = sheet.issues();
    sheet.delete_rows(&[3, 6]);
    sheet.undo();
    assert_eq!(sheet.issues(), before);
    // The same document as read: the same bytes out (a stray quote is written quoted
    // either way), the same extra fields and the same source lines.
    let fresh = read_bytes(&bytes, None).unwrap();
    let encode = |doc: &bulksheet::Document| {
        bulksheet::io::encode_rows(doc, 0..doc.rows(), &bulksheet::io::WriteOptions::like(doc))
            .unwrap()
    };
    let doc = sheet.doc();
    let out = encode(doc);
    assert!(out == encode(&fresh), "{}", String::from_utf8_lossy(&out));
    for row in 0..doc.rows() {
        assert_eq!(
            doc.table.source_line(row),
            fresh.table.source_line(row),
            "row {row}"
        );
        assert_eq!(
            doc.table.extra_fields(row),
            fresh.table.extra_fields(row),
            "row {row}"
        );
        for col in 0..doc.width() {
            assert_eq!(doc.read_problem(row, col), fresh.read_problem(row, col));
        }
    }
}

#[test]
fn a_blank_row_inserted_where_a_ragged_blank_row_was_deleted_starts_afresh() {
    let width = HEADER.split(',').count();
    // A blank row read from the file with four fields more than the header.
    let ragged_blank = ",".repeat(width + 3);
    let (first, last) = (
        row("a@x.jp", "A", "101", "0"),
        row("b@x.jp", "B", "102", "0"),
    );
    let mut s = sheet(&[first.clone(), ragged_blank, last.clone()]);
    assert_eq!(s.doc().table.extra_fields(1).len(), 4);
    assert_eq!(s.doc().table.source_line(1), Some(3));
    assert!(s.delete_rows(&[1]));
    assert!(s.insert_rows(1, vec![vec![String::new(); width]]));
    assert_eq!(s.doc().rows(), 3);
    // The inserted row is new: nothing of the deleted row comes back with it.
    assert_eq!(s.doc().table.extra_fields(1), &[] as &[String]);
    assert_eq!(s.doc().table.source_line(1), None);
    let blank = ",".repeat(width - 1);
    let want = format!("{HEADER}\r\n{first}\r\n{blank}\r\n{last}\r\n");
    let out = encode_rows(s.doc(), 0..s.doc().rows(), &WriteOptions::like(s.doc())).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), want);
    // It reports what a blank row of the header's width reports, and no field count.
    let fresh = sheet(&[first, ",".repeat(width - 1), last]);
    assert_eq!(codes(&s), codes(&fresh));
    assert!(
        !codes(&s).contains(&(2, Code::FieldCount)),
        "{:?}",
        codes(&s)
    );
}
