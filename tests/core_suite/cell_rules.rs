//! Every cell rule of the built-in MiiTel schema: each test opens a small valid file with
//! one or two cells changed and asserts exactly what is reported, at the boundaries of each
//! rule (lengths, digits, codes, duplicates) and around them (spaces around values of every
//! kind, full-width codes, formulas, blank rows, subscription columns).

use crate::common::*;
use bulksheet::io::{WriteOptions, encode_rows};
use bulksheet::{Code, Severity};

/// The only issues of a sheet of 3 valid rows with one cell set.
fn only(col: usize, value: &str, subs: &[&str]) -> Vec<bulksheet::Issue> {
    let s = with_cells(3, &[(1, col, value)], subs);
    let all = s.issues();
    let cell = cell_issues(&s, 1, col);
    assert_eq!(all, cell, "issues outside the edited cell for {value:?}");
    cell
}

fn one(col: usize, value: &str, subs: &[&str]) -> bulksheet::Issue {
    let mut v = only(col, value, subs);
    assert_eq!(v.len(), 1, "want exactly one issue for {value:?}: {v:#?}");
    v.remove(0)
}

fn ok(col: usize, value: &str, subs: &[&str]) {
    let v = only(col, value, subs);
    assert!(v.is_empty(), "{value:?} should be valid: {v:#?}");
}

#[test]
fn user_name_holds_30_characters_full_width_counting_as_one() {
    ok(NAME, &"a".repeat(30), &[]);
    ok(NAME, &"あ".repeat(30), &[]);
    ok(
        NAME,
        &"山田太郎".repeat(7).chars().take(30).collect::<String>(),
        &[],
    );
    for long in [
        "a".repeat(31),
        "あ".repeat(31),
        format!("{}x", "漢".repeat(30)),
    ] {
        let i = one(NAME, &long, &[]);
        assert_eq!(i.code, Code::TooLong);
        assert_eq!(i.severity, Severity::Error);
        assert_eq!(i.row, 2);
        assert_eq!(i.column.as_deref(), Some("User name"));
        assert!(i.message.contains("at most 30"), "{}", i.message);
        assert!(i.message.contains("got 31"), "{}", i.message);
    }
}

#[test]
fn extension_takes_3_to_6_digits() {
    for good in ["123", "1234", "123456", "000", "999999"] {
        ok(EXT, good, &[]);
    }
    for (bad, why) in [
        ("12", "2 digits"),
        ("1234567", "7 digits"),
        ("1", "1 digits"),
    ] {
        let i = one(EXT, bad, &[]);
        assert_eq!(i.code, Code::Digits, "{bad}");
        assert_eq!(i.column.as_deref(), Some("Extension number"));
        assert!(i.message.contains(why), "{bad}: {}", i.message);
        assert!(i.message.contains("3–6"), "{bad}: {}", i.message);
    }
    for bad in ["12-34", "12a", "1 23", "12.3"] {
        assert_eq!(one(EXT, bad, &[]).code, Code::Digits, "{bad}");
    }
}

#[test]
fn a_leading_zero_is_kept_as_text_and_written_back() {
    let s = with_cells(2, &[(0, EXT, "0123"), (1, EXT, "00123")], &[]);
    assert_clean(&s);
    assert_eq!(s.cell(0, EXT), "0123");
    let doc = s.doc();
    let bytes = encode_rows(doc, 0..doc.rows(), &WriteOptions::like(doc)).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains(",0123,"), "{text}");
    assert!(text.contains(",00123,"), "{text}");
    // 0123 and 123 are different extensions.
    let s = with_cells(2, &[(0, EXT, "0123"), (1, EXT, "123")], &[]);
    assert_clean(&s);
}

#[test]
fn time_zone_codes_run_from_0_to_13() {
    ok(TZ, "0", &[]);
    ok(TZ, "13", &[]);
    for bad in ["14", "-1", "99", "1.0"] {
        let i = one(TZ, bad, &[]);
        assert_eq!(i.code, Code::Enum, "{bad}");
        assert!(i.message.contains("0 to 13"), "{bad}: {}", i.message);
    }
}

#[test]
fn labels_instead_of_codes_are_enum_errors_naming_the_code() {
    let cases = [
        (LOCALE, "English", "use 1"),
        (LOCALE, "Japanese", "use 0"),
        (ADMIN, "TRUE", "use 1"),
        (ADMIN, "yes", "use 1"),
        (ADMIN, "Yes", "use 1"),
        (ADMIN, "はい", "use 1"),
        (ADMIN, "FALSE", "use 0"),
        (TZ, "Tokyo", "use 0"),
        (TZ, "Honolulu", "use 13"),
    ];
    for (col, label, code) in cases {
        let i = one(col, label, &[]);
        assert_eq!(i.code, Code::Enum, "{label}");
        assert_eq!(i.severity, Severity::Error, "{label}");
        assert!(i.message.contains(code), "{label}: {}", i.message);
        assert!(i.message.contains(label), "{label}: {}", i.message);
    }
}

#[test]
fn an_out_of_range_code_in_a_yes_no_column_names_the_codes() {
    let i = one(ADMIN, "3", &[]);
    assert_eq!(i.code, Code::Enum);
    assert!(i.message.contains("1 (Yes)"), "{}", i.message);
    assert!(i.message.contains("0 (No)"), "{}", i.message);
}

#[test]
fn full_width_at_and_digits_are_named_as_full_width() {
    let i = one(LOGIN, "taro＠example.com", &[]);
    assert_eq!(i.code, Code::Email);
    assert!(i.message.contains("full-width"), "{}", i.message);
    let i = one(EXT, "１２３", &[]);
    assert_eq!(i.code, Code::Digits);
    assert_eq!(
        i.message,
        "Extension number must be 3–6 half-width digits; got １２３ (full-width digits)"
    );
    let i = one(LOGIN, "ｔａｒｏ@example.com", &[]);
    assert_eq!(i.code, Code::Email);
    assert!(i.message.contains("full-width"), "{}", i.message);
}

#[test]
fn login_ids_differing_only_in_case_are_duplicates_naming_each_other() {
    let s = with_cells(
        5,
        &[
            (1, LOGIN, "Taro@Example.com"),
            (3, LOGIN, "taro@example.COM"),
        ],
        &[],
    );
    let issues = s.issues();
    assert_eq!(issues.len(), 2, "{issues:#?}");
    for (i, (row, other)) in issues.iter().zip([(2, 4), (4, 2)]) {
        assert_eq!(i.code, Code::Duplicate);
        assert_eq!(i.severity, Severity::Error);
        assert_eq!(i.row, row);
        assert_eq!(i.column.as_deref(), Some("Login ID"));
        assert!(
            i.message.contains(&format!("row {other}")),
            "row {row}: {}",
            i.message
        );
    }
}

#[test]
fn three_equal_login_ids_name_the_two_others() {
    let s = with_cells(
        4,
        &[
            (0, LOGIN, "a@x.jp"),
            (1, LOGIN, "A@x.jp"),
            (3, LOGIN, "a@X.JP"),
        ],
        &[],
    );
    let issues = s.issues();
    assert_eq!(issues.iter().map(|i| i.row).collect::<Vec<_>>(), [1, 2, 4]);
    assert!(
        issues[0].message.contains("rows 2, 4"),
        "{}",
        issues[0].message
    );
    assert!(
        issues[1].message.contains("rows 1, 4"),
        "{}",
        issues[1].message
    );
    assert!(
        issues[2].message.contains("rows 1, 2"),
        "{}",
        issues[2].message
    );
}

#[test]
fn duplicate_extensions_are_flagged_on_every_occurrence() {
    let s = with_cells(4, &[(0, EXT, "555"), (2, EXT, "555")], &[]);
    assert_eq!(
        places(&s),
        [
            (1, Some("Extension number".into()), Code::Duplicate),
            (3, Some("Extension number".into()), Code::Duplicate),
        ]
    );
    assert!(s.issues()[0].message.contains("row 3"));
    assert!(s.issues()[1].message.contains("row 1"));
}

#[test]
fn outer_spaces_in_a_user_name_are_a_warning() {
    for v in [" Taro", "Taro ", "\u{3000}太郎", "Taro\t"] {
        let i = one(NAME, v, &[]);
        assert_eq!(i.code, Code::Whitespace, "{v:?}");
        assert_eq!(i.severity, Severity::Warning, "{v:?}");
    }
    ok(NAME, "Taro Yamada", &[]);
}

#[test]
fn a_user_name_starting_like_a_formula_is_a_warning() {
    for v in ["=SUM(A1)", "+81 3", "-Taro", "@Taro"] {
        let s = with_cells(3, &[(1, NAME, v)], &[]);
        let i = cell_issues(&s, 1, NAME);
        assert_eq!(codes(&i), [Code::Formula], "{v}");
        assert_eq!(i[0].severity, Severity::Warning);
        assert_eq!((s.errors(), s.warnings()), (0, 1), "{v}");
    }
    ok(NAME, "Taro=1", &[]);
}

#[test]
fn blank_required_cells_are_required_errors() {
    for col in [LOGIN, NAME, EXT, LOCALE, TZ, ADMIN, 13] {
        for blank in ["", "  ", "\u{3000}"] {
            let i = one(col, blank, &[]);
            assert_eq!(i.code, Code::Required, "col {col} {blank:?}");
            assert_eq!(i.severity, Severity::Error);
        }
    }
}

#[test]
fn login_id_allows_the_console_symbols_only() {
    ok(LOGIN, "a!#$%&*+-/=?^_`{|}~.z@example.com", &[]);
    ok(LOGIN, "first.last+tag@sub.example.co.jp", &[]);
    for bad in [
        "o'brien@example.com",
        "a,b@example.com",
        "a\"b@example.com",
        "a(b)@example.com",
        "taro@",
        "taroexample.com",
        "a@b@example.com",
        "taro yamada@example.com",
        "たろう@example.com",
    ] {
        let i = one(LOGIN, bad, &[]);
        assert_eq!(i.code, Code::Email, "{bad}");
        assert_eq!(i.column.as_deref(), Some("Login ID"));
    }
    let i = one(LOGIN, "o'brien@example.com", &[]);
    assert!(
        i.message.contains("'''"),
        "names the bad character: {}",
        i.message
    );
}

#[test]
fn subscription_columns_may_be_blank_only_without_the_subscription() {
    // Off: blank is fine.
    ok(CC_ENABLE, "", &[]);
    ok(MEETINGS_ACCESS, "", &[]);
    ok(WEBHOOK, "", &[]);
    // On: blank is required.
    let i = one(CC_ENABLE, "", &["call-center"]);
    assert_eq!(i.code, Code::Required);
    assert_eq!(i.column.as_deref(), Some("MiiTel Call Center Enable"));
    assert_eq!(one(WEBHOOK, "", &["webhook"]).code, Code::Required);
    // Another subscription does not make it required.
    ok(CC_ENABLE, "", &["meetings"]);
    // "Meetings or RecPod": either one makes it required.
    let shared_link = 18;
    ok(shared_link, "", &[]);
    assert_eq!(one(shared_link, "", &["recpod"]).code, Code::Required);
    assert_eq!(one(shared_link, "", &["meetings"]).code, Code::Required);
    // A non-blank value must be a valid code even when the subscription is off.
    for subs in [&[][..], &["call-center"][..]] {
        let i = one(CC_ENABLE, "3", subs);
        assert_eq!(i.code, Code::Enum, "{subs:?}");
        assert_eq!(i.severity, Severity::Error);
    }
    assert_eq!(one(MEETINGS_ACCESS, "3", &[]).code, Code::Enum);
    ok(MEETINGS_ACCESS, "2", &[]);
}

#[test]
fn columns_not_tied_to_a_subscription_are_required_with_all_off() {
    // CC Administrative privileges and Meetings Use bot carry no subscription note in the
    // template, so they are required like any other column.
    for col in [13, 16] {
        assert_eq!(one(col, "", &[]).code, Code::Required, "col {col}");
    }
}

/// The issues of a 3-row file whose second row has one cell changed.
fn one_cell(column: &str, value: &str, subs: &str) -> Vec<(Code, Severity, String)> {
    let rows = vec![
        plain_row(1),
        with(plain_row(2), column, value),
        plain_row(3),
    ];
    let s = sheet_subs(&csv(&rows), subs);
    let all = s.issues();
    let here = at(&s, 2, column);
    assert_eq!(all, here, "{column} = {value:?}: issues elsewhere");
    here.into_iter()
        .map(|i| (i.code, i.severity, i.message))
        .collect()
}

fn codes_of(v: &[(Code, Severity, String)]) -> Vec<Code> {
    v.iter().map(|x| x.0).collect()
}

#[test]
fn spaces_around_a_code_or_number_are_errors_that_say_so() {
    // The console compares codes exactly; only free text gets a warning.
    let i = one_cell("Locale", " 1", "");
    assert_eq!(codes_of(&i), [Code::Enum]);
    assert_eq!(i[0].1, Severity::Error);
    assert!(i[0].2.contains("spaces"), "{}", i[0].2);
    let i = one_cell("Extension number", "123 ", "");
    assert_eq!(codes_of(&i), [Code::Digits]);
    assert!(i[0].2.contains("spaces"), "{}", i[0].2);
    let i = one_cell("Login ID", " taro@example.com", "");
    assert_eq!(codes_of(&i), [Code::Email]);
    assert!(i[0].2.contains("spaces"), "{}", i[0].2);
    let i = one_cell("User name", "太郎\u{3000}", "");
    assert_eq!(
        i.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
        [(Code::Whitespace, Severity::Warning)]
    );
}

#[test]
fn full_width_codes_name_the_half_width_code() {
    let i = one_cell("Time zone", "１３", "");
    assert_eq!(codes_of(&i), [Code::Enum]);
    assert!(i[0].2.contains("use 13"), "{}", i[0].2);
    let i = one_cell("Administrative privileges", "ＴＲＵＥ", "");
    assert!(i[0].2.contains("use 1"), "{}", i[0].2);
}

#[test]
fn a_login_id_that_starts_like_a_formula_is_a_warning() {
    for v in [
        "=taro@example.com",
        "+taro@example.com",
        "-taro@example.com",
    ] {
        let i = one_cell("Login ID", v, "");
        assert_eq!(
            i.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [(Code::Formula, Severity::Warning)],
            "{v}"
        );
    }
    assert_eq!(one_cell("Login ID", "taro=x@example.com", ""), []);
}

#[test]
fn blank_rows_are_warned_not_checked_and_dropped_on_export() {
    let blank = vec![String::new(); HEADERS.len()];
    let spaces = vec![" ".to_string(); HEADERS.len()];
    let rows = vec![
        valid_row(1),
        blank.clone(),
        valid_row(2),
        spaces,
        blank.clone(),
    ];
    let s = sheet_subs(&csv(&rows), ALL_SUBSCRIPTIONS);
    let issues = s.issues();
    assert_eq!(
        places(&s),
        [
            (2, None, Code::BlankRow),
            (4, None, Code::BlankRow),
            (5, None, Code::BlankRow)
        ],
        "no required errors in blank rows: {issues:#?}"
    );
    assert!(issues.iter().all(|i| i.severity == Severity::Warning));
    assert_eq!(s.rows_to_write(), [0, 2]);
    // Two blank Login IDs are not duplicates of each other.
    assert_eq!(s.errors(), 0);
    // A single filled cell makes the row a user again, with every rule back.
    let mut s = s;
    s.set_cell(1, col("User name"), "Taro");
    let required: Vec<_> = at(&s, 2, "Login ID");
    assert_eq!(required.len(), 1);
    assert_eq!(required[0].code, Code::Required);
}

#[test]
fn subscription_columns_each_follow_their_own_subscription() {
    // Blank everywhere is fine with nothing on.
    assert_eq!(sheet(&csv(&[plain_row(1)])).issues(), []);
    for (sub, columns) in [
        (
            "call-center",
            &[
                "MiiTel Call Center Enable",
                "MiiTel Call Center Edit predictive dialer settings",
            ][..],
        ),
        (
            "meetings",
            &[
                "MiiTel Meetings Enable",
                "MiiTel Meetings Edit meeting access permission",
                "MiiTel Meetings Create external shared link",
                "MiiTel Meetings Download files",
                "MiiTel Meetings Export video history as CSV",
            ][..],
        ),
        (
            "recpod",
            &[
                "MiiTel Meetings Create external shared link",
                "MiiTel Meetings Export video history as CSV",
                "MiiTel RecPod Enable",
            ][..],
        ),
        ("salesforce", &["Salesforce AppExchange Enable"][..]),
        ("webhook", &["Incoming Webhook Enable"][..]),
    ] {
        let s = sheet_subs(&csv(&[plain_row(1)]), sub);
        let required: Vec<String> = s
            .issues()
            .into_iter()
            .map(|i| {
                assert_eq!((i.row, i.code), (1, Code::Required), "{sub}");
                i.column.unwrap()
            })
            .collect();
        assert_eq!(required, columns, "{sub}");
    }
}

#[test]
fn a_filled_subscription_cell_must_hold_a_code_even_when_off() {
    for (column, bad) in [
        ("MiiTel RecPod Enable", "yes"),
        ("MiiTel Meetings Download files", "3"),
        ("Incoming Webhook Enable", "有効"),
    ] {
        let i = one_cell(column, bad, "");
        assert_eq!(codes_of(&i), [Code::Enum], "{column}");
        assert_eq!(i[0].1, Severity::Error);
    }
    assert_eq!(one_cell("MiiTel Meetings Download files", "2", ""), []);
}
