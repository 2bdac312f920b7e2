//! A file the rows are compared with, row by row through the schema's key: the file as it
//! was before (`export --changed-from`) or the console's user list (the roster). A row is
//! unchanged when the baseline has a row with the same key and every column both files
//! have holds the same text. The console's update sets every column it is given, so a row
//! equal to what the console holds changes nothing and can be left out.
//!
//! Columns are paired by what they are: a template column by the template (so `ログインID`
//! pairs with `Login ID`), any other by its header name (trimmed, case-insensitive).
//! Columns only one file has are not compared. Values compare as text, exactly: a space
//! or a letter's case is a change. Keys compare as the key column's `unique` rule says
//! (Login ID: trimmed, case-insensitive), and only so. When the baseline holds a key twice, its first
//! row counts.

use crate::document::Document;
use crate::schema::{Binding, Schema, Unique, normalize_header};
use crate::text::is_blank;
use crate::validate::message::Lang;
use rustc_hash::FxHashMap;

/// Why two files cannot be compared by key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// The schema has no key column (no `key`, no unique column).
    #[error("the {schema} schema has no key column to match rows by")]
    NoKey {
        /// The schema's name.
        schema: String,
    },
    /// A file's header lacks the key column.
    #[error("the header has no '{column}' column to match rows by")]
    MissingKeyColumn {
        /// The key column's name in the schema.
        column: String,
    },
}

impl KeyError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, _) => self.to_string(),
            (Lang::Ja, KeyError::NoKey { schema }) => {
                format!("テンプレート {schema} には、行を照合するキーの列がありません")
            }
            (Lang::Ja, KeyError::MissingKeyColumn { column }) => {
                format!("ヘッダーに、行を照合する列「{column}」がありません")
            }
        }
    }
}

/// The rows of a file by key, to compare another file's rows with.
#[derive(Debug, Clone)]
pub struct Baseline {
    doc: Document,
    /// The key's schema column.
    key_column: usize,
    key_mode: Option<Unique>,
    /// Folded key → the first data row holding it.
    rows: FxHashMap<String, usize>,
    /// What each of its columns is (see [`identities`]).
    columns: Vec<String>,
}

/// How a file lines up with a baseline: its key column and the column pairs compared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairing {
    /// The file's key column.
    pub key: usize,
    /// (file column, baseline column) for every column both have but the key (matched
    /// already, by its own rule).
    pub columns: Vec<(usize, usize)>,
}

/// The rows kept and how many were left out as unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The rows that change something, in the order given.
    pub keep: Vec<usize>,
    /// How many rows were left out because the baseline holds them as they are.
    pub unchanged: usize,
}

/// What each column of a header is: a template column (by its index), else its name.
/// Blank names pair with nothing.
fn identities(schema: &Schema, header: &[String]) -> Vec<String> {
    let binding = Binding::new(schema, header);
    header
        .iter()
        .enumerate()
        .map(|(i, h)| match binding.schema_of.get(i).copied().flatten() {
            Some(si) => format!("\u{0}{si}"),
            None => normalize_header(h),
        })
        .collect()
}

fn fold_key(mode: Option<Unique>, key: &str) -> String {
    match mode {
        Some(Unique::CaseInsensitive) => key.trim().to_lowercase(),
        _ => key.trim().to_string(),
    }
}

/// The key column of a schema, or why there is none.
fn key_of(schema: &Schema) -> Result<(usize, Option<Unique>), KeyError> {
    let si = schema.key_column().ok_or_else(|| KeyError::NoKey {
        schema: schema.name.clone(),
    })?;
    Ok((si, schema.columns.get(si).and_then(|c| c.unique)))
}

/// The file column holding schema column `si`, or the error naming it.
fn file_key(schema: &Schema, header: &[String], si: usize) -> Result<usize, KeyError> {
    Binding::new(schema, header)
        .file_of
        .get(si)
        .copied()
        .flatten()
        .ok_or_else(|| KeyError::MissingKeyColumn {
            column: schema
                .columns
                .get(si)
                .map_or_else(String::new, |c| c.name.clone()),
        })
}

impl Baseline {
    /// Indexes a file's rows by the schema's key.
    pub fn new(doc: Document, schema: &Schema) -> Result<Baseline, KeyError> {
        let (key_column, key_mode) = key_of(schema)?;
        let key_file = file_key(schema, &doc.header, key_column)?;
        let mut rows = FxHashMap::default();
        for row in 0..doc.rows() {
            let key = doc.cell(row, key_file);
            if !is_blank(key) {
                rows.entry(fold_key(key_mode, key)).or_insert(row);
            }
        }
        Ok(Baseline {
            key_column,
            key_mode,
            rows,
            columns: identities(schema, &doc.header),
            doc,
        })
    }

    /// A key as it is matched: trimmed, and folded to lower case for a case-insensitive key.
    pub fn fold(&self, key: &str) -> String {
        fold_key(self.key_mode, key)
    }

    /// The key's schema column.
    pub fn key_column(&self) -> usize {
        self.key_column
    }

    /// How many keys it holds.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether it holds no key.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Whether it holds a row with this key.
    pub fn knows(&self, key: &str) -> bool {
        self.rows.contains_key(&self.fold(key))
    }

    /// How a file with this header lines up with it; an error when the header lacks the
    /// key column.
    pub fn pair(&self, schema: &Schema, header: &[String]) -> Result<Pairing, KeyError> {
        let key = file_key(schema, header, self.key_column)?;
        let columns = identities(schema, header)
            .iter()
            .enumerate()
            .filter(|&(fi, id)| fi != key && !id.is_empty())
            .filter_map(|(fi, id)| Some((fi, self.columns.iter().position(|b| b == id)?)))
            .collect();
        Ok(Pairing { key, columns })
    }

    /// Whether the baseline holds `doc`'s row as it is: same key, same text in every
    /// paired column. A row with a blank key or a key it lacks is a change.
    pub fn unchanged(&self, doc: &Document, row: usize, pairing: &Pairing) -> bool {
        let key = doc.cell(row, pairing.key);
        if is_blank(key) {
            return false;
        }
        let Some(&base_row) = self.rows.get(&self.fold(key)) else {
            return false;
        };
        pairing
            .columns
            .iter()
            .all(|&(fi, bi)| doc.cell(row, fi) == self.doc.cell(base_row, bi))
    }

    /// Splits `rows` of `doc` into those that change something and a count of the rest.
    pub fn compare(
        &self,
        schema: &Schema,
        doc: &Document,
        rows: &[usize],
    ) -> Result<Comparison, KeyError> {
        let pairing = self.pair(schema, &doc.header)?;
        let mut out = Comparison::default();
        for &row in rows {
            if self.unchanged(doc, row, &pairing) {
                out.unchanged += 1;
            } else {
                out.keep.push(row);
            }
        }
        Ok(out)
    }
}
