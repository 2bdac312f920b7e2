//! Why a schema could not be used: a TOML file that does not parse or asks for something
//! impossible (with the line and column of the offending text), a name that is neither
//! built in nor a file, or a subscription the schema does not know. Each renders in
//! English (`Display`) and in Japanese (`message`).

use crate::validate::message::Lang;
use std::fmt;
use std::path::PathBuf;

/// A place in a schema file, both counted from 1; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The character on the line, from 1.
    pub column: usize,
}

impl Position {
    /// The line and column of a byte offset into `text` (past the end: just after it).
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let before = text.get(..offset).unwrap_or(text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).map_or(0, |l| l.chars().count()) + 1,
        }
    }
}

/// `line 3, column 5: ` before a message, or nothing when the place is not known.
struct At(Option<Position>);

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(p) => write!(f, "line {}, column {}: ", p.line, p.column),
            None => Ok(()),
        }
    }
}

fn at_ja(at: Option<Position>) -> String {
    at.map_or_else(String::new, |p| {
        format!("{}行目{}文字目：", p.line, p.column)
    })
}

/// A schema's TOML text that cannot be used (`Schema::from_toml`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemaError {
    /// Not valid TOML, or not the shape of a schema (an unknown key, a wrong type). The
    /// detail is the TOML reader's own English text.
    #[error("{}{detail}", At(*at))]
    Malformed {
        /// Where the reader stopped.
        at: Option<Position>,
        /// What the reader expected.
        detail: String,
    },
    /// Two columns with the same header name.
    #[error("{}column '{column}' is listed twice", At(*at))]
    DuplicateColumn {
        /// The repeated name.
        column: String,
        /// The second column's name.
        at: Option<Position>,
    },
    /// A digits column whose shortest length exceeds its longest.
    #[error("{}column '{column}': min_digits > max_digits", At(*at))]
    DigitsRange {
        /// The column's name.
        column: String,
        /// The column's `min_digits`.
        at: Option<Position>,
    },
    /// An enum column without options.
    #[error("{}column '{column}': an enum needs options", At(*at))]
    EnumWithoutOptions {
        /// The column's name.
        column: String,
        /// The column's name in the file.
        at: Option<Position>,
    },
    /// A column that belongs to a subscription the schema does not list.
    #[error("{}column '{column}': unknown subscription '{subscription}'", At(*at))]
    UnknownSubscription {
        /// The column's name.
        column: String,
        /// The id the column names.
        subscription: String,
        /// The id in the column's `subscriptions`.
        at: Option<Position>,
    },
    /// A `version` this program does not read (a file from a newer Bulksheet).
    #[error(
        "{}format version {version}: this Bulksheet reads version {}; update Bulksheet",
        At(*at),
        super::FORMAT_VERSION
    )]
    NewerFormat {
        /// The version the file gives.
        version: u32,
        /// The `version` line.
        at: Option<Position>,
    },
    /// A `key` that names no column.
    #[error("{}key '{key}' names no column", At(*at))]
    UnknownKey {
        /// The name given.
        key: String,
        /// The `key` line.
        at: Option<Position>,
    },
}

impl SchemaError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            SchemaError::Malformed { at, detail } => {
                format!("{}書き方に誤りがあります（{detail}）", at_ja(*at))
            }
            SchemaError::DuplicateColumn { column, at } => {
                format!("{}列「{column}」が二度書かれています", at_ja(*at))
            }
            SchemaError::DigitsRange { column, at } => format!(
                "{}列「{column}」：min_digits が max_digits より大きくなっています",
                at_ja(*at)
            ),
            SchemaError::EnumWithoutOptions { column, at } => {
                format!("{}列「{column}」：enum には options が必要です", at_ja(*at))
            }
            SchemaError::UnknownSubscription {
                column,
                subscription,
                at,
            } => format!(
                "{}列「{column}」：契約製品「{subscription}」は subscriptions にありません",
                at_ja(*at)
            ),
            SchemaError::UnknownKey { key, at } => {
                format!("{}key「{key}」という列はありません", at_ja(*at))
            }
            SchemaError::NewerFormat { version, at } => format!(
                "{}書式のバージョン {version} は読めません（このBulksheetが読むのはバージョン {}）。Bulksheetを更新してください",
                at_ja(*at),
                super::FORMAT_VERSION
            ),
        }
    }

    /// Where in the text the problem is, when known.
    pub fn position(&self) -> Option<Position> {
        match self {
            SchemaError::Malformed { at, .. }
            | SchemaError::DuplicateColumn { at, .. }
            | SchemaError::DigitsRange { at, .. }
            | SchemaError::EnumWithoutOptions { at, .. }
            | SchemaError::UnknownSubscription { at, .. }
            | SchemaError::UnknownKey { at, .. }
            | SchemaError::NewerFormat { at, .. } => *at,
        }
    }

    /// The TOML reader's error, placed in `text`.
    pub(super) fn from_toml(text: &str, e: &toml::de::Error) -> SchemaError {
        SchemaError::Malformed {
            at: e.span().map(|s| Position::of_offset(text, s.start)),
            detail: e.message().trim_end().to_string(),
        }
    }
}

/// Which part of a column a check points at.
#[derive(Debug, Clone, Copy)]
pub(super) enum Part<'a> {
    Name,
    MinDigits,
    Subscription(&'a str),
}

/// Where the `index`-th `[[columns]]` entry of a schema's text holds `part`. Read again
/// only once a check has failed, so a good schema is parsed once.
pub(super) fn column_place(text: &str, index: usize, part: Part<'_>) -> Option<Position> {
    use toml::Spanned;
    #[derive(serde::Deserialize)]
    struct Places {
        #[serde(default)]
        columns: Vec<ColumnPlaces>,
    }
    #[derive(serde::Deserialize)]
    struct ColumnPlaces {
        name: Spanned<String>,
        #[serde(default)]
        min_digits: Option<Spanned<usize>>,
        #[serde(default)]
        subscriptions: Vec<Spanned<String>>,
    }
    let places: Places = toml::from_str(text).ok()?;
    let column = places.columns.into_iter().nth(index)?;
    let span = match part {
        Part::Name => column.name.span(),
        Part::MinDigits => column.min_digits?.span(),
        Part::Subscription(id) => column
            .subscriptions
            .iter()
            .find(|s| s.get_ref() == id)?
            .span(),
    };
    Some(Position::of_offset(text, span.start))
}

/// Where a top-level key (`key`, `version`) of a schema's text holds its value.
pub(super) fn top_level_place(text: &str, key: &str) -> Option<Position> {
    type Places = std::collections::BTreeMap<String, toml::Spanned<toml::Value>>;
    let places: Places = toml::from_str(text).ok()?;
    Some(Position::of_offset(text, places.get(key)?.span().start))
}

/// Why `--schema NAME|PATH` (or a template file the window loads) gives no schema.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Neither a built-in name nor an existing file.
    #[error("no schema named '{name}' (built in: {}) and no such file", builtins.join(", "))]
    NotFound {
        /// What was asked for.
        name: String,
        /// The built-in names, to pick from.
        builtins: Vec<&'static str>,
    },
    /// The file exists but cannot be read.
    #[error("cannot read schema {}: {source}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why the system refused.
        source: std::io::Error,
    },
    /// A template file whose name is a built-in one's, which it may not replace.
    #[error(
        "{}: the name '{name}' belongs to a built-in template; give it another name",
        path.display()
    )]
    TakenName {
        /// The file.
        path: PathBuf,
        /// The schema's `name`.
        name: String,
    },
    /// The file was read but is not a usable schema.
    #[error("schema {}: {source}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where in the file.
        source: SchemaError,
    },
}

impl LoadError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            LoadError::NotFound { name, builtins } => format!(
                "「{name}」という組み込みテンプレートも、そのファイルもありません（組み込み：{}）",
                builtins.join(", ")
            ),
            LoadError::Unreadable { path, source } => {
                format!("テンプレート {} を読めません：{source}", path.display())
            }
            LoadError::TakenName { path, name } => format!(
                "{}: 名前「{name}」は組み込みテンプレートのものです。別の名前にしてください",
                path.display()
            ),
            LoadError::Invalid { path, source } => {
                format!("テンプレート {}: {}", path.display(), source.message(lang))
            }
        }
    }
}

/// A `--subscriptions` id the schema does not list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown subscription '{id}'; this schema knows: {}",
    known_list(known)
)]
pub struct UnknownSubscription {
    /// The id given.
    pub id: String,
    /// The ids the schema lists.
    pub known: Vec<String>,
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() {
        "none".to_string()
    } else {
        known.join(", ")
    }
}

impl UnknownSubscription {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Ja => {
                let known = if self.known.is_empty() {
                    "なし".to_string()
                } else {
                    self.known.join(", ")
                };
                format!(
                    "契約製品「{}」はこのテンプレートにありません。使えるもの：{known}",
                    self.id
                )
            }
        }
    }
}
