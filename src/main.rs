//! Argument parsing only: no subcommand opens the window, a subcommand runs the command line.
//!
//! On Windows the release ships this program twice: `bulksheet.exe` built with the feature
//! `windows-gui-subsystem` (no console window opens beside the editor) and `bulksheet.com`
//! built without it (a console program: a terminal waits for it and gets its exit code;
//! cmd and PowerShell run `.com` before `.exe` for a typed `bulksheet`). See the README's
//! "Install" section.
#![cfg_attr(
    all(windows, feature = "windows-gui-subsystem"),
    windows_subsystem = "windows"
)]

use bulksheet::cli::{Cli, run};
use clap::Parser;

fn main() {
    attach_parent_console();
    let cli = Cli::parse();
    let code = match cli.command {
        Some(command) => run(command),
        None => open_window(cli),
    };
    std::process::exit(code);
}

/// A GUI-subsystem program has no console, so `bulksheet.exe check …` typed in a terminal
/// would print nothing; borrowing the terminal's console makes its output visible (the
/// terminal does not wait for it: that is what `bulksheet.com` is for). Started from the
/// desktop there is no parent console, the call fails and nothing changes.
#[cfg(all(windows, feature = "windows-gui-subsystem"))]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id by value and touches no memory of ours.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(all(windows, feature = "windows-gui-subsystem")))]
fn attach_parent_console() {}

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
