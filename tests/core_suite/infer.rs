//! `schema infer` in the core: each kind from the values of files of other shapes than the
//! MiiTel template, required and unique columns, the key, the file's rules; and the round
//! trip: the inferred template, written as TOML and read back, passes the file it came
//! from and catches what a person gets wrong in the same columns.

use bulksheet::io::{Separator, read_bytes};
use bulksheet::schema::infer::{InferError, InferOptions, Inference, Why, infer};
use bulksheet::schema::{Kind, Subscriptions, Unique};
use bulksheet::validate::Lang;
use bulksheet::{Code, Schema, Sheet, TextEncoding};

/// A staff list as another console's bulk CSV: an ID, an address, a name, a plan code, a
/// yes/no flag, an extension with leading zeros, free notes (often blank), a department
/// number, and an active flag spelled TRUE/FALSE.
const STAFF: &str = "\
Employee ID,Email,Name,Plan,Admin,Extension,Notes,Dept,Active
E-1001,alice@example.com,Alice Ando,pro,1,0101,Call after 5pm,10,TRUE
E-1002,bob@example.com,Bob Baba,basic,0,0102,,20,TRUE
E-1003,carol@example.com,Carol Chiba,pro,0,0103,VIP,10,FALSE
E-1004,dave@example.com,Dave Doi,basic,1,0104,12,20,TRUE
E-1005,erin@example.com,Erin Endo,team,0,0105,,10,TRUE
E-1006,frank@example.com,Frank Fujii,pro,0,0106,,20,FALSE
";

fn options() -> InferOptions {
    InferOptions {
        name: "staff".into(),
        title: "Staff".into(),
        max_rows: None,
    }
}

fn inferred(text: &str) -> Inference {
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    infer(&doc, &options()).unwrap()
}

fn column<'a>(s: &'a Schema, name: &str) -> &'a bulksheet::schema::Column {
    s.column(name).unwrap_or_else(|| panic!("no column {name}"))
}

fn codes_of(s: &Schema, name: &str) -> Vec<String> {
    let c = column(s, name);
    c.kind.options().iter().map(|o| o.code.clone()).collect()
}

/// The file checked against a template, as `check --schema` does.
fn check(text: &str, schema: Schema) -> Sheet {
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    Sheet::new(doc, schema, Subscriptions::none())
}

/// (data row, column, code) of every finding.
fn findings(sheet: &Sheet) -> Vec<(usize, String, Code)> {
    sheet
        .issues()
        .into_iter()
        .map(|i| (i.row, i.column.unwrap_or_default(), i.code))
        .collect()
}

#[test]
fn each_kind_is_told_from_the_values() {
    let s = inferred(STAFF).schema;
    assert_eq!(column(&s, "Email").kind, Kind::Email);
    assert_eq!(
        column(&s, "Extension").kind,
        Kind::Digits {
            min_digits: 4,
            max_digits: 4
        },
        "leading zeros are digits kept as text"
    );
    assert_eq!(
        codes_of(&s, "Plan"),
        ["pro", "basic", "team"],
        "as first seen"
    );
    assert_eq!(
        codes_of(&s, "Dept"),
        ["10", "20"],
        "repeated numbers are codes"
    );
    assert_eq!(codes_of(&s, "Admin"), ["1", "0"]);
    assert_eq!(codes_of(&s, "Active"), ["TRUE", "FALSE"]);
    assert_eq!(column(&s, "Active").kind.options()[0].label, "Yes");
    assert!(
        column(&s, "Plan")
            .kind
            .options()
            .iter()
            .all(|o| o.label.is_empty()),
        "a code list's labels are left for the user"
    );
    assert_eq!(column(&s, "Name").kind, Kind::Text);
    assert_eq!(column(&s, "Name").max_chars, Some(11), "the longest seen");
}

#[test]
fn a_free_text_column_stays_text_however_much_of_it_looks_like_digits() {
    let s = inferred(STAFF).schema;
    let notes = column(&s, "Notes");
    assert_eq!(
        notes.kind,
        Kind::Text,
        "`12` among words does not make digits"
    );
    assert_eq!(notes.max_chars, Some("Call after 5pm".len()));
    assert!(notes.unique.is_none());
}

#[test]
fn a_column_with_blanks_is_optional_and_a_full_one_required() {
    let s = inferred(STAFF).schema;
    assert!(!column(&s, "Notes").required);
    for name in ["Employee ID", "Email", "Name", "Plan", "Extension"] {
        assert!(column(&s, name).required, "{name}");
    }
}

#[test]
fn an_id_column_is_unique_and_the_first_one_is_the_key() {
    let s = inferred(STAFF).schema;
    assert_eq!(column(&s, "Employee ID").unique, Some(Unique::Exact));
    assert_eq!(column(&s, "Email").unique, Some(Unique::CaseInsensitive));
    assert_eq!(column(&s, "Extension").unique, Some(Unique::Exact));
    assert_eq!(s.key.as_deref(), Some("Employee ID"));
    assert_eq!(s.key_column(), Some(0));
    // Names all differ too, but a name is no identifier.
    assert_eq!(column(&s, "Name").unique, None);
}

#[test]
fn repeated_values_are_never_unique_and_addresses_compare_ignoring_case() {
    let text = "Login,Code\nA@x.jp,AB1\na@x.jp,AB2\n";
    let s = inferred(text).schema;
    assert_eq!(column(&s, "Login").kind, Kind::Email);
    assert_eq!(
        column(&s, "Login").unique,
        None,
        "the same address in two cases"
    );
    assert_eq!(column(&s, "Code").unique, Some(Unique::Exact));
    assert_eq!(s.key.as_deref(), Some("Code"));
}

#[test]
fn the_file_rules_are_its_encoding_and_separator_and_no_row_limit_unless_asked() {
    let tabbed = STAFF.replace(",", "\t").replace("Alice Ando", "安藤 愛");
    let sjis = encoding_rs::SHIFT_JIS.encode(&tabbed).0.into_owned();
    let doc = read_bytes(&sjis, None).unwrap();
    let i = infer(&doc, &options()).unwrap();
    assert_eq!(i.schema.encodings, [TextEncoding::ShiftJis]);
    assert_eq!(i.schema.separator, Separator::Tab);
    assert_eq!(i.schema.max_rows, None);
    let mut asked = options();
    asked.max_rows = Some(50);
    assert_eq!(infer(&doc, &asked).unwrap().schema.max_rows, Some(50));
}

#[test]
fn the_inferred_template_passes_its_own_file() {
    for text in [STAFF.to_string(), STAFF.replace(',', ";")] {
        let schema = Schema::from_toml(&inferred(&text).schema.to_toml()).unwrap();
        let sheet = check(&text, schema);
        assert_eq!(sheet.errors(), 0, "{:#?}", sheet.issues());
        assert_eq!(sheet.warnings(), 0, "{:#?}", sheet.issues());
    }
}

#[test]
fn the_inferred_template_catches_what_a_person_gets_wrong() {
    let schema = Schema::from_toml(&inferred(STAFF).schema.to_toml()).unwrap();
    let mistakes = STAFF
        .replace("bob@example.com", "bob＠example.com")
        .replace("basic,0,0102", "gold,0,0102")
        .replace("0103", "103")
        .replace("dave@example.com", "ALICE@example.com")
        .replace("Erin Endo", "");
    let mut found = findings(&check(&mistakes, schema));
    found.sort();
    let expected = [
        (1, "Email", Code::Duplicate),
        (2, "Email", Code::Email),
        (2, "Plan", Code::Enum),
        (3, "Extension", Code::Digits),
        (4, "Email", Code::Duplicate),
        (5, "Name", Code::Required),
    ]
    .map(|(r, c, code)| (r, c.to_string(), code));
    assert_eq!(found, expected);
}

#[test]
fn left_out_columns_say_why_and_leave_the_rest() {
    let text = "ID,,ID\nA1,x,B1\nA2,y,B2\n";
    let i = inferred(text);
    assert_eq!(i.schema.columns.len(), 1);
    assert_eq!(i.columns[1].why, Why::NoHeader);
    assert_eq!(i.columns[2].why, Why::Twice);
    let lines = i.lines(Lang::En);
    assert!(lines[2].contains("(column 2): left out"), "{lines:?}");
    assert!(lines[3].contains("ID (column 3): left out"), "{lines:?}");
}

#[test]
fn each_column_has_one_line_in_each_language_saying_why() {
    let i = inferred(STAFF);
    let en = i.lines(Lang::En);
    let ja = i.lines(Lang::Ja);
    assert_eq!(en.len(), 1 + 9, "the file's line, then one a column");
    assert_eq!(ja.len(), en.len());
    assert!(
        en[0].contains("6 rows") && en[0].contains("no row limit"),
        "{}",
        en[0]
    );
    let email = en.iter().find(|l| l.starts_with("Email:")).unwrap();
    assert!(email.contains("unique ignoring case") && email.contains("every value is an address"));
    let notes = en.iter().find(|l| l.starts_with("Notes:")).unwrap();
    assert!(
        notes.contains("optional") && notes.contains("3 blank"),
        "{notes}"
    );
    let id = ja.iter().find(|l| l.starts_with("Employee ID：")).unwrap();
    assert!(id.contains("キー") && id.contains("重複不可"), "{id}");
}

#[test]
fn a_file_without_rows_or_names_gives_nothing_to_infer() {
    let no_rows = read_bytes(b"A,B\n,\n", None).unwrap();
    assert_eq!(infer(&no_rows, &options()).unwrap_err(), InferError::NoRows);
    let no_names = read_bytes(b",\n1,2\n", None).unwrap();
    assert_eq!(
        infer(&no_names, &options()).unwrap_err(),
        InferError::NoHeader
    );
}

#[test]
fn a_name_from_the_file_never_takes_a_built_in_one() {
    let o = InferOptions::for_file(std::path::Path::new("/x/Staff list (2024).csv"));
    assert_eq!(
        (o.name.as_str(), o.title.as_str()),
        ("staff-list-2024", "Staff list (2024)")
    );
    let taken = InferOptions::for_file(std::path::Path::new("miitel-update-users.csv"));
    assert_eq!(taken.name, "miitel-update-users-custom");
}
