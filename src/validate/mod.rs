//! Checking a document against a schema. A full check runs once on open; after that an
//! edit re-checks only what it can change: its cell, its row's row-level rules, the rows
//! that shared the old or share the new value of a unique column, and the row count.

mod bookkeeping;
pub mod cell;
mod cell_changed;
mod cell_rules;
mod finding_list;
mod full_check;
mod header;
mod issue;
mod layout;
pub mod layout_message;
pub mod message;
mod overlay;
mod queries;
mod roster_check;
mod row_and_file_rules;
mod rows;
mod unique;

pub use issue::{Code, Finding, Issue, Severity};
pub use message::{Lang, Msg};
pub use overlay::Overlay;
pub use queries::{IssuePlace, PlacesFrom};

use crate::document::Document;
use crate::encoding::TextEncoding;
use crate::roster::Roster;
use crate::schema::{Binding, Schema, Subscriptions};
use bookkeeping::attach_duplicate;
use finding_list::FindingList;
use full_check::PARALLEL_FROM_ROWS;
use std::collections::BTreeMap;
use unique::UniqueIndex;

/// Everything validation depends on besides the cells.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Shared: a full check builds fresh rules from the same schema without copying it.
    pub schema: std::sync::Arc<Schema>,
    /// Which file column holds which schema column.
    pub binding: Binding,
    /// The subscriptions the user has, which decide the columns required.
    pub subscriptions: Subscriptions,
    /// The encoding the file will be written in (Shift_JIS makes some characters errors).
    pub target: TextEncoding,
    /// Off when exporting in parts small enough for the row limit.
    pub check_row_limit: bool,
    /// The console's current user list, when the user opened one beside the document.
    pub roster: Option<std::sync::Arc<Roster>>,
}

impl Rules {
    /// The rules of `schema` for a file with this header, the row limit on.
    pub fn new(
        schema: Schema,
        header: &[String],
        subscriptions: Subscriptions,
        target: TextEncoding,
    ) -> Self {
        let binding = Binding::new(&schema, header);
        Rules {
            schema: std::sync::Arc::new(schema),
            binding,
            subscriptions,
            target,
            check_row_limit: true,
            roster: None,
        }
    }
}

/// A header or whole-file finding (row 0).
#[derive(Debug, Clone, PartialEq)]
struct FileFinding {
    col: Option<usize>,
    column: Option<String>,
    finding: Finding,
}

/// A document's findings, kept up to date edit by edit, with their counts and the
/// duplicate indexes that find a value's other rows.
#[derive(Debug, Clone)]
pub struct Validator {
    rules: Rules,
    /// Findings by (document row, file column); ordered for the issue list and F8.
    cells: BTreeMap<(u32, u32), FindingList>,
    /// Whole-row findings by document row.
    rows: BTreeMap<u32, FindingList>,
    file: Vec<FileFinding>,
    /// One index per unique file column.
    unique: Vec<Option<UniqueIndex>>,
    blank: Vec<bool>,
    /// How many rows are not blank (the users a file limit counts), kept with `blank`:
    /// counting them again each time a row turns blank made clearing every row quadratic.
    users: usize,
    /// [errors, warnings] per file column, counting cell findings.
    col_counts: Vec<[usize; 2]>,
    /// [errors, warnings] over everything.
    totals: [usize; 2],
    /// How the header lines up with the roster's columns, to tell rows that change nothing.
    roster_pairing: Option<crate::baseline::Pairing>,
    /// The columns export writes: those before the trailing columns with no header and
    /// no value.
    kept_width: usize,
}

impl Validator {
    /// Checks the whole document.
    pub fn new(rules: Rules, doc: &Document) -> Self {
        let mut v = Validator {
            rules,
            cells: BTreeMap::new(),
            rows: BTreeMap::new(),
            file: Vec::new(),
            unique: Vec::new(),
            blank: Vec::new(),
            users: 0,
            col_counts: Vec::new(),
            totals: [0, 0],
            roster_pairing: None,
            kept_width: doc.width(),
        };
        v.validate_all(doc);
        v
    }

    /// The rules it checks against.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Replaces the rules (schema, subscriptions, encoding) and checks everything again.
    pub fn set_rules(&mut self, rules: Rules, doc: &Document) {
        self.rules = rules;
        self.validate_all(doc);
    }
}
