//! Argument parsing only: no subcommand opens the window, a subcommand runs the command line.

use bulksheet::cli::{Cli, run};
use clap::Parser;

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(command) => run(command),
        None => open_window(cli),
    };
    std::process::exit(code);
}

#[cfg(feature = "gui")]
fn open_window(cli: Cli) -> i32 {
    bulksheet::app::run(cli.file, cli.schema)
}

#[cfg(not(feature = "gui"))]
fn open_window(_: Cli) -> i32 {
    eprintln!(
        "bulksheet: built without the window (feature `gui`); give a command, e.g. `bulksheet check FILE`"
    );
    2
}
