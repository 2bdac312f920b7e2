//! One cell's own findings: its column's rules, the bytes it was read from, the roster.
//! Duplicates are the unique indexes' business (see `cell_changed.rs`, `full_check.rs`); the
//! finding itself is attached by `bookkeeping.rs` `attach_duplicate` alone.

use super::{Code, Finding, Msg, Validator, attach_duplicate, cell};
use crate::document::{Document, ReadProblem};
use crate::encoding::TextEncoding;

/// The rules of one column's cells (see [`Validator::column_rules`]).
pub(super) struct ColumnRules<'a> {
    column: Option<&'a crate::schema::Column>,
    required: bool,
    target: TextEncoding,
}

impl ColumnRules<'_> {
    // Inlined into each column's scan (a call per cell showed).
    #[inline(always)]
    pub(super) fn findings(&self, value: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let name = match self.column {
            Some(c) => {
                cell::check(c, self.required, value, &mut out);
                c.name.as_str()
            }
            None => "Value",
        };
        // Settled here for ASCII, without an empty result to move.
        if self.target == TextEncoding::ShiftJis && !value.is_ascii() {
            out.extend(cell::check_encodable(name, value, self.target));
        }
        out
    }
}

impl Validator {
    pub(super) fn schema_column(&self, col: usize) -> Option<&crate::schema::Column> {
        let s = self.rules.binding.schema_of.get(col).copied().flatten()?;
        self.rules.schema.columns.get(s)
    }

    /// Findings that depend on the value alone (not on other rows, not on read problems).
    pub(super) fn value_findings(&self, col: usize, value: &str) -> Vec<Finding> {
        self.column_rules(col).findings(value)
    }

    /// What a column's cells are checked against, looked up once for many cells.
    pub(super) fn column_rules(&self, col: usize) -> ColumnRules<'_> {
        let column = self.schema_column(col);
        ColumnRules {
            column,
            required: column.is_some_and(|c| c.is_required(&self.rules.subscriptions)),
            target: self.rules.target,
        }
    }

    /// Everything about one cell except duplicates.
    pub(super) fn cell_own_findings(&self, doc: &Document, row: usize, col: usize) -> Vec<Finding> {
        let value = doc.cell(row, col);
        let mut out = Vec::new();
        let problem = doc.read_problem(row, col);
        if let Some(p) = problem {
            out.push(read_problem_finding(p, value, doc.meta.encoding));
        }
        let undecodable = problem == Some(&ReadProblem::Undecodable);
        let formula_only = matches!(problem, Some(ReadProblem::FormulaWithoutValue(_)));
        // Undecodable bytes read as U+FFFD: the decoding error says so already, not a
        // second "cannot carry" about the replacement character. A formula without its
        // value is not blank: it has a value Bulksheet cannot see.
        out.extend(self.value_findings(col, value).into_iter().filter(|f| {
            let said_already = undecodable && is_unencodable_replacement(f);
            let not_blank = formula_only && f.code == Code::Required;
            !(said_already || not_blank)
        }));
        out.extend(self.roster_finding(doc, row, col));
        out
    }

    /// Re-checks one cell's own rules, keeping its duplicate mark.
    pub(super) fn refresh_cell(&mut self, doc: &Document, row: usize, col: usize) {
        let dup = self
            .cell_findings(row, col)
            .iter()
            .any(|f| f.code == Code::Duplicate);
        let mut fs = self.cell_own_findings(doc, row, col);
        if dup {
            attach_duplicate(&mut fs);
        }
        self.put_cell(row, col, fs);
    }
}

fn is_unencodable_replacement(f: &Finding) -> bool {
    matches!(f.msg, Msg::Unencodable { ch: '\u{fffd}', .. })
}

pub(super) fn read_problem_finding(p: &ReadProblem, value: &str, enc: TextEncoding) -> Finding {
    match p {
        ReadProblem::Undecodable => Finding::new(
            Code::Encoding,
            Msg::Undecodable {
                encoding: enc.label(),
                value: value.to_string(),
            },
        ),
        ReadProblem::StrayQuote => Finding::new(
            Code::Quote,
            Msg::StrayQuote {
                value: value.to_string(),
            },
        ),
        ReadProblem::UnclosedQuote => Finding::new(Code::Quote, Msg::UnclosedQuote),
        ReadProblem::FormulaWithoutValue(formula) => Finding::new(
            Code::FormulaNoValue,
            Msg::FormulaWithoutValue {
                formula: formula.clone(),
            },
        ),
    }
}
