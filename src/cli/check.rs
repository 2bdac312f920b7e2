//! `bulksheet check`: every problem with its place, as text or JSON.

use super::output::Out;
use super::{CheckArgs, CliError, EXIT_ERRORS, EXIT_OK, Format, Input, colour, open_sheet, report};

/// Prints the report; the exit code says whether errors remain.
pub fn run(args: &CheckArgs) -> Result<i32, CliError> {
    let input = Input {
        encoding: args.encoding,
        sheet: args.sheet.as_deref(),
    };
    let sheet = open_sheet(&args.file, input, &args.rules)?;
    let lang = args.rules.lang();
    let name = args.file.display().to_string();
    match args.format {
        Format::Json => {
            let issues = sheet.issues_in(lang);
            let r = report::JsonReport::new(&name, &sheet, &issues);
            let text = serde_json::to_string_pretty(&r)?;
            Out::stdout(false).line(&text)?;
        }
        Format::Csv => {
            use std::io::Write;
            let issues = sheet.issues_in(lang);
            std::io::stdout().write_all(&crate::issue_csv::to_csv(&issues, lang))?;
        }
        Format::Text => {
            let issues = report::text_issues(&sheet, lang);
            let mut out = Out::stdout(colour::for_stdout(args.color));
            let text = report::text_report(&name, &sheet, &issues, out.color(), lang);
            out.print(&text)?;
        }
    }
    Ok(if sheet.errors() > 0 {
        EXIT_ERRORS
    } else {
        EXIT_OK
    })
}
