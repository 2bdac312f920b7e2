//! Which lines the writer would not write back the same, decided as each is read, and
//! their bytes kept (see [`KeptBytes`]). A line is written back the same when it starts
//! where the previous record ended (no blank lines before it), ends with the header's line
//! end (or the file's end), is quoted as the writer quotes, and its bytes are the only
//! spelling of its text (no second Shift_JIS code, no bytes that do not decode). Testing
//! this is a few comparisons for a quote-free line; a quoted record is written again and
//! compared.

use crate::document::{KeptBytes, LineEnding};
use crate::encoding::TextEncoding;
use crate::io::second_codes::has_second_codes;

/// How the header line was written, which every record is written like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Layout {
    pub(super) line_ending: LineEnding,
    pub(super) quote_all: bool,
}

/// Decides and keeps, for one part of a body.
pub(super) struct Keeper {
    layout: Option<Layout>,
    shift_jis: bool,
    /// The file's field separator, as the writer writes it.
    sep: u8,
    /// The writer, and its bytes for the record being tested.
    scratch: Option<csv::Writer<Shared>>,
    written: Shared,
    pub(super) kept: KeptBytes,
}

impl Keeper {
    pub(super) fn new(encoding: TextEncoding, layout: Option<Layout>, sep: u8) -> Self {
        Keeper {
            layout,
            shift_jis: encoding == TextEncoding::ShiftJis,
            sep,
            scratch: None,
            written: Shared::default(),
            kept: KeptBytes {
                encoding: Some(encoding),
                ..KeptBytes::default()
            },
        }
    }

    pub(super) fn layout(&self) -> Option<Layout> {
        self.layout
    }

    /// The header read: its names and its line (from the start of the body).
    pub(super) fn header(&mut self, names: &[String], line: &[u8], layout: Layout) {
        self.layout = Some(layout);
        self.kept.header = Some((names.to_vec(), line.into()));
    }

    /// A quote-free line: `span` runs from the previous record's end to this one's end,
    /// the line's own bytes (`content`, without its line end) start `lead` bytes in.
    /// `decoded` is false when some of its bytes did not decode.
    #[inline(always)]
    pub(super) fn plain_line(
        &mut self,
        phys: u32,
        span: &[u8],
        lead: usize,
        content: &[u8],
        decoded: bool,
    ) {
        let Some(layout) = self.layout else { return };
        let end = span.get(lead + content.len()..).unwrap_or_default();
        let same = decoded
            && lead == 0
            && !layout.quote_all
            && (end == layout.line_ending.bytes() || end.is_empty())
            && !(self.shift_jis && has_second_codes(content));
        if !same {
            self.keep(phys, span);
        }
    }

    /// A record read by the csv parser (its fields' bytes in `rec`).
    pub(super) fn record(
        &mut self,
        phys: u32,
        span: &[u8],
        lead: usize,
        rec: &csv::ByteRecord,
        decoded: bool,
    ) {
        let Some(layout) = self.layout else { return };
        let same = decoded
            && lead == 0
            && self.written_alike(layout, rec, span)
            && !(self.shift_jis && has_second_codes(span));
        if !same {
            self.keep(phys, span);
        }
    }

    /// Whether the writer writes `rec` as `line` (which may lack its line end at the end
    /// of the file).
    fn written_alike(&mut self, layout: Layout, rec: &csv::ByteRecord, line: &[u8]) -> bool {
        let written = &self.written;
        let sep = self.sep;
        let w = self.scratch.get_or_insert_with(|| {
            csv::WriterBuilder::new()
                .delimiter(sep)
                .flexible(true)
                .terminator(crate::io::write::terminator(layout.line_ending))
                .quote_style(crate::io::write::quote_style(layout.quote_all))
                .from_writer(written.clone())
        });
        // Writing to memory cannot fail.
        let _ = w.write_byte_record(rec);
        let _ = w.flush();
        let mut out = self.written.0.borrow_mut();
        let cut = out.len().saturating_sub(layout.line_ending.bytes().len());
        let same = out[..] == *line || (out.get(..cut) == Some(line) && !line.is_empty());
        out.clear();
        same
    }

    fn keep(&mut self, phys: u32, span: &[u8]) {
        self.kept.rows.insert(phys, span.into());
    }

    /// The bytes after the last record.
    pub(super) fn finish(mut self, tail: &[u8]) -> KeptBytes {
        self.kept.tail = tail.into();
        self.kept
    }
}

/// Where the first line break of the run of line breaks that ends at `end` ends: the end
/// of the line before blank lines.
pub(super) fn first_break_end(body: &[u8], end: usize) -> usize {
    let mut breaks = end;
    while breaks > 0 && matches!(body.get(breaks - 1), Some(b'\r' | b'\n')) {
        breaks -= 1;
    }
    let first = if body.get(breaks..breaks + 2) == Some(b"\r\n") {
        2
    } else {
        1
    };
    end.min(breaks + first)
}

/// A buffer the scratch writer writes into and the keeper reads and empties.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether every line break in `bytes` is `ending` and no line is blank: a chunk of
/// quote-free lines that are all written back the same as far as their ends go.
pub(crate) fn breaks_as_file(bytes: &[u8], ending: LineEnding) -> bool {
    if matches!(bytes.first(), Some(b'\r' | b'\n')) {
        return false;
    }
    match ending {
        LineEnding::Lf => {
            memchr::memchr(b'\r', bytes).is_none() && memchr::memmem::find(bytes, b"\n\n").is_none()
        }
        LineEnding::Cr => {
            memchr::memchr(b'\n', bytes).is_none() && memchr::memmem::find(bytes, b"\r\r").is_none()
        }
        LineEnding::Crlf => {
            let lfs = memchr::memchr_iter(b'\n', bytes).count();
            lfs == memchr::memchr_iter(b'\r', bytes).count()
                && lfs == memchr::memmem::find_iter(bytes, b"\r\n").count()
                && memchr::memmem::find(bytes, b"\n\r").is_none()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_other_than_the_files_are_found() {
        assert!(breaks_as_file(b"a\r\nb\r\nc", LineEnding::Crlf));
        assert!(!breaks_as_file(b"a\r\nb\nc", LineEnding::Crlf));
        assert!(!breaks_as_file(b"a\r\n\r\nc", LineEnding::Crlf));
        assert!(!breaks_as_file(b"a\rb\r\n", LineEnding::Crlf));
        assert!(!breaks_as_file(b"\r\na", LineEnding::Crlf));
        assert!(breaks_as_file(b"a\nb\n", LineEnding::Lf));
        assert!(!breaks_as_file(b"a\n\nb\n", LineEnding::Lf));
        assert!(!breaks_as_file(b"a\r\nb\n", LineEnding::Lf));
        assert!(breaks_as_file(b"a\rb\r", LineEnding::Cr));
        assert!(!breaks_as_file(b"a\r\r", LineEnding::Cr));
    }
}
