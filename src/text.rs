//! Small text helpers shared by validation and fixes: width folding and blanks.

/// Full-width ASCII (`Ａ`, `１`, `＠`) and the ideographic space to their half-width forms.
pub fn to_halfwidth(s: &str) -> String {
    s.chars().map(halfwidth_char).collect()
}

/// One character of [`to_halfwidth`]: the half-width form of a full-width ASCII character
/// or the ideographic space, any other character unchanged.
pub fn halfwidth_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Whether a character is one [`halfwidth_char`] would change: typed with a Japanese
/// input method where an ASCII-only column wants the half-width form.
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

/// Whether a value is empty or only whitespace (the full-width space included): a
/// required cell holding it counts as missing, and a row of such cells as blank.
#[inline]
pub fn is_blank(s: &str) -> bool {
    // Most cells start with a visible ASCII character: settled by the first byte.
    if let Some(&b) = s.as_bytes().first()
        && b.is_ascii()
        && !matches!(b, b'\t'..=b'\r' | b' ')
    {
        return false;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_whitespace_only_whatever_the_first_byte() {
        let slow = |s: &str| s.chars().all(|c| c.is_whitespace() || c == '\u{3000}');
        let firsts = (0u8..128)
            .map(char::from)
            .chain(['\u{3000}', '\u{85}', '\u{a0}', '山']);
        for first in firsts {
            for rest in ["", " ", "x", "\u{3000}", "\u{b}"] {
                let s = format!("{first}{rest}");
                assert_eq!(is_blank(&s), slow(&s), "{s:?}");
            }
        }
        assert!(is_blank("") && is_blank("\u{b}\u{c} \u{3000}") && !is_blank("\u{b}a"));
    }
}
