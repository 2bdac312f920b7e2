//! `bulksheet export`: a clean copy in the console's encoding, refused while errors remain.

use super::{EXIT_ERRORS, EXIT_OK, ExportArgs, open_parts, report};
use crate::io::{WriteOptions, encode_rows, write_atomic};
use crate::sheet::Sheet;
use std::path::{Path, PathBuf};

pub fn run(args: &ExportArgs) -> Result<i32, String> {
    let sheet = prepare(args)?;
    write_clean(args, &sheet)
}

/// Reads the input with the rules export applies: the target encoding, and no row limit
/// when the parts are small enough.
pub fn prepare(args: &ExportArgs) -> Result<Sheet, String> {
    let (doc, mut rules) = open_parts(&args.input, args.input_encoding, &args.rules)?;
    let target = args.encoding.unwrap_or(doc.meta.encoding);
    rules.target = target;
    let split = args.split.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    // Parts no bigger than the limit settle the too-many-rows error.
    if let (Some(n), Some(max)) = (split, rules.schema.max_rows)
        && n <= max
    {
        rules.check_row_limit = false;
    }
    Ok(Sheet::with_rules(doc, rules))
}

/// Writes the sheet's non-blank rows, or nothing while errors remain.
pub fn write_clean(args: &ExportArgs, sheet: &Sheet) -> Result<i32, String> {
    let target = sheet.rules().target;
    let split = args.split.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    let name = args.input.display().to_string();
    if sheet.errors() > 0 {
        let issues: Vec<_> = sheet
            .issues()
            .into_iter()
            .filter(|i| i.severity == crate::Severity::Error)
            .collect();
        eprint!("{}", report::text_report(&name, sheet, &issues, false));
        eprintln!(
            "bulksheet: nothing written: {} error{} must be fixed first",
            sheet.errors(),
            if sheet.errors() == 1 { "" } else { "s" }
        );
        return Ok(EXIT_ERRORS);
    }
    let rows: Vec<usize> = (0..sheet.doc().rows())
        .filter(|&r| !sheet.validator().is_blank_row(r))
        .collect();
    let mut opts = WriteOptions::like(sheet.doc());
    opts.encoding = target;
    let parts = plan_parts(&args.output, &rows, split);
    // Encode every part before writing any, so an unencodable cell writes nothing.
    let mut encoded = Vec::new();
    for (path, part) in &parts {
        match encode_rows(sheet.doc(), part.iter().copied(), &opts) {
            Ok(bytes) => encoded.push((path, part.len(), bytes)),
            Err(e) => {
                eprintln!("{name}: error: {e}");
                eprintln!("bulksheet: nothing written");
                return Ok(EXIT_ERRORS);
            }
        }
    }
    for (path, n, bytes) in encoded {
        write_atomic(path, &bytes).map_err(|e| e.to_string())?;
        println!(
            "wrote {} ({n} row{}, {})",
            path.display(),
            if n == 1 { "" } else { "s" },
            target.as_str()
        );
    }
    Ok(EXIT_OK)
}

/// The files to write and their rows: one file, or numbered parts of at most `split` rows.
fn plan_parts(out: &Path, rows: &[usize], split: Option<usize>) -> Vec<(PathBuf, Vec<usize>)> {
    let Some(n) = split else {
        return vec![(out.to_path_buf(), rows.to_vec())];
    };
    let chunks: Vec<Vec<usize>> = if rows.is_empty() {
        vec![Vec::new()]
    } else {
        rows.chunks(n.max(1)).map(<[usize]>::to_vec).collect()
    };
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, part)| (part_path(out, i + 1), part))
        .collect()
}

/// `users.csv` → `users-1.csv`.
pub fn part_path(out: &Path, k: usize) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let name = match out.extension() {
        Some(ext) => format!("{stem}-{k}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{k}"),
    };
    out.with_file_name(name)
}
