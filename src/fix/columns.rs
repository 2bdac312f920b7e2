//! "Put columns in the template's order": the template's columns first, in its order,
//! then every other column (unknown names, leftovers) in the order the file had them.

use crate::document::Edit;
use crate::sheet::Sheet;

/// The new column order (new column `i` is the file's column `order[i]`) when the
/// template's columns are out of order; None when they are in order, in generic mode, or
/// while some row has more or fewer fields than the header (which field belongs to which
/// column is unclear until those are mended).
pub fn template_order(sheet: &Sheet) -> Option<Vec<usize>> {
    let rules = sheet.rules();
    if rules.schema.is_generic() || sheet.doc().table.has_ragged_rows() {
        return None;
    }
    let binding = &rules.binding;
    let template = binding.file_of.iter().filter_map(|f| *f);
    let others = binding
        .schema_of
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_none())
        .map(|(fi, _)| fi);
    let order: Vec<usize> = template.chain(others).collect();
    let moved = order.iter().enumerate().any(|(i, &o)| i != o);
    (moved && order.len() == sheet.doc().width()).then_some(order)
}

/// The undoable step that puts the columns in the template's order, if they are not.
pub fn template_order_edit(sheet: &Sheet) -> Option<Edit> {
    template_order(sheet).map(Edit::Columns)
}
