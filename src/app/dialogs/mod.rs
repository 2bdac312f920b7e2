//! The questions the window asks and the windows that wait for an answer: the file
//! questions, fix preview, set value, settings, loading a template, restoring unsaved
//! edits, and the progress of a background job.

pub mod default_button;
pub mod file;
pub mod fix_preview;
pub mod issue_list;
pub mod path_field;
pub mod progress;
pub mod recovery;
pub mod set_value;
pub mod settings_window;
pub mod sheet_picker;
pub mod template;
pub mod template_editor;
