//! Auto-fixes, proposed as plain data so the window can preview them and the command line
//! can apply them: trim spaces, full-width to half-width where the column wants ASCII,
//! labels to codes, and dropping blank rows. A fix is only proposed when it settles the
//! cell's problem.

use crate::document::{CellChange, Edit};
use crate::schema::{Column, Kind};
use crate::sheet::Sheet;
use crate::text::{has_outer_space, is_blank, to_halfwidth};
use crate::validate::{Code, Finding, cell};

/// What a fix does to a value; "fix all like this" groups fixes by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FixKind {
    /// Spaces at either end removed.
    Trim,
    /// Full-width letters, digits and ＠ made half-width.
    HalfWidth,
    /// A label (`English`, `はい`, `TRUE`) replaced by its code.
    LabelToCode,
}

impl FixKind {
    /// A short English phrase for the command line's list of applied fixes.
    pub fn describe(self) -> &'static str {
        match self {
            FixKind::Trim => "trim spaces",
            FixKind::HalfWidth => "full-width to half-width",
            FixKind::LabelToCode => "label to code",
        }
    }
}

/// One proposed change to one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The document row, in current row order.
    pub row: usize,
    /// The file column.
    pub col: usize,
    /// The value now in the cell, kept so the fix can be previewed and undone.
    pub old: String,
    /// The value the fix writes, one that passes the column's rules.
    pub new: String,
    /// Which repair produced `new`.
    pub kind: FixKind,
}

/// The fix for one cell, if its value can be repaired mechanically.
pub fn propose_cell(sheet: &Sheet, row: usize, col: usize) -> Option<Fix> {
    let findings = sheet.validator().cell_findings(row, col);
    if findings.iter().all(|f| !fixable(f)) {
        return None;
    }
    let column = schema_column(sheet, col)?;
    let old = sheet.cell(row, col);
    let (new, kind) = repair(column, old)?;
    Some(Fix {
        row,
        col,
        old: old.to_string(),
        new,
        kind,
    })
}

fn fixable(f: &Finding) -> bool {
    matches!(
        f.code,
        Code::Whitespace | Code::Email | Code::Digits | Code::Enum
    )
}

fn schema_column(sheet: &Sheet, col: usize) -> Option<&Column> {
    let rules = sheet.rules();
    let s = rules.binding.schema_of.get(col).copied().flatten()?;
    rules.schema.columns.get(s)
}

/// The repaired value and what was done, or None when no mechanical repair makes it valid.
pub fn repair(column: &Column, value: &str) -> Option<(String, FixKind)> {
    if is_blank(value) {
        return None;
    }
    if matches!(column.kind, Kind::Text) {
        // Names may be full-width on purpose: only trim them.
        return has_outer_space(value).then(|| (trim_all(value).to_string(), FixKind::Trim));
    }
    let trimmed = trim_all(value);
    let half = to_halfwidth(trimmed).trim().to_string();
    let (new, kind) = match &column.kind {
        Kind::Enum { .. } if column.kind.option_for_code(&half).is_none() => {
            let code = column.kind.code_for_label(&half)?;
            (code.to_string(), FixKind::LabelToCode)
        }
        _ if half != trimmed => (half, FixKind::HalfWidth),
        _ => (half, FixKind::Trim),
    };
    if new == value || !valid(column, &new) {
        return None;
    }
    Some((new, kind))
}

fn trim_all(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

fn valid(column: &Column, value: &str) -> bool {
    let mut out = Vec::new();
    cell::check(column, false, value, &mut out);
    out.iter().all(|f| f.severity != crate::Severity::Error)
}

/// Every fix the sheet offers, in row then column order.
pub fn propose_all(sheet: &Sheet) -> Vec<Fix> {
    sheet
        .validator()
        .flagged_cells()
        .filter_map(|(r, c)| propose_cell(sheet, r, c))
        .collect()
}

/// "Fix all like this": every fix of the same kind in the same column.
pub fn propose_like(sheet: &Sheet, example: &Fix) -> Vec<Fix> {
    propose_all(sheet)
        .into_iter()
        .filter(|f| f.kind == example.kind && f.col == example.col)
        .collect()
}

/// One undo step applying the given fixes.
pub fn to_edit(fixes: &[Fix]) -> Edit {
    Edit::Cells(
        fixes
            .iter()
            .map(|f| CellChange {
                row: f.row,
                col: f.col,
                old: f.old.clone(),
                new: f.new.clone(),
                shape: Default::default(),
            })
            .collect(),
    )
}

/// Rows whose cells are all blank (they are dropped on export).
pub fn blank_rows(sheet: &Sheet) -> Vec<usize> {
    (0..sheet.doc().rows())
        .filter(|&r| sheet.validator().is_blank_row(r))
        .collect()
}
