//! Cross-checking a document against the user list exported from the console: an update
//! cannot create users, and an extension the console already gives to someone else will be
//! rejected.

use crate::document::Document;
use crate::schema::{Binding, Schema, Unique};
use crate::text::is_blank;
use rustc_hash::{FxHashMap, FxHashSet};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roster {
    /// Schema column that identifies a user (the first unique column: Login ID).
    pub key_column: usize,
    key_mode: Option<Unique>,
    keys: FxHashSet<String>,
    /// For each other unique schema column the roster has: value → the key that owns it.
    owners: Vec<(usize, FxHashMap<String, String>)>,
}

impl Roster {
    /// Reads the roster's columns by the schema's header names (any other columns are ignored).
    pub fn from_document(roster: &Document, schema: &Schema) -> Result<Roster, String> {
        let binding = Binding::new(schema, &roster.header);
        let mut unique_cols = schema
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.unique.is_some());
        let (key_column, key_col) = unique_cols.next().ok_or_else(|| {
            format!(
                "the {} schema has no unique column to match users by",
                schema.name
            )
        })?;
        let key_file = binding
            .file_of
            .get(key_column)
            .copied()
            .flatten()
            .ok_or_else(|| format!("the roster has no '{}' column", key_col.name))?;
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
        Ok(out)
    }

    fn fold(&self, key: &str) -> String {
        match self.key_mode {
            Some(Unique::CaseInsensitive) => key.trim().to_lowercase(),
            _ => key.trim().to_string(),
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn knows(&self, key: &str) -> bool {
        self.keys.contains(&self.fold(key))
    }

    /// The user the roster gives `value` (in schema column `column`) to, when that is not `key`.
    pub fn other_owner(&self, column: usize, value: &str, key: &str) -> Option<&str> {
        let (_, map) = self.owners.iter().find(|(c, _)| *c == column)?;
        let owner = map.get(value.trim())?;
        (owner != &self.fold(key)).then_some(owner.as_str())
    }

    /// Schema columns other than the key that the roster checks.
    pub fn checked_columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.owners.iter().map(|(c, _)| *c)
    }
}
