//! The command line as a script sees it, run through the built binary.

#[path = "../common/mod.rs"]
mod common;
#[path = "../core_support/mod.rs"]
mod core_support;

mod cli;
mod cli_contract;
mod cli_output;
mod errors;
