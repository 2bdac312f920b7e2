//! The built-in schemas parse and say what the template says.

use bulksheet::schema::{Kind, builtin, builtin_names};

#[test]
fn builtin_toml_files_parse() {
    for text in [
        include_str!("../../assets/schemas/miitel-update-users.toml"),
        include_str!("../../assets/schemas/google-workspace-users.toml"),
    ] {
        if let Err(e) = bulksheet::Schema::from_toml(text) {
            panic!("{e}");
        }
    }
    for name in builtin_names() {
        assert!(builtin(name).is_some(), "{name}");
    }
}

#[test]
fn miitel_has_the_24_template_columns_in_order() {
    let s = builtin("miitel-update-users").unwrap();
    assert_eq!(s.columns.len(), 24);
    assert_eq!(s.columns[0].name, "Login ID");
    assert_eq!(s.columns[23].name, "Incoming Webhook Enable");
    assert_eq!(s.max_rows, Some(100));
    let tz = &s.columns[4];
    assert_eq!(tz.kind.options().len(), 14);
    assert!(matches!(
        s.columns[2].kind,
        Kind::Digits {
            min_digits: 3,
            max_digits: 6
        }
    ));
    assert_eq!(s.columns[1].max_chars, Some(30));
}

/// Every field a hand-written file may hold, each away from its default.
const EVERY_FIELD: &str = r#"
version = 1
name = "every-field"
title = "Every field"
title_ja = "すべての項目"
max_rows = 250
encodings = ["shift_jis", "utf-8-bom"]
separator = "semicolon"
column_order = false
key = "Mail"

[[subscriptions]]
id = "video"
label = "Video add-on"

[[columns]]
name = "Mail"
aliases = ["メール", "E-mail"]
kind = "email"
unique = "case-insensitive"

[[columns]]
name = "Ext"
kind = "digits"
min_digits = 2
max_digits = 5
unique = "exact"
required = false

[[columns]]
name = "Video"
subscriptions = ["video"]
kind = "enum"
options = [{ code = "1", label = "Yes", label_ja = "はい", aliases = ["Y", "On"] }, { code = "0", label = "No" }]

[[columns]]
name = "Note \"quoted\" \\ path"
kind = "text"
max_chars = 40
"#;

#[test]
fn schema_files_are_written_and_read_back_unchanged() {
    for text in [
        include_str!("../../assets/schemas/miitel-update-users.toml"),
        include_str!("../../assets/schemas/google-workspace-users.toml"),
        EVERY_FIELD,
    ] {
        let read = bulksheet::Schema::from_toml(text).unwrap();
        let written = read.to_toml();
        let back =
            bulksheet::Schema::from_toml(&written).unwrap_or_else(|e| panic!("{e}\n{written}"));
        assert_eq!(back, read, "{written}");
        assert_eq!(back.to_toml(), written, "writing is stable");
    }
}

#[test]
fn the_file_rules_of_a_hand_written_file_are_read() {
    use bulksheet::TextEncoding;
    let s = bulksheet::Schema::from_toml(EVERY_FIELD).unwrap();
    assert_eq!(s.encodings, [TextEncoding::ShiftJis, TextEncoding::Utf8Bom]);
    assert_eq!(s.separator, bulksheet::io::Separator::Semicolon);
    assert!(!s.column_order);
    // A copy for the console is written in an encoding it takes: the file's own when it is
    // one, else the first listed.
    assert_eq!(
        s.console_encoding(TextEncoding::Utf8Bom),
        TextEncoding::Utf8Bom
    );
    assert_eq!(
        s.console_encoding(TextEncoding::Utf8),
        TextEncoding::ShiftJis
    );
    let builtin = builtin("miitel-update-users").unwrap();
    assert!(builtin.column_order && builtin.encodings.is_empty());
    assert_eq!(
        builtin.console_encoding(TextEncoding::Utf16Le),
        TextEncoding::Utf8
    );
}

#[test]
fn a_schema_of_a_newer_format_is_refused_at_its_version_line() {
    let text = "name = \"n\"\nversion = 2\n";
    let e = bulksheet::Schema::from_toml(text).unwrap_err();
    assert_eq!(e.position().map(|p| p.line), Some(2));
    assert!(e.to_string().contains("format version 2"), "{e}");
    let ja = e.message(bulksheet::validate::Lang::Ja);
    assert!(
        ja.starts_with("2行目") && ja.contains("バージョン 2"),
        "{ja}"
    );
}

#[test]
fn the_template_says_which_separator_is_right_and_whether_order_matters() {
    use bulksheet::schema::Subscriptions;
    use bulksheet::{Code, Sheet};
    let schema = bulksheet::Schema::from_toml(
        "name = \"t\"\nseparator = \"tab\"\n[[columns]]\nname = \"A\"\nkind = \"text\"\n[[columns]]\nname = \"B\"\nkind = \"text\"\n",
    )
    .unwrap();
    let sheet = |text: &str, s: &bulksheet::Schema| {
        let doc = bulksheet::io::read_bytes(text.as_bytes(), None).unwrap();
        Sheet::new(doc, s.clone(), Subscriptions::none())
    };
    assert!(sheet("A\tB\nx\ty\n", &schema).issues().is_empty());
    let commas = sheet("A,B\nx,y\n", &schema).issues();
    assert_eq!(
        commas.iter().map(|i| i.code).collect::<Vec<_>>(),
        [Code::Separator]
    );
    assert!(
        commas[0].message.contains("separated by commas, not tabs"),
        "{}",
        commas[0].message
    );
    let swapped = sheet("B\tA\ny\tx\n", &schema).issues();
    assert_eq!(
        swapped.iter().map(|i| i.code).collect::<Vec<_>>(),
        [Code::ColumnOrder]
    );
    let unordered = bulksheet::Schema {
        column_order: false,
        ..schema
    };
    assert!(sheet("B\tA\ny\tx\n", &unordered).issues().is_empty());
}

/// An inferred template's codes have no labels yet: a cell shows the code alone, not
/// `1 — `.
#[test]
fn a_code_without_a_label_is_shown_as_the_code_alone() {
    use bulksheet::schema::EnumOption;
    use bulksheet::validate::Lang;
    let bare = EnumOption {
        code: "1".into(),
        label: String::new(),
        label_ja: None,
        aliases: Vec::new(),
        folded: Vec::new(),
    };
    assert_eq!(bare.display_in(Lang::En), "1");
    let named = EnumOption {
        label: "Yes".into(),
        label_ja: Some("はい".into()),
        ..bare
    };
    assert_eq!(named.display_in(Lang::En), "1 — Yes");
    assert_eq!(named.display_in(Lang::Ja), "1 — はい");
}
