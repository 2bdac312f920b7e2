//! The core without a window: schema, reading and writing, validation, edits, saving and
//! recovery. One test binary for all of them, so a clean build links it once.

#[path = "../common/mod.rs"]
mod common;

mod architecture_map;
mod atomic_save;
mod bad_files;
mod block_edits;
mod byte_identity;
mod cell_rules;
mod changes;
mod edit_ops;
mod errors;
mod file_rules;
mod fixes;
mod fuzz_regressions;
mod hostile_workbooks;
mod huge_inputs;
mod incremental_random;
mod incremental_rows;
mod infer;
mod issue_groups;
mod japanese_headers;
mod journal;
mod journal_folder;
mod layout;
mod messages;
mod plain_records;
mod read_in_parts;
mod reading;
mod roundtrip_props;
mod sample_data;
mod save_access;
mod save_failures;
mod schema;
mod stale_temps;
mod unreadable_paths;
mod whole_sheet;
mod workbooks;
mod writing;

/// Runs one test of this binary in a child process, with `key` set to `value` in its
/// environment (the child test does nothing without it). libtest knows the test by its
/// module path without the crate's name, which is this binary's.
pub fn spawn_test_child(
    module_path: &str,
    test: &str,
    key: &str,
    value: impl AsRef<std::ffi::OsStr>,
) -> std::process::Child {
    let module = module_path.split_once("::").map_or("", |(_, m)| m);
    std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            &format!("{module}::{test}"),
            "--nocapture",
            "--test-threads=1",
        ])
        .env(key, value)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}
