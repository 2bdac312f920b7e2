//! The table's storage seen from outside: every way in (records, lines, codes), joined
//! parts, edits, and every way out (cells, scans, dictionaries) agree.

use super::column::ColumnCells;
use super::*;

#[test]
fn dictionary_with_many_values_finds_them_by_index() {
    let mut t = Table::new(1);
    let values: Vec<String> = (0..40).map(|i| format!("v{i}")).collect();
    for round in 0..3 {
        for v in &values {
            t.push_record(std::iter::once(v.as_str()), round);
        }
    }
    let (ids, distinct) = t.dictionary(0).unwrap();
    assert_eq!((ids.len(), distinct.len()), (120, 40));
    assert_eq!(t.cell(85, 0), "v5");
    t.set(85, 0, "v39");
    t.set(86, 0, "new");
    assert_eq!(
        (t.cell(85, 0), t.cell(86, 0), t.cell(5, 0)),
        ("v39", "new", "v5")
    );
    let (_, distinct) = t.dictionary(0).unwrap();
    assert_eq!(distinct.len(), 41);
}

#[test]
fn a_size_hint_too_big_to_have_is_ignored() {
    // Column 0 turns into text (300 distinct values), column 1 stays a dictionary.
    let mut t = Table::new(2);
    for i in 0..300 {
        t.push_record([format!("v{i}").as_str(), "1"].into_iter(), i);
    }
    // Asking for this much room would panic (capacity overflow): it is a hint only.
    t.reserve_rows(usize::MAX / 2);
    t.push_record(["last", "0"].into_iter(), 300);
    assert_eq!((t.cell(0, 0), t.cell(299, 1)), ("v0", "1"));
    assert_eq!((t.cell(300, 0), t.cell(300, 1)), ("last", "0"));
    assert!(t.dictionary(0).is_none());
}

#[test]
fn column_scans_give_each_rows_cell_in_any_order_and_after_edits() {
    // Two parts joined (two runs of text cells), Japanese text so a wrong offset
    // would cut a character; then rows deleted, moved and inserted, and cells edited.
    let part = |from: u32, n: u32| {
        let mut t = Table::new(2);
        for i in from..from + n {
            let name = format!("山田{i}");
            t.push_record(
                [name.as_str(), ["a", "b"][i as usize % 2]].into_iter(),
                i + 2,
            );
        }
        t
    };
    let mut t = part(0, 300);
    t.append(part(300, 300), 300);
    let check = |t: &Table, when: &str| {
        let want: Vec<&str> = (0..t.len()).map(|r| t.cell(r, 0)).collect();
        let got: Vec<&str> = t.column_values(0).collect();
        assert_eq!(got, want, "{when}");
        for (from, to) in [(0, 1), (250, 350), (299, 300), (599.min(t.len()), t.len())] {
            let got: Vec<&str> = t.column_values_in(0, from..to).collect();
            assert_eq!(got, want[from..to], "{when}: rows {from}..{to}");
        }
    };
    check(&t, "as read");
    assert_eq!((t.cell(299, 0), t.cell(300, 0)), ("山田299", "山田300"));
    let moved = t.remove_row(10).unwrap();
    t.remove_row(400);
    t.insert_row(500, &moved);
    t.insert_row(0, &["新".to_string(), "a".to_string()]);
    check(&t, "rows moved");
    t.set(5, 0, "編集");
    t.set(450, 0, "");
    check(&t, "cells edited");
}

/// A line of one field, offered as a one-byte code when `code` is set.
struct OneField {
    len: usize,
    code: Option<u8>,
    taken: bool,
}

impl OneField {
    fn new(v: &str, code: Option<u8>) -> Self {
        OneField {
            len: v.len(),
            code,
            taken: false,
        }
    }
}

impl LineFields for OneField {
    fn peek_code(&self) -> Option<u8> {
        self.code.filter(|_| !self.taken)
    }

    fn skip_code(&mut self) {
        self.taken = true;
    }

    fn next_range(&mut self) -> Option<std::ops::Range<usize>> {
        (!std::mem::replace(&mut self.taken, true)).then_some(0..self.len)
    }
}

#[test]
fn values_that_differ_only_in_length_order_or_one_byte_stay_apart() {
    // Packed short codes (a NUL byte, a swapped pair, seven bytes), keys of 8 to 16
    // bytes (one byte apart in the middle, a multi-byte character apart), longer
    // values; each is also pushed right after itself.
    let values = [
        "1",
        "1\0",
        "1\0\0",
        "10",
        "01",
        "\0",
        "",
        "1234567",
        "12345678",
        "12345670",
        "123456789",
        "abcdefghXjklmnop",
        "abcdefghYjklmnop",
        "abcdefghXjklmnopq",
        "山田 さくら",
        "山田 さくろ",
        "山本 葵",
    ];
    let n = values.len();
    let rows = || values.iter().chain(values.iter().rev());
    // Every way cells are stored: as text, as ranges of a line, and as ranges with
    // the one byte the reader already has.
    let mut by_text = Table::new(1);
    let mut by_range = Table::new(1);
    let mut by_byte = Table::new(1);
    for (i, v) in rows().enumerate() {
        by_text.push_record(std::iter::once(*v), i as u32);
        by_range.push_line(v, OneField::new(v, None), i as u32);
        let one = (v.len() == 1).then(|| v.as_bytes()[0]);
        by_byte.push_line(v, OneField::new(v, one), i as u32);
    }
    for t in [&mut by_text, &mut by_range, &mut by_byte] {
        for (i, v) in values.iter().enumerate() {
            assert_eq!((t.cell(i, 0), t.cell(2 * n - 1 - i, 0)), (*v, *v));
        }
        let (_, distinct) = t.dictionary(0).unwrap();
        assert_eq!(distinct.len(), n);
        t.set(0, 0, "01");
        t.set(1, 0, "abcdefghYjklmnop");
        t.set(2, 0, "12345678");
        assert_eq!(
            (t.cell(0, 0), t.cell(1, 0), t.cell(2, 0)),
            ("01", "abcdefghYjklmnop", "12345678")
        );
        let (_, distinct) = t.dictionary(0).unwrap();
        assert_eq!(distinct.len(), n);
    }
}

/// A table of `rows` rows whose column 0 is text (too many values for a dictionary).
fn text_table(rows: std::ops::Range<usize>) -> Table {
    let mut t = Table::new(2);
    for i in rows {
        let (a, b) = (format!("name{i}"), format!("{}", i % 3));
        t.push_record([a.as_str(), b.as_str()].into_iter(), i as u32 + 2);
    }
    t
}

#[test]
fn a_table_joined_from_parts_reads_and_edits_as_one_read_whole() {
    let mut joined = text_table(0..300);
    joined.append(text_table(300..700), 0);
    let mut whole = text_table(0..700);
    let same = |a: &Table, b: &Table| {
        a.len() == b.len() && (0..a.len()).all(|r| (0..2).all(|c| a.cell(r, c) == b.cell(r, c)))
    };
    assert!(same(&joined, &whole));
    assert_eq!(
        (joined.cell(299, 0), joined.cell(300, 0)),
        ("name299", "name300")
    );
    for t in [&mut joined, &mut whole] {
        t.set(650, 0, "edited");
        t.set(10, 0, "early");
        t.insert_row(5, &["inserted".to_string(), "1".to_string()]);
        t.remove_row(400);
        t.insert_row(usize::MAX, &["last".to_string(), "2".to_string()]);
    }
    assert!(same(&joined, &whole));
    assert_eq!(joined.cell(650, 0), "edited");
    assert_eq!(joined.cell(joined.len() - 1, 0), "last");
    assert_eq!(joined.columns.first().map(ColumnCells::len), Some(702));
}

#[test]
fn joined_dictionary_runs_read_and_write_every_row_in_its_run() {
    // Three parts whose dictionaries list the same codes in other orders (and one
    // a code of its own): joined, each row keeps its value, in every way it is read,
    // and an edit lands in its own row's run.
    let part = |codes: &[&str], rows: u32| {
        let mut t = Table::new(2);
        for r in 0..rows {
            let code = codes[r as usize % codes.len()];
            t.push_record([code, format!("t{r}").as_str()].into_iter(), r + 1);
        }
        t
    };
    let parts = [
        (vec!["0", "1"], 5),
        (vec!["1", "0", "2"], 7),
        (vec!["2", "0"], 4),
    ];
    let mut want: Vec<String> = Vec::new();
    let mut joined = Table::new(2);
    for (codes, rows) in &parts {
        want.extend((0..*rows).map(|r| codes[r as usize % codes.len()].to_string()));
        joined.append(part(codes, *rows), 0);
    }
    let check = |t: &Table, want: &[String]| {
        let (ids, values) = t.dictionary(0).unwrap();
        assert_eq!(ids.len(), want.len());
        for (row, w) in want.iter().enumerate() {
            assert_eq!(t.cell(row, 0), w, "row {row}");
            let id = ids.get(row as u32).unwrap();
            assert_eq!(&*values[usize::from(id)], w, "row {row}");
        }
        let scanned: Vec<&str> = t.column_values(0).collect();
        assert_eq!(scanned, want);
    };
    check(&joined, &want);
    // An edit in each run, and a new value.
    for (row, v) in [(0, "2"), (6, "2"), (13, "1"), (15, "9")] {
        joined.set(row, 0, v);
        want[row] = v.to_string();
    }
    check(&joined, &want);
    // Rows added after the join go to the last run.
    joined.push_record(["1", "x"].into_iter(), 99);
    want.push("1".to_string());
    check(&joined, &want);
}

#[test]
fn dictionary_turns_into_text_past_its_limit() {
    let mut t = Table::new(1);
    for i in 0..300 {
        t.push_record(std::iter::once(format!("x{i}").as_str()), 0);
    }
    assert!(t.dictionary(0).is_none());
    assert_eq!(t.cell(299, 0), "x299");
    assert_eq!(t.cell(0, 0), "x0");
}

#[test]
fn only_a_restore_brings_back_the_row_deleted_last() {
    // A blank row read with two fields too many, deleted.
    let deleted = || {
        let mut t = Table::new(2);
        t.push_record(["a", "b"].into_iter(), 2);
        t.push_record(["", "", "", ""].into_iter(), 3);
        let cells = t.remove_row(1).unwrap();
        (t, cells)
    };
    let (mut inserted, cells) = deleted();
    inserted.insert_row(1, &cells);
    assert_eq!(inserted.extra_fields(1), &[] as &[String]);
    assert_eq!(inserted.source_line(1), None);
    assert_eq!(inserted.field_count(1), 2);
    let (mut restored, cells) = deleted();
    restored.restore_row(1, &cells);
    assert_eq!(restored.extra_fields(1), ["", ""]);
    assert_eq!(restored.source_line(1), Some(3));
    assert_eq!(restored.field_count(1), 4);
    assert_eq!(restored.physical_len(), 2);
    // Other cells than the deleted row's go in as a new row.
    restored.remove_row(1);
    restored.restore_row(0, &["x".to_string(), "y".to_string()]);
    assert_eq!((restored.cell(0, 0), restored.source_line(0)), ("x", None));
}
