//! Checks made before calamine sees a workbook: the counts and sizes a file declares that
//! calamine would allocate by (tafia/calamine#684, #693, #714), checked against what the
//! file can hold and against Bulksheet's limits. Only declared sizes are read here; the
//! formats themselves are calamine's.

use super::WorkbookKind;
use super::limits::{MAX_GRID_CELLS, MAX_PART_BYTES, MAX_VALUES, WorkbookLimit};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};
use zip::ZipArchive;

/// Why a workbook is not handed to calamine.
#[derive(Debug)]
pub(super) enum Refusal {
    /// Past a limit (in a sheet, when one is to blame).
    Limit(Option<String>, WorkbookLimit),
    /// Broken where a check looked.
    Broken(String),
}

/// The first bytes of a compound file (an `.xls`, an encrypted `.xlsx`).
const COMPOUND_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The smallest central-directory record of a zip entry, in bytes.
const MIN_ZIP_ENTRY: u64 = 46;

/// The checks for a workbook of this kind.
pub(super) fn check(bytes: &[u8], kind: WorkbookKind) -> Result<(), Refusal> {
    match kind {
        WorkbookKind::Xls => check_compound_header(bytes),
        WorkbookKind::Xlsx => {
            // calamine opens an .xlsx that is a compound file first, to tell an encrypted
            // one: the compound file's chains and sizes are checked as an .xls's are.
            if bytes.starts_with(&COMPOUND_MAGIC) {
                check_compound_header(bytes)?;
            }
            check_zip64_counts(bytes)?;
            let mut zip = open_zip(bytes)?;
            check_declared_sizes(&mut zip)?;
            check_shared_strings(&mut zip)
        }
        WorkbookKind::Ods => {
            check_zip64_counts(bytes)?;
            let mut zip = open_zip(bytes)?;
            check_declared_sizes(&mut zip)?;
            check_ods_content(&mut zip)
        }
    }
}

fn open_zip(bytes: &[u8]) -> Result<ZipArchive<Cursor<&[u8]>>, Refusal> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|e| Refusal::Broken(e.to_string()))
}

/// A zip64 end record declares its entry count in 64 bits; the zip reader sizes its list
/// of entries by it. Each entry takes at least [`MIN_ZIP_ENTRY`] bytes of the file.
fn check_zip64_counts(bytes: &[u8]) -> Result<(), Refusal> {
    let most = bytes.len() as u64 / MIN_ZIP_ENTRY;
    for at in memchr::memmem::find_iter(bytes, b"PK\x06\x06") {
        for field in [24, 32] {
            let count = bytes
                .get(at + field..at + field + 8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map_or(0, u64::from_le_bytes);
            if count > most {
                return Err(Refusal::Limit(
                    None,
                    WorkbookLimit::Declared {
                        what: "zip entries",
                        count,
                    },
                ));
            }
        }
    }
    Ok(())
}

/// Every part's declared unpacked size within [`MAX_PART_BYTES`].
fn check_declared_sizes(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Result<(), Refusal> {
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        if entry.size() > MAX_PART_BYTES {
            return Err(Refusal::Limit(
                None,
                WorkbookLimit::Bytes {
                    part: entry.name().to_string(),
                },
            ));
        }
    }
    Ok(())
}

/// A reader that stops past [`MAX_PART_BYTES`] whatever the zip declared.
struct Capped<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > MAX_PART_BYTES {
            return Err(std::io::Error::other(PAST_LIMIT));
        }
        Ok(n)
    }
}

const PAST_LIMIT: &str = "past the unpacked size limit";

/// The refusal for an XML error in a part: past the size limit, or broken.
fn xml_refusal(part: &str, e: quick_xml::Error) -> Refusal {
    if e.to_string().contains(PAST_LIMIT) {
        Refusal::Limit(
            None,
            WorkbookLimit::Bytes {
                part: part.to_string(),
            },
        )
    } else {
        Refusal::Broken(format!("{part}: {e}"))
    }
}

/// The shared strings: calamine reserves room for the `uniqueCount` declared and keeps
/// every string, so both are counted here first, reading the part as it unpacks.
fn check_shared_strings(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Result<(), Refusal> {
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        .map(str::to_string)
        .collect();
    for name in names {
        let Ok(entry) = zip.by_name(&name) else {
            continue;
        };
        let mut xml = Reader::from_reader(BufReader::new(Capped {
            inner: entry,
            read: 0,
        }));
        let mut buf = Vec::new();
        let mut strings = 0usize;
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                    b"sst" => check_unique_count(&e)?,
                    b"si" => {
                        strings += 1;
                        if strings > MAX_VALUES {
                            return Err(Refusal::Limit(None, WorkbookLimit::Values));
                        }
                    }
                    _ => {}
                },
                Ok(Event::Eof) => break,
                Err(e) => return Err(xml_refusal(&name, e)),
                Ok(_) => {}
            }
        }
    }
    Ok(())
}

fn check_unique_count(sst: &BytesStart) -> Result<(), Refusal> {
    let Some(count) = attribute_number(sst, b"uniqueCount") else {
        return Ok(());
    };
    if count > MAX_VALUES as u64 {
        return Err(Refusal::Limit(
            None,
            WorkbookLimit::Declared {
                what: "shared strings",
                count,
            },
        ));
    }
    Ok(())
}

/// An attribute read as a whole number (calamine reads these as `usize`).
fn attribute_number(e: &BytesStart, name: &[u8]) -> Option<u64> {
    let a = e.attributes().flatten().find(|a| a.key.as_ref() == name)?;
    std::str::from_utf8(&a.value).ok()?.trim().parse().ok()
}

/// The most rows and columns calamine's OpenDocument reader counts repeats to.
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLUMNS: u64 = 16_384;

/// An `.ods` sheet's repeats, counted as calamine will expand them: every row element's
/// cells up to its last value, and the grid of all rows down to the last with a value
/// by the widest such row. calamine reads every sheet when it opens the file, so every
/// sheet is counted.
fn check_ods_content(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Result<(), Refusal> {
    let Ok(entry) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let mut xml = Reader::from_reader(BufReader::new(Capped {
        inner: entry,
        read: 0,
    }));
    let mut buf = Vec::new();
    let mut sheet = OdsSheet::default();
    loop {
        buf.clear();
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| xml_refusal("content.xml", e))?;
        match event {
            Event::Start(e) => sheet.start(&e, false),
            Event::Empty(e) => {
                sheet.start(&e, true);
                if e.name().as_ref() == b"table:table-row" {
                    sheet.end_row()?;
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"table:table-row" => sheet.end_row()?,
                b"table:table" => sheet = OdsSheet::default(),
                _ => {}
            },
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// What one `.ods` sheet has counted so far.
#[derive(Default)]
struct OdsSheet {
    name: String,
    rows: u64,
    row_repeats: u64,
    col: u64,
    row_last_value: u64,
    pushed: u64,
    last_value_row: u64,
    width: u64,
}

impl OdsSheet {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        match e.name().as_ref() {
            b"table:table" => {
                self.name = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == b"table:name")
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                    .unwrap_or_default();
            }
            b"table:table-row" => {
                self.row_repeats = attribute_number(e, b"table:number-rows-repeated")
                    .unwrap_or(1)
                    .min(ODS_MAX_ROWS);
                self.col = 0;
                self.row_last_value = 0;
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                let repeats = attribute_number(e, b"table:number-columns-repeated").unwrap_or(1);
                self.col = self.col.saturating_add(repeats).min(ODS_MAX_COLUMNS);
                let has_value = !empty
                    || e.attributes()
                        .flatten()
                        .any(|a| matches!(a.key.as_ref(), b"office:value-type" | b"table:formula"));
                if has_value {
                    self.row_last_value = self.col;
                }
            }
            _ => {}
        }
    }

    fn end_row(&mut self) -> Result<(), Refusal> {
        let repeats = self.row_repeats.min(ODS_MAX_ROWS.saturating_sub(self.rows));
        self.rows += repeats;
        self.pushed = self.pushed.saturating_add(self.row_last_value);
        if self.row_last_value > 0 {
            self.last_value_row = self.rows;
            self.width = self.width.max(self.row_last_value);
        }
        let grid = self.last_value_row.saturating_mul(self.width);
        let cells = grid.max(self.pushed);
        if cells > MAX_GRID_CELLS {
            return Err(Refusal::Limit(
                Some(self.name.clone()),
                WorkbookLimit::Grid { cells },
            ));
        }
        Ok(())
    }
}

/// calamine reads the DIFAT count from bytes 62..66 of the header (a slice that starts
/// two bytes early) and reserves that many entries: allowed up to 64 MiB of them, which
/// the values there in real files (the end of the mini FAT's start, a few mini sectors)
/// stay far below.
const CALAMINE_DIFAT_MOST: u64 = 1 << 24;

/// An `.xls` (compound file) header: the sector counts calamine sizes its tables by must
/// fit in the file.
fn check_compound_header(bytes: &[u8]) -> Result<(), Refusal> {
    let field = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, u32::from_le_bytes)
    };
    let shift = bytes
        .get(30..32)
        .and_then(|b| <[u8; 2]>::try_from(b).ok())
        .map_or(9, u16::from_le_bytes);
    let sector = 1u64 << shift.clamp(7, 16);
    let sectors = bytes.len() as u64 / sector + 1;
    for (at, what) in [
        (44, "FAT sectors"),
        (64, "mini FAT sectors"),
        (72, "DIFAT sectors"),
    ] {
        let count = u64::from(field(at));
        if count > sectors || (at == 44 && u64::from(field(62)) > CALAMINE_DIFAT_MOST) {
            return Err(Refusal::Limit(
                None,
                WorkbookLimit::Declared { what, count },
            ));
        }
    }
    // A sector size calamine does not read: it refuses the file on its own.
    let Some(file) = super::compound::Compound::open(bytes) else {
        return Ok(());
    };
    if let Some(chain) = file.looping_chain() {
        return Err(Refusal::Broken(format!(
            "its {chain} sector chain loops back on itself"
        )));
    }
    // A stream is copied until it holds its declared size, looping sectors if its chain
    // loops: no stream may declare more bytes than the whole file has.
    let largest = file.largest_stream();
    if largest > bytes.len() as u64 {
        return Err(Refusal::Limit(
            None,
            WorkbookLimit::Declared {
                what: "bytes in one stream",
                count: largest,
            },
        ));
    }
    // calamine lays every sheet out as a dense grid from its extreme cells (and reserves
    // what DIMENSIONS declares) as it opens the file.
    let stream = file.stream(&["Workbook", "Book"]).unwrap_or_default();
    let cells = super::biff::largest_grid(&stream);
    if cells > MAX_GRID_CELLS {
        return Err(Refusal::Limit(None, WorkbookLimit::Grid { cells }));
    }
    Ok(())
}
