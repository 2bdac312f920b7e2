//! `bulksheet fix`: the same automatic fixes the window offers, printed as they are made,
//! then written like `export` (refused while errors remain).

use super::export::{prepare, write_clean};
use super::{CliError, EXIT_ERRORS, ExportArgs, error};
use crate::fix::{blank_rows, propose_all, to_edit};

/// Fixes, reports each fix, then writes like `export`.
pub fn run(args: &ExportArgs) -> Result<i32, CliError> {
    let mut sheet = prepare(args)?;
    let name = args.input.display().to_string();
    let fixes = propose_all(&sheet);
    for f in &fixes {
        let line = sheet
            .doc()
            .table
            .source_line(f.row)
            .map_or(f.row as u64 + 1, u64::from);
        println!(
            "{name}:{line}: {}: fixed ({}): \"{}\" → \"{}\"",
            sheet.validator().column_name(sheet.doc(), f.col),
            f.kind.describe(),
            f.old,
            f.new
        );
    }
    sheet.apply(to_edit(&fixes));
    let blanks = blank_rows(&sheet);
    if !blanks.is_empty() {
        println!(
            "{name}: dropped {} blank row{}",
            blanks.len(),
            if blanks.len() == 1 { "" } else { "s" }
        );
        sheet.delete_rows(&blanks);
    }
    println!(
        "{name}: {} fix{} applied",
        fixes.len(),
        if fixes.len() == 1 { "" } else { "es" }
    );
    let code = write_clean(args, &sheet)?;
    if code == EXIT_ERRORS {
        eprintln!("bulksheet: {}", error::needs_a_person(args.rules.lang()));
    }
    Ok(code)
}
