//! Which file column is which schema column. Columns are matched by header name
//! (trimmed, case-insensitive, BOM removed), in any order.

use super::{Schema, Subscriptions, normalize_header};

/// Which file column holds which schema column, both ways.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Binding {
    /// For each file column, the schema column it holds.
    pub schema_of: Vec<Option<usize>>,
    /// For each schema column, the file column that holds it.
    pub file_of: Vec<Option<usize>>,
}

/// What is wrong with a header for a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    /// A schema column the file lacks (index into schema.columns).
    Missing(usize),
    /// A file column whose header repeats an earlier one (file column index).
    Duplicate(usize),
    /// A file column no schema column claims (file column index).
    Unknown(usize),
}

impl Binding {
    /// Binds a file's header to a schema's columns.
    pub fn new(schema: &Schema, header: &[String]) -> Self {
        let mut schema_of = vec![None; header.len()];
        let mut file_of = vec![None; schema.columns.len()];
        for (fi, h) in header.iter().enumerate() {
            let key = normalize_header(h);
            let found = schema.columns.iter().position(|c| c.matches_key(&key));
            // The first file column with a schema column's name takes it; later ones are
            // duplicates.
            if let Some(si) = found
                && let Some(slot @ None) = file_of.get_mut(si)
                && let Some(back) = schema_of.get_mut(fi)
            {
                *slot = Some(fi);
                *back = Some(si);
            }
        }
        Binding { schema_of, file_of }
    }

    /// Header problems, in a stable order: duplicates and unknowns by file position,
    /// then missing columns in schema order.
    pub fn problems(
        &self,
        schema: &Schema,
        header: &[String],
        subs: &Subscriptions,
    ) -> Vec<HeaderProblem> {
        let mut out = Vec::new();
        if schema.is_generic() {
            return out;
        }
        for (fi, h) in header.iter().enumerate() {
            if self.schema_of.get(fi).is_some_and(Option::is_some) {
                continue;
            }
            let norm = normalize_header(h);
            // Blank names are each reported as blank, never as duplicates of each other.
            let repeats =
                !norm.is_empty() && header.iter().take(fi).any(|o| normalize_header(o) == norm);
            out.push(if repeats {
                HeaderProblem::Duplicate(fi)
            } else {
                HeaderProblem::Unknown(fi)
            });
        }
        for (si, col) in schema.columns.iter().enumerate() {
            if self.file_of.get(si).is_none_or(Option::is_none) && col.is_required(subs) {
                out.push(HeaderProblem::Missing(si));
            }
        }
        out
    }

    /// How well a header fits a schema: the share of schema columns found.
    pub fn score(schema: &Schema, header: &[String]) -> f64 {
        if schema.columns.is_empty() {
            return 0.0;
        }
        let b = Self::new(schema, header);
        b.file_of.iter().filter(|x| x.is_some()).count() as f64 / schema.columns.len() as f64
    }
}
