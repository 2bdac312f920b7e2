//! A sheet's cells as they stream in, kept only where they hold a value, then laid out as
//! a document. The table is the header's columns (and a few more) and the rows down to
//! the last one no more than [`ROW_GAP`] blank rows below another: a value further out is
//! kept aside as outside the table (a finding at its cell), so one stray value in the
//! sheet's last cell costs one value, not a grid of the empty space between.

use super::WorkbookSource;
use super::limits::{COLUMN_SLACK, MAX_TABLE_CELLS, MAX_VALUES, ROW_GAP, WorkbookLimit};
use crate::document::{Document, FileMeta, OutsideValue, ReadProblem};

/// How many values outside the table are kept by name; past these they are counted.
pub const OUTSIDE_KEPT: usize = 100;

/// One cell read: its place and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Held {
    /// The text Excel shows.
    Value(String),
    /// A formula saved without its computed value (what scripts write): its text.
    FormulaOnly(String),
}

/// The cells of one sheet that hold something, in the order read.
#[derive(Debug, Default)]
pub(super) struct SheetCells {
    cells: Vec<(u32, u32, Held)>,
}

impl SheetCells {
    /// Keeps a cell; an empty one is dropped. Past [`MAX_VALUES`] the sheet is refused.
    pub(super) fn push(&mut self, row: u32, col: u32, held: Held) -> Result<(), WorkbookLimit> {
        if matches!(&held, Held::Value(v) if v.is_empty()) {
            return Ok(());
        }
        if self.cells.len() >= MAX_VALUES {
            return Err(WorkbookLimit::Values);
        }
        self.cells.push((row, col, held));
        Ok(())
    }

    /// The document: row 1 the header, rows and columns in their sheet places.
    pub(super) fn into_document(
        mut self,
        source: WorkbookSource,
    ) -> Result<Document, WorkbookLimit> {
        // Stream order is row by row, but a file may list cells in any order; the last
        // of two cells in one place wins, as in calamine's grid.
        self.cells.sort_by_key(|&(r, c, _)| (r, c));
        self.cells.dedup_by(|later, earlier| {
            let same = (later.0, later.1) == (earlier.0, earlier.1);
            if same {
                std::mem::swap(later, earlier);
            }
            same
        });
        if self.cells.is_empty() {
            let mut doc = Document::new(Vec::new(), FileMeta::default());
            doc.empty_file = true;
            doc.workbook = Some(source);
            return Ok(doc);
        }
        let (last_row, width) = self.table_extent();
        let rows = u64::from(last_row);
        if rows.saturating_add(1).saturating_mul(u64::from(width)) > MAX_TABLE_CELLS {
            return Err(WorkbookLimit::Table {
                rows: rows + 1,
                columns: u64::from(width),
            });
        }
        Ok(self.lay_out(last_row, width, source))
    }

    /// The table's last row and its width. Columns: the header's, and up to
    /// [`COLUMN_SLACK`] more where rows have values. Rows: down to the last before a gap
    /// of more than [`ROW_GAP`] blank rows.
    fn table_extent(&self) -> (u32, u32) {
        let header_width = self
            .cells
            .iter()
            .take_while(|c| c.0 == 0)
            .map(|c| c.1 + 1)
            .max()
            .unwrap_or(0);
        let reach = header_width.saturating_add(COLUMN_SLACK);
        let mut last_row = 0u32;
        let mut width = header_width;
        for &(r, c, _) in &self.cells {
            if c >= reach {
                continue;
            }
            if r > last_row.saturating_add(ROW_GAP).saturating_add(1) {
                break;
            }
            last_row = last_row.max(r);
            width = width.max(c + 1);
        }
        (last_row, width)
    }

    fn lay_out(self, last_row: u32, width: u32, source: WorkbookSource) -> Document {
        let w = width as usize;
        let inside = |r: u32, c: u32| r <= last_row && c < width;
        let mut header = vec![String::new(); w];
        let mut outside = Vec::new();
        let mut outside_count = 0usize;
        let mut body: Vec<(u32, u32, Held)> = Vec::new();
        for (r, c, held) in self.cells {
            if !inside(r, c) {
                outside_count += 1;
                if outside.len() < OUTSIDE_KEPT {
                    let value = match held {
                        Held::Value(v) => v,
                        Held::FormulaOnly(f) => f,
                    };
                    outside.push(OutsideValue {
                        row: r,
                        col: c,
                        value,
                    });
                }
            } else if r == 0 {
                // A header name that is a formula without a value stays blank: its text
                // is no column name.
                if let (Held::Value(v), Some(name)) = (held, header.get_mut(c as usize)) {
                    *name = v;
                }
            } else {
                body.push((r, c, held));
            }
        }
        let mut doc = Document::new(header, FileMeta::default());
        doc.table.reserve_rows(last_row as usize);
        let mut cells: Vec<String> = vec![String::new(); w];
        let mut formulas: Vec<(u32, usize, String)> = Vec::new();
        let mut next = body.into_iter().peekable();
        for row in 1..=last_row {
            cells.iter_mut().for_each(String::clear);
            while let Some((_, c, held)) = next.next_if(|b| b.0 == row) {
                match held {
                    Held::Value(v) => {
                        if let Some(cell) = cells.get_mut(c as usize) {
                            *cell = v;
                        }
                    }
                    Held::FormulaOnly(f) => formulas.push((row - 1, c as usize, f)),
                }
            }
            doc.table
                .push_record(cells.iter().map(String::as_str), row.saturating_add(1));
        }
        for (phys, col, formula) in formulas {
            doc.note_read_problem(phys, col, ReadProblem::FormulaWithoutValue(formula));
        }
        doc.outside = std::sync::Arc::new(crate::document::Outside {
            values: outside,
            count: outside_count,
        });
        doc.workbook = Some(source);
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::WorkbookKind;

    fn source() -> WorkbookSource {
        WorkbookSource {
            kind: WorkbookKind::Xlsx,
            sheet: "S".into(),
            sheets: vec!["S".into()],
        }
    }

    fn value(s: &str) -> Held {
        Held::Value(s.to_string())
    }

    #[test]
    fn a_far_value_is_kept_aside_and_the_table_stays_small() {
        let mut cells = SheetCells::default();
        cells.push(0, 0, value("a")).unwrap();
        cells.push(0, 1, value("b")).unwrap();
        cells.push(1, 0, value("1")).unwrap();
        cells.push(1_048_575, 16_383, value("stray")).unwrap();
        cells.push(2, 200, value("far right")).unwrap();
        let doc = cells.into_document(source()).unwrap();
        assert_eq!(doc.header, ["a", "b"]);
        assert_eq!(doc.rows(), 1);
        assert_eq!(doc.outside.count, 2);
        assert_eq!(
            doc.outside.values[1],
            OutsideValue {
                row: 1_048_575,
                col: 16_383,
                value: "stray".into()
            }
        );
    }

    #[test]
    fn rows_after_a_short_gap_and_a_nameless_column_stay_in_the_table() {
        let mut cells = SheetCells::default();
        cells.push(0, 0, value("a")).unwrap();
        cells.push(500, 3, value("x")).unwrap();
        let doc = cells.into_document(source()).unwrap();
        assert_eq!(doc.width(), 4);
        assert_eq!(doc.rows(), 500);
        assert_eq!(doc.cell(499, 3), "x");
        assert_eq!(doc.outside.count, 0);
    }

    #[test]
    fn a_formula_without_its_value_is_a_read_problem_and_no_text() {
        let mut cells = SheetCells::default();
        cells.push(0, 0, value("a")).unwrap();
        cells
            .push(1, 0, Held::FormulaOnly("=100+2".into()))
            .unwrap();
        let doc = cells.into_document(source()).unwrap();
        assert_eq!(doc.cell(0, 0), "");
        assert_eq!(
            doc.read_problem(0, 0),
            Some(&ReadProblem::FormulaWithoutValue("=100+2".into()))
        );
    }

    #[test]
    fn the_last_of_two_cells_in_one_place_wins() {
        let mut cells = SheetCells::default();
        cells.push(0, 0, value("first")).unwrap();
        cells.push(0, 0, value("second")).unwrap();
        let doc = cells.into_document(source()).unwrap();
        assert_eq!(doc.header, ["second"]);
    }
}
