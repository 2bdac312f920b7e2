//! One body (a whole file, or one part of a big one) read by one thread: record by record,
//! each taken into the table the cheapest way its bytes allow.

use super::ReadError;
use super::field_decoder::FieldDecoder;
use super::keep::{Keeper, Layout};
use super::records::{Next, Records};
use crate::document::{Document, FileMeta, HEADER_ROW, LineEnding, ReadProblem};
use crate::encoding::TextEncoding;
use crate::io::decode::Detected;
use crate::io::plain::{PlainRecords, field_ranges};
use crate::io::quotes::{self, QuoteScan};
use crate::io::separator::Separator;

/// A body read in one pass.
pub(super) struct Part {
    pub(super) doc: Document,
    /// The last record ended inside a quoted cell (an unclosed quote).
    pub(super) ends_in_quotes: bool,
    /// Lines the parser counted (its own count: the line numbers of rows are its).
    pub(super) lines: u64,
}

/// After this many rows a part's table is sized for the rows it will hold.
const SIZE_AFTER_ROWS: usize = 256;

/// Reads records from `body`. With `header` unset the first record is the header; with it
/// set (the header's width and layout) every record is a data row of a document whose
/// header was read elsewhere. `holds`
/// is how many bytes of rows the table will hold in the end (its storage is sized for
/// them early: growing it copies what it holds so far). Fields are split at `sep`.
pub(super) fn parse_part(
    body: &[u8],
    holds: usize,
    detected: Detected,
    progress: &mut dyn FnMut(f32) -> bool,
    header: Option<(usize, Layout)>,
    plain: bool,
    sep: Separator,
) -> Result<Part, ReadError> {
    let (quote_free, nul) = quotes_and_nul(body);
    if let Some(at) = nul {
        // Placed in the file by `parse_split`.
        return Err(ReadError::Binary {
            line: 0,
            byte: at as u64,
        });
    }
    let mut records = if plain && quote_free {
        Records::Plain(PlainRecords::new(body))
    } else {
        Records::Csv(
            csv::ReaderBuilder::new()
                .delimiter(sep.byte())
                .has_headers(false)
                .flexible(true)
                .from_reader(body),
            0,
        )
    };
    let mut rec = csv::ByteRecord::new();
    let quote_free_lines = matches!(records, Records::Plain(_));
    let mut rows = PartRows::new(body, holds, detected, header, quote_free_lines, sep);
    let mut ends_in_quotes = false;
    let total = body.len().max(1) as f32;
    let mut next_report = 1usize << 20;
    let shift_jis = detected.encoding == TextEncoding::ShiftJis;
    // Where the last record read ended, when known (a line of decoded text ends a clean
    // chunk's line: no blank line follows it before the next record).
    let mut last_end = Some(0);
    loop {
        if shift_jis && rows.doc.is_some() {
            let clean_as = rows
                .keeper
                .layout()
                .filter(|l| !l.quote_all)
                .map(|l| l.line_ending);
            records.shift_jis_after_header(body, clean_as);
        }
        let Some(next) = records.next(body, &mut rec) else {
            break;
        };
        rows.size_table(next.start);
        if next.end >= next_report {
            next_report = next.end + (1 << 20);
            if !progress(next.end as f32 / total) {
                return Err(ReadError::Cancelled);
            }
        }
        let raw = body.get(next.start..next.end).unwrap_or_default();
        let quote_scan = (next.plain.is_none() && next.text.is_none())
            .then(|| memchr::memchr(b'"', raw).map(|_| quotes::scan(raw, sep.byte())))
            .flatten();
        ends_in_quotes = quote_scan.as_ref().is_some_and(|q| {
            q.problems
                .iter()
                .any(|(_, p)| *p == ReadProblem::UnclosedQuote)
        });
        last_end = next.text.is_none().then_some(next.end);
        rows.take(&next, &mut rec, raw, quote_scan);
    }
    Ok(Part {
        doc: rows.finish(last_end),
        ends_in_quotes,
        lines: records.lines(),
    })
}

/// Whether `body` has no quote character, and where its first NUL byte is. A file with
/// NUL bytes is not text (the saved file would be refused); a file with no quote is read
/// without the csv parser. One pass answers both for most files, which have neither: a
/// pass of its own for the NUL bytes cost ~6 ms of a million-row open.
fn quotes_and_nul(body: &[u8]) -> (bool, Option<usize>) {
    match memchr::memchr2(0, b'"', body) {
        None => (true, None),
        Some(at) if body.get(at) == Some(&0) => (false, Some(at)),
        Some(quote) => {
            let rest = body.get(quote..).unwrap_or_default();
            (false, memchr::memchr(0, rest).map(|at| quote + at))
        }
    }
}

/// What a part's records go into, and what taking them needs.
struct PartRows<'b> {
    body: &'b [u8],
    /// Bytes of rows the table will hold in the end (see [`parse_part`]).
    holds: usize,
    detected: Detected,
    meta: FileMeta,
    /// `None` until the header is read.
    doc: Option<Document>,
    keeper: Keeper,
    fields: FieldDecoder,
    /// A quote-free UTF-8 part is checked whole, once: its lines are then sliced out of it
    /// (checking each line on its own cost a call per line).
    whole: Option<&'b str>,
    /// Where the first data row starts, and whether the table has been sized yet.
    data_from: Option<usize>,
    sized: bool,
    /// The separator byte.
    sep: u8,
}

impl<'b> PartRows<'b> {
    fn new(
        body: &'b [u8],
        holds: usize,
        detected: Detected,
        header: Option<(usize, Layout)>,
        quote_free_lines: bool,
        sep: Separator,
    ) -> Self {
        let meta = FileMeta {
            encoding: detected.encoding,
            separator: sep,
            final_newline: ends_with_newline(body),
            ..FileMeta::default()
        };
        let doc = header.map(|(w, _)| Document::new(vec![String::new(); w], meta.clone()));
        let keeper = Keeper::new(detected.encoding, header.map(|(_, l)| l), sep.byte());
        let whole = (quote_free_lines && detected.encoding != TextEncoding::ShiftJis)
            .then(|| simdutf8::basic::from_utf8(body).ok())
            .flatten();
        PartRows {
            body,
            holds,
            detected,
            meta,
            doc,
            keeper,
            fields: FieldDecoder::new(detected),
            whole,
            data_from: None,
            sized: false,
            sep: sep.byte(),
        }
    }

    /// Once a few rows are in, sizes the table for the rows so far scaled to the bytes it
    /// will hold, and a tenth more; `start` is where the next record starts.
    #[inline(always)]
    fn size_table(&mut self, start: usize) {
        if self.sized {
            return;
        }
        let Some(d) = self.doc.as_mut() else {
            return;
        };
        let from = *self.data_from.get_or_insert(start);
        let rows = d.table.physical_len();
        if rows >= SIZE_AFTER_ROWS {
            self.sized = true;
            let per_row = (start - from).max(1) as f64 / rows as f64;
            let expected = self.holds.saturating_sub(from) as f64 / per_row * 1.1;
            d.table.reserve_rows(expected as usize);
        }
    }

    /// Takes one record. The common cases go straight into the table: a quote-free data
    /// line split at its separator (UTF-8 as it is, Shift_JIS decoded whole), or a UTF-8 csv
    /// record. Everything else (the header too) goes through the decoder's buffer, which
    /// names bad fields.
    #[inline(always)]
    fn take(
        &mut self,
        next: &Next<'_>,
        rec: &mut csv::ByteRecord,
        raw: &[u8],
        mut quote_scan: Option<QuoteScan>,
    ) {
        let line = u32::try_from(next.line).unwrap_or(u32::MAX);
        let phys = self.doc.as_ref().map(|d| d.table.physical_len() as u32);
        let span = self.body.get(next.from..next.end).unwrap_or_default();
        let lead = next.start.saturating_sub(next.from);
        if let Some(phys) = phys {
            let taken = match (next.text, next.plain) {
                // A line of a chunk checked whole (see `ShiftJisLines`).
                (Some(text), _) => self.push_text(text, line),
                (None, Some(content)) => {
                    let taken = self.push_plain_line(next.start, content, line);
                    if taken {
                        self.keeper.plain_line(phys, span, lead, content, true);
                    }
                    taken
                }
                (None, None) => {
                    let taken = self.push_utf8_record(rec, line, &mut quote_scan);
                    if taken {
                        self.keeper.record(phys, span, lead, rec, true);
                    }
                    taken
                }
            };
            if taken {
                return;
            }
        }
        if let Some(content) = next.plain {
            PlainRecords::fill(content, self.sep, rec);
        }
        let decoded = self.push_decoded(rec, raw, line, quote_scan, next.end);
        match (phys, next.plain) {
            (Some(phys), Some(content)) => {
                self.keeper.plain_line(phys, span, lead, content, decoded)
            }
            (Some(phys), None) => self.keeper.record(phys, span, lead, rec, decoded),
            (None, _) => {}
        }
    }

    /// A quote-free line already decoded, split at its separator.
    #[inline(always)]
    fn push_text(&mut self, text: &str, line: u32) -> bool {
        let Some(d) = self.doc.as_mut() else {
            return false;
        };
        d.table
            .push_line(text, field_ranges(text.as_bytes(), self.sep), line);
        true
    }

    /// A quote-free line whose bytes all decode, split at its separator; false otherwise.
    #[inline(always)]
    fn push_plain_line(&mut self, start: usize, content: &[u8], line: u32) -> bool {
        let text = match self.whole {
            Some(whole) => whole.get(start..start + content.len()),
            None => self.fields.line_text(content),
        };
        match (text, self.doc.as_mut()) {
            (Some(text), Some(d)) => {
                d.table
                    .push_line(text, field_ranges(text.as_bytes(), self.sep), line);
                true
            }
            _ => false,
        }
    }

    /// A csv record of UTF-8 text (not in a Shift_JIS file), sliced field by field; its
    /// quote problems are noted. False when its bytes are not UTF-8.
    #[inline(always)]
    fn push_utf8_record(
        &mut self,
        rec: &csv::ByteRecord,
        line: u32,
        quote_scan: &mut Option<QuoteScan>,
    ) -> bool {
        if self.detected.encoding == TextEncoding::ShiftJis {
            return false;
        }
        let (Some(d), Some(all)) = (self.doc.as_mut(), super::field_decoder::utf8_record(rec))
        else {
            return false;
        };
        let phys = d.table.physical_len() as u32;
        let cells = (0..rec.len()).map(|i| rec.range(i).and_then(|r| all.get(r)).unwrap_or(""));
        d.table.push_record(cells, line);
        note_problems(d, phys, &[], quote_scan.take());
        true
    }

    /// A record decoded field by field, with its problems: a row, or the header when
    /// none has been read (its line ends at `end`). Whether every byte decoded.
    fn push_decoded(
        &mut self,
        rec: &csv::ByteRecord,
        raw: &[u8],
        line: u32,
        quote_scan: Option<QuoteScan>,
        end: usize,
    ) -> bool {
        let bad_cells = self.fields.decode(rec);
        let decoded = bad_cells.is_empty();
        if let Some(d) = self.doc.as_mut() {
            let phys = d.table.physical_len() as u32;
            d.table.push_record(self.fields.iter(), line);
            note_problems(d, phys, &bad_cells, quote_scan);
            return decoded;
        }
        self.meta.line_ending = line_ending_of(raw);
        self.meta.quote_all = quote_scan.as_ref().is_some_and(|q| q.all_quoted);
        let mut header: Vec<String> = self.fields.iter().map(str::to_string).collect();
        // The csv parser drops a BOM at the start of its input: a second BOM (or a BOM in
        // a file read as Shift_JIS) goes back into the first name, where the header check
        // reports it and saving writes it back.
        if self.body.starts_with(crate::io::decode::UTF8_BOM)
            && let Some(first) = header.first_mut()
        {
            first.insert(0, '\u{feff}');
        }
        let layout = Layout {
            line_ending: self.meta.line_ending,
            quote_all: self.meta.quote_all,
        };
        let line = self.body.get(..end).unwrap_or_default();
        self.keeper.header(&header, line, layout);
        let mut d = Document::new(header, self.meta.clone());
        note_problems(&mut d, HEADER_ROW, &bad_cells, quote_scan);
        self.doc = Some(d);
        decoded
    }

    /// The document read; a body without a header line is an empty file. `last_end` is
    /// where the last record ended, when known: what follows is blank lines.
    fn finish(mut self, last_end: Option<usize>) -> Document {
        if self.doc.is_none() {
            self.keeper.header(
                &[],
                &[],
                Layout {
                    line_ending: self.meta.line_ending,
                    quote_all: false,
                },
            );
        }
        // After a line of decoded text (quote-free) only line breaks can follow: the
        // first ends that line.
        let body = self.body;
        let last_end = last_end.unwrap_or_else(|| super::keep::first_break_end(body, body.len()));
        let tail = body.get(last_end..).unwrap_or_default();
        let kept = self.keeper.finish(tail);
        let mut d = self.doc.unwrap_or_else(|| {
            let mut d = Document::new(Vec::new(), self.meta);
            d.empty_file = true;
            d
        });
        d.kept = std::sync::Arc::new(kept);
        d
    }
}

pub(super) fn ends_with_newline(body: &[u8]) -> bool {
    matches!(body.last(), Some(b'\n' | b'\r'))
}

fn note_problems(
    doc: &mut Document,
    phys: u32,
    undecodable: &[usize],
    quote_scan: Option<QuoteScan>,
) {
    for &col in undecodable {
        doc.note_read_problem(phys, col, ReadProblem::Undecodable);
    }
    for (col, p) in quote_scan.map(|q| q.problems).unwrap_or_default() {
        doc.note_read_problem(phys, col, p);
    }
}

/// The line ending that closes the header record.
pub(super) fn line_ending_of(raw: &[u8]) -> LineEnding {
    match raw {
        [.., b'\r', b'\n'] => LineEnding::Crlf,
        [.., b'\n'] => LineEnding::Lf,
        [.., b'\r'] => LineEnding::Cr,
        _ => LineEnding::Crlf,
    }
}
