//! Where findings are stored and counted: every change to a cell's, a row's or the
//! file's findings goes through here, so the error and warning counts stay exact.

use super::{Code, FileFinding, Finding, FindingList, Msg, Severity, Validator};

fn slot(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
    }
}

impl Validator {
    pub(super) fn count(&mut self, s: Severity, delta: isize) {
        if let Some(t) = self.totals.get_mut(slot(s)) {
            *t = t.saturating_add_signed(delta);
        }
    }

    pub(super) fn count_cell(&mut self, col: usize, s: Severity, delta: isize) {
        self.count(s, delta);
        if let Some(n) = self
            .col_counts
            .get_mut(col)
            .and_then(|c| c.get_mut(slot(s)))
        {
            *n = n.saturating_add_signed(delta);
        }
    }

    pub(super) fn push_file(&mut self, f: FileFinding) {
        self.count(f.finding.severity, 1);
        self.file.push(f);
    }

    pub(super) fn put_cell(&mut self, row: usize, col: usize, fs: Vec<Finding>) {
        let key = (row as u32, col as u32);
        if let Some(old) = self.cells.remove(&key) {
            for f in old.iter() {
                self.count_cell(col, f.severity, -1);
            }
        }
        for f in &fs {
            self.count_cell(col, f.severity, 1);
        }
        if let Some(fs) = FindingList::new(fs) {
            self.cells.insert(key, fs);
        }
    }

    pub(super) fn put_row(&mut self, row: usize, fs: Vec<Finding>) {
        let key = row as u32;
        // The full check visits every row; most have nothing, before and after.
        if fs.is_empty() && self.rows.is_empty() {
            return;
        }
        if let Some(old) = self.rows.remove(&key) {
            for f in old.iter() {
                self.count(f.severity, -1);
            }
        }
        for f in &fs {
            self.count(f.severity, 1);
        }
        if let Some(fs) = FindingList::new(fs) {
            self.rows.insert(key, fs);
        }
    }

    /// Marks a kept cell a duplicate (once).
    pub(super) fn add_dup(&mut self, row: usize, col: usize) {
        let mut fs = self.cell_findings(row, col).to_vec();
        if attach_duplicate(&mut fs) {
            self.put_cell(row, col, fs);
        }
    }

    /// A kept cell's findings without its duplicate mark: what its own rules say.
    pub(super) fn own_findings_now(&self, row: usize, col: usize) -> Vec<Finding> {
        let mut fs = self.cell_findings(row, col).to_vec();
        fs.retain(|f| f.code != Code::Duplicate);
        fs
    }

    pub(super) fn remove_dup(&mut self, row: usize, col: usize) {
        let mut fs = self.cell_findings(row, col).to_vec();
        let before = fs.len();
        fs.retain(|f| f.code != Code::Duplicate);
        if fs.len() != before {
            self.put_cell(row, col, fs);
        }
    }
}

/// The one place a duplicate finding is made: attaches it to a cell's findings unless
/// they have it; returns whether it was attached.
pub(super) fn attach_duplicate(fs: &mut Vec<Finding>) -> bool {
    if fs.iter().any(|f| f.code == Code::Duplicate) {
        return false;
    }
    fs.push(Finding::new(Code::Duplicate, Msg::Duplicate));
    true
}
