//! The window, headless through egui_kittest: the same events a desktop sends, state read
//! back through accesskit.

#[path = "../ui_support/mod.rs"]
mod ui_support;

mod column_order;
mod dropdown;
mod edit_clipboard;
mod edit_find;
mod edit_fix;
mod edit_labels;
mod edit_road;
mod edit_undo;
mod editing;
mod everyday;
mod files;
mod fix_preview;
mod fix_sample;
mod grid_view;
mod i18n;
mod ime;
mod long_edits;
mod module_graph;
mod monkey;
mod only_changed;
mod recovery;
mod screen_reader;
mod settings;
mod shortcuts;
mod template_editor;
mod texts;
mod typing;
mod window_errors;
mod workbooks;
