//! Opening and saving run on a worker thread so the window keeps drawing: the job reports
//! its progress through an atomic, its result through a channel, and stops when asked.

use super::failure::Failure;
use crate::Sheet;
use crate::document::{Document, FileMeta};
use crate::io::{ReadError, WriteOptions, encode_rows, plan_parts, read_path_sheet, write_atomic};
use crate::schema::detect;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A file read and checked, ready to replace the current document.
pub struct Opened {
    /// The document, checked.
    pub sheet: Sheet,
    /// Where it was read from.
    pub path: PathBuf,
    /// The user chose the workbook's sheet (else it is the first).
    pub sheet_chosen: bool,
}

/// What a save wrote.
#[derive(Debug, Clone)]
pub struct Saved {
    /// Each file written and its row count.
    pub files: Vec<(PathBuf, usize)>,
    /// The layout the document now has on disk.
    pub meta: FileMeta,
    /// The save was in parts.
    pub split: bool,
}

/// How a job ended.
pub enum Outcome {
    /// A file read and checked.
    Opened(Box<Opened>),
    /// Every part written.
    Saved(Saved),
    /// What went wrong, worded when shown.
    Failed(Failure),
    /// The user cancelled; nothing changed.
    Cancelled,
}

/// A save request: every input the worker needs, taken from the sheet on the UI thread.
pub struct SaveRequest {
    /// A copy of the document.
    pub doc: Document,
    /// The rows to write (blank ones left out).
    pub rows: Vec<usize>,
    /// Where to write (the first part's name is made from it).
    pub path: PathBuf,
    /// Encoding, line endings and quoting.
    pub opts: WriteOptions,
    /// Rows per file when splitting.
    pub split: Option<usize>,
}

/// A running job.
pub struct Job {
    /// What the progress says it is doing.
    pub title: String,
    progress: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    rx: Receiver<Outcome>,
}

impl Job {
    /// The share done, 0 to 1.
    pub fn progress(&self) -> f32 {
        f32::from_bits(self.progress.load(Ordering::Relaxed))
    }

    /// Asks the worker to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Stopping was asked for.
    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The result once the worker is done.
    pub fn poll(&self) -> Option<Outcome> {
        match self.rx.try_recv() {
            Ok(o) => Some(o),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Outcome::Failed(Failure::WorkerStopped)),
        }
    }

    fn spawn(
        title: String,
        ctx: &egui::Context,
        work: impl FnOnce(&Reporter) -> Outcome + Send + 'static,
    ) -> Job {
        let progress = Arc::new(AtomicU32::new(0f32.to_bits()));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let reporter = Reporter {
            progress: progress.clone(),
            cancel: cancel.clone(),
            ctx: ctx.clone(),
        };
        std::thread::spawn(move || {
            let outcome = work(&reporter);
            let _ = tx.send(outcome);
            reporter.ctx.request_repaint();
        });
        Job {
            title,
            progress,
            cancel,
            rx,
        }
    }

    /// Reads, decodes, parses and checks a file off the UI thread; of a workbook, `sheet`
    /// or the first.
    pub fn open(path: PathBuf, sheet: Option<String>, ctx: &egui::Context) -> Job {
        let lang = crate::app::i18n::ui_lang(ctx);
        let title =
            crate::app::i18n::trf(lang, "Opening {name}", &[("name", &display_name(&path))]);
        Job::spawn(title, ctx, move |r| open_work(path, sheet, r))
    }

    /// Encodes and writes every part off the UI thread.
    pub fn save(req: SaveRequest, ctx: &egui::Context) -> Job {
        let lang = crate::app::i18n::ui_lang(ctx);
        let title =
            crate::app::i18n::trf(lang, "Saving {name}", &[("name", &display_name(&req.path))]);
        Job::spawn(title, ctx, move |r| save_work(req, r))
    }
}

/// The worker's side: reports progress, learns about cancellation.
struct Reporter {
    progress: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    ctx: egui::Context,
}

impl Reporter {
    /// Records the share done; false once the user cancelled.
    fn report(&self, done: f32) -> bool {
        let old = f32::from_bits(self.progress.load(Ordering::Relaxed));
        if done - old >= 0.01 || done >= 1.0 {
            self.progress.store(done.to_bits(), Ordering::Relaxed);
            self.ctx.request_repaint();
        }
        !self.cancel.load(Ordering::Relaxed)
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

fn open_work(path: PathBuf, sheet: Option<String>, r: &Reporter) -> Outcome {
    let sheet_chosen = sheet.is_some();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::io::remove_stale_temps(dir, crate::io::STALE_AFTER);
    }
    // Parsing is most of the work; checking gets the last tenth.
    let read = read_path_sheet(&path, None, sheet.as_deref(), &mut |f| r.report(f * 0.9));
    let doc = match read {
        Ok(doc) => doc,
        Err(ReadError::Cancelled) => return Outcome::Cancelled,
        Err(error) => return Outcome::Failed(Failure::Read { path, error }),
    };
    if r.cancelled() {
        return Outcome::Cancelled;
    }
    let sheet = sheet_for(doc);
    r.report(1.0);
    Outcome::Opened(Box::new(Opened {
        sheet,
        path,
        sheet_chosen,
    }))
}

/// A document with the built-in schema its header matches best and the subscriptions its
/// columns suggest.
pub fn sheet_for(doc: Document) -> Sheet {
    let schema = detect(&doc.header);
    let subs = Sheet::guess_subscriptions(&doc, &schema);
    Sheet::new(doc, schema, subs)
}

fn save_work(req: SaveRequest, r: &Reporter) -> Outcome {
    let parts = plan_parts(&req.path, &req.rows, req.split);
    // Encode every part before writing any, so an unencodable cell writes nothing.
    let mut encoded = Vec::with_capacity(parts.len());
    for (i, (path, rows)) in parts.iter().enumerate() {
        match encode_rows(&req.doc, rows.iter().copied(), &req.opts) {
            Ok(bytes) => encoded.push((path.clone(), rows.len(), bytes)),
            Err(e) => return Outcome::Failed(Failure::NothingWritten(e)),
        }
        if !r.report(0.5 * (i + 1) as f32 / parts.len() as f32) {
            return Outcome::Cancelled;
        }
    }
    let total = encoded.len();
    let mut files = Vec::with_capacity(total);
    for (i, (path, n, bytes)) in encoded.into_iter().enumerate() {
        if r.cancelled() {
            return Outcome::Failed(Failure::Cancelled {
                written: written(&files),
            });
        }
        if let Err(error) = write_atomic(&path, &bytes) {
            return Outcome::Failed(Failure::Write {
                error,
                written: written(&files),
            });
        }
        files.push((path, n));
        r.report(0.5 + 0.5 * (i + 1) as f32 / total as f32);
    }
    let meta = FileMeta {
        encoding: req.opts.encoding,
        separator: req.opts.separator,
        line_ending: req.opts.line_ending,
        quote_all: req.opts.quote_all,
        final_newline: req.opts.final_newline,
    };
    Outcome::Saved(Saved {
        files,
        meta,
        split: req.split.is_some(),
    })
}

fn written(files: &[(PathBuf, usize)]) -> Vec<PathBuf> {
    files.iter().map(|(p, _)| p.clone()).collect()
}

/// A file's name as the window shows it.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
