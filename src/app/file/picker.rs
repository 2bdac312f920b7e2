//! The system's file dialogs (`rfd`: the native one on Windows and macOS, the desktop
//! portal or zenity on Linux), asked on a worker thread so the window keeps drawing. Where
//! none can be shown (no desktop session), the answer says so and the window falls back to
//! its own path dialog, which then says why it is there.
//!
//! The picker is a function so that tests answer for the system.

use crate::app::command::{After, BrowseFor};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// What the system's dialog answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The user chose this file (for saving, the system asked already whether to replace
    /// it, if it exists).
    Chosen(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No system dialog can be shown here.
    Unavailable,
}

/// What to ask the system for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// A file to read, or one to write.
    pub kind: BrowseFor,
    /// The suggested file (its folder is where the dialog starts; for saving, its name is
    /// the name offered).
    pub start: PathBuf,
    /// The dialog's title, in the window's language.
    pub title: String,
}

/// Asks for a file and waits for the answer (it runs on a worker thread).
pub type Picker = Arc<dyn Fn(&Request) -> Answer + Send + Sync>;

/// The system's dialogs.
pub fn system() -> Picker {
    Arc::new(ask_system)
}

/// What a picked file is for, once chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Open it.
    Open,
    /// Save the document there (after the encoding, split and row choices).
    SaveAs(After),
    /// Write the issue list there.
    ExportIssues,
    /// Write the template in use there.
    ExportTemplate,
    /// Fill the path field of the window's own dialog ("Browse…").
    Fill(BrowseFor),
}

/// A system dialog on screen: what it is for, and where its answer arrives.
pub struct Pending {
    /// What the file is for.
    pub purpose: Purpose,
    /// What was asked (the window's fallback dialog starts from the same file).
    pub request: Request,
    answer: Receiver<Answer>,
}

impl Pending {
    /// Shows the dialog on a worker thread; the window is repainted once it is answered.
    pub fn ask(picker: &Picker, ctx: &egui::Context, request: Request, purpose: Purpose) -> Self {
        let (tx, rx) = channel();
        let (picker, ctx, asked) = (picker.clone(), ctx.clone(), request.clone());
        std::thread::spawn(move || {
            let _ = tx.send(picker(&asked));
            ctx.request_repaint();
        });
        Pending {
            purpose,
            request,
            answer: rx,
        }
    }

    /// The answer, once given. A thread that ended without one counts as no dialog.
    pub fn poll(&self) -> Option<Answer> {
        use std::sync::mpsc::TryRecvError;
        match self.answer.try_recv() {
            Ok(a) => Some(a),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Answer::Unavailable),
        }
    }
}

fn ask_system(request: &Request) -> Answer {
    if !available() {
        return Answer::Unavailable;
    }
    let mut dialog = filters(rfd::FileDialog::new(), request.kind).set_title(&request.title);
    if let Some(dir) = folder_of(&request.start) {
        dialog = dialog.set_directory(dir);
    }
    let picked = match request.kind {
        BrowseFor::Open | BrowseFor::Template => dialog.pick_file(),
        BrowseFor::Save | BrowseFor::SaveTemplate => {
            if let Some(name) = request.start.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            dialog.save_file()
        }
    };
    picked.map_or(Answer::Cancelled, Answer::Chosen)
}

fn filters(dialog: rfd::FileDialog, kind: BrowseFor) -> rfd::FileDialog {
    match kind {
        BrowseFor::Template | BrowseFor::SaveTemplate => dialog.add_filter("TOML", &["toml"]),
        BrowseFor::Open => dialog
            .add_filter(
                "CSV, TSV, Excel, OpenDocument",
                &["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods"],
            )
            .add_filter("CSV, TSV, TXT", &["csv", "txt", "tsv"])
            .add_filter("Excel, OpenDocument", &["xlsx", "xlsm", "xls", "ods"]),
        BrowseFor::Save => dialog.add_filter("CSV", &["csv", "txt"]),
    }
}

/// The folder a dialog starts in: the suggested file's, or the path itself when it is a
/// folder.
fn folder_of(start: &Path) -> Option<&Path> {
    if start.is_dir() {
        return Some(start);
    }
    start.parent().filter(|d| d.is_dir())
}

/// Windows and macOS always have their own dialogs.
#[cfg(any(windows, target_os = "macos"))]
fn available() -> bool {
    true
}

/// On Linux and the BSDs `rfd` asks the desktop portal over the session bus, else runs
/// zenity; with neither, it answers as if the user had cancelled. Telling the two apart
/// first is what lets the window fall back to its own dialog, and say why.
#[cfg(not(any(windows, target_os = "macos")))]
fn available() -> bool {
    portal_on_session_bus() || zenity_on_path()
}

#[cfg(not(any(windows, target_os = "macos")))]
fn portal_on_session_bus() -> bool {
    const PORTAL: &str = "org.freedesktop.portal.Desktop";
    let Ok(bus) = zbus::blocking::Connection::session() else {
        return false;
    };
    let Ok(dbus) = zbus::blocking::fdo::DBusProxy::new(&bus) else {
        return false;
    };
    let Ok(name) = zbus::names::BusName::try_from(PORTAL) else {
        return false;
    };
    // The portal runs, or the bus starts it on the first call.
    dbus.name_has_owner(name).unwrap_or(false)
        || dbus
            .list_activatable_names()
            .is_ok_and(|names| names.iter().any(|n| n.as_str() == PORTAL))
}

#[cfg(not(any(windows, target_os = "macos")))]
fn zenity_on_path() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}
