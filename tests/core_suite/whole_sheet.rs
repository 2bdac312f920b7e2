//! The faster paths of the whole-sheet actions give what the plain ones gave: the sort
//! with its keys read once, and find without a lower-cased copy of every cell.

use bulksheet::Sheet;
use bulksheet::find::{Query, find_all, find_in_rows};
use bulksheet::io::read_bytes;
use bulksheet::schema::{Subscriptions, builtin};
use bulksheet::view::{ViewSpec, visible_rows};

/// Cells that read as numbers in every way `f64` parses them, text that only looks like
/// a number, text whose lower case differs in length or leaves ASCII, and repeats.
const VALUES: [&str; 24] = [
    "10",
    "9",
    " 9 ",
    "9.0",
    "-0",
    "0",
    "1e3",
    "NaN",
    "inf",
    "-inf",
    "abc",
    "ABC",
    "",
    "１２",
    "0x10",
    "1_000",
    "Abc@x.jp",
    "abc@X.JP",
    "İstanbul",
    "KELVIN",
    "\u{212a}elvin",
    "ß",
    "ẞ",
    "100",
];

fn sheet() -> Sheet {
    let mut text = String::from("Login ID,User name,Extension number\r\n");
    for i in 0..600 {
        let v = |k: usize| VALUES[(i * k + i / 7) % VALUES.len()];
        let cell = |s: &str| format!("\"{s}\"");
        text.push_str(&format!(
            "{},{},{}\r\n",
            cell(v(5)),
            cell(v(7)),
            cell(v(11))
        ));
    }
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    Sheet::new(
        doc,
        builtin("miitel-update-users").unwrap(),
        Subscriptions::none(),
    )
}

/// The sort as it was: both cells parsed at every comparison.
fn sorted_by_parsing_each_time(s: &Sheet, col: usize, descending: bool) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..s.doc().rows()).collect();
    rows.sort_by(|&a, &b| {
        let (a, b) = (s.cell(a, col), s.cell(b, col));
        let ord = match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
            (Ok(x), Ok(y)) => x.total_cmp(&y),
            _ => a.cmp(b),
        };
        if descending { ord.reverse() } else { ord }
    });
    rows
}

#[test]
fn sorting_by_a_column_keeps_the_order_of_comparing_cells_each_time() {
    let s = sheet();
    for col in 0..3 {
        for descending in [false, true] {
            let spec = ViewSpec {
                sort: Some((col, descending)),
                ..Default::default()
            };
            assert_eq!(
                visible_rows(&s, &spec),
                sorted_by_parsing_each_time(&s, col, descending),
                "column {col}, descending {descending}"
            );
        }
    }
    let nine = ViewSpec {
        sort: Some((2, false)),
        ..Default::default()
    };
    let rows = visible_rows(&s, &nine);
    let first_ten = rows.iter().position(|&r| s.cell(r, 2) == "10");
    let first_hundred = rows.iter().position(|&r| s.cell(r, 2) == "100");
    assert!(first_ten < first_hundred, "numbers still sort as numbers");
    assert_eq!(rows.len(), s.doc().rows());
}

/// Find as it was: every cell and the text lower-cased, then compared.
fn found_by_lower_casing(s: &Sheet, q: &Query) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for r in 0..s.doc().rows() {
        for c in 0..s.doc().width() {
            if q.column.is_some_and(|k| k != c) || q.text.is_empty() {
                continue;
            }
            let (v, t) = (s.cell(r, c), q.text.as_str());
            let hit = match (q.match_case, q.whole_cell) {
                (true, true) => v == t,
                (true, false) => v.contains(t),
                (false, true) => v.to_lowercase() == t.to_lowercase(),
                (false, false) => v.to_lowercase().contains(&t.to_lowercase()),
            };
            if hit {
                out.push((r, c));
            }
        }
    }
    out
}

#[test]
fn find_all_matches_what_lower_casing_every_cell_matched() {
    let s = sheet();
    let texts = [
        "abc", "ABC", "Abc@X.jp", "x.jp", "9", "kelvin", "K", "\u{212a}", "i", "İ", "ss", "ß", "ẞ",
        "", "１", "e",
    ];
    for text in texts {
        for (match_case, whole_cell) in [(false, false), (false, true), (true, false), (true, true)]
        {
            for column in [None, Some(0), Some(2)] {
                let q = Query {
                    text: text.to_string(),
                    column,
                    match_case,
                    whole_cell,
                };
                assert_eq!(find_all(&s, &q), found_by_lower_casing(&s, &q), "{q:?}");
            }
        }
    }
}

/// A generated file (dictionary columns for the codes and names, text columns for the
/// Login IDs and numbers) after edits and deletions, so rows no longer sit in load order.
fn edited_generated_sheet() -> Sheet {
    let text = bulksheet::sample_data::miitel_csv(1_500, 7);
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    let mut s = Sheet::new(
        doc,
        builtin("miitel-update-users").unwrap(),
        Subscriptions::none(),
    );
    s.set_cells(vec![
        (3, 0, "Yamada.NEW@example.jp".into()),
        (10, 1, "山田 太郎".into()),
        (11, 1, "yamada".into()),
        (12, 4, String::new()),
    ]);
    s.delete_rows(&[0, 5, 6, 700]);
    s
}

#[test]
fn find_all_reads_dictionary_columns_by_value_and_slices_add_up() {
    let s = edited_generated_sheet();
    for text in [
        "yamada", "YAMADA", "example", "1", "0", "山田", "@", "zzz-none",
    ] {
        for (match_case, whole_cell) in [(false, false), (false, true), (true, false), (true, true)]
        {
            for column in [None, Some(0), Some(1), Some(4)] {
                let q = Query {
                    text: text.to_string(),
                    column,
                    match_case,
                    whole_cell,
                };
                let all = find_all(&s, &q);
                assert_eq!(all, found_by_lower_casing(&s, &q), "{q:?}");
                let rows = s.doc().rows();
                let sliced: Vec<(usize, usize)> = (0..rows)
                    .step_by(333)
                    .flat_map(|start| find_in_rows(&s, &q, start..(start + 333).min(rows)))
                    .collect();
                assert_eq!(sliced, all, "slices of {q:?}");
            }
        }
    }
}
