//! What a template looks like: its columns, their kinds and rules. Schemas are data
//! (TOML, see `docs/schema.md`), so a new template needs no code.

mod binding;
mod builtin;
mod error;
pub mod infer;
mod to_toml;

pub use binding::{Binding, HeaderProblem};
pub use builtin::{GENERIC, MIITEL_UPDATE_USERS, builtin, builtin_names, detect, load_schema};
pub use error::{LoadError, Position, SchemaError, UnknownSubscription};

use error::{Part, column_place};

use crate::encoding::TextEncoding;
use crate::io::Separator;
use crate::validate::message::Lang;
use serde::{Deserialize, Serialize};

/// The version of the schema file format this program reads and writes (docs/schema.md).
pub const FORMAT_VERSION: u32 = 1;

/// A template: its columns in order, their rules, and the subscriptions that switch
/// columns on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Schema {
    /// The file format's version: a file written for a newer Bulksheet is refused rather
    /// than half understood. A file without it is version 1.
    #[serde(default = "format_version")]
    pub version: u32,
    /// Short id, shown in reports and used by `--schema`.
    pub name: String,
    /// Human title for menus (the name when empty).
    #[serde(default)]
    pub title: String,
    /// The title in Japanese, shown when the window speaks Japanese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ja: Option<String>,
    /// Most data rows one uploaded file may hold; None: no limit, and nothing to split by.
    #[serde(default)]
    pub max_rows: Option<usize>,
    /// The encodings the console reads; none listed: any it takes (UTF-8, with or without
    /// a byte-order mark, and Shift_JIS). A copy for the console of a file in another is
    /// written in the first listed.
    #[serde(default)]
    pub encodings: Vec<TextEncoding>,
    /// What the console separates fields with: a comma unless the schema says otherwise.
    #[serde(default)]
    pub separator: Separator,
    /// Whether the console reads columns by position, so a file's columns out of the
    /// template's order are a `column_order` warning.
    #[serde(default = "yes")]
    pub column_order: bool,
    /// The column that identifies a row (a user): its header name. Rows of two files are
    /// matched by it (`export --changed-from`, the roster). None: the first unique column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The products a tenant may have.
    #[serde(default)]
    pub subscriptions: Vec<Subscription>,
    /// The columns, in template order (none: any header, all text).
    #[serde(default)]
    pub columns: Vec<Column>,
}

/// A product the tenant may or may not have; columns that belong to it are optional
/// unless it is switched on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Subscription {
    /// The id `--subscriptions` and columns use.
    pub id: String,
    /// What the window calls it.
    pub label: String,
}

/// One column of a template and its rules.
// Not deny_unknown_fields: serde cannot combine it with the flattened kind.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Column {
    /// The header text.
    pub name: String,
    /// Other header spellings accepted for this column (e.g. the Japanese template).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// How a value is checked.
    #[serde(flatten)]
    pub kind: Kind,
    /// Columns are required unless they say otherwise or belong to a subscription.
    #[serde(default = "yes")]
    pub required: bool,
    /// Whether a value may appear in one row only, and how values compare.
    #[serde(default)]
    pub unique: Option<Unique>,
    /// At most this many characters (a full-width character counts as one).
    #[serde(default)]
    pub max_chars: Option<usize>,
    /// The column is only required when one of these subscriptions is on.
    #[serde(default)]
    pub subscriptions: Vec<String>,
    /// Name and aliases as `normalize_header` gives them; filled when a schema is loaded
    /// (a column built in code normalizes them on each lookup instead).
    #[serde(skip)]
    pub header_keys: Vec<String>,
}

fn yes() -> bool {
    true
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

/// How the values of a unique column compare.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Unique {
    /// As written.
    Exact,
    /// Ignoring case.
    CaseInsensitive,
}

/// What a column holds, and so how its values are checked.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Kind {
    /// Any text.
    Text,
    /// An email address.
    Email,
    /// Half-width digits, kept as text (`0123` stays `0123`).
    Digits {
        /// Fewest digits.
        min_digits: usize,
        /// Most digits.
        max_digits: usize,
    },
    /// One of a list of codes.
    Enum {
        /// The codes, with their labels.
        options: Vec<EnumOption>,
    },
}

/// One value an enum column accepts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EnumOption {
    /// What the cell must hold.
    pub code: String,
    /// What the code means, in English.
    pub label: String,
    /// The label in Japanese, shown when the window speaks Japanese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_ja: Option<String>,
    /// Other words people type for this option (`はい`, `TRUE`, `Tokyo`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Label, aliases and code, folded for matching; filled when a schema is loaded
    /// (an option built in code folds them on each lookup instead).
    #[serde(skip)]
    pub folded: Vec<String>,
}

impl EnumOption {
    fn fold_names(&mut self) {
        self.folded = self
            .names()
            .map(|n| crate::text::fold_for_match(n))
            .collect();
    }

    fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.label)
            .chain(self.label_ja.iter())
            .chain(self.aliases.iter())
            .chain(std::iter::once(&self.code))
    }

    /// Whether a folded value names this option.
    fn is_named(&self, wanted: &str) -> bool {
        if self.folded.is_empty() {
            self.names()
                .any(|l| crate::text::fold_for_match(l) == wanted)
        } else {
            self.folded.iter().any(|l| l == wanted)
        }
    }

    /// The label in a language: English when the schema has none in it.
    pub fn label_in(&self, lang: Lang) -> &str {
        match (lang, &self.label_ja) {
            (Lang::Ja, Some(ja)) => ja,
            _ => &self.label,
        }
    }

    /// How a dropdown and a cell show an option: `1 — English`, in Japanese `1 — 英語`.
    pub fn display_in(&self, lang: Lang) -> String {
        // A code with no label yet (an inferred template's) is shown as the code alone.
        match self.label_in(lang).trim() {
            "" => self.code.clone(),
            label => format!("{} — {label}", self.code),
        }
    }
}

impl Kind {
    /// An enum's options; none for other kinds.
    pub fn options(&self) -> &[EnumOption] {
        match self {
            Kind::Enum { options } => options,
            _ => &[],
        }
    }

    /// The enum code a label or alias stands for, compared case- and width-insensitively.
    pub fn code_for_label(&self, value: &str) -> Option<&str> {
        let wanted = crate::text::fold_for_match(value);
        if wanted.is_empty() {
            return None;
        }
        self.options()
            .iter()
            .find(|o| o.is_named(&wanted))
            .map(|o| o.code.as_str())
    }

    /// The option with this code.
    pub fn option_for_code(&self, code: &str) -> Option<&EnumOption> {
        self.options().iter().find(|o| o.code == code)
    }
}

impl Column {
    /// Whether a blank cell is an error, given the subscriptions switched on.
    pub fn is_required(&self, subscriptions: &Subscriptions) -> bool {
        if self.subscriptions.is_empty() {
            self.required
        } else {
            self.subscriptions.iter().any(|s| subscriptions.is_on(s))
        }
    }

    /// Whether a header names this column (by its name or an alias).
    pub fn matches_header(&self, header: &str) -> bool {
        self.matches_key(&normalize_header(header))
    }

    /// Whether a header already normalized with `normalize_header` names this column.
    pub fn matches_key(&self, key: &str) -> bool {
        if self.header_keys.is_empty() {
            self.header_names().any(|n| normalize_header(n) == key)
        } else {
            self.header_keys.iter().any(|k| k == key)
        }
    }

    fn header_names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(self.aliases.iter())
    }
}

/// Header names compare trimmed, case-insensitively, without a byte-order mark.
pub fn normalize_header(s: &str) -> String {
    s.trim_start_matches('\u{feff}').trim().to_lowercase()
}

/// The products a tenant has. The command line takes them only from `--subscriptions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscriptions(pub std::collections::BTreeSet<String>);

impl Subscriptions {
    /// No product switched on.
    pub fn none() -> Self {
        Self::default()
    }

    /// Whether a product is switched on.
    pub fn is_on(&self, id: &str) -> bool {
        self.0.contains(id)
    }

    /// Switches a product on or off.
    pub fn set(&mut self, id: &str, on: bool) {
        if on {
            self.0.insert(id.to_string());
        } else {
            self.0.remove(id);
        }
    }

    /// Parses `call-center,meetings`, checking each id against the schema.
    pub fn parse(list: &str, schema: &Schema) -> Result<Self, UnknownSubscription> {
        let mut out = Self::default();
        for id in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if !schema.subscriptions.iter().any(|s| s.id == id) {
                return Err(UnknownSubscription {
                    id: id.to_string(),
                    known: schema.subscriptions.iter().map(|s| s.id.clone()).collect(),
                });
            }
            out.0.insert(id.to_string());
        }
        Ok(out)
    }
}

impl Schema {
    /// A template with no columns and the console's defaults (comma-separated, any
    /// encoding it takes, no row limit): generic, until columns are added.
    pub fn empty(name: &str, title: &str) -> Schema {
        Schema {
            version: FORMAT_VERSION,
            name: name.to_string(),
            title: title.to_string(),
            title_ja: None,
            max_rows: None,
            encodings: Vec::new(),
            separator: Separator::Comma,
            column_order: true,
            key: None,
            subscriptions: Vec::new(),
            columns: Vec::new(),
        }
    }

    /// The encoding a copy for the console of a file in `file` is written in: the file's
    /// own when the console reads it, else the first the schema lists (UTF-8 when it
    /// lists none and the file is UTF-16).
    pub fn console_encoding(&self, file: TextEncoding) -> TextEncoding {
        match self.encodings.first() {
            None => file.for_console(),
            Some(_) if self.encodings.contains(&file) => file,
            Some(first) => *first,
        }
    }

    /// Whether the console reads a file laid out as `meta` says: the template's separator,
    /// an encoding it takes. Saving anything else over the file would change its format,
    /// so the window asks where to save the console's copy instead.
    pub fn takes(&self, meta: &crate::document::FileMeta) -> bool {
        meta.separator == self.separator && self.console_encoding(meta.encoding) == meta.encoding
    }

    /// What the window calls the template: its title in the language (English when it
    /// has none in it), else its name.
    pub fn title_in(&self, lang: Lang) -> &str {
        match (lang, &self.title_ja) {
            (Lang::Ja, Some(ja)) => ja,
            _ if self.title.is_empty() => &self.name,
            _ => &self.title,
        }
    }

    /// A schema with no columns: every header is taken as it is, all text, no rules.
    pub fn is_generic(&self) -> bool {
        self.columns.is_empty()
    }

    /// The column of this name.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The schema column that identifies a row: the one `key` names, else the first
    /// unique column; None when there is neither.
    pub fn key_column(&self) -> Option<usize> {
        match &self.key {
            Some(name) => self.columns.iter().position(|c| c.matches_header(name)),
            None => self.columns.iter().position(|c| c.unique.is_some()),
        }
    }

    /// Reads a schema from its TOML text (the format of `docs/schema.md`), checking that
    /// it can be applied; an error names the line and column it is about.
    pub fn from_toml(text: &str) -> Result<Self, SchemaError> {
        let mut schema: Schema =
            toml::from_str(text).map_err(|e| SchemaError::from_toml(text, &e))?;
        schema.check(text)?;
        for c in &mut schema.columns {
            c.header_keys = c.header_names().map(|n| normalize_header(n)).collect();
            if let Kind::Enum { options } = &mut c.kind {
                options.iter_mut().for_each(EnumOption::fold_names);
            }
        }
        Ok(schema)
    }

    /// Rejects schemas that could not be applied sensibly; `text` is the TOML they were
    /// read from, to say where.
    fn check(&self, text: &str) -> Result<(), SchemaError> {
        if self.version == 0 || self.version > FORMAT_VERSION {
            return Err(SchemaError::NewerFormat {
                version: self.version,
                at: error::top_level_place(text, "version"),
            });
        }
        if let Some(key) = &self.key
            && !self.columns.iter().any(|c| c.matches_header(key))
        {
            return Err(SchemaError::UnknownKey {
                key: key.clone(),
                at: error::top_level_place(text, "key"),
            });
        }
        for (i, c) in self.columns.iter().enumerate() {
            let column = c.name.clone();
            if self
                .columns
                .iter()
                .take(i)
                .any(|o| o.matches_header(&c.name))
            {
                let at = column_place(text, i, Part::Name);
                return Err(SchemaError::DuplicateColumn { column, at });
            }
            if let Kind::Digits {
                min_digits,
                max_digits,
            } = c.kind
                && min_digits > max_digits
            {
                let at = column_place(text, i, Part::MinDigits);
                return Err(SchemaError::DigitsRange { column, at });
            }
            if let Kind::Enum { options } = &c.kind
                && options.is_empty()
            {
                let at = column_place(text, i, Part::Name);
                return Err(SchemaError::EnumWithoutOptions { column, at });
            }
            for s in &c.subscriptions {
                if !self.subscriptions.iter().any(|x| &x.id == s) {
                    let at = column_place(text, i, Part::Subscription(s));
                    let subscription = s.clone();
                    return Err(SchemaError::UnknownSubscription {
                        column,
                        subscription,
                        at,
                    });
                }
            }
        }
        Ok(())
    }
}
