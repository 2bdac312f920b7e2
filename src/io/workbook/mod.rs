//! Workbooks (`.xlsx`, `.xls`, `.ods`) read as a table: one sheet becomes a document whose
//! header is the sheet's row 1, each cell the text Excel shows. Saving always writes CSV:
//! the workbook itself is never written.

mod cell_text;

use super::read::ReadError;
use crate::document::{Document, FileMeta};
use calamine::{
    Data, Ods, Range, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsx, open_workbook_from_rs,
};
use std::io::Cursor;
use std::path::Path;

pub use cell_text::cell_text;

/// Which kind of workbook a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkbookKind {
    /// Excel 2007 and later (a zip with `xl/`).
    Xlsx,
    /// Excel 97–2003 (an OLE compound file).
    Xls,
    /// OpenDocument spreadsheet (LibreOffice, Google Sheets export).
    Ods,
}

impl WorkbookKind {
    /// The lower-case name `check --format json` prints as the file's `encoding`.
    pub fn as_str(self) -> &'static str {
        match self {
            WorkbookKind::Xlsx => "xlsx",
            WorkbookKind::Xls => "xls",
            WorkbookKind::Ods => "ods",
        }
    }

    /// A name for the status bar and messages.
    pub fn label(self) -> &'static str {
        match self {
            WorkbookKind::Xlsx => "Excel workbook (.xlsx)",
            WorkbookKind::Xls => "old Excel workbook (.xls)",
            WorkbookKind::Ods => "OpenDocument spreadsheet (.ods)",
        }
    }
}

/// Where a document read from a workbook came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookSource {
    /// The kind of workbook.
    pub kind: WorkbookKind,
    /// The sheet read.
    pub sheet: String,
    /// Every worksheet of the workbook, in its order (hidden ones included).
    pub sheets: Vec<String>,
}

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// What a file's first bytes (and, for a zip, its entry names) say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// Not a workbook: read as text.
    Text,
    /// A workbook of this kind.
    Workbook(WorkbookKind),
    /// A zip file that is no workbook Bulksheet reads.
    OtherZip,
}

/// Decides by content: a zip holding `xl/` entries is `.xlsx`, one whose `mimetype` is the
/// OpenDocument spreadsheet's is `.ods`, an OLE compound file is `.xls`. A zip that shows
/// neither is named by its extension when it has a workbook's one (some writers compress
/// the entry names' directory in ways a byte search misses).
pub(crate) fn sniff(bytes: &[u8], path: Option<&Path>) -> Sniffed {
    if bytes.starts_with(OLE_MAGIC) {
        return Sniffed::Workbook(WorkbookKind::Xls);
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Sniffed::Text;
    }
    // Entry names are stored uncompressed in the local headers and the central directory;
    // the OpenDocument `mimetype` entry is the first one and stored uncompressed too.
    let head = bytes.get(..bytes.len().min(256)).unwrap_or_default();
    if memchr::memmem::find(head, ODS_MIMETYPE).is_some() {
        return Sniffed::Workbook(WorkbookKind::Ods);
    }
    if memchr::memmem::find(bytes, b"xl/workbook.xml").is_some() {
        return Sniffed::Workbook(WorkbookKind::Xlsx);
    }
    match path.and_then(extension_kind) {
        Some(kind) => Sniffed::Workbook(kind),
        None => Sniffed::OtherZip,
    }
}

/// The workbook kind a file name says (`.xlsx`, `.xlsm`, `.xls`, `.ods`), if any.
pub fn extension_kind(path: &Path) -> Option<WorkbookKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" => Some(WorkbookKind::Xlsx),
        "xls" => Some(WorkbookKind::Xls),
        "ods" => Some(WorkbookKind::Ods),
        _ => None,
    }
}

/// Reads one sheet of a workbook: `sheet` by name, or the first visible worksheet.
pub(crate) fn read_workbook(
    bytes: &[u8],
    kind: WorkbookKind,
    sheet: Option<&str>,
) -> Result<Document, ReadError> {
    let bad = |reason: String| ReadError::BadWorkbook { kind, reason };
    let cursor = Cursor::new(bytes);
    let mut book: Sheets<Cursor<&[u8]>> = match kind {
        WorkbookKind::Xlsx => Sheets::Xlsx(
            open_workbook_from_rs::<Xlsx<_>, _>(cursor).map_err(|e| bad(e.to_string()))?,
        ),
        WorkbookKind::Xls => {
            Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(cursor).map_err(|e| bad(e.to_string()))?)
        }
        WorkbookKind::Ods => {
            Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(cursor).map_err(|e| bad(e.to_string()))?)
        }
    };
    let meta: Vec<_> = book
        .sheets_metadata()
        .iter()
        .filter(|s| matches!(s.typ, SheetType::WorkSheet))
        .cloned()
        .collect();
    let sheets: Vec<String> = meta.iter().map(|s| s.name.clone()).collect();
    let name = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.as_str() == wanted)
            .cloned()
            .ok_or_else(|| ReadError::NoSuchSheet {
                name: wanted.to_string(),
                sheets: sheets.clone(),
            })?,
        None => meta
            .iter()
            .find(|s| matches!(s.visible, SheetVisible::Visible))
            .or(meta.first())
            .map(|s| s.name.clone())
            .ok_or_else(|| bad("it has no worksheet".to_string()))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| bad(e.to_string()))?;
    let source = WorkbookSource {
        kind,
        sheet: name,
        sheets,
    };
    Ok(sheet_document(&range, source))
}

/// A sheet's cells as a document: row 1 is the header, and rows and columns keep their
/// places in the sheet (empty leading rows and columns included), so a row's line number
/// is its row number in the sheet.
fn sheet_document(range: &Range<Data>, source: WorkbookSource) -> Document {
    let end = range.end().filter(|_| !range.is_empty());
    let Some((last_row, last_col)) = end else {
        let mut doc = Document::new(Vec::new(), FileMeta::default());
        doc.empty_file = true;
        doc.workbook = Some(source);
        return doc;
    };
    let width = last_col as usize + 1;
    let text = |row: u32, col: u32| {
        range
            .get_value((row, col))
            .map(cell_text)
            .unwrap_or_default()
    };
    let header: Vec<String> = (0..=last_col).map(|c| text(0, c)).collect();
    // Saved as UTF-8 with CRLF line ends and minimal quoting unless the user chooses.
    let mut doc = Document::new(header, FileMeta::default());
    doc.table.reserve_rows(last_row as usize);
    let mut cells: Vec<String> = Vec::with_capacity(width);
    for row in 1..=last_row {
        cells.clear();
        cells.extend((0..=last_col).map(|c| text(row, c)));
        doc.table
            .push_record(cells.iter().map(String::as_str), row.saturating_add(1));
    }
    doc.workbook = Some(source);
    doc
}
