//! What separates the fields of a file: a comma (what the console takes), a tab (Excel's
//! "Unicode text") or a semicolon (Excel where the decimal mark is a comma), told from the
//! header line.

use std::fmt;
use std::str::FromStr;

/// The byte between fields, read from the header and written back as read unless a save
/// or an export asks for another.
// In a schema file by its stable name (`as_str`), read back with `FromStr`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub enum Separator {
    /// `,`: the console's format, and the default.
    #[default]
    Comma,
    /// A tab.
    Tab,
    /// `;`.
    Semicolon,
}

impl Separator {
    /// Every separator, in the order a tie in [`detect`] is settled.
    pub const ALL: [Separator; 3] = [Separator::Comma, Separator::Tab, Separator::Semicolon];

    /// The byte itself. None of them is ever part of a multi-byte character in UTF-8 or
    /// the second byte of a Shift_JIS character, so fields can be split in the bytes.
    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Tab => b'\t',
            Separator::Semicolon => b';',
        }
    }

    /// The stable lower-case name (`comma`, `tab`, `semicolon`) that `--delimiter`
    /// accepts and reports print.
    pub fn as_str(self) -> &'static str {
        match self {
            Separator::Comma => "comma",
            Separator::Tab => "tab",
            Separator::Semicolon => "semicolon",
        }
    }

    /// What a file is called by it, for the status bar: `Tab-separated`.
    pub fn label(self) -> &'static str {
        match self {
            Separator::Comma => "Comma-separated",
            Separator::Tab => "Tab-separated",
            Separator::Semicolon => "Semicolon-separated",
        }
    }
}

/// The separator of a file whose text starts at `text` (after any byte-order mark): the
/// one that splits the header line into the most fields, counting only separators outside
/// quotes, up to the first line break outside quotes. A header name seldom holds a tab or
/// a semicolon, and a name with a comma in it is quoted in a comma-separated file, so the
/// most fields is the most plausible reading. A tie goes to the comma (the console's
/// format), then the tab (Excel's "Unicode text"); a header with none of them (one column)
/// is comma-separated.
///
/// As the csv parser reads, a quote opens a quoted name only at the start of a name (the
/// line's start or after any of the separators): elsewhere it is a character of the name,
/// and a doubled quote inside a quoted name is one quote. (Taking every quote for an
/// opening one, a header like `a"b` ran on into the rows, whose tabs then made a
/// one-column file tab-separated, which saving it, as the comma file a one-column file is
/// written as, changed.)
pub fn detect(text: &[u8]) -> Separator {
    #[derive(Clone, Copy)]
    enum State {
        NameStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    // The file's byte-order mark, and one more right after it, which the csv parser
    // drops too: the first name starts after them.
    let bom = crate::io::decode::UTF8_BOM;
    let text = text.strip_prefix(bom).unwrap_or(text);
    let text = text.strip_prefix(bom).unwrap_or(text);
    let mut counts = [0usize; 3];
    let mut state = State::NameStart;
    for &b in text {
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::NameStart, b'"') => State::Quoted,
            (_, b'\r' | b'\n') => break,
            (_, b) => match Separator::ALL.iter().position(|s| s.byte() == b) {
                Some(i) => {
                    if let Some(n) = counts.get_mut(i) {
                        *n += 1;
                    }
                    State::NameStart
                }
                None => State::Unquoted,
            },
        };
    }
    let mut best = Separator::Comma;
    let mut most = counts[0];
    for (sep, &n) in Separator::ALL.iter().zip(&counts).skip(1) {
        if n > most {
            (best, most) = (*sep, n);
        }
    }
    best
}

impl fmt::Display for Separator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Separator> for String {
    fn from(s: Separator) -> String {
        s.as_str().to_string()
    }
}

impl TryFrom<String> for Separator {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl FromStr for Separator {
    type Err = String;

    /// A name (`comma`, `tab`, `semicolon`) or the character itself (`,`, `;`, a tab, or
    /// `\t` as typed in a shell).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "comma" | "," => Ok(Separator::Comma),
            "tab" | "\t" | "\\t" => Ok(Separator::Tab),
            "semicolon" | ";" => Ok(Separator::Semicolon),
            _ => Err(format!(
                "unknown delimiter '{s}': use comma, tab or semicolon (or ',', ';', '\\t')"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_split_the_way_that_gives_most_fields() {
        assert_eq!(detect(b"a,b,c\r\n1;2;3;4;5\r\n"), Separator::Comma);
        assert_eq!(detect(b"a\tb\tc\n"), Separator::Tab);
        assert_eq!(detect(b"a;b;c\n"), Separator::Semicolon);
        assert_eq!(detect(b"name;mail, work;ext\n"), Separator::Semicolon);
        // Separators inside quotes are a name's, not the header's.
        assert_eq!(detect(b"\"a;b;c\",d\n"), Separator::Comma);
        assert_eq!(detect(b"\"x,y\"\tz\n"), Separator::Tab);
        // A quoted line break does not end the header.
        assert_eq!(detect(b"\"a\nb\";c;d\n"), Separator::Semicolon);
        // A doubled quote inside a quoted name is one quote: the name goes on.
        assert_eq!(detect(b"\"a\"\"b;c\",d\n"), Separator::Comma);
    }

    #[test]
    fn a_quote_inside_a_name_is_a_character_as_the_parser_reads_it() {
        // Found by fuzzing: `a"b` opened no quotes for the parser, but detection took the
        // quote for one, read on into the rows and found their tab.
        assert_eq!(detect(b"nlo\"@e%\r\n \t \r\nr\"x\t\r\n"), Separator::Comma);
        assert_eq!(detect(b"a\"b\tc\n"), Separator::Tab);
        assert_eq!(detect(b"a;b\"c;d\n"), Separator::Semicolon);
        // After a closing quote the name goes on unquoted, to the next separator.
        assert_eq!(detect(b"\"a\"b\tc\n"), Separator::Tab);
        // A quote after any separator opens a quoted name: the tabs in it are its own.
        assert_eq!(detect(b",\"\t\t\""), Separator::Comma);
        // A name starts after the byte-order mark.
        assert_eq!(detect(b"\xEF\xBB\xBF\"\t\",\r\n,\"\r\""), Separator::Comma);
    }

    #[test]
    fn ties_and_single_columns_are_comma_then_tab() {
        assert_eq!(detect(b"a,b;c\n"), Separator::Comma);
        assert_eq!(detect(b"a\tb;c\n"), Separator::Tab);
        assert_eq!(detect(b"only\n"), Separator::Comma);
        assert_eq!(detect(b""), Separator::Comma);
    }

    #[test]
    fn names_and_characters_are_accepted() {
        for sep in Separator::ALL {
            assert_eq!(sep.as_str().parse::<Separator>(), Ok(sep));
            let ch = (sep.byte() as char).to_string();
            assert_eq!(ch.parse::<Separator>(), Ok(sep));
        }
        assert_eq!("\\t".parse::<Separator>(), Ok(Separator::Tab));
        assert!("|".parse::<Separator>().is_err());
    }
}
