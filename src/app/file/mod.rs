//! Files: opening and saving (with their questions), the background jobs, recovery
//! journals, dropped files, the recent list and templates loaded from files.

pub mod drop;
pub mod existing;
pub mod failure;
pub mod issue_list;
pub mod journal_writer;
pub mod journaling;
pub mod loader;
pub mod ops;
pub mod picker;
pub mod recent;
pub mod recovery;
pub mod replace;
pub mod template_actions;
pub mod template_editing;
pub mod templates;
pub mod workbook;
