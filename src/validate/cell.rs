//! One cell's rules, by the kind of its column. Each returns findings whose message says
//! how to fix the value (see `message.rs` for the words).

use super::issue::{Code, Finding};
use super::message::{Allowed, DigitsWhy, EmailWhy, Label, Msg};
use crate::encoding::{TextEncoding, first_unencodable};
use crate::schema::{Column, Kind};
use crate::text::{char_count, has_outer_space, is_blank, is_fullwidth_ascii};

/// Symbols the console allows in a Login ID besides letters and digits.
pub const EMAIL_SYMBOLS: &str = "@!#$%&*+-/=?^_`{|}~.";

/// Adds the findings of one cell of `column` to `out` (`required`: for the user's
/// subscriptions).
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
    // A finding is a big value: the common, clean cases are settled here, before a
    // check is called and an empty result moved around.
    match &column.kind {
        Kind::Text => check_text(column, value, out),
        Kind::Email => {
            if !plainly_valid_email(value.as_bytes()) {
                out.extend(check_email(name, value));
            }
            // The template counts Login ID as text: a spreadsheet runs `=a@x.jp` too.
            if may_be_formula(value) {
                out.extend(check_formula(name, value));
            }
        }
        Kind::Digits {
            min_digits,
            max_digits,
        } => {
            if !plainly_valid_digits(value, *min_digits, *max_digits) {
                out.extend(check_digits(name, value, *min_digits, *max_digits));
            }
        }
        Kind::Enum { .. } => out.extend(check_enum(column, value)),
    }
    if !matches!(column.kind, Kind::Text)
        && let Some(max) = column.max_chars
        // A character is at least one byte: a value no longer in bytes is short enough.
        && value.len() > max
    {
        out.extend(check_length(name, value, max));
    }
}

/// Whether a spreadsheet could take the value for a formula: its first character is
/// one of `=+-@`, all ASCII, so the first byte says.
fn may_be_formula(value: &str) -> bool {
    matches!(value.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@'))
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
    if !may_be_formula(value) {
        return None;
    }
    let first = char::from(*value.as_bytes().first()?);
    Some(Finding::new(
        Code::Formula,
        Msg::Formula {
            col: name.to_string(),
            first,
        },
    ))
}

fn check_length(name: &str, value: &str, max: usize) -> Option<Finding> {
    // A character is at least one byte: no need to count them in a short value.
    if value.len() <= max {
        return None;
    }
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

/// Whether a value is a Login ID the console takes.
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
    if plainly_valid_email(value.as_bytes()) {
        return None;
    }
    email_why(value)
}

/// What is wrong with an address, if anything, rule by rule.
fn email_why(value: &str) -> Option<EmailWhy> {
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

/// One pass over the bytes for the common case, an address with nothing wrong: the same
/// rules as `email_why` (ASCII letters, digits and the allowed symbols; one `@`; a local
/// part with no dot at either end and no two in a row; a dotted domain of letters, digits
/// and inner hyphens). When this says no, the full check finds out why.
fn plainly_valid_email(value: &[u8]) -> bool {
    // Most bytes are letters or digits and need no further look: one table lookup each.
    // `piece` is where the current dot-separated piece (of the local part, then a label
    // of the domain) starts.
    let mut piece = 0;
    let mut bytes = value.iter().enumerate();
    let at = loop {
        let Some((i, &b)) = bytes.next() else {
            return false;
        };
        if LOCAL_PLAIN.get(usize::from(b)).copied().unwrap_or(false) {
            continue;
        }
        match b {
            // Not at the start, not after another dot.
            b'.' if i > piece => piece = i + 1,
            // A local part that is not empty and does not end in a dot.
            b'@' if i > piece => break i,
            _ => return false,
        }
    };
    piece = at + 1;
    let mut dots = 0;
    for (i, &b) in bytes {
        if ALNUM.get(usize::from(b)).copied().unwrap_or(false) {
            continue;
        }
        let after_hyphen = i > 0 && value.get(i - 1) == Some(&b'-');
        match b {
            b'-' if i > piece => {}
            b'.' if i > piece && !after_hyphen => {
                dots += 1;
                piece = i + 1;
            }
            _ => return false,
        }
    }
    dots > 0 && value.len() > piece && value.last() != Some(&b'-')
}

/// ASCII letters and digits: one lookup instead of three range checks.
#[allow(
    clippy::indexing_slicing,
    reason = "built at compile time: an index out of range fails the build, not a run"
)]
const ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The bytes a local part may hold that need no further look: ASCII letters, digits and
/// `EMAIL_SYMBOLS` but `@` and `.` (which the check looks at one by one).
#[allow(
    clippy::indexing_slicing,
    reason = "built at compile time: an index out of range fails the build, not a run"
)]
const LOCAL_PLAIN: [bool; 256] = {
    let mut table = ALNUM;
    let symbols = EMAIL_SYMBOLS.as_bytes();
    let mut i = 0;
    while i < symbols.len() {
        table[symbols[i] as usize] = symbols[i] != b'@' && symbols[i] != b'.';
        i += 1;
    }
    table
};

/// Whether a value is `min` to `max` half-width digits.
pub fn check_digits(name: &str, value: &str, min: usize, max: usize) -> Option<Finding> {
    // The common case, ASCII digits of a good length, in one pass over the bytes.
    if plainly_valid_digits(value, min, max) {
        return None;
    }
    let why = digits_why(value, min, max)?;
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

fn plainly_valid_digits(value: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit())
}

fn digits_why(value: &str, min: usize, max: usize) -> Option<DigitsWhy> {
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
    Some(why)
}

/// Whether a value is one of the column's codes; a label of one, or a code with spaces
/// around it, is told which code to write.
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
            label: kind.option_for_code(code).map_or_else(
                || Label {
                    en: String::new(),
                    ja: None,
                },
                option_label,
            ),
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

fn option_label(o: &crate::schema::EnumOption) -> Label {
    Label {
        en: o.label.clone(),
        ja: o.label_ja.clone(),
    }
}

/// A range for consecutive numeric codes (`0` to `13`), else the list of code and label.
pub fn allowed_codes(kind: &Kind) -> Allowed {
    let options = kind.options();
    let nums: Option<Vec<u64>> = options.iter().map(|o| o.code.parse().ok()).collect();
    if let Some(nums) = nums
        && options.len() > 3
        && nums
            .windows(2)
            .all(|w| matches!(w, [a, b] if a.checked_add(1) == Some(*b)))
        && let (Some(first), Some(last)) = (nums.first(), nums.last())
    {
        return Allowed::Range(*first, *last);
    }
    Allowed::List(
        options
            .iter()
            .map(|o| (o.code.clone(), option_label(o)))
            .collect(),
    )
}

/// A value the target encoding cannot carry (an emoji, a rare kanji in Shift_JIS).
// Inlined into the column scans: nearly every value is ASCII or the target is UTF-8.
#[inline]
pub fn check_encodable(name: &str, value: &str, target: TextEncoding) -> Option<Finding> {
    if target != TextEncoding::ShiftJis || value.is_ascii() {
        return None;
    }
    unencodable(name, value)
}

#[inline(never)]
fn unencodable(name: &str, value: &str) -> Option<Finding> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // The one-pass checks are shortcuts: each must agree with the rule-by-rule check
        // on every value, valid or not.
        #[test]
        fn email_shortcut_agrees(v in "[a-zA-Z0-9@.\\-_+ ＠０é!~]{0,14}") {
            prop_assert_eq!(plainly_valid_email(v.as_bytes()), email_why(&v).is_none());
        }

        #[test]
        fn email_shortcut_agrees_near_valid(l in "[a-zA-Z0-9._+\\-]{0,5}", d in "[a-z0-9.\\-@]{0,6}") {
            let v = format!("{l}@{d}");
            prop_assert_eq!(plainly_valid_email(v.as_bytes()), email_why(&v).is_none());
        }

        #[test]
        fn digits_shortcut_agrees(v in "[0-9０ \\-a]{0,8}", min in 0usize..5, extra in 0usize..4) {
            let max = min + extra;
            prop_assert_eq!(plainly_valid_digits(&v, min, max), digits_why(&v, min, max).is_none());
        }
    }

    #[test]
    fn email_shortcut_takes_the_common_case() {
        for ok in [
            "a@b.jp",
            "taro.ito2@example.org",
            "x+y_z@sub-1.example.co.jp",
        ] {
            assert!(plainly_valid_email(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "a@@b.jp",
            ".a@b.jp",
            "a..b@c.jp",
            "a@b",
            "a@-b.jp",
            "a@b..jp",
            "@b.jp",
        ] {
            assert!(!plainly_valid_email(bad.as_bytes()), "{bad}");
            assert!(email_why(bad).is_some(), "{bad}");
        }
    }
}
