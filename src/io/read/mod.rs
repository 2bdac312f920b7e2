//! CSV bytes → [`Document`]. Parsing is lenient: a ragged row, a stray quote or an
//! undecodable byte becomes a problem on its row and cell, and the rest still loads.
//! Only input that is not a text table at all is refused, with a reason.

mod field_decoder;
mod in_parts;
mod keep;
mod part;
mod records;
mod refusals;

use super::decode::{Broken, Detected, decode_utf16, detect_for_reading, shift_jis_holds};
use super::workbook::{Sniffed, WorkbookKind, read_workbook, sniff};
use crate::document::Document;
use crate::encoding::TextEncoding;
use crate::io::separator::{Separator, detect as detect_separator};
use in_parts::{SPLIT_FROM_BYTES, parse_split};
pub(crate) use keep::breaks_as_file;
use refusals::refuse_nul;
use std::path::{Path, PathBuf};

/// Why a file could not be read: it could not be opened, or it is not a text table.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Opening or reading the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The path is a folder.
    #[error("{0}: is a folder, not a file")]
    Directory(PathBuf),
    /// A NUL byte, at this line and byte of the file: a binary file.
    #[error(
        "line {line}, byte {byte}: the file contains NUL bytes, so it is not a text CSV (is it a spreadsheet or another binary file? save it as CSV)"
    )]
    Binary {
        /// The line the NUL byte is on (from 1).
        line: u64,
        /// Its offset in the file.
        byte: u64,
    },
    /// A UTF-32 file.
    #[error(
        "this file is in UTF-32, which the console does not read: save it as CSV in UTF-8 or Shift_JIS"
    )]
    Utf32,
    /// A zip file that is not a workbook Bulksheet reads.
    #[error(
        "this is a zip file, but not an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods): save it as CSV (in Excel: File > Save As > CSV)"
    )]
    Workbook,
    /// A workbook whose contents cannot be read.
    #[error(
        "this {} cannot be read ({reason}): open it in Excel and save it again, or choose File > Save As > CSV",
        .kind.label()
    )]
    BadWorkbook {
        /// What the file looks like.
        kind: WorkbookKind,
        /// What the workbook reader said.
        reason: String,
    },
    /// A workbook past one of Bulksheet's limits (`io::workbook::limits`).
    #[error(
        "this {}{} is more than Bulksheet reads: {}. Remove what is not needed (or save the sheet as CSV) and open it again",
        .kind.label(),
        .sheet.as_ref().map(|s| format!(" (sheet \"{s}\")")).unwrap_or_default(),
        .limit.english()
    )]
    WorkbookLimit {
        /// What the file looks like.
        kind: WorkbookKind,
        /// The sheet past the limit, when one is.
        sheet: Option<String>,
        /// Which limit.
        limit: crate::io::WorkbookLimit,
    },
    /// `--sheet` names a sheet the workbook does not have.
    #[error("the workbook has no sheet named \"{name}\"; its sheets are: {}", .sheets.join(", "))]
    NoSuchSheet {
        /// The name asked for.
        name: String,
        /// The workbook's sheets, in order.
        sheets: Vec<String>,
    },
    /// A sheet was asked for, but the file is a text CSV.
    #[error("a sheet was asked for (\"{0}\"), but this file is a text CSV, not a workbook")]
    SheetOfText(String),
    /// A file past 4 GiB (cell offsets are 32-bit).
    #[error("the file is larger than 4 GiB, which Bulksheet cannot hold")]
    TooLarge,
    /// The progress callback asked to stop.
    #[error("cancelled")]
    Cancelled,
}

/// Reads a file from disk (see [`read_bytes`]); a workbook's first visible sheet.
pub fn read_path(path: &Path, forced: Option<TextEncoding>) -> Result<Document, ReadError> {
    read_path_with_progress(path, forced, &mut |_| true)
}

/// Reads a file from disk, reporting progress (see [`read_with_progress`]).
pub fn read_path_with_progress(
    path: &Path,
    forced: Option<TextEncoding>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Document, ReadError> {
    read_path_sheet(path, forced, None, progress)
}

/// Reads a file from disk. A workbook (by its content, or a zip by its extension) is read
/// from its `sheet`, or its first visible sheet; `forced` applies to text files only, and
/// naming a sheet of a text file is an error.
pub fn read_path_sheet(
    path: &Path,
    forced: Option<TextEncoding>,
    sheet: Option<&str>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Document, ReadError> {
    if path.is_dir() {
        return Err(ReadError::Directory(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    match sniff(&bytes, Some(path)) {
        Sniffed::Workbook(kind) => read_workbook(&bytes, kind, sheet, progress),
        _ if sheet.is_some() => Err(ReadError::SheetOfText(
            sheet.unwrap_or_default().to_string(),
        )),
        _ => read_with_progress(&bytes, forced, progress),
    }
}

/// Reads bytes as a workbook of `kind`, whatever they start with (its first sheet): the
/// workbook fuzz target gives every input to each reader.
#[doc(hidden)]
pub fn read_workbook_bytes(bytes: &[u8], kind: WorkbookKind) -> Result<Document, ReadError> {
    read_workbook(bytes, kind, None, &mut |_| true)
}

/// Reads a file's bytes into a document, in `forced` encoding or the one detected.
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
        separator: Separator::Comma,
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
    /// What separates fields: told from the header line before any part is read.
    separator: Separator,
}

impl Mode {
    const NORMAL: Mode = Mode {
        split_from: SPLIT_FROM_BYTES,
        parts: None,
        plain: true,
        separator: Separator::Comma,
    };

    /// This mode with the separator of the text starting at `text` (its header line; a
    /// header longer than 1 MiB is judged by its first MiB).
    fn for_text(self, text: &[u8]) -> Mode {
        let head = text.get(..text.len().min(1 << 20)).unwrap_or_default();
        Mode {
            separator: detect_separator(head),
            ..self
        }
    }
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
    // Before the UTF-16 test: an .xls file's header is mostly NUL bytes.
    match sniff(bytes, None) {
        Sniffed::Workbook(kind) => return read_workbook(bytes, kind, None, progress),
        Sniffed::OtherZip => return Err(ReadError::Workbook),
        Sniffed::Text => {}
    }
    if let Some((utf16, kept_as)) = decode_utf16(bytes) {
        // NUL characters would be saved as NUL bytes, and the saved file refused.
        refuse_nul(utf16.as_bytes())?;
        let mut doc = parse_split(
            utf16.as_bytes(),
            Detected {
                encoding: TextEncoding::Utf8Bom,
                bom_len: 0,
            },
            progress,
            mode.for_text(utf16.as_bytes()),
        )?;
        doc.meta.encoding = kept_as;
        return Ok(doc);
    }
    let mode = mode.for_text(bytes);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{LineEnding, ReadProblem};

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
