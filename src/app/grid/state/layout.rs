//! Where the columns start out: which come first and stay in view, and how wide each is.

use crate::Sheet;
use crate::app::i18n::Lang;
use crate::app::theme::{ARROW_ROOM, CHAR_WIDTH, MAX_INITIAL_COLUMN_WIDTH, MIN_COLUMN_WIDTH};
use crate::schema::Kind;

/// The file columns bound to the schema's first two columns (Login ID and User name in the
/// MiiTel template) come first and stay in view; the rest follow in file order.
pub fn column_order(sheet: &Sheet) -> (Vec<usize>, usize) {
    let width = sheet.doc().width();
    let binding = &sheet.rules().binding;
    let mut frozen: Vec<usize> = binding
        .file_of
        .iter()
        .take(2)
        .filter_map(|c| *c)
        .filter(|&c| c < width)
        .collect();
    if frozen.is_empty() && width > 3 {
        frozen.push(0);
    }
    let mut order = frozen.clone();
    order.extend((0..width).filter(|c| !frozen.contains(c)));
    (order, frozen.len())
}

/// Where each column of `before` went in `after` (`new_of[old] = new`), when `after` is
/// the same names in another order; a name used twice keeps its occurrences in order.
/// None when the headers are not such a reordering (another file).
pub fn moved_columns(before: &[String], after: &[String]) -> Option<Vec<usize>> {
    if before.len() != after.len() {
        return None;
    }
    let mut taken = vec![false; after.len()];
    before
        .iter()
        .map(|name| {
            let new = (0..after.len())
                .find(|&i| !taken.get(i).copied().unwrap_or(true) && after.get(i) == Some(name))?;
            if let Some(t) = taken.get_mut(new) {
                *t = true;
            }
            Some(new)
        })
        .collect()
}

/// How many character cells a text takes: a Japanese character takes two, so a column of
/// names in kanji starts wide enough for them.
fn columns(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Starting widths: wide enough for the column's kind, its first rows and its header's
/// longest word.
pub fn initial_widths(sheet: &Sheet) -> Vec<f32> {
    let doc = sheet.doc();
    (0..doc.width())
        .map(|col| {
            let kind = sheet.column_kind(col);
            // Starting widths leave room for 8 of the template's columns beside the side
            // panel on a 1366 px screen: a longer value is cut with "…" (whole on hover,
            // in the editor, and once the column is dragged wider).
            let chars = match kind {
                Some(Kind::Email) => 22,
                Some(Kind::Digits { .. }) => 11,
                Some(Kind::Enum { options }) => options
                    .iter()
                    // Wide enough in either language: switching it keeps the widths.
                    .flat_map(|o| [Lang::En, Lang::Ja].map(|l| columns(&o.display_in(l))))
                    .max()
                    .unwrap_or(6)
                    .clamp(12, 20),
                _ => {
                    let longest = (0..doc.rows().min(200))
                        .map(|r| columns(doc.cell(r, col)))
                        .max()
                        .unwrap_or(0);
                    longest.clamp(12, 16)
                }
            };
            // The header's longest word fits beside the sort arrow, not cut in two.
            let word = doc
                .header
                .get(col)
                .and_then(|h| h.split_whitespace().map(columns).max())
                .unwrap_or(0);
            let header = word as f32 * CHAR_WIDTH + 12.0 + ARROW_ROOM;
            (chars as f32 * CHAR_WIDTH + 12.0)
                .max(header)
                .clamp(MIN_COLUMN_WIDTH, MAX_INITIAL_COLUMN_WIDTH)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::moved_columns;

    fn names(s: &str) -> Vec<String> {
        s.split(',').map(String::from).collect()
    }

    #[test]
    fn moved_columns_follow_names_and_keep_repeated_names_in_order() {
        assert_eq!(
            moved_columns(&names("a,b,c"), &names("c,a,b")),
            Some(vec![1, 2, 0])
        );
        assert_eq!(
            moved_columns(&names("x,,y,"), &names(",x,,y")),
            Some(vec![1, 0, 3, 2])
        );
        assert_eq!(moved_columns(&names("a,b"), &names("a,c")), None);
        assert_eq!(moved_columns(&names("a,b"), &names("a,b,c")), None);
    }
}
