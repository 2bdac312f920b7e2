//! The progress of a background open or save, or of an edit spread over frames, over the
//! window, with Cancel.

use crate::app::file::loader::Job;
use crate::app::i18n::{tr, ui_lang};
use crate::app::theme;
use eframe::egui;

/// Draws the progress while the job runs; Cancel asks the job to stop.
pub fn show(ctx: &egui::Context, job: &Job) {
    if modal(ctx, &job.title, job.progress(), job.is_cancelling()) {
        job.cancel();
    }
}

/// Draws a progress window with Cancel (disabled while `cancelling`); true when Cancel
/// was clicked or Esc pressed.
pub fn modal(ctx: &egui::Context, title: &str, progress: f32, cancelling: bool) -> bool {
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("bulksheet-progress")).show(ctx, |ui| {
        ui.set_min_width(theme::PROGRESS_WIDTH);
        ui.label(title);
        ui.add(
            egui::ProgressBar::new(progress)
                .show_percentage()
                .animate(true),
        );
        let lang = ui_lang(ui.ctx());
        let label = if cancelling {
            tr(lang, "Cancelling…")
        } else {
            tr(lang, "Cancel")
        };
        if ui
            .add_enabled(!cancelling, egui::Button::new(label))
            .clicked()
        {
            cancel = true;
        }
    });
    // Esc is Cancel here as in every other window.
    if !cancelling && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        cancel = true;
    }
    ctx.request_repaint_after(std::time::Duration::from_secs_f32(theme::JOB_REPAINT_SECS));
    cancel
}
