//! Only what changes, in the core: rows the roster holds as they are are marked
//! `no_change` (kept current edit by edit), a file compared with the one before by its
//! key, and the rows changed since a sheet was opened.

use crate::common::*;
use bulksheet::baseline::{Baseline, KeyError};
use bulksheet::io::read_bytes;
use bulksheet::roster::Roster;
use bulksheet::schema::Schema;
use bulksheet::{Code, Sheet};
use std::sync::Arc;

fn no_change_rows(s: &Sheet) -> Vec<usize> {
    s.issues()
        .iter()
        .filter(|i| i.code == Code::NoChange)
        .map(|i| i.row)
        .collect()
}

/// Users 0–3; the roster (Login ID in capitals, two template columns and one of its own)
/// has user 1 under another name.
fn sheet_with_roster() -> Sheet {
    let rows: Vec<Vec<String>> = (0..4).map(schema_row).collect();
    let mut s = open(csv_of(&header(), &rows).as_bytes(), &[]);
    let mut text = "Login ID,User name,Status\r\n".to_string();
    for (i, r) in rows.iter().enumerate() {
        let name = if i == 1 { "Old name" } else { &r[1] };
        text.push_str(&format!("{},{name},active\r\n", r[0].to_uppercase()));
    }
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    let roster = Roster::from_document(&doc, s.schema()).unwrap();
    s.set_roster(Some(Arc::new(roster)));
    s
}

#[test]
fn rows_the_roster_holds_as_they_are_are_marked_no_change() {
    let s = sheet_with_roster();
    assert_eq!(no_change_rows(&s), [1, 3, 4]);
    assert_eq!(s.unchanged_rows(), [0, 2, 3]);
    assert_eq!(s.errors(), 0, "a warning, not an error");
    assert_eq!(s.warnings(), 3);
    let issue = s.issues_in(bulksheet::validate::Lang::En);
    let first = issue.iter().find(|i| i.code == Code::NoChange).unwrap();
    assert!(first.column.is_none());
    assert!(
        first.message.contains("changes nothing"),
        "{}",
        first.message
    );
}

#[test]
fn no_change_follows_edits_undo_and_row_changes() {
    let mut s = sheet_with_roster();
    // A column the roster lacks changes nothing about it.
    s.set_cell(0, 5, &miitel().columns[5].kind.options()[1].code.clone());
    assert_eq!(s.unchanged_rows(), [0, 2, 3]);
    s.set_cell(0, 1, "Renamed");
    assert_eq!(s.unchanged_rows(), [2, 3]);
    assert_matches_full_check(&s, "after a rename");
    s.set_cell(1, 1, "Old name");
    assert_eq!(s.unchanged_rows(), [1, 2, 3]);
    assert_matches_full_check(&s, "after the name the console has");
    s.undo();
    s.undo();
    assert_eq!(s.unchanged_rows(), [0, 2, 3]);
    s.delete_rows(&[0]);
    assert_eq!(s.unchanged_rows(), [1, 2]);
    s.insert_rows(0, vec![schema_row(3)]);
    assert_matches_full_check(&s, "after a row came in");
    s.set_roster(None);
    assert!(s.unchanged_rows().is_empty());
}

#[test]
fn a_baseline_compares_the_columns_both_files_have_exactly() {
    let schema = miitel();
    let before = "ログインID,User name,Extension number\r\nA@x.jp,Ann,101\r\nb@x.jp,Bob,102\r\nc@x.jp,Cy,103\r\n";
    let base = Baseline::new(read_bytes(before.as_bytes(), None).unwrap(), &schema).unwrap();
    assert_eq!(base.len(), 3);
    let now = "Login ID,User name,Extension number,Locale\r\na@x.jp,Ann,101,0\r\nb@x.jp,Bob ,102,0\r\nd@x.jp,Dee,104,0\r\nC@X.JP,Cy,103,1\r\n";
    let doc = read_bytes(now.as_bytes(), None).unwrap();
    let cmp = base.compare(&schema, &doc, &[0, 1, 2, 3]).unwrap();
    // A trailing space is a change; a key differs in case only; a new key is kept.
    assert_eq!(cmp.keep, [1, 2]);
    assert_eq!(cmp.unchanged, 2);
    let no_key = read_bytes(b"User name\r\nAnn\r\n", None).unwrap();
    assert_eq!(
        base.compare(&schema, &no_key, &[0]),
        Err(KeyError::MissingKeyColumn {
            column: "Login ID".into()
        })
    );
    let generic = bulksheet::schema::builtin("generic").unwrap();
    assert!(matches!(
        Baseline::new(doc, &generic),
        Err(KeyError::NoKey { .. })
    ));
}

#[test]
fn the_schema_declares_its_key_and_a_key_must_name_a_column() {
    let schema = miitel();
    assert_eq!(schema.key.as_deref(), Some("Login ID"));
    assert_eq!(schema.key_column(), Some(0));
    let text = "name = \"t\"\nkey = \"Email\"\n\n[[columns]]\nname = \"Login\"\nkind = \"text\"\n";
    let err = Schema::from_toml(text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 2, column 7: key 'Email' names no column"
    );
    let ok = text.replace("\"Email\"", "\"login\"");
    assert_eq!(Schema::from_toml(&ok).unwrap().key_column(), Some(0));
}

#[test]
fn rows_changed_since_open_are_edited_and_new_rows_not_deleted_or_reverted_ones() {
    let rows: Vec<Vec<String>> = (0..5).map(schema_row).collect();
    let mut s = open(csv_of(&header(), &rows).as_bytes(), &[]);
    assert!(s.rows_changed_since_open().is_empty());
    s.set_cell(1, 1, "Renamed");
    s.set_cell(2, 1, "Temp");
    s.set_cell(2, 1, "User 2");
    s.insert_rows(5, vec![schema_row(9)]);
    s.insert_rows(6, vec![vec![String::new(); header().len()]]);
    s.delete_rows(&[3]);
    // Row 1 renamed; row 2 back as opened; row 3 deleted; the new row (now 4) kept, the
    // blank new one left out like every blank row.
    assert_eq!(s.rows_changed_since_open(), [1, 4]);
    s.mark_saved();
    assert_eq!(
        s.rows_changed_since_open(),
        [1, 4],
        "since opening, not since saving"
    );
}
