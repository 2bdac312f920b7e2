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
fn enum_messages_name_labels_in_the_reader_s_language() {
    let text = format!(
        "{}\r\na@example.jp,A,101,English,7,1,0,0,0,0,0,0,,,,,,,,,,,,\r\n\
         b@example.jp,B,102,1,99,1,0,0,0,0,0,0,,,,,,,,,,,,\r\n",
        bulksheet::schema::builtin("miitel-update-users")
            .unwrap()
            .columns
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(",")
    );
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    let s = Sheet::new(
        doc,
        builtin("miitel-update-users").unwrap(),
        Subscriptions::none(),
    );
    let message = |lang, row| {
        s.issues_in(lang)
            .into_iter()
            .find(|i| i.code == Code::Enum && i.row == row)
            .unwrap()
            .message
    };
    // A label typed instead of the code: the cell's own text quoted, the label as the reader
    // reads it beside it.
    assert!(
        message(Lang::En, 1).contains("use 1 for English"),
        "{}",
        message(Lang::En, 1)
    );
    assert!(
        message(Lang::Ja, 1).contains("「English」（英語）のコードは1"),
        "{}",
        message(Lang::Ja, 1)
    );
    // Time zone codes are listed as a range; Yes/No as codes with labels.
    assert!(
        message(Lang::Ja, 2).contains("0～13"),
        "{}",
        message(Lang::Ja, 2)
    );
}

#[test]
fn allowed_codes_list_labels_in_the_reader_s_language() {
    use bulksheet::validate::message::{Allowed, Label, Msg};
    let allowed = Allowed::List(vec![
        (
            "1".into(),
            Label {
                en: "Yes".into(),
                ja: Some("はい".into()),
            },
        ),
        (
            "0".into(),
            Label {
                en: "No".into(),
                ja: None,
            },
        ),
    ]);
    let msg = Msg::EnumOther {
        col: "C".into(),
        allowed,
        value: "x".into(),
    };
    assert_eq!(msg.render(Lang::En), "C must be 1 (Yes) or 0 (No); got x");
    assert!(
        msg.render(Lang::Ja).contains("1 (はい)、0 (No)"),
        "{}",
        msg.render(Lang::Ja)
    );
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

#[test]
fn the_locale_variables_come_before_the_system_language() {
    let choose = |vars: [Option<&str>; 3], system| Lang::choose(vars, system);
    let none = [None, None, None];
    // No variable (Windows, macOS, a desktop launcher): the system's language.
    for system in ["ja-JP", "ja_JP.UTF-8", "ja", "JA-jp"] {
        assert_eq!(choose(none, Some(system)), Lang::Ja, "{system}");
    }
    assert_eq!(choose(none, Some("en-US")), Lang::En);
    assert_eq!(choose(none, Some("zh-CN")), Lang::En);
    assert_eq!(choose(none, None), Lang::En);
    // A variable set wins over the system, both ways.
    let lang_ja = [None, None, Some("ja_JP.UTF-8")];
    assert_eq!(choose(lang_ja, Some("en-US")), Lang::Ja);
    let lang_en = [None, None, Some("en_US.UTF-8")];
    assert_eq!(choose(lang_en, Some("ja-JP")), Lang::En);
    // LC_ALL before LC_MESSAGES before LANG.
    let all = [
        Some("en_GB.UTF-8"),
        Some("ja_JP.UTF-8"),
        Some("ja_JP.UTF-8"),
    ];
    assert_eq!(choose(all, Some("ja-JP")), Lang::En);
    let messages = [None, Some("ja_JP.UTF-8"), Some("en_US.UTF-8")];
    assert_eq!(choose(messages, None), Lang::Ja);
    // An empty variable counts as unset.
    let empty = [Some(""), Some(""), Some("ja_JP.UTF-8")];
    assert_eq!(choose(empty, None), Lang::Ja);
    assert_eq!(choose([Some(""), None, Some("")], Some("ja-JP")), Lang::Ja);
    // C and POSIX ask for untranslated messages: English, even on a Japanese system.
    for c in ["C", "POSIX", "C.UTF-8"] {
        assert_eq!(
            choose([Some(c), None, None], Some("ja-JP")),
            Lang::En,
            "{c}"
        );
        let under = [Some(c), None, Some("ja_JP.UTF-8")];
        assert_eq!(choose(under, Some("ja-JP")), Lang::En, "{c}");
    }
}
