//! One cell's rules, by the kind of its column. Each returns findings whose message says
//! how to fix the value (see `message.rs` for the words).

use super::issue::{Code, Finding};
use super::message::{Allowed, DigitsWhy, EmailWhy, Msg};
use crate::encoding::{TextEncoding, first_unencodable};
use crate::schema::{Column, Kind};
use crate::text::{char_count, has_outer_space, is_blank, is_fullwidth_ascii};

/// Symbols the console allows in a Login ID besides letters and digits.
pub const EMAIL_SYMBOLS: &str = "@!#$%&*+-/=?^_`{|}~.";

pub fn check(column: &Column, required: bool, value: &str, out: &mut Vec<Finding>) {
    let name = &column.name;
    if is_blank(value) {
        if required {
            out.push(Finding::new(
                Code::Required,
                Msg::Required { col: name.clone() },
            ));
        }
        return;
    }
    match &column.kind {
        Kind::Text => check_text(column, value, out),
        Kind::Email => {
            out.extend(check_email(name, value));
            // The template counts Login ID as text: a spreadsheet runs `=a@x.jp` too.
            out.extend(check_formula(name, value));
        }
        Kind::Digits {
            min_digits,
            max_digits,
        } => out.extend(check_digits(name, value, *min_digits, *max_digits)),
        Kind::Enum { .. } => out.extend(check_enum(column, value)),
    }
    if !matches!(column.kind, Kind::Text)
        && let Some(max) = column.max_chars
    {
        out.extend(check_length(name, value, max));
    }
}

fn check_text(column: &Column, value: &str, out: &mut Vec<Finding>) {
    let name = &column.name;
    if has_outer_space(value) {
        out.push(Finding::new(
            Code::Whitespace,
            Msg::Whitespace { col: name.clone() },
        ));
    }
    if let Some(max) = column.max_chars {
        out.extend(check_length(name, value, max));
    }
    out.extend(check_formula(name, value));
}

/// A value a spreadsheet would take for a formula when the file is opened there.
fn check_formula(name: &str, value: &str) -> Option<Finding> {
    let first = value.chars().next().filter(|c| "=+-@".contains(*c))?;
    Some(Finding::new(
        Code::Formula,
        Msg::Formula {
            col: name.to_string(),
            first,
        },
    ))
}

fn check_length(name: &str, value: &str, max: usize) -> Option<Finding> {
    let got = char_count(value);
    (got > max).then(|| {
        Finding::new(
            Code::TooLong,
            Msg::TooLong {
                col: name.to_string(),
                max,
                got,
            },
        )
    })
}

pub fn check_email(name: &str, value: &str) -> Option<Finding> {
    let why = email_problem(value)?;
    Some(Finding::new(
        Code::Email,
        Msg::Email {
            col: name.to_string(),
            why,
            value: value.to_string(),
        },
    ))
}

fn email_problem(value: &str) -> Option<EmailWhy> {
    if value.contains('＠') {
        return Some(EmailWhy::FullWidthAt);
    }
    if value.chars().any(|c| c.is_whitespace() || c == '\u{3000}') {
        return Some(EmailWhy::Spaces);
    }
    if let Some(c) = value.chars().find(|c| is_fullwidth_ascii(*c)) {
        return Some(EmailWhy::FullWidthChar(c));
    }
    if let Some(c) = value
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || EMAIL_SYMBOLS.contains(*c)))
    {
        return Some(EmailWhy::BadChar(c));
    }
    let mut parts = value.split('@');
    let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
        (Some(l), Some(d), None) => (l, d),
        (_, None, _) => return Some(EmailWhy::NoAt),
        _ => return Some(EmailWhy::ManyAt),
    };
    if local.is_empty() {
        return Some(EmailWhy::EmptyLocal);
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Some(EmailWhy::Dots);
    }
    let labels_ok = domain.contains('.')
        && domain.split('.').all(|l| {
            !l.is_empty()
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
    (!labels_ok).then_some(EmailWhy::Domain)
}

pub fn check_digits(name: &str, value: &str, min: usize, max: usize) -> Option<Finding> {
    let n = value.chars().count();
    let why = if value.chars().any(|c| ('０'..='９').contains(&c)) {
        DigitsWhy::FullWidth
    } else if value.chars().any(|c| "-‐－ー―".contains(c)) {
        DigitsWhy::Hyphens
    } else if has_outer_space(value) || value.contains(' ') {
        DigitsWhy::Spaces
    } else if !value.chars().all(|c| c.is_ascii_digit()) {
        DigitsWhy::NotDigits
    } else if n < min {
        DigitsWhy::TooFew(n)
    } else if n > max {
        DigitsWhy::TooMany(n)
    } else {
        return None;
    };
    Some(Finding::new(
        Code::Digits,
        Msg::Digits {
            col: name.to_string(),
            min,
            max,
            why,
            value: value.to_string(),
        },
    ))
}

pub fn check_enum(column: &Column, value: &str) -> Option<Finding> {
    let kind = &column.kind;
    if kind.option_for_code(value).is_some() {
        return None;
    }
    let col = column.name.clone();
    let msg = match kind.code_for_label(value) {
        Some(code) if value.trim() == code => Msg::EnumSpaces {
            col,
            code: code.to_string(),
        },
        Some(code) => Msg::EnumLabel {
            col,
            code: code.to_string(),
            label: kind
                .option_for_code(code)
                .map_or_else(String::new, |o| o.label.clone()),
            value: value.to_string(),
        },
        None => Msg::EnumOther {
            col,
            allowed: allowed_codes(kind),
            value: value.to_string(),
        },
    };
    Some(Finding::new(Code::Enum, msg))
}

/// A range for consecutive numeric codes (`0` to `13`), else the list of code and label.
pub fn allowed_codes(kind: &Kind) -> Allowed {
    let options = kind.options();
    let nums: Option<Vec<u64>> = options.iter().map(|o| o.code.parse().ok()).collect();
    if let Some(nums) = nums
        && options.len() > 3
        && nums.windows(2).all(|w| w[1] == w[0] + 1)
        && let (Some(first), Some(last)) = (nums.first(), nums.last())
    {
        return Allowed::Range(*first, *last);
    }
    Allowed::List(
        options
            .iter()
            .map(|o| (o.code.clone(), o.label.clone()))
            .collect(),
    )
}

/// A value the target encoding cannot carry (an emoji, a rare kanji in Shift_JIS).
pub fn check_encodable(name: &str, value: &str, target: TextEncoding) -> Option<Finding> {
    if target != TextEncoding::ShiftJis || value.is_ascii() {
        return None;
    }
    first_unencodable(value).map(|ch| {
        Finding::new(
            Code::Unencodable,
            Msg::Unencodable {
                col: name.to_string(),
                ch,
            },
        )
    })
}
