//! CSV bytes → [`Document`]. Parsing is lenient: a ragged row, a stray quote or an
//! undecodable byte becomes a problem on its row and cell, and the rest still loads.
//! Only input that is not a text table at all is refused, with a reason.

use super::decode::{Broken, Detected, detect_for_reading, shift_jis_holds};
use super::plain::PlainRecords;
use super::quotes;
use super::sjis_lines::{ShiftJisLines, SjisLine, decode_shift_jis};
use crate::document::{Document, FileMeta, HEADER_ROW, LineEnding, ReadProblem};
use crate::encoding::TextEncoding;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: is a folder, not a file")]
    Directory(PathBuf),
    #[error(
        "line {line}, byte {byte}: the file contains NUL bytes, so it is not a text CSV (is it a spreadsheet or another binary file? save it as CSV)"
    )]
    Binary { line: u64, byte: u64 },
    #[error(
        "this file is in UTF-32, which the console does not read: save it as CSV in UTF-8 or Shift_JIS"
    )]
    Utf32,
    #[error(
        "this is an Excel workbook (.xlsx) or another zip file, not a CSV: in Excel choose File > Save As > CSV"
    )]
    Workbook,
    #[error(
        "this is an old Excel workbook (.xls), not a CSV: in Excel choose File > Save As > CSV"
    )]
    OldWorkbook,
    #[error("the file is larger than 4 GiB, which Bulksheet cannot hold")]
    TooLarge,
    #[error("cancelled")]
    Cancelled,
}

pub fn read_path(path: &Path, forced: Option<TextEncoding>) -> Result<Document, ReadError> {
    read_path_with_progress(path, forced, &mut |_| true)
}

pub fn read_path_with_progress(
    path: &Path,
    forced: Option<TextEncoding>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Document, ReadError> {
    if path.is_dir() {
        return Err(ReadError::Directory(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_with_progress(&bytes, forced, progress)
}

pub fn read_bytes(bytes: &[u8], forced: Option<TextEncoding>) -> Result<Document, ReadError> {
    read_with_progress(bytes, forced, &mut |_| true)
}

/// Reads a whole file. `progress` gets the share done (0..1) now and then and returns
/// false to cancel.
pub fn read_with_progress(
    bytes: &[u8],
    forced: Option<TextEncoding>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Document, ReadError> {
    read_inner(bytes, forced, progress, Mode::NORMAL)
}

/// Like [`read_bytes`], but any body with a line break past its middle is read in two
/// halves, as big files are read in parts: tests and fuzzing compare the ways on small
/// inputs.
#[doc(hidden)]
pub fn read_bytes_in_halves(
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> Result<Document, ReadError> {
    read_bytes_in_parts(bytes, forced, 2)
}

/// Like [`read_bytes_in_halves`], in about `parts` parts (2 to 16).
#[doc(hidden)]
pub fn read_bytes_in_parts(
    bytes: &[u8],
    forced: Option<TextEncoding>,
    parts: usize,
) -> Result<Document, ReadError> {
    let mode = Mode {
        split_from: 0,
        parts: Some(parts),
        ..Mode::NORMAL
    };
    read_inner(bytes, forced, &mut |_| true, mode)
}

/// Like [`read_bytes`], but every record goes through the csv parser in one pass, even
/// in a body without quotes: the reference the faster ways are compared with.
#[doc(hidden)]
pub fn read_bytes_by_csv_parser(
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> Result<Document, ReadError> {
    let mode = Mode {
        split_from: usize::MAX,
        parts: None,
        plain: false,
    };
    read_inner(bytes, forced, &mut |_| true, mode)
}

/// How a body is read.
#[derive(Clone, Copy)]
struct Mode {
    /// Bodies at least this long are read in parts on two threads.
    split_from: usize,
    /// How many parts; by default one per `PART_BYTES`.
    parts: Option<usize>,
    /// A part with no quote character is split into lines and fields without the csv
    /// parser (`plain.rs`).
    plain: bool,
}

impl Mode {
    const NORMAL: Mode = Mode {
        split_from: SPLIT_FROM_BYTES,
        parts: None,
        plain: true,
    };
}

fn read_inner(
    bytes: &[u8],
    forced: Option<TextEncoding>,
    progress: &mut dyn FnMut(f32) -> bool,
    mode: Mode,
) -> Result<Document, ReadError> {
    if u32::try_from(bytes.len()).is_err() {
        return Err(ReadError::TooLarge);
    }
    if bytes.starts_with(b"\xFF\xFE\0\0") || bytes.starts_with(b"\0\0\xFE\xFF") {
        return Err(ReadError::Utf32);
    }
    if let Some(utf16) = decode_utf16(bytes) {
        // NUL characters would be saved as NUL bytes, and the saved file refused.
        refuse_nul(utf16.as_bytes())?;
        let mut doc = parse_split(
            utf16.as_bytes(),
            Detected {
                encoding: TextEncoding::Utf8Bom,
                bom_len: 0,
            },
            progress,
            mode,
        )?;
        doc.meta.encoding = TextEncoding::Utf8Bom;
        return Ok(doc);
    }
    refuse_non_text(bytes)?;
    if forced.is_none() && starts_as_utf8(bytes) {
        // Presumed UTF-8: reading checks every field's bytes, so a read without a broken
        // byte proves the whole body is UTF-8, as detection would have found with a pass
        // of its own; any other read asks detection, as before.
        let doc = parse_split(bytes, UTF8, progress, mode)?;
        if !doc.has_read_problems() {
            return Ok(doc);
        }
        let (detected, presumed) = detect_for_reading(bytes, forced);
        if detected == UTF8 && presumed.is_none() {
            return Ok(doc);
        }
        return read_detected(bytes, detected, presumed, progress, mode);
    }
    let (detected, presumed) = detect_for_reading(bytes, forced);
    read_detected(bytes, detected, presumed, progress, mode)
}

const UTF8: Detected = Detected {
    encoding: TextEncoding::Utf8,
    bom_len: 0,
};

/// Whether a file's first 64 KiB are UTF-8 (plain ASCII included), without a byte-order
/// mark. Such a file is read as UTF-8 straight away; a Shift_JIS file that starts with
/// 64 KiB of ASCII is read a second time once the first read has found its bytes broken.
fn starts_as_utf8(bytes: &[u8]) -> bool {
    if bytes.starts_with(super::decode::UTF8_BOM) {
        return false;
    }
    let start = bytes.get(..bytes.len().min(64 << 10)).unwrap_or_default();
    match simdutf8::compat::from_utf8(start) {
        Ok(_) => true,
        // Cut inside a character at the end of the window: still UTF-8 so far.
        Err(e) => e.error_len().is_none(),
    }
}

/// Reads a body in the encoding detection named (see [`detect_for_reading`]).
fn read_detected(
    bytes: &[u8],
    detected: Detected,
    presumed: Option<Broken>,
    progress: &mut dyn FnMut(f32) -> bool,
    mode: Mode,
) -> Result<Document, ReadError> {
    let body = bytes.get(detected.bom_len..).unwrap_or_default();
    let doc = parse_split(body, detected, progress, mode)?;
    // Read as presumed Shift_JIS: a clean read proves it (every byte was decoded); one with
    // bad bytes is settled by counting them, as detect_encoding does before reading.
    match presumed {
        Some(broken) if doc.has_read_problems() && !shift_jis_holds(body, broken) => {
            parse_split(body, UTF8, progress, mode)
        }
        _ => Ok(doc),
    }
}

/// UTF-16 files are read and will be saved as UTF-8 with a BOM: with a BOM, or without
/// one when the NUL bytes fall exactly where UTF-16 puts them (ASCII text) and the whole
/// file decodes cleanly.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(
            encoding_rs::UTF_16LE
                .decode_with_bom_removal(bytes)
                .0
                .into_owned(),
        );
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(
            encoding_rs::UTF_16BE
                .decode_with_bom_removal(bytes)
                .0
                .into_owned(),
        );
    }
    let enc = match bytes {
        [a, 0, ..] if *a != 0 => encoding_rs::UTF_16LE,
        [0, b, ..] if *b != 0 => encoding_rs::UTF_16BE,
        _ => return None,
    };
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
    let looks_like_text = !text.contains('\0') && text.contains([',', '\n', '\r']);
    looks_like_text.then(|| text.into_owned())
}

/// Refuses a workbook by its first bytes. Other binary files are refused by their NUL
/// bytes, found while reading (see `quotes_and_nul`).
fn refuse_non_text(bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(ReadError::Workbook);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(ReadError::OldWorkbook);
    }
    Ok(())
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

/// The error for a NUL byte at `at` of a `body` that starts `bom_len` bytes into the file
/// (after its byte-order mark): its line and its byte in the file.
fn nul_error(body: &[u8], at: usize, bom_len: usize) -> ReadError {
    let before = body.get(..at).unwrap_or_default();
    ReadError::Binary {
        line: 1 + memchr::memchr_iter(b'\n', before).count() as u64,
        byte: (bom_len + at) as u64,
    }
}

/// Refuses a decoded text with a NUL character (a UTF-16 file's), named as a NUL byte.
fn refuse_nul(bytes: &[u8]) -> Result<(), ReadError> {
    match super::scan::first_nul(bytes) {
        Some(at) => Err(nul_error(bytes, at, 0)),
        None => Ok(()),
    }
}

/// Bodies at least this long are read in parts on two threads.
const SPLIT_FROM_BYTES: usize = 4 << 20;

/// A big body is cut into parts of about this many bytes (at most `MAX_PARTS`), which the
/// two threads take in turn: with two fixed halves, one core sat idle while the other
/// finished (the halves of a million-row file finished 1–75 ms apart).
const PART_BYTES: usize = 8 << 20;
const MAX_PARTS: usize = 16;

/// Reads a big body in parts on two threads: each part after the first starts after a line
/// break, and the parts are joined in order when each ended on a record boundary. When a
/// break was inside a quoted cell, the whole body is read again in one pass, so the result
/// is always that of a single pass.
fn parse_split(
    body: &[u8],
    detected: Detected,
    progress: &mut dyn FnMut(f32) -> bool,
    mode: Mode,
) -> Result<Document, ReadError> {
    let parts = mode
        .parts
        .unwrap_or(body.len() / PART_BYTES)
        .clamp(2, MAX_PARTS);
    let cuts = (body.len() >= mode.split_from)
        .then(|| cut_points(body, parts))
        .flatten();
    // A part names a NUL byte by its place in the part; the error names it in the file.
    let locate = |offset: usize| {
        move |e| match e {
            ReadError::Binary { byte, .. } => {
                nul_error(body, offset + byte as usize, detected.bom_len)
            }
            e => e,
        }
    };
    let one_pass = |progress: &mut dyn FnMut(f32) -> bool| {
        parse_part(body, body.len(), detected, progress, None, mode.plain)
            .map(|p| p.doc)
            .map_err(locate(0))
    };
    let Some((starts, width)) = cuts else {
        return one_pass(progress);
    };
    let part = |i: usize| {
        let from = starts.get(i).copied().unwrap_or(body.len());
        let to = starts.get(i + 1).copied().unwrap_or(body.len());
        (from, body.get(from..to).unwrap_or_default())
    };
    let next = AtomicUsize::new(0);
    let cancel = AtomicBool::new(false);
    // Bytes of the parts done, for the share reported as done.
    let done = AtomicUsize::new(0);
    // Takes parts until none is left; `report` is told the share of the current one done
    // and its length.
    let work = |report: &mut dyn FnMut(f32, usize) -> bool| {
        let mut out = Vec::new();
        loop {
            if cancel.load(Ordering::Relaxed) {
                return out;
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= starts.len() {
                return out;
            }
            let (from, bytes) = part(i);
            // The first part's table will hold the others' rows too: sized for them all.
            let (holds, width) = if i == 0 {
                (body.len(), None)
            } else {
                (bytes.len(), Some(width))
            };
            let mut report_part = |share| report(share, bytes.len());
            let read = parse_part(bytes, holds, detected, &mut report_part, width, mode.plain)
                .map_err(locate(from));
            done.fetch_add(bytes.len(), Ordering::Relaxed);
            if matches!(read, Err(ReadError::Cancelled)) {
                cancel.store(true, Ordering::Relaxed);
            }
            out.push((i, read));
        }
    };
    let total = body.len().max(1) as f32;
    let (mut read, theirs) = std::thread::scope(|s| {
        let theirs = s.spawn(|| work(&mut |_, _| !cancel.load(Ordering::Relaxed)));
        // Only this thread may call `progress`: it reports both threads' finished parts
        // and its own current one.
        let ours = work(&mut |share, len| {
            let now = done.load(Ordering::Relaxed) as f32 + share * len as f32;
            let go_on = progress((now / total).min(1.0));
            if !go_on {
                cancel.store(true, Ordering::Relaxed);
            }
            go_on
        });
        (ours, crate::threads::join(theirs))
    });
    read.extend(theirs);
    read.sort_by_key(|(i, _)| *i);
    let mut parts = Vec::with_capacity(read.len());
    for (_, r) in read {
        parts.push(r?);
    }
    let last = parts.len().saturating_sub(1);
    let broken = parts.iter().take(last).any(|p| p.ends_in_quotes);
    let mut parts = parts.into_iter();
    let Some(mut first) = parts.next() else {
        return one_pass(progress);
    };
    if broken || first.doc.width() != width {
        return one_pass(progress);
    }
    first.doc.meta.final_newline = ends_with_newline(body);
    let mut lines_before = first.lines;
    for p in parts {
        first
            .doc
            .append_rows(p.doc, u32::try_from(lines_before).unwrap_or(u32::MAX));
        lines_before += p.lines;
    }
    Ok(first.doc)
}

/// Where each part of a body cut in about `parts` starts (the first at 0, the others just
/// after a line break past the header record); and the header's width. `None` when there
/// is no such break.
fn cut_points(body: &[u8], parts: usize) -> Option<(Vec<usize>, usize)> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut rec = csv::ByteRecord::new();
    if !rdr.read_byte_record(&mut rec).ok()? {
        return None;
    }
    let header_end = usize::try_from(rdr.position().byte()).ok()?;
    let mut starts = vec![0];
    for k in 1..parts {
        let last = starts.last().copied().unwrap_or(0);
        let mut from = header_end.max(body.len() / parts * k).max(last);
        let cut = loop {
            let Some(at) = memchr::memchr(b'\n', body.get(from..).unwrap_or_default()) else {
                break None;
            };
            let cut = from + at + 1;
            let rest = body.get(cut..).unwrap_or_default();
            // The parser drops a byte-order mark at the start of its input: a part must not
            // start with one that belongs to a cell.
            if !rest.starts_with(super::decode::UTF8_BOM) {
                break (!rest.is_empty()).then_some(cut);
            }
            from = cut;
        };
        match cut {
            Some(cut) if cut > last => starts.push(cut),
            Some(_) => {}
            None => break,
        }
    }
    (starts.len() > 1).then_some((starts, rec.len()))
}

fn ends_with_newline(body: &[u8]) -> bool {
    matches!(body.last(), Some(b'\n' | b'\r'))
}

/// A body read in one pass.
struct Part {
    doc: Document,
    /// The last record ended inside a quoted cell (an unclosed quote).
    ends_in_quotes: bool,
    /// Lines the parser counted (its own count: the line numbers of rows are its).
    lines: u64,
}

/// Reads records from `body`. With `width` unset the first record is the header; with it
/// set every record is a data row of a document whose header was read elsewhere. `holds`
/// is how many bytes of rows the table will hold in the end (its storage is sized for
/// them early: growing it copies what it holds so far).
fn parse_part(
    body: &[u8],
    holds: usize,
    detected: Detected,
    progress: &mut dyn FnMut(f32) -> bool,
    width: Option<usize>,
    plain: bool,
) -> Result<Part, ReadError> {
    let mut meta = FileMeta {
        encoding: detected.encoding,
        final_newline: ends_with_newline(body),
        ..FileMeta::default()
    };
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
                .has_headers(false)
                .flexible(true)
                .from_reader(body),
        )
    };
    let mut rec = csv::ByteRecord::new();
    let mut fields = FieldDecoder::new(detected);
    let mut doc: Option<Document> =
        width.map(|w| Document::new(vec![String::new(); w], meta.clone()));
    let mut ends_in_quotes = false;
    // A quote-free UTF-8 part is checked whole, once: its lines are then sliced out of it
    // (checking each line on its own cost a call per line).
    let whole = (matches!(records, Records::Plain(_))
        && detected.encoding != TextEncoding::ShiftJis)
        .then(|| simdutf8::basic::from_utf8(body).ok())
        .flatten();
    let total = body.len().max(1) as f32;
    let mut next_report = 1usize << 20;
    let mut data_from = None;
    let mut sized = false;
    let shift_jis = detected.encoding == TextEncoding::ShiftJis;
    loop {
        if shift_jis && doc.is_some() {
            records.shift_jis_after_header(body);
        }
        let Some(Next {
            start,
            line,
            end,
            plain,
            text,
        }) = records.next(body, &mut rec)
        else {
            break;
        };
        if let Some(d) = doc.as_mut()
            && !sized
        {
            let from = *data_from.get_or_insert(start);
            let rows = d.table.physical_len();
            if rows >= SIZE_AFTER_ROWS {
                sized = true;
                // The rows so far, scaled to the bytes the table will hold, and a tenth more.
                let per_row = (start - from).max(1) as f64 / rows as f64;
                let expected = holds.saturating_sub(from) as f64 / per_row * 1.1;
                d.table.reserve_rows(expected as usize);
            }
        }
        let raw = body.get(start..end).unwrap_or_default();
        if end >= next_report {
            next_report = end + (1 << 20);
            if !progress(end as f32 / total) {
                return Err(ReadError::Cancelled);
            }
        }
        let quote_scan = (plain.is_none() && text.is_none())
            .then(|| memchr::memchr(b'"', raw).map(|_| quotes::scan(raw)))
            .flatten();
        ends_in_quotes = quote_scan.as_ref().is_some_and(|q| {
            q.problems
                .iter()
                .any(|(_, p)| *p == ReadProblem::UnclosedQuote)
        });
        // The common cases go straight into the table: a quote-free data line split at
        // commas (UTF-8 as it is, Shift_JIS decoded whole), or a UTF-8 csv record.
        // Everything else goes through the decoder's buffer, which names bad fields.
        if let Some(d) = doc.as_mut() {
            let line = u32::try_from(line).unwrap_or(u32::MAX);
            if let Some(text) = text {
                d.table
                    .push_line(text, super::plain::field_ranges(text.as_bytes()), line);
                continue;
            }
            if let Some(content) = plain {
                let text = match whole {
                    Some(whole) => whole.get(start..start + content.len()),
                    None => fields.line_text(content),
                };
                if let Some(text) = text {
                    d.table
                        .push_line(text, super::plain::field_ranges(text.as_bytes()), line);
                    continue;
                }
            } else if detected.encoding != TextEncoding::ShiftJis
                && let Some(all) = utf8_record(&rec)
            {
                let phys = d.table.physical_len() as u32;
                let cells =
                    (0..rec.len()).map(|i| rec.range(i).and_then(|r| all.get(r)).unwrap_or(""));
                d.table.push_record(cells, line);
                note_problems(d, phys, &[], quote_scan);
                continue;
            }
        }
        if let Some(content) = plain {
            PlainRecords::fill(content, &mut rec);
        }
        let bad_cells = fields.decode(&rec);
        match doc.as_mut() {
            None => {
                meta.line_ending = line_ending_of(raw);
                meta.quote_all = quote_scan.as_ref().is_some_and(|q| q.all_quoted);
                let mut header: Vec<String> = fields.iter().map(str::to_string).collect();
                // The csv parser drops a BOM at the start of its input: a second BOM (or a
                // BOM in a file read as Shift_JIS) goes back into the first name, where the
                // header check reports it and saving writes it back.
                if body.starts_with(super::decode::UTF8_BOM)
                    && let Some(first) = header.first_mut()
                {
                    first.insert(0, '\u{feff}');
                }
                let mut d = Document::new(header, meta.clone());
                note_problems(&mut d, HEADER_ROW, &bad_cells, quote_scan);
                doc = Some(d);
            }
            Some(d) => {
                let phys = d.table.physical_len() as u32;
                d.table
                    .push_record(fields.iter(), u32::try_from(line).unwrap_or(u32::MAX));
                note_problems(d, phys, &bad_cells, quote_scan);
            }
        }
    }
    let doc = doc.unwrap_or_else(|| {
        let mut d = Document::new(Vec::new(), meta);
        d.empty_file = true;
        d
    });
    Ok(Part {
        doc,
        ends_in_quotes,
        lines: records.lines(),
    })
}

/// After this many rows a part's table is sized for the rows it will hold.
const SIZE_AFTER_ROWS: usize = 256;

/// Where records come from: the csv parser, or lines split at commas when the body has
/// no quotes (Shift_JIS data lines found in decoded chunks).
enum Records<'a> {
    Csv(csv::Reader<&'a [u8]>),
    Plain(PlainRecords<'a>),
    ShiftJis(ShiftJisLines<'a>),
}

/// A record (see [`Records::next`]).
struct Next<'r> {
    start: usize,
    line: u64,
    end: usize,
    /// A quote-free line's bytes, which `rec` is not filled from (the caller fills it
    /// only when it needs it).
    plain: Option<&'r [u8]>,
    /// A quote-free line already decoded.
    text: Option<&'r str>,
}

impl<'a> Records<'a> {
    /// The next record: its start, line and end, and for a quote-free line its bytes or
    /// its text.
    fn next(&mut self, body: &[u8], rec: &mut csv::ByteRecord) -> Option<Next<'_>> {
        let (start, line, end, plain, text) = match self {
            // Reading from memory with a flexible reader cannot fail; stop if it ever does.
            Records::Csv(rdr) => {
                if !matches!(rdr.read_byte_record(rec), Ok(true)) {
                    return None;
                }
                let (start, line) = record_start(body, rec);
                let end = record_end(body, rdr.position().byte() as usize);
                (start, line, end, None, None)
            }
            Records::Plain(lines) => {
                let r = lines.next()?;
                (r.start, r.line, r.end, Some(r.content), None)
            }
            Records::ShiftJis(lines) => match lines.next()? {
                SjisLine::Text { text, line, start } => (start, line, start, None, Some(text)),
                SjisLine::Bytes(r) => (r.start, r.line, r.end, Some(r.content), None),
            },
        };
        Some(Next {
            start,
            line,
            end,
            plain,
            text,
        })
    }

    /// After the header of a quote-free Shift_JIS body: its data lines are read from
    /// decoded chunks.
    fn shift_jis_after_header(&mut self, body: &'a [u8]) {
        if let Records::Plain(lines) = self {
            *self = Records::ShiftJis(ShiftJisLines::new(body, lines.pos(), lines.lfs()));
        }
    }

    /// Lines the body held up to where reading stopped (LFs, the parser's count).
    fn lines(&self) -> u64 {
        match self {
            Records::Csv(rdr) => rdr.position().line().saturating_sub(1),
            Records::Plain(lines) => lines.lfs(),
            Records::ShiftJis(lines) => lines.lfs(),
        }
    }
}

fn note_problems(
    doc: &mut Document,
    phys: u32,
    undecodable: &[usize],
    quote_scan: Option<quotes::QuoteScan>,
) {
    for &col in undecodable {
        doc.note_read_problem(phys, col, ReadProblem::Undecodable);
    }
    for (col, p) in quote_scan.map(|q| q.problems).unwrap_or_default() {
        doc.note_read_problem(phys, col, p);
    }
}

/// A record's fields as one UTF-8 text, when it is valid UTF-8 and every field boundary
/// falls between characters (so each field can be sliced out of it).
fn utf8_record(rec: &csv::ByteRecord) -> Option<&str> {
    let all = simdutf8::basic::from_utf8(rec.as_slice()).ok()?;
    (0..rec.len())
        .all(|i| rec.range(i).is_some_and(|r| all.is_char_boundary(r.end)))
        .then_some(all)
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

/// The line ending that closes the header record.
fn line_ending_of(raw: &[u8]) -> LineEnding {
    match raw {
        [.., b'\r', b'\n'] => LineEnding::Crlf,
        [.., b'\n'] => LineEnding::Lf,
        [.., b'\r'] => LineEnding::Cr,
        _ => LineEnding::Crlf,
    }
}

/// Turns one record's byte fields into text, reusing its buffers across records.
struct FieldDecoder {
    detected: Detected,
    text: String,
    ends: Vec<usize>,
}

impl FieldDecoder {
    fn new(detected: Detected) -> Self {
        FieldDecoder {
            detected,
            text: String::new(),
            ends: Vec::new(),
        }
    }

    /// Decodes every field; returns the indexes of fields that had undecodable bytes.
    fn decode(&mut self, rec: &csv::ByteRecord) -> Vec<usize> {
        self.text.clear();
        self.ends.clear();
        // The common case: a UTF-8 record checked in one pass instead of field by field.
        if self.detected.encoding != TextEncoding::ShiftJis
            && let Ok(all) = simdutf8::basic::from_utf8(rec.as_slice())
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
    fn line_text<'a>(&'a mut self, line: &'a [u8]) -> Option<&'a str> {
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

    fn iter(&self) -> impl Iterator<Item = &str> {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let s = self.text.get(start..end).unwrap_or("");
            start = end;
            s
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_and_rows() {
        let d = read_bytes(b"a,b\r\n1,2\r\n3,4\r\n", None).unwrap();
        assert_eq!(d.header, vec!["a", "b"]);
        assert_eq!(d.rows(), 2);
        assert_eq!(d.cell(1, 1), "4");
        assert_eq!(d.meta.line_ending, LineEnding::Crlf);
        assert_eq!(d.table.source_line(1), Some(3));
    }

    #[test]
    fn shift_jis_is_read_with_quotes_and_lines() {
        let text = "名前,メモ\r\n\"山田,太郎\",x\"y\r\n\"改\r\n行\",ｶﾅ\r\n";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let d = read_bytes(&bytes, None).unwrap();
        assert_eq!(d.meta.encoding, TextEncoding::ShiftJis);
        assert_eq!(d.header, vec!["名前", "メモ"]);
        assert_eq!(d.cell(0, 0), "山田,太郎");
        assert_eq!(d.cell(0, 1), "x\"y");
        assert_eq!(d.read_problem(0, 1), Some(&ReadProblem::StrayQuote));
        assert_eq!(d.cell(1, 0), "改\r\n行");
        assert_eq!(d.cell(1, 1), "ｶﾅ");
        assert_eq!(d.table.source_line(1), Some(3));
    }

    #[test]
    fn utf8_rows_split_inside_a_character_still_read() {
        // A field boundary can never fall inside a character of valid UTF-8 text, but
        // each row is checked before it is sliced.
        let d = read_bytes("a,b\r\né,ü\r\n".as_bytes(), None).unwrap();
        assert_eq!((d.cell(0, 0), d.cell(0, 1)), ("é", "ü"));
    }

    #[test]
    fn rows_after_blank_lines_keep_their_own_line_numbers() {
        // The parser skips blank lines but reports the record from where it began looking.
        let d = read_bytes(b"a,b\n\n\n1,2\r\n\r\n3,4\n", None).unwrap();
        assert_eq!(d.rows(), 2);
        assert_eq!(d.table.source_line(0), Some(4));
        assert_eq!(d.table.source_line(1), Some(6));
    }

    #[test]
    fn empty_file_is_a_document() {
        let d = read_bytes(b"", None).unwrap();
        assert!(d.empty_file);
        let d = read_bytes(b"\xEF\xBB\xBF", None).unwrap();
        assert!(d.empty_file);
    }
}
