//! Drawing the editing windows (fix preview, review, roster, set value) and the strips
//! above the grid (find, filter); what they ask for goes on the app's queue.

use crate::app::BulksheetApp;
use crate::app::panels::filter_bar;
use eframe::egui;

impl BulksheetApp {
    /// Draws the editing windows that are open.
    pub(crate) fn edit_windows(&mut self, ctx: &egui::Context) {
        let lang = self.settings.lang;
        let header = &self.sheet.doc().header;
        let mut asked = Vec::new();
        if let Some(p) = self.edit.preview.as_mut() {
            asked.extend(p.show(ctx, lang, header));
        }
        asked.extend(self.edit.review.show(ctx, lang, &self.sheet));
        if let Some(d) = self.edit.roster.as_mut() {
            asked.extend(d.show(ctx, lang, &self.sheet));
        }
        if let Some(d) = self.edit.set_value.as_mut() {
            asked.extend(d.show(ctx, lang));
        }
        self.queue.extend(asked);
    }

    /// The find strip (when open) and the filter strip above the grid.
    pub(crate) fn edit_panels(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        if self.edit.find.open {
            egui::Panel::top("find").show(ui, |ui| {
                let asked = self.edit.find.show(ui, lang, &self.sheet, &self.grid);
                self.queue.extend(asked);
            });
        }
        // The grid marks the matches while the find strip is open.
        let find = &self.edit.find;
        self.grid
            .mark_matches(find.open.then(|| find.query.clone()));
        egui::Panel::top("view").show(ui, |ui| {
            let bar = &mut self.edit.filter_bar;
            let asked = filter_bar::show(ui, lang, bar, &self.sheet, &self.grid);
            self.queue.extend(asked);
        });
    }
}
