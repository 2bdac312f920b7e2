//! The core without a window: schema, reading and writing, validation, edits, saving and
//! recovery. One test binary for all of them, so a clean build links it once.

#[path = "../common/mod.rs"]
mod common;
#[path = "../core_support/mod.rs"]
mod core_support;

mod atomic_save;
mod bad_inputs;
mod core_cells;
mod core_file;
mod core_io;
mod edit_ops;
mod fuzz_regressions;
mod incremental;
mod incremental_vs_full;
mod japanese_headers;
mod journal;
mod messages;
mod plain_records;
mod read_in_halves;
mod read_write;
mod roundtrip_props;
mod rules_cells;
mod rules_file;
mod sample_data;
mod schema;

/// The name libtest knows a test by, for running one test in a child process: the test's
/// module path without the crate's name (which is this binary's).
pub fn child_test_name(module_path: &str, test: &str) -> String {
    let module = module_path.split_once("::").map_or("", |(_, m)| m);
    format!("{module}::{test}")
}
