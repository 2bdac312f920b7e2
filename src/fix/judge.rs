//! Whether fixes would cause new issues: they are applied together to a copy of the sheet
//! and the cells they can reach are compared with the sheet as it is. A fix whose value
//! another row already uses, or that two fixes would both write, would make a duplicate:
//! such a fix is marked with what it would cause and left for a person.

use super::{Fix, change};
use crate::document::Edit;
use crate::sheet::Sheet;
use crate::validate::{Code, Finding, Lang, Severity};
use rustc_hash::FxHashMap;

/// An issue a fix would newly cause, as the sheet would report it after the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIssue {
    /// The document row it would appear on.
    pub row: usize,
    /// Its file column; None for a whole-row issue.
    pub col: Option<usize>,
    /// The column's name, when in a column.
    pub column: Option<String>,
    /// What kind of problem.
    pub code: Code,
    /// How bad.
    pub severity: Severity,
    /// The cell's value after the fixes.
    pub value: String,
    /// For a duplicate: the other document rows that would hold the same value.
    pub others: Vec<usize>,
    /// The message in English and in Japanese, worded as the issue list would.
    messages: [String; 2],
}

impl NewIssue {
    /// The message in a language, rows numbered as the window numbers them.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.messages[0],
            Lang::Ja => &self.messages[1],
        }
    }
}

/// The fixes with `creates` filled in: judged together, as "Fix all" would apply them.
/// Fixes found to cause an issue are set aside and the others judged again without them,
/// until what is left causes nothing new: exactly the set `to_edit` then applies.
pub fn judge(sheet: &Sheet, mut fixes: Vec<Fix>) -> Vec<Fix> {
    for f in &mut fixes {
        f.creates.clear();
    }
    let mut trying: Vec<usize> = (0..fixes.len()).collect();
    while !trying.is_empty() {
        let mut after = sheet.trial_copy();
        after.apply(Edit::Cells(
            trying
                .iter()
                .filter_map(|&i| fixes.get(i))
                .map(change)
                .collect(),
        ));
        let at: FxHashMap<(usize, usize), usize> = trying
            .iter()
            .filter_map(|&i| fixes.get(i).map(|f| ((f.row, f.col), i)))
            .collect();
        let mut found = false;
        for &i in &trying {
            let Some(f) = fixes.get(i) else { continue };
            let caused = caused_by(sheet, &after, f, |place| {
                at.get(&place).is_some_and(|&j| j != i)
            });
            if let (false, Some(f)) = (caused.is_empty(), fixes.get_mut(i)) {
                f.creates = caused;
                found = true;
            }
        }
        if !found {
            break;
        }
        trying.retain(|&i| fixes.get(i).is_some_and(Fix::is_safe));
    }
    fixes
}

/// The findings `after` has and `before` had not (by code) where one fix can reach: its
/// cell (every cell of its row when a roster is checked), its row as a whole, and the
/// other holders of its new value in a unique column. A cell another fix changes is that fix's to answer for.
fn caused_by(
    before: &Sheet,
    after: &Sheet,
    f: &Fix,
    fixed_by_another: impl Fn((usize, usize)) -> bool,
) -> Vec<NewIssue> {
    // Only the roster compares one cell with another of its row (a Login ID with its
    // extension): without one, the fix's own cell is the only cell of its row it reaches.
    let mut places: Vec<(usize, usize)> = if after.rules().roster.is_some() {
        let width = after.doc().header.len().max(f.col + 1);
        (0..width).map(|c| (f.row, c)).collect()
    } else {
        vec![(f.row, f.col)]
    };
    let holders = after.validator().same_value_rows(after.doc(), f.row, f.col);
    places.extend(holders.into_iter().map(|r| (r, f.col)));
    let mut out = Vec::new();
    for (r, c) in places {
        if fixed_by_another((r, c)) {
            continue;
        }
        let old = before.validator().cell_findings(r, c);
        for n in after.validator().cell_findings(r, c) {
            if !old.iter().any(|o| o.code == n.code) {
                out.push(new_issue(after, r, Some(c), n));
            }
        }
    }
    // One clash is one issue: the fix's own new duplicate names the rows it would share
    // the value with, so their matching findings are not listed again.
    let own: Vec<usize> = out
        .iter()
        .find(|n| n.code == Code::Duplicate && n.row == f.row && n.col == Some(f.col))
        .map(|n| n.others.clone())
        .unwrap_or_default();
    out.retain(|n| !(n.code == Code::Duplicate && n.col == Some(f.col) && own.contains(&n.row)));
    let old = before.validator().row_findings(f.row);
    for n in after.validator().row_findings(f.row) {
        if !old.iter().any(|o| o.code == n.code) {
            out.push(new_issue(after, f.row, None, n));
        }
    }
    out
}

fn new_issue(after: &Sheet, row: usize, col: Option<usize>, f: &Finding) -> NewIssue {
    let (v, doc) = (after.validator(), after.doc());
    let text = |lang| match col {
        Some(c) => v.message_in(lang, doc, row, c, f),
        None => f.text(lang),
    };
    NewIssue {
        row,
        col,
        column: col.map(|c| v.column_name(doc, c)),
        code: f.code,
        severity: f.severity,
        value: col.map_or_else(String::new, |c| after.cell(row, c).to_string()),
        others: match (f.code, col) {
            (Code::Duplicate, Some(c)) => v.same_value_rows(doc, row, c),
            _ => Vec::new(),
        },
        messages: [text(Lang::En), text(Lang::Ja)],
    }
}
