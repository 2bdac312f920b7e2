//! The grid's words: what a cell shows, its accessible name, its tooltip, a column's counts.

use crate::app::i18n::{Lang, tr, trf};
use crate::schema::{EnumOption, Kind};
use crate::{Severity, Sheet};

/// The options of an enum column (none for any other column).
pub fn enum_options(sheet: &Sheet, col: usize) -> &[EnumOption] {
    sheet.column_kind(col).map_or(&[], Kind::options)
}

/// Whether an enum column's list offers "(blank)": not when a subscription switched on
/// makes the column required (a blank there is an error).
pub fn offers_blank(sheet: &Sheet, col: usize) -> bool {
    let rules = sheet.rules();
    let Some(s) = rules.binding.schema_of.get(col).copied().flatten() else {
        return true;
    };
    rules
        .schema
        .columns
        .get(s)
        .is_none_or(|c| c.subscriptions.is_empty() || !c.is_required(&rules.subscriptions))
}

/// What a cell shows: `1 — English` for a known code (its label in the window's
/// language), the raw text otherwise (an invalid value stays visible until it is replaced).
pub fn display_value(lang: Lang, sheet: &Sheet, row: usize, col: usize) -> String {
    let value = sheet.cell(row, col);
    match sheet
        .column_kind(col)
        .and_then(|k| k.option_for_code(value))
    {
        Some(option) => option.display_in(lang),
        None => value.to_string(),
    }
}

/// The accessible name of a cell (rows counted from 1, as in the issue list).
pub fn cell_label(lang: Lang, sheet: &Sheet, row: usize, col: usize) -> String {
    let name = sheet.validator().column_name(sheet.doc(), col);
    trf(
        lang,
        "{name}, row {r}",
        &[("name", &name), ("r", &(row + 1))],
    )
}

/// Every message of a cell, for its tooltip.
pub fn cell_messages(lang: Lang, sheet: &Sheet, row: usize, col: usize) -> Vec<(Severity, String)> {
    let v = sheet.validator();
    v.cell_findings(row, col)
        .iter()
        .map(|f| (f.severity, v.message_in(lang, sheet.doc(), row, col, f)))
        .collect()
}

/// Header text for a column's counts: "2 errors, 1 warning" or "no errors".
pub fn count_text(lang: Lang, counts: [usize; 2]) -> String {
    let errors = |n: usize| match n {
        1 => tr(lang, "1 error").to_string(),
        n => trf(lang, "{n} errors", &[("n", &n)]),
    };
    let warnings = |n: usize| match n {
        1 => tr(lang, "1 warning").to_string(),
        n => trf(lang, "{n} warnings", &[("n", &n)]),
    };
    match counts {
        [0, 0] => tr(lang, "no errors").into(),
        [e, 0] => errors(e),
        [0, w] => warnings(w),
        [e, w] => format!("{}, {}", errors(e), warnings(w)),
    }
}
