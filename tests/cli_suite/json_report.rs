//! The JSON report's exact shape and key order (top level, then each issue), its values,
//! where rows and columns point for file, header and row issues, and the encoding read.

use crate::common::*;

const TOP: [&str; 7] = [
    "file", "encoding", "schema", "rows", "errors", "warnings", "issues",
];
const ISSUE: [&str; 5] = ["row", "column", "severity", "code", "message"];

fn assert_shape(r: &Run) {
    let report: J = serde_json::from_str(&r.stdout).unwrap();
    let orders = key_orders(&report);
    let top: Vec<&Vec<String>> = orders
        .iter()
        .filter(|(d, _)| *d == 1)
        .map(|(_, k)| k)
        .collect();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0], &TOP.map(String::from).to_vec());
    for (depth, keys) in orders.iter().filter(|(d, _)| *d != 1) {
        assert_eq!(*depth, 3, "issues are objects inside the issues array");
        assert_eq!(keys, &ISSUE.map(String::from).to_vec());
    }
    let v = json(r);
    let issues = v["issues"].as_array().unwrap();
    assert_eq!(orders.len(), 1 + issues.len(), "one key list per object");
    let count = |s: &str| issues.iter().filter(|i| i["severity"] == s).count() as u64;
    assert_eq!(v["errors"].as_u64(), Some(count("error")));
    assert_eq!(v["warnings"].as_u64(), Some(count("warning")));
    for i in issues {
        assert!(i["row"].is_u64());
        assert!(i["column"].is_string() || i["column"].is_null());
        assert!(["error", "warning"].contains(&i["severity"].as_str().unwrap()));
        let code = i["code"].as_str().unwrap();
        assert!(
            code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{code}"
        );
        assert!(!i["message"].as_str().unwrap().is_empty());
    }
}

#[test]
fn json_has_exactly_the_documented_shape_and_key_order() {
    let dir = folder(some_problems().as_bytes());
    let o = run_bulksheet(dir.path(), &["check", "users.csv", "--format", "json"]);
    let r = ordered_json(&o);
    assert_eq!(
        r.keys(),
        [
            "file", "encoding", "schema", "rows", "errors", "warnings", "issues"
        ]
    );
    assert_eq!(r.get("file"), &J::Str("users.csv".into()));
    assert_eq!(r.get("encoding"), &J::Str("utf-8".into()));
    assert_eq!(r.get("schema"), &J::Str("miitel-update-users".into()));
    assert_eq!(r.get("rows"), &J::Num(4));
    assert_eq!(r.get("errors"), &J::Num(2));
    assert_eq!(r.get("warnings"), &J::Num(1));
    let issues = r.get("issues").items();
    for i in issues {
        assert_eq!(i.keys(), ["row", "column", "severity", "code", "message"]);
    }
    let brief: Vec<(J, J, &str, &str)> = issues
        .iter()
        .map(|i| {
            (
                i.get("row").clone(),
                i.get("column").clone(),
                i.get("severity").str(),
                i.get("code").str(),
            )
        })
        .collect();
    assert_eq!(
        brief,
        [
            (J::Num(2), J::Str("Locale".into()), "error", "enum"),
            (
                J::Num(3),
                J::Str("User name".into()),
                "warning",
                "whitespace"
            ),
            (J::Num(4), J::Null, "error", "field_count"),
        ]
    );
    assert!(issues[0].get("message").str().contains("use 1"));
}

#[test]
fn json_has_the_exact_shape_and_values() {
    let d = dir_with(&["multiline_cell.csv"]);
    let r = run(
        d.path(),
        &["check", "multiline_cell.csv", "--format", "json"],
    );
    assert_eq!(r.code, 1);
    assert_shape(&r);
    let v = json(&r);
    assert_eq!(v["file"], "multiline_cell.csv");
    assert_eq!(v["encoding"], "utf-8");
    assert_eq!(v["schema"], "miitel-update-users");
    assert_eq!(v["rows"], 3);
    assert_eq!(v["errors"], 2);
    assert_eq!(v["warnings"], 0);
    let issues = v["issues"].as_array().unwrap();
    let short: Vec<(u64, &str, &str, &str)> = issues
        .iter()
        .map(|i| {
            (
                i["row"].as_u64().unwrap(),
                i["column"].as_str().unwrap(),
                i["severity"].as_str().unwrap(),
                i["code"].as_str().unwrap(),
            )
        })
        .collect();
    // Rows count data rows from 1, whatever the line a quoted cell spreads over.
    assert_eq!(
        short,
        [
            (2, "Login ID", "error", "email"),
            (3, "Extension number", "error", "digits")
        ]
    );
    assert_eq!(
        issues[1]["message"],
        "Extension number must be 3–6 half-width digits; got 12 (2 digits; if a spreadsheet dropped a leading zero, type it back)"
    );
}

#[test]
fn json_row_and_column_for_file_header_and_row_issues() {
    let d = dir_with(&["ragged.csv"]);
    write(d.path(), "big.csv", valid_csv(101));
    let mut h = header();
    h.remove(NAME);
    write(d.path(), "no_name.csv", line(&h) + "\r\n");
    let cases = [
        ("ragged.csv", 2, None, "field_count"),
        ("big.csv", 0, None, "too_many_rows"),
        ("no_name.csv", 0, Some("User name"), "header_missing"),
    ];
    for (file, row, column, code) in cases {
        let r = run(d.path(), &["check", file, "--format", "json"]);
        assert_eq!(r.code, 1, "{file}");
        assert_shape(&r);
        let v = json(&r);
        let issues = v["issues"].as_array().unwrap();
        assert_eq!(issues.len(), 1, "{file}: {issues:?}");
        assert_eq!(issues[0]["row"], row, "{file}");
        assert_eq!(issues[0]["column"].as_str(), column, "{file}");
        assert!(column.is_some() || issues[0]["column"].is_null());
        assert_eq!(issues[0]["code"], code, "{file}");
    }
}

#[test]
fn json_reports_the_encoding_it_read() {
    for (name, enc) in [
        ("utf8_bom_crlf.csv", "utf-8-bom"),
        ("sjis_crlf.csv", "shift_jis"),
        ("utf8_lf.csv", "utf-8"),
    ] {
        let path = sample(name);
        let dir = tempfile::tempdir().unwrap();
        let p = path.to_str().unwrap();
        let o = run_bulksheet(dir.path(), &["check", p, "--format", "json"]);
        assert_eq!(code(&o), 0, "{name}: {o:?}");
        let r = ordered_json(&o);
        assert_eq!(r.get("encoding"), &J::Str(enc.into()), "{name}");
        assert_eq!(r.get("file"), &J::Str(p.into()), "{name}");
        assert_eq!(r.get("issues").items(), [], "{name}");
    }
}

#[test]
fn json_names_each_encoding() {
    let d = dir_with(&["valid_lf.csv", "valid_crlf_bom.csv", "valid_shift_jis.csv"]);
    for (file, enc) in [
        ("valid_lf.csv", "utf-8"),
        ("valid_crlf_bom.csv", "utf-8-bom"),
        ("valid_shift_jis.csv", "shift_jis"),
    ] {
        let r = run(d.path(), &["check", file, "--format", "json"]);
        assert_eq!(r.code, 0, "{file}");
        assert_shape(&r);
        let v = json(&r);
        assert_eq!(v["encoding"], enc, "{file}");
        assert_eq!(v["issues"].as_array().unwrap().len(), 0);
        assert_eq!(v["rows"], 3);
    }
}
