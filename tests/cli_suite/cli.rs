//! The command line as a script sees it: exit codes, the JSON report's exact shape and key
//! order, the compiler-style text lines with file line numbers, and the flags.

use crate::common::*;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::path::Path;
use std::process::Output;

fn code(o: &Output) -> i32 {
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    o.status.code().expect("exited normally")
}

/// A temp folder holding `users.csv` with the given bytes.
fn folder(bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("users.csv"), bytes).unwrap();
    dir
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// JSON with object keys in the order they were written.
#[derive(Debug, Clone, PartialEq)]
enum J {
    Obj(Vec<(String, J)>),
    Arr(Vec<J>),
    Null,
    Num(i64),
    Str(String),
    Other,
}

impl J {
    fn keys(&self) -> Vec<&str> {
        match self {
            J::Obj(kv) => kv.iter().map(|(k, _)| k.as_str()).collect(),
            _ => panic!("not an object: {self:?}"),
        }
    }

    fn get(&self, key: &str) -> &J {
        match self {
            J::Obj(kv) => &kv.iter().find(|(k, _)| k == key).unwrap().1,
            _ => panic!("not an object: {self:?}"),
        }
    }

    fn items(&self) -> &[J] {
        match self {
            J::Arr(v) => v,
            _ => panic!("not an array: {self:?}"),
        }
    }

    fn str(&self) -> &str {
        match self {
            J::Str(s) => s,
            _ => panic!("not a string: {self:?}"),
        }
    }
}

struct JVisitor;

impl<'de> Visitor<'de> for JVisitor {
    type Value = J;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<J, A::Error> {
        let mut kv = Vec::new();
        while let Some((k, v)) = m.next_entry::<String, J>()? {
            kv.push((k, v));
        }
        Ok(J::Obj(kv))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<J, A::Error> {
        let mut v = Vec::new();
        while let Some(x) = s.next_element::<J>()? {
            v.push(x);
        }
        Ok(J::Arr(v))
    }
    fn visit_unit<E>(self) -> Result<J, E> {
        Ok(J::Null)
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<J, E> {
        Ok(J::Num(n as i64))
    }
    fn visit_i64<E>(self, n: i64) -> Result<J, E> {
        Ok(J::Num(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<J, E> {
        Ok(J::Str(s.to_string()))
    }
    fn visit_bool<E>(self, _: bool) -> Result<J, E> {
        Ok(J::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<J, E> {
        Ok(J::Other)
    }
}

impl<'de> Deserialize<'de> for J {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<J, D::Error> {
        d.deserialize_any(JVisitor)
    }
}

fn json(o: &Output) -> J {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

fn some_problems() -> String {
    // Row 2: a label for a code (error); row 3: outer spaces (warning); row 4: one field
    // too many (error).
    let mut long = plain_row(4);
    long.push("extra".into());
    csv(&[
        plain_row(1),
        with(plain_row(2), "Locale", "English"),
        with(plain_row(3), "User name", "Taro "),
        long,
    ])
}

#[test]
fn exit_0_without_errors_even_with_warnings() {
    let dir = folder(csv(&[plain_row(1), with(plain_row(2), "User name", "=x")]).as_bytes());
    let o = run_bulksheet(dir.path(), &["check", "users.csv"]);
    assert_eq!(code(&o), 0, "{o:?}");
    assert!(stdout(&o).contains("users.csv:3: User name: warning:"));
}

#[test]
fn exit_1_with_errors() {
    let dir = folder(some_problems().as_bytes());
    assert_eq!(code(&run_bulksheet(dir.path(), &["check", "users.csv"])), 1);
    assert_eq!(
        code(&run_bulksheet(
            dir.path(),
            &["check", "users.csv", "--format", "json"]
        )),
        1
    );
}

#[test]
fn exit_2_when_the_file_cannot_be_read_or_the_usage_is_wrong() {
    let dir = folder(csv(&[plain_row(1)]).as_bytes());
    let cases: [&[&str]; 10] = [
        &["check", "missing.csv"],
        &["check", "."],
        &["check"],
        &["check", "users.csv", "--subscriptions", "telepathy"],
        &["check", "users.csv", "--subscriptions", "meetings,nope"],
        &["check", "users.csv", "--encoding", "latin1"],
        &["check", "users.csv", "--format", "xml"],
        &["check", "users.csv", "--schema", "no-such-schema"],
        &["check", "users.csv", "--frobnicate"],
        &["export", "users.csv"],
    ];
    for args in cases {
        let o = run_bulksheet(dir.path(), args);
        assert_eq!(code(&o), 2, "{args:?}: {o:?}");
        assert!(!o.stderr.is_empty(), "{args:?} says why");
    }
    let o = run_bulksheet(dir.path(), &["check", "missing.csv"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.csv"));
    let o = run_bulksheet(
        dir.path(),
        &["check", "users.csv", "--subscriptions", "telepathy"],
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("telepathy"));
}

#[test]
fn unreadable_file_is_exit_2() {
    let dir = folder(b"");
    let path = dir.path().join("users.csv");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything; only assert when the file is really unreadable.
    if std::fs::read(&path).is_err() {
        assert_eq!(code(&run_bulksheet(dir.path(), &["check", "users.csv"])), 2);
    }
}

#[test]
fn help_lists_the_commands_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_bulksheet(dir.path(), &["--help"]);
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    for word in ["check", "export", "Exit codes"] {
        assert!(help.contains(word), "{word}: {help}");
    }
    let o = run_bulksheet(dir.path(), &["check", "--help"]);
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    for flag in ["--schema", "--encoding", "--subscriptions", "--format"] {
        assert!(help.contains(flag), "{flag}: {help}");
    }
    let o = run_bulksheet(dir.path(), &["export", "--help"]);
    for flag in ["--output", "--encoding", "--split"] {
        assert!(stdout(&o).contains(flag), "{flag}");
    }
}

#[test]
fn json_has_exactly_the_documented_shape_and_key_order() {
    let dir = folder(some_problems().as_bytes());
    let o = run_bulksheet(dir.path(), &["check", "users.csv", "--format", "json"]);
    let r = json(&o);
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
fn json_reports_the_encoding_it_read() {
    for (name, enc) in [
        ("utf8_bom_crlf.csv", "utf-8-bom"),
        ("sjis_crlf.csv", "shift_jis"),
        ("utf8_lf.csv", "utf-8"),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/rw")
            .join(name);
        let dir = tempfile::tempdir().unwrap();
        let p = path.to_str().unwrap();
        let o = run_bulksheet(dir.path(), &["check", p, "--format", "json"]);
        assert_eq!(code(&o), 0, "{name}: {o:?}");
        let r = json(&o);
        assert_eq!(r.get("encoding"), &J::Str(enc.into()), "{name}");
        assert_eq!(r.get("file"), &J::Str(p.into()), "{name}");
        assert_eq!(r.get("issues").items(), [], "{name}");
    }
}

#[test]
fn text_lines_use_the_file_line_number_and_end_with_a_summary() {
    // Row 1's name spans two lines of the file, so row 2 starts on line 4.
    let text = csv(&[
        with(plain_row(1), "User name", "Taro\nYamada"),
        with(plain_row(2), "Login ID", "taro＠example.com"),
    ]);
    let dir = folder(text.as_bytes());
    let o = run_bulksheet(dir.path(), &["check", "users.csv"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("users.csv:4: Login ID: error: Login ID has a full-width ＠"),
        "{out}"
    );
    assert_eq!(
        lines[1],
        "users.csv: 1 error, 0 warnings in 2 rows (miitel-update-users, utf-8, CRLF)"
    );
}

#[test]
fn text_places_header_and_file_issues() {
    let keep: Vec<usize> = (0..HEADERS.len()).filter(|&c| c != col("Locale")).collect();
    let header: Vec<&str> = keep.iter().map(|&c| HEADERS[c]).collect();
    let rows: Vec<Vec<String>> = valid_rows(101)
        .into_iter()
        .map(|r| keep.iter().map(|&c| r[c].clone()).collect())
        .collect();
    let dir = folder(csv_with(&header, &rows, "\n").as_bytes());
    let o = run_bulksheet(dir.path(), &["check", "users.csv"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines.contains(&"users.csv:1: Locale: error: Column 'Locale' is missing from the header; add it (the template needs every column)"),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("users.csv: error: The file has 101 users")),
        "{out}"
    );
    assert_eq!(
        lines[2],
        "users.csv: 2 errors, 0 warnings in 101 rows (miitel-update-users, utf-8, LF)"
    );
}

#[test]
fn encoding_flag_overrides_detection() {
    let sjis = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/rw/sjis_crlf.csv");
    let p = sjis.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let o = run_bulksheet(
        dir.path(),
        &["check", p, "--encoding", "shift_jis", "--format", "json"],
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json(&o).get("encoding"), &J::Str("shift_jis".into()));
    let o = run_bulksheet(
        dir.path(),
        &["check", p, "--encoding", "utf-8", "--format", "json"],
    );
    assert_eq!(code(&o), 1, "Shift_JIS bytes are not UTF-8");
    let r = json(&o);
    assert_eq!(r.get("encoding"), &J::Str("utf-8".into()));
    assert!(
        r.get("issues")
            .items()
            .iter()
            .all(|i| i.get("code").str() == "encoding")
    );
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
    let r = json(&o);
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
    let r = json(&o);
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

#[test]
fn random_files_never_panic_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    for seed in 0..40u64 {
        let mut rng = Rng::new(seed);
        let bytes: Vec<u8> = (0..rng.below(400)).map(|_| rng.next() as u8).collect();
        std::fs::write(dir.path().join("r.csv"), &bytes).unwrap();
        for format in ["text", "json"] {
            let o = run_bulksheet(dir.path(), &["check", "r.csv", "--format", format]);
            let c = code(&o);
            assert!((0..=2).contains(&c), "seed {seed}: {c}");
            if format == "json" && c != 2 {
                json(&o);
            }
        }
        let o = run_bulksheet(dir.path(), &["export", "r.csv", "-o", "out.csv"]);
        assert!((0..=2).contains(&code(&o)), "seed {seed}");
    }
}
