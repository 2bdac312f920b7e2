//! A record's byte fields turned into text in the file's encoding, naming the fields
//! whose bytes do not decode.

use crate::encoding::TextEncoding;
use crate::io::decode::Detected;
use crate::io::sjis_lines::decode_shift_jis;
use std::borrow::Cow;

/// Turns one record's byte fields into text, reusing its buffers across records.
pub(super) struct FieldDecoder {
    detected: Detected,
    text: String,
    ends: Vec<usize>,
}

impl FieldDecoder {
    pub(super) fn new(detected: Detected) -> Self {
        FieldDecoder {
            detected,
            text: String::new(),
            ends: Vec::new(),
        }
    }

    /// Decodes every field; returns the indexes of fields that had undecodable bytes.
    pub(super) fn decode(&mut self, rec: &csv::ByteRecord) -> Vec<usize> {
        self.text.clear();
        self.ends.clear();
        // The common case: a UTF-8 record checked in one pass instead of field by field.
        if self.detected.encoding != TextEncoding::ShiftJis
            && let Some(all) = utf8_record(rec)
        {
            self.text.push_str(all);
            self.ends.extend(rec.iter().scan(0, |end, f| {
                *end += f.len();
                Some(*end)
            }));
            return Vec::new();
        }
        let mut bad = Vec::new();
        for (i, f) in rec.iter().enumerate() {
            let (s, ok) = self.decode_field(f);
            if !ok {
                bad.push(i);
            }
            self.text.push_str(&s);
            self.ends.push(self.text.len());
        }
        bad
    }

    /// A quote-free line's text, if every byte of it decodes: UTF-8 as it is, Shift_JIS
    /// decoded into `text` (a line of a chunk that did not decode cleanly: see
    /// `sjis_lines`). Commas and line breaks are never the second byte of a Shift_JIS
    /// character, so the text's commas are the line's: splitting the text gives the fields
    /// that decoding each field would. A line with a bad byte is left to `decode`, which
    /// names the field.
    pub(super) fn line_text<'a>(&'a mut self, line: &'a [u8]) -> Option<&'a str> {
        if self.detected.encoding != TextEncoding::ShiftJis {
            // The SIMD check takes a fifth of the standard one's time on lines of
            // Japanese names; it only says whether the bytes are valid, which is all this
            // path asks (a bad line goes to `decode`, which names the field).
            return simdutf8::basic::from_utf8(line).ok();
        }
        decode_shift_jis(line, &mut self.text).then_some(self.text.as_str())
    }

    fn decode_field<'a>(&self, f: &'a [u8]) -> (Cow<'a, str>, bool) {
        if self.detected.encoding == TextEncoding::ShiftJis {
            if f.is_ascii()
                && let Ok(s) = std::str::from_utf8(f)
            {
                // ASCII is the same in Shift_JIS.
                return (Cow::Borrowed(s), true);
            }
            return match encoding_rs::SHIFT_JIS
                .decode_without_bom_handling_and_without_replacement(f)
            {
                Some(s) => (s, true),
                None => (
                    encoding_rs::SHIFT_JIS.decode_without_bom_handling(f).0,
                    false,
                ),
            };
        }
        match std::str::from_utf8(f) {
            Ok(s) => (Cow::Borrowed(s), true),
            Err(_) => (String::from_utf8_lossy(f), false),
        }
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let s = self.text.get(start..end).unwrap_or("");
            start = end;
            s
        })
    }
}

/// A record's fields as one UTF-8 text, when it is valid UTF-8 and every field boundary
/// falls between characters (so each field can be sliced out of it). The fields' bytes
/// joined may be UTF-8 when the fields are not: `ED 95` and `8E 52` join into one
/// character and an `R`.
pub(super) fn utf8_record(rec: &csv::ByteRecord) -> Option<&str> {
    let all = simdutf8::basic::from_utf8(rec.as_slice()).ok()?;
    (0..rec.len())
        .all(|i| rec.range(i).is_some_and(|r| all.is_char_boundary(r.end)))
        .then_some(all)
}
