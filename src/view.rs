//! Which rows the grid shows, and in what order: filters and sorting change the view,
//! never the file's row order.

use crate::sheet::Sheet;
use crate::validate::Severity;

/// The filters and sort order the grid applies; the default shows every row in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewSpec {
    /// Only rows with at least one error.
    pub errors_only: bool,
    /// Only rows where some cell contains this text (case-insensitive).
    pub text: String,
    /// Sort by this file column; `true` for descending.
    pub sort: Option<(usize, bool)>,
}

impl ViewSpec {
    /// Whether the view shows every row in file order, so a display row is the document
    /// row and there is no filter to clear.
    pub fn is_identity(&self) -> bool {
        !self.errors_only && self.text.is_empty() && self.sort.is_none()
    }
}

/// The document rows to show, in display order.
pub fn visible_rows(sheet: &Sheet, spec: &ViewSpec) -> Vec<usize> {
    let doc = sheet.doc();
    let needle = spec.text.to_lowercase();
    let mut rows: Vec<usize> = (0..doc.rows())
        .filter(|&r| {
            !spec.errors_only || sheet.validator().row_severity(r) == Some(Severity::Error)
        })
        .filter(|&r| {
            needle.is_empty()
                || (0..doc.width()).any(|c| doc.cell(r, c).to_lowercase().contains(&needle))
        })
        .collect();
    if let Some((col, descending)) = spec.sort {
        rows.sort_by(|&a, &b| {
            let ord = compare_cells(doc.cell(a, col), doc.cell(b, col));
            if descending { ord.reverse() } else { ord }
        });
    }
    rows
}

/// Numbers compare as numbers (so 9 sorts before 10), everything else as text.
fn compare_cells(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
        (Ok(x), Ok(y)) => x.total_cmp(&y),
        _ => a.cmp(b),
    }
}
