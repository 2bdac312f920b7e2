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
