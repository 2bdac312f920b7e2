//! Whether fixes would cause new issues: they are laid together over the sheet (read, never
//! changed) and the cells they can reach are compared with the sheet as it is. A fix whose value
//! another row already uses, or that two fixes would both write, would make a duplicate:
//! such a fix is marked with what it would cause and left for a person.

use super::Fix;
use crate::sheet::Sheet;
use crate::validate::{Code, Finding, Lang, Overlay, Severity};
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

/// The other rows that already hold the value a single fix would write in a unique column:
/// the duplicate that makes [`judge`] hold that fix back (a fix makes its own cell valid, so
/// on its own a duplicate is all it can cause). Empty when the fix is safe alone.
pub fn duplicate_rows(sheet: &Sheet, fix: &Fix) -> Vec<usize> {
    sheet
        .validator()
        .rows_holding(sheet.doc(), fix.row, fix.col, &fix.new)
}

/// The fixes with `creates` filled in: judged together, as "Fix all" would apply them.
/// Fixes found to cause an issue are set aside and the others judged again without them,
/// until what is left causes nothing new: exactly the set `to_edit` then applies. The
/// sheet is only read: the fixes are laid over it ([`crate::validate::Overlay`]).
pub fn judge(sheet: &Sheet, mut fixes: Vec<Fix>) -> Vec<Fix> {
    for f in &mut fixes {
        f.creates.clear();
    }
    let mut trying: Vec<usize> = (0..fixes.len()).collect();
    while !trying.is_empty() {
        let laid = sheet.validator().overlay(
            sheet.doc(),
            trying
                .iter()
                .filter_map(|&i| fixes.get(i))
                .map(|f| (f.row, f.col, f.new.clone())),
        );
        let at: FxHashMap<(usize, usize), usize> = trying
            .iter()
            .filter_map(|&i| fixes.get(i).map(|f| ((f.row, f.col), i)))
            .collect();
        // What each fix's places hold with every fix applied, then what they hold now.
        let seen: Vec<(usize, Seen)> = trying
            .iter()
            .filter_map(|&i| {
                let f = fixes.get(i)?;
                let others = |place| at.get(&place).is_some_and(|&j| j != i);
                Some((i, seen_after(&laid, f, others)))
            })
            .collect();
        let mut found = false;
        for (i, after) in seen {
            let caused = caused_by(sheet, after);
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

/// The findings one fix's places hold with the fixes applied, as issues, before those
/// already there are taken out.
struct Seen {
    /// The fixed cell's row and column.
    at: (usize, usize),
    /// Findings in cells: its cell (every cell of its row when a roster is checked) and
    /// the other holders of its new value in a unique column.
    cells: Vec<NewIssue>,
    /// Findings of its row as a whole.
    row: Vec<NewIssue>,
}

/// What the fix's places hold in `after`. A cell another fix changes is that fix's to
/// answer for.
fn seen_after(after: &Overlay, f: &Fix, fixed_by_another: impl Fn((usize, usize)) -> bool) -> Seen {
    // Only the roster compares one cell with another of its row (a Login ID with its
    // extension): without one, the fix's own cell is the only cell of its row it reaches.
    let mut places: Vec<(usize, usize)> = if after.validator().rules().roster.is_some() {
        let width = after.doc().header.len().max(f.col + 1);
        (0..width).map(|c| (f.row, c)).collect()
    } else {
        vec![(f.row, f.col)]
    };
    let holders = after.same_value_rows(f.row, f.col);
    places.extend(holders.into_iter().map(|r| (r, f.col)));
    let cells = places
        .into_iter()
        .filter(|&place| !fixed_by_another(place))
        .flat_map(|(r, c)| {
            let found = after.cell_findings(r, c);
            found
                .into_iter()
                .map(move |n| new_issue(after, r, Some(c), &n))
        })
        .collect();
    let row = after
        .row_findings(f.row)
        .iter()
        .map(|n| new_issue(after, f.row, None, n))
        .collect();
    Seen {
        at: (f.row, f.col),
        cells,
        row,
    }
}

/// The findings a fix's places hold after it and did not hold before (by code).
fn caused_by(before: &Sheet, seen: Seen) -> Vec<NewIssue> {
    let v = before.validator();
    let mut out: Vec<NewIssue> = seen
        .cells
        .into_iter()
        .filter(|n| {
            let c = n.col.unwrap_or(usize::MAX);
            !v.cell_findings(n.row, c).iter().any(|o| o.code == n.code)
        })
        .collect();
    let (row, col) = seen.at;
    // One clash is one issue: the fix's own new duplicate names the rows it would share
    // the value with, so their matching findings are not listed again.
    let own: Vec<usize> = out
        .iter()
        .find(|n| n.code == Code::Duplicate && n.row == row && n.col == Some(col))
        .map(|n| n.others.clone())
        .unwrap_or_default();
    out.retain(|n| !(n.code == Code::Duplicate && n.col == Some(col) && own.contains(&n.row)));
    let old = v.row_findings(row);
    out.extend(
        seen.row
            .into_iter()
            .filter(|n| !old.iter().any(|o| o.code == n.code)),
    );
    out
}

fn new_issue(after: &Overlay, row: usize, col: Option<usize>, f: &Finding) -> NewIssue {
    let text = |lang| match col {
        Some(c) => after.message_in(lang, row, c, f),
        None => f.text(lang),
    };
    NewIssue {
        row,
        col,
        column: col.map(|c| after.validator().column_name(after.doc(), c)),
        code: f.code,
        severity: f.severity,
        value: col.map_or_else(String::new, |c| after.cell(row, c).to_string()),
        others: match (f.code, col) {
            (Code::Duplicate, Some(c)) => after.same_value_rows(row, c),
            _ => Vec::new(),
        },
        messages: [text(Lang::En), text(Lang::Ja)],
    }
}
