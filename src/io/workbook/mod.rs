//! Workbooks (`.xlsx`, `.xls`, `.ods`) read as a table: one sheet becomes a document whose
//! header is the sheet's row 1, each cell the text Excel shows. Saving always writes CSV:
//! the workbook itself is never written.

mod biff;
mod cell_text;
mod compound;
mod guards;
pub mod limits;
mod sheet_cells;
mod watched;
mod xlsx;

use super::read::ReadError;
use crate::document::Document;
use calamine::{
    Data, Ods, Range, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsx, open_workbook_from_rs,
};
use guards::Refusal;
use limits::WorkbookLimit;
use sheet_cells::{Held, SheetCells};
use std::cell::Cell;
use std::path::Path;
use watched::Watched;
use xlsx::SheetFailure;

pub use cell_text::cell_text;
pub use sheet_cells::OUTSIDE_KEPT;

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
/// `progress` gets the share of the file read now and then, and returns false to cancel.
pub(crate) fn read_workbook(
    bytes: &[u8],
    kind: WorkbookKind,
    sheet: Option<&str>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Document, ReadError> {
    guards::check(bytes, kind).map_err(|refusal| match refusal {
        Refusal::Limit(sheet, limit) => ReadError::WorkbookLimit { kind, sheet, limit },
        Refusal::Broken(reason) => ReadError::BadWorkbook { kind, reason },
    })?;
    let cancelled = Cell::new(false);
    // The formats' parsers are calamine's; a damaged file can still make one panic (an
    // arithmetic overflow on a count it reads, found by the workbook fuzz target). Such a
    // file is refused like any broken workbook, and the program goes on.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_checked(bytes, kind, sheet, progress, &cancelled)
    }))
    .unwrap_or_else(|panic| {
        Err(ReadError::BadWorkbook {
            kind,
            reason: format!("the reader stopped on it ({})", panic_words(&panic)),
        })
    });
    if cancelled.get() {
        return Err(ReadError::Cancelled);
    }
    read
}

/// What a caught panic said, when it said it in words.
fn panic_words(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a damaged or unusual file".to_string())
}

/// Reads a workbook that passed the guards.
fn read_checked(
    bytes: &[u8],
    kind: WorkbookKind,
    sheet: Option<&str>,
    progress: &mut dyn FnMut(f32) -> bool,
    cancelled: &Cell<bool>,
) -> Result<Document, ReadError> {
    let bad = |reason: String| ReadError::BadWorkbook { kind, reason };
    let watched = Watched::new(bytes, progress, cancelled);
    let mut book: Sheets<Watched> = match kind {
        WorkbookKind::Xlsx => Sheets::Xlsx(
            open_workbook_from_rs::<Xlsx<_>, _>(watched).map_err(|e| bad(e.to_string()))?,
        ),
        WorkbookKind::Xls => Sheets::Xls(
            open_workbook_from_rs::<Xls<_>, _>(watched).map_err(|e| bad(e.to_string()))?,
        ),
        WorkbookKind::Ods => Sheets::Ods(
            open_workbook_from_rs::<Ods<_>, _>(watched).map_err(|e| bad(e.to_string()))?,
        ),
    };
    let (name, sheets) = sheet_to_read(&book, sheet).map_err(|e| match e {
        Some(e) => e,
        None => bad("it has no worksheet".to_string()),
    })?;
    let over = |limit| ReadError::WorkbookLimit {
        kind,
        sheet: Some(name.clone()),
        limit,
    };
    let cells = match &mut book {
        Sheets::Xlsx(xlsx) => xlsx::read_cells(xlsx, &name).map_err(|f| match f {
            SheetFailure::Broken(e) => bad(e.to_string()),
            SheetFailure::Limit(limit) => over(limit),
        })?,
        other => {
            let range = other
                .worksheet_range(&name)
                .map_err(|e| bad(e.to_string()))?;
            range_cells(&range).map_err(over)?
        }
    };
    let source = WorkbookSource {
        kind,
        sheet: name.clone(),
        sheets,
    };
    cells.into_document(source).map_err(over)
}

/// The sheet to read (`wanted`, or the first visible worksheet) and every worksheet's
/// name; `None` when the workbook has no worksheet.
fn sheet_to_read<RS: std::io::Read + std::io::Seek>(
    book: &Sheets<RS>,
    wanted: Option<&str>,
) -> Result<(String, Vec<String>), Option<ReadError>> {
    let meta: Vec<_> = book
        .sheets_metadata()
        .iter()
        .filter(|s| matches!(s.typ, SheetType::WorkSheet))
        .cloned()
        .collect();
    let sheets: Vec<String> = meta.iter().map(|s| s.name.clone()).collect();
    let name = match wanted {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.as_str() == wanted)
            .cloned()
            .ok_or_else(|| {
                Some(ReadError::NoSuchSheet {
                    name: wanted.to_string(),
                    sheets: sheets.clone(),
                })
            })?,
        None => meta
            .iter()
            .find(|s| matches!(s.visible, SheetVisible::Visible))
            .or(meta.first())
            .map(|s| s.name.clone())
            .ok_or(None)?,
    };
    Ok((name, sheets))
}

/// The cells with a value of a grid calamine built (`.xls`, `.ods`: their readers build
/// it whole; the guards bound its size first).
fn range_cells(range: &Range<Data>) -> Result<SheetCells, WorkbookLimit> {
    let mut cells = SheetCells::default();
    let (top, left) = range.start().unwrap_or_default();
    for (r, c, value) in range.used_cells() {
        let (row, col) = (top + r as u32, left + c as u32);
        cells.push(row, col, Held::Value(cell_text(value)))?;
    }
    Ok(cells)
}
