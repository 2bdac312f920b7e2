//! Errors of schema files, rosters and the journal: each names where it is (a schema
//! file's line and column, a roster's line, a path) and reads in English and Japanese.

use bulksheet::io::read_bytes;
use bulksheet::journal::{Journal, JournalEntry, JournalError, Origin, Replay, RestoreError};
use bulksheet::roster::{Roster, RosterError, RosterFileError};
use bulksheet::schema::{
    LoadError, Position, Schema, SchemaError, Subscriptions, builtin, load_schema,
};
use bulksheet::validate::Lang;

/// A small valid schema, with a blank line and a comment so lines are not guessable.
const GOOD: &str = r#"name = "tiny"
title = "Tiny"

# a comment
[[subscriptions]]
id = "meetings"
label = "Meetings"

[[columns]]
name = "Login ID"
kind = "email"
unique = "case-insensitive"

[[columns]]
name = "Extension"
kind = "digits"
min_digits = 3
max_digits = 6
"#;

fn error_of(text: &str) -> SchemaError {
    match Schema::from_toml(text) {
        Err(e) => e,
        Ok(s) => panic!("{} was accepted", s.name),
    }
}

#[test]
fn the_small_schema_is_good_and_has_no_row_limit() {
    let s = Schema::from_toml(GOOD).unwrap();
    assert_eq!(s.columns.len(), 2);
    assert_eq!(s.max_rows, None, "a schema without max_rows has no limit");
}

#[test]
fn a_toml_syntax_error_names_its_line_and_column() {
    // Line 11: a value with no closing quote.
    let text = GOOD.replace("kind = \"email\"", "kind = \"email");
    let e = error_of(&text);
    let Some(Position { line, column }) = e.position() else {
        panic!("no position: {e:?}");
    };
    assert_eq!(line, 11, "{e}");
    assert!(column >= 8, "{column}: {e}");
    let en = e.to_string();
    assert!(en.starts_with("line 11, column "), "{en}");
    assert_eq!(en, e.message(Lang::En));
    let ja = e.message(Lang::Ja);
    assert!(ja.starts_with("11行目"), "{ja}");
    assert!(ja.contains("文字目"), "{ja}");
}

#[test]
fn a_wrong_type_names_the_value_it_is_about() {
    let text = GOOD.replace("title = \"Tiny\"", "max_rows = \"many\"");
    let e = error_of(&text);
    assert_eq!(
        e.position().map(|p| (p.line, p.column)),
        Some((2, 12)),
        "{e}"
    );
    assert!(e.to_string().starts_with("line 2, column 12: "), "{e}");
    assert!(e.message(Lang::Ja).starts_with("2行目12文字目："));
}

#[test]
fn an_unknown_key_names_its_line() {
    let text = GOOD.replace("title = \"Tiny\"", "titel = \"Tiny\"");
    let e = error_of(&text);
    assert_eq!(e.position().map(|p| p.line), Some(2), "{e}");
    assert!(e.to_string().contains("titel"), "{e}");
}

#[test]
fn a_column_listed_twice_names_the_second_one() {
    let text = format!("{GOOD}\n[[columns]]\nname = \"login id\"\nkind = \"text\"\n");
    let e = error_of(&text);
    assert!(matches!(e, SchemaError::DuplicateColumn { .. }), "{e:?}");
    // GOOD has 18 lines; the third [[columns]] starts on 20 with its name on 21.
    assert_eq!(
        e.position(),
        Some(Position {
            line: 21,
            column: 8
        })
    );
    assert_eq!(
        e.to_string(),
        "line 21, column 8: column 'login id' is listed twice"
    );
    assert_eq!(
        e.message(Lang::Ja),
        "21行目8文字目：列「login id」が二度書かれています"
    );
}

#[test]
fn impossible_rules_name_the_value_at_fault() {
    let digits = error_of(&GOOD.replace("min_digits = 3", "min_digits = 9"));
    assert_eq!(
        digits.to_string(),
        "line 17, column 14: column 'Extension': min_digits > max_digits"
    );
    assert!(
        digits
            .message(Lang::Ja)
            .starts_with("17行目14文字目：列「Extension」")
    );

    let sub = error_of(&format!(
        "{GOOD}subscriptions = [\"meetings\", \"webinars\"]\n"
    ));
    assert_eq!(
        sub.to_string(),
        "line 19, column 30: column 'Extension': unknown subscription 'webinars'"
    );
    assert!(sub.message(Lang::Ja).contains("「webinars」"));

    let options = error_of(&GOOD.replace(
        "kind = \"digits\"\nmin_digits = 3\nmax_digits = 6",
        "kind = \"enum\"\noptions = []",
    ));
    assert_eq!(
        options.to_string(),
        "line 15, column 8: column 'Extension': an enum needs options"
    );
}

#[test]
fn a_schema_file_error_names_the_file_and_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, GOOD.replace("max_digits = 6", "max_digits = six")).unwrap();
    let e = load_schema(path.to_str().unwrap()).unwrap_err();
    assert!(matches!(e, LoadError::Invalid { .. }), "{e:?}");
    let en = e.to_string();
    assert!(
        en.starts_with(&format!("schema {}: line 18, column ", path.display())),
        "{en}"
    );
    let ja = e.message(Lang::Ja);
    assert!(
        ja.starts_with(&format!("テンプレート {}: 18行目", path.display())),
        "{ja}"
    );
}

#[test]
fn a_missing_schema_lists_the_built_in_ones_in_both_languages() {
    let e = load_schema("no-such-schema").unwrap_err();
    assert_eq!(
        e.to_string(),
        "no schema named 'no-such-schema' (built in: miitel-update-users, google-workspace-users, generic) and no such file"
    );
    let ja = e.message(Lang::Ja);
    assert!(ja.contains("「no-such-schema」"), "{ja}");
    assert!(ja.contains("miitel-update-users"), "{ja}");
}

#[test]
fn an_unknown_subscription_lists_the_known_ones() {
    let schema = builtin("miitel-update-users").unwrap();
    let e = Subscriptions::parse("meetings, phone", &schema).unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown subscription 'phone'; this schema knows: call-center, meetings, recpod, salesforce, webhook"
    );
    assert!(e.message(Lang::Ja).contains("「phone」"));
    let generic = builtin("generic").unwrap();
    let e = Subscriptions::parse("phone", &generic).unwrap_err();
    assert!(e.to_string().ends_with("this schema knows: none"), "{e}");
    assert!(
        e.message(Lang::Ja).ends_with("なし"),
        "{}",
        e.message(Lang::Ja)
    );
}

#[test]
fn a_roster_without_the_key_column_names_its_header_line() {
    let schema = builtin("miitel-update-users").unwrap();
    let doc = read_bytes(b"Email,Extension number\r\na@x.jp,101\r\n", None).unwrap();
    let e = Roster::from_document(&doc, &schema).unwrap_err();
    assert_eq!(
        e,
        RosterError::MissingKeyColumn {
            column: "Login ID".into(),
            line: 1
        }
    );
    assert_eq!(e.to_string(), "line 1: the roster has no 'Login ID' column");
    assert_eq!(
        e.message(Lang::Ja),
        "1行目：ユーザー一覧のヘッダーに列「Login ID」がありません"
    );
    let generic = builtin("generic").unwrap();
    let e = Roster::from_document(&doc, &generic).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the generic schema has no unique column to match users by"
    );
    assert!(e.message(Lang::Ja).contains("generic"));
}

#[test]
fn a_roster_file_error_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let schema = builtin("miitel-update-users").unwrap();
    let missing = dir.path().join("nope.csv");
    let e = Roster::load(&missing, &schema).unwrap_err();
    assert!(matches!(e, RosterFileError::Read { .. }), "{e:?}");
    assert!(e.to_string().contains("nope.csv"), "{e}");
    assert!(e.message(Lang::Ja).contains("nope.csv"));
    assert!(e.message(Lang::Ja).contains("読めません"));

    let binary = dir.path().join("roster.csv");
    std::fs::write(&binary, b"Login ID\r\na@x.jp\0\r\n").unwrap();
    let e = Roster::load(&binary, &schema).unwrap_err();
    let en = e.to_string();
    assert!(
        en.starts_with(&format!("{}: line 2, byte ", binary.display())),
        "{en}"
    );
    let ja = e.message(Lang::Ja);
    assert!(
        ja.starts_with(&format!("{}: 2行目", binary.display())),
        "{ja}"
    );

    let no_key = dir.path().join("users.csv");
    std::fs::write(&no_key, "Email\r\na@x.jp\r\n").unwrap();
    let e = Roster::load(&no_key, &schema).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}: line 1: the roster has no 'Login ID' column",
            no_key.display()
        )
    );
    assert_eq!(
        e.message(Lang::Ja),
        format!(
            "{}: 1行目：ユーザー一覧のヘッダーに列「Login ID」がありません",
            no_key.display()
        )
    );
}

fn entry() -> JournalEntry {
    JournalEntry {
        format: 1,
        origin: Origin::of_bytes("users.csv", b"Login ID\r\n"),
        written_ms: 0,
        header: vec!["Login ID".into()],
        target_encoding: "utf-8".into(),
        schema: "miitel-update-users".into(),
        subscriptions: vec![],
        replay: Replay::Rows(vec![]),
    }
}

#[test]
fn a_journal_that_cannot_be_written_names_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the journal folder should be.
    let blocked = dir.path().join("recovery");
    std::fs::write(&blocked, b"").unwrap();
    let e = Journal::write(&blocked, &entry()).unwrap_err();
    assert!(matches!(e, JournalError::Folder { .. }), "{e:?}");
    let shown = blocked.display().to_string();
    assert!(e.to_string().starts_with(&shown), "{e}");
    let ja = e.message(Lang::Ja);
    assert!(
        ja.starts_with(&format!("フォルダー {shown} を作れません")),
        "{ja}"
    );
    // Written where it can be, it is found again.
    let ok = dir.path().join("ok");
    let file = Journal::write(&ok, &entry()).unwrap();
    assert!(file.starts_with(&ok));
}

#[test]
fn a_journal_that_does_not_fit_says_so_in_both_languages() {
    let e = RestoreError::HeaderChanged;
    assert_eq!(
        e.message(Lang::En),
        "the file's columns are not the ones the edits were made to"
    );
    assert_eq!(
        e.message(Lang::Ja),
        "ファイルの列が、編集したときの列と違います"
    );
    let e = RestoreError::DoesNotApply { step: 3 };
    assert!(e.message(Lang::En).starts_with("edit 3 does not fit"));
    assert!(e.message(Lang::Ja).starts_with("3番目の編集"));
}
