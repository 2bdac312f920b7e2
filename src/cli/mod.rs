//! The command line: the core without a window, for scripts and for checking real files.

mod changed;
mod check;
pub mod colour;
mod error;
mod export;
mod fix;
mod infer;
pub mod output;
mod report;

use crate::encoding::TextEncoding;
use crate::io::Separator;
use crate::io::read_path_sheet;
use crate::roster::Roster;
use crate::schema::{MIITEL_UPDATE_USERS, Subscriptions, load_schema};
use crate::sheet::Sheet;
use crate::validate::{Lang, Rules};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

pub use colour::ColorWhen;
pub use error::CliError;
pub use report::{JsonReport, text_report};

const EXAMPLES: &str = "\
Examples:
  bulksheet                                  open the window (the last file, or the sample)
  bulksheet users.csv                        open a file in the window
  bulksheet check users.csv                  list every problem, compiler style
  bulksheet check users.csv --format json    the same as JSON, for scripts
  bulksheet check users.csv --subscriptions meetings,recpod
  bulksheet export users.csv -o clean.csv --encoding shift_jis
  bulksheet export users.csv -o part.csv --split 100
  bulksheet export unicode.txt -o users.csv  tab-separated UTF-16 in, comma UTF-8 out
  bulksheet fix users.csv -o fixed.csv       trim, half-width, labels to codes, drop blank rows,
                                             put columns in the template's order
  bulksheet check users.csv --roster console-users.csv
  bulksheet check users.csv --format csv > issues.csv    the issue list for Excel
  bulksheet export users.csv -o upload.csv --changed-from before.csv   only rows that change
  bulksheet check book.xlsx --sheet Users    a workbook's sheet (the first by default)
  bulksheet export book.xlsx -o users.csv    a workbook's sheet as CSV (UTF-8 unless --encoding)
  bulksheet schema infer filled.csv -o mine.toml   a starting template from a filled file
  bulksheet check users.csv --schema mine.toml     check against it

Language: --lang, else the first of LC_ALL, LC_MESSAGES, LANG that is set (C and POSIX
mean English), else the system's language, else English.

Colour: --color always|never decides; under auto (the default), NO_COLOR turns colour off,
else CLICOLOR_FORCE (not 0) turns it on even into a pipe, else CLICOLOR=0 turns it off,
else a terminal gets colour and a pipe or a file does not.

Exit codes: 0 no errors (warnings allowed), 1 errors found or nothing written,
2 the file cannot be read or the command is wrong. A reader that closes the pipe early
(`| head`) ends the printing quietly; the exit code stays.";

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
    /// A CSV file or a workbook (.xlsx, .xls, .ods) to open in the window (the bundled
    /// sample when omitted)
    pub file: Option<PathBuf>,
    /// For the window: a template TOML file to load (or a built-in template name); the
    /// window checks the file against the template that fits its header best
    #[arg(long, value_name = "NAME|PATH")]
    pub schema: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a CSV (comma, tab or semicolon separated; UTF-8, Shift_JIS or UTF-16 with a BOM) and list every problem with its row and column
    Check(CheckArgs),
    /// Write a clean copy as the comma-separated CSV the console takes, whatever the input's separator (refused while errors remain)
    Export(ExportArgs),
    /// Apply the safe automatic fixes, print them, and write the result (refused while errors remain)
    Fix(ExportArgs),
    /// Work with templates (schema files): `schema infer` writes one from a filled file
    #[command(subcommand)]
    Schema(SchemaCommand),
}

/// `bulksheet schema …`.
#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// Write a starting template (TOML, the format of docs/schema.md) from a filled CSV or workbook, and say what was inferred for each column and why
    Infer(InferArgs),
}

/// `bulksheet schema infer`.
#[derive(Debug, Args)]
pub struct InferArgs {
    /// The filled CSV file or workbook (.xlsx, .xls, .ods) to infer from
    pub file: PathBuf,
    /// Write the template to this file, replacing it if it exists, and print the reasons
    /// on standard output. Without it the template goes to standard output and the
    /// reasons to standard error (so `> mine.toml` works)
    #[arg(short, long, value_name = "OUT.toml")]
    pub output: Option<PathBuf>,
    /// Of a workbook, the sheet to read (default: the first)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Most rows one upload may hold (default: no limit; a file does not show its console's)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_rows: Option<u64>,
    /// Language of the reasons and messages: en or ja (default: LC_ALL, LC_MESSAGES or LANG, else the system's)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
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
    /// Language of the messages: en or ja (default: LC_ALL, LC_MESSAGES or LANG, else the system's)
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
        LangArg::choose(self.lang)
    }
}

impl LangArg {
    /// The language `--lang` gives, else the environment's.
    pub fn choose(arg: Option<LangArg>) -> Lang {
        match arg {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Ja) => Lang::Ja,
            None => Lang::from_env(),
        }
    }
}

/// `bulksheet check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The CSV file or workbook (.xlsx, .xls, .ods) to check
    pub file: PathBuf,
    /// Of a workbook, the sheet to read (default: the first)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The rules to check with.
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Read the file in this encoding instead of detecting it (utf-8 or shift_jis)
    #[arg(long, value_name = "E")]
    pub encoding: Option<TextEncoding>,
    /// How to print the problems
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// When to colour the report (auto: on a terminal, as NO_COLOR / CLICOLOR / CLICOLOR_FORCE say)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

/// `bulksheet export` and `bulksheet fix`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The CSV file or workbook (.xlsx, .xls, .ods) to read
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// Of a workbook, the sheet to read (default: the first)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Where to write (with --split: OUT-1.csv, OUT-2.csv, …). An existing file there is
    /// replaced without asking, as with cp (the window asks first)
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Write in this encoding: utf-8, utf-8-bom or shift_jis (default: the input's when the
    /// template's console takes it, else the first the template lists; UTF-8 for a UTF-16
    /// input or a workbook)
    #[arg(long, value_name = "E")]
    pub encoding: Option<TextEncoding>,
    /// Separate fields with: comma, tab or semicolon (or ',', ';', '\t'). Default: the CSV the console takes, with the template's separator (a comma unless it says otherwise), whatever the input's
    #[arg(long, value_name = "D")]
    pub delimiter: Option<Separator>,
    /// Write parts of at most N data rows, each with the header
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub split: Option<u64>,
    /// Read the input in this encoding instead of detecting it (utf-8 or shift_jis)
    #[arg(long, value_name = "E")]
    pub input_encoding: Option<TextEncoding>,
    /// Write only the rows that differ from BEFORE's row with the same key (Login ID), in
    /// the columns both files have, and rows BEFORE lacks; say how many were left out
    #[arg(long, value_name = "BEFORE.csv", conflicts_with = "only_changed")]
    pub changed_from: Option<PathBuf>,
    /// With --roster: leave out the rows the roster already holds as they are ("no change")
    #[arg(long, requires = "roster")]
    pub only_changed: bool,
    /// The rules to check with.
    #[command(flatten)]
    pub rules: RuleArgs,
    /// When to colour what is printed (auto: on a terminal, as NO_COLOR / CLICOLOR / CLICOLOR_FORCE say)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
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
    /// The issue list as CSV (UTF-8 with a BOM, for Excel).
    #[value(help = None::<&str>)]
    Csv,
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
        Command::Schema(SchemaCommand::Infer(a)) => (infer::run(&a), LangArg::choose(a.lang)),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // Standard error that cannot be written has nowhere left to say so.
            let _ = output::Out::stderr(false).line(&format!("bulksheet: {}", e.message(lang)));
            EXIT_UNREADABLE
        }
    }
}

/// Reads a file into a sheet with the schema and subscriptions the user gave.
pub fn open_sheet(path: &Path, input: Input<'_>, rules: &RuleArgs) -> Result<Sheet, CliError> {
    let (doc, rules) = open_parts(path, input, rules)?;
    Ok(Sheet::with_rules(doc, rules))
}

/// How to read the input: its encoding (a text file) or its sheet (a workbook).
#[derive(Debug, Clone, Copy, Default)]
pub struct Input<'a> {
    /// Read a text file in this encoding instead of detecting it.
    pub encoding: Option<TextEncoding>,
    /// Read this sheet of a workbook instead of the first.
    pub sheet: Option<&'a str>,
}

/// The document and the rules to check it with, before any checking is done.
pub fn open_parts(
    path: &Path,
    input: Input<'_>,
    args: &RuleArgs,
) -> Result<(crate::Document, Rules), CliError> {
    let schema = load_schema(&args.schema)?;
    let subs = Subscriptions::parse(&args.subscriptions, &schema)?;
    let doc =
        read_path_sheet(path, input.encoding, input.sheet, &mut |_| true).map_err(|source| {
            CliError::Read {
                path: path.to_path_buf(),
                source,
            }
        })?;
    let mut rules = Rules::new(schema, &doc.header, subs, doc.meta.encoding);
    if let Some(path) = &args.roster {
        let roster = Roster::load(path, &rules.schema)?;
        rules.roster = Some(std::sync::Arc::new(roster));
    }
    Ok((doc, rules))
}
