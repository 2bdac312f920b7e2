//! The data lines of a quote-free Shift_JIS body, decoded many at a time: a call per line
//! cost as much as the decoding. Line breaks are single ASCII bytes in both encodings and
//! never part of a character, so a chunk's text has the lines its bytes have, in the same
//! order: lines are found in the text, once, instead of in the bytes and again in the text.

use super::plain::{PlainRecord, PlainRecords};
use super::second_codes::has_second_codes;
use crate::document::LineEnding;

/// About this many bytes of a body are decoded at once (then up to a line feed).
const CHUNK_BYTES: usize = 64 << 10;

/// One line (see [`ShiftJisLines::next`]).
pub(super) enum SjisLine<'r> {
    /// A line of a chunk that decoded cleanly: its text, the line it starts on, and about
    /// where it starts in the body (its place in the text, scaled to the chunk's bytes).
    Text {
        text: &'r str,
        line: u64,
        start: usize,
    },
    /// A line of a chunk with a bad byte, as bytes: decoded on its own, so the bad fields
    /// are named.
    Bytes(PlainRecord<'r>),
}

pub(super) struct ShiftJisLines<'a> {
    body: &'a [u8],
    /// The chunk being read: where it starts and ends in the body.
    start: usize,
    end: usize,
    /// Its text; used only when `clean` (every byte decoded).
    text: String,
    clean: bool,
    /// The chunk's bytes over its text's.
    bytes_per_text_byte: f64,
    /// Where the next line's search starts: in `text` when `clean`, else in the body.
    pos: usize,
    /// Line feeds passed since the start of the body.
    lfs: u64,
    /// A chunk is taken as text only when all its lines end with this and none is blank
    /// (`None`: never), and no character in it has a second code: such lines are written
    /// back as read without keeping their bytes, the others need their bytes.
    clean_as: Option<LineEnding>,
}

impl<'a> ShiftJisLines<'a> {
    /// The lines of `body` from `pos` (where a line starts, `lfs` line feeds in).
    pub(super) fn new(body: &'a [u8], pos: usize, lfs: u64, clean_as: Option<LineEnding>) -> Self {
        ShiftJisLines {
            body,
            start: pos,
            end: pos,
            text: String::new(),
            clean: false,
            bytes_per_text_byte: 1.0,
            pos,
            lfs,
            clean_as,
        }
    }

    /// Line feeds passed so far (all of the body's once it is exhausted).
    pub(super) fn lfs(&self) -> u64 {
        self.lfs
    }

    // Inlined into the reader's loop (called once a line; outlined it cost ~3M
    // instructions more per 100k rows).
    #[inline(always)]
    pub(super) fn next(&mut self) -> Option<SjisLine<'_>> {
        loop {
            if self.clean {
                let mut lines = PlainRecords::resume(self.text.as_bytes(), self.pos, self.lfs);
                let found = lines.next().map(|r| (r.start, r.content.len(), r.line));
                (self.pos, self.lfs) = (lines.pos(), lines.lfs());
                if let Some((at, len, line)) = found {
                    let text = self.text.get(at..at + len).unwrap_or_default();
                    // The text is longer than the bytes (a character of two bytes takes
                    // three): a start for progress and sizing, not for slicing.
                    let start = self.start + (at as f64 * self.bytes_per_text_byte) as usize;
                    return Some(SjisLine::Text { text, line, start });
                }
            } else if self.pos < self.end {
                let chunk = self.body.get(..self.end).unwrap_or_default();
                let mut lines = PlainRecords::resume(chunk, self.pos, self.lfs);
                let found = lines.next();
                (self.pos, self.lfs) = (lines.pos(), lines.lfs());
                if let Some(r) = found {
                    return Some(SjisLine::Bytes(r));
                }
            }
            if self.end >= self.body.len() {
                return None;
            }
            self.fill();
        }
    }

    /// Decodes the next chunk: from the end of the last one to the first line feed past
    /// `CHUNK_BYTES` on.
    fn fill(&mut self) {
        let start = self.end;
        let from = start.saturating_add(CHUNK_BYTES).min(self.body.len());
        let end = memchr::memchr(b'\n', self.body.get(from..).unwrap_or_default())
            .map_or(self.body.len(), |at| from + at + 1);
        let bytes = self.body.get(start..end).unwrap_or_default();
        self.clean = self
            .clean_as
            .is_some_and(|ending| crate::io::read::breaks_as_file(bytes, ending))
            && decode_shift_jis(bytes, &mut self.text)
            && !has_second_codes(bytes);
        self.bytes_per_text_byte = bytes.len() as f64 / self.text.len().max(1) as f64;
        (self.start, self.end) = (start, end);
        self.pos = if self.clean { 0 } else { start };
    }
}

/// Replaces `text` with `bytes` decoded from Shift_JIS; whether every byte decoded.
pub(super) fn decode_shift_jis(bytes: &[u8], text: &mut String) -> bool {
    text.clear();
    let mut decoder = encoding_rs::SHIFT_JIS.new_decoder_without_bom_handling();
    let room = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    text.reserve(room);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, text, true);
    result == encoding_rs::DecoderResult::InputEmpty && read == bytes.len()
}
