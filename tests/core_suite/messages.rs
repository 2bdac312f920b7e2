//! Validation messages exist in English and Japanese and are chosen per reader.

use bulksheet::io::read_bytes;
use bulksheet::schema::{Subscriptions, builtin};
use bulksheet::validate::Lang;
use bulksheet::{Code, Sheet};
use std::process::Command;

const SAMPLE: &[u8] = include_bytes!("../../assets/sample-miitel-update-users.csv");

fn sample() -> Sheet {
    let doc = read_bytes(SAMPLE, None).unwrap();
    Sheet::new(
        doc,
        builtin("miitel-update-users").unwrap(),
        Subscriptions::none(),
    )
}

fn has_japanese(s: &str) -> bool {
    s.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c))
}

#[test]
fn every_issue_of_the_sample_reads_in_both_languages() {
    let s = sample();
    let en = s.issues_in(Lang::En);
    let ja = s.issues_in(Lang::Ja);
    assert_eq!(en.len(), ja.len());
    assert!(!en.is_empty());
    for (e, j) in en.iter().zip(&ja) {
        assert_eq!((e.row, e.code), (j.row, j.code));
        assert!(
            !has_japanese(&e.message.replace(|c: char| !c.is_ascii(), "")),
            "{}",
            e.message
        );
        assert!(has_japanese(&j.message), "no Japanese in {:?}", j.message);
    }
}

#[test]
fn duplicate_messages_name_the_other_row_in_both_languages() {
    let s = sample();
    let dup = |lang| {
        s.issues_in(lang)
            .into_iter()
            .find(|i| {
                i.code == Code::Duplicate
                    && i.row == 2
                    && i.column.as_deref() == Some("Extension number")
            })
            .unwrap()
            .message
    };
    assert!(dup(Lang::En).contains("row 11"), "{}", dup(Lang::En));
    assert!(dup(Lang::Ja).contains("11行目"), "{}", dup(Lang::Ja));
}

#[test]
fn cli_lang_flag_switches_the_messages() {
    let run = |lang: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_bulksheet"))
            .args([
                "check",
                "--lang",
                lang,
                "assets/sample-miitel-update-users.csv",
            ])
            .env_remove("LANG")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run("ja").contains("全角の＠"));
    assert!(run("en").contains("full-width ＠"));
}

#[test]
fn locale_strings_pick_the_language() {
    assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Lang::Ja);
    assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
    assert_eq!(Lang::from_locale("C"), Lang::En);
}
