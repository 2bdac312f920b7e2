//! The faster paths of the whole-sheet actions give what the plain ones gave: the sort
//! with its keys read once.

use bulksheet::Sheet;
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
