//! Where a part's records come from: the csv parser, or, in a body without quotes, lines
//! split at commas (Shift_JIS data lines found in decoded chunks).

use crate::io::plain::PlainRecords;
use crate::io::sjis_lines::{ShiftJisLines, SjisLine};

/// Where records come from: the csv parser, or lines split at commas when the body has
/// no quotes (Shift_JIS data lines found in decoded chunks).
pub(super) enum Records<'a> {
    /// The parser, and where its last record ended.
    Csv(csv::Reader<&'a [u8]>, usize),
    Plain(PlainRecords<'a>),
    ShiftJis(ShiftJisLines<'a>),
}

/// A record (see [`Records::next`]).
pub(super) struct Next<'r> {
    /// Where the previous record ended: blank lines, if any, run from here to `start`
    /// (not known for a line of decoded text, which has none).
    pub(super) from: usize,
    pub(super) start: usize,
    pub(super) line: u64,
    pub(super) end: usize,
    /// A quote-free line's bytes, which `rec` is not filled from (the caller fills it
    /// only when it needs it).
    pub(super) plain: Option<&'r [u8]>,
    /// A quote-free line already decoded.
    pub(super) text: Option<&'r str>,
}

impl<'a> Records<'a> {
    /// The next record: its start, line and end, and for a quote-free line its bytes or
    /// its text.
    pub(super) fn next(&mut self, body: &[u8], rec: &mut csv::ByteRecord) -> Option<Next<'_>> {
        let (from, start, line, end, plain, text) = match self {
            // Reading from memory with a flexible reader cannot fail; stop if it ever does.
            Records::Csv(rdr, last_end) => {
                if !matches!(rdr.read_byte_record(rec), Ok(true)) {
                    return None;
                }
                let (start, line) = record_start(body, rec);
                let end = record_end(body, rdr.position().byte() as usize);
                let from = std::mem::replace(last_end, end);
                (from, start, line, end, None, None)
            }
            Records::Plain(lines) => {
                let r = lines.next()?;
                (r.from, r.start, r.line, r.end, Some(r.content), None)
            }
            Records::ShiftJis(lines) => match lines.next()? {
                SjisLine::Text { text, line, start } => {
                    (start, start, line, start, None, Some(text))
                }
                SjisLine::Bytes(r) => (r.from, r.start, r.line, r.end, Some(r.content), None),
            },
        };
        Some(Next {
            from,
            start,
            line,
            end,
            plain,
            text,
        })
    }

    /// After the header of a quote-free Shift_JIS body: its data lines are read from
    /// decoded chunks.
    /// `clean_as` is the line end a chunk's lines must all have to be taken as decoded
    /// text (`None`: none may, their bytes are needed).
    pub(super) fn shift_jis_after_header(
        &mut self,
        body: &'a [u8],
        clean_as: Option<crate::document::LineEnding>,
    ) {
        if let Records::Plain(lines) = self {
            *self = Records::ShiftJis(ShiftJisLines::new(body, lines.pos(), lines.lfs(), clean_as));
        }
    }

    /// Lines the body held up to where reading stopped (LFs, the parser's count).
    pub(super) fn lines(&self) -> u64 {
        match self {
            Records::Csv(rdr, _) => rdr.position().line().saturating_sub(1),
            Records::Plain(lines) => lines.lfs(),
            Records::ShiftJis(lines) => lines.lfs(),
        }
    }
}

/// Where a record really starts. The parser reports the position where it began
/// looking: the LF of the previous CRLF, or the first of any blank lines it skipped, on
/// that earlier line. A record never starts with a line break, so every leading CR and
/// LF is skipped here, each LF counting a line.
fn record_start(body: &[u8], rec: &csv::ByteRecord) -> (usize, u64) {
    let (mut byte, mut line) = rec
        .position()
        .map_or((0, 1), |p| (p.byte() as usize, p.line()));
    while let Some(&b) = body.get(byte) {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
        byte += 1;
    }
    (byte, line)
}

/// Where a record ends, including the LF of a CRLF that the parser leaves for later.
fn record_end(body: &[u8], end: usize) -> usize {
    if end > 0 && body.get(end - 1) == Some(&b'\r') && body.get(end) == Some(&b'\n') {
        end + 1
    } else {
        end
    }
}
