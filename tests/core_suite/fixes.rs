//! Fixes never create an issue: each proposal says what it would cause (judged together
//! with the fixes proposed beside it) and such a fix is never applied; the characters a
//! fix changes are found; and the newer safe fixes (a spreadsheet's `.0`, spaces inside a
//! Login ID, hyphens in an extension for one cell only).

use crate::common::*;
use bulksheet::Code;
use bulksheet::fix::{
    FixKind, apply as apply_fixes, changed_chars, judge, propose_all, propose_cell,
};

#[test]
fn a_fix_that_would_duplicate_another_row_says_so_and_is_not_applied() {
    let mut s = with_cells(3, &[(0, EXT, "123"), (2, EXT, "１２３")], &[]);
    let fixes = propose_all(&s);
    assert_eq!(fixes.len(), 1, "{fixes:?}");
    let f = &fixes[0];
    assert_eq!((f.row, f.new.as_str()), (2, "123"));
    assert!(!f.is_safe());
    let codes: Vec<(usize, Code)> = f.creates.iter().map(|n| (n.row, n.code)).collect();
    assert!(codes.contains(&(2, Code::Duplicate)), "{codes:?}");
    let n = f.creates.iter().find(|n| n.row == 2).unwrap();
    assert_eq!(n.others, vec![0]);
    assert_eq!(n.column.as_deref(), Some("Extension number"));
    assert!(
        n.message(bulksheet::validate::Lang::En)
            .contains("also used in row 1"),
        "{}",
        n.message(bulksheet::validate::Lang::En)
    );
    let before = s.errors();
    assert!(!apply_fixes(&mut s, &fixes), "nothing safe to apply");
    assert_eq!(s.cell(2, EXT), "１２３");
    assert_eq!(s.errors(), before);
}

#[test]
fn fixes_proposed_together_are_judged_together() {
    // Neither value is `123` yet: each fix alone is fine, both together collide.
    let mut s = with_cells(
        4,
        &[
            (1, EXT, "１２３"),
            (2, EXT, "123 "),
            (3, LOGIN, "d＠example.com"),
        ],
        &[],
    );
    let alone = judge(&s, vec![propose_cell(&s, 1, EXT).unwrap()]);
    assert!(alone[0].is_safe(), "{alone:?}");
    let fixes = propose_all(&s);
    let verdict: Vec<(usize, usize, bool)> =
        fixes.iter().map(|f| (f.row, f.col, f.is_safe())).collect();
    assert_eq!(
        verdict,
        vec![(1, EXT, false), (2, EXT, false), (3, LOGIN, true)]
    );
    for f in &fixes[..2] {
        assert_eq!(f.creates[0].code, Code::Duplicate, "{f:?}");
    }
    assert!(apply_fixes(&mut s, &fixes));
    assert_eq!(s.cell(1, EXT), "１２３");
    assert_eq!(s.cell(2, EXT), "123 ");
    assert_eq!(s.cell(3, LOGIN), "d@example.com");
    assert!(
        s.issues().iter().all(|i| i.code != Code::Duplicate),
        "Fix all made no duplicate"
    );
}

#[test]
fn a_login_id_differing_only_in_case_is_a_duplicate_too() {
    let s = with_cells(
        2,
        &[
            (0, LOGIN, "Ann@example.com"),
            (1, LOGIN, "ann＠example.com"),
        ],
        &[],
    );
    let fixes = propose_all(&s);
    assert_eq!(fixes.len(), 1);
    assert!(!fixes[0].is_safe());
    // One clash, one issue: the row already holding the value is named in it.
    let got: Vec<(usize, Vec<usize>)> = fixes[0]
        .creates
        .iter()
        .map(|n| (n.row, n.others.clone()))
        .collect();
    assert_eq!(got, vec![(1, vec![0])]);
}

#[test]
fn the_changed_characters_are_marked() {
    let (old, new) = changed_chars("bob＠example.com", "bob@example.com");
    let marked = |flags: &[bool]| flags.iter().positions();
    assert_eq!(marked(&old), vec![3]);
    assert_eq!(marked(&new), vec![3]);
    let (old, new) = changed_chars(" Hanako ", "Hanako");
    assert_eq!(marked(&old), vec![0, 7]);
    assert_eq!(marked(&new), Vec::<usize>::new());
    let (old, new) = changed_chars("123-4", "1234");
    assert_eq!((marked(&old), marked(&new)), (vec![3], vec![]));
    // Long values are compared by their ends only, and still mark the middle.
    let long_old = format!("{}＠{}", "a".repeat(600), "b".repeat(600));
    let long_new = long_old.replace('＠', "@");
    let (old, new) = changed_chars(&long_old, &long_new);
    assert_eq!((marked(&old), marked(&new)), (vec![600], vec![600]));
}

trait Positions {
    fn positions(self) -> Vec<usize>;
}

impl<'a, I: Iterator<Item = &'a bool>> Positions for I {
    fn positions(self) -> Vec<usize> {
        self.enumerate()
            .filter(|(_, b)| **b)
            .map(|(i, _)| i)
            .collect()
    }
}

fn proposed(s: &bulksheet::Sheet) -> Vec<(usize, usize, String, FixKind)> {
    propose_all(s)
        .into_iter()
        .map(|f| (f.row, f.col, f.new, f.kind))
        .collect()
}

#[test]
fn a_spreadsheet_number_with_zero_decimals_loses_them() {
    let s = with_cells(
        6,
        &[
            (0, EXT, "101.0"),
            (1, EXT, "１０２．００"),
            (2, EXT, "103.5"),
            (3, LOCALE, "1.0"),
            (4, TZ, "10.00"),
            (5, LOCALE, "0.5"),
        ],
        &[],
    );
    assert_eq!(
        proposed(&s),
        vec![
            (0, EXT, "101".into(), FixKind::ExcelNumber),
            (1, EXT, "102".into(), FixKind::ExcelNumber),
            (3, LOCALE, "1".into(), FixKind::ExcelNumber),
            (4, TZ, "10".into(), FixKind::ExcelNumber),
            // 103.5 and 0.5 are not whole numbers: left alone.
        ]
    );
}

#[test]
fn spaces_inside_a_login_id_are_removed() {
    let s = with_cells(
        3,
        &[
            (0, LOGIN, "user 0@example.com"),
            (1, LOGIN, " user1 @ example.com"),
            (2, LOGIN, "user　2＠example.com"),
        ],
        &[],
    );
    assert_eq!(
        proposed(&s),
        vec![
            (0, LOGIN, "user0@example.com".into(), FixKind::RemoveSpaces),
            (1, LOGIN, "user1@example.com".into(), FixKind::RemoveSpaces),
            (2, LOGIN, "user2@example.com".into(), FixKind::RemoveSpaces),
        ]
    );
}

#[test]
fn hyphens_in_an_extension_are_a_fix_of_that_cell_only() {
    let s = with_cells(
        3,
        &[
            (0, EXT, "123-4"),
            (1, EXT, "12 34"),
            (2, EXT, "１２３－４５"),
        ],
        &[],
    );
    for (row, want) in [(0, "1234"), (1, "1234"), (2, "12345")] {
        let f = propose_cell(&s, row, EXT).unwrap();
        assert_eq!((f.new.as_str(), f.kind), (want, FixKind::RemoveHyphens));
        assert!(f.kind.cell_only());
    }
    assert_eq!(proposed(&s), vec![], "not in Fix all");
    // Judged like any fix: rows 0 and 1 would both become 1234.
    let both = judge(
        &s,
        vec![
            propose_cell(&s, 0, EXT).unwrap(),
            propose_cell(&s, 1, EXT).unwrap(),
        ],
    );
    assert!(both.iter().all(|f| !f.is_safe()));
}

#[test]
fn a_trim_that_would_reveal_a_formula_is_left_too() {
    // ` =1+1` is only a warning for its spaces; trimmed, a spreadsheet would run it.
    let s = with_cells(2, &[(0, NAME, " =1+1"), (1, NAME, " Hanako ")], &[]);
    let fixes = propose_all(&s);
    let verdict: Vec<(usize, bool)> = fixes.iter().map(|f| (f.row, f.is_safe())).collect();
    assert_eq!(verdict, vec![(0, false), (1, true)]);
    assert_eq!(fixes[0].creates[0].code, Code::Formula);
}

#[test]
fn a_fix_the_roster_would_disagree_with_is_left_too() {
    // The console gives extension 201 to user 0: row 1 writing it would clash there.
    let mut s = with_cells(2, &[(1, EXT, "２０１")], &[]);
    let roster_text = "Login ID,User name,Extension number\r\nuser0@example.com,User 0,201\r\nuser1@example.com,User 1,1001\r\n";
    let roster_doc = bulksheet::io::read_bytes(roster_text.as_bytes(), None).unwrap();
    let roster = bulksheet::roster::Roster::from_document(&roster_doc, &miitel()).unwrap();
    s.set_roster(Some(std::sync::Arc::new(roster)));
    let fixes = propose_all(&s);
    assert_eq!(fixes.len(), 1, "{fixes:?}");
    assert_eq!(fixes[0].new, "201");
    let codes: Vec<Code> = fixes[0].creates.iter().map(|n| n.code).collect();
    assert_eq!(codes, vec![Code::Roster]);
}

/// Every cell, the issues, the undo list, the review and the revision: what judging must
/// leave as it found them.
fn state(s: &bulksheet::Sheet) -> (Vec<String>, Vec<bulksheet::Issue>, usize, usize, u64) {
    let cells = (0..s.doc().rows())
        .flat_map(|r| (0..s.doc().width()).map(move |c| s.cell(r, c).to_string()))
        .collect();
    (
        cells,
        s.issues(),
        s.history().len(),
        s.changes().len(),
        s.revision(),
    )
}

/// Fixes judged by laying them over the sheet: the sheet (its revision and history too)
/// is left as it was, and the judgement is what applying them would show: the safe ones
/// together cause no issue, and with every fix applied each held one's issues are there.
#[test]
fn fixes_judged_read_only_leave_the_sheet_as_it_was_and_match_applying_them() {
    let mut s = with_cells(
        6,
        &[
            (1, EXT, "１２３"),
            (2, EXT, "123 "),
            (3, LOGIN, "d＠example.com"),
            (4, EXT, "４５６"),
            (5, LOGIN, "user0@example.com "),
        ],
        &[],
    );
    // An edit before, so the review already holds a value as opened.
    assert!(s.set_cell(0, EXT, "９９９"));
    let before = state(&s);
    let fixes = propose_all(&s);
    assert_eq!(state(&s), before);
    assert!(fixes.iter().any(|f| !f.is_safe()), "some fixes held");
    assert!(fixes.iter().any(|f| f.is_safe()), "some fixes safe");
    let old = places(&s);
    let mut safe = s.clone();
    assert!(apply_fixes(&mut safe, &fixes));
    for p in places(&safe) {
        assert!(old.contains(&p), "a safe fix caused {p:?}");
    }
    // Every fix here is held in the first round (all of them tried together).
    let mut all = s.clone();
    let every: Vec<_> = fixes
        .iter()
        .map(|f| (f.row, f.col, f.new.clone()))
        .collect();
    assert!(all.set_cells(every));
    let now = places(&all);
    for held in fixes.iter().filter(|f| !f.is_safe()) {
        for n in &held.creates {
            let place = (n.row + 1, n.column.clone(), n.code);
            assert!(now.contains(&place), "{place:?} not caused by {held:?}");
        }
    }
}
