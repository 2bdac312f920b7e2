//! Auto-fixes, proposed as plain data so the window can preview them and the command line
//! can apply them: trim spaces, full-width to half-width where the column wants ASCII,
//! labels to codes, a spreadsheet's `.0` dropped, spaces taken out of a Login ID,
//! dropping blank rows, and putting the columns in the template's order. A fix is only
//! proposed when it settles the cell's problem, and a fix that would cause a new issue
//! elsewhere (a duplicate, say) is marked and never applied: `repair` decides a value,
//! `judge` lays the fixes together over the sheet, which it only reads.

mod columns;
mod diff;
mod judge;
mod repair;

pub use columns::{template_order, template_order_edit};
pub use diff::changed_chars;
pub use judge::{NewIssue, duplicate_rows, judge};
pub use repair::repair;

use crate::schema::Column;
use crate::sheet::Sheet;
use crate::validate::{Code, Finding};

/// What a fix does to a value; "fix all like this" groups fixes by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FixKind {
    /// Spaces at either end removed.
    Trim,
    /// Full-width letters, digits and ＠ made half-width.
    HalfWidth,
    /// A label (`English`, `はい`, `TRUE`) replaced by its code.
    LabelToCode,
    /// A whole number a spreadsheet wrote with zero decimals (`1.0`, `2.00`) in a code or
    /// digits column, written without them.
    ExcelNumber,
    /// Spaces inside a Login ID removed.
    RemoveSpaces,
    /// Hyphens and spaces inside a digits column (an extension `123-4`) removed. Which
    /// number was meant is the user's call, so it is offered for one cell at a time only.
    RemoveHyphens,
}

impl FixKind {
    /// A short English phrase for the command line's list of applied fixes.
    pub fn describe(self) -> &'static str {
        match self {
            FixKind::Trim => "trim spaces",
            FixKind::HalfWidth => "full-width to half-width",
            FixKind::LabelToCode => "label to code",
            FixKind::ExcelNumber => "drop the zero decimals",
            FixKind::RemoveSpaces => "remove the spaces",
            FixKind::RemoveHyphens => "remove the hyphens and spaces",
        }
    }

    /// Whether the fix is offered on its own cell only, never in "Fix all", "Fix all like
    /// this" or `bulksheet fix`: the value it writes may not be the one meant.
    pub fn cell_only(self) -> bool {
        matches!(self, FixKind::RemoveHyphens)
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
    /// The issues the fix would newly cause, found by [`judge`]: a fix with any is left
    /// for a person and never applied. Empty until judged.
    pub creates: Vec<NewIssue>,
}

impl Fix {
    /// Whether the fix may be applied: judged to cause no new issue.
    pub fn is_safe(&self) -> bool {
        self.creates.is_empty()
    }
}

/// The fix for one cell, if its value can be repaired mechanically. Not judged (cheap
/// enough for menus drawn every frame): pass it to [`judge`] before applying it.
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
        creates: Vec::new(),
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

/// Every fix offered for the whole sheet, unjudged: cell-only fixes left out.
fn candidates(sheet: &Sheet) -> impl Iterator<Item = Fix> + '_ {
    sheet
        .validator()
        .flagged_cells()
        .filter_map(|(r, c)| propose_cell(sheet, r, c))
        .filter(|f| !f.kind.cell_only())
}

/// Every fix the sheet offers for "Fix all", in row then column order, judged together:
/// those that would cause a new issue say which.
pub fn propose_all(sheet: &Sheet) -> Vec<Fix> {
    judge(sheet, candidates(sheet).collect())
}

/// "Fix all like this": every fix of the same kind in the same column, judged together.
pub fn propose_like(sheet: &Sheet, example: &Fix) -> Vec<Fix> {
    judge(sheet, like(sheet, example))
}

fn like(sheet: &Sheet, example: &Fix) -> Vec<Fix> {
    candidates(sheet)
        .filter(|f| f.kind == example.kind && f.col == example.col)
        .collect()
}

/// Applies the fixes judged safe (every one judged to cause a new issue left out) as one
/// undo step: many make a block step, like any edit of many cells. Returns whether a
/// cell changed.
pub fn apply(sheet: &mut Sheet, fixes: &[Fix]) -> bool {
    let cells = fixes
        .iter()
        .filter(|f| f.is_safe())
        .map(|f| (f.row, f.col, f.new.clone()))
        .collect();
    sheet.set_cells(cells)
}

/// Rows whose cells are all blank (they are dropped on export).
pub fn blank_rows(sheet: &Sheet) -> Vec<usize> {
    (0..sheet.doc().rows())
        .filter(|&r| sheet.validator().is_blank_row(r))
        .collect()
}
