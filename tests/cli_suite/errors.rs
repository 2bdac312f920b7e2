//! A command that cannot run says why in the language of its messages (`--lang`, else the
//! environment's), names the place, and keeps its exit code; `--split` on a schema
//! without a row limit.

use crate::common::{csv, plain_row, run_bulksheet};
use std::path::Path;
use std::process::{Command, Output};

fn folder_with_users() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("users.csv"),
        csv(&[plain_row(1), plain_row(2), plain_row(3)]),
    )
    .unwrap();
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs the binary with a Japanese environment and no `--lang`.
fn run_in_japanese_locale(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bulksheet"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "ja_JP.UTF-8")
        .env("LANG", "ja_JP.UTF-8")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn an_unknown_schema_is_said_in_japanese_under_lang_ja() {
    let dir = folder_with_users();
    let args = ["check", "users.csv", "--schema", "no-such-schema"];
    let en = run_bulksheet(dir.path(), &args);
    assert_eq!(en.status.code(), Some(2));
    assert!(
        stderr(&en).starts_with("bulksheet: no schema named 'no-such-schema'"),
        "{}",
        stderr(&en)
    );
    let ja = run_bulksheet(dir.path(), &[&args[..], &["--lang", "ja"]].concat());
    assert_eq!(ja.status.code(), Some(2));
    let text = stderr(&ja);
    assert!(text.starts_with("bulksheet: 「no-such-schema」"), "{text}");
    assert!(text.contains("組み込み"), "{text}");
}

#[test]
fn errors_follow_the_environment_language_and_lang_overrides_it() {
    let dir = folder_with_users();
    let args = ["check", "users.csv", "--subscriptions", "telepathy"];
    let ja = run_in_japanese_locale(dir.path(), &args);
    assert_eq!(ja.status.code(), Some(2));
    assert!(
        stderr(&ja).contains("契約製品「telepathy」"),
        "{}",
        stderr(&ja)
    );
    let en = run_in_japanese_locale(dir.path(), &[&args[..], &["--lang", "en"]].concat());
    assert_eq!(en.status.code(), Some(2));
    assert!(
        stderr(&en).contains("unknown subscription 'telepathy'"),
        "{}",
        stderr(&en)
    );
}

#[test]
fn an_unreadable_file_is_said_in_japanese() {
    let dir = folder_with_users();
    let missing = run_bulksheet(dir.path(), &["check", "nope.csv", "--lang", "ja"]);
    assert_eq!(missing.status.code(), Some(2));
    let text = stderr(&missing);
    assert!(text.contains("nope.csv を読めません"), "{text}");
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    let folder = run_bulksheet(dir.path(), &["check", "folder", "--lang", "ja"]);
    assert_eq!(folder.status.code(), Some(2));
    assert!(
        stderr(&folder).contains("フォルダー"),
        "{}",
        stderr(&folder)
    );
}

#[test]
fn a_schema_file_error_names_its_line_and_column_in_both_languages() {
    let dir = folder_with_users();
    std::fs::write(
        dir.path().join("mine.toml"),
        "name = \"mine\"\n\n[[columns]]\nname = \"Login ID\"\nkind = \"email\nunique = \"exact\"\n",
    )
    .unwrap();
    let args = ["check", "users.csv", "--schema", "mine.toml"];
    let en = run_bulksheet(dir.path(), &args);
    assert_eq!(en.status.code(), Some(2));
    assert!(
        stderr(&en).starts_with("bulksheet: schema mine.toml: line 5, column "),
        "{}",
        stderr(&en)
    );
    let ja = run_bulksheet(dir.path(), &[&args[..], &["--lang", "ja"]].concat());
    assert_eq!(ja.status.code(), Some(2));
    assert!(
        stderr(&ja).starts_with("bulksheet: テンプレート mine.toml: 5行目"),
        "{}",
        stderr(&ja)
    );
}

#[test]
fn a_roster_without_login_ids_names_the_file_and_its_header_line() {
    let dir = folder_with_users();
    std::fs::write(dir.path().join("roster.csv"), "Email\r\na@x.jp\r\n").unwrap();
    let args = ["check", "users.csv", "--roster", "roster.csv"];
    let en = run_bulksheet(dir.path(), &args);
    assert_eq!(en.status.code(), Some(2));
    assert_eq!(
        stderr(&en),
        "bulksheet: roster.csv: line 1: the roster has no 'Login ID' column\n"
    );
    let ja = run_bulksheet(dir.path(), &[&args[..], &["--lang", "ja"]].concat());
    assert_eq!(ja.status.code(), Some(2));
    assert_eq!(
        stderr(&ja),
        "bulksheet: roster.csv: 1行目：ユーザー一覧のヘッダーに列「Login ID」がありません\n"
    );
}

#[test]
fn a_refused_export_says_why_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let mut bad = plain_row(1);
    bad[0] = "not an email".into();
    std::fs::write(dir.path().join("users.csv"), csv(&[bad])).unwrap();
    let o = run_bulksheet(
        dir.path(),
        &["export", "users.csv", "-o", "out.csv", "--lang", "ja"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("bulksheet: 何も書き出していません：先にエラー 1 件を直してください"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("out.csv").exists());
}

#[test]
fn split_without_a_row_limit_writes_the_parts_asked_for() {
    // The generic schema has no row limit: `--split N` is the user's own part size.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("any.csv"), "a,b\n1,2\n3,4\n5,6\n").unwrap();
    let o = run_bulksheet(
        dir.path(),
        &[
            "export", "any.csv", "-o", "out.csv", "--schema", "generic", "--split", "2",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let read = |n: &str| std::fs::read_to_string(dir.path().join(n)).unwrap();
    assert_eq!(read("out-1.csv"), "a,b\n1,2\n3,4\n");
    assert_eq!(read("out-2.csv"), "a,b\n5,6\n");
    assert!(!dir.path().join("out.csv").exists());
    assert!(!dir.path().join("out-3.csv").exists());
}
