//! `bulksheet fix`: the same automatic fixes the window offers (the columns put in the
//! template's order too), printed as they are made, then written like `export` (refused
//! while errors remain). A fix that would cause a new issue (a duplicate, say) is not
//! made: it is printed with that issue, for a person.

use super::export::{prepare, write_clean};
use super::output::Out;
use super::report::paint;
use super::{CliError, EXIT_ERRORS, ExportArgs, colour, error};
use crate::Sheet;
use crate::fix::{NewIssue, apply as apply_fixes, blank_rows, propose_all, template_order_edit};
use crate::validate::{Code, Lang};
use anstyle::{AnsiColor, Style};

const FIXED_STYLE: Style = AnsiColor::Green.on_default().bold();
const HELD_STYLE: Style = AnsiColor::Yellow.on_default().bold();

/// Fixes, reports each fix and each fix left alone, then writes like `export`.
pub fn run(args: &ExportArgs) -> Result<i32, CliError> {
    let mut sheet = prepare(args)?;
    let mut out = Out::stdout(colour::for_stdout(args.color));
    let color = out.color();
    let name = args.input.display().to_string();
    let fixes = propose_all(&sheet);
    let line = |s: &Sheet, row: usize| {
        s.doc()
            .table
            .source_line(row)
            .map_or(row as u64 + 1, u64::from)
    };
    for f in &fixes {
        let col = sheet.validator().column_name(sheet.doc(), f.col);
        let (old, new, kind) = (&f.old, &f.new, f.kind.describe());
        let at = line(&sheet, f.row);
        if f.is_safe() {
            let fixed = paint(color, FIXED_STYLE, "fixed");
            out.line(&format!(
                "{name}:{at}: {col}: {fixed} ({kind}): \"{old}\" → \"{new}\""
            ))?;
        } else {
            let why: Vec<String> = f.creates.iter().map(|n| reason(&sheet, n, &line)).collect();
            let held = paint(color, HELD_STYLE, "not fixed");
            out.line(&format!(
                "{name}:{at}: {col}: {held} ({kind}): \"{old}\" → \"{new}\" would cause {}",
                why.join("; ")
            ))?;
        }
    }
    let applied = fixes.iter().filter(|f| f.is_safe()).count();
    let held = fixes.len() - applied;
    apply_fixes(&mut sheet, &fixes);
    let blanks = blank_rows(&sheet);
    if !blanks.is_empty() {
        out.line(&format!(
            "{name}: dropped {} blank row{}",
            blanks.len(),
            if blanks.len() == 1 { "" } else { "s" }
        ))?;
        sheet.delete_rows(&blanks);
    }
    // Last: the cell fixes above name columns by their place in the file.
    if let Some(edit) = template_order_edit(&sheet) {
        sheet.apply(edit);
        out.line(&format!("{name}: put the columns in the template's order"))?;
    }
    out.line(&format!(
        "{name}: {applied} fix{} applied",
        if applied == 1 { "" } else { "es" }
    ))?;
    if held > 0 {
        out.line(&format!(
            "{name}: {held} fix{} not made: {} would cause a new issue; correct {} by hand",
            if held == 1 { "" } else { "es" },
            if held == 1 { "it" } else { "each" },
            if held == 1 { "it" } else { "them" },
        ))?;
    }
    drop(out);
    let code = write_clean(args, &sheet)?;
    if code == EXIT_ERRORS {
        let why = error::needs_a_person(args.rules.lang());
        Out::stderr(false).line(&format!("bulksheet: {why}"))?;
    }
    Ok(code)
}

/// One would-be issue, its place and other rows as file lines like the rest of the output.
fn reason(sheet: &Sheet, n: &NewIssue, line: &impl Fn(&Sheet, usize) -> u64) -> String {
    let code = n.code.as_str();
    if n.code == Code::Duplicate {
        let lines: Vec<String> = n
            .others
            .iter()
            .map(|&r| line(sheet, r).to_string())
            .collect();
        let col = n.column.as_deref().unwrap_or_default();
        let which = if lines.len() == 1 { "line" } else { "lines" };
        return format!(
            "{code}: {col} \"{}\" is also on {which} {}",
            n.value,
            lines.join(", ")
        );
    }
    format!(
        "{code} on line {}: {}",
        line(sheet, n.row),
        n.message(Lang::En)
    )
}
