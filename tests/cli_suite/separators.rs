//! Tab- and semicolon-separated files, and Excel's "Unicode text" (UTF-16LE with a BOM,
//! tabs): `check` reads them as the comma version, with one warning that the console takes
//! commas; `export` writes the comma CSV by default, another separator with `--delimiter`,
//! and a UTF-16 input as UTF-8 unless `--encoding` says otherwise.

use crate::common::*;
use std::path::Path;

/// Two valid users, one with a Japanese name, as the console's comma CSV.
fn comma_text() -> String {
    let mut first = plain_row(1);
    first[1] = "山田 太郎".to_string();
    csv(&[first, plain_row(2)])
}

fn utf16le(text: &str) -> Vec<u8> {
    let body = text.encode_utf16().flat_map(u16::to_le_bytes);
    [0xFF, 0xFE].into_iter().chain(body).collect()
}

fn shift_jis(text: &str) -> Vec<u8> {
    encoding_rs::SHIFT_JIS.encode(text).0.into_owned()
}

/// (file name, its bytes, the separator's warning word, the encoding `check` reports)
fn inputs() -> Vec<(&'static str, Vec<u8>, &'static str, &'static str)> {
    let tabs = comma_text().replace(',', "\t");
    let semis = comma_text().replace(',', ";");
    vec![
        ("tab.csv", tabs.clone().into_bytes(), "tabs", "utf-8"),
        ("semicolon.csv", semis.into_bytes(), "semicolons", "utf-8"),
        ("unicode.txt", utf16le(&tabs), "tabs", "utf-16le"),
        ("sjis_tab.csv", shift_jis(&tabs), "tabs", "shift_jis"),
    ]
}

#[test]
fn check_reads_other_separators_as_the_comma_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("comma.csv"), comma_text()).unwrap();
    let comma = json(&run(
        dir.path(),
        &["check", "comma.csv", "--format", "json"],
    ));
    assert_eq!(comma["issues"].as_array().unwrap().len(), 0, "{comma}");
    for (name, bytes, found, encoding) in inputs() {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let r = run(dir.path(), &["check", name, "--format", "json"]);
        assert_eq!(r.code, 0, "{name}: warnings only: {}", r.stdout);
        let j = json(&r);
        assert_eq!(j["encoding"], encoding, "{name}");
        assert_eq!(j["rows"], 2, "{name}");
        assert_eq!(j["schema"], comma["schema"], "{name}: the header was split");
        let issues = j["issues"].as_array().unwrap();
        assert_eq!(issues.len(), 1, "{name}: {issues:?}");
        assert_eq!(issues[0]["code"], "separator", "{name}");
        assert_eq!(issues[0]["row"], 0, "{name}");
        let message = issues[0]["message"].as_str().unwrap();
        assert!(message.contains(found), "{name}: {message}");
    }
}

#[test]
fn export_writes_the_console_comma_csv_unless_told_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    for (name, bytes, _, _) in inputs() {
        std::fs::write(p.join(name), bytes).unwrap();
        let out = format!("out-{name}.csv");
        let r = run(p, &["export", name, "-o", &out]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        let want = if name.starts_with("sjis") {
            shift_jis(&comma_text())
        } else {
            // UTF-16 becomes UTF-8, the console's default.
            comma_text().into_bytes()
        };
        assert_eq!(std::fs::read(p.join(&out)).unwrap(), want, "{name}");
    }
    // `--delimiter` and `--encoding` choose another layout.
    let r = run(
        p,
        &[
            "export",
            "semicolon.csv",
            "-o",
            "tabs.tsv",
            "--delimiter",
            "tab",
            "--encoding",
            "shift_jis",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("tab-separated"), "{}", r.stdout);
    let want = shift_jis(&comma_text().replace(',', "\t"));
    assert_eq!(std::fs::read(p.join("tabs.tsv")).unwrap(), want);
    let r = run(
        p,
        &["export", "tab.csv", "-o", "semi.csv", "--delimiter", ";"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let want = comma_text().replace(',', ";");
    assert_eq!(std::fs::read_to_string(p.join("semi.csv")).unwrap(), want);
    let r = run(p, &["export", "tab.csv", "-o", "x.csv", "--delimiter", "|"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("comma, tab or semicolon"), "{}", r.stderr);
}

#[test]
fn export_help_says_what_it_writes() {
    let r = run(Path::new("."), &["export", "--help"]);
    assert!(r.stdout.contains("--delimiter"), "{}", r.stdout);
    assert!(
        r.stdout.contains("the CSV the console takes"),
        "{}",
        r.stdout
    );
}

/// The command line keeps its convention (`-o` writes over, as cp does) and says so.
#[test]
fn export_and_fix_help_say_that_o_replaces_an_existing_file() {
    for cmd in ["export", "fix"] {
        let r = run(Path::new("."), &[cmd, "--help"]);
        assert!(
            r.stdout.contains("replaced without asking"),
            "{cmd}: {}",
            r.stdout
        );
    }
}
