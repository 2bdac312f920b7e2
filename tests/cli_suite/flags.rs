//! The flags of `check`: `--encoding` forces how the file is read, `--subscriptions` makes
//! their blank columns errors, `--schema` picks a built-in or a schema file.

use crate::common::*;

#[test]
fn encoding_flag_overrides_detection() {
    let sjis = sample("sjis_crlf.csv");
    let p = sjis.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let o = run_bulksheet(
        dir.path(),
        &["check", p, "--encoding", "shift_jis", "--format", "json"],
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        ordered_json(&o).get("encoding"),
        &J::Str("shift_jis".into())
    );
    let o = run_bulksheet(
        dir.path(),
        &["check", p, "--encoding", "utf-8", "--format", "json"],
    );
    assert_eq!(code(&o), 1, "Shift_JIS bytes are not UTF-8");
    let r = ordered_json(&o);
    assert_eq!(r.get("encoding"), &J::Str("utf-8".into()));
    assert!(
        r.get("issues")
            .items()
            .iter()
            .all(|i| i.get("code").str() == "encoding")
    );
}

#[test]
fn encoding_flag_forces_how_the_file_is_read() {
    let d = dir_with(&["valid_shift_jis.csv"]);
    let auto = run(
        d.path(),
        &["check", "valid_shift_jis.csv", "--format", "json"],
    );
    assert_eq!(auto.code, 0);
    let forced = run(
        d.path(),
        &[
            "check",
            "valid_shift_jis.csv",
            "--format",
            "json",
            "--encoding",
            "shift_jis",
        ],
    );
    assert_eq!(forced.code, 0);
    assert_eq!(json(&forced)["encoding"], "shift_jis");
    // Read as UTF-8, the Japanese names are broken bytes, named by cell.
    let wrong = run(
        d.path(),
        &[
            "check",
            "valid_shift_jis.csv",
            "--format",
            "json",
            "--encoding",
            "utf-8",
        ],
    );
    assert_eq!(wrong.code, 1);
    let v = json(&wrong);
    assert_eq!(v["encoding"], "utf-8");
    let issues = v["issues"].as_array().unwrap();
    assert!(!issues.is_empty());
    assert!(
        issues
            .iter()
            .all(|i| i["code"] == "encoding" && i["column"] == "User name")
    );
    // An ASCII file forced to Shift_JIS is reported as Shift_JIS.
    write(d.path(), "ascii.csv", valid_csv(2));
    let r = run(
        d.path(),
        &[
            "check",
            "ascii.csv",
            "--format",
            "json",
            "--encoding",
            "shift_jis",
        ],
    );
    assert_eq!(json(&r)["encoding"], "shift_jis");
}

#[test]
fn subscriptions_make_their_blank_columns_errors() {
    let dir = folder(csv(&[plain_row(1), plain_row(2)]).as_bytes());
    assert_eq!(code(&run_bulksheet(dir.path(), &["check", "users.csv"])), 0);
    let o = run_bulksheet(
        dir.path(),
        &[
            "check",
            "users.csv",
            "--subscriptions",
            "webhook",
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&o), 1);
    let r = ordered_json(&o);
    let places: Vec<(J, &str, &str)> = r
        .get("issues")
        .items()
        .iter()
        .map(|i| {
            (
                i.get("row").clone(),
                i.get("column").str(),
                i.get("code").str(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            (J::Num(1), "Incoming Webhook Enable", "required"),
            (J::Num(2), "Incoming Webhook Enable", "required"),
        ]
    );
    // All filled: every subscription may be on.
    let dir = folder(csv(&valid_rows(2)).as_bytes());
    let o = run_bulksheet(
        dir.path(),
        &["check", "users.csv", "--subscriptions", ALL_SUBSCRIPTIONS],
    );
    assert_eq!(code(&o), 0, "{o:?}");
}

#[test]
fn subscriptions_flag_changes_the_result() {
    let d = dir_with(&["blank_call_center.csv"]);
    let mut rows: Vec<Vec<String>> = (0..3).map(schema_row).collect();
    rows[1][MEETINGS_ENABLE] = String::new();
    write(d.path(), "blank_meetings.csv", csv_of(&header(), &rows));
    assert_eq!(run(d.path(), &["check", "blank_meetings.csv"]).code, 0);
    let on = run(
        d.path(),
        &[
            "check",
            "blank_meetings.csv",
            "--subscriptions",
            "meetings",
            "--format",
            "json",
        ],
    );
    assert_eq!(on.code, 1);
    let v = json(&on);
    assert_eq!(v["errors"], 1);
    assert_eq!(v["issues"][0]["row"], 2);
    assert_eq!(v["issues"][0]["column"], "MiiTel Meetings Enable");
    assert_eq!(v["issues"][0]["code"], "required");
    // Another product does not make the column required.
    assert_eq!(
        run(
            d.path(),
            &[
                "check",
                "blank_meetings.csv",
                "--subscriptions",
                "call-center,webhook"
            ]
        )
        .code,
        0
    );
    assert_eq!(run(d.path(), &["check", "blank_call_center.csv"]).code, 0);
    assert_eq!(
        run(
            d.path(),
            &[
                "check",
                "blank_call_center.csv",
                "--subscriptions",
                "call-center"
            ]
        )
        .code,
        1
    );
}

#[test]
fn generic_and_file_schemas() {
    let dir = folder(b"name,age\r\nTaro,12\r\nHanako\r\n");
    let o = run_bulksheet(
        dir.path(),
        &[
            "check",
            "users.csv",
            "--schema",
            "generic",
            "--format",
            "json",
        ],
    );
    let r = ordered_json(&o);
    assert_eq!(r.get("schema"), &J::Str("generic".into()));
    // Only the ragged row: generic has no cell rules.
    let codes: Vec<&str> = r
        .get("issues")
        .items()
        .iter()
        .map(|i| i.get("code").str())
        .collect();
    assert_eq!(codes, ["field_count"]);
    assert_eq!(code(&o), 1);

    let toml = "name = \"pets\"\n\n[[columns]]\nname = \"name\"\nkind = \"text\"\n\n[[columns]]\nname = \"age\"\nkind = \"digits\"\nmin_digits = 1\nmax_digits = 2\n";
    std::fs::write(dir.path().join("pets.toml"), toml).unwrap();
    std::fs::write(dir.path().join("pets.csv"), "name,age\nTaro,123\n").unwrap();
    let o = run_bulksheet(dir.path(), &["check", "pets.csv", "--schema", "pets.toml"]);
    assert_eq!(code(&o), 1, "{o:?}");
    assert!(
        stdout(&o).contains("pets.csv:2: age: error:"),
        "{}",
        stdout(&o)
    );
}
