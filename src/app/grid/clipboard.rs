//! Copy, cut, paste, clear and fill on the selected range, as tab-separated text that
//! Excel and LibreOffice Calc read and write. The range is on screen (filtered, sorted);
//! every cell is mapped back to its document row and file column, and each operation is
//! one undo step.

use super::state::GridState;
use super::state::cell::CellPos;
use crate::Sheet;
use crate::tsv::{parse_tsv, to_tsv};

/// The selected cells as clipboard text.
pub fn copy_text(sheet: &Sheet, st: &GridState) -> String {
    let block = st.block();
    let cols = st.block_cols(&block);
    let rows: Vec<Vec<String>> = st
        .view()
        .doc_rows(block.rows)
        .into_iter()
        .map(|r| cols.iter().map(|&c| sheet.cell(r, c).to_string()).collect())
        .collect();
    to_tsv(&rows)
}

/// Empties every selected cell.
pub fn clear_selection(sheet: &mut Sheet, st: &GridState) -> bool {
    set_value(sheet, st, "")
}

/// What a paste did, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pasted {
    /// Rows of the pasted block.
    pub rows: usize,
    /// Columns of the pasted block.
    pub cols: usize,
    /// Cells that fell outside the sheet (past the last column, or below the last
    /// filtered row) and were left out.
    pub dropped: usize,
}

/// Pastes clipboard text at the selection: a single value fills the whole range, a block
/// lands with its top-left at the range's top-left. In the unfiltered, unsorted view a
/// block longer than the sheet adds rows, as in a spreadsheet.
pub fn paste(sheet: &mut Sheet, st: &mut GridState, text: &str) -> Option<Pasted> {
    let block = parse_tsv(text);
    let rows = block.len();
    let cols = block.iter().map(Vec::len).max().unwrap_or(0);
    if rows == 0 || cols == 0 {
        return None;
    }
    let sel = st.block();
    let single = rows == 1 && cols == 1;
    let in_file_order = st.spec().is_identity() && is_file_order(st, sel.cols.start);
    let dropped;
    if single {
        let value = block
            .first()
            .and_then(|r| r.first())
            .map_or("", String::as_str);
        set_value(sheet, st, value);
        dropped = 0;
    } else if in_file_order {
        let top = st.view().doc_row(sel.rows.start).unwrap_or(0);
        let left = st.order().get(sel.cols.start).copied().unwrap_or(0);
        let width = sheet.doc().width();
        dropped = block
            .iter()
            .map(|r| r.len().saturating_sub(width.saturating_sub(left)))
            .sum();
        sheet.paste((top, left), sel.size(), &block);
    } else {
        let mut cells = Vec::new();
        let mut out = 0;
        for (i, values) in block.iter().enumerate() {
            for (j, v) in values.iter().enumerate() {
                let row = st.view().doc_row(sel.rows.start + i);
                let col = st.order().get(sel.cols.start + j).copied();
                match (row, col) {
                    (Some(r), Some(c)) => cells.push((r, c, v.clone())),
                    _ => out += 1,
                }
            }
        }
        sheet.set_cells(cells);
        dropped = out;
    }
    select_pasted(st, sheet, rows, cols, single);
    Some(Pasted {
        rows,
        cols,
        dropped,
    })
}

/// Screen columns from `from` on are in file order (the usual case: Login ID and User
/// name are the first columns of the template anyway).
fn is_file_order(st: &GridState, from: usize) -> bool {
    st.order()
        .get(from..)
        .unwrap_or(&[])
        .windows(2)
        .all(|w| w[1] == w[0] + 1)
}

/// Selects the pasted block so the user sees where it went.
fn select_pasted(st: &mut GridState, sheet: &Sheet, rows: usize, cols: usize, single: bool) {
    if single {
        return;
    }
    st.refresh_view(sheet);
    let sel = st.block();
    let last_row = (sel.rows.start + rows - 1).min(st.view().len().saturating_sub(1));
    let last_col = (sel.cols.start + cols - 1).min(st.order().len().saturating_sub(1));
    let top = st.view().doc_row(sel.rows.start);
    let bottom = st.view().doc_row(last_row);
    let (Some(top), Some(bottom)) = (top, bottom) else {
        return;
    };
    let left = st.order().get(sel.cols.start).copied().unwrap_or(0);
    let right = st.order().get(last_col).copied().unwrap_or(left);
    st.select_range(CellPos::new(top, left), CellPos::new(bottom, right));
}

/// Ctrl+D: the first selected row's values copied down the range; with a single row
/// selected, the row above is copied into it (as in a spreadsheet).
pub fn fill_down(sheet: &mut Sheet, st: &GridState) -> bool {
    let block = st.block();
    let cols = st.block_cols(&block);
    let source_view = if block.rows.len() == 1 {
        match block.rows.start.checked_sub(1) {
            Some(r) => r,
            None => return false,
        }
    } else {
        block.rows.start
    };
    let Some(source) = st.view().doc_row(source_view) else {
        return false;
    };
    let targets = st.view().doc_rows(source_view + 1..block.rows.end);
    sheet.fill_from(source, &targets, &cols)
}

/// Sets one value in every selected cell.
pub fn set_value(sheet: &mut Sheet, st: &GridState, value: &str) -> bool {
    let block = st.block();
    let rows = st.view().doc_rows(block.rows.clone());
    sheet.fill_cells(&rows, &st.block_cols(&block), value)
}
