//! The window's whole-sheet actions on a 1,000,000-row sheet with some errors, each through
//! the core calls the window makes: sort by a column and "only rows with errors"
//! (`view::visible_rows`, as the grid's row view rebuilds), find all (`find::find_all`, as
//! the find panel refreshes), replace all (`find::replace_all`), the "Fix all" preview
//! (`fix::propose_all`, which judges the fixes together) and select all + Delete (one
//! block step emptying every cell, `Sheet::clear_cells`) and its undo. Bound: 100 ms
//! each, or the action must run off the frame with progress and Cancel (select all +
//! Delete and its undo: within about a second on the frame, issue #29).
//!
//! The window runs the long ones off the frame: a sort of many rows on another thread
//! (timed here: the part left on the frame, `sort_gather`), and replace all's search a
//! slice per frame (`app/long_replace.rs`: the longest slice is what a frame pays), its
//! replacements then written as one block step. The "Fix all" preview reads the sheet
//! only (the fixes laid over it).
//!
//! An action far over the bound is timed a few times by hand instead of by criterion (once
//! when it takes more than half a minute), so the whole run stays within minutes.

mod support;

use bulksheet::Sheet;
use bulksheet::find::{Query, Replacements, find_all, replace_all};
use bulksheet::issue_groups::{self, GroupedIssues, Grouping};
use bulksheet::journal::{JournalEntry, Origin};
use bulksheet::view::{SortInput, ViewSpec, filtered_rows, visible_rows};
use criterion::Criterion;
use std::time::{Duration, Instant};
use support::{MILLION, SEED, Samples, bound_line, ms, open_sheet, thread_cpu, timed};

const LOGIN: usize = 0;
const EXTENSION: usize = 2;
const BOUND: f64 = 0.1;
const SAMPLES: usize = 10;
/// A first run longer than this is timed by hand (`HAND_RUNS` runs) instead of by
/// criterion, which would take at least eleven.
const CRITERION_LIMIT: Duration = Duration::from_secs(3);
const HAND_RUNS: usize = 3;
/// A first run longer than this is the figure: a few minutes of the whole run each.
const ONE_RUN_LIMIT: Duration = Duration::from_secs(30);

/// The generated file with errors every few hundred rows, as an export that needs a
/// cleanup has: Login IDs with a trailing space (fix: trim), Extension numbers in
/// full-width digits (fix: half-width; every 100,000th takes the next row's number, so
/// its fix would make a duplicate and is held), and Login IDs without an `@` (no fix).
fn sheet_with_errors(n: usize) -> Sheet {
    let text = bulksheet::sample_data::miitel_csv(n, SEED);
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
    for i in 0..n {
        let line = i + 1;
        let kind = i % 1_000;
        if !matches!(kind, 100 | 400 | 700) {
            continue;
        }
        let Some(text) = lines.get(line) else {
            continue;
        };
        let mut fields: Vec<String> = text.split(',').map(str::to_string).collect();
        match kind {
            100 => fields[LOGIN].push(' '),
            400 => {
                let from = if i % 100_000 == 400 {
                    lines
                        .get(line + 1)
                        .and_then(|l| l.split(',').nth(EXTENSION))
                        .unwrap_or("")
                        .to_string()
                } else {
                    fields[EXTENSION].clone()
                };
                fields[EXTENSION] = from
                    .chars()
                    .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
                    .collect();
            }
            _ => fields[LOGIN] = fields[LOGIN].replace('@', "_at_"),
        }
        lines[line] = fields.join(",");
    }
    open_sheet(lines.join("\r\n").as_bytes())
}

/// One action's median time and how it was taken.
struct Figure {
    what: String,
    seconds: f64,
    how: String,
}

/// Times `run` by criterion when one run is short enough, by hand otherwise. `run` gets
/// the sheet and returns what it made (dropped outside the timed span); `reset` puts the
/// sheet back between runs, untimed.
fn measure<T>(
    c: &mut Criterion,
    name: &str,
    what: &str,
    sheet: &mut Sheet,
    mut run: impl FnMut(&mut Sheet) -> T,
    mut reset: impl FnMut(&mut Sheet),
) -> Option<Figure> {
    println!("{name}: {what}");
    // `cargo bench --bench whole_sheet -- sort` runs the actions named so only.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_some_and(|f| !name.contains(f.as_str())) {
        return None;
    }
    let start = Instant::now();
    let out = std::hint::black_box(run(sheet));
    let first = start.elapsed();
    drop(out);
    let start = Instant::now();
    reset(sheet);
    let reset_time = start.elapsed();
    // The first run is the one a user meets: an edit's first run also records every
    // cell's value as opened (for the review), which later runs find done.
    println!(
        "{name}: first run {}, putting back {}",
        ms(first.as_secs_f64()),
        ms(reset_time.as_secs_f64())
    );
    if first > ONE_RUN_LIMIT {
        return Some(Figure {
            what: what.to_string(),
            seconds: first.as_secs_f64(),
            how: "one run by hand".to_string(),
        });
    }
    if first > CRITERION_LIMIT {
        let mut times = vec![first.as_secs_f64()];
        for _ in 1..HAND_RUNS {
            let start = Instant::now();
            let out = std::hint::black_box(run(sheet));
            times.push(start.elapsed().as_secs_f64());
            drop(out);
            reset(sheet);
        }
        times.sort_by(f64::total_cmp);
        println!("{name}: by hand, {HAND_RUNS} runs: {times:?} s");
        return Some(Figure {
            what: what.to_string(),
            seconds: times[times.len() / 2],
            how: format!("median of {HAND_RUNS} runs by hand"),
        });
    }
    let samples = Samples::default();
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += timed(&samples, 1, || run(sheet));
                reset(sheet);
            }
            total
        })
    });
    Some(Figure {
        what: what.to_string(),
        seconds: samples.median(SAMPLES),
        how: format!("criterion, median of {SAMPLES}"),
    })
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(SAMPLES)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_millis(500))
        .configure_from_args();
    let mut sheet = sheet_with_errors(MILLION);
    println!(
        "sheet: {} rows x {} columns, {} errors, {} warnings",
        sheet.doc().rows(),
        sheet.doc().width(),
        sheet.errors(),
        sheet.warnings()
    );
    let keep = |_: &mut Sheet| {};
    let mut figures = Vec::new();

    for (name, what, spec) in [
        (
            "sort_login_id",
            "sort by Login ID (text)",
            ViewSpec {
                sort: Some((LOGIN, false)),
                ..ViewSpec::default()
            },
        ),
        (
            "sort_extension",
            "sort by Extension number (numbers)",
            ViewSpec {
                sort: Some((EXTENSION, false)),
                ..ViewSpec::default()
            },
        ),
        (
            "errors_only",
            "only rows with errors",
            ViewSpec {
                errors_only: true,
                ..ViewSpec::default()
            },
        ),
    ] {
        figures.push(measure(
            &mut c,
            name,
            what,
            &mut sheet,
            |s| visible_rows(s, &spec),
            keep,
        ));
    }

    // What the window does on the frame before a sort goes to another thread: the rows
    // the filters let through, and the column's cells copied out.
    figures.push(measure(
        &mut c,
        "sort_gather",
        "sort by Login ID, the part on the frame (rows, cells copied out)",
        &mut sheet,
        |s| SortInput::gather(s, filtered_rows(s, &ViewSpec::default()), LOGIN),
        keep,
    ));

    let query = Query {
        text: "Yamada".into(),
        ..Query::default()
    };
    let shown = find_all(&sheet, &query).len();
    figures.push(measure(
        &mut c,
        "find_all",
        &format!("find all \"Yamada\", any column, any case ({shown} cells)"),
        &mut sheet,
        |s| find_all(s, &query),
        keep,
    ));

    let query = Query {
        text: "example.co.jp".into(),
        column: Some(LOGIN),
        ..Query::default()
    };
    let shown = find_all(&sheet, &query).len();
    figures.push(measure(
        &mut c,
        "replace_all",
        &format!("replace all \"example.co.jp\" in Login ID ({shown} cells)"),
        &mut sheet,
        |s| replace_all(s, &query, "example.jp"),
        |s| {
            s.undo();
        },
    ));

    let shown = bulksheet::fix::propose_all(&sheet);
    let held = shown.iter().filter(|f| !f.is_safe()).count();
    figures.push(measure(
        &mut c,
        "fix_all_preview",
        &format!("\"Fix all\" preview ({} fixes, {held} held)", shown.len()),
        &mut sheet,
        |s| bulksheet::fix::propose_all(s),
        keep,
    ));
    drop(shown);

    // Select all + Delete: every cell, one block step emptying them (what
    // `clipboard::clear_selection` asks of `Sheet::fill_cells`), then its undo.
    let (rows, width) = (sheet.doc().rows(), sheet.doc().width());
    let (all_rows, all_cols): (Vec<usize>, Vec<usize>) =
        ((0..rows).collect(), (0..width).collect());
    let clear_all = move |s: &mut Sheet| {
        assert!(s.clear_cells(&all_rows, &all_cols));
    };
    figures.push(measure(
        &mut c,
        "select_all_delete",
        "select all + Delete (one edit clearing every cell)",
        &mut sheet,
        clear_all,
        |s| {
            s.undo();
        },
    ));
    sheet.redo();
    figures.push(measure(
        &mut c,
        "undo_select_all_delete",
        "undo of select all + Delete",
        &mut sheet,
        |s| assert!(s.undo()),
        |s| {
            s.redo();
        },
    ));
    // Leave the sheet as opened (the last reset redid the delete).
    sheet.undo();

    // The window searches for replace all over frames (`app/long_replace.rs`): what
    // bounds a frame is the longest slice, timed here with the window's slice size.
    let stepped = frame_figures(&mut sheet);

    c.final_summary();
    for f in figures.into_iter().flatten().chain(stepped) {
        bound_line(
            &format!("{} at 1000000 rows ({})", f.what, f.how),
            f.seconds,
            &ms(f.seconds),
            BOUND,
            "100 ms",
        );
    }
}

/// Cells one slice of replace all's search covers in the window
/// (`app/long_replace.rs`).
const REPLACE_CELLS_PER_SLICE: usize = 120_000;

/// Replace all as the window runs it (the search a slice at a time, the replacements
/// one block step), the journal with every cell changed, and the issue list after a
/// whole-sheet clear.
fn frame_figures(sheet: &mut Sheet) -> Vec<Figure> {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_some_and(|f| !"stepped".contains(f.as_str()) && !f.contains("stepped")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let query = Query {
        text: "example.co.jp".into(),
        column: Some(LOGIN),
        ..Query::default()
    };
    let rows = sheet.doc().rows();
    // One column searched.
    let per_slice = REPLACE_CELLS_PER_SLICE;
    let mut found = Replacements::default();
    let (longest, total) = slices(|i| {
        let from = i * per_slice;
        let to = (from + per_slice).min(rows);
        found.gather(sheet, &query, "example.jp", from..to);
        to >= rows
    });
    out.extend(stepped_lines(
        "replace all's search over frames",
        longest,
        total,
    ));
    let t = Instant::now();
    assert!(found.write(sheet));
    let write = t.elapsed().as_secs_f64();
    println!(
        "replace all: {} cells written as one block step in {}",
        found.len(),
        ms(write)
    );
    out.push(Figure {
        what: format!("replace all's block step ({} cells)", found.len()),
        seconds: write,
        how: "one run".to_string(),
    });
    // With the cells full: what a journal of every row costs (when the file was saved
    // without some rows, the journal cannot replay steps onto it).
    out.push(journal_figure(
        sheet,
        "the recovery journal's entry holding every row",
        false,
    ));
    sheet.undo();

    let all_rows: Vec<usize> = (0..rows).collect();
    let all_cols: Vec<usize> = (0..sheet.doc().width()).collect();
    assert!(sheet.clear_cells(&all_rows, &all_cols));
    out.push(journal_figure(
        sheet,
        "the recovery journal's entry after select all + Delete",
        true,
    ));
    out.push(issue_list_figure(sheet));
    sheet.undo();
    out
}

/// What the window does on the frame when it journals the unsaved edits (the entry is
/// written to disk on another thread), with a step of every cell in the history.
fn journal_figure(sheet: &Sheet, what: &str, base_is_file: bool) -> Figure {
    let origin = Origin::of_bytes("bench.csv", b"");
    let (cpu_before, faults_before) = (thread_cpu(), minor_faults());
    let t = Instant::now();
    let pending = JournalEntry::pending(sheet, origin, base_is_file);
    let took = t.elapsed().as_secs_f64();
    let (cpu, faults) = (thread_cpu() - cpu_before, minor_faults() - faults_before);
    let pending = pending.expect("the sheet has unsaved edits");
    if !base_is_file {
        // The entry of every row copies the document: that copy alone, again with memory
        // freed by the one before, costs this without the first touch of fresh pages.
        let warm = (0..3)
            .map(|_| {
                let t = Instant::now();
                drop(std::hint::black_box(sheet.doc().clone()));
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min);
        println!("{what}: a copy of the document, warm: {}", ms(warm));
    }
    // The rest is done on the journal writer's thread.
    let t = Instant::now();
    drop(pending.finish());
    let off_frame = t.elapsed().as_secs_f64();
    println!(
        "{what}: {} on the frame ({} of CPU, {faults} page faults), {} on the writer's thread",
        ms(took),
        ms(cpu.as_secs_f64()),
        ms(off_frame)
    );
    Figure {
        what: format!("{what}, on the frame"),
        seconds: took,
        how: "one run".to_string(),
    }
}

/// What the issue list rebuilds after an edit: every issue's place and its group (the
/// window puts into words only the lines on screen), built whole and, as the window
/// builds it, in parts over frames; every issue in words beside it.
fn issue_list_figure(sheet: &Sheet) -> Figure {
    let mut places = Vec::new();
    let t = Instant::now();
    sheet.issue_places_into(&mut places);
    let first = t.elapsed().as_secs_f64();
    // Every later rebuild refills the same list, as the window's does.
    let t = Instant::now();
    sheet.issue_places_into(&mut places);
    let whole = t.elapsed().as_secs_f64();
    let n = places.len();
    let t = Instant::now();
    drop(sheet.issues_in(bulksheet::validate::Lang::En));
    let worded = t.elapsed().as_secs_f64();
    // As the window builds it: a frame's share at a time; by row (into fresh memory), by
    // column, and by row again (each into the memory of the list before).
    let mut list = GroupedIssues::default();
    let (mut longest, mut frames) = (0f64, 0);
    for grouping in [Grouping::Row, Grouping::Column, Grouping::Row] {
        loop {
            let t = Instant::now();
            let done = list.refresh(
                sheet,
                grouping,
                issue_groups::PART,
                issue_groups::FRAME_BUDGET,
            );
            longest = longest.max(t.elapsed().as_secs_f64());
            frames += 1;
            if done {
                break;
            }
        }
    }
    println!(
        "the issue list after it ({n} issues): places built whole {} (the first time {}; every issue in words: {}); grouped over frames: longest frame {} ({frames} frames in three builds)",
        ms(whole),
        ms(first),
        ms(worded),
        ms(longest)
    );
    Figure {
        what: format!(
            "the issue list rebuilt after it, longest frame ({n} issues; built whole {}, the first time {}, in words {})",
            ms(whole),
            ms(first),
            ms(worded)
        ),
        seconds: longest,
        how: "three builds".to_string(),
    }
}

/// Runs `slice` with slice indexes 0, 1, … until it says it was the last, timing each;
/// returns the longest and the sum.
fn slices(mut slice: impl FnMut(usize) -> bool) -> (f64, f64) {
    let (mut longest, mut total) = (0f64, 0f64);
    for i in 0.. {
        let (cpu_before, faults_before) = (thread_cpu(), minor_faults());
        let t = Instant::now();
        let last = slice(i);
        let took = t.elapsed().as_secs_f64();
        if took > BOUND {
            // Which slices, and whether the thread was running and faulting pages in:
            // to tell the code's time from the machine's. The end on the boot clock finds
            // the slice in `perf record -k CLOCK_MONOTONIC` (`perf report --time`).
            let cpu = (thread_cpu() - cpu_before).as_secs_f64();
            let faults = minor_faults() - faults_before;
            let uptime = std::fs::read_to_string("/proc/uptime").unwrap_or_default();
            let at = uptime.split_whitespace().next().unwrap_or("?");
            println!(
                "  slice {i} took {} ({} on the CPU, {faults} page faults), ended at {at} s",
                ms(took),
                ms(cpu)
            );
        }
        longest = longest.max(took);
        total += took;
        if last {
            break;
        }
    }
    (longest, total)
}

fn stepped_lines(what: &str, longest: f64, total: f64) -> Vec<Figure> {
    println!(
        "{what}: longest slice {}, all slices {}",
        ms(longest),
        ms(total)
    );
    vec![Figure {
        what: format!("{what}: longest slice (all slices {})", ms(total)),
        seconds: longest,
        how: "one run, each slice timed".to_string(),
    }]
}

/// Minor page faults of this thread so far (`/proc/thread-self/stat`, field 10).
fn minor_faults() -> u64 {
    let text = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // The command name may hold spaces: count fields after its closing parenthesis.
    let rest = text.rsplit_once(')').map_or("", |(_, r)| r);
    rest.split_whitespace()
        .nth(7)
        .and_then(|f| f.parse().ok())
        .unwrap_or(0)
}
