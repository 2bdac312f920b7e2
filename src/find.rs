//! Find and replace over a document, in one column or everywhere.

use crate::sheet::Sheet;

/// What to look for: the text and how a cell must hold it to count as a match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The text to find; an empty text matches nothing.
    pub text: String,
    /// Limit the search to one file column.
    pub column: Option<usize>,
    /// Upper and lower case must agree; otherwise case is ignored.
    pub match_case: bool,
    /// The whole cell must equal the text.
    pub whole_cell: bool,
}

impl Query {
    /// Whether a cell's value counts as a match: never for an empty query text, so an
    /// emptied search box does not select every cell.
    pub fn matches(&self, value: &str) -> bool {
        if self.text.is_empty() {
            return false;
        }
        match (self.match_case, self.whole_cell) {
            (true, true) => value == self.text,
            (true, false) => value.contains(&self.text),
            (false, true) => value.to_lowercase() == self.text.to_lowercase(),
            (false, false) => value.to_lowercase().contains(&self.text.to_lowercase()),
        }
    }

    /// The value with the matched text replaced (the whole value for a whole-cell query).
    pub fn replace(&self, value: &str, with: &str) -> String {
        if self.whole_cell {
            return with.to_string();
        }
        if self.match_case {
            return value.replace(&self.text, with);
        }
        replace_ignore_case(value, &self.text, with)
    }
}

fn replace_ignore_case(value: &str, needle: &str, with: &str) -> String {
    let lower = value.to_lowercase();
    let needle = needle.to_lowercase();
    // Lower-casing can change byte lengths outside ASCII; fall back to a plain replace then.
    if lower.len() != value.len() || needle.is_empty() {
        return value.replace(&needle, with);
    }
    let mut out = String::with_capacity(value.len());
    let mut last = 0;
    for (at, _) in lower.match_indices(&needle) {
        out.push_str(value.get(last..at).unwrap_or(""));
        out.push_str(with);
        last = at + needle.len();
    }
    out.push_str(value.get(last..).unwrap_or(""));
    out
}

/// Every matching cell, in row then column order.
pub fn find_all(sheet: &Sheet, q: &Query) -> Vec<(usize, usize)> {
    let doc = sheet.doc();
    let cols: Vec<usize> = match q.column {
        Some(c) if c < doc.width() => vec![c],
        Some(_) => Vec::new(),
        None => (0..doc.width()).collect(),
    };
    let mut out = Vec::new();
    for row in 0..doc.rows() {
        for &col in &cols {
            if q.matches(doc.cell(row, col)) {
                out.push((row, col));
            }
        }
    }
    out
}

/// Replaces in every matching cell as one undo step; returns how many cells changed.
pub fn replace_all(sheet: &mut Sheet, q: &Query, with: &str) -> usize {
    let cells: Vec<(usize, usize, String)> = find_all(sheet, q)
        .into_iter()
        .map(|(r, c)| (r, c, q.replace(sheet.cell(r, c), with)))
        .collect();
    let n = cells
        .iter()
        .filter(|(r, c, v)| sheet.cell(*r, *c) != v)
        .count();
    sheet.set_cells(cells);
    n
}
