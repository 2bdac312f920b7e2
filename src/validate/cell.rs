//! One cell's rules, by the kind of its column. Each returns findings with a short message
//! that says how to fix the value.

use super::issue::{Code, Finding};
use crate::encoding::{TextEncoding, first_unencodable};
use crate::schema::{Column, Kind};
use crate::text::{char_count, has_outer_space, is_blank, is_fullwidth_ascii, shorten};

/// Symbols the console allows in a Login ID besides letters and digits.
pub const EMAIL_SYMBOLS: &str = "@!#$%&*+-/=?^_`{|}~.";

pub fn check(column: &Column, required: bool, value: &str, out: &mut Vec<Finding>) {
    let name = &column.name;
    if is_blank(value) {
        if required {
            out.push(Finding::new(Code::Required, format!("{name} is required")));
        }
        return;
    }
    match &column.kind {
        Kind::Text => check_text(column, value, out),
        Kind::Email => out.extend(check_email(name, value)),
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
            format!("{name} has spaces at the start or end; trim them"),
        ));
    }
    if let Some(max) = column.max_chars {
        out.extend(check_length(name, value, max));
    }
    if value.starts_with(['=', '+', '-', '@']) {
        out.push(Finding::new(
            Code::Formula,
            format!(
                "{name} starts with '{}', which a spreadsheet may run as a formula",
                value.chars().next().unwrap_or('=')
            ),
        ));
    }
}

fn check_length(name: &str, value: &str, max: usize) -> Option<Finding> {
    let n = char_count(value);
    (n > max).then(|| {
        Finding::new(
            Code::TooLong,
            format!(
                "{name} must be at most {max} characters; got {n} (a full-width character counts as one)"
            ),
        )
    })
}

pub fn check_email(name: &str, value: &str) -> Option<Finding> {
    let shown = shorten(value, 40);
    let fail = |why: String| Some(Finding::new(Code::Email, format!("{name} {why}")));
    if value.contains('＠') {
        return fail(format!(
            "has a full-width ＠; use the half-width @ (got {shown})"
        ));
    }
    if value.chars().any(|c| c.is_whitespace() || c == '\u{3000}') {
        return fail(format!("must not contain spaces; got \"{shown}\""));
    }
    if let Some(c) = value.chars().find(|c| is_fullwidth_ascii(*c)) {
        return fail(format!(
            "has the full-width character '{c}'; use half-width letters and digits (got {shown})"
        ));
    }
    if let Some(c) = value
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || EMAIL_SYMBOLS.contains(*c)))
    {
        return fail(format!(
            "may use only half-width letters, digits and {EMAIL_SYMBOLS}; got '{c}' in {shown}"
        ));
    }
    let mut parts = value.split('@');
    let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
        (Some(l), Some(d), None) => (l, d),
        (_, None, _) => {
            return fail(format!(
                "must be an email address like name@example.com; got {shown}"
            ));
        }
        _ => return fail(format!("has more than one @; got {shown}")),
    };
    if local.is_empty() {
        return fail(format!("has nothing before the @; got {shown}"));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return fail(format!("has a misplaced dot before the @; got {shown}"));
    }
    let labels_ok = domain.contains('.')
        && domain.split('.').all(|l| {
            !l.is_empty()
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
    if !labels_ok {
        return fail(format!(
            "must end in a domain like example.com after the @; got {shown}"
        ));
    }
    None
}

pub fn check_digits(name: &str, value: &str, min: usize, max: usize) -> Option<Finding> {
    let range = if min == max {
        format!("{min}")
    } else {
        format!("{min}–{max}")
    };
    let shown = shorten(value, 30);
    let n = value.chars().count();
    let why = if value.chars().any(|c| ('０'..='９').contains(&c)) {
        "full-width digits".to_string()
    } else if value.chars().any(|c| "-‐－ー―".contains(c)) {
        "remove the hyphens".to_string()
    } else if has_outer_space(value) || value.contains(' ') {
        "remove the spaces".to_string()
    } else if !value.chars().all(|c| c.is_ascii_digit()) {
        "digits only".to_string()
    } else if n < min {
        format!("{n} digits; if a spreadsheet dropped a leading zero, type it back")
    } else if n > max {
        format!("{n} digits")
    } else {
        return None;
    };
    Some(Finding::new(
        Code::Digits,
        format!("{name} must be {range} half-width digits; got {shown} ({why})"),
    ))
}

pub fn check_enum(column: &Column, value: &str) -> Option<Finding> {
    let kind = &column.kind;
    if kind.option_for_code(value).is_some() {
        return None;
    }
    let name = &column.name;
    let shown = shorten(value, 30);
    let message = match kind.code_for_label(value) {
        Some(code) if value.trim() == code => {
            format!("{name} has spaces around the code; use {code}")
        }
        Some(code) => {
            let label = kind.option_for_code(code).map_or("", |o| o.label.as_str());
            format!("{name} needs the code, not the label: use {code} for {label} (got {shown})")
        }
        None => format!("{name} must be {}; got {shown}", allowed_codes(kind)),
    };
    Some(Finding::new(Code::Enum, message))
}

/// `0–13` for consecutive numeric codes, else `1 (Yes) or 0 (No)`.
pub fn allowed_codes(kind: &Kind) -> String {
    let options = kind.options();
    let nums: Option<Vec<u64>> = options.iter().map(|o| o.code.parse().ok()).collect();
    if let Some(nums) = nums
        && options.len() > 3
        && nums.windows(2).all(|w| w[1] == w[0] + 1)
        && let (Some(first), Some(last)) = (nums.first(), nums.last())
    {
        return format!("a code from {first} to {last}");
    }
    let parts: Vec<String> = options
        .iter()
        .map(|o| format!("{} ({})", o.code, o.label))
        .collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => "a listed code".into(),
    }
}

/// A value the target encoding cannot carry (an emoji, a rare kanji in Shift_JIS).
pub fn check_encodable(name: &str, value: &str, target: TextEncoding) -> Option<Finding> {
    if target != TextEncoding::ShiftJis || value.is_ascii() {
        return None;
    }
    first_unencodable(value).map(|c| {
        Finding::new(
            Code::Unencodable,
            format!("{name}: Shift_JIS cannot carry '{c}'; replace it or save as UTF-8"),
        )
    })
}
