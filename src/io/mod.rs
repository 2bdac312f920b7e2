//! Bytes in and out: detecting the encoding, parsing CSV into a [`Document`], and
//! writing it back atomically.
//!
//! [`Document`]: crate::document::Document

mod atomic;
mod census;
mod decode;
mod error_text;
mod parts;
mod plain;
mod quotes;
mod read;
mod scan;
mod second_codes;
mod separator;
mod sjis_lines;
mod stale;
mod workbook;
mod write;
mod write_cause;
mod write_kept;

pub use atomic::{write_atomic, write_atomic_private, write_atomic_with};
pub use decode::{Detected, detect_encoding};
pub use parts::{part_path, part_paths, plan_parts};
pub use read::{
    ReadError, read_bytes, read_bytes_by_csv_parser, read_bytes_in_halves, read_bytes_in_parts,
    read_path, read_path_sheet, read_path_with_progress, read_with_progress, read_workbook_bytes,
};
pub use separator::{Separator, detect as detect_separator};
pub use stale::{STALE_AFTER, remove_stale_temps};
pub use workbook::limits::{self as workbook_limits, WorkbookLimit};
pub use workbook::{OUTSIDE_KEPT, WorkbookKind, WorkbookSource, cell_text, extension_kind};
pub use write::{WriteError, WriteOptions, encode_rows};
pub use write_cause::WriteCause;
