//! `bulksheet export`: a clean copy in the console's format (comma-separated, in the
//! input's encoding or UTF-8 for a UTF-16 input, unless asked otherwise), refused while
//! errors remain.

use super::output::Out;
use super::{
    CliError, EXIT_ERRORS, EXIT_OK, ExportArgs, Input, changed, colour, error, open_parts, report,
};
use crate::io::{WriteOptions, encode_rows, plan_parts, write_atomic};
use crate::sheet::Sheet;

/// Reads, checks and writes; the exit code says whether anything was written.
pub fn run(args: &ExportArgs) -> Result<i32, CliError> {
    let sheet = prepare(args)?;
    write_clean(args, &sheet)
}

/// Reads the input with the rules export applies: the target encoding, and no row limit
/// when the parts are small enough.
pub fn prepare(args: &ExportArgs) -> Result<Sheet, CliError> {
    let input = Input {
        encoding: args.input_encoding,
        sheet: args.sheet.as_deref(),
    };
    let (doc, mut rules) = open_parts(&args.input, input, &args.rules)?;
    let target = args
        .encoding
        .unwrap_or(rules.schema.console_encoding(doc.meta.encoding));
    rules.target = target;
    let split = args.split.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    // Parts no bigger than the limit settle the too-many-rows error. A schema without a
    // limit has none to settle: `--split N` then writes parts of the N the user asked for.
    if let (Some(n), Some(max)) = (split, rules.schema.max_rows)
        && n <= max
    {
        rules.check_row_limit = false;
    }
    Ok(Sheet::with_rules(doc, rules))
}

/// Writes the sheet's non-blank rows and its columns before any trailing empty ones, or
/// nothing while errors remain.
pub fn write_clean(args: &ExportArgs, sheet: &Sheet) -> Result<i32, CliError> {
    let target = sheet.rules().target;
    let split = args.split.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    let name = args.input.display().to_string();
    let lang = args.rules.lang();
    if sheet.errors() > 0 {
        let issues: Vec<_> = report::text_issues(sheet, lang)
            .into_iter()
            .filter(|i| i.severity == crate::Severity::Error)
            .collect();
        let mut err = Out::stderr(colour::for_stderr(args.color));
        err.print(&report::text_report(
            &name,
            sheet,
            &issues,
            err.color(),
            lang,
        ))?;
        err.line(&format!(
            "bulksheet: {}",
            error::errors_remain(sheet.errors(), lang)
        ))?;
        return Ok(EXIT_ERRORS);
    }
    let Some(rows) = changed::rows_to_write(args, sheet)? else {
        return Ok(EXIT_ERRORS);
    };
    let mut opts = WriteOptions::like(sheet.doc());
    opts.encoding = target;
    opts.separator = args.delimiter.unwrap_or(sheet.schema().separator);
    opts.columns = sheet.columns_to_write();
    let parts = plan_parts(&args.output, &rows, split);
    // Encode every part before writing any, so an unencodable cell writes nothing.
    let mut encoded = Vec::new();
    for (path, part) in &parts {
        match encode_rows(sheet.doc(), part.iter().copied(), &opts) {
            Ok(bytes) => encoded.push((path, part.len(), bytes)),
            Err(e) => {
                // Worded like a line of the report, for scripts to match.
                let mut err = Out::stderr(colour::for_stderr(args.color));
                let error = report::severity_label(crate::Severity::Error, lang, err.color());
                err.line(&format!("{name}: {error}: {}", e.message(lang)))?;
                err.line(&format!("bulksheet: {}", error::nothing_written(lang)))?;
                return Ok(EXIT_ERRORS);
            }
        }
    }
    let mut out = Out::stdout(false);
    for (path, n, bytes) in encoded {
        write_atomic(path, &bytes)?;
        // The separator is named only when it is not the console's comma.
        let sep = match opts.separator {
            crate::io::Separator::Comma => String::new(),
            other => format!(", {}", other.label().to_lowercase()),
        };
        out.line(&format!(
            "wrote {} ({n} row{}, {}{sep})",
            path.display(),
            if n == 1 { "" } else { "s" },
            target.as_str()
        ))?;
    }
    Ok(EXIT_OK)
}
