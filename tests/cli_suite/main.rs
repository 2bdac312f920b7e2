//! The command line as a script sees it, run through the built binary.

#[path = "../common/mod.rs"]
mod common;

mod broken_pipe;
mod changed_rows;
mod colour;
mod errors;
mod exit_codes;
mod export_and_fix;
mod fix_report;
mod flags;
mod help;
mod hostile_workbooks;
mod json_report;
mod language;
mod layout;
mod line_numbers;
mod saved_files;
mod schema_infer;
mod separators;
mod text_report;
mod workbooks;
