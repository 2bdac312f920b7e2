//! `export --changed-from BEFORE` and `export --roster R --only-changed`: write only the
//! rows that change something, and say how many were left out. Both compare through
//! [`Baseline`]: BEFORE is the file as it was; the roster is what the console holds now.

use super::{CliError, ExportArgs, error};
use crate::baseline::{Baseline, KeyError};
use crate::io::read_path;
use crate::sheet::Sheet;
use crate::validate::Lang;
use std::path::Path;

/// The rows export writes: every non-blank row, or only those that change something when
/// asked. None when nothing changes (nothing is written then; the reason is printed).
pub(super) fn rows_to_write(
    args: &ExportArgs,
    sheet: &Sheet,
) -> Result<Option<Vec<usize>>, CliError> {
    let rows = sheet.rows_to_write();
    let lang = args.rules.lang();
    let (baseline, name) = if let Some(before) = &args.changed_from {
        (read_before(before, sheet)?, before.display().to_string())
    } else if args.only_changed
        && let Some(roster) = &sheet.rules().roster
        && let Some(b) = roster.baseline()
    {
        let name = args
            .rules
            .roster
            .as_deref()
            .map_or_else(String::new, |p| p.display().to_string());
        (b.clone(), name)
    } else {
        return Ok(Some(rows));
    };
    let keyed = |source: KeyError| CliError::Key {
        path: args.input.clone(),
        source,
    };
    let cmp = baseline
        .compare(sheet.schema(), sheet.doc(), &rows)
        .map_err(keyed)?;
    println!("{}", left_out(cmp.unchanged, &name, lang));
    if cmp.keep.is_empty() {
        eprintln!("bulksheet: {}", nothing_changes(lang));
        return Ok(None);
    }
    Ok(Some(cmp.keep))
}

/// BEFORE, read like any input (its encoding detected) and indexed by the schema's key.
fn read_before(path: &Path, sheet: &Sheet) -> Result<Baseline, CliError> {
    let doc = read_path(path, None).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Baseline::new(doc, sheet.schema()).map_err(|source| CliError::Key {
        path: path.to_path_buf(),
        source,
    })
}

/// `left out 3 unchanged rows (the same in before.csv)`.
fn left_out(n: usize, name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "left out {n} unchanged row{} (the same in {name})",
            if n == 1 { "" } else { "s" }
        ),
        Lang::Ja => format!("変更のない {n} 行を除きました（{name} と同じ）"),
    }
}

fn nothing_changes(lang: Lang) -> String {
    match lang {
        Lang::En => format!("{}: no row changes anything", error::nothing_written(lang)),
        Lang::Ja => format!("{}: 変更のある行がありません", error::nothing_written(lang)),
    }
}
