//! The command line: the core without a window, for scripts and for checking real files.

mod check;
mod error;
mod export;
mod fix;
mod report;

use crate::encoding::TextEncoding;
use crate::io::read_path;
use crate::roster::Roster;
use crate::schema::{MIITEL_UPDATE_USERS, Subscriptions, load_schema};
use crate::sheet::Sheet;
use crate::validate::{Lang, Rules};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

pub use error::CliError;
pub use report::{JsonReport, text_report};

const EXAMPLES: &str = "\
Examples:
  bulksheet                                  open the window on the bundled sample
  bulksheet users.csv                        open a file in the window
  bulksheet check users.csv                  list every problem, compiler style
  bulksheet check users.csv --format json    the same as JSON, for scripts
  bulksheet check users.csv --subscriptions meetings,recpod
  bulksheet export users.csv -o clean.csv --encoding shift_jis
  bulksheet export users.csv -o part.csv --split 100
  bulksheet fix users.csv -o fixed.csv       trim, half-width, labels to codes, drop blank rows,
                                             put columns in the template's order
  bulksheet check users.csv --roster console-users.csv

Exit codes: 0 no errors (warnings allowed), 1 errors found or nothing written,
2 the file cannot be read or the command is wrong.";

/// The program's arguments: a subcommand, or a file for the window.
#[derive(Debug, Parser)]
#[command(
    name = "bulksheet",
    version,
    about = "Find and fix every error in a bulk-update user CSV before you upload it",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do without the window; None opens the window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A CSV file to open in the window (the bundled sample when omitted)
    pub file: Option<PathBuf>,
    /// For the window: a template TOML file to load (or a built-in template name); the
    /// window checks the file against the template that fits its header best
    #[arg(long, value_name = "NAME|PATH")]
    pub schema: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a CSV and list every problem with its row and column
    Check(CheckArgs),
    /// Write a clean copy (refused while errors remain)
    Export(ExportArgs),
    /// Apply the safe automatic fixes, print them, and write the result (refused while errors remain)
    Fix(ExportArgs),
}

/// What every subcommand checks against: schema, subscriptions, roster, language.
#[derive(Debug, Clone, Args)]
pub struct RuleArgs {
    /// Schema: a built-in name (miitel-update-users, google-workspace-users, generic) or a TOML file
    #[arg(long, value_name = "NAME|PATH", default_value = MIITEL_UPDATE_USERS)]
    pub schema: String,
    /// Subscriptions the tenant has, comma-separated (call-center,meetings,recpod,salesforce,webhook); all off by default
    #[arg(long, value_name = "LIST", default_value = "")]
    pub subscriptions: String,
    /// The user list exported from the console: flag Login IDs it lacks and extensions it gives to someone else
    #[arg(long, value_name = "ROSTER.csv")]
    pub roster: Option<PathBuf>,
    /// Language of the messages: en or ja (default: from LANG / LC_ALL)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// `--lang`.
// A value's doc comment would become its help and turn `--help` into the long layout;
// `help = None` keeps the one-line list of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    #[value(help = None::<&str>)]
    En,
    /// Japanese.
    #[value(help = None::<&str>)]
    Ja,
}

impl RuleArgs {
    /// The language of the messages: `--lang`, else the environment's.
    pub fn lang(&self) -> Lang {
        match self.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Ja) => Lang::Ja,
            None => Lang::from_env(),
        }
    }
}

/// `bulksheet check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The CSV file to check
    pub file: PathBuf,
    /// The rules to check with.
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Read the file in this encoding instead of detecting it (utf-8 or shift_jis)
    #[arg(long, value_name = "E")]
    pub encoding: Option<TextEncoding>,
    /// How to print the problems
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `bulksheet export` and `bulksheet fix`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The CSV file to read
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// Where to write (with --split: OUT-1.csv, OUT-2.csv, …)
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Write in this encoding: utf-8, utf-8-bom or shift_jis (default: the input's)
    #[arg(long, value_name = "E")]
    pub encoding: Option<TextEncoding>,
    /// Write parts of at most N data rows, each with the header
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub split: Option<u64>,
    /// Read the input in this encoding instead of detecting it (utf-8 or shift_jis)
    #[arg(long, value_name = "E")]
    pub input_encoding: Option<TextEncoding>,
    /// The rules to check with.
    #[command(flatten)]
    pub rules: RuleArgs,
}

/// `--format` (values without help, as for [`LangArg`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per problem, compiler style.
    #[value(help = None::<&str>)]
    Text,
    /// One JSON document, for scripts.
    #[value(help = None::<&str>)]
    Json,
}

// Exit codes of the command line: a contract with the scripts that call it.
/// Exit code: no errors (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// Exit code: errors found, or nothing written.
pub const EXIT_ERRORS: i32 = 1;
/// Exit code: the file cannot be read, or the command is wrong.
pub const EXIT_UNREADABLE: i32 = 2;

/// Runs a subcommand; returns the process exit code. A command that cannot run says why
/// in the language of its messages and exits with [`EXIT_UNREADABLE`].
pub fn run(command: Command) -> i32 {
    let (result, lang) = match command {
        Command::Check(a) => (check::run(&a), a.rules.lang()),
        Command::Export(a) => (export::run(&a), a.rules.lang()),
        Command::Fix(a) => (fix::run(&a), a.rules.lang()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bulksheet: {}", e.message(lang));
            EXIT_UNREADABLE
        }
    }
}

/// Reads a file into a sheet with the schema and subscriptions the user gave.
pub fn open_sheet(
    path: &Path,
    encoding: Option<TextEncoding>,
    rules: &RuleArgs,
) -> Result<Sheet, CliError> {
    let (doc, rules) = open_parts(path, encoding, rules)?;
    Ok(Sheet::with_rules(doc, rules))
}

/// The document and the rules to check it with, before any checking is done.
pub fn open_parts(
    path: &Path,
    encoding: Option<TextEncoding>,
    args: &RuleArgs,
) -> Result<(crate::Document, Rules), CliError> {
    let schema = load_schema(&args.schema)?;
    let subs = Subscriptions::parse(&args.subscriptions, &schema)?;
    let doc = read_path(path, encoding).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut rules = Rules::new(schema, &doc.header, subs, doc.meta.encoding);
    if let Some(path) = &args.roster {
        let roster = Roster::load(path, &rules.schema)?;
        rules.roster = Some(std::sync::Arc::new(roster));
    }
    Ok((doc, rules))
}
