//! An `.xlsx` sheet read as its cells stream (`worksheet_cells_reader`): its declared
//! dimension is never used, and only cells with a value (or a formula) are kept.

use super::cell_text;
use super::limits::WorkbookLimit;
use super::sheet_cells::{Held, SheetCells};
use calamine::{Data, Xlsx, XlsxError, XlsxFormulaMetadata};
use std::io::{Read, Seek};

/// Why a sheet's cells could not all be read.
pub(super) enum SheetFailure {
    /// calamine's reason.
    Broken(XlsxError),
    /// Past a limit.
    Limit(WorkbookLimit),
}

/// The cells of sheet `name`.
pub(super) fn read_cells<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
) -> Result<SheetCells, SheetFailure> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(SheetFailure::Broken)?;
    let mut cells = SheetCells::default();
    // A shared formula's text is on its first cell; the others name it by index. Kept
    // in a map, one entry per anchor read (never sized by the index a file declares).
    let mut shared: rustc_hash::FxHashMap<usize, String> = Default::default();
    while let Some(record) = reader
        .next_cell_with_formula_metadata()
        .map_err(SheetFailure::Broken)?
    {
        let (row, col) = record.pos;
        let value = Data::from(record.value);
        let held = match (&value, record.formula) {
            (Data::Empty, Some(formula)) => Held::FormulaOnly(formula_text(formula, &mut shared)),
            (
                _,
                Some(XlsxFormulaMetadata::Shared {
                    shared_index,
                    formula,
                    ..
                }),
            ) => {
                shared.insert(shared_index, formula);
                Held::Value(cell_text(&value))
            }
            _ => Held::Value(cell_text(&value)),
        };
        cells.push(row, col, held).map_err(SheetFailure::Limit)?;
    }
    Ok(cells)
}

/// The formula as Excel shows it in the formula bar (`=100+2`); a cell sharing another's
/// formula shows that one's text, as written on its first cell.
fn formula_text(
    formula: XlsxFormulaMetadata,
    shared: &mut rustc_hash::FxHashMap<usize, String>,
) -> String {
    let text = match formula {
        XlsxFormulaMetadata::Normal { formula } => formula,
        XlsxFormulaMetadata::Shared {
            shared_index,
            formula,
            ..
        } => {
            shared.insert(shared_index, formula.clone());
            formula
        }
        XlsxFormulaMetadata::SharedDerived { shared_index } => {
            shared.get(&shared_index).cloned().unwrap_or_default()
        }
        // A kind calamine may add later: still a formula with no value.
        _ => String::new(),
    };
    if text.starts_with('=') {
        text
    } else {
        format!("={text}")
    }
}
