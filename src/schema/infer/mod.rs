//! A starting template inferred from a filled file (`bulksheet schema infer`, the window's
//! "New template from this file…"): each column's kind, whether it is required or unique,
//! its limits, and the file's encoding and separator as what the console accepts. Every
//! guess is one the file itself passes, so the template finds nothing wrong with the file
//! it came from and catches what a person gets wrong in the same columns later.

mod column;
mod report;

pub use column::{ColumnGuess, Why, kind_like};
pub use report::InferError;

use super::{Schema, builtin, normalize_header};
use crate::document::Document;
use crate::text::is_blank;

/// What to call the inferred template, and the one rule no file can show.
#[derive(Debug, Clone, Default)]
pub struct InferOptions {
    /// The schema's `name` (its id).
    pub name: String,
    /// Its title for menus.
    pub title: String,
    /// Most rows one upload may hold; None: no limit (a file's row count says nothing
    /// about the console's limit).
    pub max_rows: Option<usize>,
}

impl InferOptions {
    /// Name and title from a file's name: `Staff list.csv` gives `staff-list`, titled
    /// `Staff list`. A name taken by a built-in template gets `-custom` after it.
    pub fn for_file(path: &std::path::Path) -> Self {
        let stem = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        InferOptions {
            name: id_from(&stem),
            title: stem,
            max_rows: None,
        }
    }
}

/// A schema id: lower-case letters and digits, other runs of characters as one `-`.
fn id_from(stem: &str) -> String {
    let mut id = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    match id {
        "" => "inferred".to_string(),
        taken if builtin(taken).is_some() => format!("{taken}-custom"),
        free => free.to_string(),
    }
}

/// The inferred template with the reasons for it.
#[derive(Debug, Clone)]
pub struct Inference {
    /// The template.
    pub schema: Schema,
    /// One guess per file column, in file order (columns left out say why).
    pub columns: Vec<ColumnGuess>,
    /// How many rows with a value the guesses were made from.
    pub rows: usize,
    /// Whether the file was a workbook (which says nothing of an encoding).
    pub workbook: bool,
}

/// Infers a template from a document's header and rows (blank rows are not counted).
pub fn infer(doc: &Document, options: &InferOptions) -> Result<Inference, InferError> {
    let rows: Vec<usize> = (0..doc.rows()).filter(|&r| !doc.is_blank_row(r)).collect();
    if doc.header.iter().all(|h| is_blank(h)) {
        return Err(InferError::NoHeader);
    }
    if rows.is_empty() {
        return Err(InferError::NoRows);
    }
    let mut schema = Schema::empty(&options.name, &options.title);
    schema.max_rows = options.max_rows;
    if doc.workbook.is_none() {
        schema.encodings = vec![doc.meta.encoding.for_console()];
        schema.separator = doc.meta.separator;
    }
    let mut columns = Vec::with_capacity(doc.width());
    for (col, header) in doc.header.iter().enumerate() {
        let taken = doc.header.iter().take(col).any(|h| same_header(h, header));
        let values = rows.iter().map(|&r| doc.cell(r, col));
        let guess = ColumnGuess::of(col, header, values, taken, schema.key.is_none());
        if let Some(c) = guess.column.clone() {
            if guess.key {
                schema.key = Some(c.name.clone());
            }
            schema.columns.push(c);
        }
        columns.push(guess);
    }
    Ok(Inference {
        schema,
        columns,
        rows: rows.len(),
        workbook: doc.workbook.is_some(),
    })
}

fn same_header(a: &str, b: &str) -> bool {
    !is_blank(a) && normalize_header(a) == normalize_header(b)
}
