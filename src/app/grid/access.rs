//! The grid as a screen reader reads it: a table of rows, each row its number and then its
//! cells left to right, every cell with its findings, its place and the table's size.
//!
//! The cells are drawn scrolled columns first (so the frozen ones paint over them), and
//! egui hangs each node under the scroll area it was drawn in, in drawing order. Table
//! navigation needs them under the grid, row by row, in screen order; so once the grid is
//! drawn, [`arrange`] moves this frame's nodes there. Only the rows in view have nodes;
//! the counts come from the sheet.

use super::focus::focus_id;
use super::geometry::visible_rows;
use super::state::GridState;
use super::state::cell::CellPos;
use super::words::{cell_label, cell_messages};
use crate::app::announce;
use crate::app::i18n::{Lang, tr, trf, ui_lang};
use crate::{Severity, Sheet};
use eframe::egui::accesskit::{Invalid, Node, NodeId, Role};
use eframe::egui::{self, Context, Id, Rect, Ui};
use std::collections::HashSet;

/// The id of a cell's widget.
pub fn cell_id(pos: CellPos) -> Id {
    Id::unique(("bulksheet-cell", pos.row, pos.col))
}

/// The id of a column header's widget (by file column).
pub fn header_id(col: usize) -> Id {
    Id::unique(("bulksheet-header", col))
}

/// The id of a row number's widget (by document row).
pub fn row_number_id(row: usize) -> Id {
    Id::unique(("bulksheet-row-number", row))
}

/// The id of a row's node: the header row (`None`) or a document row.
fn row_id(row: Option<usize>) -> Id {
    Id::unique(("bulksheet-grid-row", row))
}

/// Where a node sits in the table (from 0: the header row and the row-number column count
/// as the first row and column).
#[derive(Clone, Copy)]
struct Place {
    row: usize,
    col: usize,
}

/// One row of the table: its node's id, its index, and its members in screen order.
struct Row {
    id: Id,
    index: usize,
    members: Vec<Id>,
}

/// Gives this frame's grid nodes their words and places, and hangs them under the grid
/// row by row. `ui` is the one the cells were drawn in.
pub fn arrange(ui: &Ui, sheet: &Sheet, st: &GridState, vp: Rect) {
    let ctx = ui.ctx();
    let drawn_in = ui.unique_id();
    // No node for the scroll area: AccessKit is off (or the grid hidden), nothing to do.
    if !ctx.has_accesskit_node(drawn_in) {
        return;
    }
    let lang = ui_lang(ctx);
    let size = (st.view().len() + 1, st.order().len() + 1);
    let mut rows = vec![header_row(ctx, st, size)];
    let (first, last) = visible_rows(vp, st.view().len());
    for vrow in first..last {
        if let Some(row) = st.view().doc_row(vrow) {
            rows.push(data_row(ctx, sheet, st, lang, (vrow, row), size));
        }
    }
    rows.retain(|r| !r.members.is_empty());
    // While a cell is edited the grid's focus holder is the editor's text field: the
    // scroll area stands in as the table then, so a reader still finds one.
    let grid = focus_id();
    let table = if st.editor().is_none() && ctx.has_accesskit_node(grid) {
        grid
    } else {
        ctx.accesskit_node_builder(drawn_in, |n| {
            n.set_role(Role::Grid);
            n.set_label(tr(lang, "Sheet"));
        });
        drawn_in
    };
    describe_grid(ctx, st, table, size);
    hang_rows(ctx, drawn_in, table, &rows, size);
    watch_edits(ctx, sheet, st, lang);
}

/// The header row: the column headers in view, in screen order.
fn header_row(ctx: &Context, st: &GridState, size: (usize, usize)) -> Row {
    let members = drawn(
        ctx,
        st.order().iter().enumerate().map(|(idx, &col)| {
            let place = Place {
                row: 0,
                col: idx + 1,
            };
            (header_id(col), place)
        }),
    );
    for &(id, place) in &members {
        ctx.accesskit_node_builder(id, |n| set_place(n, place, size));
    }
    Row {
        id: row_id(None),
        index: 0,
        members: members.into_iter().map(|(id, _)| id).collect(),
    }
}

/// A row in view: its number, then its cells in screen order (the frozen columns first).
fn data_row(
    ctx: &Context,
    sheet: &Sheet,
    st: &GridState,
    lang: Lang,
    (vrow, row): (usize, usize),
    size: (usize, usize),
) -> Row {
    let index = vrow + 1;
    let number = (row_number_id(row), Place { row: index, col: 0 });
    let cells = st.order().iter().enumerate().map(|(idx, &col)| {
        let place = Place {
            row: index,
            col: idx + 1,
        };
        (cell_id(CellPos::new(row, col)), place)
    });
    let members = drawn(ctx, std::iter::once(number).chain(cells));
    let block = st.block();
    for &(id, place) in &members {
        if place.col == 0 {
            ctx.accesskit_node_builder(id, |n| set_place(n, place, size));
            continue;
        }
        let idx = place.col - 1;
        let cell = Cell {
            findings: cell_messages(lang, sheet, row, st.order()[idx]),
            selected: block.contains(vrow, idx),
        };
        describe_cell(ctx, lang, id, place, size, cell);
    }
    Row {
        id: row_id(Some(row)),
        index,
        members: members.into_iter().map(|(id, _)| id).collect(),
    }
}

/// What a cell says besides what it was drawn with.
struct Cell {
    findings: Vec<(Severity, String)>,
    selected: bool,
}

/// Gives a cell its place, findings and selected state.
fn describe_cell(
    ctx: &Context,
    lang: Lang,
    id: Id,
    place: Place,
    size: (usize, usize),
    cell: Cell,
) {
    ctx.accesskit_node_builder(id, |n| {
        set_place(n, place, size);
        describe_findings(n, lang, &cell.findings);
        text_first(n, lang);
        // egui says "selected" as checked; a cell in the selection is selected.
        n.clear_toggled();
        n.set_selected(cell.selected);
    });
}

/// Those of the widgets that were drawn this frame (a cell hidden under the frozen columns
/// has no node).
fn drawn(ctx: &Context, all: impl Iterator<Item = (Id, Place)>) -> Vec<(Id, Place)> {
    all.filter(|(id, _)| ctx.has_accesskit_node(*id)).collect()
}

fn set_place(node: &mut Node, place: Place, (rows, cols): (usize, usize)) {
    node.set_row_index(place.row);
    node.set_column_index(place.col);
    // The table's size on the cell too, for a reader that asks the cell alone.
    node.set_row_count(rows);
    node.set_column_count(cols);
}

/// A cell's findings as its description, before what it said already ("Matches the
/// search"); an error makes it invalid.
fn describe_findings(node: &mut Node, lang: Lang, findings: &[(Severity, String)]) {
    if findings.is_empty() {
        return;
    }
    let mut text = findings_text(lang, findings);
    if let Some(before) = node.description() {
        text = format!("{text}{}{before}", tr(lang, "; "));
    }
    node.set_description(text);
    if findings.iter().any(|(s, _)| *s == Severity::Error) {
        node.set_invalid(Invalid::True);
    }
}

/// AT-SPI (Linux, the BSDs) gives a table cell only its name and description, not its
/// value (accesskit_atspi_common 0.21 has no text for a cell): there the text shown leads
/// the description, so Orca says "Login ID, row 3, tanaka＠example.co.jp; error: …".
/// Windows and macOS read the value itself, so it is not said twice there.
#[cfg(not(any(windows, target_os = "macos")))]
fn text_first(node: &mut Node, lang: Lang) {
    let Some(text) = node.value().filter(|v| !v.is_empty()).map(str::to_string) else {
        return;
    };
    let said = match node.description() {
        Some(rest) => format!("{text}{}{rest}", tr(lang, "; ")),
        None => text,
    };
    node.set_description(said);
}

#[cfg(any(windows, target_os = "macos"))]
fn text_first(_node: &mut Node, _lang: Lang) {}

/// Findings as read aloud: "error: …; warning: …".
pub fn findings_text(lang: Lang, findings: &[(Severity, String)]) -> String {
    let said: Vec<String> = findings
        .iter()
        .map(|(s, m)| match s {
            Severity::Error => trf(lang, "error: {message}", &[("message", m)]),
            Severity::Warning => trf(lang, "warning: {message}", &[("message", m)]),
        })
        .collect();
    said.join(tr(lang, "; "))
}

/// The grid's size, and the selected cell as its active descendant: the cell a screen
/// reader reads as focused while the grid holds the keyboard.
fn describe_grid(ctx: &Context, st: &GridState, table: Id, (rows, cols): (usize, usize)) {
    let cell = cell_id(st.selected());
    let shown = table == focus_id() && ctx.has_accesskit_node(cell);
    ctx.accesskit_node_builder(table, |n| {
        n.set_row_count(rows);
        n.set_column_count(cols);
        if shown {
            n.set_active_descendant(cell.accesskit_id());
        }
    });
}

/// Moves the rows' members from where they were drawn into row nodes under `table`.
fn hang_rows(ctx: &Context, drawn_in: Id, table: Id, rows: &[Row], (_, cols): (usize, usize)) {
    let members: HashSet<NodeId> = rows
        .iter()
        .flat_map(|r| &r.members)
        .map(|id| id.accesskit_id())
        .collect();
    ctx.accesskit_node_builder(drawn_in, |n| keep_children(n, &members));
    for r in rows {
        ctx.accesskit_node_builder(r.id, |n| {
            n.set_role(Role::Row);
            n.set_row_index(r.index);
            n.set_column_count(cols);
            n.set_children(
                r.members
                    .iter()
                    .map(|id| id.accesskit_id())
                    .collect::<Vec<_>>(),
            );
        });
    }
    // A new node with no parent of its own is put under the window's root: taken back.
    let row_nodes: Vec<NodeId> = rows.iter().map(|r| r.id.accesskit_id()).collect();
    let gone: HashSet<NodeId> = row_nodes.iter().copied().collect();
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |n| keep_children(n, &gone));
    ctx.accesskit_node_builder(table, |n| {
        for id in row_nodes {
            n.push_child(id);
        }
    });
}

/// Drops `gone` from a node's children.
fn keep_children(node: &mut Node, gone: &HashSet<NodeId>) {
    let kept: Vec<NodeId> = node
        .children()
        .iter()
        .copied()
        .filter(|c| !gone.contains(c))
        .collect();
    node.set_children(kept);
}

/// What the grid was editing on the last frame, and the sheet's revision then.
#[derive(Clone, Copy, Default)]
struct Edited {
    at: Option<CellPos>,
    revision: u64,
}

/// Says "editing Login ID, row 3" when an editor or an options list opens, and the cell's
/// findings when it closes having changed the sheet.
fn watch_edits(ctx: &Context, sheet: &Sheet, st: &GridState, lang: Lang) {
    let key = Id::unique("bulksheet-access-edited");
    let before: Edited = ctx.data(|d| d.get_temp(key)).unwrap_or_default();
    let at = st
        .editor()
        .map(|e| e.at)
        .or_else(|| st.dropdown().map(|d| d.at));
    let now = Edited {
        at,
        revision: sheet.revision(),
    };
    ctx.data_mut(|d| d.insert_temp(key, now));
    if at == before.at {
        return;
    }
    if let Some(was) = before.at
        && now.revision != before.revision
        && was.row < sheet.doc().rows()
    {
        announce::say(ctx, edit_result(lang, sheet, was));
    }
    if let Some(at) = at {
        let cell = cell_label(lang, sheet, at.row, at.col);
        announce::say(ctx, trf(lang, "editing {cell}", &[("cell", &cell)]));
    }
}

/// A cell's findings after an edit: "Login ID, row 3: no errors".
fn edit_result(lang: Lang, sheet: &Sheet, at: CellPos) -> String {
    let cell = cell_label(lang, sheet, at.row, at.col);
    let findings = cell_messages(lang, sheet, at.row, at.col);
    let said = if findings.is_empty() {
        tr(lang, "no errors").to_string()
    } else {
        findings_text(lang, &findings)
    };
    trf(
        lang,
        "{cell}: {findings}",
        &[("cell", &cell), ("findings", &said)],
    )
}
