//! The recovery journal: unsaved edits written to a per-user folder every few seconds, so a
//! crash, a kill or a power cut loses at most those seconds. One JSON file per document,
//! written atomically; it is removed once the edits are saved or knowingly dropped.
//!
//! A journal holds the steps since the document was opened or last saved (replayed as one
//! undo step), or, when the file on disk is not the base of those steps (blank rows dropped
//! by a save, a split save), the whole table. It also records the file's size and
//! modification time, so edits made to a version that has changed since are recognised.

mod error;
mod folder;

pub use error::{JournalError, RestoreError};

use crate::Sheet;
use crate::document::{CellChange, Document, Edit};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Overrides where journals live (tests use a temp folder).
pub const DIR_ENV: &str = "BULKSHEET_RECOVERY_DIR";
const FORMAT: u32 = 1;
const EXTENSION: &str = "json";

/// The document a journal belongs to, and how its file looked when the edits began.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file; None for the bundled sample (or a document never saved).
    pub path: Option<PathBuf>,
    /// The file's name, as the window shows it.
    pub name: String,
    /// The file's size in bytes.
    pub size: u64,
    /// The file's modification time in nanoseconds since 1970, or a hash of built-in bytes.
    pub stamp: u64,
    /// The worksheet, for a workbook: each sheet of one file has its own journal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl Origin {
    /// A file as it is on disk now.
    pub fn of_file(path: &Path) -> std::io::Result<Origin> {
        let meta = std::fs::metadata(path)?;
        let stamp = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        Ok(Origin {
            name: display_name(&path),
            path: Some(path),
            size: meta.len(),
            stamp,
            sheet: None,
        })
    }

    /// A document with no file of its own (the bundled sample), known by name and bytes.
    pub fn of_bytes(name: &str, bytes: &[u8]) -> Origin {
        Origin {
            path: None,
            name: name.to_string(),
            size: bytes.len() as u64,
            stamp: fnv1a(bytes),
            sheet: None,
        }
    }

    /// The same file, for one worksheet of it (None: a text file).
    pub fn in_sheet(self, sheet: Option<String>) -> Origin {
        Origin { sheet, ..self }
    }

    /// The journal's file name (without extension): a hash of the path, so two files of
    /// the same name in different folders do not share a journal.
    pub fn key(&self) -> String {
        let name = match &self.sheet {
            Some(sheet) => format!("{} {sheet}", self.name),
            None => self.name.clone(),
        };
        match &self.path {
            Some(p) => {
                let mut id = p.as_os_str().as_encoded_bytes().to_vec();
                if let Some(sheet) = &self.sheet {
                    // A NUL is in no path: the sheet's name cannot make another file's key.
                    id.push(0);
                    id.extend_from_slice(sheet.as_bytes());
                }
                format!("{}-{:016x}", safe_name(&name), fnv1a(&id))
            }
            None => format!("builtin-{}", safe_name(&name)),
        }
    }

    /// Same document, changed content: the file was written by something else since.
    pub fn differs_from(&self, now: &Origin) -> bool {
        self.size != now.size || self.stamp != now.stamp
    }
}

/// How the unsaved state is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Replay {
    /// The steps from the file on disk to the edited document, oldest first.
    /// Shared with the sheet's undo list (a step can hold millions of cell changes: the
    /// window builds an entry on the frame, and only the writer's thread reads it through).
    Edits(Vec<Arc<Edit>>),
    /// Every row of the edited document (when the file on disk is not the steps' base).
    Rows(Vec<Vec<String>>),
}

/// A journal entry still to be finished (see [`JournalEntry::pending`]).
#[derive(Debug, Clone)]
pub struct PendingEntry {
    entry: JournalEntry,
    /// The document whose rows the entry is to hold.
    rows_of: Option<Document>,
}

impl PendingEntry {
    /// The document the entry is for.
    pub fn origin(&self) -> &Origin {
        &self.entry.origin
    }

    /// The entry, its rows copied out as text.
    pub fn finish(self) -> JournalEntry {
        let PendingEntry { mut entry, rows_of } = self;
        if let Some(doc) = rows_of {
            entry.replay = Replay::Rows((0..doc.rows()).map(|r| doc.row_values(r)).collect());
        }
        entry
    }
}

/// One document's unsaved edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// The layout of this record (journals of another layout are ignored).
    pub format: u32,
    /// The document, and how its file looked when the edits began.
    pub origin: Origin,
    /// Milliseconds since 1970 when the journal was written.
    pub written_ms: u64,
    /// The header the edits were made under.
    pub header: Vec<String>,
    /// The encoding the document is to be saved in (`TextEncoding::as_str`).
    pub target_encoding: String,
    /// The name of the schema the document was checked against.
    pub schema: String,
    /// The subscriptions switched on.
    pub subscriptions: Vec<String>,
    /// The unsaved state.
    pub replay: Replay,
}

/// What a restore would change, for the question before it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Preview {
    /// Cells whose value changes (rows as they are after the restore).
    pub changes: Vec<CellChange>,
    /// Rows the restore adds.
    pub rows_inserted: usize,
    /// Rows the restore removes.
    pub rows_deleted: usize,
}

impl JournalEntry {
    /// The sheet's unsaved state; None when there is nothing unsaved. `base_is_disk` says
    /// whether the document's file on disk holds a state of the undo history (the last
    /// save to it, or the opening: [`Sheet::edits_since_file`]); otherwise every row is
    /// journaled.
    pub fn from_sheet(sheet: &Sheet, origin: Origin, base_is_disk: bool) -> Option<Self> {
        Self::pending(sheet, origin, base_is_disk).map(PendingEntry::finish)
    }

    /// [`JournalEntry::from_sheet`] with the costly part left for later: the window takes
    /// this on its frame and the writer's thread finishes it. Steps are shared with the
    /// sheet; every row is a copy of the document's compact table, turned into text
    /// when finished (as text on the frame it took 3.7 s at a million rows).
    pub fn pending(sheet: &Sheet, origin: Origin, base_is_disk: bool) -> Option<PendingEntry> {
        if !sheet.is_dirty() {
            return None;
        }
        let doc = sheet.doc();
        let (replay, rows_of) = match sheet.edits_since_file().filter(|_| base_is_disk) {
            Some(edits) => (Replay::Edits(edits), None),
            None => (Replay::Rows(Vec::new()), Some(doc.clone())),
        };
        // Replayed edits start from the file as saved: its header is from before any
        // column order they change.
        let header = match &replay {
            Replay::Edits(edits) => edits
                .iter()
                .rev()
                .fold(doc.header.clone(), |h, e| e.header_before(h)),
            Replay::Rows(_) => doc.header.clone(),
        };
        let rules = sheet.rules();
        let entry = JournalEntry {
            format: FORMAT,
            origin,
            written_ms: unix_ms(),
            header,
            target_encoding: rules.target.as_str().to_string(),
            schema: sheet.schema().name.clone(),
            subscriptions: rules.subscriptions.0.iter().cloned().collect(),
            replay,
        };
        Some(PendingEntry { entry, rows_of })
    }

    /// The one edit that restores the journal onto a freshly opened sheet, checked step by
    /// step against the sheet's cells, with what it would change.
    pub fn edit_for(&self, sheet: &Sheet) -> Result<(Edit, Preview), RestoreError> {
        if sheet.doc().header != self.header {
            return Err(RestoreError::HeaderChanged);
        }
        match &self.replay {
            Replay::Edits(edits) => {
                let mut trial = sheet.clone();
                for (step, edit) in edits.iter().enumerate() {
                    if !fits(&trial, edit) {
                        return Err(RestoreError::DoesNotApply { step: step + 1 });
                    }
                    trial.apply(Edit::clone(edit));
                }
                let edits: Vec<Edit> = edits.iter().map(|e| Edit::clone(e)).collect();
                let (rows_inserted, rows_deleted) = row_counts(&edits);
                let preview = Preview {
                    changes: trial.changes(),
                    rows_inserted,
                    rows_deleted,
                };
                Ok((Edit::Batch(edits), preview))
            }
            Replay::Rows(rows) => {
                if rows.iter().any(|r| r.len() != self.header.len()) {
                    return Err(RestoreError::HeaderChanged);
                }
                let doc = sheet.doc();
                let current: Vec<(usize, Vec<String>)> =
                    (0..doc.rows()).map(|r| (r, doc.row_values(r))).collect();
                let preview = row_diff(&current, rows);
                let edit = Edit::Batch(vec![
                    Edit::DeleteRows(current),
                    Edit::InsertRows(rows.iter().cloned().enumerate().collect()),
                ]);
                Ok((edit, preview))
            }
        }
    }

    /// What a restore onto this sheet would change.
    pub fn preview(&self, sheet: &Sheet) -> Result<Preview, RestoreError> {
        self.edit_for(sheet).map(|(_, p)| p)
    }

    /// Restores the edits as one undo step (so the restore itself can be undone), and the
    /// saving encoding and subscriptions they were made with.
    pub fn apply_to(&self, sheet: &mut Sheet) -> Result<Preview, RestoreError> {
        let (edit, preview) = self.edit_for(sheet)?;
        sheet.apply(edit);
        let target = crate::TextEncoding::ALL
            .into_iter()
            .find(|e| e.as_str() == self.target_encoding);
        if let Some(t) = target.filter(|t| *t != sheet.rules().target) {
            sheet.set_target_encoding(t);
        }
        let subs = crate::schema::Subscriptions(self.subscriptions.iter().cloned().collect());
        if subs != sheet.rules().subscriptions {
            sheet.set_subscriptions(subs);
        }
        Ok(preview)
    }
}

/// Whether an edit's recorded "before" matches the sheet: replaying onto a file that
/// changed since must not silently overwrite other values.
fn fits(sheet: &Sheet, edit: &Edit) -> bool {
    let doc = sheet.doc();
    match edit {
        Edit::Cells(changes) => changes
            .iter()
            .all(|c| c.row < doc.rows() && c.col < doc.width() && doc.cell(c.row, c.col) == c.old),
        Edit::Block(block) => block.columns.iter().all(|c| {
            c.rows.iter().enumerate().all(|(i, row)| {
                row < doc.rows() && c.col < doc.width() && doc.cell(row, c.col) == c.old.get(i)
            })
        }),
        Edit::InsertRows(rows) => {
            let mut len = doc.rows();
            rows.iter().all(|(at, cells)| {
                len += 1;
                *at < len && cells.len() == doc.width()
            })
        }
        Edit::DeleteRows(rows) => rows.iter().all(|(at, cells)| {
            *at < doc.rows()
                && cells.len() == doc.width()
                && cells.iter().enumerate().all(|(c, v)| doc.cell(*at, c) == v)
        }),
        Edit::Columns(order) => crate::document::is_permutation(order, doc.width()),
        // A batch's later parts depend on its earlier ones: checked as a whole by replaying.
        Edit::Batch(parts) => {
            let mut trial = sheet.clone();
            parts.iter().all(|p| {
                let ok = fits(&trial, p);
                if ok {
                    trial.apply(p.clone());
                }
                ok
            })
        }
    }
}

fn row_counts(edits: &[Edit]) -> (usize, usize) {
    edits.iter().fold((0, 0), |(i, d), e| {
        let (ei, ed) = match e {
            Edit::InsertRows(rows) => (rows.len(), 0),
            Edit::DeleteRows(rows) => (0, rows.len()),
            Edit::Batch(parts) => row_counts(parts),
            Edit::Cells(_) | Edit::Block(_) | Edit::Columns(_) => (0, 0),
        };
        (i + ei, d + ed)
    })
}

/// Row-by-row differences between the file and a journaled table.
fn row_diff(current: &[(usize, Vec<String>)], rows: &[Vec<String>]) -> Preview {
    let mut changes = Vec::new();
    for ((row, old), new) in current.iter().zip(rows) {
        for (col, (o, n)) in old.iter().zip(new).enumerate() {
            if o != n {
                changes.push(CellChange {
                    row: *row,
                    col,
                    old: o.clone(),
                    new: n.clone(),
                    shape: Default::default(),
                });
            }
        }
    }
    Preview {
        changes,
        rows_inserted: rows.len().saturating_sub(current.len()),
        rows_deleted: current.len().saturating_sub(rows.len()),
    }
}

/// A journal found on disk.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The journal file.
    pub file: PathBuf,
    /// What it holds.
    pub entry: JournalEntry,
}

/// Reading and writing journal files in a folder.
pub struct Journal;

impl Journal {
    /// The file the current journal of a document is written to.
    pub fn path(dir: &Path, origin: &Origin) -> PathBuf {
        dir.join(format!("{}.{EXTENSION}", origin.key()))
    }

    /// Writes (replaces) the document's journal atomically, creating the folder. It holds
    /// people's names and addresses: the folder and the file are the user's alone.
    pub fn write(dir: &Path, entry: &JournalEntry) -> Result<PathBuf, JournalError> {
        crate::private::ensure_dir(dir).map_err(|source| JournalError::Folder {
            dir: dir.to_path_buf(),
            source,
        })?;
        let path = Self::path(dir, &entry.origin);
        let bytes = serde_json::to_vec(entry)?;
        crate::io::write_atomic_private(&path, &bytes)?;
        Ok(path)
    }

    /// Every readable journal in the folder, newest first. Unreadable files are skipped
    /// (a journal must never stop the program from starting).
    pub fn pending(dir: &Path) -> Vec<Stored> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut out: Vec<Stored> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == EXTENSION))
            .filter_map(|file| {
                let bytes = std::fs::read(&file).ok()?;
                let entry: JournalEntry = serde_json::from_slice(&bytes).ok()?;
                (entry.format == FORMAT).then_some(Stored { file, entry })
            })
            .collect();
        out.sort_by_key(|s| std::cmp::Reverse(s.entry.written_ms));
        out
    }

    /// The newest journal of a document, if any.
    pub fn find(dir: &Path, origin: &Origin) -> Option<Stored> {
        let key = origin.key();
        Self::pending(dir)
            .into_iter()
            .find(|s| s.entry.origin.key() == key)
    }

    /// Removes a journal file (restored, discarded, or saved).
    pub fn discard(file: &Path) -> Result<(), JournalError> {
        match std::fs::remove_file(file) {
            Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
                Err(JournalError::Discard {
                    file: file.to_path_buf(),
                    source,
                })
            }
            _ => Ok(()),
        }
    }

    /// Moves a journal out of the way of new journaling ("ask me later"): it stays pending
    /// under another name.
    pub fn set_aside(stored: &Stored) -> std::io::Result<PathBuf> {
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let name = format!("{}.later-{stamp}.{EXTENSION}", stored.entry.origin.key());
        let to = stored.file.with_file_name(name);
        std::fs::rename(&stored.file, &to)?;
        Ok(to)
    }
}

fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A file name made of the document's name, readable in a folder listing.
fn safe_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect()
}

/// FNV-1a: stable across runs and Rust versions (std's hasher is not).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
