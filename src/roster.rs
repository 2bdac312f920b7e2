//! Cross-checking a document against the user list exported from the console: an update
//! cannot create users, and an extension the console already gives to someone else will be
//! rejected.

use crate::baseline::{Baseline, Pairing};
use crate::document::Document;
use crate::io::ReadError;
use crate::schema::{Binding, Schema, Unique};
use crate::text::is_blank;
use crate::validate::message::Lang;
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};

/// A CSV's header is its first line: the reader takes no other.
const HEADER_LINE: u32 = 1;

/// Why a file cannot serve as a roster for a schema.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RosterError {
    /// The schema has no unique column, so there is nothing to match users by.
    #[error("the {schema} schema has no unique column to match users by")]
    NoKeyColumn {
        /// The schema's name.
        schema: String,
    },
    /// The roster's header lacks the column that identifies a user.
    #[error("line {line}: the roster has no '{column}' column")]
    MissingKeyColumn {
        /// The schema column users are matched by (Login ID).
        column: String,
        /// The roster's header line.
        line: u32,
    },
}

impl RosterError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, _) => self.to_string(),
            (Lang::Ja, RosterError::NoKeyColumn { schema }) => {
                format!("テンプレート {schema} には、ユーザーを照合する一意の列がありません")
            }
            (Lang::Ja, RosterError::MissingKeyColumn { column, line }) => {
                format!("{line}行目：ユーザー一覧のヘッダーに列「{column}」がありません")
            }
        }
    }
}

/// A roster file that cannot be read, or not used with the schema.
#[derive(Debug, thiserror::Error)]
pub enum RosterFileError {
    /// The file is not a readable CSV.
    #[error("{}", source.message_for_file(path, Lang::En))]
    Read {
        /// The roster file.
        path: PathBuf,
        /// Why.
        source: ReadError,
    },
    /// The file was read but cannot serve as a roster.
    #[error("{}: {source}", path.display())]
    Unusable {
        /// The roster file.
        path: PathBuf,
        /// Why, and where in the file.
        source: RosterError,
    },
}

impl RosterFileError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RosterFileError::Read { path, source } => source.message_for_file(path, lang),
            RosterFileError::Unusable { path, source } => {
                format!("{}: {}", path.display(), source.message(lang))
            }
        }
    }
}

/// The users the console already has, by the schema's key column, and who owns each
/// value of its other unique columns.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// Schema column that identifies a user (the schema's key: Login ID).
    pub key_column: usize,
    key_mode: Option<Unique>,
    keys: FxHashSet<String>,
    /// For each other unique schema column the roster has: value → the key that owns it.
    owners: Vec<(usize, FxHashMap<String, String>)>,
    /// Every user's values, to tell rows that would change nothing.
    baseline: Option<std::sync::Arc<Baseline>>,
    /// The roster file's table, kept so the roster can be read again for another template.
    source: Option<std::sync::Arc<Document>>,
}

impl Roster {
    /// Reads a roster file (its encoding detected) for a schema.
    pub fn load(path: &Path, schema: &Schema) -> Result<Roster, RosterFileError> {
        let doc = crate::io::read_path(path, None).map_err(|source| RosterFileError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Roster::from_document(&doc, schema).map_err(|source| RosterFileError::Unusable {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Reads the roster's columns by the schema's header names (any other columns are ignored).
    pub fn from_document(roster: &Document, schema: &Schema) -> Result<Roster, RosterError> {
        let binding = Binding::new(schema, &roster.header);
        let no_key = || RosterError::NoKeyColumn {
            schema: schema.name.clone(),
        };
        let key_column = schema.key_column().ok_or_else(no_key)?;
        let key_col = schema.columns.get(key_column).ok_or_else(no_key)?;
        let unique_cols = schema
            .columns
            .iter()
            .enumerate()
            .filter(|&(si, c)| c.unique.is_some() && si != key_column);
        let key_file = binding
            .file_of
            .get(key_column)
            .copied()
            .flatten()
            .ok_or_else(|| RosterError::MissingKeyColumn {
                column: key_col.name.clone(),
                line: HEADER_LINE,
            })?;
        let mut out = Roster {
            key_column,
            key_mode: key_col.unique,
            ..Roster::default()
        };
        let others: Vec<(usize, usize)> = unique_cols
            .filter_map(|(si, _)| {
                binding
                    .file_of
                    .get(si)
                    .copied()
                    .flatten()
                    .map(|fi| (si, fi))
            })
            .collect();
        out.owners = others
            .iter()
            .map(|&(si, _)| (si, FxHashMap::default()))
            .collect();
        for row in 0..roster.rows() {
            let key = roster.cell(row, key_file);
            if is_blank(key) {
                continue;
            }
            let key = out.fold(key);
            for (i, &(_, fi)) in others.iter().enumerate() {
                let v = roster.cell(row, fi).trim();
                if let Some((_, owners)) = out.owners.get_mut(i).filter(|_| !v.is_empty()) {
                    owners.insert(v.to_string(), key.clone());
                }
            }
            out.keys.insert(key);
        }
        out.baseline = Baseline::new(roster.clone(), schema)
            .ok()
            .map(std::sync::Arc::new);
        out.source = Some(std::sync::Arc::new(roster.clone()));
        Ok(out)
    }

    /// The same roster file read for another template (after the sheet's template changed):
    /// refused as any roster is when that template has no key column it can find.
    pub fn for_schema(&self, schema: &Schema) -> Result<Roster, RosterError> {
        match &self.source {
            Some(doc) => Roster::from_document(doc, schema),
            None => Err(RosterError::NoKeyColumn {
                schema: schema.name.clone(),
            }),
        }
    }

    fn fold(&self, key: &str) -> String {
        match self.key_mode {
            Some(Unique::CaseInsensitive) => key.trim().to_lowercase(),
            _ => key.trim().to_string(),
        }
    }

    /// How many users the roster lists.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the roster lists no user.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether the roster lists this user (by the key column's value).
    pub fn knows(&self, key: &str) -> bool {
        self.keys.contains(&self.fold(key))
    }

    /// The user the roster gives `value` (in schema column `column`) to, when that is not `key`.
    pub fn other_owner(&self, column: usize, value: &str, key: &str) -> Option<&str> {
        let (_, map) = self.owners.iter().find(|(c, _)| *c == column)?;
        let owner = map.get(value.trim())?;
        (owner != &self.fold(key)).then_some(owner.as_str())
    }

    /// How a document's header lines up with the roster's columns (None when it lacks the
    /// key column).
    pub fn pair(&self, schema: &Schema, header: &[String]) -> Option<Pairing> {
        self.baseline.as_ref()?.pair(schema, header).ok()
    }

    /// Whether the console already holds the row as it is, in every column both have:
    /// uploading it would change nothing.
    pub fn unchanged(&self, doc: &Document, row: usize, pairing: &Pairing) -> bool {
        self.baseline
            .as_ref()
            .is_some_and(|b| b.unchanged(doc, row, pairing))
    }

    /// The roster as a baseline to compare files with (`export --only-changed`).
    pub fn baseline(&self) -> Option<&Baseline> {
        self.baseline.as_deref()
    }

    /// Schema columns other than the key that the roster checks.
    pub fn checked_columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.owners.iter().map(|(c, _)| *c)
    }
}
