//! One column's guess: its kind from the values seen, required when none is blank, unique
//! when every value differs and the column looks like an identifier. Each test is one the
//! values pass as written, so the file passes the template inferred from it.

use crate::schema::{Column, EnumOption, Kind, Unique};
use crate::text::{char_count, has_outer_space, is_blank};
use crate::validate::cell::check_email;

/// A code list holds at most this many codes...
const MAX_CODES: usize = 12;
/// ...each at most this long...
const MAX_CODE_CHARS: usize = 20;
/// ...each seen this many times on average: a value seen once is no code.
const CODE_REPEATS: usize = 2;

/// A kind picked in the editor lists at most this many of the values as codes: a column
/// of names would otherwise fill the window.
const MAX_PREFILLED_CODES: usize = 50;

/// The yes/no spellings a column may use, yes first: only one pair, each word spelled
/// one way, so every value is a code as written.
const YES_NO: [(&str, &str); 4] = [
    ("1", "0"),
    ("TRUE", "FALSE"),
    ("true", "false"),
    ("True", "False"),
];

/// Header words that name an identifier (compared in lower case, word by word).
const ID_WORDS: [&str; 6] = ["id", "no", "code", "key", "number", "login"];
/// Marks of an identifier found anywhere in the header, as written (`社員ID`, `UserID`).
const ID_MARKS: [&str; 5] = ["ID", "番号", "ＩＤ", "コード", "ログイン"];

/// Why a column got its kind, or was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// No header name: nothing to call the column.
    NoHeader,
    /// The header names the column a second time.
    Twice,
    /// Every cell is blank: text, optional.
    NoValues,
    /// Every value is an address.
    Email,
    /// Only the two words of one yes/no pair.
    YesNo,
    /// Few distinct short values, repeated over the rows.
    Codes {
        /// How many distinct values.
        distinct: usize,
    },
    /// Every value is half-width digits.
    Digits,
    /// Anything else: text, the longest value seen as its limit.
    Text {
        /// The longest value, in characters.
        longest: usize,
    },
}

/// What was inferred about one file column, and why.
#[derive(Debug, Clone)]
pub struct ColumnGuess {
    /// Where it is in the file, from 0.
    pub position: usize,
    /// The header as read.
    pub header: String,
    /// The template's column; None when it was left out.
    pub column: Option<Column>,
    /// Why it is what it is.
    pub why: Why,
    /// How many cells hold a value.
    pub values: usize,
    /// How many are blank.
    pub blanks: usize,
    /// Whether it is the template's key (the first unique column).
    pub key: bool,
}

impl ColumnGuess {
    /// The guess for the file column at `position`: `taken` when an earlier column has
    /// the same header, `key_free` while no earlier column became the key.
    pub fn of<'a>(
        position: usize,
        header: &str,
        cells: impl Iterator<Item = &'a str>,
        taken: bool,
        key_free: bool,
    ) -> ColumnGuess {
        let name = header.trim_start_matches('\u{feff}').trim().to_string();
        let (values, blanks): (Vec<&str>, Vec<&str>) = cells.partition(|v| !is_blank(v));
        let mut guess = ColumnGuess {
            position,
            header: name.clone(),
            column: None,
            why: Why::NoHeader,
            values: values.len(),
            blanks: blanks.len(),
            key: false,
        };
        if name.is_empty() {
            return guess;
        }
        if taken {
            guess.why = Why::Twice;
            return guess;
        }
        let (kind, why, max_chars) = kind_of(&values);
        let unique = unique_of(&name, &kind, &values);
        guess.key = key_free && unique.is_some();
        guess.why = why;
        guess.column = Some(Column {
            name,
            aliases: Vec::new(),
            kind,
            required: !values.is_empty() && blanks.is_empty(),
            unique,
            max_chars,
            subscriptions: Vec::new(),
            header_keys: Vec::new(),
        });
        guess
    }
}

/// The narrowest kind every value passes, and a text column's length limit.
fn kind_of(values: &[&str]) -> (Kind, Why, Option<usize>) {
    if values.is_empty() {
        return (Kind::Text, Why::NoValues, None);
    }
    if values.iter().all(|v| check_email("", v).is_none()) {
        return (Kind::Email, Why::Email, None);
    }
    if let Some(options) = yes_no(values) {
        return (Kind::Enum { options }, Why::YesNo, None);
    }
    if let Some(codes) = code_list(values) {
        let distinct = codes.len();
        let options = codes.into_iter().map(|c| option(c, "", None)).collect();
        return (Kind::Enum { options }, Why::Codes { distinct }, None);
    }
    if values.iter().all(|v| v.bytes().all(|b| b.is_ascii_digit())) {
        let lengths = values.iter().map(|v| v.len());
        let min_digits = lengths.clone().min().unwrap_or(0);
        let max_digits = lengths.max().unwrap_or(0);
        let kind = Kind::Digits {
            min_digits,
            max_digits,
        };
        return (kind, Why::Digits, None);
    }
    let longest = values.iter().map(|v| char_count(v)).max().unwrap_or(0);
    (Kind::Text, Why::Text { longest }, Some(longest))
}

/// The options of the yes/no pair the values use, if they keep to one.
fn yes_no(values: &[&str]) -> Option<Vec<EnumOption>> {
    let (yes, no) = YES_NO
        .into_iter()
        .find(|(y, n)| values.iter().all(|v| v == y || v == n))?;
    Some(vec![
        option(yes, "Yes", Some("はい")),
        option(no, "No", Some("いいえ")),
    ])
}

/// The distinct values, when they are few, short and repeated: numbers in order, other
/// codes as first seen.
fn code_list<'a>(values: &[&'a str]) -> Option<Vec<&'a str>> {
    let mut codes: Vec<&str> = Vec::new();
    for v in values {
        if !codes.contains(v) {
            if codes.len() == MAX_CODES || char_count(v) > MAX_CODE_CHARS || has_outer_space(v) {
                return None;
            }
            codes.push(v);
        }
    }
    if values.len() < codes.len() * CODE_REPEATS {
        return None;
    }
    if codes.iter().all(|c| c.parse::<u64>().is_ok()) {
        codes.sort_by_key(|c| c.parse::<u64>().unwrap_or(u64::MAX));
    }
    Some(codes)
}

fn option(code: &str, label: &str, label_ja: Option<&str>) -> EnumOption {
    EnumOption {
        code: code.to_string(),
        label: label.to_string(),
        label_ja: label_ja.map(str::to_string),
        aliases: Vec::new(),
        folded: Vec::new(),
    }
}

/// Unique when at least two values all differ (addresses ignoring case) and the column
/// looks like an identifier: addresses and digits do; text must be one word of letters,
/// digits and `-_.` holding a digit, or sit under a header that names an identifier.
fn unique_of(header: &str, kind: &Kind, values: &[&str]) -> Option<Unique> {
    if values.len() < 2 {
        return None;
    }
    let (unique, fold) = match kind {
        Kind::Email => (Unique::CaseInsensitive, true),
        Kind::Digits { .. } => (Unique::Exact, false),
        Kind::Text if looks_like_id(header, values) => (Unique::Exact, false),
        _ => return None,
    };
    let mut seen = rustc_hash::FxHashSet::default();
    let all_differ = values.iter().all(|v| {
        let key = if fold {
            v.to_lowercase()
        } else {
            v.to_string()
        };
        seen.insert(key)
    });
    all_differ.then_some(unique)
}

fn looks_like_id(header: &str, values: &[&str]) -> bool {
    let token = |v: &&str| {
        v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    if !values.iter().all(token) {
        return false;
    }
    let lower = header.to_lowercase();
    let named = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ID_WORDS.contains(&w))
        || ID_MARKS.iter().any(|w| header.contains(w));
    named || values.iter().all(|v| v.bytes().any(|b| b.is_ascii_digit()))
}

/// A column of `kind` (its parameters ignored) with its limits or codes taken from the
/// values, as the template editor fills a kind the user picks: digits with the lengths
/// seen, codes of the distinct values (labels left blank), text no longer than the
/// longest value. Returns the kind and the text limit.
pub fn kind_like(kind: &Kind, values: &[&str]) -> (Kind, Option<usize>) {
    let values: Vec<&str> = values.iter().copied().filter(|v| !is_blank(v)).collect();
    match kind {
        Kind::Email => (Kind::Email, None),
        Kind::Text => (Kind::Text, values.iter().map(|v| char_count(v)).max()),
        Kind::Digits { .. } => {
            let lengths = || values.iter().map(|v| char_count(v));
            let kind = Kind::Digits {
                min_digits: lengths().min().unwrap_or(1),
                max_digits: lengths().max().unwrap_or(10),
            };
            (kind, None)
        }
        Kind::Enum { .. } => {
            let mut codes: Vec<&str> = Vec::new();
            for v in &values {
                if codes.len() == MAX_PREFILLED_CODES {
                    break;
                }
                if !codes.contains(v) {
                    codes.push(v);
                }
            }
            let options = codes.into_iter().map(|c| option(c, "", None)).collect();
            (Kind::Enum { options }, None)
        }
    }
}
