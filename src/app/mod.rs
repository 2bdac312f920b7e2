//! The editor window (placeholder until the window lands): prints help.

use std::path::PathBuf;

pub fn run(_file: Option<PathBuf>) -> i32 {
    use clap::CommandFactory;
    let _ = crate::cli::Cli::command().print_help();
    0
}
