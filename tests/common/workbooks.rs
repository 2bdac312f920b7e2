//! Workbooks built in code for the tests: the MiiTel template as an admin fills it in
//! Excel (codes and extensions typed as numbers, a code typed as text, Japanese names), a
//! second sheet with an error, an empty sheet, and a sheet of every kind of cell.

use super::{header, schema_row};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use std::path::{Path, PathBuf};

/// Cells of a template row as an admin types them: numbers stay numbers in Excel.
fn write_row(ws: &mut Worksheet, row: u32, cells: &[String]) {
    for (c, value) in cells.iter().enumerate() {
        let c = c as u16;
        // A code with a leading zero is kept as text, as Excel keeps it once typed so.
        match value.parse::<f64>() {
            Ok(n) if !value.starts_with('0') || value == "0" => {
                ws.write_number(row, c, n).unwrap();
            }
            _ => {
                ws.write_string(row, c, value).unwrap();
            }
        }
    }
}

/// The users of the first sheet: three valid rows, one with a Japanese name, one with the
/// extension `0012` typed as text.
pub fn workbook_users() -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = (0..3).map(schema_row).collect();
    rows[1][1] = "山田 太郎".to_string();
    rows[2][2] = "0012".to_string();
    rows
}

/// A new workbook that is written the same bytes whenever it is built: its creation
/// time is fixed (by default it is the time of writing, so two workbooks built a second
/// apart differed and a test comparing them failed now and then).
fn fixed_workbook() -> Workbook {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1).unwrap();
    let props = rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created);
    wb.set_properties(&props);
    wb
}

/// A MiiTel workbook: sheet `Users` (valid), sheet `Second` (one user whose Login ID is
/// no address), sheet `Empty`, and sheet `Cells` with one cell of every kind.
pub fn miitel_workbook() -> Vec<u8> {
    let mut wb = fixed_workbook();
    let ws = wb.add_worksheet();
    ws.set_name("Users").unwrap();
    write_row(ws, 0, &header());
    for (i, row) in workbook_users().iter().enumerate() {
        write_row(ws, i as u32 + 1, row);
    }
    let ws = wb.add_worksheet();
    ws.set_name("Second").unwrap();
    write_row(ws, 0, &header());
    let mut bad = schema_row(7);
    bad[0] = "not-an-address".to_string();
    write_row(ws, 1, &bad);
    wb.add_worksheet().set_name("Empty").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Cells").unwrap();
    write_cells(ws);
    wb.save_to_buffer().unwrap()
}

/// Sheet `Cells`: a header in row 1 from column B (column A left empty), then in row 2
/// a whole number, a fraction, a code typed as text, a date, a formula with its result,
/// a boolean, Japanese text; row 3 a cell merged over B3:C3; row 5 (after an empty
/// row 4) a date and time.
fn write_cells(ws: &mut Worksheet) {
    let names = [
        "number", "fraction", "text", "date", "formula", "bool", "japanese",
    ];
    for (i, n) in names.iter().enumerate() {
        ws.write_string(0, i as u16 + 1, *n).unwrap();
    }
    ws.write_number(1, 1, 123).unwrap();
    ws.write_number(1, 2, 0.1 + 0.2).unwrap();
    ws.write_string(1, 3, "0012").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let day = ExcelDateTime::from_ymd(2024, 1, 5).unwrap();
    ws.write_datetime_with_format(1, 4, &day, &date).unwrap();
    ws.write_formula(1, 5, Formula::new("=B2*2").set_result("246"))
        .unwrap();
    ws.write_boolean(1, 6, true).unwrap();
    ws.write_string(1, 7, "髙橋 﨑").unwrap();
    ws.merge_range(2, 1, 2, 2, "merged", &Format::new())
        .unwrap();
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let at = ExcelDateTime::from_ymd(2024, 1, 5)
        .unwrap()
        .and_hms(13, 45, 0)
        .unwrap();
    ws.write_datetime_with_format(4, 4, &at, &when).unwrap();
}

/// Writes the MiiTel workbook as `name` in `dir`.
pub fn write_miitel_workbook(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, miitel_workbook()).unwrap();
    path
}
