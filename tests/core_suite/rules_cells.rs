//! Cell rules beyond the boundaries in core_cells.rs: spaces around values of every kind,
//! full-width codes, formulas in Login IDs, blank rows, and subscription columns.

use crate::common::*;
use bulksheet::{Code, Severity};

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

fn codes(v: &[(Code, Severity, String)]) -> Vec<Code> {
    v.iter().map(|x| x.0).collect()
}

#[test]
fn spaces_around_a_code_or_number_are_errors_that_say_so() {
    // The console compares codes exactly; only free text gets a warning.
    let i = one_cell("Locale", " 1", "");
    assert_eq!(codes(&i), [Code::Enum]);
    assert_eq!(i[0].1, Severity::Error);
    assert!(i[0].2.contains("spaces"), "{}", i[0].2);
    let i = one_cell("Extension number", "123 ", "");
    assert_eq!(codes(&i), [Code::Digits]);
    assert!(i[0].2.contains("spaces"), "{}", i[0].2);
    let i = one_cell("Login ID", " taro@example.com", "");
    assert_eq!(codes(&i), [Code::Email]);
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
    assert_eq!(codes(&i), [Code::Enum]);
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
        assert_eq!(codes(&i), [Code::Enum], "{column}");
        assert_eq!(i[0].1, Severity::Error);
    }
    assert_eq!(one_cell("MiiTel Meetings Download files", "2", ""), []);
}
