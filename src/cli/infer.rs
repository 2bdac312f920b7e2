//! `bulksheet schema infer`: a starting template from a filled file, and one line a column
//! of what was inferred and why. The template and the reasons go to different streams, so
//! `> mine.toml` keeps only the template.

use super::output::Out;
use super::{CliError, EXIT_OK, InferArgs, LangArg};
use crate::io::{read_path_sheet, write_atomic};
use crate::schema::infer::{InferOptions, infer};

/// Writes the template (to `-o`, else standard output) and prints the reasons.
pub fn run(args: &InferArgs) -> Result<i32, CliError> {
    let lang = LangArg::choose(args.lang);
    let path = &args.file;
    let doc =
        read_path_sheet(path, None, args.sheet.as_deref(), &mut |_| true).map_err(|source| {
            CliError::Read {
                path: path.clone(),
                source,
            }
        })?;
    let mut options = InferOptions::for_file(path);
    options.max_rows = args
        .max_rows
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    let inference = infer(&doc, &options).map_err(|source| CliError::Infer {
        path: path.clone(),
        source,
    })?;
    let toml = inference.schema.to_toml();
    let reasons = inference.lines(lang).join("\n");
    match &args.output {
        Some(out) => {
            write_atomic(out, toml.as_bytes())?;
            Out::stdout(false).line(&reasons)?;
        }
        None => {
            Out::stdout(false).print(&toml)?;
            Out::stderr(false).line(&reasons)?;
        }
    }
    Ok(EXIT_OK)
}
