//! The encodings the console accepts for its CSV files.

use std::fmt;
use std::str::FromStr;

/// How a CSV file's bytes spell its text, read from the file and chosen again on save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark (the default).
    #[default]
    Utf8,
    /// UTF-8 starting with a byte-order mark, which Excel needs to open it as UTF-8.
    Utf8Bom,
    /// As Japanese Windows writes it (Windows-31J; encoding_rs `SHIFT_JIS`).
    ShiftJis,
}

impl TextEncoding {
    /// Every encoding, in the order menus offer them.
    pub const ALL: [TextEncoding; 3] = [
        TextEncoding::Utf8,
        TextEncoding::Utf8Bom,
        TextEncoding::ShiftJis,
    ];

    /// The stable lower-case name (`utf-8`, `utf-8-bom`, `shift_jis`) that the command
    /// line accepts, reports print and the recovery journal stores; [`FromStr`] reads it
    /// back.
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf8Bom => "utf-8-bom",
            TextEncoding::ShiftJis => "shift_jis",
        }
    }

    /// A name for menus and the status bar.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with BOM",
            TextEncoding::ShiftJis => "Shift_JIS",
        }
    }

    /// Whether a value can be written in this encoding without loss.
    pub fn can_encode(self, s: &str) -> bool {
        match self {
            TextEncoding::ShiftJis => s.is_ascii() || first_unencodable(s).is_none(),
            _ => true,
        }
    }
}

/// The first character Shift_JIS cannot carry, if any: one it has no code for, or one it
/// would silently turn into another (the minus sign U+2212 comes back as the full-width
/// hyphen-minus U+FF0D, the yen sign as a backslash).
pub fn first_unencodable(s: &str) -> Option<char> {
    let mut buf = [0u8; 4];
    s.chars().find(|c| {
        let (bytes, _, had_errors) = encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut buf));
        had_errors || {
            let (back, _) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(&bytes);
            back.chars().ne(std::iter::once(*c))
        }
    })
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TextEncoding {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Ok(TextEncoding::Utf8),
            "utf-8-bom" | "utf8-bom" | "utf-8-sig" => Ok(TextEncoding::Utf8Bom),
            "shift-jis" | "sjis" | "cp932" | "windows-31j" => Ok(TextEncoding::ShiftJis),
            _ => Err(format!(
                "unknown encoding '{s}': use utf-8, utf-8-bom or shift_jis"
            )),
        }
    }
}
