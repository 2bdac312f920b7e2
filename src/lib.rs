//! Bulksheet's core: schemas, documents, validation, fixes and CSV/encoding I/O. It never
//! touches the window; the GUI (`app`) and the command line (`cli`) are views on it.

pub mod document;
pub mod encoding;
pub mod find;
pub mod fix;
pub mod io;
pub mod roster;
pub mod schema;
pub mod sheet;
pub mod text;
pub mod tsv;
pub mod validate;
pub mod view;

pub mod app;
pub mod cli;

pub use document::Document;
pub use encoding::TextEncoding;
pub use schema::Schema;
pub use sheet::Sheet;
pub use validate::{Code, Issue, Severity};
