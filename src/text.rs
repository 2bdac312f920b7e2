//! Small text helpers shared by validation and fixes: width folding and blanks.

/// Full-width ASCII (`Ａ`, `１`, `＠`) and the ideographic space to their half-width forms.
pub fn to_halfwidth(s: &str) -> String {
    s.chars().map(halfwidth_char).collect()
}

pub fn halfwidth_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

pub fn is_fullwidth_ascii(c: char) -> bool {
    matches!(c, '\u{3000}' | '\u{FF01}'..='\u{FF5E}')
}

/// The key used to compare a typed word with a label: trimmed, half-width, lower case.
pub fn fold_for_match(s: &str) -> String {
    to_halfwidth(s).trim().to_lowercase()
}

/// Whitespace at either end, counting the full-width space.
pub fn has_outer_space(s: &str) -> bool {
    let outer = |c: Option<char>| c.is_some_and(|c| c.is_whitespace() || c == '\u{3000}');
    outer(s.chars().next()) || outer(s.chars().next_back())
}

pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c == '\u{3000}')
}

/// Characters as a person counts them: a full-width character is one.
pub fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// Shortens a value for a message so one huge cell does not flood the output.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let head: String = s.chars().take(max).collect();
        format!("{head}…")
    }
}
