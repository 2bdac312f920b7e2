//! Bulksheet's core: schemas, documents, validation, fixes and CSV/encoding I/O. It never
//! touches the window; the GUI (`app`) and the command line (`cli`) are views on it.

#![warn(missing_docs)]
// No panicking shortcuts on data paths: a file or an edit must never crash the program.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod baseline;
pub mod document;
pub mod encoding;
pub mod find;
pub mod fix;
pub mod io;
pub mod issue_csv;
pub mod issue_groups;
pub mod journal;
pub mod private;
pub mod roster;
pub mod sample_data;
pub mod schema;
pub mod sheet;
pub mod text;
mod threads;
pub mod tsv;
pub mod validate;
pub mod view;

// The window reaches cells and issues only through the core above. Its own indexing is
// into what it computed for the frame (column geometry, the rows egui asked to draw), and
// it is exercised by the headless UI and monkey tests rather than held to the lint.
// Behind the default `gui` feature, so the core and the command line build without the
// window's stack (the fuzz targets do).
#[cfg(feature = "gui")]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod app;
pub mod cli;

pub use document::Document;
pub use encoding::TextEncoding;
pub use schema::Schema;
pub use sheet::Sheet;
pub use validate::{Code, Issue, Severity};
