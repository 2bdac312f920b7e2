//! Files dropped on the window: a CSV opens (asking about unsaved edits first), a `.toml`
//! file is loaded as a template. While a file is dragged over the window, it says so.

use crate::app::BulksheetApp;
use crate::app::i18n::{tr, trf};
use crate::app::theme;
use eframe::egui;
use std::path::PathBuf;

/// The paths of the files dropped this frame.
pub fn dropped_paths(ctx: &egui::Context) -> Vec<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    })
}

fn is_template(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// A veil over the window while files are dragged over it.
fn hover_overlay(ctx: &egui::Context, lang: crate::app::i18n::Lang) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let rect = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("bulksheet-drop"),
    ));
    painter.rect_filled(rect, 0.0, theme::DROP_VEIL);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        tr(
            lang,
            "Drop a CSV file to open it, or a .toml template to load it",
        ),
        egui::FontId::proportional(theme::DROP_FONT_SIZE),
        theme::DROP_TEXT,
    );
}

impl BulksheetApp {
    /// Draws the veil while files are dragged over the window.
    pub(crate) fn drop_veil(&self, ctx: &egui::Context) {
        hover_overlay(ctx, self.settings.lang);
    }

    /// Opens what was dropped on the window this frame.
    pub(crate) fn handle_drops(&mut self, ctx: &egui::Context) {
        let paths = dropped_paths(ctx);
        if paths.is_empty() {
            return;
        }
        if self.dialog.is_some() || self.job.is_some() || self.template_path.is_some() {
            self.say(true, |l| {
                tr(
                    l,
                    "Finish the current question first, then drop the file again.",
                )
                .into()
            });
            return;
        }
        let (templates, files): (Vec<PathBuf>, Vec<PathBuf>) =
            paths.into_iter().partition(|p| is_template(p));
        for t in templates {
            if let Err(e) = self.load_template(&t) {
                self.say(true, move |l| e.message(l));
            }
        }
        if files.len() > 1 {
            let n = files.len();
            self.say(true, move |l| {
                trf(
                    l,
                    "{n} files were dropped; only the first one is opened.",
                    &[("n", &n)],
                )
            });
        }
        if let Some(first) = files.into_iter().next() {
            self.request_open(ctx, Some(first));
        }
    }
}
