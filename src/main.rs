//! Argument parsing only: no subcommand opens the window, a subcommand runs the command line.

use bulksheet::cli::{Cli, run};
use clap::Parser;

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(command) => run(command),
        None => bulksheet::app::run(cli.file, cli.schema),
    };
    std::process::exit(code);
}
