//! How a cell's or a row's findings are kept. Most places hold one finding, and clearing
//! a whole sheet makes a million blank rows: a list is kept at its own length (a `Vec`
//! grown by one push holds room for four), and the blank-row finding, the same for
//! every row, is not copied per row at all (a million copies held 512 MB).

use super::{Code, Finding, Msg, Severity};
use std::ops::Deref;

/// The one blank-row finding every blank row points at.
static BLANK_ROW: [Finding; 1] = [Finding {
    code: Code::BlankRow,
    severity: Severity::Warning,
    msg: Msg::BlankRow,
}];

/// The findings of one place (never none: a place without findings is not kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FindingList {
    /// A blank row's one finding.
    BlankRow,
    /// Any other findings, in the order found.
    Listed(Box<[Finding]>),
}

impl FindingList {
    /// The list to keep for `fs`; None when there is nothing to keep.
    pub(super) fn new(fs: Vec<Finding>) -> Option<FindingList> {
        if fs.is_empty() {
            None
        } else if fs[..] == BLANK_ROW[..] {
            Some(FindingList::BlankRow)
        } else {
            Some(FindingList::Listed(fs.into_boxed_slice()))
        }
    }

    pub(super) fn as_slice(&self) -> &[Finding] {
        match self {
            FindingList::BlankRow => &BLANK_ROW,
            FindingList::Listed(fs) => fs,
        }
    }
}

impl Deref for FindingList {
    type Target = [Finding];

    fn deref(&self) -> &[Finding] {
        self.as_slice()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_blank_row_finding_is_the_one_the_rules_make() {
        let made = Finding::new(Code::BlankRow, Msg::BlankRow);
        assert_eq!(BLANK_ROW[0], made);
        let kept = FindingList::new(vec![made.clone()]);
        assert_eq!(kept, Some(FindingList::BlankRow));
        assert_eq!(kept.as_deref(), Some(&[made][..]));
    }

    #[test]
    fn other_lists_are_kept_as_found_and_an_empty_one_not_at_all() {
        assert_eq!(FindingList::new(Vec::new()), None);
        let fs = vec![
            Finding::new(Code::BlankRow, Msg::BlankRow),
            Finding::new(Code::NoChange, Msg::NoChange),
        ];
        let kept = FindingList::new(fs.clone()).expect("kept");
        assert!(matches!(kept, FindingList::Listed(_)));
        assert_eq!(&kept[..], &fs[..]);
    }
}
