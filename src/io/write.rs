//! Document → bytes in the chosen encoding (the atomic save that puts them on disk is in
//! `atomic.rs`).

use super::WriteCause;
use crate::document::{Document, LineEnding};
use crate::encoding::{TextEncoding, first_unencodable};
use crate::io::separator::Separator;
use std::path::PathBuf;

/// How a document is written: by default as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOptions {
    /// The encoding to write in.
    pub encoding: TextEncoding,
    /// What separates the fields.
    pub separator: Separator,
    /// The line break after each record.
    pub line_ending: LineEnding,
    /// Quote every field, as the file read did; otherwise only where needed.
    pub quote_all: bool,
    /// End the last record with a line break.
    pub final_newline: bool,
    /// Write only the first this many columns (leaving out a spreadsheet's empty columns
    /// at the right end); None writes every column.
    pub columns: Option<usize>,
}

impl WriteOptions {
    /// Writes the document as it was read.
    pub fn like(doc: &Document) -> Self {
        WriteOptions {
            encoding: doc.meta.encoding,
            separator: doc.meta.separator,
            line_ending: doc.meta.line_ending,
            quote_all: doc.meta.quote_all,
            final_newline: doc.meta.final_newline,
            columns: None,
        }
    }
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A character the target encoding (Shift_JIS) has no bytes for.
    #[error("{}", self.message(crate::validate::message::Lang::En))]
    Unencodable {
        /// The cell's row, from 1.
        row: usize,
        /// The cell's column name.
        column: String,
        /// The first character it cannot carry.
        ch: char,
    },
    /// Writing, syncing or renaming the file failed.
    #[error("{}", self.message(crate::validate::message::Lang::En))]
    Io {
        /// The file.
        path: PathBuf,
        /// What it means for the user.
        cause: WriteCause,
        /// What the system said.
        source: std::io::Error,
    },
}

/// Encodes the header and the given rows (0-based document rows). In the encoding, line
/// end and quoting the file was read in, unchanged rows are written with their bytes as
/// read (`write_kept.rs`).
pub fn encode_rows(
    doc: &Document,
    rows: impl IntoIterator<Item = usize>,
    opts: &WriteOptions,
) -> Result<Vec<u8>, WriteError> {
    let rows: Vec<usize> = rows.into_iter().collect();
    if super::write_kept::usable(doc, opts) {
        return super::write_kept::encode_keeping(doc, &rows, opts);
    }
    if opts.encoding == TextEncoding::Utf8Bom {
        // Written after the BOM, not moved behind it: a memmove of the whole export.
        let bom = super::decode::UTF8_BOM.to_vec();
        return Ok(to_csv_text(doc, &rows, opts, true, true, bom));
    }
    let text = to_csv_text(doc, &rows, opts, true, true, Vec::new());
    encode_text(text, doc, &rows, opts.encoding)
}

/// Appends the text of `rows` (see [`to_csv_text`]) in `opts.encoding` to `out`. UTF-8
/// text is written into `out` itself: an export of a million rows copied once more into
/// fresh memory took ~40% longer (the page faults of ~95 MB).
pub(super) fn append_rows(
    out: &mut Vec<u8>,
    doc: &Document,
    rows: &[usize],
    opts: &WriteOptions,
    header: bool,
) -> Result<(), WriteError> {
    if matches!(opts.encoding, TextEncoding::Utf8 | TextEncoding::Utf8Bom) {
        let before = std::mem::take(out);
        *out = to_csv_text(doc, rows, opts, header, false, before);
        return Ok(());
    }
    let text = to_csv_text(doc, rows, opts, header, false, Vec::new());
    let bytes = encode_text(text, doc, rows, opts.encoding)?;
    if out.is_empty() {
        *out = bytes;
    } else {
        out.extend_from_slice(&bytes);
    }
    Ok(())
}

/// Text written for `rows` in `encoding` (a BOM not added).
fn encode_text(
    text: Vec<u8>,
    doc: &Document,
    rows: &[usize],
    encoding: TextEncoding,
) -> Result<Vec<u8>, WriteError> {
    match encoding {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => Ok(text),
        TextEncoding::ShiftJis => {
            let s = String::from_utf8_lossy(&text);
            let (bytes, _, had_errors) = encoding_rs::SHIFT_JIS.encode(&s);
            // Some characters encode without an error but read back as others (U+2212 as
            // U+FF0D): refuse those too rather than save a silently different file.
            if had_errors || encoding_rs::SHIFT_JIS.decode_without_bom_handling(&bytes).0 != s {
                return Err(first_unencodable_cell(doc, rows));
            }
            Ok(bytes.into_owned())
        }
        TextEncoding::Utf16Le => Ok(utf16(&text, u16::to_le_bytes)),
        TextEncoding::Utf16Be => Ok(utf16(&text, u16::to_be_bytes)),
    }
}

/// UTF-8 text as UTF-16 with a byte-order mark, each code unit's bytes in the order
/// `bytes` gives (encoding_rs decodes UTF-16 but does not encode it).
fn utf16(text: &[u8], bytes: fn(u16) -> [u8; 2]) -> Vec<u8> {
    let text = String::from_utf8_lossy(text);
    let mut out = Vec::with_capacity(text.len() * 2 + 2);
    for unit in std::iter::once(0xFEFF).chain(text.encode_utf16()) {
        out.extend_from_slice(&bytes(unit));
    }
    out
}

/// Room for the text: the first rows' size scaled to all rows, an eighth to spare. A fixed
/// guess per cell reserved 1.5 GB for a 95 MB export of a million rows, which a machine
/// that does not overcommit memory refuses outright.
fn estimated_len(doc: &Document, rows: &[usize]) -> usize {
    let sample = rows.len().min(256);
    let sampled: usize = rows
        .iter()
        .take(sample)
        .map(|&r| {
            (0..doc.width())
                .map(|c| doc.cell(r, c).len() + 1)
                .sum::<usize>()
                + 1
        })
        .sum();
    let per_row = sampled / sample.max(1) + 1;
    let header: usize = doc.header.iter().map(|h| h.len() + 3).sum();
    (per_row.saturating_mul(rows.len()) / 8)
        .saturating_mul(9)
        .saturating_add(header)
}

/// The csv writer's record end for a line ending.
pub(crate) fn terminator(ending: LineEnding) -> csv::Terminator {
    match ending {
        LineEnding::Crlf => csv::Terminator::CRLF,
        LineEnding::Lf => csv::Terminator::Any(b'\n'),
        LineEnding::Cr => csv::Terminator::Any(b'\r'),
    }
}

/// The csv writer's quoting: every field, or where needed.
pub(crate) fn quote_style(quote_all: bool) -> csv::QuoteStyle {
    if quote_all {
        csv::QuoteStyle::Always
    } else {
        csv::QuoteStyle::Necessary
    }
}

/// `before` followed by the text of the header (when `header`) and `rows`; the last line
/// end cut when the file had none and `whole` (the text is the whole file).
/// `opts.columns` leaves out the columns past the first n (a spreadsheet's empty
/// leftovers).
pub(super) fn to_csv_text(
    doc: &Document,
    rows: &[usize],
    opts: &WriteOptions,
    header: bool,
    whole: bool,
    before: Vec<u8>,
) -> Vec<u8> {
    let terminator = terminator(opts.line_ending);
    let style = quote_style(opts.quote_all);
    let width = opts.columns.map_or(doc.width(), |n| n.min(doc.width()));
    let names = doc.header.get(..width).unwrap_or(&doc.header);
    // A one-column file has no separator to tell: it is written as the comma CSV it
    // reads back as (a tab-separated one would leave a comma in a cell unquoted).
    let sep = if width > 1 {
        opts.separator.byte()
    } else {
        b','
    };
    let mut start = before;
    start.reserve(estimated_len(doc, rows));
    let bom_first = bom_first_name(names, opts).filter(|_| header);
    let by_hand = header && !opts.quote_all && names.iter().any(|h| h.contains(SEPARATOR_CHARS));
    if by_hand {
        start.extend_from_slice(&header_by_hand(names, sep, bom_first.is_some(), opts));
    } else if let Some(first) = bom_first {
        start.extend_from_slice(&quoted_first_name(first, names, sep, opts));
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .terminator(terminator)
        .quote_style(style)
        .from_writer(start);
    // Writing to a Vec cannot fail.
    if !by_hand {
        if bom_first.is_some() {
            if let Some(rest) = names.get(1..).filter(|r| !r.is_empty()) {
                let _ = w.write_record(rest);
            }
        } else if header {
            let _ = w.write_record(names);
        }
    }
    let mut record = csv::ByteRecord::new();
    for &row in rows {
        record.clear();
        let n = doc.table.field_count(row).min(width);
        for col in 0..n {
            record.push_field(doc.cell(row, col).as_bytes());
        }
        // Fields past the header are written only with every column: a row that has
        // them is an error, so columns are never left out before them.
        if width == doc.width() {
            for extra in doc.table.extra_fields(row) {
                record.push_field(extra.as_bytes());
            }
        }
        let _ = w.write_byte_record(&record);
    }
    let mut out = w.into_inner().unwrap_or_default();
    if whole && !opts.final_newline {
        let cut = opts.line_ending.bytes().len();
        if out.ends_with(opts.line_ending.bytes()) {
            out.truncate(out.len() - cut);
        }
    }
    out
}

/// A first header name that starts with U+FEFF would be taken for the file's byte-order
/// mark when read back (and dropped): in a file without a BOM, or when it is the whole
/// header. It is then written quoted. (After a real BOM the parser keeps it, so a file that
/// came with two BOMs is written back as it was.)
fn bom_first_name<'a>(header: &'a [String], opts: &WriteOptions) -> Option<&'a str> {
    let first = header.first()?;
    let lost = opts.encoding != TextEncoding::Utf8Bom || (header.len() == 1 && first == "\u{feff}");
    (first.starts_with('\u{feff}') && lost && !opts.quote_all).then_some(first.as_str())
}

/// The start of the header line up to the rest of the names: the first name quoted by
/// hand, then the separator, or the line ending when it is the only name.
fn quoted_first_name(first: &str, header: &[String], sep: u8, opts: &WriteOptions) -> Vec<u8> {
    let mut out = quoted(first).into_bytes();
    if header.len() > 1 {
        out.push(sep);
    } else {
        out.extend_from_slice(opts.line_ending.bytes());
    }
    out
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Every character a file's separator is told by (see `separator::detect`).
const SEPARATOR_CHARS: [char; 3] = [',', '\t', ';'];

/// The header line, when a name holds a separator character: such a name is quoted
/// whatever the file's separator, so that reading the file back tells the separator the
/// file was written with (detection counts only separators outside quotes). Other names
/// are quoted only where the csv writer would quote them; `bom_first` quotes the first.
fn header_by_hand(names: &[String], sep: u8, bom_first: bool, opts: &WriteOptions) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        let must = name.contains(SEPARATOR_CHARS)
            || name.contains(['"', '\r', '\n'])
            || (i == 0 && bom_first);
        if must {
            out.extend_from_slice(quoted(name).as_bytes());
        } else {
            out.extend_from_slice(name.as_bytes());
        }
    }
    out.extend_from_slice(opts.line_ending.bytes());
    out
}

fn first_unencodable_cell(doc: &Document, rows: &[usize]) -> WriteError {
    let header = std::iter::once((0usize, None));
    let body = rows.iter().map(|&r| (r + 1, Some(r)));
    for (row_no, row) in header.chain(body) {
        for col in 0..doc.width() {
            let value = match row {
                Some(r) => doc.cell(r, col),
                None => doc.header.get(col).map_or("", String::as_str),
            };
            if let Some(ch) = first_unencodable(value) {
                return WriteError::Unencodable {
                    row: row_no,
                    column: doc.header.get(col).cloned().unwrap_or_default(),
                    ch,
                };
            }
        }
    }
    WriteError::Unencodable {
        row: 0,
        column: String::new(),
        ch: '\u{fffd}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_reserved_for_an_export_is_close_to_its_size() {
        let text = crate::sample_data::miitel_csv(3_000, 7);
        let doc = crate::io::read_bytes(text.as_bytes(), None).unwrap();
        let rows: Vec<usize> = (0..doc.rows()).collect();
        let opts = WriteOptions::like(&doc);
        let written = to_csv_text(&doc, &rows, &opts, true, true, Vec::new()).len();
        let reserved = estimated_len(&doc, &rows);
        assert!(reserved >= written * 9 / 10, "{reserved} for {written}");
        assert!(reserved <= written * 3 / 2, "{reserved} for {written}");
        assert!(estimated_len(&doc, &[]) < 1_000);
    }
}
