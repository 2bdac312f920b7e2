//! The panels beside and above the grid, and the windows that stay open while the user
//! edits: issues, subscriptions, find, filter, review, roster, shortcuts, status bar.

pub mod filter_bar;
pub mod find;
pub mod fix_button;
pub mod help;
pub mod issue_text;
pub mod issues;
pub mod messages;
pub mod review;
pub mod roster;
pub mod side;
pub mod start;
pub mod status_bar;
pub mod subscriptions;
