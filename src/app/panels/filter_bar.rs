//! The filter strip above the grid: only rows with errors, only rows matching a text, and
//! the sort in force (set with the arrow in each header). It changes which rows the grid
//! shows and in what order, never the file.

use crate::Sheet;
use crate::app::command::Command;
use crate::app::grid::state::GridState;
use crate::app::i18n::{Lang, tr};
use crate::app::theme::{self, Palette};
use eframe::egui;
use egui::Ui;

/// The text typed into the filter field.
#[derive(Debug, Default)]
pub struct FilterBar {
    /// As typed (the filter uses it trimmed).
    pub text: String,
}

/// The filter strip above the grid; returns a command when a control asks for one.
pub fn show(
    ui: &mut Ui,
    lang: Lang,
    bar: &mut FilterBar,
    sheet: &Sheet,
    st: &GridState,
) -> Option<Command> {
    let mut cmd = None;
    ui.horizontal(|ui| {
        let mut errors_only = st.spec().errors_only;
        if ui
            .checkbox(&mut errors_only, tr(lang, "Only rows with errors"))
            .clicked()
        {
            cmd = Some(Command::ErrorsOnly);
        }
        ui.separator();
        ui.label(tr(lang, "Filter rows:"));
        let field = ui.add(
            egui::TextEdit::singleline(&mut bar.text)
                .hint_text(tr(lang, "text in any cell"))
                .desired_width(theme::FILTER_FIELD_WIDTH),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, "Filter rows")
        });
        if field.changed() {
            cmd = Some(Command::FilterRows(bar.text.clone()));
        }
        if let Some((col, desc)) = st.spec().sort {
            ui.separator();
            let name = sheet.validator().column_name(sheet.doc(), col);
            let arrow = if desc { "▼" } else { "▲" };
            ui.label(format!("{} {name} {arrow}", tr(lang, "Sorted by")));
            if st.view().is_sorting() {
                ui.spinner();
                ui.label(tr(lang, "Sorting…"));
                if ui.button(tr(lang, "Cancel sorting")).clicked() {
                    cmd = Some(Command::CancelSort);
                }
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
            } else if ui.button(tr(lang, "File order")).clicked() {
                cmd = Some(Command::Sort(None));
            }
        }
        if !st.spec().is_identity() {
            ui.separator();
            let pal = Palette::for_visuals(ui.visuals());
            ui.colored_label(
                pal.warning_text,
                format!(
                    "{} {} / {}",
                    tr(lang, "Showing rows:"),
                    st.view().len(),
                    sheet.doc().rows()
                ),
            );
            if ui.button(tr(lang, "Show all rows")).clicked() {
                cmd = Some(Command::ClearFilters);
            }
        }
    });
    cmd
}
