//! Bulksheet's core: schemas, documents, validation, fixes and CSV/encoding I/O. It never
//! touches the window; the GUI (`app`) and the command line (`cli`) are views on it.

// No panicking shortcuts on data paths: a file or an edit must never crash the program.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod document;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod encoding;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod find;
pub mod fix;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod io;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod journal;
pub mod roster;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod sample_data;
pub mod schema;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod sheet;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod text;
pub mod tsv;
pub mod validate;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod view;

// The window is held to the same rule where it handles data; its own code is reviewed there.
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub mod app;
pub mod cli;

pub use document::Document;
pub use encoding::TextEncoding;
pub use schema::Schema;
pub use sheet::Sheet;
pub use validate::{Code, Issue, Severity};
