//! Records of a body with no quote character in it, the usual export, found without the
//! CSV state machine: a record ends at a CR, an LF or a CRLF, blank lines are skipped,
//! fields are split at the separator (a comma, a tab or a semicolon). This is what the csv parser does with such a body (and
//! `tests/core_suite/plain_records.rs` compares the two on random bodies), in a few `memchr` calls
//! per line instead of a step per byte.

use super::decode::UTF8_BOM;
use crate::document::LineFields;

/// One record: its bytes without the line ending, where it starts and ends in the body
/// (the end after its line ending), where blank lines before it start (the previous
/// record's end), and the line it starts on (1-based, counting LFs).
pub struct PlainRecord<'a> {
    pub content: &'a [u8],
    pub from: usize,
    pub start: usize,
    pub end: usize,
    pub line: u64,
}

pub struct PlainRecords<'a> {
    body: &'a [u8],
    pos: usize,
    /// LFs passed so far.
    lfs: u64,
}

impl<'a> PlainRecords<'a> {
    /// Records from the start of `body`; a byte-order mark there is dropped, as the csv
    /// parser drops it.
    pub fn new(body: &'a [u8]) -> Self {
        let pos = if body.starts_with(UTF8_BOM) {
            UTF8_BOM.len()
        } else {
            0
        };
        PlainRecords { body, pos, lfs: 0 }
    }

    /// Records from `pos` of `body` (where a record or blank lines start), `lfs` LFs in;
    /// no byte-order mark is dropped.
    pub fn resume(body: &'a [u8], pos: usize, lfs: u64) -> Self {
        PlainRecords { body, pos, lfs }
    }

    /// Where the next record's search starts.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// LFs in the body up to where reading stopped (all of them once it is exhausted).
    pub fn lfs(&self) -> u64 {
        self.lfs
    }

    /// Fills `rec` with the fields of a record's content, split at `sep`.
    pub fn fill(content: &[u8], sep: u8, rec: &mut csv::ByteRecord) {
        rec.clear();
        for field in content.split(|&b| b == sep) {
            rec.push_field(field);
        }
    }
}

impl<'a> Iterator for PlainRecords<'a> {
    type Item = PlainRecord<'a>;

    fn next(&mut self) -> Option<PlainRecord<'a>> {
        let body = self.body;
        let from = self.pos;
        // Blank lines (and the LF of a CRLF) come before a record, never inside one.
        while let Some(&b) = body.get(self.pos) {
            match b {
                b'\n' => self.lfs += 1,
                b'\r' => {}
                _ => break,
            }
            self.pos += 1;
        }
        let rest = body.get(self.pos..).filter(|r| !r.is_empty())?;
        let start = self.pos;
        let line = self.lfs + 1;
        let (content, end) = match memchr::memchr2(b'\n', b'\r', rest) {
            Some(at) => {
                let after = match (rest.get(at), rest.get(at + 1)) {
                    (Some(b'\r'), Some(b'\n')) => at + 2,
                    _ => at + 1,
                };
                if rest.get(after - 1) == Some(&b'\n') {
                    self.lfs += 1;
                }
                (rest.get(..at).unwrap_or_default(), start + after)
            }
            None => (rest, body.len()),
        };
        self.pos = end;
        Some(PlainRecord {
            content,
            from,
            start,
            end,
            line,
        })
    }
}

/// Where each field of a line starts and ends, split at `sep` (a comma, tab or
/// semicolon): ranges of `line`. Each is one byte in UTF-8 and never part of another
/// character, so in a line of text every range falls between characters.
pub fn field_ranges(line: &[u8], sep: u8) -> FieldRanges<'_> {
    FieldRanges {
        bytes: line,
        start: 0,
        sep,
    }
}

/// The fields of a line of text (see [`field_ranges`]).
#[cfg(test)]
pub fn fields(text: &str) -> impl Iterator<Item = &str> {
    let mut split = field_ranges(text.as_bytes(), b',');
    std::iter::from_fn(move || split.next_range()).map(|r| text.get(r).unwrap_or(""))
}

/// The fields of a line. Most fields of a bulk-update file are one-byte codes: a field
/// whose second byte is the separator is taken as it is, without a search. Longer fields are
/// searched eight bytes at a time (a loop over bytes mispredicts its exit on every field).
pub struct FieldRanges<'a> {
    bytes: &'a [u8],
    /// Where the next field starts; past the end once the last field was taken.
    start: usize,
    /// The separator byte.
    sep: u8,
}

// Inlined into the loop that stores the fields, where their state stays in registers.
impl LineFields for FieldRanges<'_> {
    #[inline(always)]
    fn peek_code(&self) -> Option<u8> {
        match (self.bytes.get(self.start), self.bytes.get(self.start + 1)) {
            (Some(&b), Some(&s)) if s == self.sep && b != self.sep => Some(b),
            _ => None,
        }
    }

    #[inline(always)]
    fn skip_code(&mut self) {
        self.start += 2;
    }

    #[inline(always)]
    fn next_range(&mut self) -> Option<std::ops::Range<usize>> {
        let start = self.start;
        let len = self.bytes.len();
        if start > len {
            return None;
        }
        let end = match self.peek_code() {
            Some(_) => start + 1,
            None => next_sep(self.bytes, start, self.sep).unwrap_or(len),
        };
        // After the last field `start` goes past the end.
        self.start = end + 1;
        Some(start..end)
    }
}

/// The first `sep` at or after `from`.
#[inline(always)]
fn next_sep(bytes: &[u8], from: usize, sep: u8) -> Option<usize> {
    let every = u64::from(sep) * 0x0101_0101_0101_0101;
    let mut at = from;
    while let Some(word) = bytes
        .get(at..at + 8)
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
    {
        let found = sep_bytes(u64::from_le_bytes(word), every);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter().position(|&b| b == sep).map(|i| at + i)
}

/// Bit 7 of every byte of `word` that is the separator (`every` is it in each byte), and
/// no other bit. Exact: no carry crosses a byte, unlike the shorter has-zero-byte formula.
#[inline(always)]
fn sep_bytes(word: u64, every: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ every;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(body: &[u8]) -> Vec<(String, usize, usize, u64)> {
        PlainRecords::new(body)
            .map(|r| {
                let text = String::from_utf8_lossy(r.content).into_owned();
                (text, r.start, r.end, r.line)
            })
            .collect()
    }

    #[test]
    fn every_line_ending_ends_a_record_and_blank_lines_are_skipped() {
        let got = records(b"a,b\r\n\r\nc\rd\n\ne");
        let want = [
            ("a,b".to_string(), 0, 5, 1),
            ("c".to_string(), 7, 9, 3),
            ("d".to_string(), 9, 11, 3),
            ("e".to_string(), 12, 13, 5),
        ];
        assert_eq!(got, want);
        let mut it = PlainRecords::new(b"x\n\n");
        assert!(it.next().is_some() && it.next().is_none());
        assert_eq!(it.lfs(), 2);
    }

    #[test]
    fn fields_split_at_every_comma() {
        fn split(t: &str) -> Vec<&str> {
            fields(t).collect()
        }
        assert_eq!(split(""), [""]);
        assert_eq!(split(","), ["", ""]);
        assert_eq!(split("山田,,x"), ["山田", "", "x"]);
        assert_eq!(split("a,b,"), ["a", "b", ""]);
        // Commas at every place in and across eight-byte words, beside bytes one off a
        // comma ('+', '-') and bytes with the top bit set.
        let pieces = ["", "-", "+-", "山", "abcdefg", "0123456789", "\u{7f}", "é-"];
        for n in 0..40 {
            let want: Vec<&str> = (0..n).map(|i| pieces[(i * 7 + n) % pieces.len()]).collect();
            let line = want.join(",");
            let want = if want.is_empty() { vec![""] } else { want };
            assert_eq!(split(&line), want, "{line:?}");
        }
    }

    #[test]
    fn fields_split_at_tabs_and_semicolons_too() {
        for sep in [b'\t', b';'] {
            let s = sep as char;
            let line = format!("山田{s}{s}x,y{s}1{s}");
            let mut split = field_ranges(line.as_bytes(), sep);
            let got: Vec<&str> = std::iter::from_fn(|| split.next_range())
                .map(|r| line.get(r).unwrap_or("?"))
                .collect();
            assert_eq!(got, ["山田", "", "x,y", "1", ""], "{line:?}");
        }
    }

    #[test]
    fn a_leading_byte_order_mark_is_dropped() {
        let got = records(b"\xEF\xBB\xBFa,b\n");
        assert_eq!(got, [("a,b".to_string(), 3, 7, 1)]);
    }
}
