//! The encodings the console accepts for its CSV files.

use std::fmt;
use std::str::FromStr;

/// How a CSV file's bytes spell its text, read from the file and chosen again on save.
// In a schema file by its stable name (`as_str`), read back with `FromStr`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark (the default).
    #[default]
    Utf8,
    /// UTF-8 starting with a byte-order mark, which Excel needs to open it as UTF-8.
    Utf8Bom,
    /// As Japanese Windows writes it (Windows-31J; encoding_rs `SHIFT_JIS`).
    ShiftJis,
    /// UTF-16 little-endian with a byte-order mark: Excel's "Unicode text". Read, and
    /// written back as read, but not one the console takes: saving and exporting
    /// propose [`TextEncoding::for_console`] instead.
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark (see [`TextEncoding::Utf16Le`]).
    Utf16Be,
}

impl TextEncoding {
    /// Every encoding the console takes, in the order menus offer them.
    pub const ALL: [TextEncoding; 3] = [
        TextEncoding::Utf8,
        TextEncoding::Utf8Bom,
        TextEncoding::ShiftJis,
    ];

    /// The stable lower-case name (`utf-8`, `utf-8-bom`, `shift_jis`) that the command
    /// line accepts, reports print and the recovery journal stores; [`FromStr`] reads it
    /// back. A UTF-16 file is reported as `utf-16le` or `utf-16be`, which only
    /// detection (its byte-order mark) gives: no option takes them.
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf8Bom => "utf-8-bom",
            TextEncoding::ShiftJis => "shift_jis",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
        }
    }

    /// Whether the console reads files in this encoding.
    pub fn is_console(self) -> bool {
        Self::ALL.contains(&self)
    }

    /// The encoding a copy for the console is written in by default: this one, or UTF-8
    /// for a UTF-16 file.
    pub fn for_console(self) -> TextEncoding {
        if self.is_console() {
            self
        } else {
            TextEncoding::Utf8
        }
    }

    /// A name for menus and the status bar.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with BOM",
            TextEncoding::ShiftJis => "Shift_JIS",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
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

impl From<TextEncoding> for String {
    fn from(e: TextEncoding) -> String {
        e.as_str().to_string()
    }
}

impl TryFrom<String> for TextEncoding {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
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
