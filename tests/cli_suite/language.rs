//! The language of the command line: `--lang`, else the locale variables, else the
//! system's; under Japanese the report's words and its summary line are Japanese too,
//! while JSON keeps its keys and values.

use crate::common::*;
use std::process::{Command, Output};

/// The binary in `dir` with no locale or colour variable but those given.
fn run_with(dir: &std::path::Path, vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bulksheet"));
    c.args(args).current_dir(dir);
    for k in [
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
    ] {
        c.env_remove(k);
    }
    c.envs(vars.iter().copied()).output().unwrap()
}

#[test]
fn lang_from_the_environment_still_wins_over_the_system() {
    let dir = folder(some_problems().as_bytes());
    let check = ["check", "users.csv"];
    let ja = stdout(&run_with(dir.path(), &[("LANG", "ja_JP.UTF-8")], &check));
    assert!(ja.contains(": エラー: "), "{ja}");
    let ja = stdout(&run_with(
        dir.path(),
        &[("LC_MESSAGES", "ja_JP.UTF-8")],
        &check,
    ));
    assert!(ja.contains(": エラー: "), "{ja}");
    // LC_ALL over LANG; C means English whatever the system says.
    let vars = [("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")];
    let en = stdout(&run_with(dir.path(), &vars, &check));
    assert!(en.contains(": error: "), "{en}");
    // `--lang` over every variable.
    let en_flag = [&check[..], &["--lang", "en"]].concat();
    let en = stdout(&run_with(dir.path(), &[("LANG", "ja_JP.UTF-8")], &en_flag));
    assert!(en.contains(": error: ") && !en.contains("エラー"), "{en}");
}

#[test]
fn the_report_words_and_summary_are_japanese_under_lang_ja() {
    let dir = folder(some_problems().as_bytes());
    let o = run_bulksheet(dir.path(), &["check", "users.csv", "--lang", "ja"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("users.csv:3: Locale: エラー: ")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("users.csv:4: User name: 警告: ")),
        "{out}"
    );
    assert!(
        !out.contains(": error: ") && !out.contains(": warning: "),
        "{out}"
    );
    assert_eq!(
        *lines.last().unwrap(),
        "users.csv: エラー 2 件、警告 1 件（4 行、miitel-update-users、utf-8、CRLF）"
    );
    // English is unchanged.
    let en = stdout(&run_bulksheet(dir.path(), &["check", "users.csv"]));
    assert_eq!(
        en.lines().last().unwrap(),
        "users.csv: 2 errors, 1 warning in 4 rows (miitel-update-users, utf-8, CRLF)"
    );
}

#[test]
fn json_keeps_its_words_under_lang_ja() {
    let dir = folder(some_problems().as_bytes());
    let args = ["check", "users.csv", "--format", "json"];
    let en = run(dir.path(), &args);
    let ja = run(dir.path(), &[&args[..], &["--lang", "ja"]].concat());
    let (en, ja) = (json(&en), json(&ja));
    let keys = |j: &serde_json::Value| j.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&en), keys(&ja));
    let severities = |j: &serde_json::Value| {
        j["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["severity"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(severities(&ja), ["error", "warning", "error"]);
    assert_eq!(severities(&en), severities(&ja));
}

#[test]
fn a_refused_export_speaks_the_report_language() {
    let dir = folder(some_problems().as_bytes());
    let o = run_bulksheet(
        dir.path(),
        &["export", "users.csv", "-o", "out.csv", "--lang", "ja"],
    );
    assert_eq!(code(&o), 1);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("users.csv:3: Locale: エラー: "), "{err}");
    assert!(
        err.contains("users.csv: エラー 2 件、警告 1 件（4 行"),
        "{err}"
    );
}
