//! Workbooks from strangers: each hostile shape (tests/common/hostile_workbooks.rs) reads
//! to its users with findings at the cells to blame, or is refused with the limit and the
//! sheet named; none asks for memory by what it claims.

use crate::common::*;
use bulksheet::io::{ReadError, WorkbookKind, WorkbookLimit, read_bytes, read_with_progress};
use bulksheet::validate::message::Lang;
use bulksheet::{Code, Severity};

#[test]
fn a_value_in_the_last_cell_is_a_finding_and_the_users_read_as_usual() {
    let doc = read_bytes(&far_cell_xlsx(), None).unwrap();
    assert_eq!(doc.header, header());
    assert_eq!(doc.rows(), 2, "no rows down to the stray value");
    assert_eq!(doc.width(), header().len(), "no columns out to it");
    let sheet = sheet_of(doc, &[]);
    let issues = sheet.issues();
    assert_eq!(codes(&issues), [Code::OutsideTable], "{issues:?}");
    assert_eq!(issues[0].severity, Severity::Warning);
    assert!(
        issues[0]
            .message
            .starts_with("XFD1048576: a value outside the table (stray)"),
        "{}",
        issues[0].message
    );
    // Export leaves it out: the rows written are the users alone.
    let csv = String::from_utf8(
        bulksheet::io::encode_rows(
            sheet.doc(),
            0..sheet.doc().rows(),
            &bulksheet::io::WriteOptions::like(sheet.doc()),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(!csv.contains("stray"), "{csv}");
}

#[test]
fn a_dimension_that_claims_the_whole_sheet_is_not_believed() {
    let doc = read_bytes(&lying_dimension_xlsx(), None).unwrap();
    assert_eq!((doc.rows(), doc.width()), (2, header().len()));
    assert_clean(&sheet_of(doc, &[]));
}

#[test]
fn a_formula_without_its_value_is_its_own_finding_not_a_blank() {
    let doc = read_bytes(&formula_without_value_xlsx(), None).unwrap();
    assert_eq!(doc.cell(1, 2), "", "the formula's text is no value");
    let sheet = sheet_of(doc, &[]);
    let issues = sheet.issues();
    assert_eq!(codes(&issues), [Code::FormulaNoValue], "{issues:?}");
    let issue = &issues[0];
    assert_eq!((issue.row, issue.severity), (2, Severity::Error));
    assert!(
        issue.message.contains("=100+2") && issue.message.contains("open and save it in Excel"),
        "{}",
        issue.message
    );
}

#[test]
fn typing_the_value_of_a_formula_without_one_clears_the_finding() {
    let doc = read_bytes(&formula_without_value_xlsx(), None).unwrap();
    let mut sheet = sheet_of(doc, &[]);
    sheet.set_cell(1, 2, "102");
    assert_clean(&sheet);
}

fn limit_of(err: &ReadError) -> (&Option<String>, &WorkbookLimit) {
    match err {
        ReadError::WorkbookLimit { sheet, limit, .. } => (sheet, limit),
        other => panic!("expected a limit, got {other:?}"),
    }
}

#[test]
fn a_shared_strings_count_past_the_file_is_refused_in_words() {
    let err = read_bytes(&huge_shared_count_xlsx(), None).unwrap_err();
    let (_, limit) = limit_of(&err);
    assert_eq!(
        limit,
        &WorkbookLimit::Declared {
            what: "shared strings",
            count: 4_000_000_000
        }
    );
    let text = err.to_string();
    assert!(
        text.contains("Excel workbook (.xlsx)") && text.contains("4,000,000,000 shared strings"),
        "{text}"
    );
    assert!(err.message(Lang::Ja).contains("4,000,000,000"));
}

#[test]
fn a_cell_repeated_over_millions_of_cells_is_refused_with_its_sheet() {
    let err = read_bytes(&repeated_ods(6_000, 16_000), None).unwrap_err();
    let (sheet, limit) = limit_of(&err);
    assert_eq!(sheet.as_deref(), Some("Big"));
    assert_eq!(limit, &WorkbookLimit::Grid { cells: 96_000_000 });
    let text = err.to_string();
    assert!(
        text.contains("(sheet \"Big\")") && text.contains("96,000,000 cells"),
        "{text}"
    );
}

#[test]
fn a_few_repeated_cells_read_as_values() {
    let doc = read_bytes(&repeated_ods(3, 4), None).unwrap();
    assert_eq!(doc.workbook.as_ref().unwrap().kind, WorkbookKind::Ods);
    assert_eq!(doc.header, ["x"; 4]);
    assert_eq!(doc.rows(), 2);
    assert_eq!(doc.cell(1, 3), "x");
}

#[test]
fn a_truncated_workbook_is_refused_as_broken() {
    let err = read_bytes(&truncated_xlsx(), None).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::BadWorkbook {
                kind: WorkbookKind::Xlsx,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn a_sheet_declaring_more_than_a_gigabyte_of_xml_is_refused() {
    let err = read_bytes(&sheet_bomb_xlsx(), None).unwrap_err();
    let (_, limit) = limit_of(&err);
    assert_eq!(
        limit,
        &WorkbookLimit::Bytes {
            part: "xl/worksheets/sheet1.xml".into()
        }
    );
    assert!(err.to_string().contains("1024 MiB"), "{err}");
}

#[test]
fn a_workbook_read_reports_progress_and_can_be_cancelled() {
    let bytes = xlsx_with_sheet("A1:X1", &user_rows(2_000));
    let mut seen = Vec::new();
    let doc = read_with_progress(&bytes, None, &mut |p| {
        seen.push(p);
        true
    })
    .unwrap();
    assert_eq!(doc.rows(), 2_000);
    assert!(!seen.is_empty() && seen.iter().all(|p| (0.0..=1.0).contains(p)));
    let err = read_with_progress(&bytes, None, &mut |_| false).unwrap_err();
    assert!(matches!(err, ReadError::Cancelled), "{err:?}");
}

/// Writes each hostile workbook into `BULKSHEET_HOSTILE_OUT` (a folder), to measure the
/// binary on them or seed the fuzzer: `BULKSHEET_HOSTILE_OUT=/tmp/h cargo test --test
/// core_suite write_the_hostile_workbooks -- --ignored`.
#[test]
#[ignore = "writes the hostile workbooks where asked"]
fn write_the_hostile_workbooks() {
    let out = std::path::PathBuf::from(std::env::var_os("BULKSHEET_HOSTILE_OUT").unwrap());
    for (name, bytes) in [
        ("far.xlsx", far_cell_xlsx()),
        ("lying.xlsx", lying_dimension_xlsx()),
        ("formula.xlsx", formula_without_value_xlsx()),
        ("count.xlsx", huge_shared_count_xlsx()),
        ("cut.xlsx", truncated_xlsx()),
        ("bomb.xlsx", sheet_bomb_xlsx()),
        ("repeat.ods", repeated_ods(6_000, 16_000)),
        ("small.ods", repeated_ods(3, 4)),
    ] {
        std::fs::write(out.join(name), bytes).unwrap();
    }
}
