//! The issue list as the window lists it (`issue_groups`): built in parts over frames it is
//! the list built whole, grouped as the window groups it; the list shown stays the last
//! whole one until the next is whole, and a change during a build starts it again.

use crate::common::*;
use crate::incremental_random::{starting_sheets, step};
use bulksheet::Sheet;
use bulksheet::issue_groups::{Entry, GroupTitle, GroupedIssues, Grouping};
use bulksheet::validate::{IssuePlace, PlacesFrom};
use std::time::Duration;

/// The list's lines as grouping them by sorting gives them: by row in place order; by
/// column with a stable sort on (column, whole rows last; row).
fn grouped_by_sorting(places: &[IssuePlace], grouping: Grouping) -> Vec<Entry> {
    let mut order: Vec<usize> = (0..places.len()).collect();
    if grouping == Grouping::Column {
        order.sort_by_key(|&i| (places[i].col.unwrap_or(usize::MAX), places[i].row));
    }
    let mut out = Vec::new();
    let mut current = None;
    for i in order {
        let title = GroupTitle::of(&places[i], grouping);
        if current != Some(title) {
            out.push(Entry::Group(title));
            current = Some(title);
        }
        out.push(Entry::Issue(i as u32));
    }
    out
}

/// Builds in parts of `part` places, one part a call, until the list is current; returns
/// how many calls it took.
fn build_in_parts(list: &mut GroupedIssues, s: &Sheet, grouping: Grouping, part: usize) -> usize {
    let mut calls = 1;
    while !list.refresh(s, grouping, part, Duration::ZERO) {
        calls += 1;
        assert!(calls < 1_000_000, "the build never ends");
    }
    calls
}

#[test]
fn places_in_parts_are_the_places_built_whole_through_random_edits() {
    let mut checked = 0;
    for seed in 0..4u64 {
        for (name, start) in starting_sheets() {
            let mut rng = Rng::new(seed * 31 + name.len() as u64);
            let mut s = start;
            for step_no in 0..20 {
                step(&mut s, &mut rng);
                let whole = s.issue_places();
                for part in [1, 2, 5, 64] {
                    let mut built = Vec::new();
                    let mut from = PlacesFrom::START;
                    let mut parts = 0;
                    while let Some(next) = s.issue_places_part(from, &mut built, part) {
                        from = next;
                        parts += 1;
                    }
                    assert_eq!(
                        built, whole,
                        "{name} seed {seed} step {step_no} part {part}"
                    );
                    if part == 1 {
                        // A part of one place: each row's own findings and each cell's,
                        // one group a part (the file's come with the first).
                        let mut groups: Vec<_> = whole
                            .iter()
                            .filter(|p| p.row > 0)
                            .map(|p| (p.row, p.col))
                            .collect();
                        groups.dedup();
                        assert_eq!(parts + 1, groups.len().max(1), "{name}");
                    }
                }
                checked += whole.len();
            }
        }
    }
    assert!(checked > 1_000, "issues were there to compare ({checked})");
}

#[test]
fn the_list_built_over_frames_is_grouped_as_sorting_groups_it() {
    for seed in 0..3u64 {
        for (name, start) in starting_sheets() {
            let mut rng = Rng::new(seed * 7 + name.len() as u64);
            let mut s = start;
            let mut list = GroupedIssues::default();
            for step_no in 0..12 {
                step(&mut s, &mut rng);
                for grouping in [Grouping::Row, Grouping::Column] {
                    for part in [1, 3, usize::MAX] {
                        let calls = build_in_parts(&mut list, &s, grouping, part);
                        assert!(list.is_current(&s, grouping));
                        assert_eq!(list.places(), s.issue_places().as_slice());
                        assert_eq!(
                            list.entries(),
                            grouped_by_sorting(list.places(), grouping).as_slice(),
                            "{name} seed {seed} step {step_no} {grouping:?} part {part}"
                        );
                        if part == usize::MAX {
                            assert_eq!(calls, 1, "a whole build in one call");
                        }
                        // Built again from scratch by the next grouping or part size.
                        list = GroupedIssues::default();
                    }
                }
            }
        }
    }
}

#[test]
fn the_last_whole_list_is_shown_until_the_next_is_whole_and_a_change_starts_it_again() {
    let mut s = sheet(&valid_csv(60));
    for row in 0..60 {
        // A wrong time zone in every row: one issue a row.
        s.set_cell(row, col("Time zone"), "99");
    }
    let mut list = GroupedIssues::default();
    list.refresh_whole(&s, Grouping::Row);
    let before = list.places().to_vec();
    let before_lines = list.entries().to_vec();
    assert!(before.len() >= 60, "{}", before.len());

    // Fixing the first row changes the sheet: the new list is built a place a frame.
    s.set_cell(0, col("Time zone"), "9");
    assert!(!list.is_current(&s, Grouping::Row));
    assert!(!list.refresh(&s, Grouping::Row, 1, Duration::ZERO));
    assert!(!list.refresh(&s, Grouping::Row, 1, Duration::ZERO));
    assert_eq!(list.building(), Some(2));
    assert_eq!(
        list.places(),
        before.as_slice(),
        "the last whole list is still shown"
    );
    assert_eq!(list.entries(), before_lines.as_slice());

    // Another change while it is built: the build starts again, for the sheet as it is.
    s.set_cell(1, col("Time zone"), "9");
    assert!(!list.refresh(&s, Grouping::Row, 1, Duration::ZERO));
    assert_eq!(list.building(), Some(1));
    build_in_parts(&mut list, &s, Grouping::Row, 1);
    assert_eq!(list.building(), None);
    assert_eq!(list.places(), s.issue_places().as_slice());
    assert_eq!(list.places().len(), before.len() - 2);
    let rows: Vec<usize> = list.places().iter().map(|p| p.row).collect();
    assert!(
        !rows.contains(&1) && !rows.contains(&2) && rows.contains(&3),
        "{rows:?}"
    );
}

#[test]
fn the_grouping_shown_changes_when_the_list_grouped_anew_is_whole() {
    let mut s = sheet(&valid_csv(30));
    for row in [2, 7, 9] {
        s.set_cell(row, col("Time zone"), "99");
    }
    assert_eq!(s.issues().len(), 3);
    let mut list = GroupedIssues::default();
    assert_eq!(list.grouping(), None);
    list.refresh_whole(&s, Grouping::Row);
    assert_eq!(list.grouping(), Some(Grouping::Row));
    let by_row = list.entries().to_vec();
    assert!(!list.refresh(&s, Grouping::Column, 1, Duration::ZERO));
    assert_eq!(
        list.grouping(),
        Some(Grouping::Row),
        "the lines shown are still by row"
    );
    assert_eq!(list.entries(), by_row.as_slice());
    build_in_parts(&mut list, &s, Grouping::Column, 1);
    assert_eq!(list.grouping(), Some(Grouping::Column));
    assert!(matches!(
        list.entries()[0],
        Entry::Group(GroupTitle::Column(_))
    ));
}

#[test]
fn a_place_and_a_line_of_the_list_stay_small() {
    // A whole-sheet clear lists a million places and two million lines.
    assert!(std::mem::size_of::<bulksheet::validate::IssuePlace>() <= 32);
    assert!(std::mem::size_of::<Entry>() <= 12);
}
