//! What the cells are checked against (schema, subscriptions, roster, save encoding, row
//! limit) and the file layout to save in. Changing a rule checks the whole document again;
//! none of these changes is an undo step.

use super::Sheet;
use crate::document::{Document, FileMeta};
use crate::encoding::TextEncoding;
use crate::roster::Roster;
use crate::schema::{Binding, Schema, Subscriptions};
use crate::validate::Rules;
use std::sync::Arc;

impl Sheet {
    /// The window's guess at the tenant's products: a product whose columns are present
    /// and mostly filled is taken as subscribed. (The command line never guesses.)
    pub fn guess_subscriptions(doc: &Document, schema: &Schema) -> Subscriptions {
        let binding = Binding::new(schema, &doc.header);
        let mut subs = Subscriptions::none();
        for s in &schema.subscriptions {
            let cols: Vec<usize> = schema
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.subscriptions.contains(&s.id))
                .filter_map(|(i, _)| binding.file_of.get(i).copied().flatten())
                .collect();
            if cols.is_empty() {
                continue;
            }
            let rows: Vec<usize> = (0..doc.rows()).filter(|&r| !doc.is_blank_row(r)).collect();
            let total = rows.len() * cols.len();
            let filled = rows
                .iter()
                .flat_map(|&r| cols.iter().map(move |&c| (r, c)))
                .filter(|&(r, c)| !crate::text::is_blank(doc.cell(r, c)))
                .count();
            if total > 0 && filled * 2 > total {
                subs.set(&s.id, true);
            }
        }
        subs
    }

    /// Switches subscriptions on or off and re-checks.
    pub fn set_subscriptions(&mut self, subscriptions: Subscriptions) {
        self.change_rules(|r| r.subscriptions = subscriptions);
    }

    /// Cross-checks against the console's user list (None to stop) and re-checks.
    pub fn set_roster(&mut self, roster: Option<Arc<Roster>>) {
        self.change_rules(|r| r.roster = roster);
    }

    /// Changes one of the rules and checks everything again.
    fn change_rules(&mut self, change: impl FnOnce(&mut Rules)) {
        self.revision += 1;
        let mut rules = self.rules().clone();
        change(&mut rules);
        self.validator.set_rules(rules, &self.doc);
    }

    /// Changes the schema and checks everything against it. The subscriptions, save
    /// encoding and roster stay (the roster read again for the new template's columns); the
    /// row limit check is back on, as for a new sheet. A roster the new template cannot use
    /// (no key column it finds) is dropped, and the reason returned.
    pub fn set_schema(&mut self, schema: Schema) -> Result<(), crate::roster::RosterError> {
        self.revision += 1;
        let r = self.rules();
        let roster = r.roster.as_ref().map(|old| old.for_schema(&schema));
        let mut rules = Rules::new(schema, &self.doc.header, r.subscriptions.clone(), r.target);
        let (roster, dropped) = match roster {
            Some(Ok(kept)) => (Some(Arc::new(kept)), Ok(())),
            Some(Err(why)) => (None, Err(why)),
            None => (None, Ok(())),
        };
        rules.roster = roster;
        self.validator.set_rules(rules, &self.doc);
        dropped
    }

    /// The encoding the file will be saved in: Shift_JIS makes some characters errors.
    pub fn set_target_encoding(&mut self, target: TextEncoding) {
        self.change_rules(|r| r.target = target);
    }

    /// Turns the check of the schema's row limit on or off and re-checks: off when the
    /// file will be saved in parts that each fit under the limit.
    pub fn set_check_row_limit(&mut self, on: bool) {
        self.change_rules(|r| r.check_row_limit = on);
    }

    /// The document was saved whole as a text file: it is that file's now, no longer a
    /// sheet of the workbook it was read from (the status bar, the journal and the "no
    /// users" message speak of the file).
    pub fn forget_workbook(&mut self) {
        if self.doc.workbook.take().is_some() {
            self.revision += 1;
        }
    }

    /// Replaces the file layout (used after "save as" in another encoding). A new
    /// separator is checked again: the file's warning about it goes or comes.
    pub fn set_meta(&mut self, meta: FileMeta) {
        self.revision += 1;
        let recheck = meta.separator != self.doc.meta.separator;
        self.doc.meta = meta;
        if recheck {
            let rules = self.rules().clone();
            self.validator.set_rules(rules, &self.doc);
        }
    }
}
