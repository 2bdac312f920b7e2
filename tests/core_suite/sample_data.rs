//! The generated benchmark files are valid MiiTel files: `bulksheet check` finds nothing
//! in them but the upload limit of 100 rows.

use bulksheet::sample_data::{miitel_csv, to_shift_jis};
use std::process::Command;

const ALL_SUBSCRIPTIONS: &str = "call-center,meetings,recpod,salesforce,webhook";

fn check(bytes: &[u8], name: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bulksheet"))
        .args([
            "check",
            "--format",
            "json",
            "--subscriptions",
            ALL_SUBSCRIPTIONS,
        ])
        .arg(&path)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].to_string())
        .collect()
}

#[test]
fn thousand_rows_check_clean_but_for_the_row_limit() {
    let text = miitel_csv(1_000, 42);
    for (bytes, name, encoding) in [
        (text.clone().into_bytes(), "utf8.csv", "utf-8"),
        (to_shift_jis(&text), "sjis.csv", "shift_jis"),
    ] {
        let report = check(&bytes, name);
        assert_eq!(report["rows"], 1_000, "{name}");
        assert_eq!(report["warnings"], 0, "{name}: {:?}", codes(&report));
        // The only finding: more than 100 users for one upload.
        assert_eq!(report["errors"], 1, "{name}: {:?}", codes(&report));
        let issues = report["issues"].as_array().unwrap();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0]["row"], 0);
        assert!(
            issues[0]["message"].as_str().unwrap().contains("100"),
            "{name}: {}",
            issues[0]
        );
        assert_eq!(report["encoding"], encoding, "{name}");
    }
}

#[test]
fn files_hold_japanese_and_english_names_and_unique_keys() {
    let text = miitel_csv(1_000, 3);
    let doc = bulksheet::io::read_bytes(text.as_bytes(), None).unwrap();
    assert_eq!(doc.width(), 24);
    let names: Vec<&str> = (0..doc.rows()).map(|r| doc.cell(r, 1)).collect();
    assert!(names.iter().any(|n| !n.is_ascii()));
    assert!(names.iter().any(|n| n.is_ascii()));
    for col in [0, 2] {
        let mut values: Vec<String> = (0..doc.rows())
            .map(|r| doc.cell(r, col).to_ascii_lowercase())
            .collect();
        values.sort();
        values.dedup();
        assert_eq!(values.len(), 1_000, "column {col}");
    }
}
